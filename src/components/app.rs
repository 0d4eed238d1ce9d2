//! The root: loads the built-in dataset once, owns the state, lays out the page.

use crate::components::{
    announcer::Announcer,
    chart_outline::ChartOutline,
    country_map::CountryMap,
    embed_dialog::EmbedDialog,
    presenter_bar::{presenter_bar, PresenterBarProps},
    time_overview::TimeOverview,
};
use crate::components::{
    country_chips::{country_chips, CountryChipsProps},
    data_source::{data_source, DataSourceProps},
    date_range::{date_range, DateRangeProps},
    event_caption::EventCaption,
    event_details::EventDetails,
    kind_legend::{kind_legend, KindLegendProps},
    list_view::ListView,
    print_list::{print_list, PrintListProps},
    problems_panel::ProblemsPanel,
    search_box::{search_box, SearchBoxProps},
    stats_panel::StatsPanel,
    summary_line::SummaryLine,
    timeline_chart::TimelineChart,
    toolbar::Toolbar,
};
use crate::components::{
    story_card::{story_card, StoryCardProps},
    story_panel::{story_panel, StoryPanelProps},
    story_player::{story_player, StoryPlayerProps},
    story_problems::{story_problems, StoryProblemsProps},
};
use crate::hooks::{
    use_data_source::{open_file, use_data_source},
    use_root_attrs::use_root_attrs,
    use_url_sync::{read_location, use_url_sync},
};
use crate::hooks::{use_host_api::use_host_api, use_presenter_keys::use_presenter_keys};
use crate::state::{Action, AppState, Data};
use std::rc::Rc;
use timeline_core::embed::{Control, EmbedOptions, Theme};
use timeline_core::urlstate::ViewMode;
use timeline_core::{Dataset, Event};
use yew::prelude::*;

/// The state on start: the built-in dataset, the link's view, the frame's options.
fn initial_state() -> AppState {
    let data = Data::new(crate::builtin::dataset(), Vec::new());
    // A linked dataset (`?data=`) is still to come: the link's countries and
    // event are checked against it when it arrives, not against the built-in one.
    let pending = crate::hooks::use_data_source::data_param();
    let (view, ignored) = read_location(if pending.is_some() {
        None
    } else {
        Some(&data.dataset)
    });
    let mut s = AppState::new(data, view, ignored);
    if let Some(url) = pending {
        s.load = crate::state::LoadStatus::Loading(url);
    }
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    s.embed = EmbedOptions::decode(&search);
    // The theme picked on an earlier visit (the link's ?theme= wins; frames follow their host).
    if !s.embed.embed && !crate::hooks::use_theme_memory::theme_in_link(&search) {
        if let Some(t) = crate::hooks::use_theme_memory::stored_theme() {
            s.embed.theme = t;
        }
    }
    s.presenting = s.embed.present;
    s
}

