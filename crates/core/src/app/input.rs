//! Text that arrives without a text box: a file dropped on the page, or a
//! paste while no text field has focus. Two decisions live here, with no
//! browser in them: whether a file's bytes are text the page can read
//! ([`file_text`], [`check_file_size`]), and which step gets the text (the
//! pane it was dropped on, else the first empty step, else the user is
//! asked: `Action::Place` and `Question::WhichStep` in `reduce.rs`).
//!
//! A file is read in the page (the File API) and nowhere else. What is too
//! big or not text gets a [`FileProblem`] that says what it is, and nothing
//! the user had is touched.

use std::fmt;

use crate::parse::limits::MAX_PASTE_BYTES;
use crate::text::thousands;

/// The biggest file the page reads: what the parser reads of a paste
/// (`parse::limits::MAX_PASTE_BYTES`); a bigger file would be cut anyway.
pub const MAX_FILE_BYTES: usize = MAX_PASTE_BYTES;

/// How many leading bytes are searched for a NUL (a binary file has one
/// early; text never does).
const SNIFF_BYTES: usize = 8 * 1024;

/// Why a file was not put in a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Bigger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
    /// Its first bytes are those of a known binary format (`kind`: "a PNG image").
    Binary { kind: &'static str },
    /// A NUL byte, or bytes that are not UTF-8 (`line`: 1-based, where).
    NotText { line: usize },
    /// Nothing in it.
    Empty,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::TooLarge { bytes } => write!(
                f,
                "it is too large ({} bytes; the page reads files up to {} MB)",
                thousands(*bytes as usize),
                MAX_FILE_BYTES / 1_000_000
            ),
            FileProblem::Binary { kind } => write!(f, "it is {kind}, not text"),
            FileProblem::NotText { line } => write!(
                f,
                "it is not text (binary or not UTF-8 bytes on line {line})"
            ),
            FileProblem::Empty => write!(f, "it is empty"),
        }
    }
}

/// Refuses a file by its size, before it is read.
pub fn check_file_size(bytes: u64) -> Result<(), FileProblem> {
    if bytes > MAX_FILE_BYTES as u64 {
        Err(FileProblem::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// Refuses a file by the type the browser gives it (its MIME type, from the
/// name), before it is read: images, audio, video and archives are not text.
pub fn check_file_type(mime: &str) -> Result<(), FileProblem> {
    let kind = match mime {
        m if m.starts_with("image/") => "an image",
        m if m.starts_with("audio/") => "a sound file",
        m if m.starts_with("video/") => "a video",
        "application/pdf" => "a PDF document",
        "application/zip" | "application/gzip" | "application/x-gzip" | "application/x-tar" => {
            "an archive"
        }
        _ => return Ok(()),
    };
    Err(FileProblem::Binary { kind })
}

/// The text of a file's bytes: UTF-8 (a byte-order mark dropped), or UTF-16
/// with its mark (what PowerShell's `>` writes). Known binary formats, NUL
/// bytes and invalid UTF-8 are refused, saying where.
pub fn file_text(bytes: &[u8]) -> Result<String, FileProblem> {
    check_file_size(bytes.len() as u64)?;
    if let Some(kind) = binary_kind(bytes) {
        return Err(FileProblem::Binary { kind });
    }
    if let Some(text) = utf16_text(bytes) {
        return text;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(not_text_at(bytes, at));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| not_text_at(bytes, e.valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(text.to_string())
}

/// The format a file's first bytes announce, when it is a binary one.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a zip archive"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program (ELF)"),
        (b"BM", "a BMP image"),
    ];
    let webp = bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP";
    if webp {
        return Some("a WebP image");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic) && !(magic == b"BM" && bytes.is_ascii()))
        .map(|(_, kind)| *kind)
}

/// UTF-16 text, when the bytes start with its byte-order mark.
fn utf16_text(bytes: &[u8]) -> Option<Result<String, FileProblem>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) if c != '\0' => text.push(c),
            _ => {
                let line = text.matches('\n').count() + 1;
                return Some(Err(FileProblem::NotText { line }));
            }
        }
    }
    Some(if text.trim().is_empty() {
        Err(FileProblem::Empty)
    } else {
        Ok(text)
    })
}

fn not_text_at(bytes: &[u8], at: usize) -> FileProblem {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    FileProblem::NotText { line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_is_read_and_its_mark_dropped() {
        assert_eq!(
            file_text(b"\xEF\xBB\xBFIMAGE  SIZE\n").unwrap(),
            "IMAGE  SIZE\n"
        );
    }

    #[test]
    fn utf16_with_a_mark_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("IMAGE é\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(file_text(&bytes).unwrap(), "IMAGE é\r\n");
    }

    #[test]
    fn binary_formats_are_named() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(
            file_text(png),
            Err(FileProblem::Binary {
                kind: "a PNG image"
            })
        );
        assert_eq!(
            file_text(png).unwrap_err().to_string(),
            "it is a PNG image, not text"
        );
        // Text that happens to start with "BM" is still text.
        assert!(file_text(b"BMW image\n").is_ok());
    }

    #[test]
    fn nul_bytes_and_bad_utf8_say_the_line() {
        assert_eq!(
            file_text(b"a\nb\n\0c"),
            Err(FileProblem::NotText { line: 3 })
        );
        assert_eq!(file_text(b"a\n\xFF"), Err(FileProblem::NotText { line: 2 }));
        assert_eq!(file_text(b" \n"), Err(FileProblem::Empty));
    }

    #[test]
    fn size_and_type_are_checked_before_reading() {
        assert!(check_file_size(MAX_FILE_BYTES as u64).is_ok());
        let big = check_file_size(MAX_FILE_BYTES as u64 + 1).unwrap_err();
        assert!(big.to_string().contains("up to 20 MB"), "{big}");
        assert!(check_file_type("image/png").is_err());
        assert!(check_file_type("text/plain").is_ok());
        assert!(check_file_type("").is_ok());
    }
}
