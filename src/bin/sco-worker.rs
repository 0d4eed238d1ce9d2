//! The second module: what the first view does not need, run in a web worker
//! on first use and ended after its job (its memory goes with it). The page
//! (`src/worker.rs`) posts `[module, job]`; `assets/sco-worker-boot.js`
//! instantiates this module and calls [`run`]. Jobs and answers are arrays:
//!
//! | job | answer (`["done", …]`) |
//! |---|---|
//! | `["load", bytes, name, mapping or null]` | the packed dataset, problems and how it was read (`timeline_core::pack::Read`): its head, then the events not sent ahead in `["part", events]` messages between the `["progress", done, total]` steps |
//! | `["export", "json" or "csv", packed events]` | the file's text |
//! | `["slide", packed dataset, query, window start, window end, width, height]` | the view as SVG text (`timeline_charts::slide_svg`) |
//! | `["story", "scenes" or "handout", packed dataset, story file]` | one SVG text per scene, or the handout's HTML |
//! | `["read-story", story file]` | the story and its problems (`timeline_core::pack_story`); a file that is no story answers `["error", why]` |
//! | `["stats", packed stats, width, height, theme]` | three SVG texts, then three lists of bars `[x0, y0, x1, y1, label, year or null, country or null]` |
//!
//! A failure answers `["error", message]`. No window, no document: plotters'
//! text measuring is served by the boot script's stand-in.

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use js_sys::{Array, Uint8Array};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use timeline_charts::{palette::Colours, ChartStyle, Hit, Target};
use timeline_core::pack::{self, Read, Reader};
use timeline_core::scale::Window;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Entries validated between two progress messages.
const STEP_ENTRIES: usize = 5_000;

fn post(msg: &Array, transfer: Option<&Array>) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = match transfer {
        Some(t) => scope.post_message_with_transfer(msg, t),
        None => scope.post_message(msg),
    };
}

fn bytes(v: JsValue) -> Vec<u8> {
    Uint8Array::new(&v).to_vec()
}

fn text(v: JsValue) -> String {
    v.as_string().unwrap_or_default()
}

/// Events posted as `["part", bytes]` while the rest of the file is read,
/// `pack::EVENTS_PER_PART` in each: the page unpacks them meanwhile.
fn post_parts(parts: Vec<Vec<u8>>) {
    for part in parts {
        let a = Uint8Array::from(part.as_slice());
        post(
            &Array::of2(&"part".into(), &a),
            Some(&Array::of1(&a.buffer())),
        );
    }
}

/// Reads a file with the importer its content calls for, reporting progress
/// and sending the events read so far; gives the read and how many events
/// went ahead.
fn load(data: Vec<u8>, name: &str, mapping: Option<timeline_core::Mapping>) -> (Read, usize) {
    // Bytes as browsers read text: a byte-order mark decides (UTF-8, UTF-16),
    // else UTF-8 where valid, else Windows-1252, with a notice (timeline_core::decode).
    let mut inc = timeline_core::import::open_bytes(data, name, mapping.as_ref()).streaming();
    let mut sent = 0;
    while !inc.step(STEP_ENTRIES) {
        post_parts(pack::parts_ahead(
            inc.events(),
            &mut sent,
            pack::EVENTS_PER_PART,
        ));
        post(
            &Array::of3(
                &"progress".into(),
                &(inc.done() as f64).into(),
                &(inc.total() as f64).into(),
            ),
            None,
        );
    }
    (inc.finish(), sent)
}

fn colours(theme: &str) -> Colours {
    match theme {
        "dark" => Colours::dark(),
        "contrast" => Colours::contrast(),
        _ => Colours::light(),
    }
}

fn hits_array(hits: &[Hit]) -> Array {
    hits.iter()
        .map(|h| {
            let (year, country) = match &h.target {
                Target::Year(y) => (JsValue::from(*y), JsValue::NULL),
                Target::Country(c) => (JsValue::NULL, JsValue::from_str(c)),
            };
            let a = Array::of4(&h.x0.into(), &h.y0.into(), &h.x1.into(), &h.y1.into());
            a.push(&JsValue::from_str(&h.label));
            a.push(&year);
            a.push(&country);
            JsValue::from(a)
        })
        .collect()
}

