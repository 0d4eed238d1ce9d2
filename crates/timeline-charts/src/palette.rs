//! Colours, the same as styles/main.css (Okabe–Ito, colour-blind safe).
use plotters::style::RGBColor;
use timeline_core::Category;

pub const INK: RGBColor = RGBColor(0x1d, 0x24, 0x30);
pub const MUTED: RGBColor = RGBColor(0x5b, 0x64, 0x72);
pub const LINE: RGBColor = RGBColor(0xd9, 0xdd, 0xe3);
pub const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
pub const KILLED: RGBColor = RGBColor(0x7a, 0x1f, 0x1f);
// 3.8:1 on white (a mark against its paper needs 3:1).
pub const WOUNDED: RGBColor = RGBColor(0xc9, 0x6a, 0x2f);
pub const BAR: RGBColor = RGBColor(0x1f, 0x5f, 0xa8);

/// A category's colour (declared, or its palette slot's in the light theme).
pub fn kind(c: &Category) -> RGBColor {
    let hex = c.colour_hex().trim_start_matches('#');
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x55)
    };
    RGBColor(byte(0), byte(2), byte(4))
}

/// The colours a statistics chart is drawn in, one set per theme, as the
/// stylesheet's themes (styles/main.css): text 4.5:1 and marks 3:1 or more on
/// the paper (tests below).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colours {
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub line: RGBColor,
    pub paper: RGBColor,
    pub killed: RGBColor,
    pub wounded: RGBColor,
    pub bar: RGBColor,
    /// The categories' palette slots (a declared colour is kept).
    pub slots: [RGBColor; 8],
}

fn hex(h: &str) -> RGBColor {
    let h = h.trim_start_matches('#');
    let byte = |i: usize| {
        h.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x55)
    };
    RGBColor(byte(0), byte(2), byte(4))
}

impl Colours {
    pub fn light() -> Self {
        Colours {
            ink: INK,
            muted: MUTED,
            line: LINE,
            paper: PAPER,
            killed: KILLED,
            wounded: WOUNDED,
            bar: BAR,
            slots: timeline_core::category::PALETTE.map(hex),
        }
    }
    pub fn dark() -> Self {
        Colours {
            ink: hex("#e8ecf1"),
            muted: hex("#a6b0bd"),
            line: hex("#343d49"),
            paper: hex("#1c222b"),
            killed: hex("#e06060"),
            wounded: hex("#e08e5a"),
            bar: hex("#7fb0ff"),
            slots: DARK_SLOTS.map(hex),
        }
    }
    pub fn contrast() -> Self {
        Colours {
            ink: hex("#ffffff"),
            muted: hex("#f0f0f0"),
            line: hex("#8a8a8a"),
            paper: hex("#000000"),
            killed: hex("#ff7a7a"),
            wounded: hex("#ffb36b"),
            bar: hex("#ffd400"),
            slots: CONTRAST_SLOTS.map(hex),
        }
    }
    /// A category's colour in this theme.
    pub fn kind(&self, c: &Category) -> RGBColor {
        match &c.colour {
            Some(h) => hex(h),
            None => self.slots[c.slot as usize % self.slots.len()],
        }
    }
}

/// The slots in the dark theme (styles/main.css `:root[data-theme=dark]`).
pub const DARK_SLOTS: [&str; 8] = [
    "#d55e00", "#3b95d6", "#009e73", "#b06fa8", "#b27a00", "#b8488f", "#a8a8a8", "#6cb8e0",
];
/// The slots in the high-contrast theme.
pub const CONTRAST_SLOTS: [&str; 8] = [
    "#ff7a33", "#5cb8ff", "#3be0a8", "#e79bf0", "#ffd400", "#ff8fd0", "#d0d0d0", "#8fd3ff",
];

/// WCAG's contrast ratio of two colours.
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    fn lum(c: RGBColor) -> f64 {
        let f = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_reads_text_at_4_5_and_marks_at_3() {
        for (name, c) in [
            ("light", Colours::light()),
            ("dark", Colours::dark()),
            ("contrast", Colours::contrast()),
        ] {
            for (what, fg) in [("ink", c.ink), ("muted", c.muted)] {
                let r = contrast_ratio(fg, c.paper);
                assert!(r >= 4.5, "{name} {what}: {r:.2}");
            }
            let marks = [("killed", c.killed), ("wounded", c.wounded), ("bar", c.bar)];
            for (what, fg) in marks
                .into_iter()
                .chain(c.slots.iter().map(|s| ("slot", *s)))
            {
                let r = contrast_ratio(fg, c.paper);
                assert!(r >= 3.0, "{name} {what} {fg:?}: {r:.2}");
            }
        }
    }
}
