//! The page's layouts around the main view: the whole page, and the page in
//! a frame (the filters it allows, a source line); what only they use.

use crate::components::{
    announcer::Announcer,
    country_chips::{country_chips, CountryChipsProps},
    country_map::CountryMap,
    data_source::{data_source, DataSourceProps},
    date_range::{date_range, DateRangeProps},
    kind_legend::{kind_legend, KindLegendProps},
    print_list::{print_list, PrintListProps},
    search_box::{search_box, SearchBoxProps},
    stats_panel::StatsPanel,
    summary_line::{summary_line, SummaryLineProps},
};
#[cfg(feature = "full")]
use crate::components::{
    embed_dialog::EmbedDialog,
    problems_panel::ProblemsPanel,
    story_panel::{story_panel, StoryPanelProps},
    story_problems::{story_problems, StoryProblemsProps},
};
#[cfg(feature = "full")]
use crate::loading::LoadStatus;
use crate::state::{Action, AppState};
use std::rc::Rc;
use timeline_core::embed::Control;
use timeline_core::urlstate::ViewMode;
use timeline_core::{Dataset, Event};
use yew::prelude::*;

/// What the page's parts share, worked out once a render.
pub(super) struct Page {
    pub(super) state: UseReducerHandle<AppState>,
    /// Stable across renders (it compares by pointer), so children given only it and
    /// unchanged data do not re-render.
    pub(super) dispatch: Callback<Action>,
    pub(super) ds: Rc<Dataset>,
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub(super) playing: bool,
    /// A link to another dataset (`?data=`, or a story's) that has not arrived yet.
    pub(super) awaiting_link: bool,
    /// The root font size (timeline_core::frame::type_px).
    pub(super) em: f64,
    pub(super) selected: Option<Event>,
    pub(super) later: bool,
}

/// The search box and the country chips, as the frame allows.
fn search_and_chips(p: &Page) -> Html {
    let (state, ds, dispatch) = (&p.state, &p.ds, &p.dispatch);
    let e = &state.embed;
    if p.awaiting_link {
        return html! {};
    }
    html! {
        <>
            if e.shows(Control::Search) { { search_box(&SearchBoxProps { text: state.view.filter.text.clone(), dispatch: dispatch.clone() }) } }
            if e.shows(Control::Countries) {
                { country_chips(&CountryChipsProps { dataset: ds.clone(), selected: state.view.filter.countries.clone(), counts: state.counts.clone(), dispatch: dispatch.clone() }) }
            }
        </>
    }
}

/// The kind legend, as the frame allows.
fn kinds(p: &Page) -> Html {
    let (state, ds, dispatch) = (&p.state, &p.ds, &p.dispatch);
    html! {
        if state.embed.shows(Control::Kinds) && !p.awaiting_link {
            { kind_legend(&KindLegendProps { dataset: ds.clone(), selected: state.view.filter.kinds.clone(), counts: state.counts.clone(), dispatch: dispatch.clone() }) }
        }
    }
}

/// The search box, the country chips and the kind legend, as the frame allows.
#[cfg(feature = "full")]
fn filters(p: &Page) -> Html {
    html! { <>{ search_and_chips(p) }{ kinds(p) }</> }
}