/// The three statistics charts as SVG, with their bars.
fn stats(job: &Array) -> Result<Array, String> {
    let packed = bytes(job.get(1));
    let s = pack::read_stats(&mut Reader::new(&packed)).ok_or("unreadable statistics")?;
    let w = job.get(2).as_f64().unwrap_or(600.0).clamp(1.0, 8192.0) as u32;
    let h = job.get(3).as_f64().unwrap_or(210.0).clamp(1.0, 8192.0) as u32;
    let st = ChartStyle {
        scale: 1.0,
        colours: colours(&text(job.get(4))),
    };
    let out = Array::of1(&"done".into());
    let mut all_hits = Vec::new();
    for which in 0..3 {
        let mut svg = String::new();
        let hits = {
            let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            let hits = match which {
                0 => timeline_charts::draw_per_year(&root, &s, &st),
                1 => timeline_charts::draw_casualties(&root, &s, &st),
                _ => timeline_charts::draw_countries(&root, &s, &st),
            }?;
            root.present().map_err(|e| format!("{e:?}"))?;
            hits
        };
        out.push(&svg.into());
        all_hits.push(hits_array(&hits));
    }
    for h in all_hits {
        out.push(&h);
    }
    Ok(out)
}

fn slide(job: &Array) -> Result<Array, String> {
    let ds = pack::unpack_dataset(&bytes(job.get(1))).ok_or("unreadable dataset")?;
    let mut view = timeline_core::urlstate::decode(&text(job.get(2))).state;
    if let (Some(a), Some(b)) = (job.get(3).as_f64(), job.get(4).as_f64()) {
        view.window = Some(Window::new(a, b));
    }
    let w = job.get(5).as_f64().unwrap_or(1920.0) as u32;
    let h = job.get(6).as_f64().unwrap_or(1080.0) as u32;
    let svg = timeline_charts::slide_svg(&ds, &view, w, h)?;
    Ok(Array::of2(&"done".into(), &svg.into()))
}

/// A story's pictures, one per scene (1920×1080), or its printable handout.
fn story(job: &Array) -> Result<Array, String> {
    let ds = pack::unpack_dataset(&bytes(job.get(2))).ok_or("unreadable dataset")?;
    let story = timeline_core::story::parse(&text(job.get(3)))?.story;
    if text(job.get(1)) == "handout" {
        let html = timeline_charts::story_handout_html(&ds, &story);
        return Ok(Array::of2(&"done".into(), &html.into()));
    }
    let out = Array::of1(&"done".into());
    for scene in &story.scenes {
        out.push(&timeline_charts::scene_svg(&ds, scene, 1920, 1080).into());
    }
    Ok(out)
}

/// A story file read (serde_json, here rather than in the first module).
fn read_story(job: &Array) -> Result<Array, String> {
    let loaded = timeline_core::story::parse(&text(job.get(1)))?;
    let packed = Uint8Array::from(timeline_core::pack_story::pack_story(&loaded).as_slice());
    Ok(Array::of2(&"done".into(), &packed))
}

fn export(job: &Array) -> Result<Array, String> {
    let ds = pack::unpack_dataset(&bytes(job.get(2))).ok_or("unreadable dataset")?;
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let text = if text(job.get(1)) == "csv" {
        timeline_core::export::to_csv(&ds, &all)
    } else {
        timeline_core::export::to_json(&ds, &all)
    };
    Ok(Array::of2(&"done".into(), &text.into()))
}

/// Runs one job and posts its answer (the boot script calls it once).
#[wasm_bindgen]
pub fn run(job: JsValue) {
    let job: Array = job.unchecked_into();
    let answer = match text(job.get(0)).as_str() {
        "load" => {
            let mapping = job
                .get(3)
                .as_string()
                .map(|m| timeline_core::Mapping::decode(&m));
            let (read, sent) = load(bytes(job.get(1)), &text(job.get(2)), mapping);
            // The head, then the events not sent ahead, in parts the page
            // reads one by one (pack::pack_read_after).
            let parts = Array::new();
            let buffers = Array::new();
            for part in pack::pack_read_after(&read, sent, pack::EVENTS_PER_PART) {
                let a = Uint8Array::from(part.as_slice());
                buffers.push(&a.buffer());
                parts.push(&a);
            }
            // Not dropped: freeing a million events one by one costs a fifth of
            // the read, and the worker ends with this job, its memory with it.
            std::mem::forget(read);
            post(&Array::of2(&"done".into(), &parts), Some(&buffers));
            return;
        }
        "export" => export(&job),
        "slide" => slide(&job),
        "story" => story(&job),
        "read-story" => read_story(&job),
        "stats" => stats(&job),
        other => Err(format!("unknown job {other}")),
    };
    match answer {
        Ok(a) => post(&a, None),
        Err(e) => post(&Array::of2(&"error".into(), &e.into()), None),
    }
}

fn main() {}
