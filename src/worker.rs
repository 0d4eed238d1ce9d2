//! Jobs for the second module (`src/bin/sco-worker.rs`), which holds what the
//! first view does not need: the importers, JSON/CSV export, the statistics'
//! and the slide's drawing (plotters). Its wasm is fetched and compiled on
//! first use, and its script made a blob URL (once per page); each job runs
//! in a worker of its own, which ends with the job (so a large file's parsing
//! memory is given back).
//!
//! The single-file build (scripts/build-single.mjs) carries the worker in the
//! page: `window.__scoWorker = { src, wasm() }` (its script, and a function
//! giving its wasm bytes).

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A message or error handler kept alive while its worker runs.
type Handler = Closure<dyn FnMut(JsValue)>;

const BOOT: &str = "./sco-worker-boot.js";
const GLUE: &str = "./sco-worker.js";
const WASM: &str = "./sco-worker_bg.wasm";
/// The boot script's line that loads the glue: replaced by the glue itself
/// (as scripts/build-single.mjs does), so a worker starts without a request.
const IMPORT: &str = "importScripts('./sco-worker.js');";

/// The window's property holding the compiled module and the worker script's
/// blob URL, made once (a promise shared by every job, and by the full module
/// when it takes over from the lean one: src/upgrade.rs).
const READY: &str = "__scoWorkerReady";

fn inline() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"__scoWorker".into())
        .ok()
        .filter(|v| v.is_object())
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the worker failed".into())
}

async fn fetch(url: &str) -> Result<web_sys::Response, JsValue> {
    let win = crate::dom::window().ok_or("no window")?;
    let resp: web_sys::Response = JsFuture::from(win.fetch_with_str(url)).await?.dyn_into()?;
    if !resp.ok() {
        return Err(format!("{url}: the server answered {}", resp.status()).into());
    }
    Ok(resp)
}

/// What `boot-check.js` started fetching (and compiling) for a `?data=` link
/// before the app ran: `module`, `boot` or `glue` (taken once).
async fn early(key: &str) -> Option<JsValue> {
    let all = Reflect::get(&js_sys::global(), &"__scoEarlyWorker".into()).ok()?;
    let p: Promise = Reflect::get(&all, &key.into()).ok()?.dyn_into().ok()?;
    let _ = Reflect::delete_property(all.dyn_ref::<js_sys::Object>()?, &key.into());
    JsFuture::from(p).await.ok()
}

async fn compile() -> Result<JsValue, JsValue> {
    if let Some(module) = early("module").await {
        return Ok(module);
    }
    let bytes = match inline() {
        Some(i) => {
            let f: Function = Reflect::get(&i, &"wasm".into())?.dyn_into()?;
            f.call0(&JsValue::NULL)?
        }
        None => JsFuture::from(fetch(WASM).await?.array_buffer()?).await?,
    };
    JsFuture::from(js_sys::WebAssembly::compile(&bytes)).await
}

/// The worker's script (boot and glue in one) as a blob URL.
async fn script_url() -> Result<JsValue, JsValue> {
    let src = match inline() {
        Some(i) => Reflect::get(&i, &"src".into())?,
        None => {
            let boot = match early("boot").await {
                Some(b) => b,
                None => JsFuture::from(fetch(BOOT).await?.text()?).await?,
            };
            let glue = match early("glue").await {
                Some(g) => g,
                None => JsFuture::from(fetch(GLUE).await?.text()?).await?,
            };
            let (boot, glue) = (
                boot.as_string().unwrap_or_default(),
                glue.as_string().unwrap_or_default(),
            );
            if !boot.contains(IMPORT) {
                return Err(format!("{BOOT} does not load {GLUE}").into());
            }
            boot.replace(IMPORT, &glue).into()
        }
    };
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&src), &opts)?;
    Ok(web_sys::Url::create_object_url_with_blob(&blob)?.into())
}

/// The compiled module and the script's URL (fetched and made on the first call).
async fn ready() -> Result<(JsValue, String), String> {
    let global = js_sys::global();
    let p = match Reflect::get(&global, &READY.into()).map(|p| p.dyn_into::<Promise>()) {
        Ok(Ok(p)) => p,
        _ => {
            let both = Array::of2(
                &wasm_bindgen_futures::future_to_promise(compile()),
                &wasm_bindgen_futures::future_to_promise(script_url()),
            );
            let p = Promise::all(&both);
            let _ = Reflect::set(&global, &READY.into(), &p);
            p
        }
    };
    let r = JsFuture::from(p).await;
    if r.is_err() {
        // A failed fetch is tried again next time.
        let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &READY.into());
    }
    let both: Array = r
        .map_err(|e| {
            let why = js_error(e);
            format!(
                "the timeline's second module ({}) could not be loaded ({})",
                WASM.trim_start_matches("./"),
                why.trim_end_matches('.')
            )
        })?
        .unchecked_into();
    Ok((both.get(0), both.get(1).as_string().unwrap_or_default()))
}

/// What the early read of a `?data=` link gives ([`early_load`]): its
/// `["done", …]` answer and the file's bytes, or how the request failed
/// (`"http"`, `"network"` or `"timeout"`, and why).
pub type Early = Result<(Array, Uint8Array), (String, String)>;

