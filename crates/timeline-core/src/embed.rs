//! Embedding: the options an embedder sets in the URL, the messages a host
//! page may send (and which are ignored), and presenter stepping.
//!
//! | key        | value                                                      | default |
//! |------------|------------------------------------------------------------|---------|
//! | `embed`    | `1`: only the chart and the controls asked for             | off     |
//! | `controls` | `zoom,countries,kinds,search,view,stats,present,link`      | `zoom`  |
//! | `theme`    | `light`, `dark` or `contrast` (projector: large type)      | system  |
//! | `present`  | `1`: presenter mode                                        | off     |
//! | `origins`  | origins allowed to drive the app by `postMessage`, comma-separated | the page's own |

use crate::date::PartialDate;
use crate::layout::Grouping;
use crate::model::Dataset;
use crate::scale::Window;
use crate::urlstate::{percent_decode, ViewMode};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Control {
    Zoom,
    Countries,
    Kinds,
    Search,
    View,
    Stats,
    Present,
    Link,
}

impl Control {
    pub const ALL: [Control; 8] = [
        Control::Zoom,
        Control::Countries,
        Control::Kinds,
        Control::Search,
        Control::View,
        Control::Stats,
        Control::Present,
        Control::Link,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Control::Zoom => "zoom",
            Control::Countries => "countries",
            Control::Kinds => "kinds",
            Control::Search => "search",
            Control::View => "view",
            Control::Stats => "stats",
            Control::Present => "present",
            Control::Link => "link",
        }
    }
    pub fn parse(s: &str) -> Option<Control> {
        Control::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A set of controls, one bit each, iterated in `Control::ALL`'s order (a set
/// of eight needs no tree; a `BTreeSet<Control>` costs the first module its own
/// copy of the tree's code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Controls(u8);

impl Controls {
    fn bit(c: Control) -> u8 {
        1 << (c as u8)
    }
    pub fn new() -> Controls {
        Controls(0)
    }
    pub fn contains(&self, c: &Control) -> bool {
        self.0 & Controls::bit(*c) != 0
    }
    /// Adds `c`; whether it was not there.
    pub fn insert(&mut self, c: Control) -> bool {
        let was = self.contains(&c);
        self.0 |= Controls::bit(c);
        !was
    }
    /// Takes `c` out; whether it was there.
    pub fn remove(&mut self, c: &Control) -> bool {
        let was = self.contains(c);
        self.0 &= !Controls::bit(*c);
        was
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    /// The controls in `Control::ALL`'s order.
    pub fn iter(&self) -> impl Iterator<Item = Control> + '_ {
        Control::ALL.into_iter().filter(|c| self.contains(c))
    }
}

impl<const N: usize> From<[Control; N]> for Controls {
    fn from(cs: [Control; N]) -> Controls {
        cs.into_iter().collect()
    }
}

impl FromIterator<Control> for Controls {
    fn from_iter<I: IntoIterator<Item = Control>>(it: I) -> Controls {
        let mut s = Controls::new();
        for c in it {
            s.insert(c);
        }
        s
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
    /// High contrast, large type: for projectors.
    Contrast,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }
    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::System, Theme::Light, Theme::Dark, Theme::Contrast]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub embed: bool,
    pub controls: Controls,
    pub theme: Theme,
    pub present: bool,
    /// Origins allowed to send commands; empty: only the page's own origin.
    pub origins: Vec<String>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            embed: false,
            controls: Controls::from([Control::Zoom]),
            theme: Theme::System,
            present: false,
            origins: Vec::new(),
        }
    }
}

impl EmbedOptions {
    /// Reads the embedding keys of a query string; anything malformed keeps its default.
    pub fn decode(query: &str) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        for pair in query.trim_start_matches(['?', '#']).split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match k {
                "embed" => o.embed = v == "1" || v == "true",
                "present" => o.present = v == "1" || v == "true",
                "theme" => o.theme = Theme::parse(&v).unwrap_or_default(),
                "controls" if v == "none" => o.controls = Controls::new(),
                "controls" => {
                    // Every name known, or the default stays.
                    let names: Option<Vec<Control>> = v
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(Control::parse)
                        .collect();
                    if let Some(names) = names {
                        o.controls = names.into_iter().collect();
                    }
                }
                "origins" => {
                    o.origins = v
                        .split(',')
                        .map(str::trim)
                        .filter(|s| is_origin(s))
                        .map(String::from)
                        .collect()
                }
                _ => {}
            }
        }
        o
    }

    /// Whether a control shows: every control in the full app, those asked for in an embed.
    pub fn shows(&self, c: Control) -> bool {
        !self.embed || self.controls.contains(&c)
    }

    /// Whether a message from `origin` may drive the app (`own` is the page's own origin).
    pub fn allows(&self, origin: &str, own: &str) -> bool {
        origin == own || self.origins.iter().any(|o| o == origin)
    }
}

