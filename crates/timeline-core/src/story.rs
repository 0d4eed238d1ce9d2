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
//! The API below is fixed (the shell is written against it).

use crate::date::{PartialDate, Precision};
use crate::scale::Window;
use crate::urlstate::{self, ViewState};
use serde_json::{Map, Value};
use std::fmt;

/// The `format` field every story file carries.
pub const FORMAT: &str = "sco-timeline-story";
/// The format's version this build writes and reads.
pub const VERSION: u32 = 1;
/// At most this many scenes are read from a file (the rest is a problem).
pub const MAX_SCENES: usize = 200;
/// The longest title (the story's or a scene's), in characters; longer is cut.
pub const MAX_TITLE: usize = 200;
/// The longest caption, in characters; longer is cut.
pub const MAX_CAPTION: usize = 2000;
/// The longest annotation text, in characters; longer is cut.
pub const MAX_NOTE: usize = 200;
/// At most this many annotations, and this many highlighted ids, per scene.
pub const MAX_NOTES: usize = 50;
pub const MAX_HIGHLIGHT: usize = 200;
/// The undo history keeps this many steps.
pub const MAX_UNDO: usize = 100;

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
    /// Where the caption comes from (a short quote of the source document), if said.
    pub source: Option<String>,
}

impl Scene {
    /// A title card: no chart, only title and caption.
    pub fn is_title_card(&self) -> bool {
        self.view.is_none()
    }
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

/// "scene 3 (“Attacks”), field `view`: … (the scene is skipped)".
impl fmt::Display for StoryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut head = Vec::new();
        if let Some(n) = self.scene {
            head.push(match &self.scene_title {
                Some(t) if !t.trim().is_empty() => format!("scene {n} (“{}”)", t.trim()),
                _ => format!("scene {n}"),
            });
        }
        if let Some(field) = &self.field {
            head.push(format!("field `{field}`"));
        }
        if !head.is_empty() {
            write!(f, "{}: ", head.join(", "))?;
        }
        write!(f, "{}", self.message)?;
        if self.skipped {
            write!(f, " (the scene is skipped)")?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct StoryLoaded {
    pub story: Story,
    pub problems: Vec<StoryProblem>,
}

/// Where a problem is: a scene (number and title as the file has them).
#[derive(Clone, Debug, Default)]
struct At {
    scene: Option<usize>,
    title: Option<String>,
}

impl At {
    fn problem(
        &self,
        field: Option<&str>,
        message: impl Into<String>,
        skipped: bool,
    ) -> StoryProblem {
        StoryProblem {
            scene: self.scene,
            scene_title: self.title.clone(),
            field: field.map(String::from),
            message: message.into(),
            skipped,
        }
    }
}

/// Cuts `s` to `max` characters, saying so in `problems`.
fn capped(s: &str, max: usize, at: &At, field: &str, problems: &mut Vec<StoryProblem>) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    problems.push(at.problem(
        Some(field),
        format!("is {n} characters long; only the first {max} are kept"),
        false,
    ));
    s.chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// An optional text field: absent or null is `None`; anything but text is an `Err` message.
fn opt_text(o: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(format!("should be text, not {}", type_name(v))),
    }
}

/// Reads a story file. `Err` only when nothing of it is a story (not JSON,
/// wrong `format`, a newer `version`, no scene at all): the message says so in
/// plain words. Otherwise every valid scene is kept and each bad one named.
pub fn parse(text: &str) -> Result<StoryLoaded, String> {
    let text = text.trim_start_matches('\u{FEFF}');
    let v: Value = serde_json::from_str(text)
        .map_err(|e| format!("This is not a story: the file is not JSON ({e})."))?;
    let Some(o) = v.as_object() else {
        return Err(format!(
            "This is not a story: the file holds {}, not a story's object.",
            type_name(&v)
        ));
    };
    match o.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(format!(
                "This is not a story: its \"format\" is \"{f}\", not \"{FORMAT}\"."
            ))
        }
        _ => {
            return Err(format!(
                "This is not a story: it has no \"format\": \"{FORMAT}\"."
            ))
        }
    }
    let mut problems = Vec::new();
    let top = At::default();
    match o.get("version") {
        Some(n) if n.as_u64().is_some_and(|n| n > VERSION as u64) => {
            return Err(format!(
                "This story was written for a newer version of the timeline (format version {n}); this one reads version {VERSION}."
            ))
        }
        Some(n) if n.as_u64().is_some_and(|n| n >= 1) => {}
        None => problems.push(top.problem(Some("version"), format!("is missing; read as version {VERSION}"), false)),
        Some(n) => problems.push(top.problem(
            Some("version"),
            format!("should be a whole number from 1, not {n}; read as version {VERSION}"),
            false,
        )),
    }
    let mut story = Story::default();
    match opt_text(o, "title") {
        Ok(t) => {
            story.title = capped(
                t.unwrap_or_default().trim(),
                MAX_TITLE,
                &top,
                "title",
                &mut problems,
            )
        }
        Err(m) => problems.push(top.problem(Some("title"), m, false)),
    }
    match opt_text(o, "data") {
        Ok(d) => story.data = d.map(|d| d.trim().to_string()).filter(|d| !d.is_empty()),
        Err(m) => problems.push(top.problem(Some("data"), m, false)),
    }
    let scenes = match o.get("scenes") {
        Some(Value::Array(a)) if !a.is_empty() => a,
        Some(Value::Array(_)) => return Err("This story has no scenes.".into()),
        None | Some(Value::Null) => return Err("This story has no \"scenes\" list.".into()),
        Some(v) => {
            return Err(format!(
                "This story's \"scenes\" should be a list, not {}.",
                type_name(v)
            ))
        }
    };
    if scenes.len() > MAX_SCENES {
        problems.push(top.problem(
            Some("scenes"),
            format!(
                "has {} scenes; only the first {MAX_SCENES} are read",
                scenes.len()
            ),
            false,
        ));
    }
    for (i, sv) in scenes.iter().take(MAX_SCENES).enumerate() {
        if let Some(scene) = parse_scene(i + 1, sv, &mut problems) {
            story.scenes.push(scene);
        }
    }
    if story.scenes.is_empty() {
        let first = problems
            .iter()
            .find(|p| p.skipped)
            .map(|p| format!(" The first: {p}."))
            .unwrap_or_default();
        return Err(format!(
            "None of this story's {} scenes could be read.{first}",
            scenes.len().min(MAX_SCENES)
        ));
    }
    Ok(StoryLoaded { story, problems })
}

