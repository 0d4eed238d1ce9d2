use crate::components::{
    chart_svg, chart_tooltip::ChartTooltip, event_details::EventDetails, event_mark::event_mark,
};
use crate::dom::bump_render_seq;
use crate::hooks::erased::ByPtr;
use crate::hooks::use_chart_gestures::{use_chart_gestures, Plot};
use crate::hooks::use_chart_keys::{use_chart_keys, KeyContext};
use crate::state::{Action, AppState};
use std::rc::Rc;
use timeline_core::chart::{ChartBase, ChartModel, Focus, Frame};
use timeline_core::fmt::px;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    pub state: UseReducerHandle<AppState>,
    pub dispatch: Callback<Action>,
    /// The root font size in px: the chart's type and rows scale with it.
    #[prop_or(16.0)]
    pub em: f64,
}

/// The chart's content width the stylesheet will give, from the window's width.
pub(crate) fn estimated_width(embed: bool) -> f64 {
    let vw = crate::dom::inner_width();
    let w = if embed {
        vw - 16.0
    } else if vw <= 720.0 {
        // styles: a phone's page padding is 10 px a side
        vw - 20.0
    } else {
        vw.min(1920.0) - 40.0 - 260.0 - 20.0
    };
    (w - 2.0).max(300.0)
}

/// What the chart's keys do, read by screen readers when the chart gets focus.
pub const KEYS_HELP: &str = "One event at a time: Left and Right arrows go to the previous and next event of the lane, \
Up and Down to the nearest event of the lane above or below, Home and End to the lane's first and last, \
Page Up and Page Down by the axis's step. Enter opens the event, Escape closes it. \
Plus and minus zoom, Shift with the arrows pans, 0 shows everything. \
With a mouse or a trackpad: Ctrl (⌘ on a Mac) with the wheel, or a pinch, zooms; sideways scrolling, or Shift with the wheel, moves. \
A count of events close together opens with a click, or by walking into it with the arrows.";

/// What a plain wheel turn over the chart on a page shows: how to zoom (it scrolled the page).
pub const WHEEL_HINT: &str = "To zoom, hold Ctrl (⌘ on a Mac) and scroll, or pinch";