/// The query string of an embed of `view` with options `o` (the view's own
/// keys, then the embedding keys; defaults left out).
pub fn embed_query(view: &crate::urlstate::ViewState, o: &EmbedOptions) -> String {
    let mut parts = vec!["embed=1".to_string()];
    let v = crate::urlstate::encode(view);
    if !v.is_empty() {
        parts.push(v);
    }
    let controls: Vec<&str> = o.controls.iter().map(|c| c.as_str()).collect();
    parts.push(format!(
        "controls={}",
        if controls.is_empty() {
            "none".to_string()
        } else {
            controls.join(",")
        }
    ));
    if o.theme != Theme::System {
        parts.push(format!("theme={}", o.theme.as_str()));
    }
    if o.present {
        parts.push("present=1".into());
    }
    if !o.origins.is_empty() {
        parts.push(format!(
            "origins={}",
            crate::urlstate::percent_encode(&o.origins.join(","))
        ));
    }
    parts.join("&")
}

/// `scheme://host[:port]`, no path: what `MessageEvent.origin` looks like.
fn is_origin(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https") && !rest.is_empty() && !rest.contains(['/', '?', '#', ' '])
}

/// What a host page may ask, as `{"type": "sco-timeline", "action": …}`.
#[derive(Clone, Debug, PartialEq)]
pub enum HostCommand {
    /// Countries and/or kinds to show (`null` or absent: leave as is; `"all"`
    /// or `[]`: no filter on that facet; a list: exactly those, OR-ed).
    SetFilters {
        countries: Option<Option<BTreeSet<String>>>,
        kinds: Option<Option<BTreeSet<String>>>,
        text: Option<String>,
    },
    GoTo(String),
    Step(i64),
    SetPresent(bool),
    GetState,
    /// The visible window: from the start of `from` to the start of `to`
    /// (as the link's `w=from~to`).
    SetWindow(Window),
    /// The whole span of the events shown.
    Fit,
    SetView(ViewMode),
    SetGrouping(Grouping),
    /// reveal.js tells an iframe on a slide that its slide was shown
    /// (`"slide:start"`, `true`) or hidden (`"slide:stop"`, `false`).
    SlideVisible(bool),
    /// Stories: go to scene `n` (1-based) of the story being played.
    GoToScene(usize),
    /// Stories: move by `n` scenes (clamped at both ends).
    SceneStep(i64),
    /// Stories: load and play a story (an address, or a story's JSON inline).
    PlayStory(String),
}

