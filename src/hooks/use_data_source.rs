//! Loads another dataset than the built-in one: `?data=<url>` on start, or a
//! local file the user opens or drops (read in the browser, never uploaded).
//! Both arrive as bytes and are decoded by the core as a browser would
//! (`timeline_core::decode`), so a file and a link read the same. The
//! dataset shown stays shown while loading and after a refusal.

use crate::state::{Action, AppState, Data, Import, KeptBytes, LoadStatus};
use gloo::timers::callback::Timeout;
use js_sys::Uint8Array;
use std::cell::RefCell;
use std::rc::Rc;
use timeline_core::pack::{Read, Unpacking};
use timeline_core::Mapping;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// How long a dataset URL may take before it counts as failed.
const FETCH_TIMEOUT_MS: u32 = 20_000;

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the request failed".into())
}

/// The bytes of an `ArrayBuffer` promise (a response's or a file's body),
/// left in JavaScript's memory: they go to the worker as they are, and the
/// page's wasm memory (which never shrinks) never holds the file.
async fn bytes_of(promise: Result<js_sys::Promise, JsValue>) -> Result<Uint8Array, String> {
    let buf = JsFuture::from(promise.map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(Uint8Array::new(&buf))
}

/// The request `boot-check.js` started for `?data=` before the app ran, if
/// it is for `url` (taken once): its abort, its response and its body (read
/// as it arrives).
struct Early {
    ctrl: web_sys::AbortController,
    response: js_sys::Promise,
    body: js_sys::Promise,
}

fn early_fetch(win: &web_sys::Window, url: &str) -> Option<Early> {
    let key = JsValue::from_str("__scoEarlyData");
    let early = js_sys::Reflect::get(win, &key).ok()?;
    let field = |k: &str| js_sys::Reflect::get(&early, &JsValue::from_str(k)).ok();
    if field("url")?.as_string()? != url {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(win, &key);
    Some(Early {
        ctrl: field("ctrl")?.dyn_into().ok()?,
        response: field("response")?.dyn_into().ok()?,
        body: field("body")?.dyn_into().ok()?,
    })
}

async fn fetch_bytes(url: &str) -> Result<Uint8Array, String> {
    let win = crate::dom::window().ok_or("no window")?;
    let (ctrl, request, body) = match early_fetch(&win, url) {
        Some(e) => (e.ctrl, e.response, Some(e.body)),
        None => {
            let ctrl = web_sys::AbortController::new().map_err(js_error)?;
            let init = web_sys::RequestInit::new();
            init.set_signal(Some(&ctrl.signal()));
            let request = win.fetch_with_str_and_init(url, &init);
            (ctrl, request, None)
        }
    };
    let timer = Timeout::new(FETCH_TIMEOUT_MS, move || ctrl.abort());
    let resp = JsFuture::from(request).await.map_err(|e| {
        let m = js_error(e);
        if m.to_ascii_lowercase().contains("abort") {
            format!("no answer within {} s", FETCH_TIMEOUT_MS / 1000)
        } else {
            format!("network error: {m}")
        }
    })?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not an HTTP response")?;
    if !resp.ok() {
        return Err(format!(
            "the server answered {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    let bytes = bytes_of(body.map_or_else(|| resp.array_buffer(), Ok)).await?;
    drop(timer);
    Ok(bytes)
}

/// Reads a file's bytes with the importer its content calls for (through
/// `mapping` for a table of unknown shape) and hands the dataset to the
/// state, or says why it cannot. The reading runs in the worker
/// (`crate::worker`), which decodes the bytes as a browser would and reports
/// its progress every few thousand entries.
pub async fn accept_bytes(
    state: UseReducerHandle<AppState>,
    bytes: Uint8Array,
    name: String,
    from_link: bool,
    mapping: Option<Mapping>,
) {
    let kept = kept_bytes(&bytes);
    match read_in_worker(&state, bytes, &name, mapping).await {
        Ok(loaded) => accept_read(&state, loaded, kept, &name, from_link),
        Err(why) => state.dispatch(Action::SetLoad(LoadStatus::Failed(format!(
            "Could not read {name}: {why}. Still showing {}.",
            shown_now(&state)
        )))),
    }
}

/// The bytes kept for the mapping step, which only a list or a table can
/// need: our own and TimelineJS3 objects (large files among them) are not copied.
fn kept_bytes(bytes: &Uint8Array) -> Option<KeptBytes> {
    let head = bytes.subarray(0, bytes.length().min(64)).to_vec();
    let object = head
        .iter()
        .find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xef | 0xbb | 0xbf))
        == Some(&b'{');
    (!object).then(|| KeptBytes(bytes.slice(0, bytes.length())))
}

/// A file read: how it was read, for the mapping step and the problems,
/// and the dataset (or the reason it was not taken).
fn accept_read(
    state: &UseReducerHandle<AppState>,
    loaded: Read,
    kept: Option<KeptBytes>,
    name: &str,
    from_link: bool,
) {
    let mapped = loaded.format.is_mapped();
    let refusal = loaded.refusal();
    state.dispatch(Action::SetImport(Some(Rc::new(Import {
        name: name.to_string(),
        format: loaded.format,
        table: loaded.table.clone(),
        mapping: loaded.mapping.clone(),
        // Kept only where the mapping step can read the file again.
        bytes: if mapped { kept } else { None },
        from_link,
        encoding: loaded.encoding,
        // The reason is said by the load status: only the others are listed.
        refused: refusal.is_some().then(|| Rc::new(loaded.refused_others())),
    }))));
    accept_loaded(state, loaded, refusal, name, from_link);
}

/// What is shown while another file is refused, in words.
fn shown_now(state: &AppState) -> String {
    if state.source == "built-in" {
        "the built-in dataset".into()
    } else {
        format!("the dataset {}", state.source)
    }
}

/// Hears a load job: its progress (the load status) and the events it sends
/// ahead, unpacked as they come (the page holds one part beside the events
/// read so far). The unpacking is `None` once a part did not read.
#[allow(clippy::type_complexity)]
fn listeners(
    state: &UseReducerHandle<AppState>,
    name: &str,
) -> (
    impl Fn(usize, usize) + Clone + 'static,
    impl Fn(JsValue) + Clone + 'static,
    Rc<RefCell<Option<Unpacking>>>,
) {
    let progress = {
        let (state, name) = (state.clone(), name.to_string());
        move |done, total| {
            state.dispatch(Action::SetLoad(LoadStatus::Parsing {
                name: name.clone(),
                done,
                total,
            }))
        }
    };
    let reading = Rc::new(RefCell::new(Some(Unpacking::streaming())));
    let part = {
        let reading = reading.clone();
        move |bytes: JsValue| {
            let mut r = reading.borrow_mut();
            let part = Uint8Array::new(&bytes).to_vec();
            if r.as_mut().and_then(|u| u.add(&part)).is_none() {
                *r = None;
            }
        }
    };
    (progress, part, reading)
}

/// A load job's answer: the head, then the events not sent ahead.
fn unpack(reading: &RefCell<Option<Unpacking>>, answer: &js_sys::Array) -> Result<Read, String> {
    let parts: js_sys::Array = answer.get(1).unchecked_into();
    let unreadable = || "the worker's answer is unreadable".to_string();
    let mut reading = reading.take().ok_or_else(unreadable)?;
    reading
        .head(&Uint8Array::new(&parts.get(0)).to_vec())
        .ok_or_else(unreadable)?;
    for k in 1..parts.length() {
        let part = Uint8Array::new(&parts.get(k)).to_vec();
        reading.add(&part).ok_or_else(unreadable)?;
    }
    reading.finish().ok_or_else(unreadable)
}

/// Bytes in, the dataset and its problems out (and how the file was read).
async fn read_in_worker(
    state: &UseReducerHandle<AppState>,
    array: Uint8Array,
    name: &str,
    mapping: Option<Mapping>,
) -> Result<Read, String> {
    let buffer = array.buffer();
    let mapping = mapping.map(|m| JsValue::from_str(&m.encode()));
    let job = js_sys::Array::of4(
        &"load".into(),
        &array,
        &name.into(),
        &mapping.unwrap_or(JsValue::NULL),
    );
    let (progress, part, reading) = listeners(state, name);
    let transfer = js_sys::Array::of1(&buffer);
    let answer = crate::worker::run_streamed(job, transfer, progress, part).await?;
    unpack(&reading, &answer)
}

/// A `?data=` link's file as `boot-check.js` fetched and read it before the
/// app ran: taken, or refused as a failed request is; `false` when there was
/// no such read or it failed otherwise (the file is then fetched again here).
async fn accept_early(state: &UseReducerHandle<AppState>, url: &str) -> bool {
    let (progress, part, reading) = listeners(state, url);
    let Some(early) = crate::worker::early_load(url, progress, part).await else {
        return false;
    };
    let why = match early {
        Ok((answer, bytes)) => match unpack(&reading, &answer) {
            Ok(loaded) => {
                accept_read(state, loaded, kept_bytes(&bytes), url, true);
                return true;
            }
            Err(_) => return false,
        },
        Err((kind, why)) => match kind.as_str() {
            "http" => format!("the server answered {why}"),
            "timeout" => format!("no answer within {} s", FETCH_TIMEOUT_MS / 1000),
            _ => format!("network error: {why}"),
        },
    };
    state.dispatch(Action::SetLoad(LoadStatus::Failed(format!(
        "Could not load the dataset at {url}: {why}. Still showing {}.",
        shown_now(state)
    ))));
    true
}

fn accept_loaded(
    state: &UseReducerHandle<AppState>,
    loaded: Read,
    refusal: Option<String>,
    name: &str,
    from_link: bool,
) {
    if let Some(p) = crate::dom::window().and_then(|w| w.performance()) {
        let _ = p.mark("data-parsed");
    }
    if let Some(why) = refusal {
        // Said once, here; the file's other problems are listed under it,
        // the shown dataset's own in the problems panel (which says so).
        let read = match loaded.format {
            timeline_core::Format::Unread => String::new(),
            f => format!(" (read as {})", f.label()),
        };
        state.dispatch(Action::SetLoad(LoadStatus::Failed(format!(
            "{name} was not taken{read}: {why}. Still showing {}.",
            shown_now(state)
        ))));
        return;
    }
    state.dispatch(Action::DataLoaded {
        data: Data::new(loaded.dataset, loaded.problems),
        source: name.to_string(),
        from_link,
    });
}

/// Reads a local file and loads it.
pub fn open_file(state: UseReducerHandle<AppState>, file: web_sys::File) {
    let name = file.name();
    state.dispatch(Action::SetLoad(LoadStatus::Loading(name.clone())));
    spawn_local(async move {
        match bytes_of(Ok(file.array_buffer())).await {
            Ok(bytes) => accept_bytes(state, bytes, name, false, None).await,
            Err(e) => state.dispatch(Action::SetLoad(LoadStatus::Failed(format!(
                "Could not read {name}: {e}. Still showing {}.",
                shown_now(&state)
            )))),
        }
    });
}

/// The value of a query parameter of the page's URL, if any.
pub fn query_param(key: &str) -> Option<String> {
    let search = crate::dom::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let prefix = format!("{key}=");
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix(prefix.as_str()))
        .map(timeline_core::urlstate::percent_decode)
        .filter(|u| !u.trim().is_empty())
}

/// The dataset URL the page's `?data=` names, if any.
pub fn data_param() -> Option<String> {
    query_param("data")
}

/// The column mapping a link keeps for its `?data=` table (`map=`).
pub fn map_param() -> Option<Mapping> {
    query_param("map").map(|m| Mapping::decode(&m))
}

/// Reads the kept file again through another column mapping; a linked
/// dataset's link then keeps the mapping (`map=`).
pub fn remap(state: UseReducerHandle<AppState>, mapping: Mapping) {
    let Some(import) = state.import.clone() else {
        return;
    };
    let Some(bytes) = import.bytes.clone() else {
        return;
    };
    if import.from_link {
        crate::dom::set_query_param("map", Some(&mapping.encode()));
    }
    state.dispatch(Action::SetLoad(LoadStatus::Loading(import.name.clone())));
    spawn_local(async move {
        accept_bytes(
            state,
            bytes.0.slice(0, bytes.0.length()),
            import.name.clone(),
            import.from_link,
            Some(mapping),
        )
        .await
    });
}

/// On start, loads `?data=<url>` if the URL names one (the initial state is
/// already `Loading`, so nothing counts as ready before it arrives).
#[hook]
pub fn use_data_source(state: UseReducerHandle<AppState>) {
    crate::hooks::erased::use_effect_on((), move |_| {
        if let Some(url) = data_param() {
            spawn_local(async move {
                if map_param().is_none() && accept_early(&state, &url).await {
                    return;
                }
                // The worker that reads it is made ready while the file downloads.
                crate::worker::warm();
                match fetch_bytes(&url).await {
                    Ok(bytes) => accept_bytes(state, bytes, url, true, map_param()).await,
                    Err(why) => state.dispatch(Action::SetLoad(LoadStatus::Failed(format!(
                        "Could not load the dataset at {url}: {why}. Still showing {}.",
                        shown_now(&state)
                    )))),
                }
            });
        } else if let Some(p) = crate::dom::window().and_then(|w| w.performance()) {
            let _ = p.mark("data-parsed");
        }
    });
}
