//! The document's Info dictionary: Title, Author and CreationDate, with the titles
//! that authoring tools fill in on their own ("Microsoft Word - draft.docx",
//! "untitled") ignored.

use pdf_extract::{Dictionary, Document, Object};

/// What the Info dictionary states.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Info {
    pub(super) title: Option<String>,
    pub(super) author: Option<String>,
    /// `YYYY-MM-DD`.
    pub(super) created: Option<String>,
}

/// Reads the Info dictionary, if the document has one.
pub(super) fn info(doc: &Document) -> Info {
    let dict: Option<&Dictionary> = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => doc.get_object(*id).ok().and_then(|o| o.as_dict().ok()),
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let Some(dict) = dict else {
        return Info::default();
    };
    let text = |key: &[u8]| -> Option<String> {
        let object = match dict.get(key).ok()? {
            Object::Reference(id) => doc.get_object(*id).ok()?,
            other => other,
        };
        let Object::String(bytes, _) = object else {
            return None;
        };
        let text = decode(bytes)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (!text.is_empty()).then_some(text)
    };
    Info {
        title: text(b"Title").filter(|t| !tool_title(t)),
        author: text(b"Author").filter(|a| {
            !matches!(
                a.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
                "anonymous" | "unknown" | "user" | "author"
            )
        }),
        created: text(b"CreationDate").and_then(|d| date(&d)),
    }
}

/// A PDF text string: UTF-16 (big endian, after a byte order mark), UTF-8 (after its
/// mark, PDF 2.0), otherwise PDFDocEncoding, read here as Latin-1 (which it equals for
/// letters, digits and punctuation).
fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Whether a title is one an authoring tool made up rather than the document's own:
/// empty, "untitled", "Microsoft Word - report.docx", a file name.
fn tool_title(title: &str) -> bool {
    let t = title
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let file_name = [
        ".doc", ".docx", ".odt", ".rtf", ".pdf", ".indd", ".ppt", ".pptx", ".xls", ".xlsx", ".txt",
        ".tex", ".dvi", ".qxd", ".pages",
    ]
    .iter()
    .any(|ext| t.ends_with(ext));
    let placeholder = [
        "untitled",
        "title",
        "document",
        "presentation",
        "no title",
        "anonymous",
    ]
    .iter()
    .any(|p| t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ') == *p);
    t.is_empty() || t.starts_with("microsoft ") || file_name || placeholder
}

/// A PDF date ("D:20240315093000+01'00'") as `YYYY-MM-DD`; none unless it has a valid
/// year, month and day.
fn date(text: &str) -> Option<String> {
    let digits = text.trim().strip_prefix("D:").unwrap_or(text.trim());
    let digits = digits.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month: u32 = digits[4..6].parse().ok()?;
    let day: u32 = digits[6..8].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_pdf_form() {
        assert_eq!(
            date("D:20240315093000+01'00'").as_deref(),
            Some("2024-03-15")
        );
        assert_eq!(date("20231201").as_deref(), Some("2023-12-01"));
        assert_eq!(date("D:2024"), None);
        assert_eq!(date("D:20241399"), None);
        assert_eq!(date("yesterday"), None);
    }

    #[test]
    fn titles_tools_make_up() {
        for t in [
            "",
            "untitled",
            "Microsoft Word - report.docx",
            "draft_v3.pdf",
            "Document1",
            "(anonymous)",
        ] {
            assert!(tool_title(t), "{t}");
        }
        assert!(!tool_title("Digital Inclusion Report 2024"));
    }

    #[test]
    fn text_strings_in_their_encodings() {
        assert_eq!(decode(&[0xFE, 0xFF, 0x00, 0x41, 0x20, 0xAC]), "A€");
        assert_eq!(decode(b"Caf\xe9"), "Café");
        assert_eq!(decode(b"\xEF\xBB\xBFna\xC3\xAFve"), "naïve");
    }
}
