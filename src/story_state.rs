//! Stories in the app's state (timeline_core::story): the draft being
//! authored, with undo and redo; the scene being played; how a scene is
//! applied to the view (its view through the same path as a restored link; a
//! title card shows no chart); the window's move from one scene to the next,
//! in steps a hook drives. Pure, like the reducer that calls it.

use crate::state::{AppState, LoadStatus};
use std::rc::Rc;
use timeline_core::scale::Window;
use timeline_core::story::{self, Anchor, Annotation, Draft, Edit, Scene, Story, StoryProblem};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct StoryState {
    pub draft: Draft,
    /// The scene chosen in the authoring panel (0-based).
    pub current: usize,
    /// The scene being played (0-based), while a story plays.
    pub playing: Option<usize>,
    /// The authoring panel is open.
    pub authoring: bool,
    /// The problems of the story last opened (each bad scene named, skipped).
    pub problems: Rc<Vec<StoryProblem>>,
    /// Where the story came from (a file's name, a link), once opened.
    pub name: Option<String>,
    /// Why a story could not be opened at all, or what was done (a link copied).
    pub notice: Option<String>,
    /// The window moving from one scene's to the next's.
    pub motion: Option<Motion>,
    /// The user prefers reduced motion: scenes change at once.
    pub reduced_motion: bool,
    /// The story names a dataset (`data`) not shown yet: it plays once that is shown.
    pub awaiting: Option<AwaitData>,
}

/// A story waiting for its dataset (its `data`, as `?data=` takes it).
#[derive(Clone, Debug, PartialEq)]
pub struct AwaitData {
    pub url: String,
    /// The story's hook fetches it (`false`: the page's `?data=` is already loading it).
    pub fetch: bool,
    /// Play from the first scene once the data is shown (else open the authoring panel).
    pub play: bool,
}

/// The window on its way between two scenes; `seq` tells moves apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Motion {
    pub from: Window,
    pub to: Window,
    pub seq: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoryAction {
    /// A scene of the current view, after the chosen scene.
    AddScene,
    /// A title card (no chart), after the chosen scene.
    AddCard,
    Edit(Edit),
    SetStoryTitle(String),
    SetSceneTitle(usize, String),
    SetCaption(usize, String),
    /// The scene takes the current view (its notes and highlights stay).
    Recapture(usize),
    Annotate {
        scene: usize,
        event: String,
        text: String,
    },
    RemoveNote {
        scene: usize,
        note: usize,
    },
    ToggleHighlight {
        scene: usize,
        event: String,
    },
    Undo,
    Redo,
    /// Choose a scene in the authoring panel.
    Choose(usize),
    SetAuthoring(bool),
    /// Play from scene `i` (0-based), or go to it while playing.
    Go(usize),
    /// Move by `n` scenes while playing (clamped at both ends).
    Step(i64),
    Stop,
    Loaded {
        story: Story,
        problems: Vec<StoryProblem>,
        name: String,
        play: bool,
    },
    Notice(Option<String>),
    /// The dataset the story waited for is shown: check the story against it and play.
    DataShown,
    /// The dataset the story waited for could not be loaded (why): it plays on the one shown.
    DataFailed(String),
    /// The window's move between scenes, `t` of the way (1: arrived).
    Tween(f64),
    ReducedMotion(bool),
}

impl StoryState {
    pub fn story(&self) -> &Story {
        &self.draft.story
    }
    /// The scene being played.
    pub fn scene(&self) -> Option<&Scene> {
        self.playing.and_then(|i| self.draft.story.scenes.get(i))
    }
    /// A title card is being played: no chart.
    pub fn on_card(&self) -> bool {
        self.scene().is_some_and(|s| s.view.is_none())
    }
    /// The events the played scene emphasises.
    pub fn highlight(&self) -> &[String] {
        self.scene().map_or(&[], |s| &s.highlight)
    }
    /// The played scene's annotations.
    pub fn notes(&self) -> &[Annotation] {
        self.scene().map_or(&[], |s| &s.annotations)
    }
    fn scene_at(&self, i: usize) -> Option<Scene> {
        self.draft.story.scenes.get(i).cloned()
    }
}