/// What the page's parts share, worked out once a render.
struct Page {
    state: UseReducerHandle<AppState>,
    /// Stable across renders (it compares by pointer), so children given only it and
    /// unchanged data do not re-render.
    dispatch: Callback<Action>,
    ds: Rc<Dataset>,
    playing: bool,
    /// A link to another dataset (`?data=`, or a story's) that has not arrived yet.
    awaiting_link: bool,
    /// The root font size (timeline_core::frame::type_px).
    em: f64,
    selected: Option<Event>,
    later: bool,
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_url_sync(state.clone());
    use_data_source(state.clone());
    use_host_api(state.clone());
    let playing = state.story.playing.is_some();
    {
        let state = state.clone();
        use_presenter_keys(
            state.presenting && !state.paused && !playing,
            Callback::from(move |a| state.dispatch(a)),
        );
    }
    crate::hooks::use_stories::use_stories(&state);
    // Type sized to the frame (timeline_core::frame::type_px): set on <html>
    // in a frame, where every size in the styles is in rem.
    let (vw, vh) = crate::hooks::use_window_size::use_window_size();
    let em = timeline_core::frame::type_px(
        vw,
        vh,
        state.embed.theme,
        state.embed.embed,
        state.presenting || playing,
    );
    crate::hooks::use_frame_style::use_frame_style(
        em,
        state.embed.embed,
        state.embed.theme,
        state.paused,
    );
    crate::hooks::use_presenter_start::use_presenter_start(state.clone());
    let ontheme = crate::hooks::use_theme_memory::use_theme_memory(Callback::from({
        let state = state.clone();
        move |a| state.dispatch(a)
    }));
    let embed_open = use_state(|| false);
    // The dataset the page's link asks for (`?data=`), if any.
    let linked = use_memo((), |_| crate::hooks::use_data_source::data_param());
    let later = crate::hooks::use_after_first_frame::use_after_first_frame();
    // Parsed once, after the first frame (the map is not part of it).
    let shapes = use_memo(later, |later| {
        later.then(|| std::rc::Rc::new(crate::builtin::map_shapes()))
    });
    let printing = crate::hooks::use_printing::use_printing();
    use_root_attrs(
        state.shown.len(),
        state.source.clone(),
        state.load.clone(),
        later,
    );
    crate::dom::fault_injection();
    let ds = state.data.dataset.clone();
    let selected = state
        .view
        .selected
        .as_ref()
        .and_then(|id| ds.event(id))
        .cloned();
    let page = Page {
        dispatch: state.dispatcher().to_callback(),
        ds,
        playing,
        awaiting_link: awaiting_link(&state, linked.as_deref()),
        em,
        selected,
        later,
        state,
    };
    let main = main_view(&page, ontheme, &embed_open);
    if page.state.embed.embed {
        return embed_page(&page, main);
    }
    full_page(&page, main, &embed_open, (*shapes).clone(), printing)
}

/// A link to another dataset (`?data=`, or the story's own) that has not
/// arrived yet: the built-in data is not drawn meanwhile (it would flash, and
/// drawing it would delay the fetch); a line says what is loading. A failure
/// shows the built-in data.
fn awaiting_link(state: &AppState, linked: Option<&str>) -> bool {
    state.source == "built-in"
        && match &state.load {
            crate::state::LoadStatus::Loading(name)
            | crate::state::LoadStatus::Parsing { name, .. } => {
                linked == Some(name.as_str())
                    || state
                        .story
                        .awaiting
                        .as_ref()
                        .is_some_and(|w| w.url == *name)
            }
            _ => false,
        }
}

/// The search box, the country chips and the kind legend, as the frame allows.
fn filters(p: &Page) -> Html {
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
            if e.shows(Control::Kinds) {
                { kind_legend(&KindLegendProps { dataset: ds.clone(), selected: state.view.filter.kinds.clone(), counts: state.counts.clone(), dispatch: dispatch.clone() }) }
            }
        </>
    }
}

/// "Source: …": the dataset's sources, in one line.
fn source_line(ds: &Dataset) -> String {
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
    format!("Source: {source}")
}

/// The SVG and PNG pictures of the chart (drawn in the worker).
fn picture_export(state: &UseReducerHandle<AppState>) -> Callback<&'static str> {
    let state = state.clone();
    Callback::from(move |kind: &'static str| {
        let r = if kind == "svg" {
            crate::export::export_svg(&state.data.dataset, &state.view)
        } else {
            crate::export::export_png(&state.data.dataset, &state.view)
        };
        if let Err(e) = r {
            web_sys::console::error_1(&e.into());
        }
    })
}