/// The read `boot-check.js` started for a `?data=` link before the app ran
/// (the file fetched in the worker), if it reads `name` (taken once), with its
/// progress and the parts it sent ahead heard meanwhile (those sent before
/// first). `None` when there is none or it failed otherwise than by its
/// request (the caller then fetches and reads the file itself).
pub async fn early_load(
    name: &str,
    progress: impl Fn(usize, usize) + 'static,
    part: impl Fn(JsValue) + 'static,
) -> Option<Early> {
    let global = js_sys::global();
    let key = JsValue::from_str("__scoEarlyJob");
    let job = Reflect::get(&global, &key)
        .ok()
        .filter(JsValue::is_object)?;
    if Reflect::get(&job, &"url".into()).ok()?.as_string()? != name {
        return None;
    }
    let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let answer: Promise = Reflect::get(&job, &"answer".into()).ok()?.dyn_into().ok()?;
    if let Ok(last) = Reflect::get(&job, &"last".into()) {
        if let Some(last) = last.dyn_ref::<Array>() {
            progress(
                last.get(0).as_f64().unwrap_or(0.0) as usize,
                last.get(1).as_f64().unwrap_or(0.0) as usize,
            );
        }
    }
    if let Ok(parts) = Reflect::get(&job, &"parts".into()) {
        if let Some(parts) = parts.dyn_ref::<Array>() {
            parts.for_each(&mut |p, _, _| part(p));
        }
    }
    let hear = Closure::<dyn FnMut(f64, f64)>::new(move |done: f64, total: f64| {
        progress(done as usize, total as usize)
    });
    let take = Closure::<dyn FnMut(JsValue)>::new(part);
    let _ = Reflect::set(&job, &"onprogress".into(), hear.as_ref());
    let _ = Reflect::set(&job, &"onpart".into(), take.as_ref());
    let result = JsFuture::from(answer).await;
    let _ = Reflect::set(&job, &"onprogress".into(), &JsValue::NULL);
    let _ = Reflect::set(&job, &"onpart".into(), &JsValue::NULL);
    drop((hear, take));
    match result {
        Ok(both) => {
            let both: Array = both.unchecked_into();
            Some(Ok((
                both.get(0).unchecked_into(),
                Uint8Array::new(&both.get(1)),
            )))
        }
        Err(e) => {
            let field = |k: &str| Reflect::get(&e, &k.into()).ok()?.as_string();
            let kind = field("fetch")?;
            Some(Err((kind, field("why").unwrap_or_default())))
        }
    }
}

/// Starts fetching and compiling the second module now, while something else
/// (a dataset the link names) downloads, so its first job does not wait for it.
pub fn warm() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = ready().await;
    });
}

/// Runs `job` (see `src/bin/sco-worker.rs`) in a new worker, handing over the
/// buffers in `transfer`; `progress(done, total)` hears its steps. The answer
/// is the worker's `["done", …]` array.
pub fn run(
    job: Array,
    transfer: Array,
    progress: impl Fn(usize, usize) + 'static,
) -> impl std::future::Future<Output = Result<Array, String>> {
    // One copy of the job's code for every caller (not one per progress closure).
    run_job(job, transfer, Rc::new(progress), None)
}

/// [`run`], with `part` hearing each `["part", bytes]` the job sends ahead of
/// its answer (a load's events, while it reads the rest).
pub fn run_streamed(
    job: Array,
    transfer: Array,
    progress: impl Fn(usize, usize) + 'static,
    part: impl Fn(JsValue) + 'static,
) -> impl std::future::Future<Output = Result<Array, String>> {
    run_job(job, transfer, Rc::new(progress), Some(Rc::new(part)))
}

async fn run_job(
    job: Array,
    transfer: Array,
    progress: Rc<dyn Fn(usize, usize)>,
    part: Option<Rc<dyn Fn(JsValue)>>,
) -> Result<Array, String> {
    let op = job.get(0).as_string().unwrap_or_default();
    mark(&format!("job-{op}-start"));
    let (module, url) = ready().await?;
    let worker = web_sys::Worker::new(&url).map_err(js_error)?;
    let handlers: Rc<RefCell<Vec<Handler>>> = Rc::default();
    let keep = handlers.clone();
    let w = worker.clone();
    let answer = Promise::new(&mut |resolve, reject| {
        let (fail, progress, part) = (reject.clone(), progress.clone(), part.clone());
        let onmessage = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let msg: Array = e
                .unchecked_into::<web_sys::MessageEvent>()
                .data()
                .unchecked_into();
            match msg.get(0).as_string().as_deref() {
                Some("progress") => progress(
                    msg.get(1).as_f64().unwrap_or(0.0) as usize,
                    msg.get(2).as_f64().unwrap_or(0.0) as usize,
                ),
                Some("part") => {
                    if let Some(part) = &part {
                        part(msg.get(1));
                    }
                }
                Some("done") => drop(resolve.call1(&JsValue::NULL, &msg)),
                _ => drop(reject.call1(&JsValue::NULL, &msg.get(1))),
            }
        });
        let onerror = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let why = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the worker could not start".into());
            drop(fail.call1(&JsValue::NULL, &why.into()));
        });
        w.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        w.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        keep.borrow_mut().extend([onmessage, onerror]);
    });
    let sent = worker
        .post_message_with_transfer(&Array::of2(&module, &job), &transfer)
        .map_err(js_error);
    let result = match sent {
        Ok(()) => JsFuture::from(answer).await.map_err(js_error),
        Err(e) => Err(e),
    };
    worker.terminate();
    drop(handlers);
    mark(&format!("job-{op}-done"));
    result.map(JsCast::unchecked_into)
}

/// A performance mark (the benchmark reads `job-…-start`/`-done`).
fn mark(name: &str) {
    if let Some(p) = crate::dom::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Bytes as a JS array (a copy) and its buffer, to transfer.
pub fn bytes(b: &[u8]) -> (JsValue, JsValue) {
    let a = Uint8Array::from(b);
    let buf = a.buffer().into();
    (a.into(), buf)
}
