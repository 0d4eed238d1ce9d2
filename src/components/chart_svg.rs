//! The chart's static parts drawn from the chart model (timeline_core::chart):
//! lane backgrounds and labels, the time axis, the clusters. Plain functions,
//! not components: they hold no state and compute nothing.

use crate::components::kind_symbol::kind_class;
use crate::state::Action;
use timeline_core::chart::ChartModel;
use timeline_core::fmt::{px, px2};
use timeline_core::windowing::WindowAction;
use timeline_core::Dataset;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Lane backgrounds and their labels (in the gutter, or above the lane on a
/// narrow chart; cut to their room, the whole label as a tooltip).
pub fn lanes(m: &ChartModel, ds: &Dataset) -> Html {
    m.lanes
        .iter()
        .map(|l| {
            let class = match l.kind {
                Some(k) => format!("lane {}", kind_class(ds.category(k))),
                None => "lane".to_string(),
            };
            html! {
                <g class={class}>
                    <rect class="lane-bg" x="0" y={px(l.top)} width={px(m.width)} height={px(l.height)} />
                    <text class="lane-label" x="8" y={px(l.label_y)}>{ l.label.clone() }
                        if let Some(full) = &l.full_label { <title>{ full.clone() }</title> }</text>
                </g>
            }
        })
        .collect()
}

/// Tick labels along the top (each inside the plot, none over another: the
/// core decides) and grid lines down through the lanes.
pub fn axis(m: &ChartModel) -> Html {
    let k = m.k;
    html! {
        <g class="axis" aria-hidden="true" transform={format!("translate({},0)", px(m.gutter))}>
            { for m.ticks.iter().map(|t| html! {
                <g class={classes!("tick", t.major.then_some("major"))}>
                    <line x1={px(t.x)} x2={px(t.x)} y1={px(20.0 * k)} y2={px(m.height)} />
                    // Only where it fits inside the plot, clear of the others (chart::tick_marks).
                    if let Some(tt) = t.text {
                        <text x={px(tt.x)} y={px(14.0 * k)} text-anchor={tt.anchor.svg()}>{ t.label.clone() }</text>
                    }
                </g>
            }) }
        </g>
    }
}

/// A cluster lists its events' ids (`data-event-ids`) up to this many (the
/// strings cost time on every redraw of a dense chart): what the core keeps of them.
const MAX_IDS: usize = timeline_core::layout::CLUSTER_IDS;

/// The clusters: a count each; a click or Enter zooms to its events' days.
/// Not keyed: as one zooms, bins change members, and their elements are
/// patched in place rather than made anew.
pub fn clusters(m: &ChartModel, ds: &Dataset, d: &Callback<Action>) -> Html {
    let onclick = {
        let d = d.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(a) = cluster_target(&e) {
                d.emit(Action::Window(a));
            }
        })
    };
    let onkeydown = {
        let d = d.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(a) = cluster_target(&e) {
                    e.prevent_default();
                    d.emit(Action::Window(a));
                }
            }
        })
    };
    let k = m.k;
    html! {
        <g class="clusters" clip-path="url(#plot-clip)" {onclick} {onkeydown}>
            { for m.clusters.iter().map(|c| {
                let n = c.n;
                // The members' ids, for automation, where they are few enough to write out.
                let ids = (n <= MAX_IDS).then(|| c.first.iter().map(|&i| ds.events[i].id.as_str()).collect::<Vec<_>>().join(" "));
                let WindowAction::Days { first, last } = c.zoom else { return html! {} };
                html! {
                    <g class="cluster" role="button" tabindex="-1" data-cluster-size={n.to_string()} data-event-ids={ids}
                        data-zoom={format!("{first} {last}")} aria-label={format!("{} close together; zoom in to see them", timeline_core::text::counted(n, "event", "events"))}>
                        <rect x={px(c.rect.x)} y={px(c.rect.y)} width={px(c.rect.w)} height={px(c.rect.h)} rx={px(9.0 * k)}
                            fill-opacity={px2(c.opacity)} />
                        <text x={px(c.text.0)} y={px(c.text.1)} text-anchor="middle">{ c.count.clone() }</text>
                    </g>
                }
            }) }
        </g>
    }
}

/// The zoom a cluster stands for, from the element an event came from.
fn cluster_target(e: &Event) -> Option<WindowAction> {
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let zoom = el.closest(".cluster").ok()??.get_attribute("data-zoom")?;
    let (a, b) = zoom.split_once(' ')?;
    Some(WindowAction::Days {
        first: a.parse().ok()?,
        last: b.parse().ok()?,
    })
}
