//! Reading a submission file into a [`Document`], whatever its format: the format is
//! told from the content (magic bytes, markup), the extension only breaks a tie.
//!
//! Every reader works within [`Limits`]: a file larger than `max_bytes` is refused
//! before it is read, and archive members and extracted text are capped, so a hostile
//! file costs bounded memory and time.

mod archive;
mod docx;
mod docx_styles;
mod footnotes;
pub(crate) mod headings;
mod html;
mod html_depth;
pub(crate) mod hyphens;
pub(crate) mod lines;
pub(crate) mod listitems;
mod markdown;
mod meta;
mod pdf;
mod printable;
mod sniff;
mod text;

use std::path::Path;

use super::document::Document;
use crate::diagnostic::{Diagnostic, Kind};

pub use sniff::sniff;

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
    from_bytes(read_bounded(path, limits)?, path, limits)
}

/// Reads a submission's bytes (already read within `limits.max_bytes`); `path` names
/// it in errors and, for text, breaks the tie between plain text and Markdown.
pub fn from_bytes(
    bytes: Vec<u8>,
    path: &Path,
    limits: Limits,
) -> Result<(Format, Document), Diagnostic> {
    let (format, mut document) = match sniff::binary_format(&bytes, path)? {
        Some(Format::Pdf) => (Format::Pdf, pdf::read(&bytes, path, limits)?),
        Some(_) => (Format::Docx, docx::read(&bytes, path, limits)?),
        None => {
            let text = sniff::decode(bytes, path)?;
            if text.len() as u64 > limits.max_text {
                return Err(Diagnostic::new(
                    Kind::Import,
                    path,
                    format!(
                        "its text is {} bytes, over the {} bytes an import reads",
                        text.len(),
                        limits.max_text
                    ),
                )
                .help("split the submission"));
            }
            let format = sniff::text_format(&text, path);
            // Markdown too: its HTML blocks are read by the HTML parser.
            if matches!(format, Format::Html | Format::Markdown) && html_depth::too_deep(&text) {
                return Err(Diagnostic::new(
                    Kind::Import,
                    path,
                    format!(
                        "its HTML elements nest more than {} deep, past any real page",
                        html_depth::MAX_NESTING
                    ),
                )
                .help("save the submission as PDF, .docx or text"));
            }
            let document = match format {
                Format::Markdown => markdown::read(&text),
                Format::Html => html::read(&text),
                _ => text::read(&text),
            };
            (format, document)
        }
    };
    printable::document(&mut document);
    if document.blocks.is_empty() {
        return Err(Diagnostic::new(
            Kind::Import,
            path,
            format!("no text found in this {}", describe(format)),
        )
        .help("check that this is the submission's file and that it is not empty"));
    }
    Ok((format, document))
}

/// The format's name in messages.
fn describe(format: Format) -> &'static str {
    match format {
        Format::Text => "text file",
        Format::Markdown => "Markdown file",
        Format::Html => "HTML page",
        Format::Docx => "Word document",
        Format::Pdf => "PDF",
    }
}

/// The file's bytes, refusing a special file and a file over `limits.max_bytes` from
/// its metadata before anything is read: a 200 MB file costs nothing, and a named
/// pipe never blocks the import.
fn read_bounded(path: &Path, limits: Limits) -> Result<Vec<u8>, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| Diagnostic::io(path, "read", &e))?;
    if !meta.is_file() {
        return Err(Diagnostic::new(
            Kind::Import,
            path,
            format!(
                "is {}, not a regular file: it is not read",
                crate::load::describe_type(&meta.file_type())
            ),
        )
        .help("give the path of the submission's file itself"));
    }
    let max = limits.max_bytes;
    if meta.len() > max {
        return Err(too_large(path, meta.len(), max));
    }
    // The shared reader checks the type again on the open file and reads through
    // `take()`, so a file that grows meanwhile still stops at the limit.
    crate::load::read_regular(path, path, Some(max)).map_err(|mut d| {
        if d.kind != Kind::Io {
            d.kind = Kind::Import;
        }
        d
    })
}

/// The error for a file over the size limit, naming both.
fn too_large(path: &Path, size: u64, max: u64) -> Diagnostic {
    Diagnostic::new(
        Kind::Import,
        path,
        format!(
            "the file is {} ({size} bytes), over the import limit of {} ({max} bytes): it is not read",
            megabytes(size),
            megabytes(max)
        ),
    )
    .help(
        "a submission's text is rarely over a few megabytes: save it without embedded \
         images or media (or as text), or split it",
    )
}

/// A size in megabytes with one decimal, for messages ("200.0 MB").
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}
