//! Printing. The statistics' pictures are drawn only once their panel comes
//! near the window (hooks/use_near_view.rs); a print asked for before that
//! first asks for them (the `DRAW_ALL` event) and waits until they are drawn —
//! at most `WAIT_MS`, then prints what there is (a figure still being drawn is
//! left out of the print by the print style, not printed blank). A print from
//! the browser's own menu (Ctrl+P) cannot wait: `beforeprint` asks for the
//! pictures, for the next print.

/// Asks everything drawn only when near the window to be drawn now.
pub const DRAW_ALL: &str = "sco-draw-all";
/// The longest a print waits for the pictures.
const WAIT_MS: u32 = 3000;
const STEP_MS: u32 = 50;

/// Whether a picture is still to be drawn (a figure marked busy).
fn drawing(doc: &web_sys::Document) -> bool {
    doc.query_selector(".stats .stat-chart[aria-busy]")
        .ok()
        .flatten()
        .is_some()
}

/// The Print button: the pictures drawn first, then the browser's print.
pub fn print_when_drawn() {
    let Some((w, doc)) = crate::dom::window().and_then(|w| Some((w.clone(), w.document()?))) else {
        return;
    };
    if !drawing(&doc) {
        let _ = w.print();
        return;
    }
    if let Ok(e) = web_sys::Event::new(DRAW_ALL) {
        let _ = w.dispatch_event(&e);
    }
    crate::dom::set_root_attr("data-print", "waiting");
    wasm_bindgen_futures::spawn_local(async move {
        let mut waited = 0;
        while drawing(&doc) && waited < WAIT_MS {
            gloo::timers::future::TimeoutFuture::new(STEP_MS).await;
            waited += STEP_MS;
        }
        if let Some(root) = doc.document_element() {
            let _ = root.remove_attribute("data-print");
        }
        let _ = w.print();
    });
}
