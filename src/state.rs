//! The app's state and its reducer. Pure: every action maps the old state to
//! a new one through the core's functions; no side effects here (URL, focus,
//! clipboard and drawing live in hooks and effects).

use std::collections::BTreeSet;
use std::rc::Rc;
use timeline_core::chartnav::{Cursor, Move};
use timeline_core::embed::EmbedOptions;
use timeline_core::filter::FacetCounts;
use timeline_core::layout::Grouping;
use timeline_core::scale::{TickUnit, Window};
use timeline_core::urlstate::{ViewMode, ViewState};
use timeline_core::windowing::WindowAction;
use timeline_core::{Filter, PartialDate};
use yew::Reducible;

pub use crate::data::Data;
pub use crate::loading::{Import, KeptBytes, LoadStatus};
pub use crate::story_state::{StoryAction, StoryState};

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub data: Data,
    pub view: ViewState,
    /// Indexes of the events passing the filter, in time order.
    pub shown: Rc<Vec<usize>>,
    pub counts: Rc<FacetCounts>,
    /// URL parameters that were ignored on load, for a notice.
    pub url_notice: Vec<String>,
    /// Whether the last change should add a history entry (else replace it).
    pub push_history: bool,
    /// Where the dataset came from: "built-in", a URL, a file name.
    pub source: String,
    pub load: LoadStatus,
    /// What the embedder asked for (`?embed=1&controls=…&theme=…&present=1`).
    pub embed: EmbedOptions,
    /// Presenter mode: step through the shown events with clicker keys.
    pub presenting: bool,
    /// How the last opened file was read (importer, columns, mapping), for
    /// the data source line and the mapping step.
    pub import: Option<Rc<Import>>,
    /// The slide holding this frame is hidden (reveal.js's `slide:stop`):
    /// presenter keys are not taken until it shows again.
    pub paused: bool,
    /// Where the keyboard is in the chart (timeline_core::chartnav); follows
    /// the open event, and is dropped when a filter hides its event.
    pub cursor: Option<Cursor>,
    /// The story being authored or played (story_state.rs).
    pub story: Rc<StoryState>,
}

pub enum Action {
    ToggleCountry(String),
    SetCountries(Option<BTreeSet<String>>),
    /// By category id.
    ToggleKind(String),
    OnlyKind(String),
    SetKinds(Option<BTreeSet<String>>),
    SetText(String),
    SetFrom(Option<PartialDate>),
    SetTo(Option<PartialDate>),
    ClearFilters,
    /// Anything that moves the visible window (timeline_core::windowing).
    Window(WindowAction),
    SetGrouping(Grouping),
    SetView(ViewMode),
    Select(Option<String>),
    /// Back/forward: the state a URL describes.
    Restore(ViewState),
    /// Another dataset was loaded and parsed. From the page's link (`?data=`) the
    /// link's view (filters, window, selection) is kept; from a file the user opened,
    /// it starts afresh: the filters chosen for the other data would hide this one's
    /// events (a state it does not name, a search, dates outside it). The way it is
    /// shown (grouping, chart or list) is the visitor's and stays.
    DataLoaded {
        data: Data,
        source: String,
        from_link: bool,
    },
    SetLoad(LoadStatus),
    SetImport(Option<Rc<Import>>),
    /// Presenter: move by `n` events in time order (wrapping), centre and open it.
    Step(i64),
    SetPresenting(bool),
    /// The frame's slide was hidden (`true`) or shown again.
    SetPaused(bool),
    /// A key moved the chart's cursor; the window follows it (`unit`: the axis's tick unit).
    Nav {
        mv: Move,
        unit: TickUnit,
    },
    /// An event's mark got focus (a click, Tab back into the chart).
    SetCursor(Option<Cursor>),
    /// The theme switch (the page's colours; remembered by use_theme_memory).
    SetTheme(timeline_core::embed::Theme),
    /// Authoring and playing a story (story_state.rs).
    Story(StoryAction),
}

impl Action {
    /// The zoom keys shared by the chart and the overview: `+`/`=` zoom in,
    /// `-`/`_` zoom out, around the middle of the window.
    pub fn zoom_key(key: &str) -> Option<WindowAction> {
        let factor = match key {
            "+" | "=" => 0.5,
            "-" | "_" => 2.0,
            _ => return None,
        };
        Some(WindowAction::Zoom {
            factor,
            anchor: 0.5,
        })
    }