/// "Source: …": the dataset's sources, in one line.
/// "Source: …" — none for a dataset that names no source (an imported file).
fn source_line(ds: &Dataset) -> Option<String> {
    let source = ds
        .meta
        .sources
        .iter()
        .map(|s| match &s.author {
            Some(a) => format!("{a}, “{}”", s.title),
            None => s.title.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    (!source.is_empty()).then(|| format!("Source: {source}"))
}

/// Under the chart on a desktop, after the filters on a phone (styles: .stats-area).
fn stats(p: &Page) -> Html {
    let state = &p.state;
    html! {
        if state.embed.shows(Control::Stats) && p.later && !p.awaiting_link {
            <div class="stats-area"><StatsPanel dataset={p.ds.clone()} shown={state.shown.clone()} dispatch={p.dispatch.clone()} theme={state.embed.theme} /></div>
        }
    }
}

/// The page in a frame: the filters it allows, the chart, a source line.
#[cfg(feature = "full")]
pub(super) fn embed_page(p: &Page, main: Html) -> Html {
    let (state, ds) = (&p.state, &p.ds);
    let e = &state.embed;
    let has_filters =
        e.shows(Control::Search) || e.shows(Control::Countries) || e.shows(Control::Kinds);
    html! {
        <div class={classes!("app", "embed", state.presenting.then_some("presenting"))}>
            <Announcer state={state.clone()} />
            if has_filters { <aside class="embed-filters" aria-label="Filters">{ filters(p) }</aside> }
            <main class="main" id="main">
                // The frame's page has its own level-one heading, for screen readers only (the host page shows its title).
                <h1 class="visually-hidden">{ ds.meta.title.clone() }</h1>
                // The summary a screen reader meets before the chart (the footer's line is short).
                if !p.awaiting_link { { summary_line(&SummaryLineProps { dataset: ds.clone(), shown: state.shown.clone(), full: true, class: "visually-hidden" }) } }
                if let Some(n) = state.story.notice.clone() { <p class="notice" role="status" data-testid="story-notice">{ n }</p> }
                // A linked dataset that could not be loaded is said in the frame too (the built-in one is shown instead).
                if let LoadStatus::Failed(why) = &state.load { <p class="notice error" role="alert" data-testid="load-status">{ why.clone() }</p> }
                { main }{ stats(p) }
            </main>
            <footer class="embed-source">if !p.awaiting_link { { summary_line(&SummaryLineProps { dataset: ds.clone(), shown: state.shown.clone(), full: false, class: "" }) } }{ source_line(ds).map(|s| if p.awaiting_link { s } else { format!(" · {s}") }) }</footer>
        </div>
    }
}

/// Opens a file: a story file as a story, anything else as a dataset.
#[cfg(feature = "full")]
fn open_any_file(state: &UseReducerHandle<AppState>, f: web_sys::File) {
    let state = state.clone();
    let d = state.dispatcher().to_callback();
    crate::story_io::open_any(
        f,
        d,
        Callback::from(move |f| crate::hooks::use_data_source::open_file(state.clone(), f)),
    )
}

/// Opening a file (the button or a drop); in the lean module, the full
/// module's, on first use (upgrade.rs).
fn file_opener(state: &UseReducerHandle<AppState>) -> Callback<web_sys::File> {
    #[cfg(feature = "full")]
    {
        let state = state.clone();
        Callback::from(move |f: web_sys::File| open_any_file(&state, f))
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = state;
        Callback::from(|f: web_sys::File| crate::upgrade::upgrade(None, Some(f)))
    }
}

/// A new mapping of the columns of the table read (the mapping step).
#[cfg(feature = "full")]
fn remapper(state: &UseReducerHandle<AppState>) -> Callback<timeline_core::Mapping> {
    let state = state.clone();
    Callback::from(move |m| crate::hooks::use_data_source::remap(state.clone(), m))
}

/// JSON and CSV downloads of what is shown.
#[cfg(feature = "full")]
fn data_export(state: &UseReducerHandle<AppState>) -> Callback<&'static str> {
    let state = state.clone();
    Callback::from(move |kind: &'static str| {
        if let Err(e) = crate::export::export_data(&state.data.dataset, &state.shown, kind) {
            web_sys::console::error_1(&e.into());
        }
    })
}

/// The lean module: no table is ever read (nothing to map), and downloads
/// are the full module's, on first use.
#[cfg(not(feature = "full"))]
fn remapper(_: &UseReducerHandle<AppState>) -> Callback<timeline_core::Mapping> {
    Callback::noop()
}
#[cfg(not(feature = "full"))]
fn data_export(_: &UseReducerHandle<AppState>) -> Callback<&'static str> {
    Callback::from(|kind: &'static str| {
        crate::upgrade::upgrade(
            Some(if kind == "json" {
                "export-json"
            } else {
                "export-csv"
            }),
            None,
        )
    })
}

/// The data source line: open, drop, the mapping step, JSON/CSV export.
fn data_source_line(p: &Page, onfile: Callback<web_sys::File>) -> Html {
    let state = &p.state;
    let (onremap, ondata) = (remapper(state), data_export(state));
    html! {
        { data_source(&DataSourceProps { source: state.source.clone(), load: state.load.clone(), onfile,
            import: state.import.clone(), onremap, onexport: ondata }) }
    }
}

