//! Components rendered in a real browser (headless Chromium, wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use sco_timeline::components::{
    chart_tooltip::{ChartTooltip, ChartTooltipProps},
    country_chips::{country_chips, CountryChipsProps},
    event_details::{EventDetails, EventDetailsProps},
    story_card::{story_card, StoryCardProps},
    story_player::{story_player, StoryPlayerProps},
    summary_line::{summary_line, SummaryLineProps},
};
use sco_timeline::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use timeline_core::{load_json, Dataset, Filter, BUILTIN_DATASET};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn dataset() -> Rc<Dataset> {
    Rc::new(load_json(BUILTIN_DATASET).dataset)
}

fn root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits (one task at a time, bounded) until `selector` matches in `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Ok(Some(el)) = root.query_selector(selector) {
            return el;
        }
        TimeoutFuture::new(0).await;
    }
    panic!("{selector} never appeared in {}", root.inner_html());
}

/// The summary line is a plain function: a component around it to mount it alone.
#[derive(Properties, PartialEq)]
struct SummaryProps {
    line: SummaryLineProps,
}

#[function_component(Summary)]
fn summary(props: &SummaryProps) -> Html {
    summary_line(&props.line)
}

#[wasm_bindgen_test]
async fn summary_line_counts_what_is_shown() {
    let ds = dataset();
    let f = Filter {
        countries: Some(["UZ".to_string()].into()),
        ..Filter::default()
    };
    let shown = Rc::new(f.apply(&ds));
    let n = shown.len();
    let root = root();
    let line = SummaryLineProps {
        dataset: ds,
        shown,
        full: true,
        class: "",
    };
    yew::Renderer::<Summary>::with_root_and_props(root.clone(), SummaryProps { line }).render();
    let p = wait_for(&root, ".summary").await;
    let text = p.text_content().unwrap();
    assert!(
        text.starts_with(&format!(
            "Showing {n} of 65 events, 2001–2012. Busiest year: "
        )),
        "{text}"
    );
    assert!(text.contains(". Most named state: "), "{text}");
}

/// The chips are a plain function: a component around them to mount them alone.
#[derive(Properties, PartialEq)]
struct ChipsProps {
    chips: CountryChipsProps,
}

#[function_component(Chips)]
fn chips(props: &ChipsProps) -> Html {
    country_chips(&props.chips)
}

#[wasm_bindgen_test]
async fn country_chips_show_counts_and_emit_toggles() {
    let ds = dataset();
    let counts = Rc::new(Filter::default().facet_counts(&ds));
    let got: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = got.clone();
    let dispatch = Callback::from(move |a: Action| {
        if let Action::ToggleCountry(c) = a {
            sink.borrow_mut().push(c);
        }
    });
    let root = root();
    let props = CountryChipsProps {
        dataset: ds.clone(),
        selected: None,
        counts: counts.clone(),
        dispatch,
    };
    yew::Renderer::<Chips>::with_root_and_props(root.clone(), ChipsProps { chips: props }).render();
    let ru = wait_for(&root, "[data-country=RU]").await;
    let want = counts.countries["RU"].to_string();
    assert_eq!(
        ru.query_selector(".count")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        want
    );
    assert_eq!(
        ru.get_attribute("aria-pressed").as_deref(),
        Some("false"),
        "nothing is pressed while no country is selected"
    );
    // Observers and partners present in the data get chips; the six members come first.
    let codes: Vec<String> = (0..root.query_selector_all("[data-country]").unwrap().length())
        .map(|i| {
            root.query_selector_all("[data-country]")
                .unwrap()
                .item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-country")
                .unwrap()
        })
        .collect();
    assert_eq!(codes[..6], ["CN", "KZ", "KG", "RU", "TJ", "UZ"]);
    assert!(codes.contains(&"BY".to_string()));
    ru.dyn_into::<HtmlElement>().unwrap().click();
    assert_eq!(*got.borrow(), vec!["RU".to_string()]);
}

#[wasm_bindgen_test]
async fn details_show_casualties_and_source_and_render_hostile_text_as_text() {
    let ds = dataset();
    let beslan = ds.event("beslan-2004").unwrap().clone();
    let root = self::root();
    let props = EventDetailsProps {
        dataset: ds.clone(),
        event: beslan,
        anchor: None,
        above: false,
        beside_mark: false,
        dispatch: Callback::noop(),
    };
    yew::Renderer::<EventDetails>::with_root_and_props(root.clone(), props).render();
    let cas = wait_for(&root, "[data-field=casualties]").await;
    assert_eq!(cas.text_content().unwrap(), "300 killed");
    let src = root
        .query_selector("[data-field=source]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        src.contains("High Frequency of Terrorist Activities"),
        "{src}"
    );

    // A hostile entry: markup in text fields stays text; a javascript: URL is not a link.
    let text = r#"{"countries":[{"code":"RU","status":"member"}],"sources":[{"id":"d"}],"events":[{"id":"x","kind":"incident","title":"<img src=x onerror=alert(1)>","date":"2004","countries":["RU"],"summary":"<script>alert(1)</script>","source":{"document":"d","section":"s","url":"javascript:alert(1)"}}]}"#;
    let hostile = Rc::new(load_json(text).dataset);
    let root2 = self::root();
    let root = root2;
    let props = EventDetailsProps {
        dataset: hostile.clone(),
        event: hostile.events[0].clone(),
        anchor: None,
        above: false,
        beside_mark: false,
        dispatch: Callback::noop(),
    };
    yew::Renderer::<EventDetails>::with_root_and_props(root.clone(), props).render();
    let h2 = wait_for(&root, "h2").await;
    assert_eq!(h2.text_content().unwrap(), "<img src=x onerror=alert(1)>");
    assert!(root.query_selector("img, script").unwrap().is_none());
    assert!(root.query_selector("a").unwrap().is_none());
}

/// A stand-in for the chart: a positioned box with the axis strip (`top` px
/// tall, above the first lane) and one mark, `x`, at (`mx`, `my`) in the box.
/// Placed at the top of the page, so box and viewport coordinates agree.
fn fake_chart(top: f64, mx: f64, my: f64) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    // The app's stylesheet (positions and sizes are the styles').
    if doc.get_element_by_id("app-styles").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("app-styles");
        style.set_text_content(Some(include_str!("../styles/main.css")));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    let chart = doc.create_element("div").unwrap();
    chart.set_attribute("data-testid", "chart").unwrap();
    chart.set_attribute("class", "chart").unwrap();
    let (w, h) = {
        let de = doc.document_element().unwrap();
        (de.client_width(), de.client_height())
    };
    // Test scaffolding only (the app never sets markup from strings).
    chart.set_inner_html(&format!(
        r#"<svg width="{w}" height="{h}" style="display:block"><rect class="lane-bg" x="0" y="{top}" width="{w}" height="{}"/><g class="mark" data-event-id="x"><circle cx="{mx}" cy="{my}" r="6"/></g></svg>"#,
        h as f64 - top
    ));
    let st = chart.dyn_ref::<HtmlElement>().unwrap().style();
    for (k, v) in [("position", "absolute"), ("left", "0"), ("top", "0")] {
        st.set_property(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&chart).unwrap();
    chart
}

fn rect(el: &Element) -> timeline_core::place::Rect {
    let r = el.get_bounding_client_rect();
    timeline_core::place::Rect::new(r.left(), r.top(), r.width(), r.height())
}

fn viewport() -> timeline_core::place::Rect {
    let de = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    timeline_core::place::Rect::new(
        0.0,
        0.0,
        de.client_width() as f64,
        de.client_height() as f64,
    )
}

/// Waits a few frames for effects (placement runs after render).
async fn settle() {
    for _ in 0..5 {
        TimeoutFuture::new(0).await;
    }
}

#[wasm_bindgen_test]
async fn the_chart_tooltip_stays_off_the_year_axis_and_inside_the_window() {
    // A mark in the first lane, just under the axis: above it is the axis, so it goes below.
    let chart = fake_chart(40.0, 300.0, 56.0);
    let host = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    chart.append_child(&host).unwrap();
    yew::Renderer::<ChartTooltip>::with_root_and_props(
        host.clone(),
        ChartTooltipProps {
            event_id: "x".into(),
            title: "Attack in a place with a long name".into(),
            date: "September 2004".into(),
            band: Some("Dashed: the source gives the month, not the day"),
        },
    )
    .render();
    let tip = wait_for(&host, "[data-testid=chart-tooltip]").await;
    settle().await;
    let (t, vp) = (rect(&tip), viewport());
    let axis = timeline_core::place::Rect::new(0.0, 0.0, vp.w, 40.0);
    assert!(!t.intersects(&axis), "over the axis: {t:?}");
    assert!(vp.contains(&t), "{t:?} outside {vp:?}");
    assert_eq!(tip.get_attribute("data-side").as_deref(), Some("below"));
    chart.remove();
}

#[wasm_bindgen_test]
async fn a_popover_for_a_mark_low_in_the_window_is_whole_inside_it() {
    // The Minsk metro case: a mark near the window's bottom right; the details are tall.
    let vp = viewport();
    let chart = fake_chart(30.0, vp.w - 40.0, vp.h - 30.0);
    let host = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    chart.append_child(&host).unwrap();
    let ds = dataset();
    let props = EventDetailsProps {
        dataset: ds.clone(),
        event: ds.event("beslan-2004").unwrap().clone(),
        anchor: Some((0.0, 0.0)),
        above: true,
        beside_mark: false,
        dispatch: Callback::noop(),
    };
    // The mark carries the event's id.
    chart
        .query_selector(".mark")
        .unwrap()
        .unwrap()
        .set_attribute("data-event-id", "beslan-2004")
        .unwrap();
    yew::Renderer::<EventDetails>::with_root_and_props(host.clone(), props).render();
    let d = wait_for(&host, "[data-testid=details]").await;
    settle().await;
    let r = rect(&d);
    assert!(r.y >= 0.0 && r.bottom() <= vp.h + 0.5, "{r:?} in {vp:?}");
    assert!(r.x >= 0.0 && r.right() <= vp.w + 0.5, "{r:?} in {vp:?}");
    // Its head is in view: the kind, the title's first line and the close button.
    for sel in [".close", ".details-kind", "h2"] {
        let e = rect(&d.query_selector(sel).unwrap().unwrap());
        assert!(e.y >= r.y - 0.5 && e.y >= 0.0 && e.y < vp.h, "{sel}: {e:?}");
    }
    chart.remove();
}

/// The story's card and player are plain functions: components around them
/// to mount them alone.
#[derive(Properties, PartialEq)]
struct CardProps {
    card: StoryCardProps,
}

#[function_component(Card)]
fn card(props: &CardProps) -> Html {
    story_card(&props.card)
}

#[derive(Properties, PartialEq)]
struct PlayerProps {
    player: StoryPlayerProps,
}

#[function_component(Player)]
fn player(props: &PlayerProps) -> Html {
    story_player(&props.player)
}

#[wasm_bindgen_test]
async fn a_story_card_shows_its_caption_as_text_and_links() {
    let root = root();
    yew::Renderer::<Card>::with_root_and_props(
        root.clone(),
        yew::props!(CardProps {
            card: StoryCardProps {
                title: "<b>Card</b>".into(),
                caption: "See https://isdp.eu/ and <script>x</script>".into(),
                story_title: AttrValue::default(),
            },
        }),
    )
    .render();
    let card = wait_for(&root, "[data-testid=story-card]").await;
    let h2 = card.query_selector("h2").unwrap().unwrap();
    assert_eq!(
        h2.text_content().unwrap(),
        "<b>Card</b>",
        "data is text, never HTML"
    );
    let a = card.query_selector("a").unwrap().unwrap();
    assert_eq!(a.get_attribute("href").unwrap(), "https://isdp.eu/");
    assert!(card.query_selector("script, b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_story_player_says_where_it_is_and_steps() {
    use sco_timeline::state::{StoryAction, StoryState};
    use timeline_core::story::{Draft, Scene, Story};
    let scenes = (1..=3)
        .map(|i| Scene {
            title: format!("Scene title {i}"),
            view: (i != 2).then(Default::default),
            caption: "A caption".into(),
            ..Default::default()
        })
        .collect();
    let story = StoryState {
        draft: Draft::new(Story {
            title: "T".into(),
            scenes,
            ..Default::default()
        }),
        playing: Some(0),
        ..Default::default()
    };
    let got = Rc::new(RefCell::new(Vec::new()));
    let sink = got.clone();
    let dispatch = Callback::from(move |a: Action| {
        if let Action::Story(s) = a {
            sink.borrow_mut().push(s)
        }
    });
    let root = root();
    yew::Renderer::<Player>::with_root_and_props(
        root.clone(),
        yew::props!(PlayerProps {
            player: StoryPlayerProps {
                story: Rc::new(story),
                dispatch,
                read_only: false,
            },
        }),
    )
    .render();
    let count = wait_for(&root, "[data-testid=scene-count]").await;
    assert_eq!(count.text_content().unwrap(), "Scene 1 of 3");
    let current = root.query_selector("[aria-current=step]").unwrap().unwrap();
    assert_eq!(current.get_attribute("data-scene").unwrap(), "1");
    root.query_selector("[data-action=scene-next]")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(*got.borrow(), vec![StoryAction::Step(1)]);
}
