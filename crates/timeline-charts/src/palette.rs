//! Colours, the same as styles/main.css (Okabe–Ito, colour-blind safe).
use plotters::style::RGBColor;
use timeline_core::Category;

pub const INK: RGBColor = RGBColor(0x1d, 0x24, 0x30);
pub const MUTED: RGBColor = RGBColor(0x5b, 0x64, 0x72);
pub const LINE: RGBColor = RGBColor(0xd9, 0xdd, 0xe3);
pub const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
pub const KILLED: RGBColor = RGBColor(0x7a, 0x1f, 0x1f);
pub const WOUNDED: RGBColor = RGBColor(0xe0, 0x8e, 0x5a);
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
