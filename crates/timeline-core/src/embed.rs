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
use serde_json::Value;
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
    pub controls: BTreeSet<Control>,
    pub theme: Theme,
    pub present: bool,
    /// Origins allowed to send commands; empty: only the page's own origin.
    pub origins: Vec<String>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            embed: false,
            controls: BTreeSet::from([Control::Zoom]),
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
                "controls" if v == "none" => o.controls = BTreeSet::new(),
                "controls" => {
                    let set: Option<BTreeSet<Control>> = v
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(Control::parse)
                        .collect();
                    if let Some(set) = set {
                        o.controls = set;
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

/// reveal.js's own messages to iframes in slides: plain strings, sent to `*`.
/// They only pause or resume the app, so they are taken from any parent.
pub fn parse_reveal_message(v: &Value) -> Option<HostCommand> {
    match v.as_str()? {
        "slide:start" => Some(HostCommand::SlideVisible(true)),
        "slide:stop" => Some(HostCommand::SlideVisible(false)),
        _ => None,
    }
}

/// Parses a message from a host page; anything else (other types, malformed
/// fields, unknown actions) is `None` and ignored.
pub fn parse_host_message(v: &Value) -> Option<HostCommand> {
    let o = v.as_object()?;
    if o.get("type")?.as_str()? != "sco-timeline" {
        return None;
    }
    let list = |key: &str| -> Option<Option<Option<Vec<String>>>> {
        match o.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(s)) if s == "all" => Some(Some(None)),
            // An empty list selects nothing: no filter, as with the chips.
            Some(Value::Array(a)) if a.is_empty() => Some(Some(None)),
            Some(Value::Array(a)) => {
                let items: Option<Vec<String>> =
                    a.iter().map(|x| x.as_str().map(String::from)).collect();
                Some(Some(Some(items?)))
            }
            _ => None,
        }
    };
    match o.get("action")?.as_str()? {
        "setFilters" => {
            let countries = list("countries")?
                .map(|c| c.map(|v| v.into_iter().map(|s| s.to_ascii_uppercase()).collect()));
            let kinds = match list("kinds")? {
                None => None,
                Some(None) => Some(None),
                Some(Some(v)) => Some(Some(
                    v.into_iter()
                        .filter(|k| !k.is_empty() && k.len() <= 100)
                        .collect::<BTreeSet<String>>(),
                )),
            };
            let text = match o.get("text") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.chars().take(200).collect()),
                _ => return None,
            };
            Some(HostCommand::SetFilters {
                countries,
                kinds,
                text,
            })
        }
        "goTo" => Some(HostCommand::GoTo(
            o.get("id")?.as_str()?.chars().take(200).collect(),
        )),
        "step" => {
            let by = o.get("by").map_or(Some(1), Value::as_i64)?;
            (by.abs() <= 1_000_000).then_some(HostCommand::Step(by))
        }
        "present" => Some(HostCommand::SetPresent(
            o.get("on").map_or(Some(true), Value::as_bool)?,
        )),
        "getState" => Some(HostCommand::GetState),
        "setWindow" => {
            let date = |k: &str| PartialDate::parse(o.get(k)?.as_str()?).ok();
            let (from, to) = (date("from")?, date("to")?);
            let (a, b) = (from.first_day() as f64, to.first_day() as f64);
            (b > a).then(|| HostCommand::SetWindow(Window::new(a, b)))
        }
        "fit" => Some(HostCommand::Fit),
        "goToScene" => {
            let n = o.get("scene")?.as_u64()?;
            (1..=10_000)
                .contains(&n)
                .then_some(HostCommand::GoToScene(n as usize))
        }
        "stepScene" => {
            let by = o.get("by").map_or(Some(1), Value::as_i64)?;
            (by.abs() <= 10_000).then_some(HostCommand::SceneStep(by))
        }
        "playStory" => {
            let s = match o.get("story")? {
                Value::String(s) => s.clone(),
                v @ Value::Object(_) => v.to_string(),
                _ => return None,
            };
            (s.len() <= 1_000_000).then_some(HostCommand::PlayStory(s))
        }
        "setView" => match o.get("view")?.as_str()? {
            "chart" => Some(HostCommand::SetView(ViewMode::Chart)),
            "list" => Some(HostCommand::SetView(ViewMode::List)),
            _ => None,
        },
        "setGrouping" => match o.get("grouping")?.as_str()? {
            "kind" => Some(HostCommand::SetGrouping(Grouping::Kind)),
            "country" => Some(HostCommand::SetGrouping(Grouping::Country)),
            _ => None,
        },
        _ => None,
    }
}

/// The window as `state` messages carry it, `{"from": "2004-01-01", "to":
/// "2006-01-01"}`: what `setWindow` takes back.
pub fn window_json(w: Window) -> Value {
    serde_json::json!({ "from": crate::urlstate::day_string(w.start), "to": crate::urlstate::day_string(w.end) })
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
    use serde_json::json;

    #[test]
    fn window_view_grouping_fit_and_reveal_messages() {
        let m = |v: Value| parse_host_message(&v);
        let Some(HostCommand::SetWindow(w)) = m(
            json!({"type": "sco-timeline", "action": "setWindow", "from": "2004", "to": "2006-07"}),
        ) else {
            panic!("setWindow")
        };
        assert_eq!(
            window_json(w),
            json!({"from": "2004-01-01", "to": "2006-07-01"})
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
            BTreeSet::from([Control::Zoom, Control::Kinds, Control::Present])
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
            controls: BTreeSet::from([Control::Zoom, Control::Present]),
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
