use crate::state::Import;
use std::rc::Rc;
use timeline_core::{Mapping, Role};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ColumnMappingProps {
    pub import: Rc<Import>,
    pub onapply: Callback<Mapping>,
}

/// Above this many columns, the roles are typed with suggestions (one
/// list of the columns for all roles), not chosen from a list per role:
/// a 5,000-column table would otherwise build 60,000 options.
const WIDE: usize = 60;

/// The mapping step for a table of unknown shape: the columns with a preview
/// of the first rows, and a choice per role (date, end, title, category,
/// country, places, casualties, summary, source, link, id). Open, with a
/// line that says what to choose, when a role it needs (the date, the
/// title) has no column; otherwise one click away.
#[function_component(ColumnMapping)]
pub fn column_mapping(props: &ColumnMappingProps) -> Html {
    let Some(table) = props.import.table.clone() else {
        return html! {};
    };
    let start = props.import.mapping.clone().unwrap_or_default();
    let chosen = crate::hooks::erased::use_state(|| start.clone());
    {
        // A new file (or a new reading of it) starts from its own mapping.
        let chosen = chosen.clone();
        crate::hooks::erased::use_effect_on(start, move |m| chosen.set(m.clone()));
    }
    let missing = props
        .import
        .mapping
        .as_ref()
        .map_or(vec![Role::Date, Role::Title], Mapping::missing);
    let wide = table.columns.len() > WIDE;
    let apply = {
        let chosen = chosen.clone();
        props.onapply.reform(move |_: MouseEvent| (*chosen).clone())
    };
    html! {
        <details class="column-mapping" open={!missing.is_empty()} data-testid="column-mapping" data-missing={missing.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(" ")}>
            <summary>{ format!("Columns of {}: which is which", props.import.name) }</summary>
            if !missing.is_empty() {
                <p class="notice" data-testid="mapping-missing">{ missing_line(&missing) }</p>
            }
            if wide {
                <datalist id="mapping-columns">
                    { for table.columns.iter().map(|c| html! { <option value={c.clone()} /> }) }
                </datalist>
            }
            <div class="mapping-roles">
            { for Role::ALL.into_iter().map(|role| {
                let id = format!("map-{}", role.as_str());
                let current = chosen.get(role).map(String::from);
                let onchange = {
                    let chosen = chosen.clone();
                    Callback::from(move |e: Event| {
                        // A list (select) or, in a wide table, a typed name (input).
                        let value = if wide {
                            e.target_unchecked_into::<HtmlInputElement>().value()
                        } else {
                            e.target_unchecked_into::<HtmlSelectElement>().value()
                        };
                        let mut m = (*chosen).clone();
                        m.set(role, Some(value.trim().to_string()));
                        chosen.set(m);
                    })
                };
                let choice = if wide {
                    html! { <input id={id.clone()} list="mapping-columns" data-role={role.as_str()} value={current.clone().unwrap_or_default()} placeholder="— none —" {onchange} /> }
                } else {
                    html! {
                        <select id={id.clone()} data-role={role.as_str()} {onchange}>
                            <option value="" selected={current.is_none()}>{ "— none —" }</option>
                            { for table.columns.iter().map(|c| html! {
                                <option value={c.clone()} selected={current.as_deref() == Some(c.as_str())}>{ c.clone() }</option>
                            }) }
                        </select>
                    }
                };
                html! {
                    <span class="mapping-role">
                        <label for={id}>{ role.label() }</label>
                        { choice }
                    </span>
                }
            }) }
            </div>
            <button class="apply" data-action="apply-mapping" onclick={apply}>{ "Read the file with these columns" }</button>
            <div class="mapping-preview" tabindex="0" role="region" aria-label="The first rows of the file">
                <table>
                    <caption>{ preview_caption(table.preview.len(), table.columns.len()) }</caption>
                    <thead><tr>{ for table.columns.iter().take(WIDE).map(|c| html! { <th scope="col">{ c.clone() }</th> }) }</tr></thead>
                    <tbody>
                    { for table.preview.iter().map(|row| html! {
                        <tr>{ for row.iter().take(WIDE).map(|v| html! { <td>{ v.chars().take(60).collect::<String>() }</td> }) }</tr>
                    }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// "Choose the column that holds the date and the title." — for the roles a row needs.
fn missing_line(missing: &[Role]) -> String {
    let names: Vec<String> = missing.iter().map(|r| r.as_str().to_string()).collect();
    format!(
        "No column was recognised as the {}: choose it below, then read the file again.",
        names.join(" or the ")
    )
}

fn preview_caption(rows: usize, columns: usize) -> String {
    if columns > WIDE {
        format!("First {rows} rows (the first {WIDE} of {columns} columns)")
    } else {
        format!("First {rows} rows")
    }
}
