//! `synth N [seed] [json|csv|narrow]`: a synthetic dataset of N events on
//! stdout, as this timeline's JSON, its CSV (through its own export), or a
//! narrow CSV of five columns (id, kind, title, date, countries) as large
//! exports are often cut down to.
fn main() {
    let mut args = std::env::args().skip(1);
    let n = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000usize);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1u64);
    let json = timeline_core::synth::generate(n, seed);
    let form = args.next().unwrap_or_default();
    if form == "csv" || form == "narrow" {
        let ds = timeline_core::load_json(&json).dataset;
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let csv = timeline_core::export::to_csv(&ds, &all);
        if form == "csv" {
            print!("{csv}");
        } else {
            // Columns 0-3 and 5 of the export: id, kind, title, date, countries.
            let mut out = String::with_capacity(csv.len() / 2);
            let mut rows = csv::Reader::from_reader(csv.as_bytes());
            out.push_str("id,kind,title,date,countries\n");
            for row in rows.records().flatten() {
                let f = |i: usize| row.get(i).unwrap_or("");
                out.push_str(&format!("{},{},{},{},{}\n", f(0), f(1), f(2), f(3), f(5)));
            }
            print!("{out}");
        }
    } else {
        print!("{json}");
    }
}
