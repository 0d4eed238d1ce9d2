use crate::state::Action;
use gloo::timers::callback::Timeout;
use timeline_core::embed::{Control, Theme};
use timeline_core::layout::Grouping;
use timeline_core::urlstate::ViewMode;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub view: ViewMode,
    pub grouping: Grouping,
    pub dispatch: Callback<Action>,
    /// "svg" or "png".
    pub onexport: Callback<&'static str>,
    pub embed: timeline_core::embed::EmbedOptions,
    pub presenting: bool,
    /// Opens the embed dialog.
    pub onembed: Callback<()>,
    /// The theme switch (the current theme is `embed.theme`).
    #[prop_or_default]
    pub ontheme: Callback<timeline_core::embed::Theme>,
    /// The story panel is open (authoring a story).
    #[prop_or_default]
    pub authoring: bool,
}

/// A control only the full module answers (src/upgrade.rs): in the lean
/// one, the full module is fetched and the control clicked again there.
fn full_only(
    d: &Callback<Action>,
    name: &'static str,
    a: impl Fn() -> Action + 'static,
) -> Callback<MouseEvent> {
    #[cfg(feature = "full")]
    {
        let _ = name;
        d.reform(move |_| a())
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = (d, a);
        Callback::from(move |_| crate::upgrade::upgrade(Some(name), None))
    }
}