impl AppState {
    /// A story action; whether the filter changed (the shown set is recomputed).
    pub(crate) fn story_action(&mut self, a: StoryAction) -> bool {
        self.push_history = false;
        match a {
            StoryAction::Go(i) => return self.show_scene(i),
            StoryAction::Step(by) => {
                let Some(at) = self.story.playing else {
                    return false;
                };
                let last = self.story.story().scenes.len().saturating_sub(1) as i64;
                let to = (at as i64 + by).clamp(0, last) as usize;
                return to != at && self.show_scene(to);
            }
            StoryAction::Stop => {
                self.settle_motion();
                Rc::make_mut(&mut self.story).playing = None;
            }
            StoryAction::Tween(t) => self.tween(t),
            StoryAction::Loaded {
                story,
                problems,
                name,
                play,
            } => {
                let wanted = story.data.clone().filter(|u| *u != self.source);
                let st = Rc::make_mut(&mut self.story);
                st.draft = Draft::new(story);
                st.problems = Rc::new(problems);
                st.name = Some(name);
                st.notice = None;
                st.current = 0;
                st.playing = None;
                st.awaiting = None;
                if let Some(url) = wanted {
                    // Its dataset first (unless the page's `?data=` is loading it already).
                    let loading = match &self.load {
                        LoadStatus::Loading(n) | LoadStatus::Parsing { name: n, .. } => *n == url,
                        _ => false,
                    };
                    if !loading {
                        self.load = LoadStatus::Loading(url.clone());
                    }
                    let fetch = !loading;
                    Rc::make_mut(&mut self.story).awaiting = Some(AwaitData { url, fetch, play });
                    return false;
                }
                return self.story_ready(play);
            }
            StoryAction::DataShown | StoryAction::DataFailed(_) => {
                let Some(wait) = self.story.awaiting.clone() else {
                    return false;
                };
                let st = Rc::make_mut(&mut self.story);
                st.awaiting = None;
                if let StoryAction::DataFailed(why) = a {
                    st.notice = Some(format!(
                        "The story's dataset could not be loaded, so the story plays on the dataset \
                         shown; what that dataset does not have is listed with the story's problems. {why}"
                    ));
                }
                return self.story_ready(wait.play);
            }
            a => self.author(a),
        }
        false
    }

    /// The story is on the dataset it plays on (or on the one shown, its own
    /// failing): what that dataset does not have (events, countries) is named
    /// too, and it plays, or opens to edit (a file opened by hand).
    fn story_ready(&mut self, play: bool) -> bool {
        let extra = story::check_against(self.story.story(), &self.data.dataset);
        let st = Rc::make_mut(&mut self.story);
        Rc::make_mut(&mut st.problems).extend(extra);
        st.authoring |= !play;
        play && self.show_scene(0)
    }

