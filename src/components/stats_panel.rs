use crate::state::Action;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use timeline_charts::{draw_casualties, draw_countries, draw_per_year, ChartStyle, Hit, Target};
use timeline_core::stats::Stats;
use timeline_core::windowing::WindowAction;
use timeline_core::Dataset;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatsPanelProps {
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
    pub dispatch: Callback<Action>,
    /// The page's theme: the canvases are drawn in its colours.
    #[prop_or_default]
    pub theme: timeline_core::embed::Theme,
}

/// The charts' colours for a theme (`System` follows the browser's colour scheme).
fn colours(theme: timeline_core::embed::Theme) -> timeline_charts::palette::Colours {
    use timeline_charts::palette::Colours;
    use timeline_core::embed::Theme;
    let dark = || {
        web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches())
    };
    match theme {
        Theme::Contrast => Colours::contrast(),
        Theme::Dark => Colours::dark(),
        Theme::System if dark() => Colours::dark(),
        _ => Colours::light(),
    }
}

/// A dataset compared by pointer: a newly loaded one is another, whatever its size.
struct SameData(Rc<Dataset>);

impl PartialEq for SameData {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// CSS height of each chart, in pixels.
const CHART_H: f64 = 210.0;

#[derive(Clone, Copy, PartialEq)]
enum Which {
    PerYear,
    Casualties,
    Countries,
}

impl Which {
    const ALL: [Which; 3] = [Which::PerYear, Which::Casualties, Which::Countries];
    fn key(self) -> &'static str {
        match self {
            Which::PerYear => "per-year",
            Which::Casualties => "casualties",
            Which::Countries => "countries",
        }
    }
    fn description(self) -> &'static str {
        match self {
            Which::PerYear => "Bar chart of events per year, stacked by kind. Each bar is a button: it zooms the timeline to that year.",
            Which::Casualties => "Bar chart of killed and wounded per year. Each bar is a button: it zooms the timeline to that year.",
            Which::Countries => "Bar chart of the events naming each country (SCO-wide events count only for the states they name). Each bar is a button: it filters to that country.",
        }
    }
}

/// The action a bar stands for: zoom to its year, or filter to its country.
fn action_for(target: &Target) -> Action {
    match target {
        Target::Year(y) => Action::Window(WindowAction::Year(*y)),
        Target::Country(c) => Action::ToggleCountry(c.clone()),
    }
}