/// One scene of the file (`n`: its 1-based number); `None` when it is skipped.
fn parse_scene(n: usize, v: &Value, problems: &mut Vec<StoryProblem>) -> Option<Scene> {
    let mut at = At {
        scene: Some(n),
        title: None,
    };
    let Some(o) = v.as_object() else {
        problems.push(at.problem(
            None,
            format!("should be an object, not {}", type_name(v)),
            true,
        ));
        return None;
    };
    at.title = o.get("title").and_then(Value::as_str).map(String::from);
    let mut scene = Scene::default();
    let text = |key: &str, problems: &mut Vec<StoryProblem>| match opt_text(o, key) {
        Ok(t) => Some(t),
        Err(m) => {
            problems.push(at.problem(Some(key), m, true));
            None
        }
    };
    let title = text("title", problems)?;
    let caption = text("caption", problems)?;
    scene.title = capped(
        title.unwrap_or_default().trim(),
        MAX_TITLE,
        &at,
        "title",
        problems,
    );
    scene.caption = capped(
        caption.unwrap_or_default().trim(),
        MAX_CAPTION,
        &at,
        "caption",
        problems,
    );
    match opt_text(o, "source") {
        Ok(s) => scene.source = s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        Err(m) => problems.push(at.problem(Some("source"), m, false)),
    }
    scene.view = match o.get("view") {
        None | Some(Value::Null) => None,
        Some(Value::String(q)) => Some(parse_view(q, &at, problems)),
        Some(v) => {
            let m = format!(
                "should be the query of a link to the timeline (text such as \"c=KZ&w=2005-01-01~2006-12-31\"), or null for a title card, not {}",
                type_name(v)
            );
            problems.push(at.problem(Some("view"), m, true));
            return None;
        }
    };
    if scene.view.is_none() && scene.title.is_empty() && scene.caption.is_empty() {
        problems.push(at.problem(
            None,
            "has no view, no title and no caption: nothing to show",
            true,
        ));
        return None;
    }
    scene.highlight = parse_highlight(o.get("highlight"), &at, problems);
    scene.annotations = parse_annotations(o.get("annotations"), &at, problems);
    Some(scene)
}

