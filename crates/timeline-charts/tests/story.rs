//! A story's pictures (timeline_charts::story_svg): one SVG per scene and the
//! printable handout, rendered natively from the example story.

use timeline_charts::{scene_svg, story_handout_html};
use timeline_core::story::{parse, Anchor, Annotation, Scene, Story};
use timeline_core::urlstate::decode;
use timeline_core::{load_json, Dataset, BUILTIN_DATASET};

fn ds() -> Dataset {
    load_json(BUILTIN_DATASET).dataset
}

fn example() -> Story {
    let path = format!(
        "{}/../../examples/stories/sco-decade.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .story
}

/// Whether `doc` is well-formed XML as far as these documents go: every tag
/// closed in order, attribute values quoted, `<` and `&` only as markup or
/// entities. Returns what is wrong.
fn well_formed(doc: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let b = doc.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let rest = &doc[i..];
                if rest.starts_with("<?") || rest.starts_with("<!") {
                    let end = rest.find('>').ok_or("an unclosed declaration")?;
                    i += end + 1;
                    continue;
                }
                // Up to the tag's end, skipping quoted values.
                let mut j = i + 1;
                let mut quote = None;
                while j < b.len() {
                    match (quote, b[j]) {
                        (None, b'"' | b'\'') => quote = Some(b[j]),
                        (Some(q), c) if c == q => quote = None,
                        (None, b'<') => return Err(format!("`<` inside a tag at {i}")),
                        (None, b'>') => break,
                        _ => {}
                    }
                    j += 1;
                }
                let tag = &doc[i + 1..j];
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '/')
                    .collect();
                if name.is_empty() {
                    return Err(format!("an empty tag at {i}"));
                }
                check_attributes(tag)?;
                if tag.starts_with('/') {
                    match stack.pop() {
                        Some(open) if open == name => {}
                        other => return Err(format!("</{name}> closes {other:?}")),
                    }
                } else if !tag.ends_with('/') {
                    stack.push(name);
                }
                i = j + 1;
            }
            b'&' => {
                let rest = &doc[i..];
                let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                    .iter()
                    .any(|e| rest.starts_with(e));
                if !ok {
                    return Err(format!(
                        "a bare `&` at {i}: {}",
                        &rest[..rest.len().min(20)]
                    ));
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed: {stack:?}"))
    }
}

/// Every attribute is `name="value"`.
fn check_attributes(tag: &str) -> Result<(), String> {
    let body = tag.trim_start_matches('/').trim_end_matches('/');
    let mut parts = body.splitn(2, char::is_whitespace);
    parts.next();
    let mut rest = parts.next().unwrap_or("").trim();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once('=')
            .ok_or(format!("an attribute without a value in <{tag}>"))?;
        if name.trim().is_empty() || name.contains(char::is_whitespace) {
            return Err(format!("a bad attribute name in <{tag}>"));
        }
        let after = after.trim_start();
        let q = after
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or(format!("an unquoted value in <{tag}>"))?;
        let end = after[1..]
            .find(q)
            .ok_or(format!("an unclosed value in <{tag}>"))?;
        rest = after[end + 2..].trim_start();
    }
    Ok(())
}

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, r)| r.split_once("</text>"))
                .map(|(c, _)| c.to_string())
        })
        .collect()
}

#[test]
fn the_checker_finds_what_is_not_well_formed() {
    assert!(well_formed(
        r#"<?xml version="1.0"?><svg a="1"><g><text>a &amp; b</text></g><rect/></svg>"#
    )
    .is_ok());
    assert!(well_formed("<svg><g></svg>").is_err());
    assert!(well_formed("<svg><text>a & b</text></svg>").is_err());
    assert!(well_formed("<svg a=1></svg>").is_err());
    assert!(well_formed("<svg><text>a < b</text></svg>").is_err());
}

