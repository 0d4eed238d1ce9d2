//! Stories in and out (effects only; reading and writing are the core's,
//! timeline_core::story; a file is read in the worker, `crate::worker`, and
//! comes back packed, timeline_core::pack_story): "Save story" downloads the file, "Open story" and
//! a dropped file read one, `?story=` (an address or the story inline) loads
//! and plays one, "Copy story link" puts a short story in a link; the scene
//! pictures and the handout are drawn in the worker (`crate::worker`); a
//! story's own dataset (`data`) is fetched and read as `?data=` is.

use crate::state::{Action, AppState, LoadStatus, StoryAction};
use js_sys::Array;
use timeline_core::story::{self, Story, StoryLink};
use timeline_core::Dataset;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::Callback;

/// A link to the app longer than this is not offered: the story goes in a file.
pub const MAX_LINK: usize = 2000;

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the request failed".into())
}

fn notice(d: &Callback<Action>, m: impl Into<String>) {
    d.emit(Action::Story(StoryAction::Notice(Some(m.into()))));
}

/// A file name from the story's title: `sco-decade.json`.
pub fn file_stem(story: &Story) -> String {
    // The core's folding (lower case, as search folds), not a second call
    // site of str::to_lowercase; quotes are no letters either way.
    let s: String = timeline_core::text::fold(&story.title)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let s = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>();
    if s.is_empty() {
        "story".into()
    } else {
        s.join("-")
    }
}

/// "Save story": the story's file, downloaded.
pub fn save(story: &Story) {
    let text = JsValue::from_str(&story::to_json(story));
    let name = format!("{}.json", file_stem(story));
    let r = crate::export::text_blob(&text, "application/json")
        .and_then(|b| crate::export::download(&b, &name).map_err(js_error));
    if let Err(e) = r {
        web_sys::console::error_1(&e.into());
    }
}

/// Reads a story's text (in the worker: serde_json is not in the first
/// module); a story that cannot be read at all is a notice.
async fn accept(d: &Callback<Action>, text: String, name: String, play: bool) {
    let job = Array::of2(&"read-story".into(), &text.into());
    let read = crate::worker::run(job, Array::new(), |_, _| ())
        .await
        .and_then(|a| {
            let bytes = js_sys::Uint8Array::new(&a.get(1)).to_vec();
            timeline_core::pack_story::unpack_story(&bytes)
                .ok_or_else(|| "the worker's answer was garbled".to_string())
        });
    match read {
        Ok(l) => d.emit(Action::Story(StoryAction::Loaded {
            story: l.story,
            problems: l.problems,
            name,
            play,
        })),
        Err(why) => notice(d, format!("The story {name} could not be opened: {why}")),
    }
}

/// Whether a file is a story (not a dataset): its name, else its first bytes
/// are read by the caller.
pub fn looks_like_story(text: &str) -> bool {
    text.get(..2000.min(text.len()))
        .unwrap_or(text)
        .contains(story::FORMAT)
}

