use std::rc::Rc;
use timeline_core::embed::{embed_query, Control, EmbedOptions, Theme};
use timeline_core::urlstate::ViewState;
use timeline_core::Dataset;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// The current view: its filters, window and lanes go into the embed.
    pub view: ViewState,
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
    pub onclose: Callback<()>,
    /// The story being authored, as a `?story=` value (empty: too long for a
    /// link); `None`: no story.
    #[prop_or_default]
    pub story: Option<String>,
}

/// "Embed": choose size, start event, theme, controls and presenter mode;
/// see a live preview; copy the `<iframe>` snippet or the plain link.
#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let size = crate::hooks::erased::use_state(|| (960u32, 540u32, false));
    let opts = crate::hooks::erased::use_state(|| EmbedOptions {
        embed: true,
        ..EmbedOptions::default()
    });
    let start = crate::hooks::erased::use_state(|| props.view.selected.clone());
    let copied = crate::hooks::erased::use_state(String::new);
    let with_story = crate::hooks::erased::use_state(|| false);
    let node = use_node_ref();
    {
        let node = node.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let mut view = props.view.clone();
    view.selected = (*start).clone();
    let base = crate::dom::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let story = props.story.as_deref().filter(|_| *with_story);
    let url = match story.filter(|v| !v.is_empty()) {
        // The story's first scene sets the view: only the frame's options go with it.
        Some(v) => format!(
            "{base}?{}&story={v}",
            embed_query(&Default::default(), &opts)
        ),
        None => format!("{base}?{}", embed_query(&view, &opts)),
    };
    let (w, h, responsive) = *size;
    let width_attr = if responsive {
        "100%".to_string()
    } else {
        w.to_string()
    };
    let snippet = format!(
        "<iframe src=\"{}\" width=\"{width_attr}\" height=\"{h}\" title=\"{}\" style=\"border:0\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>",
        url.replace('&', "&amp;").replace('"', "&quot;"),
        props.dataset.meta.title.replace('"', "&quot;")
    );
    let copy = |text: String, what: &'static str| {
        let copied = copied.clone();
        Callback::from(move |_| {
            if let Some(w) = crate::dom::window() {
                let _ = w.navigator().clipboard().write_text(&text);
            }
            copied.set(format!("{what} copied"));
        })
    };
    let onkeydown = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            e.stop_propagation();
            if e.key() == "Escape" {
                onclose.emit(());
            }
        })
    };
    let set_size = |which: u8| {
        let size = size.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (mut w, mut h, mut r) = *size;
            match which {
                0 => w = input.value().parse().unwrap_or(w).clamp(200, 4000),
                1 => h = input.value().parse().unwrap_or(h).clamp(150, 4000),
                _ => r = input.checked(),
            }
            size.set((w, h, r));
        })
    };
    let toggle_control = |c: Control| {
        let opts = opts.clone();
        Callback::from(move |_| {
            let mut o = (*opts).clone();
            if !o.controls.remove(&c) {
                o.controls.insert(c);
            }
            opts.set(o);
        })
    };
    let on_theme = {
        let opts = opts.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            opts.set(EmbedOptions {
                theme: Theme::parse(&v).unwrap_or_default(),
                ..(*opts).clone()
            });
        })
    };
    let on_present = {
        let opts = opts.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            opts.set(EmbedOptions {
                present: on,
                ..(*opts).clone()
            });
        })
    };
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            start.set((!v.is_empty()).then_some(v));
        })
    };
    let ds = &props.dataset;
    let controls = opts.controls;
    html! {
        <div class="modal-backdrop">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="embed-title" tabindex="-1" ref={node} {onkeydown} data-testid="embed-dialog">
                <button class="close" aria-label="Close" onclick={props.onclose.reform(|_| ())}>{ "×" }</button>
                <h2 id="embed-title">{ "Embed this view" }</h2>
                <p class="hint">{ "The embed keeps the current filters, zoom and lanes. It fills its frame and follows resizes." }</p>
                <div class="embed-form">
                    <fieldset>
                        <legend>{ "Size" }</legend>
                        <label>{ "Width " }<input type="number" min="200" value={w.to_string()} disabled={responsive} onchange={set_size(0)} data-field="width" /></label>
                        <label>{ " Height " }<input type="number" min="150" value={h.to_string()} onchange={set_size(1)} data-field="height" /></label>
                        <label><input type="checkbox" checked={responsive} onchange={set_size(2)} />{ " full width" }</label>
                    </fieldset>
                    <fieldset>
                        <legend>{ "Controls shown" }</legend>
                        { for Control::ALL.into_iter().map(|c| html! {
                            <label class="check"><input type="checkbox" data-control={c.as_str()} checked={controls.contains(&c)} onchange={toggle_control(c)} />{ format!(" {}", c.as_str()) }</label>
                        }) }
                    </fieldset>
                    <fieldset>
                        <legend>{ "Start" }</legend>
                        <label>{ "Event " }
                            <select onchange={on_start} data-field="start">
                                <option value="" selected={start.is_none()}>{ "none (whole view)" }</option>
                                { for props.shown.iter().take(500).map(|&i| {
                                    let e = &ds.events[i];
                                    html! { <option value={e.id.clone()} selected={start.as_deref() == Some(e.id.as_str())}>{ format!("{} — {}", e.date_label(), e.title) }</option> }
                                }) }
                            </select>
                        </label>
                        <label>{ " Theme " }
                            <select onchange={on_theme} data-field="theme">
                                { for [Theme::System, Theme::Light, Theme::Dark, Theme::Contrast].into_iter().map(|t| html! {
                                    <option value={t.as_str()} selected={opts.theme == t}>{ t.as_str() }</option>
                                }) }
                            </select>
                        </label>
                        <label class="check"><input type="checkbox" checked={opts.present} onchange={on_present} data-field="present" />{ " start in presenter mode" }</label>
                    </fieldset>
                    if props.story.is_some() {
                        <fieldset>
                            <legend>{ "Story" }</legend>
                            <label class="check"><input type="checkbox" checked={*with_story} data-field="with-story"
                                onchange={ let w = with_story.clone(); Callback::from(move |e: Event| w.set(e.target_unchecked_into::<HtmlInputElement>().checked())) } />
                                { " play the story (a player without editing)" }</label>
                            if story == Some("") {
                                <p class="hint" data-testid="story-too-long">{ "This story is too long for a link: save it as a file, put it online, and add ?story= with its address to the embed’s link." }</p>
                            }
                        </fieldset>
                    }
                </div>
                <div class="embed-preview">
                    <iframe title="Preview of the embed" src={url.clone()} width={if responsive { "100%".to_string() } else { w.min(900).to_string() }} height={h.min(520).to_string()} data-testid="embed-preview"></iframe>
                </div>
                <label class="snippet">{ "Snippet" }<textarea readonly=true rows="3" data-testid="embed-snippet" value={snippet.clone()} /></label>
                <div class="embed-actions">
                    <button data-action="copy-snippet" onclick={copy(snippet, "Snippet")}>{ "Copy snippet" }</button>
                    <button data-action="copy-embed-link" onclick={copy(url.clone(), "Link")}>{ "Copy link" }</button>
                    <a href={url} target="_blank" rel="noopener">{ "Open the embed" }</a>
                    <span role="status" aria-live="polite">{ (*copied).clone() }</span>
                </div>
            </div>
        </div>
    }
}
