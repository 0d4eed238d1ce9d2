use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct SkipLinkProps {
    /// The list view is shown instead of the chart.
    pub list: bool,
}

/// The page's first Tab stop: "Skip to the chart" (or the list). It moves the
/// focus into the chart, onto its current event (the chart's own Tab stop), so
/// the filters' many stops are one key press away. Without script a plain
/// link to the main area.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn skip_link(props: &SkipLinkProps) -> Html {
    let target = if props.list {
        "[data-testid=list] .row-open, [data-testid=list]"
    } else {
        "[data-testid=chart] .mark[tabindex=\"0\"], [data-testid=chart]"
    };
    let onclick = Callback::from(move |e: MouseEvent| {
        let el = crate::dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(target).ok().flatten());
        if let Some(el) = el {
            e.prevent_default();
            if let Ok(el) = el.clone().dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            } else if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    });
    html! {
        <a class="skip-link" href="#main" data-action="skip-to-chart" {onclick}>
            { if props.list { "Skip to the list" } else { "Skip to the chart" } }
        </a>
    }
}
