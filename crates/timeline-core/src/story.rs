//! Stories: an ordered list of scenes a presenter plays (docs/stories.md).
//!
//! A scene holds a view (as the query of a link to the app: `c=KZ&w=…&e=…`,
//! see `urlstate`), the events it highlights, a title, a caption (plain text;
//! `http(s)` addresses in it become links) and annotations pinned to an event
//! or a date. A scene without a view is a title card (no chart).
//!
//! The file format is JSON, `{"format": "sco-timeline-story", "version": 1,
//! "title": …, "scenes": [...]}`; reading it never fails on one bad scene:
//! the scene is named in a problem and skipped, the rest plays.
//!
//! SKELETON: the API below is fixed (the shell is written against it); the
//! bodies marked `todo!` are being written.

use crate::date::PartialDate;
use crate::scale::Window;
use crate::urlstate::ViewState;

/// The `format` field every story file carries.
pub const FORMAT: &str = "sco-timeline-story";
/// The format's version this build writes and reads.
pub const VERSION: u32 = 1;
/// At most this many scenes are read from a file (the rest is a problem).
pub const MAX_SCENES: usize = 200;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Story {
    pub title: String,
    /// Where the story's data lives (the `?data=` URL), if not the built-in dataset.
    pub data: Option<String>,
    pub scenes: Vec<Scene>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    pub title: String,
    /// Plain text; addresses (`https://…`) in it are shown as links.
    pub caption: String,
    /// `None`: a title card, no chart.
    pub view: Option<ViewState>,
    /// Event ids drawn emphasised in this scene (besides `view.selected`).
    pub highlight: Vec<String>,
    pub annotations: Vec<Annotation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub at: Anchor,
    /// A short text, drawn beside the anchor with a leader line.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// An event's id.
    Event(String),
    /// A date on the axis.
    Date(PartialDate),
}

/// A problem in a story file, in the file's own terms.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryProblem {
    /// 1-based scene number as the file has it, if the problem is in a scene.
    pub scene: Option<usize>,
    /// The scene's title as the file has it, if any.
    pub scene_title: Option<String>,
    /// The field (`"view"`, `"annotations[2].event"`, …).
    pub field: Option<String>,
    pub message: String,
    /// Whether the scene was skipped (`false`: only that field was dropped).
    pub skipped: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct StoryLoaded {
    pub story: Story,
    pub problems: Vec<StoryProblem>,
}

/// Reads a story file. `Err` only when nothing of it is a story (not JSON,
/// wrong `format`, a newer `version`, no scene at all): the message says so in
/// plain words. Otherwise every valid scene is kept and each bad one named.
pub fn parse(text: &str) -> Result<StoryLoaded, String> {
    let _ = text;
    todo!()
}

/// The story as its file (pretty JSON, `format` and `version` first).
pub fn to_json(story: &Story) -> String {
    let _ = story;
    todo!()
}

/// The value of `?story=` for a short story that lives in the link itself
/// (compact JSON, percent-encoded), or `None` when it would make a link longer
/// than `max_len` characters (then the story is shared as a file).
pub fn to_link_value(story: &Story, max_len: usize) -> Option<String> {
    let _ = (story, max_len);
    todo!()
}

/// What `?story=` holds (already percent-decoded): a story inline (it starts
/// with `{`) or an address to fetch.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryLink {
    Inline(String),
    Url(String),
}

pub fn read_link_value(value: &str) -> StoryLink {
    let v = value.trim();
    if v.starts_with('{') {
        StoryLink::Inline(v.to_string())
    } else {
        StoryLink::Url(v.to_string())
    }
}

/// A piece of a caption: text, or a link (only `http`/`https`).
#[derive(Clone, Debug, PartialEq)]
pub enum CaptionPart {
    Text(String),
    Link { text: String, href: String },
}

/// Splits a caption into text and links.
pub fn caption_parts(caption: &str) -> Vec<CaptionPart> {
    let _ = caption;
    todo!()
}

/// One edit of a story in the authoring panel.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert a scene at an index (clamped to the end).
    Insert(usize, Scene),
    /// Replace scene `i`.
    Replace(usize, Scene),
    SetTitle(String),
    /// Move scene `from` to position `to`.
    Move {
        from: usize,
        to: usize,
    },
    Duplicate(usize),
    Delete(usize),
}

/// A story being edited, with undo and redo.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    pub story: Story,
    past: Vec<Story>,
    future: Vec<Story>,
}

impl Draft {
    pub fn new(story: Story) -> Draft {
        Draft {
            story,
            past: Vec::new(),
            future: Vec::new(),
        }
    }
    /// Applies an edit (an edit that changes nothing is not recorded).
    pub fn apply(&mut self, edit: Edit) {
        let _ = edit;
        todo!()
    }
    pub fn undo(&mut self) -> bool {
        todo!()
    }
    pub fn redo(&mut self) -> bool {
        todo!()
    }
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// The window part-way (`t` in 0..=1, eased) between two scenes' windows, for
/// the smooth move from one to the next.
pub fn tween(from: Window, to: Window, t: f64) -> Window {
    let _ = (from, to, t);
    todo!()
}

/// "Scene 3 of 8: Title" — what the player shows and the live region reads.
pub fn scene_label(story: &Story, index: usize) -> String {
    let _ = (story, index);
    todo!()
}

/// An annotation placed on a drawn chart: a leader line from the anchor (the
/// event's mark, or the date on the axis) to the label, in the chart's SVG
/// coordinates. Labels stay inside the chart and do not overlap each other.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedNote {
    pub anchor: (f64, f64),
    /// Where the label's text starts (its baseline), see `end`.
    pub label: (f64, f64),
    /// `true`: the text ends at `label` (SVG `text-anchor: end`).
    pub end: bool,
    pub text: String,
}

/// Places a scene's annotations on the chart as drawn (`model` for `window`).
/// An annotation whose event is not drawn (filtered out, off the window, in a
/// cluster) or whose date is off the window is left out.
pub fn place_annotations(
    ds: &crate::model::Dataset,
    model: &crate::chart::ChartModel,
    window: Window,
    notes: &[Annotation],
) -> Vec<PlacedNote> {
    let _ = (ds, model, window, notes);
    todo!()
}