/// A message's value, as [`parse_host_message`] reads it: `serde_json`'s
/// `Value` natively (tests, fuzzing), the `JsValue` itself in the app (so the
/// first module links no JSON parser). Numbers are JavaScript's (`f64`).
pub trait HostValue: Sized {
    /// The field `key` of an object (not of an array); `None` if absent.
    fn field(&self, key: &str) -> Option<Self>;
    fn text(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    fn is_null(&self) -> bool;
    /// An object (not an array, not `null`).
    fn is_object(&self) -> bool;
    /// The items of an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The value as JSON text.
    fn json(&self) -> String;
}

impl HostValue for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(String::from)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn is_null(&self) -> bool {
        self.is_null()
    }
    fn is_object(&self) -> bool {
        self.is_object()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn json(&self) -> String {
        self.to_string()
    }
}

/// A whole number (as JavaScript has them: `2.0` is `2`), within ±2^53.
fn whole(v: &impl HostValue) -> Option<i64> {
    let n = v.number()?;
    (n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0).then_some(n as i64)
}

/// reveal.js's own messages to iframes in slides: plain strings, sent to `*`.
/// They only pause or resume the app, so they are taken from any parent.
pub fn parse_reveal_message(v: &impl HostValue) -> Option<HostCommand> {
    match v.text()?.as_str() {
        "slide:start" => Some(HostCommand::SlideVisible(true)),
        "slide:stop" => Some(HostCommand::SlideVisible(false)),
        _ => None,
    }
}

/// A facet's list in `setFilters`: absent or `null` → `None` (leave as is);
/// `"all"` or `[]` → `Some(None)` (no filter); a list of strings → the list;
/// anything else is malformed (`Err`).
#[allow(clippy::type_complexity)]
fn facet_list<V: HostValue>(o: &V, key: &str) -> Result<Option<Option<Vec<String>>>, ()> {
    let Some(v) = o.field(key).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    if v.text().as_deref() == Some("all") {
        return Ok(Some(None));
    }
    let items = v.items().ok_or(())?;
    // An empty list selects nothing: no filter, as with the chips.
    if items.is_empty() {
        return Ok(Some(None));
    }
    let items: Option<Vec<String>> = items.iter().map(HostValue::text).collect();
    Ok(Some(Some(items.ok_or(())?)))
}

/// Parses a message from a host page; anything else (other types, malformed
/// fields, unknown actions) is `None` and ignored.
pub fn parse_host_message<V: HostValue>(o: &V) -> Option<HostCommand> {
    if !o.is_object() || o.field("type")?.text()? != "sco-timeline" {
        return None;
    }
    let text = |k: &str| o.field(k).and_then(|v| v.text());
    // An optional whole number (absent: 1).
    let by = |k: &str| o.field(k).map_or(Some(1), |v| whole(&v));
    match text("action")?.as_str() {
        "setFilters" => {
            let countries = facet_list(o, "countries").ok()?.map(|c| {
                c.map(|v| crate::order::set_of(v.into_iter().map(|s| s.to_ascii_uppercase())))
            });
            let kinds = facet_list(o, "kinds").ok()?.map(|c| {
                c.map(|v| {
                    crate::order::set_of(v.into_iter().filter(|k| !k.is_empty() && k.len() <= 100))
                })
            });
            let text = match o.field("text").filter(|v| !v.is_null()) {
                None => None,
                Some(v) => Some(v.text()?.chars().take(200).collect()),
            };
            Some(HostCommand::SetFilters {
                countries,
                kinds,
                text,
            })
        }
        "goTo" => Some(HostCommand::GoTo(text("id")?.chars().take(200).collect())),
        "step" => {
            let by = by("by")?;
            (by.abs() <= 1_000_000).then_some(HostCommand::Step(by))
        }
        "present" => Some(HostCommand::SetPresent(
            o.field("on").map_or(Some(true), |v| v.boolean())?,
        )),
        "getState" => Some(HostCommand::GetState),
        "setWindow" => {
            let date = |k: &str| PartialDate::parse(&text(k)?).ok();
            let (from, to) = (date("from")?, date("to")?);
            let (a, b) = (from.first_day() as f64, to.first_day() as f64);
            (b > a).then(|| HostCommand::SetWindow(Window::new(a, b)))
        }
        "fit" => Some(HostCommand::Fit),
        "goToScene" => {
            let n = whole(&o.field("scene")?)?;
            (1..=10_000)
                .contains(&n)
                .then_some(HostCommand::GoToScene(n as usize))
        }
        "stepScene" => {
            let by = by("by")?;
            (by.abs() <= 10_000).then_some(HostCommand::SceneStep(by))
        }
        "playStory" => {
            let v = o.field("story")?;
            let s = match v.text() {
                Some(s) => s,
                None if v.is_object() => v.json(),
                None => return None,
            };
            (s.len() <= 1_000_000).then_some(HostCommand::PlayStory(s))
        }
        "setView" => match text("view")?.as_str() {
            "chart" => Some(HostCommand::SetView(ViewMode::Chart)),
            "list" => Some(HostCommand::SetView(ViewMode::List)),
            _ => None,
        },
        "setGrouping" => match text("grouping")?.as_str() {
            "kind" => Some(HostCommand::SetGrouping(Grouping::Kind)),
            "country" => Some(HostCommand::SetGrouping(Grouping::Country)),
            _ => None,
        },
        _ => None,
    }
}

/// The window as `state` messages carry it, `{"from": "2004-01-01", "to":
/// "2006-01-01"}`: what `setWindow` takes back.
pub fn window_dates(w: Window) -> (String, String) {
    (
        crate::urlstate::day_string(w.start),
        crate::urlstate::day_string(w.end),
    )
}

/// Presenter stepping: the position in `shown` after moving `by` from the
/// selected event, wrapping at both ends. With nothing selected, forward
/// starts at the first event and backward at the last.
pub fn step(ds: &Dataset, shown: &[usize], selected: Option<&str>, by: i64) -> Option<usize> {
    if shown.is_empty() {
        return None;
    }
    let n = shown.len() as i64;
    let current = selected.and_then(|id| shown.iter().position(|&i| ds.events[i].id == id));
    let pos = match current {
        Some(p) => (p as i64 + by).rem_euclid(n),
        None if by >= 0 => (by - 1).max(0).rem_euclid(n),
        None => (n + by).rem_euclid(n),
    };
    Some(shown[pos as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_json, BUILTIN_DATASET};
    use serde_json::{json, Value};

    #[test]
    fn window_view_grouping_fit_and_reveal_messages() {
        let m = |v: Value| parse_host_message(&v);
        let Some(HostCommand::SetWindow(w)) = m(
            json!({"type": "sco-timeline", "action": "setWindow", "from": "2004", "to": "2006-07"}),
        ) else {
            panic!("setWindow")
        };
        assert_eq!(
            window_dates(w),
            ("2004-01-01".to_string(), "2006-07-01".to_string())
        );
        // It round-trips.
        let back = json!({"type": "sco-timeline", "action": "setWindow", "from": "2004-01-01", "to": "2006-07-01"});
        assert_eq!(m(back), Some(HostCommand::SetWindow(w)));
        for bad in [
            json!({"type": "sco-timeline", "action": "setWindow", "from": "2006", "to": "2004"}),
            json!({"type": "sco-timeline", "action": "setWindow", "from": "2006"}),
            json!({"type": "sco-timeline", "action": "setWindow", "from": 2004, "to": 2006}),
            json!({"type": "sco-timeline", "action": "setView", "view": "map"}),
            json!({"type": "sco-timeline", "action": "setGrouping", "grouping": 1}),
        ] {
            assert_eq!(m(bad.clone()), None, "{bad}");
        }
        assert_eq!(
            m(json!({"type": "sco-timeline", "action": "fit"})),
            Some(HostCommand::Fit)
        );
        assert_eq!(
            m(json!({"type": "sco-timeline", "action": "setView", "view": "list"})),
            Some(HostCommand::SetView(ViewMode::List))
        );
        assert_eq!(
            m(json!({"type": "sco-timeline", "action": "setGrouping", "grouping": "country"})),
            Some(HostCommand::SetGrouping(Grouping::Country))
        );
        assert_eq!(
            parse_reveal_message(&json!("slide:stop")),
            Some(HostCommand::SlideVisible(false))
        );
        assert_eq!(
            parse_reveal_message(&json!("slide:start")),
            Some(HostCommand::SlideVisible(true))
        );
        assert_eq!(parse_reveal_message(&json!("slide:other")), None);
        assert_eq!(parse_reveal_message(&json!({"type": "slide:start"})), None);
    }

    #[test]
    fn embed_options_from_the_url() {
        let o = EmbedOptions::decode("?embed=1&controls=zoom,kinds,present&theme=contrast&present=1&origins=https://deck.example,nonsense,http://127.0.0.1:9000");
        assert!(o.embed && o.present);
        assert_eq!(o.theme, Theme::Contrast);
        assert_eq!(
            o.controls,
            Controls::from([Control::Zoom, Control::Kinds, Control::Present])
        );
        assert_eq!(o.origins, ["https://deck.example", "http://127.0.0.1:9000"]);
        assert!(o.shows(Control::Kinds) && !o.shows(Control::Countries));
        assert!(
            o.allows("https://deck.example", "http://x")
                && !o.allows("https://evil.example", "http://x")
        );
        let bad = EmbedOptions::decode("embed=yes&controls=zoom,lasers&theme=neon");
        assert_eq!(bad, EmbedOptions::default());
        assert!(
            EmbedOptions::default().shows(Control::Countries),
            "the full app shows everything"
        );
    }

    #[test]
    fn embed_query_round_trips() {
        let mut view = crate::urlstate::ViewState::default();
        view.filter.countries = Some(BTreeSet::from(["RU".to_string()]));
        view.selected = Some("beslan-2004".into());
        let o = EmbedOptions {
            embed: true,
            controls: Controls::from([Control::Zoom, Control::Present]),
            theme: Theme::Dark,
            present: true,
            origins: vec!["https://deck.example".into()],
        };
        let q = embed_query(&view, &o);
        assert_eq!(q, "embed=1&c=RU&e=beslan-2004&controls=zoom,present&theme=dark&present=1&origins=https%3A%2F%2Fdeck.example");
        assert_eq!(EmbedOptions::decode(&q), o);
        assert_eq!(crate::urlstate::decode(&q).state, view);
    }

    #[test]
    fn host_messages_parse_or_are_ignored() {
        let ok = [
            (
                json!({"type": "sco-timeline", "action": "setFilters", "countries": ["ru", "KZ"], "kinds": "all"}),
                HostCommand::SetFilters {
                    countries: Some(Some(BTreeSet::from(["RU".to_string(), "KZ".to_string()]))),
                    kinds: Some(None),
                    text: None,
                },
            ),
            (
                json!({"type": "sco-timeline", "action": "goTo", "id": "beslan-2004"}),
                HostCommand::GoTo("beslan-2004".into()),
            ),
            (
                json!({"type": "sco-timeline", "action": "step"}),
                HostCommand::Step(1),
            ),
            (
                json!({"type": "sco-timeline", "action": "step", "by": -1}),
                HostCommand::Step(-1),
            ),
            (
                json!({"type": "sco-timeline", "action": "present", "on": false}),
                HostCommand::SetPresent(false),
            ),
            (
                json!({"type": "sco-timeline", "action": "getState"}),
                HostCommand::GetState,
            ),
            (
                json!({"type": "sco-timeline", "action": "setFilters", "countries": null, "kinds": ["attack", ""], "text": "Beslan"}),
                HostCommand::SetFilters {
                    countries: None,
                    kinds: Some(Some(BTreeSet::from(["attack".to_string()]))),
                    text: Some("Beslan".into()),
                },
            ),
            (
                json!({"type": "sco-timeline", "action": "setFilters", "countries": []}),
                HostCommand::SetFilters {
                    countries: Some(None),
                    kinds: None,
                    text: None,
                },
            ),
            (
                json!({"type": "sco-timeline", "action": "goToScene", "scene": 2}),
                HostCommand::GoToScene(2),
            ),
            (
                json!({"type": "sco-timeline", "action": "stepScene", "by": -1.0}),
                HostCommand::SceneStep(-1),
            ),
            (
                json!({"type": "sco-timeline", "action": "playStory", "story": "s.json"}),
                HostCommand::PlayStory("s.json".into()),
            ),
            (
                json!({"type": "sco-timeline", "action": "playStory", "story": {"scenes": []}}),
                HostCommand::PlayStory(r#"{"scenes":[]}"#.into()),
            ),
        ];
        for (msg, want) in ok {
            assert_eq!(parse_host_message(&msg), Some(want), "{msg}");
        }
        let ignored = [
            json!(null),
            json!("goTo"),
            json!([1, 2]),
            json!({"action": "goTo", "id": "x"}),
            json!({"type": "other", "action": "goTo", "id": "x"}),
            json!({"type": "sco-timeline", "action": "launch"}),
            json!({"type": "sco-timeline", "action": "goTo"}),
            json!({"type": "sco-timeline", "action": "goTo", "id": 5}),
            json!({"type": "sco-timeline", "action": "setFilters", "kinds": [3]}),
            json!({"type": "sco-timeline", "action": "setFilters", "countries": "RU"}),
            json!({"type": "sco-timeline", "action": "step", "by": "two"}),
            json!({"type": "sco-timeline", "action": "step", "by": 1e12}),
            json!({"type": "sco-timeline", "action": "step", "by": 1.5}),
            json!({"type": "sco-timeline", "action": "present", "on": null}),
            json!({"type": "sco-timeline", "action": "setFilters", "text": 3}),
            json!({"type": "sco-timeline", "action": "goToScene", "scene": 0}),
            json!({"type": "sco-timeline", "action": "playStory", "story": [1]}),
        ];
        for msg in ignored {
            assert_eq!(parse_host_message(&msg), None, "{msg}");
        }
    }

    #[test]
    fn presenter_steps_in_time_order_and_wraps() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let shown = vec![3, 7, 9];
        let id = |i: usize| ds.events[i].id.clone();
        assert_eq!(step(&ds, &shown, None, 1), Some(3));
        assert_eq!(step(&ds, &shown, None, -1), Some(9));
        assert_eq!(step(&ds, &shown, Some(&id(3)), 1), Some(7));
        assert_eq!(step(&ds, &shown, Some(&id(9)), 1), Some(3), "wraps forward");
        assert_eq!(
            step(&ds, &shown, Some(&id(3)), -1),
            Some(9),
            "wraps backward"
        );
        assert_eq!(step(&ds, &shown, Some("not-shown"), 1), Some(3));
        assert_eq!(step(&ds, &[], None, 1), None);
    }
}