/// The whole page: header, notices, filters (and the story panel), the
/// chart, the statistics, the embed dialog.
pub(super) fn full_page(
    p: &Page,
    main: Html,
    embed_open: &crate::hooks::erased::StateHandle<bool>,
    shapes: Option<Rc<timeline_core::map::MapShapes>>,
    printing: bool,
) -> Html {
    let (state, ds, dispatch) = (&p.state, &p.ds, &p.dispatch);
    let e = &state.embed;
    let list = state.view.view == ViewMode::List;
    let onfile = file_opener(state);
    // A .json or .csv dropped anywhere on the page is opened.
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let onfile = onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                onfile.emit(f);
            }
        })
    };
    html! {
        <div class="app" {ondragover} {ondrop}>
            { crate::components::skip_link::skip_link(&crate::components::skip_link::SkipLinkProps { list }) }
            <crate::components::drop_target::DropTarget />
            <Announcer state={state.clone()} />
            <header class="app-header">
                <h1>{ ds.meta.title.clone() }</h1>
                // They speak of the dataset shown: not of the built-in one while a linked dataset loads.
                if !p.awaiting_link { { summary_line(&SummaryLineProps { dataset: ds.clone(), shown: state.shown.clone(), full: true, class: "" }) } }
            </header>
            if !state.url_notice.is_empty() {
                <p class="notice" role="status">
                    { format!("Some link settings were not understood and were reset: {}", state.url_notice.join(", ")) }
                </p>
            }
            { data_source_line(p, onfile) }
            { problems(p) }
            <div class="layout">
                // One column beside the chart on a desktop; on a phone (styles: .side) the
                // search and the chips come before the chart, so a chip's result is in view
                // below it, and the rest of the filters after it.
                <div class="side">
                    <aside class="filters" aria-label={if state.story.authoring { "Story and filters" } else { "Filters" }}>
                        { authoring(p) }
                        { search_and_chips(p) }
                    </aside>
                    <aside class="filters filters-more" aria-label="More filters">
                        { kinds(p) }
                        if let Some(shapes) = shapes.filter(|_| e.shows(Control::Countries) && !p.awaiting_link) {
                            <CountryMap dataset={ds.clone()} shapes={shapes} counts={state.counts.clone()}
                                selected={state.view.filter.countries.clone()} dispatch={dispatch.clone()} />
                        }
                        if !p.awaiting_link {
                            { date_range(&DateRangeProps { from: state.view.filter.from, to: state.view.filter.to, dispatch: dispatch.clone(),
                                first_year: state.data.years().0, last_year: state.data.years().1 }) }
                            <button class="link-button" onclick={crate::state::on_click(dispatch, |_| Action::ClearFilters)}>{ "Clear all filters" }</button>
                        }
                    </aside>
                </div>
                <main class="main" id="main">
                    { main }
                    if printing {
                        { print_list(&PrintListProps { dataset: ds.clone(), shown: state.shown.clone(), filters: state.view.filter.describe(ds) }) }
                    }
                </main>
                { stats(p) }
            </div>
            { embed_dialog(p, embed_open) }
            if let Some(line) = source_line(ds) {
                <footer class="app-footer">{ line }</footer>
            }
        </div>
    }
}

/// The problems of the data and of the story read (the full module: the
/// lean one shows only the built-in data, which has none).
#[cfg(feature = "full")]
fn problems(p: &Page) -> Html {
    let state = &p.state;
    html! {
        <>
            <ProblemsPanel problems={state.data.problems.clone()} />
            { story_problems(&StoryProblemsProps { problems: state.story.problems.clone(), name: state.story.name.clone().unwrap_or_default().into() }) }
            if let Some(n) = state.story.notice.clone().filter(|_| !state.story.authoring) {
                <p class="notice" role="status" data-testid="story-notice">{ n }</p>
            }
        </>
    }
}

/// The story's panel while one is made.
#[cfg(feature = "full")]
fn authoring(p: &Page) -> Html {
    let state = &p.state;
    html! {
        if state.story.authoring && !p.playing {
            { story_panel(&StoryPanelProps { story: state.story.clone(), dataset: p.ds.clone(), selected: state.view.selected.clone(), dispatch: p.dispatch.clone() }) }
        }
    }
}

/// The embed dialog, once opened.
#[cfg(feature = "full")]
fn embed_dialog(p: &Page, open: &crate::hooks::erased::StateHandle<bool>) -> Html {
    let state = &p.state;
    html! {
        if **open {
            <EmbedDialog view={state.view.clone()} dataset={p.ds.clone()} shown={state.shown.clone()}
                story={(!state.story.story().scenes.is_empty()).then(|| crate::story_io::link_value(state.story.story()).unwrap_or_default())}
                onclose={ let o = open.clone(); Callback::from(move |_| {
                    o.set(false);
                    // Back to the button that opened it, once the dialog is gone.
                    gloo::timers::callback::Timeout::new(0, || { crate::dom::focus("[data-action=embed]"); }).forget();
                }) } />
        }
    }
}

/// The lean module: none of these (upgrade.rs).
#[cfg(not(feature = "full"))]
fn problems(_: &Page) -> Html {
    Html::default()
}
#[cfg(not(feature = "full"))]
use problems as authoring;
#[cfg(not(feature = "full"))]
fn embed_dialog(_: &Page, _: &crate::hooks::erased::StateHandle<bool>) -> Html {
    Html::default()
}
