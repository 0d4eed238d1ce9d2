//! Colours, the same as styles/main.css (Okabe–Ito, colour-blind safe).
use plotters::style::RGBColor;
use timeline_core::Kind;

pub const INK: RGBColor = RGBColor(0x1d, 0x24, 0x30);
pub const MUTED: RGBColor = RGBColor(0x5b, 0x64, 0x72);
pub const LINE: RGBColor = RGBColor(0xd9, 0xdd, 0xe3);
pub const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
pub const KILLED: RGBColor = RGBColor(0x7a, 0x1f, 0x1f);
pub const WOUNDED: RGBColor = RGBColor(0xe0, 0x8e, 0x5a);
pub const BAR: RGBColor = RGBColor(0x1f, 0x5f, 0xa8);

pub fn kind(k: Kind) -> RGBColor {
    match k {
        Kind::Incident => RGBColor(0xd5, 0x5e, 0x00),
        Kind::Exercise => RGBColor(0x00, 0x72, 0xb2),
        Kind::Statement => RGBColor(0x00, 0x9e, 0x73),
        Kind::Document => RGBColor(0x8e, 0x4f, 0x87),
        Kind::Milestone => RGBColor(0xb2, 0x7a, 0x00),
    }
}
