//! Telling a submission's format from its content: magic bytes for PDF, DOCX and the
//! legacy Office formats, markup for HTML, structure for Markdown. The extension only
//! breaks a tie (a `.md` file with no Markdown structure is still read as Markdown).

use std::path::Path;

use super::Format;
use crate::diagnostic::{Diagnostic, Kind};

/// The format of the submission `bytes`, read from `path`; an error for a file that is
/// none of the formats read (another archive, an encrypted or legacy Word file, a
/// binary file, text that is not UTF-8).
pub fn sniff(bytes: &[u8], path: &Path) -> Result<Format, Diagnostic> {
    match binary_format(bytes, path)? {
        Some(format) => Ok(format),
        None => Ok(text_format(&decode(bytes.to_vec(), path)?, path)),
    }
}

/// How far into a file a PDF header may start (the specification lets junk precede it).
const PDF_HEADER_WINDOW: usize = 1024;
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// `Some` for a PDF or a DOCX, `None` for text; an error for another binary format.
pub(super) fn binary_format(bytes: &[u8], path: &Path) -> Result<Option<Format>, Diagnostic> {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Ok(Some(Format::Pdf));
    }
    if bytes.starts_with(ZIP_MAGIC) {
        // Member names are stored uncompressed in the local headers and the central
        // directory, so a DOCX names its main part in plain bytes.
        if memchr::memmem::find(bytes, b"word/document.xml").is_some() {
            return Ok(Some(Format::Docx));
        }
        return Err(refuse(
            path,
            "is a zip archive, but not a Word document (it holds no word/document.xml)",
            "an OpenDocument (.odt), Excel or PowerPoint file: open it and save it as .docx or PDF",
        ));
    }
    if bytes.starts_with(OLE2_MAGIC) {
        // Names inside a compound file are UTF-16: an encrypted OOXML file keeps its
        // package in a stream called "EncryptedPackage".
        let encrypted = utf16_name("EncryptedPackage");
        if memchr::memmem::find(bytes, &encrypted).is_some() {
            return Err(refuse(
                path,
                "is a password-protected (encrypted) Office document: its text cannot be read",
                "open it in Word and save it as .docx without a password",
            ));
        }
        let what = if memchr::memmem::find(bytes, &utf16_name("WordDocument")).is_some() {
            "is a legacy Word document (.doc), which is not read"
        } else {
            "is a legacy Office file (an OLE2 compound file), which is not read"
        };
        return Err(refuse(
            path,
            what,
            "open it in Word and save it as .docx (or PDF)",
        ));
    }
    Ok(None)
}

fn utf16_name(name: &str) -> Vec<u8> {
    name.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn refuse(path: &Path, message: &str, help: &str) -> Diagnostic {
    Diagnostic::new(Kind::Import, path, message).help(help)
}

/// How much of the start of a file is looked at for NUL bytes, which text never holds.
const BINARY_WINDOW: usize = 8192;

/// The text of a file that is not PDF or DOCX: UTF-8 (a byte-order mark dropped) or
/// UTF-16 with a byte-order mark; CRLF line ends become LF.
pub(super) fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|p| {
                if be {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| {
            refuse(
                path,
                "is not valid UTF-16 text, though it starts with a UTF-16 byte-order mark",
                "save the file as UTF-8 text",
            )
        })
    };
    let text = if bytes.starts_with(&[0xFF, 0xFE]) {
        utf16(false)?
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        utf16(true)?
    } else {
        if bytes[..bytes.len().min(BINARY_WINDOW)].contains(&0) {
            return Err(refuse(
                path,
                "is a binary file of a format that is not read (not PDF, DOCX, HTML or text)",
                "save the submission as PDF, .docx, HTML or text",
            ));
        }
        let mut text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            refuse(
                path,
                &format!("is not valid UTF-8 text: the byte at offset {offset} is not UTF-8"),
                "save the file as UTF-8 (a text editor's \"Save as\" offers the encoding)",
            )
        })?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        text
    };
    Ok(crate::load::lf_line_ends(text))
}

/// Whether `text` is HTML, Markdown or plain text.
pub(super) fn text_format(text: &str, path: &Path) -> Format {
    if is_html(text) {
        return Format::Html;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd") || markdown_score(text) >= 2 {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// HTML by its markup: a doctype or an `<html` tag near the start, or a text that
/// starts with a tag and closes common elements, or lines that are mostly tags.
fn is_html(text: &str) -> bool {
    let start = text.trim_start();
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.contains("<html") {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    const CLOSERS: &[&str] = &[
        "</p>", "</div>", "</body>", "</table>", "</li>", "</h1>", "</h2>", "</span>",
    ];
    if start.starts_with('<') && CLOSERS.iter().any(|c| lower.contains(c)) {
        return true;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tags = lines
        .iter()
        .filter(|l| {
            l.starts_with('<')
                && l.chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        })
        .count();
    lines.len() >= 3 && tags * 2 > lines.len()
}

/// Evidence that `text` is written in Markdown: ATX headings and links weigh 2 each,
/// each pair of `**` 1, and lists 1 in all (plain text has bullets too, so lists alone
/// never make Markdown).
fn markdown_score(text: &str) -> usize {
    let mut score = 0;
    let mut lists = false;
    for line in text.lines() {
        let t = line.trim_start();
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            score += 2;
        }
        if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
            lists = true;
        }
        if let Some(open) = t.find("](")
            && t[..open].contains('[')
            && t[open..].contains(')')
        {
            score += 2;
        }
    }
    // Strong emphasis may span lines: "**" in pairs anywhere.
    let strong = text.matches("**").count() / 2;
    score + strong + usize::from(lists)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(text: &str, name: &str) -> Format {
        text_format(text, Path::new(name))
    }

    #[test]
    fn text_formats_by_content() {
        assert_eq!(format("<!DOCTYPE html><p>x</p>", "a.txt"), Format::Html);
        assert_eq!(format("<p>One</p>\n<p>Two</p>", "a.txt"), Format::Html);
        assert_eq!(format("# Title\n\nText.", "a.txt"), Format::Markdown);
        assert_eq!(
            format("See [the site](https://example.org).", "a.txt"),
            Format::Markdown
        );
        assert_eq!(format("Title\n\n- one\n- two\n", "a.txt"), Format::Text);
        assert_eq!(format("Title\n\n- one\n- two\n", "a.md"), Format::Markdown);
        assert_eq!(
            format("We scored #1 in 2024 <with> care.", "a.html"),
            Format::Text
        );
    }

    #[test]
    fn decodes_utf16_and_reports_bad_utf8_offset() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Hé\r\nllo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(bytes, Path::new("a.txt")).unwrap(), "Hé\nllo");
        let err = decode(b"abc\xE9def".to_vec(), Path::new("a.txt")).unwrap_err();
        assert!(err.message.contains("offset 3"), "{}", err.message);
    }
}