/// The toolbar, the story's player, and the chart, the list or a title card.
fn main_view(p: &Page, ontheme: Callback<Theme>, embed_open: &UseStateHandle<bool>) -> Html {
    let (state, ds, dispatch, playing) = (&p.state, &p.ds, &p.dispatch, p.playing);
    let e = &state.embed;
    let position = state
        .view
        .selected
        .as_deref()
        .and_then(|id| state.shown.iter().position(|&i| ds.events[i].id == id))
        .map(|p| p + 1);
    let list = state.view.view == ViewMode::List;
    let card = state.story.scene().filter(|s| s.view.is_none()).map(|s| {
        story_card(&StoryCardProps {
            title: s.title.clone().into(),
            caption: s.caption.clone().into(),
            story_title: state.story.story().title.clone().into(),
        })
    });
    html! {
        <>
            <div class="command-row">
                <Toolbar view={state.view.view} grouping={state.view.grouping} dispatch={dispatch.clone()} onexport={picture_export(state)}
                    embed={state.embed.clone()} presenting={state.presenting} {ontheme} authoring={state.story.authoring}
                    onembed={ let o = embed_open.clone(); Callback::from(move |_| o.set(true)) } />
                if state.presenting && !playing {
                    { presenter_bar(&PresenterBarProps { position, total: state.shown.len(), dispatch: dispatch.clone() }) }
                }
            </div>
            if playing {
                { story_player(&StoryPlayerProps { story: state.story.clone(), dispatch: dispatch.clone(), read_only: e.embed }) }
            }
            if let Some(card) = card {
                { card }
            } else if p.awaiting_link {
                <p class="chart-placeholder" data-testid="chart-placeholder">{ "Loading the linked dataset…" }</p>
            } else if list {
                <ListView dataset={ds.clone()} shown={state.shown.clone()} selected={state.view.selected.clone()} dispatch={dispatch.clone()} />
                if let Some(ev) = p.selected.clone().filter(|_| !e.embed) {
                    <EventDetails dataset={ds.clone()} event={ev} anchor={None::<(f64, f64)>} dispatch={dispatch.clone()} />
                }
            } else {
                <TimelineChart state={state.clone()} dispatch={dispatch.clone()} em={p.em} />
                // The whole span with the visible window as a brush (not in frames: they keep the chart's height).
                if !e.embed {
                    <TimeOverview dataset={ds.clone()} shown={state.shown.clone()} window={state.window()}
                        extent={state.data.fit} bounds={state.data.bounds} dispatch={dispatch.clone()} />
                    // The same events as a tree to walk (lanes → years → events).
                    <ChartOutline dataset={ds.clone()} shown={state.shown.clone()} grouping={state.view.grouping} dispatch={dispatch.clone()} />
                }
                // Presenting in the full page: the current event's details float beside its mark.
                if let Some(ev) = p.selected.clone().filter(|_| state.presenting && !e.embed) {
                    <EventDetails dataset={ds.clone()} event={ev} anchor={None::<(f64, f64)>} beside_mark={true} dispatch={dispatch.clone()} />
                }
            }
            // In a frame: the current event as a caption sized to the frame (a story shows its scene's instead).
            if let Some(ev) = p.selected.clone().filter(|_| e.embed && !p.awaiting_link && !playing) {
                <EventCaption dataset={ds.clone()} event={ev} presenting={state.presenting} dispatch={dispatch.clone()} />
            }
        </>
    }
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
fn embed_page(p: &Page, main: Html) -> Html {
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
                if !p.awaiting_link { <SummaryLine dataset={ds.clone()} shown={state.shown.clone()} class="visually-hidden" /> }
                if let Some(n) = state.story.notice.clone() { <p class="notice" role="status" data-testid="story-notice">{ n }</p> }
                { main }{ stats(p) }
            </main>
            <footer class="embed-source">if !p.awaiting_link { <SummaryLine dataset={ds.clone()} shown={state.shown.clone()} full={false} />{ " · " } }{ source_line(ds) }</footer>
        </div>
    }
}

/// Opening a file (the button or a drop): a story file opens as a story,
/// anything else as a dataset.
fn file_opener(state: &UseReducerHandle<AppState>) -> Callback<web_sys::File> {
    let state = state.clone();
    Callback::from(move |f: web_sys::File| {
        let state = state.clone();
        let d = state.dispatcher().to_callback();
        crate::story_io::open_any(f, d, Callback::from(move |f| open_file(state.clone(), f)))
    })
}