/// A scene's view: the query of a link (a whole link is taken from its `?`).
fn parse_view(q: &str, at: &At, problems: &mut Vec<StoryProblem>) -> ViewState {
    let q = q.trim();
    let q = q.split_once('?').map_or(q, |(_, rest)| rest);
    let q = q.split_once('#').map_or(q, |(head, _)| head);
    let d = urlstate::decode(q);
    for pair in d.ignored {
        problems.push(at.problem(
            Some("view"),
            format!("`{pair}` is not understood and is ignored"),
            false,
        ));
    }
    d.state
}

fn parse_highlight(v: Option<&Value>, at: &At, problems: &mut Vec<StoryProblem>) -> Vec<String> {
    let items = match v {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(a)) => a,
        Some(v) => {
            let m = format!(
                "should be a list of event ids, not {}; left out",
                type_name(v)
            );
            problems.push(at.problem(Some("highlight"), m, false));
            return Vec::new();
        }
    };
    if items.len() > MAX_HIGHLIGHT {
        let m = format!(
            "has {} ids; only the first {MAX_HIGHLIGHT} are kept",
            items.len()
        );
        problems.push(at.problem(Some("highlight"), m, false));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().take(MAX_HIGHLIGHT).enumerate() {
        match item.as_str().map(str::trim) {
            Some(id) if !id.is_empty() && id.len() <= 200 => {
                if !out.iter().any(|x| x == id) {
                    out.push(id.to_string());
                }
            }
            _ => problems.push(at.problem(
                Some(&format!("highlight[{i}]")),
                format!("should be an event's id, not {}; left out", type_name(item)),
                false,
            )),
        }
    }
    out
}

fn parse_annotations(
    v: Option<&Value>,
    at: &At,
    problems: &mut Vec<StoryProblem>,
) -> Vec<Annotation> {
    let items = match v {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(a)) => a,
        Some(v) => {
            let m = format!("should be a list, not {}; left out", type_name(v));
            problems.push(at.problem(Some("annotations"), m, false));
            return Vec::new();
        }
    };
    if items.len() > MAX_NOTES {
        let m = format!(
            "has {} annotations; only the first {MAX_NOTES} are kept",
            items.len()
        );
        problems.push(at.problem(Some("annotations"), m, false));
    }
    items
        .iter()
        .take(MAX_NOTES)
        .enumerate()
        .filter_map(|(i, item)| match parse_annotation(item, at, i, problems) {
            Ok(a) => Some(a),
            Err((field, m)) => {
                problems.push(at.problem(
                    Some(&field),
                    format!("{m}; the annotation is left out"),
                    false,
                ));
                None
            }
        })
        .collect()
}

