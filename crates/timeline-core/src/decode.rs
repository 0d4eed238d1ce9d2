//! Bytes to text, as browsers read a file of unknown encoding (the WHATWG
//! Encoding standard, through `encoding_rs`): a byte-order mark decides
//! (UTF-8, UTF-16 LE or BE); without one, valid UTF-8 is UTF-8 and anything
//! else is Windows-1252, the default browsers use for Western text. Every
//! importer reads the text this gives, so a file and a link read the same.

use crate::problem::{Problem, ProblemKind};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

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
fn bare_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
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
        Some(UTF_16LE)
    } else if zeros(0) * 10 >= half * 7 && zeros(1) == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes a file's bytes (see the module's documentation); never fails.
/// Plain UTF-8 is taken as it is, without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if Encoding::for_bom(&bytes).is_none() && bare_utf16(&bytes).is_none() {
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
    let (enc, bom) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (Some(enc), len),
        None => (bare_utf16(bytes), 0),
    };
    if let Some(enc) = enc {
        let (text, errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        let name = enc.name();
        let why = if bom > 0 {
            "its byte-order mark says so"
        } else {
            "it has no byte-order mark, but its bytes are UTF-16"
        };
        let msg = match (enc == encoding_rs::UTF_8, errors) {
            (true, false) => None,
            (_, false) => Some(format!("the file was read as {name} text ({why})")),
            (_, true) => Some(format!(
                "the file was read as {name} text ({why}), but some of its bytes are not {name}: they show as \u{fffd}"
            )),
        };
        return Decoded {
            text: text.into_owned(),
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
            let at = e.valid_up_to();
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                encoding: WINDOWS_1252.name(),
                notice: notice(format!(
                    "the file is not UTF-8 (byte {} is not), so it was read as Windows-1252, as browsers do; \
                     if letters look wrong, save the file as UTF-8 and open it again",
                    at + 1
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
}
