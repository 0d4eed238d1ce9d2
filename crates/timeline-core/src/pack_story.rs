//! A read story (`story::StoryLoaded`: the story and its problems) in
//! `pack`'s binary form: the worker reads a story file (serde_json) and hands
//! the page these bytes, so the first module reads stories without
//! serde_json. A scene's view travels as its query (`urlstate`), with the
//! window's exact days beside it.

use crate::pack::{date, read_date, Reader, Writer};
use crate::scale::Window;
use crate::story::{Anchor, Annotation, Scene, Story, StoryLoaded, StoryProblem};
use crate::urlstate;

/// Bumped when the layout changes (the page and its worker are built together).
const VERSION: u8 = 1;

fn scene(w: &mut Writer, s: &Scene) {
    w.str(&s.title);
    w.str(&s.caption);
    match &s.view {
        None => w.byte(0),
        Some(v) => {
            w.byte(1);
            w.str(&urlstate::encode(v));
            match v.window {
                None => w.byte(0),
                Some(win) => {
                    w.byte(1);
                    w.u64(win.start.to_bits());
                    w.u64(win.end.to_bits());
                }
            }
        }
    }
    w.strs(&s.highlight);
    w.usize(s.annotations.len());
    for a in &s.annotations {
        match &a.at {
            Anchor::Event(id) => {
                w.byte(0);
                w.str(id);
            }
            Anchor::Date(d) => {
                w.byte(1);
                date(w, *d);
            }
        }
        w.str(&a.text);
    }
    w.opt_str(s.source.as_deref());
}

fn read_scene(r: &mut Reader) -> Option<Scene> {
    let title = r.string()?;
    let caption = r.string()?;
    let view = match r.byte()? {
        0 => None,
        1 => {
            let mut v = urlstate::decode(r.str()?).state;
            v.window = match r.byte()? {
                0 => None,
                1 => Some(Window::new(
                    f64::from_bits(r.u64()?),
                    f64::from_bits(r.u64()?),
                )),
                _ => return None,
            };
            Some(v)
        }
        _ => return None,
    };
    let highlight = r.strings()?;
    let annotations = r.list(|r| {
        let at = match r.byte()? {
            0 => Anchor::Event(r.string()?),
            1 => Anchor::Date(read_date(r)?),
            _ => return None,
        };
        Some(Annotation {
            at,
            text: r.string()?,
        })
    })?;
    let source = r.opt_string()?;
    Some(Scene {
        title,
        caption,
        view,
        highlight,
        annotations,
        source,
    })
}

fn problem(w: &mut Writer, p: &StoryProblem) {
    w.opt_u64(p.scene.map(|n| n as u64));
    w.opt_str(p.scene_title.as_deref());
    w.opt_str(p.field.as_deref());
    w.str(&p.message);
    w.byte(u8::from(p.skipped));
}

fn read_problem(r: &mut Reader) -> Option<StoryProblem> {
    Some(StoryProblem {
        scene: match r.opt_u64()? {
            Some(n) => Some(usize::try_from(n).ok()?),
            None => None,
        },
        scene_title: r.opt_string()?,
        field: r.opt_string()?,
        message: r.string()?,
        skipped: match r.byte()? {
            0 => false,
            1 => true,
            _ => return None,
        },
    })
}

/// A read story as bytes.
pub fn pack_story(l: &StoryLoaded) -> Vec<u8> {
    let mut w = Writer::default();
    w.byte(VERSION);
    w.str(&l.story.title);
    w.opt_str(l.story.data.as_deref());
    w.usize(l.story.scenes.len());
    for s in &l.story.scenes {
        scene(&mut w, s);
    }
    w.usize(l.problems.len());
    for p in &l.problems {
        problem(&mut w, p);
    }
    w.buf
}

/// The read story back; `None` for a short or garbled buffer.
pub fn unpack_story(buf: &[u8]) -> Option<StoryLoaded> {
    let mut r = Reader::new(buf);
    if r.byte()? != VERSION {
        return None;
    }
    let title = r.string()?;
    let data = r.opt_string()?;
    let scenes = r.list(read_scene)?;
    let problems = r.list(read_problem)?;
    r.at_end().then_some(StoryLoaded {
        story: Story {
            title,
            data,
            scenes,
        },
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse;

    fn back(l: &StoryLoaded) {
        let bytes = pack_story(l);
        assert_eq!(unpack_story(&bytes).as_ref(), Some(l));
        for n in 0..bytes.len() {
            assert_eq!(unpack_story(&bytes[..n]), None, "cut at {n}");
        }
    }

    #[test]
    fn the_example_story_comes_back_the_same() {
        let l = parse(include_str!("../../../examples/stories/sco-decade.json")).unwrap();
        assert!(l.story.scenes.len() > 3);
        back(&l);
    }

    #[test]
    fn problems_and_every_kind_of_scene_come_back() {
        let text = r#"{"format": "sco-timeline-story", "version": 1, "title": "T",
            "data": "https://example.org/d.json",
            "scenes": [
              {"title": "Card", "caption": "c", "view": null, "source": "s"},
              {"title": "Bad", "view": 3},
              {"title": "V", "view": "c=RU&w=2004-01-01~2005-01-01&g=country&v=list&e=x&zz=1&q=a%20b",
               "highlight": ["a", "b"],
               "annotations": [{"event": "x", "text": "t"}, {"date": "-0044-03", "text": "u"},
                               {"date": "nope", "text": "v"}]}
            ]}"#;
        let l = parse(text).unwrap();
        assert!(l.problems.iter().any(|p| p.skipped), "{:?}", l.problems);
        assert!(l.problems.iter().any(|p| !p.skipped && p.field.is_some()));
        back(&l);
        back(&StoryLoaded::default());
    }
}