    /// The edits of the authoring panel.
    fn author(&mut self, a: StoryAction) {
        let view = self.captured_view();
        let st = Rc::make_mut(&mut self.story);
        let n = st.draft.story.scenes.len();
        let after = if n == 0 { 0 } else { (st.current + 1).min(n) };
        let edit = match a {
            StoryAction::AddScene | StoryAction::AddCard => {
                let card = a == StoryAction::AddCard;
                let title = if card {
                    format!("Title card {}", n + 1)
                } else {
                    format!("Scene {}", n + 1)
                };
                st.current = after;
                Some(Edit::Insert(
                    after,
                    Scene {
                        title,
                        view: (!card).then_some(view),
                        ..Default::default()
                    },
                ))
            }
            StoryAction::Edit(e) => Some(e),
            StoryAction::SetStoryTitle(t) => Some(Edit::SetTitle(t)),
            StoryAction::SetSceneTitle(i, t) => st.changed(i, |s| s.title = t),
            StoryAction::SetCaption(i, c) => st.changed(i, |s| s.caption = c),
            StoryAction::Recapture(i) => st.changed(i, |s| s.view = Some(view)),
            StoryAction::Annotate { scene, event, text } => st.changed(scene, |s| {
                s.annotations.push(Annotation {
                    at: Anchor::Event(event),
                    text,
                })
            }),
            StoryAction::RemoveNote { scene, note } => st.changed(scene, |s| {
                if note < s.annotations.len() {
                    s.annotations.remove(note);
                }
            }),
            StoryAction::ToggleHighlight { scene, event } => st.changed(scene, |s| {
                match s.highlight.iter().position(|h| *h == event) {
                    Some(p) => drop(s.highlight.remove(p)),
                    None => s.highlight.push(event),
                }
            }),
            StoryAction::Undo => {
                st.draft.undo();
                None
            }
            StoryAction::Redo => {
                st.draft.redo();
                None
            }
            StoryAction::Choose(i) => {
                st.current = i;
                None
            }
            StoryAction::SetAuthoring(on) => {
                st.authoring = on;
                None
            }
            StoryAction::Notice(m) => {
                st.notice = m;
                None
            }
            StoryAction::ReducedMotion(on) => {
                st.reduced_motion = on;
                None
            }
            _ => None,
        };
        if let Some(e) = edit {
            st.draft.apply(e);
        }
        st.follow_edits();
    }

    /// The view a new scene captures: the window as shown (not "fit all").
    fn captured_view(&self) -> timeline_core::urlstate::ViewState {
        let mut v = self.view.clone();
        v.window = Some(self.window());
        v
    }

    /// Shows scene `i`: its view (checked against the dataset), the window
    /// moving there unless motion is reduced or a title card was shown.
    fn show_scene(&mut self, i: usize) -> bool {
        let Some(scene) = self.story.scene_at(i) else {
            return false;
        };
        self.settle_motion();
        let from_card = self.story.playing.is_none() || self.story.on_card();
        let st = Rc::make_mut(&mut self.story);
        st.playing = Some(i);
        st.current = i;
        let Some(mut v) = scene.view else {
            return false;
        };
        timeline_core::urlstate::sanitize(&mut v, &self.data.dataset);
        let refilter = v.filter != self.view.filter;
        let from = self.window();
        self.view = v;
        let to = self.window();
        if !self.story.reduced_motion && !from_card && from != to {
            let st = Rc::make_mut(&mut self.story);
            let seq = st.motion.map_or(0, |m| m.seq) + 1;
            st.motion = Some(Motion { from, to, seq });
            self.view.window = Some(from);
        }
        refilter
    }

    fn tween(&mut self, t: f64) {
        let Some(m) = self.story.motion else { return };
        if t >= 1.0 {
            self.settle_motion();
        } else {
            self.view.window = Some(story::tween(m.from, m.to, t.max(0.0)));
        }
    }

    /// A move under way ends where it was going.
    fn settle_motion(&mut self) {
        if let Some(m) = self.story.motion {
            self.view.window = Some(m.to);
            Rc::make_mut(&mut self.story).motion = None;
        }
    }
}

impl StoryState {
    /// The edit replacing scene `i` by a changed copy (`None`: no such scene).
    fn changed(&self, i: usize, f: impl FnOnce(&mut Scene)) -> Option<Edit> {
        let mut s = self.scene_at(i)?;
        f(&mut s);
        Some(Edit::Replace(i, s))
    }

    /// The chosen and played scenes stay within the story after an edit.
    fn follow_edits(&mut self) {
        let n = self.draft.story.scenes.len();
        self.current = self.current.min(n.saturating_sub(1));
        if self.playing.is_some_and(|p| p >= n) {
            self.playing = n.checked_sub(1);
        }
    }
}

#[cfg(test)]
mod tests;
