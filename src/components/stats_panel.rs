use crate::state::Action;
use js_sys::Array;
use std::rc::Rc;
use timeline_charts::{Hit, Target};
use timeline_core::fmt::px2;
use timeline_core::stats::Stats;
use timeline_core::windowing::WindowAction;
use timeline_core::Dataset;
use wasm_bindgen::{JsCast, JsValue};
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

/// The charts' colours for a theme (`System` follows the browser's colour scheme),
/// as the worker names them.
fn colours(theme: timeline_core::embed::Theme) -> &'static str {
    use timeline_core::embed::Theme;
    let dark = || {
        crate::dom::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches())
    };
    match theme {
        Theme::Contrast => "contrast",
        Theme::Dark => "dark",
        Theme::System if dark() => "dark",
        _ => "light",
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
pub(crate) enum Which {
    PerYear,
    Casualties,
    Countries,
}

impl Which {
    pub(crate) const ALL: [Which; 3] = [Which::PerYear, Which::Casualties, Which::Countries];
    pub(crate) fn key(self) -> &'static str {
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
            Which::Countries => "Bar chart of the events naming each country, the ten most named (SCO-wide events count only for the states they name; the table below has them all). Each bar is a button: it filters to that country.",
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

pub(crate) type Pictures = [Option<AttrValue>; 3];

/// Shown until the worker's picture is there: an empty picture, not a broken one.
const BLANK: &str = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'/%3E";

/// Gives back the pictures' blob URLs.
fn revoke(urls: &Pictures) {
    for url in urls.iter().flatten() {
        let _ = web_sys::Url::revoke_object_url(url);
    }
}

/// A bar as the worker lists it: `[x0, y0, x1, y1, label, year or null, country or null]`.
fn hit(v: JsValue) -> Option<Hit> {
    let a: Array = v.dyn_into().ok()?;
    let n = |i| a.get(i).as_f64().map(|v| v as i32);
    let target = match (a.get(5).as_f64(), a.get(6).as_string()) {
        (Some(y), _) => Target::Year(y as i32),
        (None, Some(c)) => Target::Country(c),
        _ => return None,
    };
    Some(Hit {
        x0: n(0)?,
        y0: n(1)?,
        x1: n(2)?,
        y1: n(3)?,
        label: a.get(4).as_string()?,
        target,
    })
}

/// The three charts drawn in the worker: their pictures (blob URLs) and bars.
/// `None` when the answer is no longer wanted (`wanted`: a newer change came
/// meanwhile): nothing is made of it (a filter clicked while the worker drew).
async fn draw(
    stats: &Stats,
    w: f64,
    theme: &str,
    wanted: impl Fn() -> bool,
) -> Result<Option<(Pictures, [Vec<Hit>; 3])>, String> {
    let mut packed = timeline_core::pack::Writer::default();
    timeline_core::pack::write_stats(&mut packed, stats);
    let (array, buffer) = crate::worker::bytes(&packed.buf);
    let job = Array::of5(
        &"stats".into(),
        &array,
        &w.into(),
        &CHART_H.into(),
        &theme.into(),
    );
    let answer = crate::worker::run(job, Array::of1(&buffer), |_, _| ()).await?;
    if !wanted() {
        return Ok(None);
    }
    let mut urls: Pictures = Default::default();
    let mut hits: [Vec<Hit>; 3] = Default::default();
    for i in 0..3 {
        let blob = crate::export::text_blob(&answer.get(1 + i as u32), "image/svg+xml")?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)
            .map_err(|e| crate::dom::js_error(&e))?;
        urls[i] = Some(url.into());
        hits[i] = Array::from(&answer.get(4 + i as u32))
            .iter()
            .filter_map(hit)
            .collect();
    }
    Ok(Some((urls, hits)))
}

/// Linked statistics drawn with plotters (as SVG, in the worker): they follow
/// the filters, are crisp at any device pixel ratio, redraw on resize, and
/// every bar is a focusable button (an SVG layer over the picture, from the
/// chart's own coordinates) with its value as label. A table gives the same
/// figures as text.
#[function_component(StatsPanel)]
pub fn stats_panel(props: &StatsPanelProps) -> Html {
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let hits = crate::hooks::erased::use_state(|| [Vec::<Hit>::new(), Vec::new(), Vec::new()]);
    let hover = crate::hooks::erased::use_state(|| None::<String>);
    let table_open = crate::hooks::erased::use_state(|| false);
    // Each chart is one Tab stop: its active bar (arrows move between bars).
    let active = crate::hooks::erased::use_state(|| [0usize; 3]);
    // Keyed on the dataset (by pointer: each load is a new one) and the shown
    // events: two datasets with as many events have the same indexes.
    let stats = use_memo(
        (SameData(props.dataset.clone()), props.shown.clone()),
        |(ds, shown)| crate::stats_cache::stats_for(&ds.0, shown),
    );

    // Width from a ResizeObserver on the first chart.
    let measured = crate::hooks::use_element_width::use_element_width(refs[0].clone());
    // Drawn once the panel comes near the window (the drawing fetches the worker's module).
    let section = use_node_ref();
    let near = crate::hooks::use_near_view::use_near_view(section.clone());
    let size = (measured.unwrap_or(0.0).round(), props.theme, near);
    // The charts as SVG pictures (blob URLs), drawn by plotters in the worker.
    // After the lean module, its pictures until these are drawn (upgrade.rs).
    let images =
        crate::hooks::erased::use_state(crate::components::stats_handover::adopted_pictures);
    // The URLs shown, to give back when they are replaced or the panel goes.
    let shown_urls = use_mut_ref(|| (*images).clone());
    // Only the newest drawing is shown (an older answer arriving late is dropped).
    let generation = use_mut_ref(|| 0u32);
    // The dataset the pictures shown were drawn from: another one's (a file
    // just opened) are not shown while the new ones are drawn.
    let drawn_for = use_mut_ref(|| match images.iter().any(Option::is_some) {
        true => Rc::downgrade(&props.dataset),
        false => std::rc::Weak::new(),
    });
    let current = drawn_for
        .borrow()
        .upgrade()
        .is_some_and(|d| Rc::ptr_eq(&d, &props.dataset));
    {
        let shown_urls = shown_urls.clone();
        // Not when the lean app hands its pictures to the full one.
        crate::hooks::erased::use_effect_on((), move |_| {
            move || {
                if !crate::upgrade::handing_over() {
                    revoke(&shown_urls.borrow())
                }
            }
        })
    }
    // Draw whenever the figures or the size change — in a task after the
    // timeline's frame, so the charts follow a filter without delaying it.
    // A newer change cancels a drawing not yet started (the Timeout is dropped).
    {
        let hits = hits.clone();
        let images = images.clone();
        let (drawn_for, ds) = (drawn_for.clone(), Rc::downgrade(&props.dataset));
        crate::hooks::erased::use_effect_on(
            (stats.clone(), size),
            move |(stats, (w, theme, near))| {
                let (stats, w, theme) = (stats.clone(), *w, *theme);
                let w = if *near { w } else { 0.0 };
                // A drawing in the worker for earlier figures is no longer wanted.
                *generation.borrow_mut() += 1;
                // After the next frame (which shows the timeline), when the browser
                // is idle (within 300 ms): a filter or zoom paints first, the charts follow.
                let pending: Rc<std::cell::RefCell<Option<crate::dom::Idle>>> = Rc::default();
                let slot = pending.clone();
                let frame = (w > 0.0).then(|| {
                    gloo::render::request_animation_frame(move |_| {
                        *slot.borrow_mut() = Some(crate::dom::when_idle(
                            move || {
                                *generation.borrow_mut() += 1;
                                let mine = *generation.borrow();
                                wasm_bindgen_futures::spawn_local(async move {
                                    let wanted = || *generation.borrow() == mine;
                                    match draw(&stats, w, colours(theme), &wanted).await {
                                        Ok(None) => {}
                                        Ok(Some((urls, _))) if !wanted() => revoke(&urls),
                                        Ok(Some((urls, out))) => {
                                            *drawn_for.borrow_mut() = ds;
                                            revoke(&shown_urls.replace(urls.clone()));
                                            images.set(urls);
                                            hits.set(out);
                                        }
                                        Err(e) => web_sys::console::error_1(&e.into()),
                                    }
                                });
                            },
                            300,
                        ));
                    })
                });
                move || {
                    drop(frame);
                    pending.borrow_mut().take();
                }
            },
        );
    }
    // The hit layer re-renders when the hits change: a redraw for the automation hooks.
    {
        crate::hooks::erased::use_effect_on(hits.clone(), |_| crate::dom::bump_render_seq());
    }

    let w = size.0;
    let charts = Which::ALL.into_iter().enumerate().map(|(i, which)| {
        let hits_i: &[Hit] = if current { &hits[i] } else { &[] };
        let n_bars = hits_i.len();
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
        let layer: Html = hits_i.iter().enumerate().map(|(bar, h)| {
            let (x, y) = (h.x0.min(h.x1), h.y0.min(h.y1));
            let (bw, bh) = ((h.x1 - h.x0).abs(), (h.y1 - h.y0).abs());
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
                <rect class="hit" x={x.to_string()} y={y.to_string()} width={bw.to_string()} height={bh.to_string()}
                    role="button" tabindex={if bar == stop { "0" } else { "-1" }} data-index={bar.to_string()} aria-label={label} data-bar-year={year} data-bar-country={country}
                    {onclick} {onkeydown} onpointerenter={on} onfocus={onf} />
            }
        }).collect();
        // A dataset that names no country has no chart of countries (not an empty one).
        if which == Which::Countries && props.dataset.meta.countries.is_empty() {
            return html! {};
        }
        html! {
            <figure class="stat-chart" data-chart={which.key()} aria-busy={(!current).then_some("true")}>
                <img ref={refs[i].clone()} src={images[i].clone().filter(|_| current).unwrap_or(AttrValue::Static(BLANK))} alt={which.description()} />
                <svg class="hit-layer" viewBox={format!("0 0 {} {}", px2(w.max(1.0)), px2(CHART_H))} preserveAspectRatio="none" onkeydown={onkeydown_layer}
                    onpointerleave={ let hover = hover.clone(); Callback::from(move |_| hover.set(None)) }>{ layer }</svg>
            </figure>
        }
    });

    let s = &*stats;
    // Killed and wounded only where some event shown states them (not columns of zeros).
    let casualties = s.states_casualties();
    // A figure no event of the year states is not 0: the source is silent.
    let figure = |v: Option<u64>| match v {
        Some(n) => html! { <td>{ n }</td> },
        None => html! { <td class="not-stated">{ "not stated" }</td> },
    };
    html! {
        <section class="stats" aria-label="Statistics of the events shown" data-testid="stats" ref={section}>
            <div class="stats-charts">{ for charts }</div>
            <p class="stats-hover" aria-live="polite">{ hover.as_deref().unwrap_or("Point at or focus a bar for its figures (arrow keys go from bar to bar); click it or press Enter to zoom to a year or filter to a country.") }</p>
            <details class="stats-table" ontoggle={ let t = table_open.clone(); Callback::from(move |e: Event| {
                t.set(e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open()));
            }) }>
                <summary>{ "The figures as a table" }</summary>
                // Built only while open: a closed table is neither seen nor read.
                if *table_open {
                // Each table scrolls sideways in its own box where it is wider than the page (a phone).
                <div class="table-scroll" tabindex="0" role="region" aria-label="Events per year">
                <table data-testid="stats-table">
                    <caption>{ if casualties { "Events per year, by kind, with killed and wounded where the source states them" } else { "Events per year, by kind" } }</caption>
                    <thead><tr>
                        <th scope="col">{ "Year" }</th>
                        { for s.categories.iter().map(|c| html! { <th scope="col">{ c.plural.clone() }</th> }) }
                        <th scope="col">{ "Total" }</th>
                        if casualties { <th scope="col">{ "Killed" }</th><th scope="col">{ "Wounded" }</th> }
                    </tr></thead>
                    <tbody>
                    { for s.years.iter().map(|y| html! {
                        <tr data-year={y.year.to_string()}>
                            <th scope="row">{ y.year }</th>
                            { for y.by_kind.iter().map(|n| html! { <td>{ n }</td> }) }
                            <td data-field="total">{ y.total() }</td>
                            if casualties { { figure(y.killed) }{ figure(y.wounded) } }
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
                if !s.countries.is_empty() {
                <div class="table-scroll" tabindex="0" role="region" aria-label="Events naming each country">
                <table>
                    <caption>{ if s.organisation_wide > 0 { "Events naming each country (organisation-wide events count only for the states they name)" } else { "Events naming each country" } }</caption>
                    <tbody>
                    { for s.countries.iter().map(|(code, name, n)| html! { <tr data-country-row={code.clone()}><th scope="row">{ name.clone() }</th><td>{ n }</td></tr> }) }
                    </tbody>
                </table>
                </div>
                }
                }
            </details>
        </section>
    }
}
