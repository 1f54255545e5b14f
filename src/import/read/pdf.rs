//! PDF submissions (text-layer PDFs). Another part of issue 14 builds this reader; until
//! then a PDF is refused with a clear error.

use std::path::Path;

use super::Limits;
use crate::diagnostic::{Diagnostic, Kind};
use crate::import::document::Document;

/// Reads a PDF's text layer.
pub(super) fn read(bytes: &[u8], path: &Path, limits: Limits) -> Result<Document, Diagnostic> {
    let _ = (bytes, limits);
    Err(
        Diagnostic::new(Kind::Import, path, "PDF reading is not built yet")
            .help("save the submission as .docx, HTML or text in the meantime"),
    )
}