/// One annotation, or the field and what is wrong with it.
fn parse_annotation(
    v: &Value,
    at: &At,
    i: usize,
    problems: &mut Vec<StoryProblem>,
) -> Result<Annotation, (String, String)> {
    let f = |name: &str| {
        if name.is_empty() {
            format!("annotations[{i}]")
        } else {
            format!("annotations[{i}].{name}")
        }
    };
    let o = v
        .as_object()
        .ok_or_else(|| (f(""), format!("should be an object, not {}", type_name(v))))?;
    let anchor = match (o.get("event"), o.get("date")) {
        (Some(_), Some(_)) => {
            return Err((
                f(""),
                "has both an \"event\" and a \"date\"; it is pinned to one".into(),
            ))
        }
        (None, None) => {
            return Err((
                f(""),
                "is pinned to nothing: give an \"event\" or a \"date\"".into(),
            ))
        }
        (Some(e), None) => match e.as_str().map(str::trim) {
            Some(id) if !id.is_empty() && id.len() <= 200 => Anchor::Event(id.to_string()),
            _ => {
                return Err((
                    f("event"),
                    format!("should be an event's id, not {}", type_name(e)),
                ))
            }
        },
        (None, Some(d)) => {
            let s = d.as_str().ok_or_else(|| {
                (
                    f("date"),
                    format!("should be a date as text, not {}", type_name(d)),
                )
            })?;
            let date = PartialDate::parse(s.trim()).map_err(|e| {
                (
                    f("date"),
                    format!("\"{s}\" is not a date YYYY, YYYY-MM or YYYY-MM-DD ({e})"),
                )
            })?;
            Anchor::Date(date)
        }
    };
    let text = match o.get("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim(),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err((f("text"), "is empty".into()))
        }
        Some(t) => return Err((f("text"), format!("should be text, not {}", type_name(t)))),
    };
    let text = capped(text, MAX_NOTE, at, &f("text"), problems);
    Ok(Annotation { at: anchor, text })
}

pub use crate::story_write::{to_json, to_link_value};

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

/// The byte length of the address starting at `rest` (which starts with
/// `http://` or `https://`), trailing punctuation left out; 0 if none.
fn link_len(rest: &str) -> usize {
    let scheme = if rest[..5].eq_ignore_ascii_case("https") {
        8
    } else {
        7
    };
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^')
        })
        .map_or(rest.len(), |(i, _)| i);
    let mut link = &rest[..end];
    while let Some(last) = link.chars().last() {
        let unbalanced = |open: char, close: char| {
            last == close && link.matches(close).count() > link.matches(open).count()
        };
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '’' | '”'
        ) || unbalanced('(', ')')
            || unbalanced('[', ']')
        {
            link = &link[..link.len() - last.len_utf8()];
        } else {
            break;
        }
    }
    if link.len() > scheme {
        link.len()
    } else {
        0
    }
}

