//! A story written as its file (`to_json`) and as the inline value of
//! `?story=` (`to_link_value`), by hand: the first module writes stories
//! (save, the story link, the embed dialog) without serde_json. The text is
//! the same as serde_json's (`to_string_pretty` / `to_string`), which the
//! tests below hold it to; reading a story (`story::parse`) is serde_json's,
//! in the worker.

use crate::story::{Anchor, Story, FORMAT, VERSION};
use crate::urlstate;

/// The few JSON values a story file holds.
enum J<'a> {
    Str(&'a str),
    Owned(String),
    Num(u32),
    Null,
    Arr(Vec<J<'a>>),
    Obj(Vec<(&'static str, J<'a>)>),
}

/// A string as serde_json writes it: `"` and `\` escaped, control
/// characters as `\n` and the like or `\u00XX`; everything else as is.
fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn newline(pretty: bool, depth: usize, out: &mut String) {
    if pretty {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

fn write(j: &J, pretty: bool, depth: usize, out: &mut String) {
    match j {
        J::Str(s) => string(s, out),
        J::Owned(s) => string(s, out),
        J::Num(n) => out.push_str(&n.to_string()),
        J::Null => out.push_str("null"),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Obj(fields) if fields.is_empty() => out.push_str("{}"),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(pretty, depth + 1, out);
                write(item, pretty, depth + 1, out);
            }
            newline(pretty, depth, out);
            out.push(']');
        }
        J::Obj(fields) => {
            out.push('{');
            for (i, (key, value)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(pretty, depth + 1, out);
                string(key, out);
                out.push_str(if pretty { ": " } else { ":" });
                write(value, pretty, depth + 1, out);
            }
            newline(pretty, depth, out);
            out.push('}');
        }
    }
}

/// The file's fields, in its order; empty optional fields left out.
fn file(story: &Story) -> J<'_> {
    let mut top = vec![
        ("format", J::Str(FORMAT)),
        ("version", J::Num(VERSION)),
        ("title", J::Str(&story.title)),
    ];
    if let Some(d) = &story.data {
        top.push(("data", J::Str(d)));
    }
    let scenes = story.scenes.iter().map(|s| {
        let mut f = vec![("title", J::Str(&s.title))];
        if !s.caption.is_empty() {
            f.push(("caption", J::Str(&s.caption)));
        }
        let view = s.view.as_ref().map(urlstate::encode);
        f.push(("view", view.map_or(J::Null, J::Owned)));
        if !s.highlight.is_empty() {
            f.push((
                "highlight",
                J::Arr(s.highlight.iter().map(|h| J::Str(h)).collect()),
            ));
        }
        if !s.annotations.is_empty() {
            let notes = s.annotations.iter().map(|a| {
                let at = match &a.at {
                    Anchor::Event(id) => ("event", J::Str(id)),
                    Anchor::Date(d) => ("date", J::Owned(d.to_string())),
                };
                J::Obj(vec![at, ("text", J::Str(&a.text))])
            });
            f.push(("annotations", J::Arr(notes.collect())));
        }
        if let Some(src) = &s.source {
            f.push(("source", J::Str(src)));
        }
        J::Obj(f)
    });
    top.push(("scenes", J::Arr(scenes.collect())));
    J::Obj(top)
}

/// The story as its file (pretty JSON, `format` and `version` first).
pub fn to_json(story: &Story) -> String {
    let mut out = String::new();
    write(&file(story), true, 0, &mut out);
    out.push('\n');
    out
}

