//! The drawing code, rendered natively into SVG and checked against the data:
//! bars per kind and year, totals, labels, hit rectangles — not pixels.

use plotters::prelude::*;
use timeline_charts::{draw_countries, draw_per_year, slide_svg, ChartStyle, Target};
use timeline_core::stats::Stats;
use timeline_core::urlstate::decode;
use timeline_core::{load_json, Dataset, BUILTIN_DATASET};

fn ds() -> Dataset {
    load_json(BUILTIN_DATASET).dataset
}

/// The text contents of an SVG (plotters writes each on its own line).
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
                .map(|(c, _)| c.trim().to_string())
        })
        .collect()
}

/// Filled rectangles of a colour (bars), not the translucent bands.
fn bars(svg: &str, hex: &str) -> usize {
    svg.split("<rect")
        .skip(1)
        .filter(|r| {
            let r = r.split('>').next().unwrap_or("");
            r.contains(&format!("fill=\"{hex}\"")) && !r.contains("opacity=\"0.3\"")
        })
        .count()
}

#[test]
fn per_year_chart_draws_a_bar_per_kind_and_year_and_the_totals() {
    let ds = ds();
    for query in [
        "",
        "c=RU",
        "k=incident,exercise&c=KZ,UZ",
        "from=2005&to=2008",
    ] {
        let view = decode(query).state;
        let shown = view.filter.apply(&ds);
        let stats = Stats::compute(&ds, &shown);
        let mut svg = String::new();
        let hits = {
            let root = SVGBackend::with_string(&mut svg, (900, 320)).into_drawing_area();
            let hits = draw_per_year(&root, &stats, &ChartStyle::default()).unwrap();
            root.present().unwrap();
            hits
        };
        // One hit per year of the span; each names its total.
        assert_eq!(hits.len(), stats.years.len(), "{query}");
        for (h, row) in hits.iter().zip(&stats.years) {
            assert_eq!(h.target, Target::Year(row.year));
            assert!(
                h.label
                    .starts_with(&format!("{}: {} event", row.year, row.total())),
                "{query}: {}",
                h.label
            );
            assert!(h.x0 < h.x1 && h.y0 < h.y1);
        }
        // A bar segment per (year, kind) with events, in the kind's colour.
        for k in ds.kinds() {
            let want = stats
                .years
                .iter()
                .filter(|y| y.by_kind[k.index()] > 0)
                .count();
            let hex = match ds.category(k).id.as_str() {
                "incident" => "#D55E00",
                "exercise" => "#0072B2",
                "statement" => "#009E73",
                "document" => "#8E4F87",
                _ => "#B27A00",
            };
            assert_eq!(bars(&svg, hex), want, "{query}: {k:?} bars");
        }
        // Totals above the bars and the year labels are text.
        let t = texts(&svg);
        for row in stats.years.iter().filter(|y| y.total() > 0) {
            assert!(
                t.contains(&row.total().to_string()),
                "{query}: total {} of {} missing",
                row.total(),
                row.year
            );
        }
        assert!(
            t.contains(&stats.years[0].year.to_string()),
            "{query}: first year label"
        );
        assert!(t.contains(&"Events per year, by kind".to_string()));
    }
}

#[test]
fn hits_map_a_pointer_back_to_the_year_or_country_under_it() {
    let ds = ds();
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let stats = Stats::compute(&ds, &shown);
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
    let hits = draw_countries(&root, &stats, &ChartStyle::default()).unwrap();
    let ru = hits
        .iter()
        .find(|h| h.target == Target::Country("RU".into()))
        .unwrap();
    let (cx, cy) = ((ru.x0 + ru.x1) / 2, (ru.y0 + ru.y1) / 2);
    let under: Vec<&Target> = hits
        .iter()
        .filter(|h| h.contains(cx, cy))
        .map(|h| &h.target)
        .collect();
    assert_eq!(under, vec![&Target::Country("RU".into())]);
    assert_eq!(
        ru.label,
        format!(
            "Russia: {} events",
            stats.countries.iter().find(|c| c.0 == "RU").unwrap().2
        )
    );
}

#[test]
fn the_slide_shows_title_filters_counts_and_source() {
    let ds = ds();
    let view = decode("c=RU&k=incident").state;
    let svg = slide_svg(&ds, &view, 1920, 1080).unwrap();
    assert!(
        svg.starts_with("<svg")
            && svg.contains("width=\"1920\"")
            && svg.contains("height=\"1080\"")
    );
    let t = texts(&svg);
    let n = view.filter.apply(&ds).len();
    assert!(t.contains(&ds.meta.title));
    assert!(
        t.contains(&format!(
            "Countries: Russia · Kinds: attacks — showing {n} of 65 events"
        )),
        "{:?}",
        &t[..3]
    );
    assert!(t.iter().any(|x| x.starts_with("Source: Zhao Xiaodong")));
    // Every shown incident is drawn (a circle each), labels included where they fit.
    assert_eq!(svg.matches("<circle").count(), n);
    assert!(t.contains(&"Beslan".to_string()));
}

#[test]
fn empty_selections_draw_a_message_not_an_error() {
    let ds = ds();
    let view = decode("c=none").state;
    let svg = slide_svg(&ds, &view, 1280, 720).unwrap();
    assert!(
        texts(&svg)
            .iter()
            .filter(|t| *t == "No events shown")
            .count()
            == 3
    );
}

#[test]
fn the_slide_carries_the_map_of_states_with_its_shades_and_attribution() {
    let ds = ds();
    let view = decode("c=KZ&k=exercise").state;
    let svg = slide_svg(&ds, &view, 1920, 1080).unwrap();
    let t = texts(&svg);
    assert!(t.contains(&"Events by state".to_string()), "{t:?}");
    assert!(t.iter().any(|x| x.contains("Natural Earth")));
    // Every state with an exercise is filled with a shade darker than "none".
    let counts = view.filter.facet_counts(&ds);
    let mv = timeline_core::map::map_view(
        &ds,
        &counts,
        view.filter.countries.as_ref(),
        &timeline_core::map::MapShapes::builtin(),
    );
    for item in mv.shaped.iter().filter(|i| i.count > 0) {
        let c = timeline_charts::map_chart::SHADES[item.shade];
        let hex = format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        let filled = svg.split("<polygon").skip(1).any(|p| {
            p.split('>')
                .next()
                .unwrap_or("")
                .contains(&format!("fill=\"{hex}\""))
        });
        assert!(filled, "{}: {hex}", item.code);
    }
}
