//! Bytes to text, as browsers read a file of unknown encoding (the WHATWG
//! Encoding standard): a byte-order mark decides (UTF-8, UTF-16 LE or BE);
//! without one, valid UTF-8 is UTF-8 and anything else is Windows-1252, the
//! default browsers use for Western text. Every importer reads the text this
//! gives, so a file and a link read the same.
//!
//! Written out rather than taken from `encoding_rs`: the three decoders it
//! needs are a 32-entry table and `char::decode_utf16`, while linking
//! `encoding_rs` adds about 128 KB (gzipped) of other encodings' tables to
//! the app's first download. The tests check these decoders against
//! `encoding_rs` (a dev-dependency) byte for byte.

use crate::problem::{Problem, ProblemKind};

/// The names of the encodings this module reads, as [`Decoded::encoding`] gives them.
pub const ENCODINGS: [&str; 4] = ["UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252"];

/// An encoding this module reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Enc {
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Enc {
    fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "UTF-8",
            Enc::Utf16Le => "UTF-16LE",
            Enc::Utf16Be => "UTF-16BE",
        }
    }

    /// The encoding a byte-order mark names, and the mark's length.
    fn for_bom(bytes: &[u8]) -> Option<(Enc, usize)> {
        match bytes {
            [0xef, 0xbb, 0xbf, ..] => Some((Enc::Utf8, 3)),
            [0xff, 0xfe, ..] => Some((Enc::Utf16Le, 2)),
            [0xfe, 0xff, ..] => Some((Enc::Utf16Be, 2)),
            _ => None,
        }
    }

    /// Decodes without looking for a byte-order mark; true when some bytes
    /// were not of the encoding (each such sequence becomes U+FFFD).
    fn decode(self, bytes: &[u8]) -> (String, bool) {
        let unit = |p: &[u8]| match self {
            Enc::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
            _ => u16::from_le_bytes([p[0], p[1]]),
        };
        match self {
            Enc::Utf8 => {
                let text = String::from_utf8_lossy(bytes);
                let bad = matches!(text, std::borrow::Cow::Owned(_));
                (text.into_owned(), bad)
            }
            _ => {
                let mut bad = false;
                let mut out: String = char::decode_utf16(bytes.chunks_exact(2).map(unit))
                    .map(|c| {
                        c.unwrap_or_else(|_| {
                            bad = true;
                            char::REPLACEMENT_CHARACTER
                        })
                    })
                    .collect();
                // A last odd byte is half a code unit: one U+FFFD, shared with a
                // lead surrogate left open just before it (WHATWG: one error at the end).
                let open_lead = bytes
                    .chunks_exact(2)
                    .last()
                    .is_some_and(|p| (0xd800..0xdc00).contains(&unit(p)));
                if bytes.len() % 2 == 1 && !open_lead {
                    out.push(char::REPLACEMENT_CHARACTER);
                    bad = true;
                }
                (out, bad)
            }
        }
    }
}

/// Windows-1252's bytes 0x80–0x9F (the rest are U+0000–U+00FF as they are);
/// the five bytes it leaves undefined map to the C1 controls, as WHATWG says.
const CP1252_80: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// Windows-1252 to text: every byte is a character.
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => CP1252_80[usize::from(b - 0x80)],
            b => char::from(b),
        })
        .collect()
}

/// Text decoded from a file's bytes, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252".
    pub encoding: &'static str,
    /// What the user should know (anything but plain UTF-8): a notice that
    /// says how the file was read and how to have it read otherwise.
    pub notice: Option<Problem>,
}

fn notice(message: String) -> Option<Problem> {
    Some(Problem::file(ProblemKind::Notice, message))
}