/// The chart: lanes, axis, marks and clusters drawn as SVG from the chart
/// model (timeline_core::chart), which is recomputed only when what it depends
/// on changes (a hover never lays out again); zoom with the wheel or pinch,
/// buttons and keys; pan by dragging and with arrow keys; events open a popover.
#[function_component(TimelineChart)]
pub fn timeline_chart(props: &TimelineChartProps) -> Html {
    let state = &props.state;
    let ds = state.data.dataset.clone();
    let container = use_node_ref();
    let hovered = crate::hooks::erased::use_state(|| None::<String>);
    // The container's width, followed by a ResizeObserver (iframes, hidden tabs, phones).
    // Before the first measurement, the width the layout will give, so the first
    // frame has the right height and nothing shifts when it is measured.
    let measured = crate::hooks::use_element_width::use_element_size(container.clone());
    let width = measured.map_or_else(|| estimated_width(state.embed.embed), |(w, _)| w);
    // In a frame the lanes are fitted into the height the chart gets.
    let avail = measured
        .filter(|_| state.embed.embed)
        .map_or(0.0, |(_, h)| h);
    let frame = Frame {
        width,
        em: props.em,
        avail,
        presenting: state.presenting,
    };
    let window = state.window();
    // What does not change as the window moves: lanes' members and the rows they keep.
    let base = use_memo(
        (
            state.data.clone(),
            state.shown.clone(),
            state.view.grouping,
            width.to_bits(),
            props.em.to_bits(),
        ),
        |(data, shown, grouping, w, em)| {
            crate::stats_cache::base_for(&data.dataset, shown, *grouping, (*w, *em), || {
                // Lanes read off the events' bits where the filter is decided per class.
                let sel = crate::stats_cache::selection_of(&data.dataset, shown);
                let ds = &data.dataset;
                ChartBase::selected(ds, shown, sel.as_deref(), *grouping, data.fit, &frame)
            })
        },
    );
    let selected = state
        .view
        .selected
        .as_deref()
        .and_then(|id| ds.position(id));
    let model = use_memo(
        (
            ByPtr(base.clone()),
            [
                window.start.to_bits(),
                window.end.to_bits(),
                avail.to_bits(),
            ],
            state.presenting,
            state.cursor.clone(),
            selected,
        ),
        |(base, _, _, cursor, selected)| {
            let focus = Focus {
                window,
                cursor: cursor.as_ref(),
                selected: *selected,
            };
            Rc::new(ChartModel::new(&ds, &base.0, &frame, focus))
        },
    );
    let m: &ChartModel = &model;

    crate::hooks::use_chart_focus::use_chart_focus(container.clone(), state.view.selected.clone());
    crate::hooks::erased::use_effect_always(bump_render_seq);
    let plot = Plot {
        left: m.gutter,
        width: m.plot_w,
        window,
        presenting: state.presenting,
        owns_wheel: state.presenting || state.embed.embed,
    };
    // A wheel step, a drag, a pinch: the tooltip of what was pointed at goes (the
    // mark moves away under the pointer, which then points at nothing it knows).
    let moving = {
        let (hovered, d) = (hovered.setter(), props.dispatch.clone());
        use_callback(d, move |a: Action, d| {
            if matches!(a, Action::Window(_)) {
                hovered.set(None);
            }
            d.emit(a);
        })
    };
    let gestures = use_chart_gestures(container.clone(), plot, moving);
    let lane_keys = use_memo(ByPtr(model.clone()), |m| {
        m.0.lanes.iter().map(|l| l.key.clone()).collect::<Vec<_>>()
    });
    let keys = use_chart_keys(
        KeyContext {
            dataset: ds.clone(),
            window,
            unit: m.unit,
            cursor: state.cursor.clone(),
            lanes: Rc::new((*lane_keys).clone()),
        },
        props.dispatch.clone(),
    );
    let onhover = {
        let hovered = hovered.setter();
        use_callback((), move |id: Option<String>, _| hovered.set(id))
    };
    // The current event's lane is kept in view when the chart scrolls inside itself
    // (a frame too short for all lanes): only the chart scrolls, never the page or its host.
    {
        let container = container.clone();
        let key = m
            .selected_lane
            .map(|(t, h)| (t.round() as i64, h.round() as i64));
        crate::hooks::erased::use_effect_on((key, state.view.selected.clone()), move |(key, _)| {
            if let (Some((top, h)), Some(el)) = (key, container.cast::<HtmlElement>()) {
                let (st, ch) = (el.scroll_top() as i64, el.client_height() as i64);
                if *top < st || top + h > st + ch {
                    el.set_scroll_top((top + h / 2 - ch / 2).max(0) as i32);
                }
            }
        });
    }
    let marks_events =
        crate::hooks::use_mark_events::use_mark_events(props.dispatch.clone(), onhover.clone());
    // A story's scene: the events it highlights, its notes.
    let highlight = state.story.highlight().to_vec();
    let notes = {
        let (notes, ds) = (state.story.notes().to_vec(), ds.clone());
        use_memo((ByPtr(model.clone()), notes), move |(m, notes)| {
            let m = &m.0;
            let placed = (!notes.is_empty())
                .then(|| timeline_core::story::place_annotations(&ds, m, window, notes));
            crate::components::story_notes::story_notes(&placed.unwrap_or_default(), m.k)
        })
    };
    // The drawing, rebuilt only with the model: a hover redraws the tooltip alone.
    let drawing = {
        let (d, symbol) = (props.dispatch.clone(), frame.metrics().symbol);
        use_memo(
            (ByPtr(model.clone()), ds.clone(), highlight),
            move |(m, ds, hl)| {
                let m = &m.0;
                let marks: Html = m
                    .marks
                    .iter()
                    .map(|mk| event_mark(mk, ds, symbol, m.k, hl.contains(&ds.events[mk.event].id)))
                    .collect();
                html! {
                    <>
                    { chart_svg::lanes(m, ds) }
                    { chart_svg::axis(m) }
                    { chart_svg::clusters(m, ds, &d) }
                    <g class="marks" clip-path="url(#plot-clip)">{ marks }</g>
                    </>
                }
            },
        )
    };
    // Only while its mark is drawn in the plot (not panned out, nor in a pill).
    let tooltip = hovered
        .as_ref()
        .filter(|id| state.view.selected.as_ref() != Some(*id))
        .filter(|id| ds.position(id).is_some_and(|i| m.draws(i)))
        .and_then(|id| ds.position(id))
        .map(|i| {
            let e = &ds.events[i];
            // Said only where the band is wide enough to be seen as one.
            let banded = m.marks.iter().any(|mk| {
                mk.event == i
                    && mk.body == timeline_core::chart::Body::Band
                    && mk.rect.is_some_and(|r| r.w >= 4.0 * frame.metrics().symbol)
            });
            let band = banded.then(|| timeline_core::describe::band_note(e));
            html! { <ChartTooltip event_id={e.id.clone()} title={e.title.clone()} date={e.date_label()} {band} /> }
        });
    let open = selected.map(|i| ds.events[i].clone());
    let (h, g) = (m.height, m.gutter);
    let tab_stop = m.marks.iter().any(|mk| mk.tabbable);
    html! {
        // In a frame the lanes are fitted to the height measured: until it is, nothing is shown
        // (a first guess drawn, then the fitted chart, would jump).
        <div class={classes!("chart", (state.embed.embed && measured.is_none()).then_some("unmeasured"))} ref={container} tabindex={if tab_stop { "-1" } else { "0" }} role="group" data-testid="chart"
            data-content-height={px(m.natural_h.round())}
            data-step-days={timeline_core::fmt::px2(timeline_core::chartnav::unit_days(m.unit))}
            aria-label="Timeline chart" aria-describedby="chart-keys"
            onkeydown={keys.onkeydown} onfocusin={keys.onfocusin}>
            <p id="chart-keys" class="visually-hidden">{ KEYS_HELP }</p>
            // Shown for a moment when a plain wheel turn over the chart scrolled the page
            // (use_chart_gestures.rs); the same is said in the keys' help above.
            <p class="wheel-hint" aria-hidden="true">{ WHEEL_HINT }</p>
            <svg class="chart-svg" width={px(m.width)} height={px(h)} viewBox={format!("0 0 {} {}", px(m.width), px(h))}
                onpointerdown={gestures.onpointerdown} onpointermove={gestures.onpointermove} onpointerup={gestures.onpointerend.clone()}
                onpointercancel={gestures.onpointerend.clone()} onpointerleave={gestures.onpointerend} onclick={gestures.onclick}>
                // Marks, spans and their labels are clipped to the plot area: a span that
                // starts before the window never covers the lane labels.
                <defs><clipPath id="plot-clip"><rect x={px(g)} y="0" width={px(m.width - g)} height={px(h)} /></clipPath></defs>
                <g onclick={marks_events.onclick} onpointerover={marks_events.onpointerover} onpointerout={marks_events.onpointerout}
                    onfocusin={marks_events.onfocusin} onfocusout={marks_events.onfocusout}>{ (*drawing).clone() }</g>
                { (*notes).clone() }
            </svg>
            { tooltip.unwrap_or_default() }
            // In a frame the app shows a caption under the chart instead; a story playing shows
            // its scene's caption (the open event is its mark, drawn as selected).
            if let Some(ev) = open.filter(|_| !state.presenting && !state.embed.embed && state.story.playing.is_none()) {
                <EventDetails dataset={ds.clone()} event={ev} anchor={m.popover.map(|p| (p.left, p.y))} above={m.popover.is_some_and(|p| p.above)} dispatch={props.dispatch.clone()} />
            }
        </div>
    }
}
