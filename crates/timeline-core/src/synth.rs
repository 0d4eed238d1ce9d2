//! A deterministic generator of synthetic datasets in the documented format,
//! for tests and benchmarks: N events over several kinds and countries, with
//! spans and every date precision, from a seed.

use std::fmt::Write;

/// A small, fast, seedable PRNG (xorshift64*): the same seed gives the same dataset everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Countries of the synthetic datasets: the six members, then others.
pub const COUNTRIES: [(&str, &str, &str); 10] = [
    ("CN", "China", "member"),
    ("KZ", "Kazakhstan", "member"),
    ("KG", "Kyrgyzstan", "member"),
    ("RU", "Russia", "member"),
    ("TJ", "Tajikistan", "member"),
    ("UZ", "Uzbekistan", "member"),
    ("MN", "Mongolia", "observer"),
    ("IN", "India", "observer"),
    ("PK", "Pakistan", "observer"),
    ("AF", "Afghanistan", "observer"),
];

const KINDS: [&str; 5] = ["incident", "exercise", "statement", "document", "milestone"];
const PLACES: [&str; 8] = [
    "Moscow", "Bishkek", "Tashkent", "Astana", "Dushanbe", "Kashgar", "Urumqi", "Almaty",
];

/// A dataset of `n` events from 2001 to 2012 as JSON text.
pub fn generate(n: usize, seed: u64) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(n * 330 + 2048);
    out.push_str("{\"format\":\"sco-timeline/1\",\"title\":\"Synthetic dataset\",");
    let _ = write!(
        out,
        "\"description\":\"{n} synthetic events, seed {seed}\","
    );
    out.push_str("\"sources\":[{\"id\":\"synthetic\",\"title\":\"Generated\"}],\"countries\":[");
    for (i, (code, name, status)) in COUNTRIES.iter().enumerate() {
        let _ = write!(
            out,
            "{}{{\"code\":\"{code}\",\"name\":\"{name}\",\"status\":\"{status}\",\"since\":2001}}",
            if i > 0 { "," } else { "" }
        );
    }
    out.push_str("],\"events\":[\n");
    for i in 0..n {
        let kind = KINDS[(r.below(100) as usize * KINDS.len() / 100).min(4)];
        let year = 2001 + r.below(12);
        let month = 1 + r.below(12);
        let day = 1 + r.below(28);
        let precision = r.below(10);
        let date = match precision {
            0 => format!("{year}"),
            1..=4 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let end = if kind == "exercise" && precision > 4 {
            let len = 1 + r.below(20);
            let d = (day + len).min(28);
            format!(",\"end\":\"{year}-{month:02}-{d:02}\"")
        } else {
            String::new()
        };
        let c1 = COUNTRIES[r.below(COUNTRIES.len() as u64) as usize].0;
        let countries = if r.below(5) == 0 {
            let c2 = COUNTRIES[r.below(6) as usize].0;
            if c2 != c1 {
                format!("\"{c1}\",\"{c2}\"")
            } else {
                format!("\"{c1}\"")
            }
        } else {
            format!("\"{c1}\"")
        };
        let scope = if matches!(kind, "statement" | "document") {
            ",\"scope\":\"organisation\""
        } else {
            ""
        };
        let place = PLACES[r.below(PLACES.len() as u64) as usize];
        let casualties = if kind == "incident" && r.below(2) == 0 {
            format!(
                ",\"casualties\":{{\"killed\":{},\"wounded\":{}}}",
                r.below(50),
                r.below(120)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{}{{\"id\":\"ev-{i}\",\"kind\":\"{kind}\",\"title\":\"Synthetic {kind} {i}\",\"date\":\"{date}\"{end},\"countries\":[{countries}],\"places\":[\"{place}\"]{casualties}{scope},\"summary\":\"A generated {kind} near {place}.\",\"source\":{{\"document\":\"synthetic\",\"section\":\"row {i}\"}}}}",
            if i > 0 { "," } else { "" }
        );
    }
    out.push_str("]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_json;

    #[test]
    fn generates_a_valid_deterministic_dataset() {
        let a = generate(2000, 7);
        assert_eq!(a, generate(2000, 7), "same seed, same text");
        assert_ne!(a, generate(2000, 8));
        let loaded = load_json(&a);
        assert!(
            loaded.problems.is_empty(),
            "{:?}",
            &loaded.problems[..loaded.problems.len().min(3)]
        );
        assert_eq!(loaded.dataset.events.len(), 2000);
        let kinds: std::collections::BTreeSet<_> =
            loaded.dataset.events.iter().map(|e| e.kind).collect();
        assert_eq!(kinds.len(), 5);
        assert!(loaded.dataset.events.iter().any(|e| e.end.is_some()));
    }
}
