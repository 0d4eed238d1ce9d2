use crate::hooks::use_float_placement::{apply, attr_selector, resolve, Anchor};
use timeline_core::place::{Options, Rect, Side};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartTooltipProps {
    /// The event pointed at or focused: its mark (`.mark[data-event-id]` in
    /// the chart) is the anchor.
    pub event_id: String,
    pub title: String,
    pub date: String,
    /// Drawn as a dashed band (its day not known): what the band means.
    #[prop_or_default]
    pub band: Option<&'static str>,
}

/// The chart's year axis: from the chart's top to its first lane.
fn axis_strip(chart: &web_sys::Element) -> Option<Rect> {
    let c = chart.get_bounding_client_rect();
    let lane = chart.query_selector(".lane-bg").ok().flatten()?;
    let top = lane.get_bounding_client_rect().top();
    Some(Rect::new(
        c.left(),
        c.top(),
        c.width(),
        (top - c.top()).max(0.0),
    ))
}

/// The tooltip of the mark under the pointer or the focus: its title and date,
/// placed by the one placement rule (timeline_core::place) — above the mark,
/// else below or beside it, always inside the window, and never over the
/// year axis when there is room elsewhere. Render it inside the chart's
/// container (any positioned ancestor will do).
#[function_component(ChartTooltip)]
pub fn chart_tooltip(props: &ChartTooltipProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let mark = Anchor::Selector(format!(
            "[data-testid=chart] .mark{}",
            attr_selector("data-event-id", &props.event_id)
        ));
        // After every render: the mark moves with zoom and pan.
        crate::hooks::erased::use_effect_always(move || {
            let Some(el) = node.cast::<HtmlElement>() else {
                return;
            };
            let Some(anchor) = resolve(&mark) else {
                return;
            };
            let avoid = el
                .closest("[data-testid=chart]")
                .ok()
                .flatten()
                .and_then(|c| axis_strip(&c));
            let opts = Options {
                prefer: vec![Side::Above, Side::Below, Side::Right, Side::Left],
                gap: 6.0,
                margin: 4.0,
                avoid,
            };
            apply(&el, anchor, &opts);
        });
    }
    html! {
        <div class="chart-tooltip" role="tooltip" data-testid="chart-tooltip" ref={node}>
            <strong>{ props.title.clone() }</strong><span>{ props.date.clone() }</span>
            if let Some(note) = props.band {
                <span class="band-note">{ note }</span>
            }
        </div>
    }
}
