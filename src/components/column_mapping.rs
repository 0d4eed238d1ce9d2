use crate::state::Import;
use std::rc::Rc;
use timeline_core::{Mapping, Role};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ColumnMappingProps {
    pub import: Rc<Import>,
    pub onapply: Callback<Mapping>,
}

/// The mapping step for a table of unknown shape: the columns with a preview
/// of the first rows, and a choice per role (date, end, title, category,
/// country, places, casualties, summary, source, link, id). Open when
/// nothing could be read; otherwise one click away.
#[function_component(ColumnMapping)]
pub fn column_mapping(props: &ColumnMappingProps) -> Html {
    let Some(table) = props.import.table.clone() else {
        return html! {};
    };
    let start = props.import.mapping.clone().unwrap_or_default();
    let chosen = use_state(|| start.clone());
    {
        // A new file (or a new reading of it) starts from its own mapping.
        let chosen = chosen.clone();
        use_effect_with(start, move |m| chosen.set(m.clone()));
    }
    let no_date = props
        .import
        .mapping
        .as_ref()
        .is_none_or(|m| m.get(Role::Date).is_none());
    let apply = {
        let chosen = chosen.clone();
        props.onapply.reform(move |_: MouseEvent| (*chosen).clone())
    };
    html! {
        <details class="column-mapping" open={no_date} data-testid="column-mapping">
            <summary>{ format!("Columns of {}: which is which", props.import.name) }</summary>
            <div class="mapping-roles">
            { for Role::ALL.into_iter().map(|role| {
                let id = format!("map-{}", role.as_str());
                let current = chosen.get(role).map(String::from);
                let onchange = {
                    let chosen = chosen.clone();
                    Callback::from(move |e: Event| {
                        let sel: HtmlSelectElement = e.target_unchecked_into();
                        let mut m = (*chosen).clone();
                        m.set(role, Some(sel.value()));
                        chosen.set(m);
                    })
                };
                html! {
                    <span class="mapping-role">
                        <label for={id.clone()}>{ role.label() }</label>
                        <select id={id} data-role={role.as_str()} {onchange}>
                            <option value="" selected={current.is_none()}>{ "— none —" }</option>
                            { for table.columns.iter().map(|c| html! {
                                <option value={c.clone()} selected={current.as_deref() == Some(c.as_str())}>{ c.clone() }</option>
                            }) }
                        </select>
                    </span>
                }
            }) }
            </div>
            <button class="apply" data-action="apply-mapping" onclick={apply}>{ "Read the file with these columns" }</button>
            <div class="mapping-preview" tabindex="0" role="region" aria-label="The first rows of the file">
                <table>
                    <caption>{ format!("First {} rows", table.preview.len()) }</caption>
                    <thead><tr>{ for table.columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }</tr></thead>
                    <tbody>
                    { for table.preview.iter().map(|row| html! {
                        <tr>{ for row.iter().map(|v| html! { <td>{ v.chars().take(60).collect::<String>() }</td> }) }</tr>
                    }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