/// The value of `?story=` for a short story that lives in the link itself
/// (compact JSON, percent-encoded), or `None` when the value alone would be
/// longer than `max_len` characters (then the story is shared as a file).
pub fn to_link_value(story: &Story, max_len: usize) -> Option<String> {
    let mut json = String::new();
    write(&file(story), false, 0, &mut json);
    // A rough bound first: encoding never shortens.
    if json.len() > max_len {
        return None;
    }
    let v: String = form_urlencoded::byte_serialize(json.as_bytes()).collect();
    (v.len() <= max_len).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{parse, Annotation, Scene};
    use serde::Serialize;
    use serde_json::Value;

    // serde_json's writer, as the file was written before this module: the
    // text must stay the same, byte for byte.
    #[derive(Serialize)]
    struct FileOut<'a> {
        format: &'static str,
        version: u32,
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        data: Option<&'a str>,
        scenes: Vec<SceneOut<'a>>,
    }

    #[derive(Serialize)]
    struct SceneOut<'a> {
        title: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        caption: &'a str,
        /// `null`: a title card.
        view: Option<String>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        highlight: &'a [String],
        #[serde(skip_serializing_if = "Vec::is_empty")]
        annotations: Vec<Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<&'a str>,
    }

    fn file_out(story: &Story) -> FileOut<'_> {
        FileOut {
            format: FORMAT,
            version: VERSION,
            title: &story.title,
            data: story.data.as_deref(),
            scenes: story
                .scenes
                .iter()
                .map(|s| SceneOut {
                    title: &s.title,
                    caption: &s.caption,
                    view: s.view.as_ref().map(urlstate::encode),
                    highlight: &s.highlight,
                    annotations: s
                        .annotations
                        .iter()
                        .map(|a| match &a.at {
                            Anchor::Event(id) => serde_json::json!({"event": id, "text": a.text}),
                            Anchor::Date(d) => {
                                serde_json::json!({"date": d.to_string(), "text": a.text})
                            }
                        })
                        .collect(),
                    source: s.source.as_deref(),
                })
                .collect(),
        }
    }

    /// The story as its file (pretty JSON, `format` and `version` first).
    fn serde_to_json(story: &Story) -> String {
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_string_pretty(&file_out(story)).unwrap_or_default() + "\n"
    }

    /// The value of `?story=` for a short story that lives in the link itself
    /// (compact JSON, percent-encoded), or `None` when the value alone would be
    /// longer than `max_len` characters (then the story is shared as a file).
    fn serde_to_link_value(story: &Story, max_len: usize) -> Option<String> {
        let json = serde_json::to_string(&file_out(story)).ok()?;
        // A rough bound first: encoding never shortens.
        if json.len() > max_len {
            return None;
        }
        let v: String = form_urlencoded::byte_serialize(json.as_bytes()).collect();
        (v.len() <= max_len).then_some(v)
    }

    fn same_as_serde(story: &Story) {
        assert_eq!(to_json(story), serde_to_json(story));
        for max in [0, 10, 100, usize::MAX] {
            assert_eq!(to_link_value(story, max), serde_to_link_value(story, max));
        }
    }

    #[test]
    fn the_example_story_is_written_as_serde_json_wrote_it() {
        let text = include_str!("../../../examples/stories/sco-decade.json");
        let story = parse(text).unwrap().story;
        same_as_serde(&story);
        assert_eq!(parse(&to_json(&story)).unwrap().story, story);
    }

    #[test]
    fn odd_text_is_escaped_as_serde_json_escapes_it() {
        let odd = "quote \" back \\ tab \t nl \n cr \r bell \u{7} bs \u{8} ff \u{c} \u{1f} del \u{7f} é 🙂 </script>";
        let story = Story {
            title: odd.into(),
            data: Some("https://example.org/a b.json".into()),
            scenes: vec![
                Scene {
                    title: odd.into(),
                    ..Scene::default()
                },
                Scene {
                    title: String::new(),
                    caption: odd.into(),
                    view: Some(urlstate::decode("c=RU&q=a%22b&e=x").state),
                    highlight: vec![odd.into(), "b".into()],
                    annotations: vec![
                        Annotation {
                            at: Anchor::Event(odd.into()),
                            text: odd.into(),
                        },
                        Annotation {
                            at: Anchor::Date(crate::PartialDate::parse("-0044-03-15").unwrap()),
                            text: "x".into(),
                        },
                    ],
                    source: Some(odd.into()),
                },
            ],
        };
        same_as_serde(&story);
        let back = parse(&to_json(&story)).unwrap();
        assert_eq!(back.problems, vec![]);
        assert_eq!(back.story, story);
        same_as_serde(&Story::default());
    }
}