    /// Zoom by `factor` around `anchor` (0 = left edge, 1 = right edge).
    pub fn zoom(factor: f64, anchor: f64) -> Action {
        Action::Window(WindowAction::Zoom { factor, anchor })
    }

    /// Pan by a fraction of the visible span.
    pub fn pan(fraction: f64) -> Action {
        Action::Window(WindowAction::Pan(fraction))
    }

    /// Everything in view.
    pub fn fit() -> Action {
        Action::Window(WindowAction::Fit)
    }

    /// An exact window.
    pub fn set_window(w: Window) -> Action {
        Action::Window(WindowAction::Set(w))
    }
}

impl AppState {
    pub fn new(data: Data, view: ViewState, url_notice: Vec<String>) -> Self {
        let mut s = AppState {
            data,
            view,
            shown: Rc::default(),
            counts: Rc::default(),
            url_notice,
            push_history: false,
            source: "built-in".into(),
            load: LoadStatus::Idle,
            embed: EmbedOptions::default(),
            presenting: false,
            import: None,
            paused: false,
            cursor: None,
            story: Rc::default(),
        };
        s.refilter();
        s
    }

    fn refilter(&mut self) {
        // One pass over the events for both (at 1,000,000 a pass is most of a
        // frame), or the same filter's earlier result (stats_cache).
        let (shown, counts) = crate::stats_cache::filtered(&self.data.dataset, &self.view.filter);
        self.shown = shown;
        self.counts = counts;
    }

    /// The cursor kept only where its event is still shown (in a lane of the current grouping).
    fn revalidate_cursor(&mut self) {
        self.cursor = timeline_core::chartnav::valid(
            &self.data.dataset,
            &self.shown,
            self.view.grouping,
            self.cursor.as_ref(),
        );
    }

    /// The cursor moves to the open event (keeping its lane where the event is in it).
    fn cursor_to_selected(&mut self) {
        let ds = &self.data.dataset;
        if let Some(i) = self.view.selected.as_deref().and_then(|id| ds.position(id)) {
            let lane = self.cursor.as_ref().map(|c| &c.lane);
            self.cursor = timeline_core::chartnav::at(ds, &self.shown, self.view.grouping, i, lane);
        }
    }

    /// The visible window.
    pub fn window(&self) -> Window {
        let w = self.view.window.unwrap_or(self.data.fit);
        self.data.windows().keep(w)
    }

    /// Presenting starts at the open event if it is shown, else at the first
    /// shown; leaving in the full page closes the current event too (its popover
    /// would open in its place, and a second Esc be needed); a frame keeps its caption.
    fn set_presenting(&mut self, on: bool) {
        let ds = self.data.dataset.clone();
        if !on && self.presenting && !self.embed.embed {
            self.view.selected = None;
        }
        self.presenting = on;
        if !on {
            return;
        }
        let shown_sel = self
            .view
            .selected
            .as_deref()
            .and_then(|id| ds.position(id))
            .filter(|i| self.shown.contains(i));
        let at = shown_sel.or_else(|| timeline_core::embed::step(&ds, &self.shown, None, 1));
        if let Some(i) = at {
            self.view.selected = Some(ds.events[i].id.clone());
            self.view.window = presenter_window(self, i);
        }
    }

    fn set_window(&mut self, w: Window) {
        self.view.window = Some(self.data.windows().keep(w));
        self.push_history = false;
    }
}