/// Linked statistics drawn with plotters on canvases: they follow the filters,
/// are crisp at any device pixel ratio, redraw on resize, and every bar is a
/// focusable button (an SVG layer over the canvas, from the chart's own
/// coordinates) with its value as label. A table gives the same figures as text.
#[function_component(StatsPanel)]
pub fn stats_panel(props: &StatsPanelProps) -> Html {
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let hits = use_state(|| [Vec::<Hit>::new(), Vec::new(), Vec::new()]);
    let hover = use_state(|| None::<String>);
    let table_open = use_state(|| false);
    // Each chart is one Tab stop: its active bar (arrows move between bars).
    let active = use_state(|| [0usize; 3]);
    // Keyed on the dataset (by pointer: each load is a new one) and the shown
    // events: two datasets with as many events have the same indexes.
    let stats = use_memo(
        (SameData(props.dataset.clone()), props.shown.clone()),
        |(ds, shown)| Stats::compute(&ds.0, shown),
    );

    // Width from a ResizeObserver on the first chart; the device pixel ratio with it.
    let measured = crate::hooks::use_element_width::use_element_width(refs[0].clone());
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let size = (measured.unwrap_or(0.0), dpr, props.theme);
    // Draw whenever the figures or the size change — in a task after the
    // timeline's frame, so the charts follow a filter without delaying it.
    // A newer change cancels a drawing not yet done (the Timeout is dropped).
    {
        let refs = refs.clone();
        let hits = hits.clone();
        use_effect_with((stats.clone(), size), move |(stats, (w, dpr, theme))| {
            let (stats, w, dpr, theme) = (stats.clone(), *w, *dpr, *theme);
            // After the next frame (which shows the timeline), when the browser
            // is idle (within 300 ms): a filter or zoom paints first, the charts follow.
            let pending: Rc<std::cell::RefCell<Option<crate::dom::Idle>>> = Rc::default();
            let slot = pending.clone();
            let frame = (w > 0.0).then(|| {
                gloo::render::request_animation_frame(move |_| {
                    *slot.borrow_mut() = Some(crate::dom::when_idle(
                        move || {
                            let st = ChartStyle {
                                scale: dpr,
                                colours: colours(theme),
                            };
                            let mut out: [Vec<Hit>; 3] = Default::default();
                            for (i, which) in Which::ALL.into_iter().enumerate() {
                                let Some(canvas) = refs[i].cast::<HtmlCanvasElement>() else {
                                    continue;
                                };
                                canvas.set_width((w * dpr).round() as u32);
                                canvas.set_height((CHART_H * dpr).round() as u32);
                                let Some(backend) = CanvasBackend::with_canvas_object(canvas)
                                else {
                                    continue;
                                };
                                let root = backend.into_drawing_area();
                                let drawn = match which {
                                    Which::PerYear => draw_per_year(&root, &stats, &st),
                                    Which::Casualties => draw_casualties(&root, &stats, &st),
                                    Which::Countries => draw_countries(&root, &stats, &st),
                                };
                                match drawn {
                                    Ok(h) => out[i] = h,
                                    Err(e) => web_sys::console::error_1(&e.into()),
                                }
                                let _ = root.present();
                            }
                            hits.set(out);
                        },
                        300,
                    ));
                })
            });
            move || {
                drop(frame);
                pending.borrow_mut().take();
            }
        });
    }
    // The hit layer re-renders when the hits change: a redraw for the automation hooks.
    {
        use_effect_with(hits.clone(), |_| crate::dom::bump_render_seq());
    }

    let (w, dpr, _) = size;
    let charts = Which::ALL.into_iter().enumerate().map(|(i, which)| {
        let n_bars = hits[i].len();
        let stop = active[i].min(n_bars.saturating_sub(1));
        // Arrows, Home and End move between the chart's bars; the focus goes with them.
        let onkeydown_layer = {
            let active = active.clone();
            Callback::from(move |e: KeyboardEvent| {
                let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
                let at = el.get_attribute("data-index").and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
                let to = match e.key().as_str() {
                    "ArrowRight" | "ArrowDown" => (at + 1).min(n_bars.saturating_sub(1)),
                    "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
                    "Home" => 0,
                    "End" => n_bars.saturating_sub(1),
                    _ => return,
                };
                e.prevent_default();
                let mut a = *active;
                a[i] = to;
                active.set(a);
                if let Some(next) = el.parent_element().and_then(|p| p.children().item(to as u32)) {
                    let _ = next.dyn_into::<web_sys::SvgElement>().map(|s| s.focus());
                }
            })
        };
        let layer: Html = hits[i].iter().enumerate().map(|(bar, h)| {
            let (x, y) = (h.x0.min(h.x1) as f64 / dpr, h.y0.min(h.y1) as f64 / dpr);
            let (bw, bh) = ((h.x1 - h.x0).abs() as f64 / dpr, (h.y1 - h.y0).abs() as f64 / dpr);
            let (year, country) = match &h.target {
                Target::Year(y) => (Some(y.to_string()), None),
                Target::Country(c) => (None, Some(c.clone())),
            };
            let d = props.dispatch.clone();
            let target = h.target.clone();
            let onclick = Callback::from(move |_: MouseEvent| d.emit(action_for(&target)));
            let d = props.dispatch.clone();
            let target = h.target.clone();
            let onkeydown = Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); d.emit(action_for(&target)); });
            let label = h.label.clone();
            let on = { let hover = hover.clone(); let l = label.clone(); Callback::from(move |_: PointerEvent| hover.set(Some(l.clone()))) };
            let onf = { let hover = hover.clone(); let l = label.clone(); Callback::from(move |_: FocusEvent| hover.set(Some(l.clone()))) };
            html! {
                <rect class="hit" x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{bw:.1}")} height={format!("{bh:.1}")}
                    role="button" tabindex={if bar == stop { "0" } else { "-1" }} data-index={bar.to_string()} aria-label={label} data-bar-year={year} data-bar-country={country}
                    {onclick} {onkeydown} onpointerenter={on} onfocus={onf} />
            }
        }).collect();
        // A dataset that names no country has no chart of countries (not an empty one).
        if which == Which::Countries && props.dataset.meta.countries.is_empty() {
            return html! {};
        }
        html! {
            <figure class="stat-chart" data-chart={which.key()}>
                <canvas ref={refs[i].clone()} role="img" aria-label={which.description()}></canvas>
                <svg class="hit-layer" viewBox={format!("0 0 {} {CHART_H}", w.max(1.0))} preserveAspectRatio="none" onkeydown={onkeydown_layer}
                    onpointerleave={ let hover = hover.clone(); Callback::from(move |_| hover.set(None)) }>{ layer }</svg>
            </figure>
        }
    });

    let s = &*stats;
    html! {
        <section class="stats" aria-label="Statistics of the events shown" data-testid="stats">
            <div class="stats-charts">{ for charts }</div>
            <p class="stats-hover" aria-live="polite">{ hover.as_deref().unwrap_or("Point at or focus a bar for its figures (arrow keys go from bar to bar); click it or press Enter to zoom to a year or filter to a country.") }</p>
            <details class="stats-table" ontoggle={ let t = table_open.clone(); Callback::from(move |e: Event| {
                t.set(e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open()));
            }) }>
                <summary>{ "The figures as a table" }</summary>
                // Built only while open: a closed table is neither seen nor read.
                if *table_open {
                <table data-testid="stats-table">
                    <caption>{ "Events per year, by kind, with casualties" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Year" }</th>
                        { for s.categories.iter().map(|c| html! { <th scope="col">{ c.plural.clone() }</th> }) }
                        <th scope="col">{ "Total" }</th><th scope="col">{ "Killed" }</th><th scope="col">{ "Wounded" }</th>
                    </tr></thead>
                    <tbody>
                    { for s.years.iter().map(|y| html! {
                        <tr data-year={y.year.to_string()}>
                            <th scope="row">{ y.year }</th>
                            { for y.by_kind.iter().map(|n| html! { <td>{ n }</td> }) }
                            <td data-field="total">{ y.total() }</td><td>{ y.killed }</td><td>{ y.wounded }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                if !s.countries.is_empty() {
                <table>
                    <caption>{ "Events naming each country (SCO-wide events count only for the states they name)" }</caption>
                    <tbody>
                    { for s.countries.iter().map(|(code, name, n)| html! { <tr data-country-row={code.clone()}><th scope="row">{ name.clone() }</th><td>{ n }</td></tr> }) }
                    </tbody>
                </table>
                }
                }
            </details>
        </section>
    }
}
