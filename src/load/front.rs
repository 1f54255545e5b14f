//! Markdown files with front matter (reports, source documents): the YAML between the
//! opening and closing `---` lines, split from the text after it.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Kind, Location};

use super::yaml;

/// A Markdown file split at its front matter.
#[derive(Debug)]
pub(crate) struct Split<'t> {
    /// The YAML between the `---` lines; it starts on line 2 of the file.
    pub(crate) yaml: &'t str,
    /// The Markdown after the closing `---`.
    pub(crate) body: &'t str,
    /// The line of the file the body starts on, for positions within it.
    pub(crate) body_line: usize,
}

/// Splits `text` into front matter and body. `what` names the file in messages
/// ("a report", "a document").
pub(crate) fn split<'t>(text: &'t str, rel: &Path, what: &str) -> Result<Split<'t>, Diagnostic> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::new(
            Kind::Syntax,
            rel,
            format!("{what} must start with front matter between `---` lines"),
        )
        .at(Some(Location::new(1, 1)))
        .help("put `---` on the first line, the YAML fields, then `---` again"));
    };
    let end = if rest.starts_with("---\n") || rest == "---" {
        Some(0)
    } else {
        rest.find("\n---\n")
            .map(|i| i + 1)
            .or_else(|| rest.strip_suffix("\n---").map(|s| s.len() + 1))
    };
    let Some(end) = end else {
        return Err(Diagnostic::new(
            Kind::Syntax,
            rel,
            "the front matter opened on line 1 is never closed",
        )
        .at(Some(Location::new(1, 1)))
        .help("end the front matter with a line holding only `---`"));
    };
    let yaml_text = &rest[..end];
    let body_start = (end + 4).min(rest.len());
    if yaml_text.len() > yaml::MAX_FRONT_MATTER_BYTES {
        return Err(Diagnostic::new(
            Kind::Syntax,
            rel,
            format!(
                "front matter of {} bytes is over the limit of {} bytes",
                yaml_text.len(),
                yaml::MAX_FRONT_MATTER_BYTES
            ),
        )
        .at(Some(Location::new(1, 1)))
        .help("keep the text after the closing `---` line"));
    }
    Ok(Split {
        yaml: yaml_text,
        body: &rest[body_start..],
        // `---`, the YAML's lines, `---`.
        body_line: yaml_text.matches('\n').count() + 3,
    })
}
