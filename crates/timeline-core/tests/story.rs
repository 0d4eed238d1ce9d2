//! Stories (timeline_core::story): the file read and written, every kind of
//! bad input named, links, captions, editing with undo, the smooth move
//! between windows, annotations placed on the chart.

use timeline_core::chart::{ChartBase, ChartModel, Focus, Frame};
use timeline_core::embed::Theme;
use timeline_core::frame::type_px;
use timeline_core::layout::Grouping;
use timeline_core::scale::Window;
use timeline_core::story::*;
use timeline_core::urlstate::{self, ViewState};
use timeline_core::windowing::Windows;
use timeline_core::{load_json, Dataset, PartialDate, BUILTIN_DATASET};

fn builtin() -> Dataset {
    load_json(BUILTIN_DATASET).dataset
}

fn view(q: &str) -> ViewState {
    let d = urlstate::decode(q);
    assert!(d.ignored.is_empty(), "{:?}", d.ignored);
    d.state
}

fn sample() -> Story {
    Story {
        title: "A decade".into(),
        data: Some("https://example.org/events.json".into()),
        scenes: vec![
            Scene {
                title: "Title card".into(),
                caption: "Ten years of cooperation.".into(),
                ..Default::default()
            },
            Scene {
                title: "Beslan".into(),
                caption: "See https://example.org/beslan. Then more.".into(),
                view: Some(view("c=RU&w=2004-01-01~2005-01-01&e=beslan-2004&g=country")),
                highlight: vec!["moscow-metro-bombs-2004".into()],
                annotations: vec![
                    Annotation {
                        at: Anchor::Event("beslan-2004".into()),
                        text: "School siege".into(),
                    },
                    Annotation {
                        at: Anchor::Date(PartialDate::parse("2004-06").unwrap()),
                        text: "Summer".into(),
                    },
                ],
                source: Some("a quote".into()),
            },
        ],
    }
}

#[test]
fn a_story_round_trips_through_its_file() {
    let s = sample();
    let json = to_json(&s);
    assert!(
        json.trim_start()
            .starts_with("{\n  \"format\": \"sco-timeline-story\",\n  \"version\": 1,"),
        "{json}"
    );
    let back = parse(&json).unwrap();
    assert_eq!(back.problems, vec![]);
    assert_eq!(back.story, s);
    // The title card's view is written as null.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["scenes"][0]["view"].is_null());
    assert_eq!(
        v["scenes"][1]["view"],
        "c=RU&w=2004-01-01~2005-01-01&g=country&e=beslan-2004"
    );
    assert!(s.scenes[0].is_title_card() && !s.scenes[1].is_title_card());
}

