//! The root: loads the built-in dataset once, owns the state, draws the main
//! view (toolbar, chart or list) and hands it to a page layout (page.rs).

use crate::components::page::{full_page, Page};
#[cfg(feature = "full")]
use crate::components::story_view::{caption, card, player, presenter};
use crate::components::{
    chart_outline::ChartOutline, event_details::EventDetails, list_view::ListView,
    time_overview::TimeOverview, timeline_chart::TimelineChart, toolbar::Toolbar,
};
use crate::hooks::{
    use_root_attrs::use_root_attrs,
    use_url_sync::{read_location, use_url_sync},
};
use crate::state::{AppState, Data};
use timeline_core::embed::{EmbedOptions, Theme};
use timeline_core::urlstate::ViewMode;
use yew::prelude::*;

/// The state on start: the built-in dataset, the link's view, the frame's options.
fn initial_state() -> AppState {
    let data = Data::new(crate::builtin::dataset(), Vec::new());
    // A linked dataset (`?data=`) is still to come: the link's countries and
    // event are checked against it when it arrives, not against the built-in one.
    let pending = linked_data();
    let (view, ignored) = read_location(if pending.is_some() {
        None
    } else {
        Some(&data.dataset)
    });
    let mut s = AppState::new(data, view, ignored);
    if let Some(url) = pending {
        s.load = crate::state::LoadStatus::Loading(url);
    }
    // A file the lean app was asked to open (upgrade.rs) loads from the first render.
    #[cfg(feature = "full")]
    if let Some(name) = crate::upgrade::pending_file_name() {
        s.load = crate::state::LoadStatus::Loading(name);
    }
    let search = crate::dom::window()
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

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_url_sync(state.clone());
    use_full(state.clone());
    let playing = state.story.playing.is_some();
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
    let ontheme = crate::hooks::use_theme_memory::use_theme_memory(Callback::from({
        let state = state.clone();
        move |a| state.dispatch(a)
    }));
    let embed_open = crate::hooks::erased::use_state(|| false);
    // The dataset the page's link asks for (`?data=`), if any.
    let linked = use_memo((), |_| linked_data());
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
    #[cfg(feature = "full")]
    if page.state.embed.embed {
        return crate::components::page::embed_page(&page, main);
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

/// The hooks of what only the full module does: linked and opened data, the
/// host page's messages, presenting, stories.
#[cfg(feature = "full")]
#[hook]
fn use_full(state: UseReducerHandle<AppState>) {
    crate::hooks::use_data_source::use_data_source(state.clone());
    crate::hooks::use_host_api::use_host_api(state.clone());
    crate::hooks::use_pending::use_pending(state.clone());
    let playing = state.story.playing.is_some();
    {
        let state = state.clone();
        crate::hooks::use_presenter_keys::use_presenter_keys(
            state.presenting && !state.paused && !playing,
            Callback::from(move |a| state.dispatch(a)),
        );
    }
    crate::hooks::use_stories::use_stories(&state);
    crate::hooks::use_presenter_start::use_presenter_start(state);
}

/// The lean module has none of them (upgrade.rs).
#[cfg(not(feature = "full"))]
#[hook]
fn use_full(_state: UseReducerHandle<AppState>) {}

/// The dataset the page's link asks for (`?data=`); the lean module never
/// runs with one (the loader starts the full module for it).
fn linked_data() -> Option<String> {
    #[cfg(feature = "full")]
    return crate::hooks::use_data_source::data_param();
    #[cfg(not(feature = "full"))]
    None
}

/// The SVG and PNG pictures of the chart (in the lean module: the full
/// module's, on first use).
#[cfg(not(feature = "full"))]
fn picture_export(_: &UseReducerHandle<AppState>) -> Callback<&'static str> {
    Callback::from(|kind: &'static str| {
        crate::upgrade::upgrade(
            Some(if kind == "svg" {
                "export-svg"
            } else {
                "export-png"
            }),
            None,
        )
    })
}

/// The SVG and PNG pictures of the chart (drawn in the worker).
#[cfg(feature = "full")]
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
fn main_view(
    p: &Page,
    ontheme: Callback<Theme>,
    embed_open: &crate::hooks::erased::StateHandle<bool>,
) -> Html {
    let (state, ds, dispatch) = (&p.state, &p.ds, &p.dispatch);
    let e = &state.embed;
    let list = state.view.view == ViewMode::List;
    html! {
        <>
            <div class="command-row">
                <Toolbar view={state.view.view} grouping={state.view.grouping} dispatch={dispatch.clone()} onexport={picture_export(state)}
                    embed={state.embed.clone()} presenting={state.presenting} {ontheme} authoring={state.story.authoring}
                    onembed={ on_embed(embed_open) } />
                { presenter(p) }
            </div>
            { player(p) }
            if let Some(card) = card(p) {
                { card }
            } else if p.awaiting_link {
                <p class="chart-placeholder" data-testid="chart-placeholder">{ "Loading the linked dataset…" }</p>
            } else if list {
                <ListView dataset={ds.clone()} shown={state.shown.clone()} selected={state.view.selected.clone()} dispatch={dispatch.clone()} />
                if let Some(ev) = p.selected.clone().filter(|_| !e.embed) {
                    <EventDetails dataset={ds.clone()} event={ev} anchor={None::<(f64, f64)>} dispatch={dispatch.clone()} />
                }
            } else {
                { outside_window(state, dispatch) }
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
            { caption(p) }
        </>
    }
}

/// "Embed…": the dialog (in the lean module: the full module's, on first use).
fn on_embed(open: &crate::hooks::erased::StateHandle<bool>) -> Callback<()> {
    #[cfg(feature = "full")]
    {
        let o = open.clone();
        Callback::from(move |_| o.set(true))
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = open;
        Callback::from(|_| crate::upgrade::upgrade(Some("embed"), None))
    }
}

/// The lean module: none of these (upgrade.rs: it never presents, plays a
/// story or runs in a frame).
#[cfg(not(feature = "full"))]
fn presenter(_: &Page) -> Html {
    Html::default()
}
#[cfg(not(feature = "full"))]
use presenter as player;
#[cfg(not(feature = "full"))]
use presenter as caption;
#[cfg(not(feature = "full"))]
fn card(_: &Page) -> Option<Html> {
    None
}

/// "The 3 events shown lie outside the dates in view. Fit all": said when a
/// filter or a search leaves the chart empty although events are shown.
fn outside_window(state: &AppState, dispatch: &Callback<crate::state::Action>) -> Html {
    let n = state.shown.len();
    let ds = &state.data.dataset;
    if n == 0 || timeline_core::windowing::any_shown_in(ds, &state.shown, state.window()) {
        return html! {};
    }
    let what = timeline_core::text::counted(n, "event", "events");
    let verb = if n == 1 { "lies" } else { "lie" };
    html! {
        <p class="notice" role="status" data-testid="outside-window">
            { format!("The {what} shown {verb} outside the dates in view. ") }
            <button class="link-button" data-action="fit-shown" onclick={crate::state::on_click(dispatch, |_| crate::state::Action::fit())}>{ "Fit all" }</button>
        </p>
    }
}
