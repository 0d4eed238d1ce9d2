//! Renders a view of a dataset to an SVG file, for a static picture in a slide deck.
//!
//! render-svg [--data FILE] [--query QUERY] [--size WxH] [--out FILE]
//!
//! QUERY is the app's link format (see README): `c=RU,KZ&k=incident&from=2004&g=country`.
use std::process::ExitCode;
use timeline_core::urlstate::{decode, sanitize};

fn main() -> ExitCode {
    let mut data = "data/events.json".to_string();
    let mut query = String::new();
    let mut out = "timeline.svg".to_string();
    let (mut w, mut h) = (1920u32, 1080u32);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_default();
        match a.as_str() {
            "--data" => data = val(),
            "--query" => query = val(),
            "--out" => out = val(),
            "--size" => {
                let v = val();
                match v
                    .split_once('x')
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                {
                    Some((a, b)) if a >= 320 && b >= 200 => (w, h) = (a, b),
                    _ => {
                        eprintln!("--size wants WIDTHxHEIGHT, at least 320x200, not {v:?}");
                        return ExitCode::from(2);
                    }
                }
            }
            "-h" | "--help" => {
                println!("render-svg [--data FILE] [--query QUERY] [--size WxH] [--out FILE]");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument {other:?} (try --help)");
                return ExitCode::from(2);
            }
        }
    }
    let text = match std::fs::read_to_string(&data) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {data}: {e}");
            return ExitCode::from(1);
        }
    };
    let loaded = timeline_core::load_any(&text, &data);
    for p in &loaded.problems {
        eprintln!("warning: {p}");
    }
    let mut d = decode(&query);
    d.ignored.extend(sanitize(&mut d.state, &loaded.dataset));
    for i in &d.ignored {
        eprintln!("warning: ignored {i}");
    }
    match timeline_charts::slide_svg(&loaded.dataset, &d.state, w, h) {
        Ok(svg) => match std::fs::write(&out, svg) {
            Ok(()) => {
                println!(
                    "wrote {out} ({} of {} events)",
                    d.state.filter.apply(&loaded.dataset).len(),
                    loaded.dataset.events.len()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot write {out}: {e}");
                ExitCode::from(1)
            }
        },
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
