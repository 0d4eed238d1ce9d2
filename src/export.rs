//! Exports of the current view (effects only): the slide picture as SVG or
//! PNG (1920×1080, 16:9), drawn by `timeline-charts`, and the shown events as
//! JSON or CSV (written by `timeline_core::export`), offered as downloads.
//! The writing and drawing run in the worker (`crate::worker`); a PNG is the
//! worker's SVG painted on a canvas here.

use js_sys::Array;
use timeline_core::urlstate::ViewState;
use timeline_core::Dataset;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

pub const SLIDE: (u32, u32) = (1920, 1080);

pub fn download(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
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

/// A blob of `text` with a MIME type.
pub fn text_blob(text: &JsValue, mime: &str) -> Result<web_sys::Blob, String> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(text), &opts)
        .map_err(|e| crate::dom::js_error(&e))
}

fn report(r: Result<(), String>) {
    if let Err(e) = r {
        web_sys::console::error_1(&e.into());
    }
}

/// Downloads the shown events as our JSON (`kind` "json") or CSV ("csv"),
/// files that load back to the same events.
pub fn export_data(ds: &Dataset, shown: &[usize], kind: &str) -> Result<(), String> {
    let packed = timeline_core::pack::pack_dataset(ds, Some(shown));
    let (array, buffer) = crate::worker::bytes(&packed);
    let job = Array::of3(&"export".into(), &kind.into(), &array);
    let (mime, name) = if kind == "csv" {
        ("text/csv", "timeline-events.csv")
    } else {
        ("application/json", "timeline-events.json")
    };
    spawn_local(async move {
        report(
            async {
                let answer = crate::worker::run(job, Array::of1(&buffer), |_, _| ()).await?;
                download(&text_blob(&answer.get(1), mime)?, name)
                    .map_err(|e| crate::dom::js_error(&e))
            }
            .await,
        )
    });
    Ok(())
}

/// The view as SVG text, drawn in the worker.
async fn slide_svg(packed: Vec<u8>, view: ViewState) -> Result<JsValue, String> {
    let (array, buffer) = crate::worker::bytes(&packed);
    let job = Array::of3(
        &"slide".into(),
        &array,
        &timeline_core::urlstate::encode(&view).into(),
    );
    for v in [
        view.window.map(|w| w.start),
        view.window.map(|w| w.end),
        Some(SLIDE.0.into()),
        Some(SLIDE.1.into()),
    ] {
        job.push(&v.map(JsValue::from).unwrap_or(JsValue::NULL));
    }
    let answer = crate::worker::run(job, Array::of1(&buffer), |_, _| ()).await?;
    Ok(answer.get(1))
}

/// Downloads the view as `sco-timeline.svg`.
pub fn export_svg(ds: &Dataset, view: &ViewState) -> Result<(), String> {
    let (packed, view) = (timeline_core::pack::pack_dataset(ds, None), view.clone());
    spawn_local(async move {
        report(
            async {
                let svg = slide_svg(packed, view).await?;
                download(&text_blob(&svg, "image/svg+xml")?, "sco-timeline.svg")
                    .map_err(|e| crate::dom::js_error(&e))
            }
            .await,
        )
    });
    Ok(())
}

/// Downloads the view as `sco-timeline.png`: the worker's SVG painted on an
/// off-screen canvas.
pub fn export_png(ds: &Dataset, view: &ViewState) -> Result<(), String> {
    let (packed, view) = (timeline_core::pack::pack_dataset(ds, None), view.clone());
    spawn_local(async move {
        report(
            async {
                let svg = slide_svg(packed, view).await?;
                paint_png(&svg).await
            }
            .await,
        )
    });
    Ok(())
}

async fn paint_png(svg: &JsValue) -> Result<(), String> {
    let e = |e: JsValue| crate::dom::js_error(&e);
    let doc = crate::dom::document().ok_or("no document")?;
    let url =
        web_sys::Url::create_object_url_with_blob(&text_blob(svg, "image/svg+xml")?).map_err(e)?;
    let img = web_sys::HtmlImageElement::new().map_err(e)?;
    img.set_src(&url);
    let loaded = JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    loaded.map_err(e)?;
    let canvas: web_sys::HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(e)?
        .dyn_into()
        .map_err(|_| "not a canvas")?;
    canvas.set_width(SLIDE.0);
    canvas.set_height(SLIDE.1);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(e)?
        .ok_or("no 2D context")?
        .dyn_into()
        .map_err(|_| "no 2D context")?;
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)
        .map_err(e)?;
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = download(&blob, "sco-timeline.png");
        }
    });
    canvas.to_blob(done.unchecked_ref()).map_err(e)
}
