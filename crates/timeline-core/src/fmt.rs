//! Small text helpers for drawing: numbers written without the standard
//! library's float formatting (a large piece of code in a wasm module, and slow
//! on a hot path), and labels cut to a width. A leaf: it imports nothing of the crate.

/// `v` rounded to one decimal, as SVG attributes take it: "12.5", "-3", "0.1".
/// Not finite: "0".
pub fn px(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let t = (v * 10.0).round() as i64;
    let (sign, t) = if t < 0 { ("-", -t) } else { ("", t) };
    match t % 10 {
        0 => format!("{sign}{}", t / 10),
        d => format!("{sign}{}.{d}", t / 10),
    }
}

/// `v` rounded to a whole number: "12", "-3". Not finite: "0".
pub fn px0(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    (v.round() as i64).to_string()
}

/// `v` rounded to two decimals (opacities, symbol points): "0.45", "1", "-2.5".
pub fn px2(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let t = (v * 100.0).round() as i64;
    let (sign, t) = if t < 0 { ("-", -t) } else { ("", t) };
    match t % 100 {
        0 => format!("{sign}{}", t / 100),
        d if d % 10 == 0 => format!("{sign}{}.{}", t / 100, d / 10),
        d => format!("{sign}{}.{d:02}", t / 100),
    }
}

/// `label` cut to `chars` characters, with an ellipsis when cut.
pub fn cut(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        return label.to_string();
    }
    let mut t: String = label.chars().take(chars.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// "7", "312", "1.2k", "15k", "1.2M": a count that fits a density bin.
pub fn short_count(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1000..=9_999 => format!("{}.{}k", n / 1000, n % 1000 / 100),
        10_000..=999_999 => format!("{}k", n / 1000),
        _ => format!("{}.{}M", n / 1_000_000, n % 1_000_000 / 100_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_without_float_formatting() {
        for (v, want) in [
            (12.0, "12"),
            (12.46, "12.5"),
            (-3.04, "-3"),
            (-0.06, "-0.1"),
            (0.04, "0"),
            (1234.56, "1234.6"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(px(v), want, "{v}");
        }
        for (v, want) in [(0.45, "0.45"), (1.0, "1"), (-2.5, "-2.5"), (0.071, "0.07")] {
            assert_eq!(px2(v), want, "{v}");
        }
        for (v, want) in [(12.4, "12"), (-2.6, "-3"), (f64::INFINITY, "0")] {
            assert_eq!(px0(v), want, "{v}");
        }
    }

    #[test]
    fn counts_and_cuts() {
        assert_eq!(short_count(7), "7");
        assert_eq!(short_count(1234), "1.2k");
        assert_eq!(short_count(15_600), "15k");
        assert_eq!(short_count(250_000), "250k");
        assert_eq!(short_count(1_250_000), "1.2M");
        assert_eq!(cut("Kyrgyzstan", 20), "Kyrgyzstan");
        assert_eq!(cut("Kyrgyzstan", 5), "Kyrg…");
    }
}
