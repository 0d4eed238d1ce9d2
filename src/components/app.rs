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
    story_card::StoryCard, story_panel::StoryPanel, story_player::StoryPlayer,
    story_problems::StoryProblems,
};
use crate::hooks::{
    use_data_source::{open_file, use_data_source},
    use_root_attrs::use_root_attrs,
    use_url_sync::{read_location, use_url_sync},
};
use crate::hooks::{use_host_api::use_host_api, use_presenter_keys::use_presenter_keys};
use crate::state::{Action, AppState, Data};
use timeline_core::embed::{Control, EmbedOptions};
use timeline_core::urlstate::ViewMode;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
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
    });
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
    // Stories: `?story=`, the keys while one plays, the window's moves, the automation hooks.
    let story_count = state.story.story().scenes.len();
    crate::hooks::use_story_link::use_story_link(state.dispatcher().to_callback());
    crate::hooks::use_story_keys::use_story_keys(
        playing && !state.paused,
        story_count,
        !state.embed.embed,
        state.dispatcher().to_callback(),
    );
    crate::hooks::use_story_motion::use_story_motion(
        state.story.motion,
        state.dispatcher().to_callback(),
    );
    crate::hooks::use_story_attrs::use_story_attrs(
        state.story.playing.map(|i| (i, story_count)),
        state.story.motion.is_some(),
    );
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
    let onfile = {
        let state = state.clone();
        // A story file opens as a story, anything else as a dataset.
        Callback::from(move |f: web_sys::File| {
            let state = state.clone();
            let d = state.dispatcher().to_callback();
            crate::story_io::open_any(f, d, Callback::from(move |f| open_file(state.clone(), f)))
        })
    };
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
    let onexport = {
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
    };
    // Stable across renders (it compares by pointer), so children given only it and
    // unchanged data do not re-render.
    let dispatch = state.dispatcher().to_callback();
    crate::dom::fault_injection();
    let ds = state.data.dataset.clone();
    let title = ds.meta.title.clone();
    let list = state.view.view == ViewMode::List;
    let selected = state
        .view
        .selected
        .as_ref()
        .and_then(|id| ds.event(id))
        .cloned();

    let e = &state.embed;
    let position = state
        .view
        .selected
        .as_deref()
        .and_then(|id| state.shown.iter().position(|&i| ds.events[i].id == id))
        .map(|p| p + 1);
    let filters = html! {
        <>
            if e.shows(Control::Search) { { search_box(&SearchBoxProps { text: state.view.filter.text.clone(), dispatch: dispatch.clone() }) } }
            if e.shows(Control::Countries) {
                { country_chips(&CountryChipsProps { dataset: ds.clone(), selected: state.view.filter.countries.clone(), counts: state.counts.clone(), dispatch: dispatch.clone() }) }
            }
            if e.shows(Control::Kinds) {
                { kind_legend(&KindLegendProps { dataset: ds.clone(), selected: state.view.filter.kinds.clone(), counts: state.counts.clone(), dispatch: dispatch.clone() }) }
            }
        </>
    };
    let has_filters =
        e.shows(Control::Search) || e.shows(Control::Countries) || e.shows(Control::Kinds);
    // A link to another dataset (`?data=`) that has not arrived yet: the
    // built-in data is not drawn meanwhile (it would flash, and drawing it
    // would delay the fetch); a line says what is loading. A failure shows
    // the built-in data.
    let awaiting_link = state.source == "built-in"
        && match &state.load {
            crate::state::LoadStatus::Loading(name)
            | crate::state::LoadStatus::Parsing { name, .. } => {
                linked.as_deref() == Some(name.as_str())
            }
            _ => false,
        };
    let filters = if awaiting_link {
        html! {}
    } else {
        filters
    };
    let card = state.story.scene().filter(|s| s.view.is_none()).map(|s| html! {
        <StoryCard title={s.title.clone()} caption={s.caption.clone()} story_title={state.story.story().title.clone()} />
    });
    let main_view = html! {
        <>
            <div class="command-row">
                <Toolbar view={state.view.view} grouping={state.view.grouping} dispatch={dispatch.clone()} {onexport}
                    embed={state.embed.clone()} presenting={state.presenting} {ontheme} authoring={state.story.authoring}
                    onembed={ let o = embed_open.clone(); Callback::from(move |_| o.set(true)) } />
                if state.presenting && !playing {
                    { presenter_bar(&PresenterBarProps { position, total: state.shown.len(), dispatch: dispatch.clone() }) }
                }
            </div>
            if playing {
                <StoryPlayer story={state.story.clone()} dispatch={dispatch.clone()} read_only={e.embed} />
            }
            if let Some(card) = card.clone() {
                { card }
            } else if awaiting_link {
                <p class="chart-placeholder" data-testid="chart-placeholder">{ "Loading the linked dataset…" }</p>
            } else if list {
                <ListView dataset={ds.clone()} shown={state.shown.clone()} selected={state.view.selected.clone()} dispatch={dispatch.clone()} />
                if let Some(ev) = selected.clone().filter(|_| !e.embed) {
                    <EventDetails dataset={ds.clone()} event={ev} anchor={None::<(f64, f64)>} dispatch={dispatch.clone()} />
                }
            } else {
                <TimelineChart state={state.clone()} dispatch={dispatch.clone()} {em} />
                // The whole span with the visible window as a brush (not in frames: they keep the chart's height).
                if !e.embed {
                    <TimeOverview dataset={ds.clone()} shown={state.shown.clone()} window={state.window()}
                        extent={state.data.fit} bounds={state.data.bounds} dispatch={dispatch.clone()} />
                    // The same events as a tree to walk (lanes → years → events).
                    <ChartOutline dataset={ds.clone()} shown={state.shown.clone()} grouping={state.view.grouping} dispatch={dispatch.clone()} />
                }
                // Presenting in the full page: the current event's details float beside its mark.
                if let Some(ev) = selected.clone().filter(|_| state.presenting && !e.embed) {
                    <EventDetails dataset={ds.clone()} event={ev} anchor={None::<(f64, f64)>} beside_mark={true} dispatch={dispatch.clone()} />
                }
            }
            // In a frame: the current event as a caption sized to the frame (a story shows its scene's instead).
            if let Some(ev) = selected.clone().filter(|_| e.embed && !awaiting_link && !playing) {
                <EventCaption dataset={ds.clone()} event={ev} presenting={state.presenting} dispatch={dispatch.clone()} />
            }
        </>
    };
    // Under the chart on a desktop, after the filters on a phone (styles: .stats-area).
    let stats = html! {
        if e.shows(Control::Stats) && later && !awaiting_link {
            <div class="stats-area"><StatsPanel dataset={ds.clone()} shown={state.shown.clone()} dispatch={dispatch.clone()} theme={state.embed.theme} /></div>
        }
    };
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

    if e.embed {
        return html! {
            <div class={classes!("app", "embed", state.presenting.then_some("presenting"))}>
                <Announcer state={state.clone()} />
                if has_filters { <aside class="embed-filters" aria-label="Filters">{ filters }</aside> }
                <main class="main" id="main">
                    // The frame's page has its own level-one heading, for screen readers only (the host page shows its title).
                    <h1 class="visually-hidden">{ title }</h1>
                    // The summary a screen reader meets before the chart (the footer's line is short).
                    if !awaiting_link { <SummaryLine dataset={ds.clone()} shown={state.shown.clone()} class="visually-hidden" /> }
                    { main_view }{ stats }
                </main>
                <footer class="embed-source">if !awaiting_link { <SummaryLine dataset={ds.clone()} shown={state.shown.clone()} full={false} />{ " · " } }{ format!("Source: {source}") }</footer>
            </div>
        };
    }
    html! {
        <div class="app" {ondragover} {ondrop}>
            { crate::components::skip_link::skip_link(&crate::components::skip_link::SkipLinkProps { list }) }
            <crate::components::drop_target::DropTarget />
            <Announcer state={state.clone()} />
            <header class="app-header">
                <h1>{ title }</h1>
                // They speak of the dataset shown: not of the built-in one while a linked dataset loads.
                if !awaiting_link { <SummaryLine dataset={ds.clone()} shown={state.shown.clone()} /> }
            </header>
            if !state.url_notice.is_empty() {
                <p class="notice" role="status">
                    { format!("Some link settings were not understood and were reset: {}", state.url_notice.join(", ")) }
                </p>
            }
            { data_source(&DataSourceProps { source: state.source.clone(), load: state.load.clone(), onfile,
                import: state.import.clone(), onremap, onexport: ondata }) }
            <ProblemsPanel problems={state.data.problems.clone()} />
            <StoryProblems problems={state.story.problems.clone()} name={state.story.name.clone().unwrap_or_default()} />
            if let Some(n) = state.story.notice.clone().filter(|_| !state.story.authoring) {
                <p class="notice" role="status" data-testid="story-notice">{ n }</p>
            }
            <div class="layout">
                <aside class="filters" aria-label={if state.story.authoring { "Story and filters" } else { "Filters" }}>
                    if state.story.authoring && !playing {
                        <StoryPanel story={state.story.clone()} dataset={ds.clone()} selected={state.view.selected.clone()} dispatch={dispatch.clone()} />
                    }
                    { filters }
                    if let Some(shapes) = (*shapes).clone().filter(|_| e.shows(Control::Countries) && !awaiting_link) {
                        <CountryMap dataset={ds.clone()} shapes={shapes} counts={state.counts.clone()}
                            selected={state.view.filter.countries.clone()} dispatch={dispatch.clone()} />
                    }
                    if !awaiting_link {
                        { date_range(&DateRangeProps { from: state.view.filter.from, to: state.view.filter.to, dispatch: dispatch.clone(),
                            first_year: state.data.years().0, last_year: state.data.years().1 }) }
                        <button class="link-button" onclick={dispatch.reform(|_| Action::ClearFilters)}>{ "Clear all filters" }</button>
                    }
                </aside>
                <main class="main" id="main">
                    { main_view }
                    if printing {
                        { print_list(&PrintListProps { dataset: ds.clone(), shown: state.shown.clone(), filters: state.view.filter.describe(&ds) }) }
                    }
                </main>
                { stats }
            </div>
            if *embed_open {
                <EmbedDialog view={state.view.clone()} dataset={ds.clone()} shown={state.shown.clone()}
                    story={(!state.story.story().scenes.is_empty()).then(|| crate::story_io::link_value(state.story.story()).unwrap_or_default())}
                    onclose={ let o = embed_open.clone(); Callback::from(move |_| o.set(false)) } />
            }
            <footer class="app-footer">{ format!("Source: {source}") }</footer>
        </div>
    }
}
