use crate::state::Action;
use timeline_core::PartialDate;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct DateRangeProps {
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub first_year: i32,
    pub last_year: i32,
    pub dispatch: Callback<Action>,
}

/// A from/to year range.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn date_range(props: &DateRangeProps) -> Html {
    let years: Vec<i32> = (props.first_year..=props.last_year).collect();
    let select = |id: &'static str,
                  label: &'static str,
                  value: Option<PartialDate>,
                  make: fn(Option<PartialDate>) -> Action| {
        let onchange = props.dispatch.reform(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            make(PartialDate::parse(&v).ok())
        });
        let current = value.map(|d| d.to_string()).unwrap_or_default();
        let mut options: Vec<String> = years.iter().map(|y| y.to_string()).collect();
        if !current.is_empty() && !options.contains(&current) {
            options.push(current.clone());
        }
        html! {
            <label class="range-field">
                <span>{ label }</span>
                <select id={id} {onchange}>
                    <option value="" selected={current.is_empty()}>{ "any" }</option>
                    { for options.into_iter().map(|y| html! { <option value={y.clone()} selected={y == current}>{ y.clone() }</option> }) }
                </select>
            </label>
        }
    };
    html! {
        <fieldset class="facet">
            <legend class="facet-title">{ "Years" }</legend>
            <div class="range">
                { select("from-year", "From", props.from, Action::SetFrom) }
                { select("to-year", "To", props.to, Action::SetTo) }
            </div>
        </fieldset>
    }
}
