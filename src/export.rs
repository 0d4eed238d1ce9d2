//! Exports of the current view (effects only): the slide picture as SVG or
//! PNG (1920×1080, 16:9), drawn by `timeline-charts`, and the shown events as
//! JSON or CSV (written by `timeline_core::export`), offered as downloads.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use timeline_charts::{draw_slide, slide_svg, ChartStyle};
use timeline_core::urlstate::ViewState;
use timeline_core::Dataset;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const SLIDE: (u32, u32) = (1920, 1080);

fn download(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let doc = crate::dom::document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("data-export", name)?;
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    web_sys::Url::revoke_object_url(&url)
}

/// Downloads the shown events as our JSON (`kind` "json") or CSV ("csv"),
/// files that load back to the same events.
pub fn export_data(ds: &Dataset, shown: &[usize], kind: &str) -> Result<(), String> {
    let (text, mime, name) = if kind == "csv" {
        (
            timeline_core::export::to_csv(ds, shown),
            "text/csv",
            "timeline-events.csv",
        )
    } else {
        (
            timeline_core::export::to_json(ds, shown),
            "application/json",
            "timeline-events.json",
        )
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("{e:?}"))?;
    download(&blob, name).map_err(|e| format!("{e:?}"))
}

/// Downloads the view as `sco-timeline.svg`.
pub fn export_svg(ds: &Dataset, view: &ViewState) -> Result<(), String> {
    let svg = slide_svg(ds, view, SLIDE.0, SLIDE.1)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("{e:?}"))?;
    download(&blob, "sco-timeline.svg").map_err(|e| format!("{e:?}"))
}

/// Downloads the view as `sco-timeline.png`, drawn on an off-screen canvas.
pub fn export_png(ds: &Dataset, view: &ViewState) -> Result<(), String> {
    let doc = crate::dom::document().ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a canvas")?;
    canvas.set_width(SLIDE.0);
    canvas.set_height(SLIDE.1);
    {
        let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D context")?;
        draw_slide(
            &backend.into_drawing_area(),
            ds,
            view,
            &ChartStyle::default(),
        )?;
    }
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = download(&blob, "sco-timeline.png");
        }
    });
    canvas
        .to_blob(done.unchecked_ref())
        .map_err(|e| format!("{e:?}"))
}