/// "Open story…" or a story file dropped on the page.
pub fn open_file(file: web_sys::File, d: Callback<Action>, play: bool) {
    let name = file.name();
    spawn_local(async move {
        match JsFuture::from(file.text()).await {
            Ok(t) => accept(&d, t.as_string().unwrap_or_default(), name, play).await,
            Err(e) => notice(
                &d,
                format!("The story {name} could not be read: {}", js_error(e)),
            ),
        }
    });
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let win = crate::dom::window().ok_or("no window")?;
    let resp = JsFuture::from(win.fetch_with_str(url))
        .await
        .map_err(|e| format!("network error: {}", js_error(e)))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not an HTTP response")?;
    if !resp.ok() {
        return Err(format!("the server answered {}", resp.status()));
    }
    let t = JsFuture::from(resp.text().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(t.as_string().unwrap_or_default())
}

/// `?story=` or a host's `playStory`: a story inline, or an address to fetch.
pub fn load_link(value: &str, d: Callback<Action>) {
    match story::read_link_value(value) {
        StoryLink::Inline(json) => {
            spawn_local(async move { accept(&d, json, "from the link".into(), true).await })
        }
        StoryLink::Url(url) => spawn_local(async move {
            match fetch_text(&url).await {
                Ok(t) => accept(&d, t, url, true).await,
                Err(why) => notice(&d, format!("The story at {url} could not be loaded: {why}")),
            }
        }),
    }
}

/// A story's dataset (its `data`): fetched, then read in the worker and shown
/// as `?data=` is (`use_data_source::accept_bytes`); a failure is the load
/// status's, which the story waiting for it reads (hooks::use_story_data).
pub fn load_dataset(state: yew::UseReducerHandle<AppState>, url: String) {
    spawn_local(async move {
        let bytes = async {
            let win = crate::dom::window().ok_or("no window")?;
            let resp = JsFuture::from(win.fetch_with_str(&url))
                .await
                .map_err(|e| format!("network error: {}", js_error(e)))?;
            let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not an HTTP response")?;
            if !resp.ok() {
                return Err(format!("the server answered {}", resp.status()));
            }
            let buf = JsFuture::from(resp.array_buffer().map_err(js_error)?)
                .await
                .map_err(js_error)?;
            Ok::<_, String>(js_sys::Uint8Array::new(&buf))
        };
        match bytes.await {
            Ok(b) => crate::hooks::use_data_source::accept_bytes(state, b, url, true, None).await,
            Err(why) => state.dispatch(Action::SetLoad(LoadStatus::Failed(format!(
                "Could not load the dataset at {url}: {why}."
            )))),
        }
    });
}

/// The page's address without its query: where story links point.
pub fn app_address() -> String {
    crate::dom::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The `?story=` value of a short story, if its link is short enough.
pub fn link_value(story: &Story) -> Option<String> {
    let room = MAX_LINK.saturating_sub(app_address().len() + 7);
    story::to_link_value(story, room)
}

/// "Copy story link": the story in the link itself, or why not.
pub fn copy_link(story: &Story, d: &Callback<Action>) {
    match link_value(story) {
        Some(v) => {
            let url = format!("{}?story={v}", app_address());
            if let Some(w) = crate::dom::window() {
                let _ = w.navigator().clipboard().write_text(&url);
            }
            notice(d, "Story link copied");
        }
        None => notice(
            d,
            "This story is too long for a link: save it as a file and share the file, \
             or put the file online and link to it with ?story= and its address.",
        ),
    }
}

/// "Scene images (SVG)" (`what` "scenes": one file per scene) or "Handout"
/// (`what` "handout": one printable HTML page), drawn in the worker.
pub fn export(ds: &Dataset, story: &Story, what: &'static str, d: Callback<Action>) {
    let packed = timeline_core::pack::pack_dataset(ds, None);
    let (array, buffer) = crate::worker::bytes(&packed);
    let job = Array::of3(&"story".into(), &what.into(), &array);
    job.push(&story::to_json(story).into());
    let stem = file_stem(story);
    spawn_local(async move {
        let answer = crate::worker::run(job, Array::of1(&buffer), |_, _| ()).await;
        let r = answer.and_then(|a| {
            let files: Vec<(String, JsValue)> = if what == "handout" {
                vec![(format!("{stem}-handout.html"), a.get(1))]
            } else {
                (1..a.length())
                    .map(|i| (format!("{stem}-scene-{i:02}.svg"), a.get(i)))
                    .collect()
            };
            let mime = if what == "handout" {
                "text/html"
            } else {
                "image/svg+xml"
            };
            for (name, text) in files {
                let blob = crate::export::text_blob(&text, mime)?;
                crate::export::download(&blob, &name).map_err(js_error)?;
            }
            Ok(())
        });
        if let Err(e) = r {
            notice(&d, format!("The export failed: {e}"));
        }
    });
}

/// A file opened or dropped: a story (its first bytes name the story format)
/// opens as a story; anything else goes to `dataset` (the dataset loader).
pub fn open_any(file: web_sys::File, d: Callback<Action>, dataset: Callback<web_sys::File>) {
    // Only the extension is compared: ASCII lower case is enough.
    let name = file.name().to_ascii_lowercase();
    if !name.ends_with(".json") {
        dataset.emit(file);
        return;
    }
    let head = file.slice_with_i32_and_i32(0, 4096);
    spawn_local(async move {
        let text = match head.map(|h| h.text()) {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
            Err(_) => None,
        };
        if text.as_deref().is_some_and(looks_like_story) {
            open_file(file, d, false);
        } else {
            dataset.emit(file);
        }
    });
}
