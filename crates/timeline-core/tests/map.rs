//! The map of states: shapes for every state the built-in data names, counts
//! equal to the chips', shades from a legend, other datasets' states listed.

use timeline_core::map::{map_view, MapShapes};
use timeline_core::{load_csv, load_json, Filter, BUILTIN_DATASET};

#[test]
fn every_state_of_the_built_in_data_has_a_shape_and_the_file_says_where_it_comes_from() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let shapes = MapShapes::builtin();
    assert!(
        shapes.attribution.contains("Natural Earth")
            && shapes.attribution.contains("public domain")
    );
    for c in &ds.meta.countries {
        let s = shapes
            .shape(&c.code)
            .unwrap_or_else(|| panic!("no shape for {}", c.code));
        let rings = s.points();
        assert!(
            !rings.is_empty() && rings.iter().all(|r| r.len() >= 4),
            "{}",
            c.code
        );
        assert!(s.d.starts_with('M') && s.d.ends_with('Z'));
        assert_eq!(
            s.d.matches('M').count(),
            rings.len(),
            "{}: every ring read back",
            c.code
        );
        // The stored bounds hold every point.
        let [x0, y0, x1, y1] = s.bbox;
        assert!(
            rings
                .iter()
                .flatten()
                .all(|&(x, y)| x >= x0 && x <= x1 && y >= y0 && y <= y1),
            "{}",
            c.code
        );
    }
    // Trimmed: only what the dataset names.
    assert_eq!(shapes.countries.len(), ds.meta.countries.len());
}

#[test]
fn shades_follow_the_chip_counts_under_the_other_filters() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let shapes = MapShapes::builtin();
    let f = Filter {
        countries: Some(["KZ".to_string()].into()),
        text: "exercise".into(),
        ..Filter::default()
    };
    let counts = f.facet_counts(&ds);
    let v = map_view(&ds, &counts, f.countries.as_ref(), &shapes);
    assert_eq!(v.shaped.len(), 14);
    assert!(v.unshaped.is_empty());
    for item in &v.shaped {
        // A click on the state shows what its count says.
        let click = Filter {
            countries: Some([item.code.clone()].into()),
            ..f.clone()
        };
        assert_eq!(click.apply(&ds).len(), item.count, "{}", item.code);
        let step = v
            .legend
            .iter()
            .find(|s| (s.lo..=s.hi).contains(&item.count));
        assert_eq!(item.shade, step.map_or(0, |s| s.shade), "{}", item.code);
        assert_eq!(item.selected, item.code == "KZ");
    }
    let (x, y, w, h) = v.view_box;
    assert!(
        w > 100.0 && h > 40.0 && x > 0.0 && y < -5.0,
        "{:?}",
        v.view_box
    );
}

#[test]
fn another_datasets_states_without_a_shape_are_listed_beside_the_map() {
    let text = "id,kind,title,date,countries,summary,source_document,source_section\n\
        a,incident,A,2010,SE,x,d,s\nb,incident,B,2011,RU;SE,x,d,s\nc,incident,C,2012,US,x,d,s\n";
    let ds = load_csv(text, "t").dataset;
    let v = map_view(
        &ds,
        &Filter::default().facet_counts(&ds),
        None,
        &MapShapes::builtin(),
    );
    let codes = |items: &[timeline_core::map::MapItem]| {
        items
            .iter()
            .map(|i| (i.code.clone(), i.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&v.shaped), [("RU".to_string(), 1)]);
    assert_eq!(
        codes(&v.unshaped),
        [("SE".to_string(), 2), ("US".to_string(), 1)]
    );
}