/// The window that centres event `i` for a presenter (timeline_core::windowing).
fn presenter_window(s: &AppState, i: usize) -> Option<Window> {
    let ws = s.data.windows();
    ws.resolve(
        &s.data.dataset,
        s.window(),
        WindowAction::Present { event: i },
    )
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.push_history = true;
        let ds = s.data.dataset.clone();
        let mut refilter = true;
        match action {
            Action::ToggleCountry(code) => s.view.filter.toggle_country(&code),
            Action::SetCountries(c) => s.view.filter.countries = c,
            Action::ToggleKind(k) => s.view.filter.toggle_kind(&k),
            Action::OnlyKind(k) => s.view.filter.only_kind(&k),
            Action::SetKinds(k) => {
                // Ids the dataset does not know are dropped (a host may send any).
                let ds = &s.data.dataset;
                s.view.filter.kinds = k
                    .map(|set| {
                        timeline_core::order::set_of(
                            set.into_iter().filter(|id| ds.kind_of(id).is_some()),
                        )
                    })
                    .filter(|set| !set.is_empty());
            }
            Action::SetText(t) => {
                s.view.filter.text = t;
                s.push_history = false;
            }
            Action::SetFrom(d) => s.view.filter.from = d,
            Action::SetTo(d) => s.view.filter.to = d,
            Action::ClearFilters => s.view.filter = Filter::default(),
            Action::Window(a) => {
                refilter = false;
                let ws = s.data.windows();
                match ws.resolve(&ds, s.window(), a) {
                    Some(w) => s.set_window(w),
                    None => s.view.window = None,
                }
            }
            Action::SetGrouping(g) => {
                refilter = false;
                s.view.grouping = g;
            }
            Action::SetView(v) => {
                refilter = false;
                s.view.view = v;
            }
            Action::Select(id) => {
                refilter = false;
                s.view.selected = id.filter(|id| ds.event(id).is_some());
            }
            Action::Restore(v) => {
                // Back/forward or a link that changes only the window, the lanes,
                // the view or the selection does not re-run the filter.
                refilter = v.filter != s.view.filter;
                s.view = v;
                s.push_history = false;
            }
            Action::DataLoaded {
                data,
                source,
                from_link,
            } => {
                s.data = data;
                s.source = source;
                s.load = LoadStatus::Idle;
                if !from_link {
                    s.view.filter = Filter::default();
                    s.view.window = None;
                    s.view.selected = None;
                }
                s.push_history = false;
                let dropped = timeline_core::urlstate::sanitize(&mut s.view, &s.data.dataset);
                s.url_notice.extend(dropped);
            }
            Action::SetImport(i) => {
                refilter = false;
                s.import = i;
            }
            Action::Step(by) => {
                refilter = false;
                if let Some(i) =
                    timeline_core::embed::step(&ds, &s.shown, s.view.selected.as_deref(), by)
                {
                    s.view.selected = Some(ds.events[i].id.clone());
                    s.view.window = presenter_window(&s, i);
                }
            }
            Action::SetPresenting(on) => {
                refilter = false;
                s.set_presenting(on);
            }
            Action::SetPaused(p) => {
                refilter = false;
                s.paused = p;
            }
            Action::Nav { mv, unit } => {
                refilter = false;
                s.push_history = false;
                let w = s.window();
                s.cursor = timeline_core::chartnav::step(
                    &ds,
                    &s.shown,
                    s.view.grouping,
                    s.cursor.as_ref(),
                    mv,
                    w,
                    unit,
                );
                if let Some(c) = &s.cursor {
                    let follow = WindowAction::Follow { event: c.event };
                    if let Some(f) = s.data.windows().resolve(&ds, w, follow).filter(|f| *f != w) {
                        s.set_window(f);
                    }
                }
            }
            Action::SetCursor(c) => {
                refilter = false;
                s.push_history = false;
                s.cursor = c;
            }
            Action::SetTheme(t) => {
                refilter = false;
                s.push_history = false;
                s.embed.theme = t;
            }
            Action::Story(a) => refilter = s.story_action(a),
            Action::SetLoad(l) => {
                s.push_history = false;
                // A linked dataset that failed: check the link against the dataset shown instead.
                if matches!(l, LoadStatus::Failed(_)) {
                    let dropped = timeline_core::urlstate::sanitize(&mut s.view, &s.data.dataset);
                    s.url_notice.extend(dropped);
                } else {
                    refilter = false;
                }
                s.load = l;
            }
        }
        if refilter {
            s.refilter();
        }
        if s.view.selected != self.view.selected {
            s.cursor_to_selected();
        }
        s.revalidate_cursor();
        if s == *self {
            return self;
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;

/// A click that sends a fixed action: every such button shares one callback
/// type (a closure each would cost the first module a copy of `reform`'s code).
pub fn on_click(
    d: &yew::Callback<Action>,
    f: fn(yew::MouseEvent) -> Action,
) -> yew::Callback<yew::MouseEvent> {
    d.reform(f)
}