#[test]
fn every_scene_of_the_example_is_a_standalone_svg() {
    let (ds, story) = (ds(), example());
    let out = std::env::var("STORY_SVG_DIR").ok();
    for (i, scene) in story.scenes.iter().enumerate() {
        let svg = scene_svg(&ds, scene, 1280, 720);
        well_formed(&svg).unwrap_or_else(|e| panic!("scene {}: {e}", i + 1));
        assert!(svg.starts_with("<?xml") && svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
        let t = texts(&svg);
        assert!(
            t.iter()
                .any(|x| scene.title.starts_with(x.trim_end_matches(['…', ' ']))),
            "scene {}: {t:?}",
            i + 1
        );
        assert!(t.iter().any(|x| x.starts_with("Source: Zhao Xiaodong")));
        if scene.is_title_card() {
            assert!(!svg.contains("clip-path"), "a title card draws no chart");
        } else {
            assert!(
                svg.contains("clip-path") && svg.contains(r#"stroke-width="2""#),
                "a chart with highlights"
            );
            // Each annotation is drawn (the example's all find room).
            assert_eq!(
                svg.matches(r#"<g class="note">"#).count(),
                scene.annotations.len(),
                "scene {}",
                i + 1
            );
        }
        if let Some(dir) = &out {
            std::fs::write(format!("{dir}/scene-{}.svg", i + 1), &svg).unwrap();
        }
    }
}

#[test]
fn text_is_escaped_never_markup() {
    let ds = ds();
    let scene = Scene {
        title: "<script>alert(1)</script> & \"quotes\"".into(),
        caption: "A <b>bold</b> claim & javascript:alert(1) and https://example.org/a?b=1&c=2."
            .into(),
        view: Some(decode("c=RU&w=2004-01-01~2005-01-01").state),
        highlight: vec!["beslan-2004".into()],
        annotations: vec![Annotation {
            at: Anchor::Event("beslan-2004".into()),
            text: "<i>&</i>".into(),
        }],
        source: Some("</p><script>".into()),
    };
    for card in [false, true] {
        let mut scene = scene.clone();
        if card {
            scene.view = None;
        }
        let svg = scene_svg(&ds, &scene, 1280, 720);
        well_formed(&svg).unwrap();
        assert!(!svg.contains("<script") && !svg.contains("<b>") && !svg.contains("<i>"));
        assert!(svg.contains("&lt;script&gt;"));
        let story = Story {
            title: "T <&>".into(),
            data: None,
            scenes: vec![scene],
        };
        let html = story_handout_html(&ds, &story);
        well_formed(html.trim_start_matches("<!DOCTYPE html>")).unwrap();
        assert!(
            !html.contains("<script") && !html.contains("<b>") && !html.contains("<i>"),
            "{html}"
        );
        assert!(html.contains("<title>T &lt;&amp;&gt;</title>"));
        assert!(
            html.contains(r#"<a href="https://example.org/a?b=1&amp;c=2">"#),
            "{html}"
        );
        assert!(!html.contains("href=\"javascript"));
    }
}

#[test]
fn the_handout_has_one_page_per_scene() {
    let (ds, story) = (ds(), example());
    let html = story_handout_html(&ds, &story);
    well_formed(html.trim_start_matches("<!DOCTYPE html>")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        html.matches("<section class=\"scene").count(),
        story.scenes.len()
    );
    assert!(html.contains("break-after:page"));
    let charts = story.scenes.iter().filter(|s| !s.is_title_card()).count();
    assert_eq!(html.matches("<figure><svg").count(), charts);
    // Each chart's clip has an id of its own.
    for i in 1..=story.scenes.len() {
        assert!(html.matches(&format!("id=\"s{i}-clip\"")).count() <= 1);
    }
    for s in &story.scenes {
        assert!(html.contains(&format!("<h1>{}</h1>", s.title)));
    }
    assert!(html.contains("Scene 1 of 9") && html.contains("Scene 9 of 9"));
    assert!(
        !html.contains("<script") && !html.contains(" src="),
        "self-contained"
    );
    if let Ok(dir) = std::env::var("STORY_SVG_DIR") {
        std::fs::write(format!("{dir}/handout.html"), &html).unwrap();
    }
}