#[test]
fn a_file_that_is_no_story_is_refused_in_plain_words() {
    let err = |t: &str| parse(t).unwrap_err();
    assert!(err("not json {").contains("not JSON"));
    assert!(err("[1, 2]").contains("a list"));
    assert!(
        err(r#"{"format": "sco-timeline", "version": 1, "scenes": [{}]}"#)
            .contains("\"format\" is \"sco-timeline\"")
    );
    assert!(err(r#"{"version": 1, "scenes": [{"title": "x"}]}"#).contains("no \"format\""));
    let newer =
        err(r#"{"format": "sco-timeline-story", "version": 2, "scenes": [{"title": "x"}]}"#);
    assert!(
        newer.contains("newer version") && newer.contains('2'),
        "{newer}"
    );
    assert!(
        err(r#"{"format": "sco-timeline-story", "version": 1, "scenes": []}"#)
            .contains("no scenes")
    );
    assert!(err(r#"{"format": "sco-timeline-story", "version": 1}"#).contains("no \"scenes\""));
    let none = err(r#"{"format": "sco-timeline-story", "version": 1, "scenes": [3, {"view": 4}]}"#);
    assert!(
        none.contains("None of this story's 2 scenes") && none.contains("scene 1"),
        "{none}"
    );
}

#[test]
fn a_bad_scene_is_named_and_skipped_and_the_rest_kept() {
    let text = r#"{
      "format": "sco-timeline-story", "version": 1, "title": "T", "extra": true,
      "scenes": [
        {"title": "Good", "view": "c=KZ&w=2005-01-01~2006-12-31", "unknown": 1},
        {"title": "Bad view", "view": 42},
        "a string",
        {"title": "Odd pairs", "view": "c=KZ&w=nonsense&g=sideways"},
        {"title": 7},
        {"title": "Bad notes", "view": "c=RU",
         "highlight": ["beslan-2004", 3, "beslan-2004"],
         "annotations": [
           {"event": "beslan-2004", "text": "ok"},
           {"date": "2004-13", "text": "bad date"},
           {"text": "pinned to nothing"},
           {"event": "beslan-2004", "date": "2004", "text": "both"},
           {"event": "beslan-2004", "text": ""},
           {"date": "2004-06", "text": "fine"}
         ]},
        {}
      ]}"#;
    let l = parse(text).unwrap();
    let titles: Vec<&str> = l.story.scenes.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Good", "Odd pairs", "Bad notes"]);
    type Where = (Option<usize>, Option<String>, Option<String>, bool);
    let got: Vec<Where> = l
        .problems
        .iter()
        .map(|p| (p.scene, p.scene_title.clone(), p.field.clone(), p.skipped))
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (Some(2), s("Bad view"), s("view"), true),
            (Some(3), None, None, true),
            (Some(4), s("Odd pairs"), s("view"), false),
            (Some(4), s("Odd pairs"), s("view"), false),
            (Some(5), None, s("title"), true),
            (Some(6), s("Bad notes"), s("highlight[1]"), false),
            (Some(6), s("Bad notes"), s("annotations[1].date"), false),
            (Some(6), s("Bad notes"), s("annotations[2]"), false),
            (Some(6), s("Bad notes"), s("annotations[3]"), false),
            (Some(6), s("Bad notes"), s("annotations[4].text"), false),
            (Some(7), None, None, true),
        ],
        "{:#?}",
        l.problems
    );
    let msgs: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        msgs[0].starts_with("scene 2 (“Bad view”), field `view`: should be the query"),
        "{msgs:#?}"
    );
    assert!(msgs[0].ends_with("(the scene is skipped)"));
    assert!(msgs[2].contains("`w=nonsense`"), "{msgs:#?}");
    let odd = &l.story.scenes[1];
    assert_eq!(
        odd.view
            .as_ref()
            .unwrap()
            .filter
            .countries
            .as_ref()
            .unwrap()
            .len(),
        1
    );
    let notes = &l.story.scenes[2];
    assert_eq!(notes.highlight, ["beslan-2004"]);
    let texts: Vec<&str> = notes.annotations.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["ok", "fine"]);
}

#[test]
fn limits_are_reported_not_panicked_on() {
    let scenes: Vec<String> = (0..MAX_SCENES + 5)
        .map(|i| format!(r#"{{"title": "S{i}"}}"#))
        .collect();
    let long = "x".repeat(MAX_CAPTION + 10);
    let text = format!(
        r#"{{"format": "sco-timeline-story", "version": 1, "title": "{}", "scenes": [{{"title": "a", "caption": "{long}", "annotations": [{{"date": "2004", "text": "{}"}}]}}, {}]}}"#,
        "t".repeat(MAX_TITLE + 1),
        "n".repeat(MAX_NOTE + 1),
        scenes.join(",")
    );
    let l = parse(&text).unwrap();
    assert_eq!(l.story.scenes.len(), MAX_SCENES);
    assert_eq!(l.story.title.chars().count(), MAX_TITLE);
    assert_eq!(l.story.scenes[0].caption.chars().count(), MAX_CAPTION);
    assert_eq!(
        l.story.scenes[0].annotations[0].text.chars().count(),
        MAX_NOTE
    );
    let fields: Vec<Option<&str>> = l.problems.iter().map(|p| p.field.as_deref()).collect();
    assert_eq!(
        fields,
        [
            Some("title"),
            Some("scenes"),
            Some("caption"),
            Some("annotations[0].text")
        ]
    );
    // A missing version is read as 1, and said.
    let l = parse(r#"{"format": "sco-timeline-story", "scenes": [{"title": "x"}]}"#).unwrap();
    assert_eq!(l.problems[0].field.as_deref(), Some("version"));
}

#[test]
fn a_whole_link_is_taken_as_a_view() {
    let l = parse(r#"{"format": "sco-timeline-story", "version": 1, "scenes": [{"title": "x", "view": "https://example.org/app/?c=RU&g=country#top"}]}"#).unwrap();
    assert_eq!(l.problems, vec![]);
    assert_eq!(l.story.scenes[0].view, Some(view("c=RU&g=country")));
}

#[test]
fn a_story_is_checked_against_its_dataset() {
    let ds = builtin();
    let mut s = sample();
    s.data = None;
    assert_eq!(check_against(&s, &ds), vec![]);
    s.scenes[1].highlight.push("no-such-event".into());
    s.scenes[1].annotations.push(Annotation {
        at: Anchor::Event("nor-this".into()),
        text: "x".into(),
    });
    s.scenes[1].view = Some(view("c=RU,XX&e=missing"));
    let p = check_against(&s, &ds);
    let fields: Vec<&str> = p.iter().map(|p| p.field.as_deref().unwrap()).collect();
    assert_eq!(
        fields,
        ["view", "view", "highlight[1]", "annotations[2].event"],
        "{p:#?}"
    );
    assert!(p.iter().all(|p| p.scene == Some(2) && !p.skipped));
    assert!(p[2].to_string().contains("no-such-event"));
}

#[test]
fn link_values_round_trip_and_respect_the_length_limit() {
    let s = sample();
    let v = to_link_value(&s, 10_000).unwrap();
    assert!(
        v.starts_with("%7B") && !v.contains(['{', '"', ' ', '&', '#']),
        "{v}"
    );
    let decoded = urlstate::percent_decode(&v);
    match read_link_value(&decoded) {
        StoryLink::Inline(json) => assert_eq!(parse(&json).unwrap().story, s),
        other => panic!("{other:?}"),
    }
    assert_eq!(to_link_value(&s, 50), None);
    assert_eq!(to_link_value(&s, v.len()), Some(v.clone()));
    assert_eq!(to_link_value(&s, v.len() - 1), None);
    assert_eq!(
        read_link_value(" https://example.org/s.json "),
        StoryLink::Url("https://example.org/s.json".into())
    );
}

#[test]
fn captions_link_only_web_addresses_without_trailing_punctuation() {
    use CaptionPart::{Link, Text};
    let link = |s: &str| Link {
        text: s.into(),
        href: s.into(),
    };
    let t = |s: &str| Text(s.into());
    assert_eq!(
        caption_parts("See https://example.org/a_(b), and (http://x.org/p?q=1)."),
        vec![
            t("See "),
            link("https://example.org/a_(b)"),
            t(", and ("),
            link("http://x.org/p?q=1"),
            t(").")
        ]
    );
    assert_eq!(
        caption_parts("javascript:alert(1) and data:text/html,hi"),
        vec![t("javascript:alert(1) and data:text/html,hi")]
    );
    assert_eq!(
        caption_parts("nohttp://a.b here; https:// alone"),
        vec![t("nohttp://a.b here; https:// alone")]
    );
    assert_eq!(
        caption_parts("HTTPS://Example.org/X!"),
        vec![link("HTTPS://Example.org/X"), t("!")]
    );
    assert_eq!(
        caption_parts("“https://e.org/é”"),
        vec![t("“"), link("https://e.org/é"), t("”")]
    );
    assert_eq!(caption_parts(""), vec![]);
}

#[test]
fn a_draft_undoes_and_redoes_its_edits() {
    let scene = |t: &str| Scene {
        title: t.into(),
        ..Default::default()
    };
    let mut d = Draft::new(Story::default());
    assert!(!d.can_undo() && !d.undo() && !d.redo());
    d.apply(Edit::Insert(9, scene("a")));
    d.apply(Edit::Insert(9, scene("b")));
    d.apply(Edit::Duplicate(0));
    d.apply(Edit::Move { from: 0, to: 5 });
    let titles = |d: &Draft| {
        d.story
            .scenes
            .iter()
            .map(|s| s.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&d), ["a", "b", "a"]);
    d.apply(Edit::Replace(1, scene("B")));
    d.apply(Edit::SetTitle("Story".into()));
    d.apply(Edit::Delete(0));
    assert_eq!(titles(&d), ["B", "a"]);
    // An edit that changes nothing is not a step.
    d.apply(Edit::Delete(7));
    d.apply(Edit::SetTitle("Story".into()));
    assert!(d.undo());
    assert_eq!(titles(&d), ["a", "B", "a"]);
    assert!(d.undo() && d.story.title.is_empty());
    assert!(d.redo() && d.story.title == "Story");
    assert!(d.can_redo());
    d.apply(Edit::Insert(0, scene("new")));
    assert!(!d.can_redo(), "a new edit clears redo");
    while d.undo() {}
    assert_eq!(d.story, Story::default());
    // The history is capped.
    let mut d = Draft::new(Story::default());
    for i in 0..(MAX_UNDO + 20) {
        d.apply(Edit::SetTitle(i.to_string()));
    }
    let mut n = 0;
    while d.undo() {
        n += 1;
    }
    assert_eq!(n, MAX_UNDO);
    assert_eq!(d.story.title, "19");
}

#[test]
fn tween_starts_and_ends_exactly_and_eases_between() {
    let (a, b) = (Window::new(100.3, 200.7), Window::new(1000.1, 5000.9));
    assert_eq!(tween(a, b, 0.0), a);
    assert_eq!(tween(a, b, -3.0), a);
    assert_eq!(tween(a, b, f64::NAN), a);
    assert_eq!(tween(a, b, 1.0), b);
    assert_eq!(tween(a, b, 7.0), b);
    let mut last = a.start;
    for i in 1..100 {
        let w = tween(a, b, i as f64 / 100.0);
        assert!(
            w.end > w.start && w.start >= last - 1e-9 && w.start <= b.start,
            "monotone, never inverted, no overshoot"
        );
        last = w.start;
    }
    // Eased: slow at the ends.
    let c = |w: Window| (w.start + w.end) / 2.0;
    let (c0, c1) = (c(a), c(b));
    assert!((c(tween(a, b, 0.1)) - c0) / (c1 - c0) < 0.1);
    assert!((c(tween(a, b, 0.5)) - c0) / (c1 - c0) - 0.5 < 1e-9);
    assert_eq!(ease(0.0), 0.0);
    assert_eq!(ease(1.0), 1.0);
}

#[test]
fn scene_labels_count_from_one() {
    let s = sample();
    assert_eq!(scene_label(&s, 1), "Scene 2 of 2: Beslan");
    let mut s2 = s.clone();
    s2.scenes[0].title.clear();
    assert_eq!(scene_label(&s2, 0), "Scene 1 of 2");
}

fn chart(ds: &Dataset, width: f64, w: Window) -> ChartModel {
    let f = Frame {
        width,
        em: 16.0,
        avail: 0.0,
        presenting: false,
    };
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let base = ChartBase::new(ds, &shown, Grouping::Kind, Windows::of(ds, 0).fit, &f);
    ChartModel::new(
        ds,
        &base,
        &f,
        Focus {
            window: w,
            cursor: None,
            selected: None,
        },
    )
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

#[test]
fn annotations_are_placed_inside_the_chart_without_overlapping() {
    let ds = builtin();
    let day = |s: &str| PartialDate::parse(s).unwrap().first_day() as f64;
    let w = Window::new(day("2004-01-01"), day("2005-12-31"));
    for width in [958.0, 348.0] {
        let m = chart(&ds, width, w);
        let ev = |id: &str, t: &str| Annotation {
            at: Anchor::Event(id.into()),
            text: t.into(),
        };
        let mut notes = vec![
            ev(
                "beslan-2004",
                "The school siege in Beslan, the worst of the decade's attacks",
            ),
            ev("tashkent-bombs-2004", "Tashkent"),
            ev("alma-ata-bomb-2004", "Alma-Ata"),
            ev("chechnya-stadium-blast-2004", "Chechnya"),
            ev("peace-mission-2005", "The first Peace Mission"),
            ev("declaration-astana-2005", "Astana"),
            ev("not-an-event", "never shown"),
            ev("urumqi-riots-2009", "off the window"),
            Annotation {
                at: Anchor::Date(PartialDate::parse("2005-12").unwrap()),
                text: "Year's end, at the right edge of the window".into(),
            },
            Annotation {
                at: Anchor::Date(PartialDate::parse("2010").unwrap()),
                text: "off".into(),
            },
        ];
        for i in 0..10 {
            notes.push(ev("beslan-2004", &format!("crowd {i}")));
        }
        let placed = place_annotations(&ds, &m, w, &notes);
        assert!(placed
            .iter()
            .all(|p| p.text != "never shown" && p.text != "off the window" && p.text != "off"));
        assert!(placed
            .iter()
            .any(|p| p.text.starts_with("The school siege")));
        assert!(
            placed.iter().any(|p| p.text.starts_with("Year")),
            "{placed:#?}"
        );
        assert!(placed.len() >= 8, "{}", placed.len());
        for (i, p) in placed.iter().enumerate() {
            let b = p.label_box(m.k);
            assert!(
                b.0 >= 0.0 && b.0 + b.2 <= m.width && b.1 >= 0.0 && b.1 + b.3 <= m.height,
                "{p:?} in {}x{}",
                m.width,
                m.height
            );
            assert!(p.anchor.0 >= m.gutter && p.anchor.0 <= m.gutter + m.plot_w);
            // The leader meets the box at its point nearest the anchor.
            let (lx, ly) = p.leader_end(m.k);
            assert!(lx >= b.0 && lx <= b.0 + b.2 && ly >= b.1 && ly <= b.1 + b.3);
            assert!(
                p.anchor.1 < b.1
                    || p.anchor.1 > b.1 + b.3
                    || lx == b.0
                    || lx == b.0 + b.2
                    || lx == p.anchor.0
            );
            for q in &placed[i + 1..] {
                assert!(!overlap(b, q.label_box(m.k)), "{p:?} overlaps {q:?}");
            }
        }
        // The event's anchor is its mark.
        let beslan = ds.position("beslan-2004").unwrap();
        let mk = m.marks.iter().find(|mk| mk.event == beslan).unwrap();
        let p = placed
            .iter()
            .find(|p| p.text.starts_with("The school"))
            .unwrap();
        assert!((p.anchor.0 - mk.rect.map_or(mk.symbol.0, |r| r.x + r.w / 2.0)).abs() < 1.0);
    }
}

/// The paper's raw text (the source of record), prepared for quotes as
/// tests/dataset.rs holds them: whitespace runs are one space, a lost glyph
/// (`\u{FFFD}` in the file) is `␣` as a quote writes it, and a hyphen at a
/// line break is read either as nothing ("Repub-⏎lic": "Republic") or as a
/// hyphen ("long-⏎term"). Every letter and mark must match.
fn paper_readings() -> [String; 2] {
    let path = format!(
        "{}/../../../shared/seeds/000_3b3ac7df704720ac.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the paper must be beside the repo ({path}): {e}"));
    let raw = raw.replace('\u{FFFD}', "␣");
    let joined = |hyphen: &str| {
        let lines: Vec<&str> = raw.lines().collect();
        let mut out = String::new();
        for l in lines {
            let l = l.trim_end();
            match l.strip_suffix('-') {
                // A line that ends in a hyphen after a letter: hyphenation.
                Some(head) if head.ends_with(char::is_alphabetic) => {
                    out.push_str(head);
                    out.push_str(hyphen);
                    out.push('\u{1}');
                }
                _ => {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
        // The line break after a hyphen joins the word (blank lines too).
        let out = out
            .split('\u{1}')
            .map(|s| s.trim_start().to_string())
            .collect::<Vec<_>>()
            .join("");
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    [joined(""), joined("-")]
}

#[test]
fn the_example_story_plays_on_the_builtin_data_and_quotes_the_paper() {
    let path = format!(
        "{}/../../examples/stories/sco-decade.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let l = parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(l.problems, vec![]);
    let s = &l.story;
    assert!((7..=10).contains(&s.scenes.len()), "{}", s.scenes.len());
    assert!(s.scenes.first().unwrap().is_title_card() && s.scenes.last().unwrap().is_title_card());
    let ds = builtin();
    assert_eq!(check_against(s, &ds), vec![]);
    let paper = paper_readings();
    for (i, scene) in s.scenes.iter().enumerate() {
        let quote = scene
            .source
            .as_deref()
            .unwrap_or_else(|| panic!("scene {} has no source", i + 1));
        let q = quote.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            paper.iter().any(|p| p.contains(&q)),
            "scene {} (“{}”): the source is not in the paper: {q}",
            i + 1,
            scene.title
        );
        assert!(!scene.caption.is_empty() && !scene.title.is_empty());
        // What a scene annotates and highlights is drawn in its view.
        if let Some(v) = &scene.view {
            let shown = v.filter.apply(&ds);
            let drawn = |id: &str| shown.contains(&ds.position(id).unwrap());
            for id in scene.highlight.iter().chain(v.selected.iter()) {
                assert!(drawn(id), "scene {}: {id} is filtered out", i + 1);
            }
            for a in &scene.annotations {
                if let Anchor::Event(id) = &a.at {
                    assert!(drawn(id), "scene {}: {id} is filtered out", i + 1);
                }
            }
            // And every annotation finds room on a desktop's chart.
            let f = Frame {
                width: 958.0,
                em: 16.0,
                avail: 0.0,
                presenting: false,
            };
            let w = v.window.unwrap();
            let base = ChartBase::new(&ds, &shown, v.grouping, Windows::of(&ds, 0).fit, &f);
            let focus = Focus {
                window: w,
                cursor: None,
                selected: None,
            };
            let m = ChartModel::new(&ds, &base, &f, focus);
            let placed = place_annotations(&ds, &m, w, &scene.annotations);
            assert_eq!(placed.len(), scene.annotations.len(), "scene {}", i + 1);
        }
    }
    // The matcher is strict: a changed word is not found.
    assert!(!paper
        .iter()
        .any(|p| p.contains("all SCO member states have been hit with terrorist attacks")));
    assert!(paper.iter().any(|p| p.contains("long-term organizational")));
    assert!(paper[0].contains("the Republic of Uzbekistan"));
}

/// The chart's texts as a browser draws them, at most (DejaVu Sans Bold:
/// 0.7 em a digit; ascent 0.93 em, descent 0.24 em): tick labels, lane
/// labels, mark labels and cluster counts, with what each says.
fn drawn_texts(m: &ChartModel) -> Vec<(String, (f64, f64, f64, f64))> {
    let k = m.k;
    let text = |size: f64, x: f64, y: f64, t: &str| {
        let w = t.chars().count() as f64 * 0.7 * size;
        (x, y - 0.93 * size, w, 1.17 * size)
    };
    let mut out = Vec::new();
    for t in &m.ticks {
        let Some(tt) = t.text else { continue };
        let b = text(12.0 * k, m.gutter + tt.span().0, 14.0 * k, &t.label);
        out.push((format!("tick {}", t.label), b));
    }
    for l in &m.lanes {
        // .78 rem lane labels (13 px at 16 px), cut to their room.
        let (x, y, w, h) = text(12.48 * k, 8.0, l.label_y, &l.label);
        out.push((
            format!("lane {}", l.label),
            (x, y, w.min(l.label_w + 4.0), h),
        ));
    }
    for mk in &m.marks {
        if let Some((x, y, t)) = &mk.label {
            out.push((format!("mark {t}"), text(12.0 * k, *x, *y, t)));
        }
    }
    for c in &m.clusters {
        let (x, y, w, h) = text(12.0 * k, c.text.0, c.text.1, &c.count);
        out.push((format!("cluster {}", c.count), (x - w / 2.0, y, w, h)));
    }
    out
}

#[test]
fn no_note_is_drawn_over_a_text_of_the_chart_in_any_frame() {
    let path = format!(
        "{}/../../examples/stories/sco-decade.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let story = parse(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .story;
    let ds = builtin();
    // The example's scenes, and one crowded with notes on every event of 2004–2005.
    let mut scenes: Vec<Scene> = story
        .scenes
        .into_iter()
        .filter(|s| s.view.is_some())
        .collect();
    let crowd = view("w=2004-01-01~2005-12-31&g=country");
    let day = |s: &str| PartialDate::parse(s).unwrap().first_day();
    let annotations = ds
        .events
        .iter()
        .filter(|e| (day("2004-01-01")..day("2006-01-01")).contains(&e.date.first_day()))
        .map(|e| Annotation {
            at: Anchor::Event(e.id.clone()),
            text: format!("A note on {}", e.title),
        })
        .chain(["2004", "2004-07", "2005-03-15"].map(|d| Annotation {
            at: Anchor::Date(PartialDate::parse(d).unwrap()),
            text: format!("The date {d}"),
        }))
        .collect();
    scenes.push(Scene {
        title: "Crowded".into(),
        view: Some(crowd),
        annotations,
        ..Default::default()
    });
    let fit = Windows::of(&ds, 0).fit;
    let (mut charts, mut notes) = (0, 0);
    let sizes = [
        (320.0, 568.0),
        (390.0, 844.0),
        (480.0, 270.0),
        (600.0, 600.0),
        (640.0, 360.0),
        (800.0, 450.0),
        (900.0, 480.0),
        (1024.0, 768.0),
        (1280.0, 720.0),
        (1366.0, 768.0),
        (1920.0, 1080.0),
    ];
    for (fw, fh) in sizes {
        for theme in [Theme::Light, Theme::Contrast] {
            for (embed, presenting) in [(true, false), (true, true), (false, false)] {
                let em = type_px(fw, fh, theme, embed, presenting);
                // The chart's width and the height a frame leaves it, around what the page gives.
                for (width, avail) in [
                    (fw - 18.0, if embed { fh * 0.5 } else { 0.0 }),
                    (fw - 40.0, if embed { fh * 0.62 } else { 0.0 }),
                    (fw - 300.0, 0.0),
                ] {
                    if width < 280.0 {
                        continue;
                    }
                    let f = Frame {
                        width,
                        em,
                        avail,
                        presenting,
                    };
                    for s in &scenes {
                        let v = s.view.as_ref().unwrap();
                        let shown = v.filter.apply(&ds);
                        let w = v.window.unwrap();
                        let base = ChartBase::new(&ds, &shown, v.grouping, fit, &f);
                        let focus = Focus {
                            window: w,
                            cursor: None,
                            selected: v.selected.as_deref().and_then(|id| ds.position(id)),
                        };
                        let m = ChartModel::new(&ds, &base, &f, focus);
                        let texts = drawn_texts(&m);
                        let placed = place_annotations(&ds, &m, w, &s.annotations);
                        charts += 1;
                        notes += placed.len();
                        for p in &placed {
                            let b = p.label_box(m.k);
                            for (what, t) in &texts {
                                assert!(
                                    !overlap(b, *t),
                                    "{fw}×{fh} {theme:?} embed {embed} presenting {presenting}, \
                                     chart {width}×{avail}, “{}”: the note “{}” {b:?} is over the {what} {t:?}",
                                    s.title,
                                    p.text
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        charts > 500 && notes > charts,
        "{charts} charts, {notes} notes"
    );
}
