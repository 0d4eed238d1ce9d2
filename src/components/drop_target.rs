use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Whether a drag carries files (not text or a link dragged from the page).
fn has_files(e: &web_sys::Event) -> bool {
    e.dyn_ref::<web_sys::DragEvent>()
        .and_then(|d| d.data_transfer())
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// While a file is dragged over the page: a drop target over all of it,
/// "Drop a file to open it" (the drop itself is the page's: app.rs opens the file).
#[function_component(DropTarget)]
pub fn drop_target() -> Html {
    let shown = crate::hooks::erased::use_state(|| false);
    {
        let shown = shown.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let now = Rc::new(Cell::new(false));
            let set = move |on: bool| {
                if now.replace(on) != on {
                    shown.set(on);
                }
            };
            let listeners = crate::dom::window().map(|w| {
                let (s1, s2, s3) = (set.clone(), set.clone(), set);
                [
                    EventListener::new(&w, "dragover", move |e| {
                        if has_files(e) {
                            s1(true);
                        }
                    }),
                    // Leaving the window (no element to go to), or the drag ended.
                    EventListener::new(&w, "dragleave", move |e| {
                        let to = e
                            .dyn_ref::<web_sys::DragEvent>()
                            .and_then(|d| d.related_target());
                        if to.is_none() {
                            s2(false);
                        }
                    }),
                    EventListener::new(&w, "drop", move |_| s3(false)),
                ]
            });
            move || drop(listeners)
        });
    }
    html! {
        if *shown {
            <div class="drop-target" data-testid="drop-target" aria-hidden="true">
                <p>{ "Drop a file to open it" }<span class="drop-hint">{ "JSON, CSV or Arrow (Feather): this timeline's format, TimelineJS3, vis-timeline, ACLED, GTD or any table" }</span></p>
            </div>
        }
    }
}
