//! Jobs for the second module (`src/bin/sco-worker.rs`), which holds what the
//! first view does not need: the importers, JSON/CSV export, the statistics'
//! and the slide's drawing (plotters). Its wasm is fetched and compiled on
//! first use (once per page); each job runs in a worker of its own, which ends
//! with the job (so a large file's parsing memory is given back).
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
const WASM: &str = "./sco-worker_bg.wasm";

thread_local! {
    /// The worker's module, compiled once (a promise shared by every job).
    static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// The single file's worker script, as a blob URL made once.
    static INLINE_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

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

async fn wasm_bytes() -> Result<JsValue, JsValue> {
    if let Some(i) = inline() {
        let f: Function = Reflect::get(&i, &"wasm".into())?.dyn_into()?;
        return f.call0(&JsValue::NULL);
    }
    let win = web_sys::window().ok_or("no window")?;
    let resp: web_sys::Response = JsFuture::from(win.fetch_with_str(WASM)).await?.dyn_into()?;
    if !resp.ok() {
        return Err(format!("{WASM}: the server answered {}", resp.status()).into());
    }
    JsFuture::from(resp.array_buffer()?).await
}

/// The compiled module (fetched and compiled on the first call).
async fn module() -> Result<JsValue, String> {
    let p = MODULE.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    let bytes = wasm_bytes().await?;
                    JsFuture::from(js_sys::WebAssembly::compile(&bytes)).await
                })
            })
            .clone()
    });
    let r = JsFuture::from(p).await;
    if r.is_err() {
        // A failed fetch is tried again next time.
        MODULE.with(|m| m.borrow_mut().take());
    }
    r.map_err(|e| {
        let why = js_error(e);
        format!(
            "the timeline's second module ({}) could not be loaded ({})",
            WASM.trim_start_matches("./"),
            why.trim_end_matches('.')
        )
    })
}

fn spawn() -> Result<web_sys::Worker, String> {
    let url = match inline() {
        Some(i) => INLINE_URL.with(|u| {
            if let Some(url) = u.borrow().clone() {
                return Ok::<String, String>(url);
            }
            let src = Reflect::get(&i, &"src".into()).map_err(js_error)?;
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type("text/javascript");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&src), &opts)
                .map_err(js_error)?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
            *u.borrow_mut() = Some(url.clone());
            Ok(url)
        })?,
        None => BOOT.to_string(),
    };
    web_sys::Worker::new(&url).map_err(js_error)
}

/// Runs `job` (see `src/bin/sco-worker.rs`) in a new worker, handing over the
/// buffers in `transfer`; `progress(done, total)` hears its steps. The answer
/// is the worker's `["done", …]` array.
pub async fn run(
    job: Array,
    transfer: Array,
    progress: impl Fn(usize, usize) + 'static,
) -> Result<Array, String> {
    let op = job.get(0).as_string().unwrap_or_default();
    mark(&format!("job-{op}-start"));
    let module = module().await?;
    let worker = spawn()?;
    let handlers: Rc<RefCell<Vec<Handler>>> = Rc::default();
    let keep = handlers.clone();
    let w = worker.clone();
    let progress = Rc::new(progress);
    let answer = Promise::new(&mut |resolve, reject| {
        let (fail, progress) = (reject.clone(), progress.clone());
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
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Bytes as a JS array (a copy) and its buffer, to transfer.
pub fn bytes(b: &[u8]) -> (JsValue, JsValue) {
    let a = Uint8Array::from(b);
    let buf = a.buffer().into();
    (a.into(), buf)
}