/// The data source line: open, drop, the mapping step, JSON/CSV export.
fn data_source_line(p: &Page, onfile: Callback<web_sys::File>) -> Html {
    let state = &p.state;
    let onremap = {
        let state = state.clone();
        Callback::from(move |m: timeline_core::Mapping| {
            crate::hooks::use_data_source::remap(state.clone(), m)
        })
    };
    let ondata = {
        let state = state.clone();
        Callback::from(move |kind: &'static str| {
            if let Err(e) = crate::export::export_data(&state.data.dataset, &state.shown, kind) {
                web_sys::console::error_1(&e.into());
            }
        })
    };
    html! {
        { data_source(&DataSourceProps { source: state.source.clone(), load: state.load.clone(), onfile,
            import: state.import.clone(), onremap, onexport: ondata }) }
    }
}

/// The whole page: header, notices, filters (and the story panel), the
/// chart, the statistics, the embed dialog.
fn full_page(
    p: &Page,
    main: Html,
    embed_open: &UseStateHandle<bool>,
    shapes: Option<Rc<timeline_core::map::MapShapes>>,
    printing: bool,
) -> Html {
    let (state, ds, dispatch, playing) = (&p.state, &p.ds, &p.dispatch, p.playing);
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
                if !p.awaiting_link { <SummaryLine dataset={ds.clone()} shown={state.shown.clone()} /> }
            </header>
            if !state.url_notice.is_empty() {
                <p class="notice" role="status">
                    { format!("Some link settings were not understood and were reset: {}", state.url_notice.join(", ")) }
                </p>
            }
            { data_source_line(p, onfile) }
            <ProblemsPanel problems={state.data.problems.clone()} />
            { story_problems(&StoryProblemsProps { problems: state.story.problems.clone(), name: state.story.name.clone().unwrap_or_default().into() }) }
            if let Some(n) = state.story.notice.clone().filter(|_| !state.story.authoring) {
                <p class="notice" role="status" data-testid="story-notice">{ n }</p>
            }
            <div class="layout">
                <aside class="filters" aria-label={if state.story.authoring { "Story and filters" } else { "Filters" }}>
                    if state.story.authoring && !playing {
                        { story_panel(&StoryPanelProps { story: state.story.clone(), dataset: ds.clone(), selected: state.view.selected.clone(), dispatch: dispatch.clone() }) }
                    }
                    { filters(p) }
                    if let Some(shapes) = shapes.filter(|_| e.shows(Control::Countries) && !p.awaiting_link) {
                        <CountryMap dataset={ds.clone()} shapes={shapes} counts={state.counts.clone()}
                            selected={state.view.filter.countries.clone()} dispatch={dispatch.clone()} />
                    }
                    if !p.awaiting_link {
                        { date_range(&DateRangeProps { from: state.view.filter.from, to: state.view.filter.to, dispatch: dispatch.clone(),
                            first_year: state.data.years().0, last_year: state.data.years().1 }) }
                        <button class="link-button" onclick={dispatch.reform(|_| Action::ClearFilters)}>{ "Clear all filters" }</button>
                    }
                </aside>
                <main class="main" id="main">
                    { main }
                    if printing {
                        { print_list(&PrintListProps { dataset: ds.clone(), shown: state.shown.clone(), filters: state.view.filter.describe(ds) }) }
                    }
                </main>
                { stats(p) }
            </div>
            if **embed_open {
                <EmbedDialog view={state.view.clone()} dataset={ds.clone()} shown={state.shown.clone()}
                    story={(!state.story.story().scenes.is_empty()).then(|| crate::story_io::link_value(state.story.story()).unwrap_or_default())}
                    onclose={ let o = embed_open.clone(); Callback::from(move |_| o.set(false)) } />
            }
            <footer class="app-footer">{ source_line(ds) }</footer>
        </div>
    }
}