/// UTF-16 without a byte-order mark, told by its zero bytes (text in Latin
/// letters has a zero in every other byte; no UTF-8 or Windows-1252 text does).
fn bare_utf16(bytes: &[u8]) -> Option<Enc> {
    let head = &bytes[..bytes.len().min(2048) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |odd: usize| {
        head.iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    if zeros(1) * 10 >= half * 7 && zeros(0) == 0 {
        Some(Enc::Utf16Le)
    } else if zeros(0) * 10 >= half * 7 && zeros(1) == 0 {
        Some(Enc::Utf16Be)
    } else {
        None
    }
}

/// Whether the bytes are UTF-16 text: a byte-order mark says so, or their
/// zero bytes do.
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    match Enc::for_bom(bytes) {
        Some((enc, _)) => enc != Enc::Utf8,
        None => bare_utf16(bytes).is_some(),
    }
}

/// Decodes a file's bytes (see the module's documentation); never fails.
/// Plain UTF-8 is taken as it is, without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if Enc::for_bom(&bytes).is_none() && bare_utf16(&bytes).is_none() {
        return match String::from_utf8(bytes) {
            Ok(text) => Decoded {
                text,
                encoding: "UTF-8",
                notice: None,
            },
            // Not UTF-8: the error gives the bytes back.
            Err(e) => decode(e.as_bytes()),
        };
    }
    decode(&bytes)
}

/// Decodes a file's bytes (see the module's documentation); never fails.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (enc, bom) = match Enc::for_bom(bytes) {
        Some((enc, len)) => (Some(enc), len),
        None => (bare_utf16(bytes), 0),
    };
    if let Some(enc) = enc {
        let (text, errors) = enc.decode(&bytes[bom..]);
        let name = enc.name();
        let why = if bom > 0 {
            "its byte-order mark says so"
        } else {
            "it has no byte-order mark, but its bytes are UTF-16"
        };
        let msg = match (enc == Enc::Utf8, errors) {
            (true, false) => None,
            (_, false) => Some(format!("the file was read as {name} text ({why})")),
            (_, true) => Some(format!(
                "the file was read as {name} text ({why}), but some of its bytes are not {name}: they show as \u{fffd}"
            )),
        };
        return Decoded {
            text,
            encoding: name,
            notice: msg.and_then(notice),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            notice: None,
        },
        Err(e) => {
            // Where, as the file's reader sees it: its line, not a byte's offset.
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Decoded {
                text: windows_1252(bytes),
                encoding: "windows-1252",
                notice: notice(format!(
                    "the file is not UTF-8 (from line {line}), so it was read as Windows-1252, as browsers do; \
                     if letters look wrong, save the file as UTF-8 and open it again"
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_utf16_and_windows_1252() {
        let d = decode("Genève".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding, d.notice),
            ("Genève", "UTF-8", None)
        );
        let d = decode(b"\xef\xbb\xbfGen\xc3\xa8ve");
        assert_eq!((d.text.as_str(), d.notice), ("Genève", None));
        let d = decode(b"Gen\xe8ve \x93quoted\x94");
        assert_eq!(d.text, "Genève “quoted”");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notice.unwrap().message.contains("Windows-1252"));
        // Where it stops being UTF-8 is said by the file's line.
        let d = decode(b"id,title\nb1,Gen\xe8ve\n");
        assert!(d.notice.unwrap().message.contains("(from line 2)"));
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Genève".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&le);
        assert_eq!((d.text.as_str(), d.encoding), ("Genève", "UTF-16LE"));
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("a,b\n1,2".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).text, "a,b\n1,2");
        let bare: Vec<u8> = "date,title\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bare).text, "date,title\n");
        assert_eq!(decode(b"").text, "");
    }

    /// The same text as `encoding_rs` (the decoder Firefox uses), byte for byte.
    #[test]
    fn agrees_with_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        let (want, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        assert_eq!(windows_1252(&all), want);
        let mut seed = 7u64;
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    // Many zeros and surrogate halves: the cases that go wrong.
                    [0u8, 0xd8, 0xdc, 0xdf, 0x41, (seed >> 33) as u8][(seed >> 60) as usize % 6]
                })
                .collect();
            for (ours, theirs) in [
                (Enc::Utf16Le, encoding_rs::UTF_16LE),
                (Enc::Utf16Be, encoding_rs::UTF_16BE),
                (Enc::Utf8, encoding_rs::UTF_8),
            ] {
                let (want, bad) = theirs.decode_without_bom_handling(&bytes);
                assert_eq!(
                    ours.decode(&bytes),
                    (want.into_owned(), bad),
                    "{ours:?} {bytes:?}"
                );
            }
        }
    }
}