/// Zoom, fit, lanes, chart or list, and copy link.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let copied = crate::hooks::erased::use_state(|| None::<&'static str>);
    let copy = {
        let copied = copied.clone();
        Callback::from(move |_| {
            let Some(w) = crate::dom::window() else {
                return;
            };
            // A filter's new history entry may still wait for an idle moment.
            crate::hooks::use_url_sync::flush_pending();
            let href = w.location().href().unwrap_or_default();
            let _ = w.navigator().clipboard().write_text(&href);
            copied.set(Some("Link copied"));
            let copied = copied.clone();
            Timeout::new(2500, move || copied.set(None)).forget();
        })
    };
    let chart = props.view == ViewMode::Chart;
    let d = &props.dispatch;
    let e = &props.embed;
    let full = !e.embed;
    html! {
        <div class="toolbar" role="toolbar" aria-label="Timeline controls" onfocusin={Callback::from(clear_of_fade)}>
            if e.shows(Control::View) {
            <div class="group" role="group" aria-label="View">
                <button aria-pressed={chart.to_string()} data-action="view-chart" onclick={crate::state::on_click(d, |_| Action::SetView(ViewMode::Chart))}>{ "Chart" }</button>
                <button aria-pressed={(!chart).to_string()} data-action="view-list" onclick={crate::state::on_click(d, |_| Action::SetView(ViewMode::List))}>{ "List" }</button>
            </div>
            }
            if chart && e.shows(Control::Zoom) {
                <div class="group" role="group" aria-label="Zoom">
                    <button aria-label="Zoom in" title="Zoom in (+)" data-action="zoom-in" onclick={crate::state::on_click(d, |_| Action::zoom(0.5, 0.5))}>{ "+" }</button>
                    <button aria-label="Zoom out" title="Zoom out (−)" data-action="zoom-out" onclick={crate::state::on_click(d, |_| Action::zoom(2.0, 0.5))}>{ "−" }</button>
                    <button title="Show everything (0)" data-action="fit" onclick={crate::state::on_click(d, |_| Action::fit())}>{ "Fit all" }</button>
                </div>
                <div class="group" role="group" aria-label="Lanes">
                    <button aria-pressed={(props.grouping == Grouping::Kind).to_string()} data-action="group-kind" onclick={crate::state::on_click(d, |_| Action::SetGrouping(Grouping::Kind))}>{ "By kind" }</button>
                    <button aria-pressed={(props.grouping == Grouping::Country).to_string()} data-action="group-country" onclick={crate::state::on_click(d, |_| Action::SetGrouping(Grouping::Country))}>{ "By country" }</button>
                </div>
            }
            // While presenting in a frame, the presenter bar beside it leaves presenter mode.
            if e.shows(Control::Present) && !(e.embed && props.presenting) {
                <div class="group">
                    <button data-action="present" aria-pressed={props.presenting.to_string()} title="Step through the events with → ← Space (Esc leaves)"
                        onclick={full_only(d, "present", { let on = !props.presenting; move || Action::SetPresenting(on) })}>{ "Present" }</button>
                </div>
            }
            if full {
            <div class="group" role="group" aria-label="Export the view">
                <button data-action="export-svg" title="Download the view as SVG (16:9)" onclick={props.onexport.reform(|_| "svg")}>{ "SVG" }</button>
                <button data-action="export-png" title="Download the view as PNG (1920×1080)" onclick={props.onexport.reform(|_| "png")}>{ "PNG" }</button>
                <button data-action="print" title="Print the view and its event list" onclick={Callback::from(|_| crate::print::print_when_drawn())}>{ "Print" }</button>
            </div>
            <div class="group">
                <button data-action="embed" title="Embed this view in a page or a slide" onclick={props.onembed.reform(|_| ())}>{ "Embed…" }</button>
            </div>
            <div class="group">
                <button data-action="story" aria-pressed={props.authoring.to_string()} title="Make a story: scenes of views, with titles, captions and notes"
                    onclick={full_only(d, "story", { let on = !props.authoring; move || Action::Story(crate::state::StoryAction::SetAuthoring(on)) })}>{ "Story" }</button>
            </div>
            }
            if full {
                <label class="theme-switch">{ "Theme " }
                    <select data-action="theme" onchange={props.ontheme.reform(|ev: Event| {
                        let v = ev.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        Theme::parse(&v).unwrap_or_default()
                    })}>
                        { for [(Theme::System, "System"), (Theme::Light, "Light"), (Theme::Dark, "Dark"), (Theme::Contrast, "High contrast")].into_iter().map(|(t, label)| html! {
                            <option value={t.as_str()} selected={e.theme == t}>{ label }</option>
                        }) }
                    </select>
                </label>
            }
            if e.shows(Control::Link) {
            <div class="group">
                // "Link copied" shows in the button's own room (both words
                // stacked, the wider sets its width): the toolbar never reflows.
                <button data-action="copy-link" class={classes!("swap", copied.is_some().then_some("swapped"))} onclick={copy}>
                    <span>{ "Copy link" }</span><span aria-hidden="true">{ "Link copied" }</span>
                </button>
                <span class="status visually-hidden" role="status" aria-live="polite">{ copied.unwrap_or("") }</span>
            </div>
            }
        </div>
    }
}

/// A control reached by Tab in a toolbar that scrolls sideways (a phone)
/// comes wholly into view, clear of the fade at the edges (styles/main.css:
/// 2rem, about a button's height): the browser scrolls only one that is
/// mostly hidden.
fn clear_of_fade(e: FocusEvent) {
    use wasm_bindgen::JsCast;
    let el =
        |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    // Yew delegates events from its root: the toolbar is the target's.
    let Some(target) = el(e.target()) else {
        return;
    };
    let Some(bar) = target.closest(".toolbar").ok().flatten() else {
        return;
    };
    if bar.scroll_width() <= bar.client_width() {
        return;
    }
    // The rule is written for the vertical: the rectangles transposed.
    let rect =
        |r: web_sys::DomRect| timeline_core::place::Rect::new(r.y(), r.x(), r.height(), r.width());
    let (b, r) = (
        bar.get_bounding_client_rect(),
        target.get_bounding_client_rect(),
    );
    let fade = r.height();
    let dx = timeline_core::place::scroll_into_view(rect(r), rect(b), fade);
    if dx != 0.0 {
        bar.set_scroll_left(bar.scroll_left() + dx.round() as i32);
    }
}