/// Splits a caption into text and links.
pub fn caption_parts(caption: &str) -> Vec<CaptionPart> {
    let mut out = Vec::new();
    let mut text = String::new();
    let lower = caption.to_ascii_lowercase();
    let mut i = 0;
    while i < caption.len() {
        let rest = &lower[i..];
        let at_word = caption[..i]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        if at_word && (rest.starts_with("http://") || rest.starts_with("https://")) {
            let n = link_len(&caption[i..]);
            if n > 0 {
                if !text.is_empty() {
                    out.push(CaptionPart::Text(std::mem::take(&mut text)));
                }
                let link = &caption[i..i + n];
                out.push(CaptionPart::Link {
                    text: link.to_string(),
                    href: link.to_string(),
                });
                i += n;
                continue;
            }
        }
        let c = caption[i..].chars().next().unwrap_or(' ');
        text.push(c);
        i += c.len_utf8();
    }
    if !text.is_empty() {
        out.push(CaptionPart::Text(text));
    }
    out
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

/// The story after `edit` (an edit that does not apply leaves it as it is).
fn edited(story: &Story, edit: Edit) -> Story {
    let mut s = story.clone();
    let n = s.scenes.len();
    match edit {
        Edit::Insert(i, scene) => s.scenes.insert(i.min(n), scene),
        Edit::Replace(i, scene) if i < n => s.scenes[i] = scene,
        Edit::SetTitle(t) => s.title = t,
        Edit::Move { from, to } if from < n => {
            let scene = s.scenes.remove(from);
            s.scenes.insert(to.min(n - 1), scene);
        }
        Edit::Duplicate(i) if i < n => s.scenes.insert(i + 1, s.scenes[i].clone()),
        Edit::Delete(i) if i < n => {
            s.scenes.remove(i);
        }
        _ => {}
    }
    s
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
    /// Applies an edit (an edit that changes nothing is not recorded). The
    /// history keeps the last [`MAX_UNDO`] steps; a new edit clears redo.
    pub fn apply(&mut self, edit: Edit) {
        let next = edited(&self.story, edit);
        if next == self.story {
            return;
        }
        self.past.push(std::mem::replace(&mut self.story, next));
        if self.past.len() > MAX_UNDO {
            self.past.remove(0);
        }
        self.future.clear();
    }
    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.past.pop() else {
            return false;
        };
        self.future.push(std::mem::replace(&mut self.story, prev));
        true
    }
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        self.past.push(std::mem::replace(&mut self.story, next));
        true
    }
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// Cubic ease in and out: slow at both ends.
pub fn ease(t: f64) -> f64 {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// The window part-way (`t` in 0..=1, eased) between two scenes' windows, for
/// the smooth move from one to the next. Both edges move with the same
/// easing, so neither overshoots; `t` ≤ 0 is `from`, `t` ≥ 1 is `to`, exactly.
pub fn tween(from: Window, to: Window, t: f64) -> Window {
    if t.is_nan() || t <= 0.0 {
        return from;
    }
    if t >= 1.0 {
        return to;
    }
    let e = ease(t);
    Window::new(
        from.start + (to.start - from.start) * e,
        from.end + (to.end - from.end) * e,
    )
}

/// "Scene 3 of 8: Title" — what the player shows and the live region reads
/// (`index` from 0; a scene without a title is "Scene 3 of 8").
pub fn scene_label(story: &Story, index: usize) -> String {
    let n = story.scenes.len();
    let head = format!("Scene {} of {n}", index + 1);
    match story.scenes.get(index).map(|s| s.title.trim()) {
        Some(t) if !t.is_empty() => format!("{head}: {t}"),
        _ => head,
    }
}

/// Checks a story against the dataset it plays on: event ids (highlighted,
/// selected, annotated), countries and kinds its views name that the dataset
/// does not have. None of it is fatal (the scene plays without them); scenes
/// are numbered as the story has them, from 1.
pub fn check_against(story: &Story, ds: &crate::model::Dataset) -> Vec<StoryProblem> {
    let mut out = Vec::new();
    for (i, s) in story.scenes.iter().enumerate() {
        let at = At {
            scene: Some(i + 1),
            title: Some(s.title.clone()),
        };
        let unknown = |id: &str| ds.event(id).is_none();
        if let Some(v) = &s.view {
            let mut v = v.clone();
            for pair in urlstate::sanitize(&mut v, ds) {
                out.push(at.problem(
                    Some("view"),
                    format!("`{pair}`: the dataset has no such thing; ignored"),
                    false,
                ));
            }
        }
        for (j, id) in s.highlight.iter().enumerate() {
            if unknown(id) {
                let m = format!("no event has the id \"{id}\"; ignored");
                out.push(at.problem(Some(&format!("highlight[{j}]")), m, false));
            }
        }
        for (j, a) in s.annotations.iter().enumerate() {
            if let Anchor::Event(id) = &a.at {
                if unknown(id) {
                    let m = format!("no event has the id \"{id}\"; the annotation is not shown");
                    out.push(at.problem(Some(&format!("annotations[{j}].event")), m, false));
                }
            }
        }
    }
    out
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

impl PlacedNote {
    /// The label's box as placed (x, y, w, h), by the same measure as placing used
    /// (`k`: the chart's type scale, `ChartModel::k`).
    pub fn label_box(&self, k: f64) -> (f64, f64, f64, f64) {
        let w = self.text.chars().count() as f64 * NOTE_CHAR_W * k;
        let x = if self.end {
            self.label.0 - w
        } else {
            self.label.0
        };
        (x, self.label.1 - NOTE_ASCENT * k, w, NOTE_LINE * k)
    }

    /// Where the leader line meets the label's box: its point nearest the anchor.
    pub fn leader_end(&self, k: f64) -> (f64, f64) {
        let (x, y, w, h) = self.label_box(k);
        // max/min, not f64::clamp: its panic message would bring float
        // formatting into the first module (and a NaN width would panic).
        (
            self.anchor.0.max(x).min(x + w),
            self.anchor.1.max(y).min(y + h),
        )
    }
}

/// A note's label: the width of a character, the height above the baseline
/// and the line's height, at a type scale of 1 (12 px labels).
const NOTE_CHAR_W: f64 = 7.0;
const NOTE_ASCENT: f64 = 11.0;
const NOTE_LINE: f64 = 15.0;

/// Where an annotation is pinned in the chart, if it is drawn.
fn anchor_point(
    ds: &crate::model::Dataset,
    model: &crate::chart::ChartModel,
    window: Window,
    at: &Anchor,
) -> Option<(f64, f64)> {
    let (x0, x1) = (model.gutter, model.gutter + model.plot_w);
    match at {
        Anchor::Event(id) => {
            let i = ds.position(id)?;
            let mk = model.marks.iter().find(|m| m.event == i)?;
            let (x, y) = match mk.rect {
                // A bar: its visible part's middle, at its top edge.
                Some(r) => ((r.x.max(x0) + (r.x + r.w).min(x1)) / 2.0, r.y),
                None => (mk.symbol.0, mk.symbol.1 - model.k * 6.0),
            };
            (x >= x0 && x <= x1).then_some((x, y))
        }
        Anchor::Date(d) => {
            let day = match d.precision() {
                Precision::Day => d.first_day() as f64 + 0.5,
                _ => (d.first_day() as f64 + d.last_day() as f64 + 1.0) / 2.0,
            };
            if day < window.start || day > window.end {
                return None;
            }
            let top = model.lanes.first().map_or(26.0 * model.k, |l| l.top);
            Some((model.x_of(window, day), top))
        }
    }
}

type Box4 = (f64, f64, f64, f64);

fn overlaps(a: Box4, b: Box4) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// The chart's own texts, measured generously (a bold label, a wide font):
/// the axis's tick labels, the lanes' labels, the marks' labels, the
/// clusters' counts. A note's label never covers one of them.
fn chart_texts(model: &crate::chart::ChartModel) -> Vec<Box4> {
    let k = model.k;
    // 0.7 em a character and the font's whole height (DejaVu Sans Bold's digits
    // are 0.7 em wide; its ascent and descent 0.93 and 0.24 em), a pixel spare.
    let (cw, asc, h) = (8.4 * k, 11.4 * k, 14.4 * k);
    let width = |t: &str| t.chars().count() as f64 * cw;
    let text = |x: f64, y: f64, t: &str| (x - k, y - asc, width(t) + 2.0 * k, h);
    let mut out: Vec<Box4> = Vec::new();
    out.extend(model.ticks.iter().filter_map(|t| {
        let (a, _) = t.text?.span();
        Some(text(model.gutter + a, 14.0 * k, &t.label))
    }));
    // Lane labels are cut to their room.
    out.extend(model.lanes.iter().map(|l| {
        let (x, y, w, h) = text(8.0, l.label_y, &l.label);
        (x, y, w.min(l.label_w + 5.0), h)
    }));
    out.extend(
        model
            .marks
            .iter()
            .filter_map(|mk| mk.label.as_ref().map(|(x, y, t)| text(*x, *y, t))),
    );
    out.extend(model.clusters.iter().map(|c| {
        let w = width(&c.count);
        text(c.text.0 - w / 2.0, c.text.1, &c.count)
    }));
    out
}

/// What a note's label had better not cover, where there is room: the marks'
/// symbols, the clusters.
fn chart_shapes(model: &crate::chart::ChartModel) -> Vec<Box4> {
    let k = model.k;
    let mut out: Vec<Box4> = Vec::new();
    for mk in &model.marks {
        out.push((
            mk.symbol.0 - 9.0 * k,
            mk.symbol.1 - 9.0 * k,
            18.0 * k,
            18.0 * k,
        ));
    }
    out.extend(
        model
            .clusters
            .iter()
            .map(|c| (c.rect.x, c.rect.y, c.rect.w, c.rect.h)),
    );
    out
}

/// Places a scene's annotations on the chart as drawn (`model` for `window`).
/// An annotation whose event is not drawn (filtered out, off the window, in a
/// cluster) or whose date is off the window is left out; so is one for which
/// no free room is left (every label is inside the chart, none overlaps another
/// or a text of the chart).
/// A label never covers a text of the chart (tick, lane, mark labels, cluster
/// counts), keeps clear of its marks where it can, and is as near its anchor
/// as it can be; a text too long for the chart's width is cut with `…`.
pub fn place_annotations(
    ds: &crate::model::Dataset,
    model: &crate::chart::ChartModel,
    window: Window,
    notes: &[Annotation],
) -> Vec<PlacedNote> {
    let k = model.k;
    let (pad, gap) = (4.0 * k, 8.0 * k);
    let (cw, asc, line) = (NOTE_CHAR_W * k, NOTE_ASCENT * k, NOTE_LINE * k);
    let mut anchored: Vec<((f64, f64), &Annotation)> = notes
        .iter()
        .filter_map(|a| Some((anchor_point(ds, model, window, &a.at)?, a)))
        .collect();
    crate::order::sort_by(&mut anchored, |a, b| a.0 .0.total_cmp(&b.0 .0));
    let max_chars = (((model.width - 2.0 * pad) / cw).floor() as usize).max(1);
    // Baselines from the top to the bottom of the chart, a quarter line apart.
    let mut rows = Vec::new();
    let mut y = pad + asc;
    while y - asc + line <= model.height - pad + 1e-9 {
        rows.push(y);
        y += line / 4.0;
    }
    let (texts, shapes) = (chart_texts(model), chart_shapes(model));
    let mut placed: Vec<PlacedNote> = Vec::new();
    for ((ax, ay), note) in anchored {
        let text = crate::fmt::cut(&note.text, max_chars);
        let w = text.chars().count() as f64 * cw;
        // Above the anchor first, then further away, up or down.
        let want = ay - gap;
        let mut order = rows.clone();
        crate::order::sort_by(&mut order, |a, b| {
            (a - want).abs().total_cmp(&(b - want).abs())
        });
        let fits = |n: &PlacedNote, clear: bool| {
            let b = n.label_box(k);
            // As drawn: its background reaches 3 px beyond the text, 1 px above and below.
            let bg = (b.0 - 3.0, b.1 - 1.0, b.2 + 6.0, b.3 + 2.0);
            b.0 >= pad - 1e-9
                && b.0 + b.2 <= model.width - pad + 1e-9
                && !placed.iter().any(|p| overlaps(p.label_box(k), b))
                && !texts.iter().any(|&o| overlaps(o, bg))
                && (!clear || !shapes.iter().any(|&o| overlaps(o, bg)))
        };
        // Never over a text of the chart; clear of its marks too if it can be.
        let spot = [true, false].into_iter().find_map(|clear| {
            order.iter().find_map(|&by| {
                let right = (ax + gap).min(model.width - pad - w);
                let left = (ax - gap).max(pad + w);
                let centred = (ax - w / 2.0)
                    .max(pad)
                    .min((model.width - pad - w).max(pad));
                [(right, false), (left, true), (centred, false)]
                    .into_iter()
                    .find_map(|(x, end)| {
                        let n = PlacedNote {
                            anchor: (ax, ay),
                            label: (x, by),
                            end,
                            text: text.clone(),
                        };
                        fits(&n, clear).then_some(n)
                    })
            })
        });
        placed.extend(spot);
    }
    placed
}
