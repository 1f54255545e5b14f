//! Stage 1: read `content/` into raw, typed documents.
//!
//! Loading checks only what serde can check alone: syntax, field names, field types
//! and closed vocabularies. Whether references resolve is validation's job
//! ([`crate::validate`]), which needs every file at once.

pub(crate) mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Kind, Location};
use crate::model::{OrgKind, PartialDate, Qualifier, ReportKind};
pub(crate) use yaml::Positions;

/// A parsed document with the file it came from and the positions of its values.
#[derive(Debug)]
pub(crate) struct Doc<T> {
    /// The file, relative to the site root.
    pub(crate) file: PathBuf,
    /// The parsed value.
    pub(crate) value: T,
    /// Where each value sits in the file.
    pub(crate) positions: Positions,
}

impl<T> Doc<T> {
    /// A diagnostic about the value at `path` in this document.
    pub(crate) fn error(&self, kind: Kind, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(kind, &self.file, message).at(self.positions.get(path))
    }
}

/// An entry of `action-lines.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActionLine {
    pub(crate) code: String,
    pub(crate) title: String,
    pub(crate) short: String,
    #[serde(default)]
    pub(crate) facilitators: Vec<String>,
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) sdgs: Vec<u8>,
}

/// An `organizations/<id>.yaml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrganization {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) short_name: Option<String>,
    pub(crate) kind: OrgKind,
    pub(crate) website: Option<String>,
    pub(crate) description: Option<String>,
}

/// An entry of `metrics.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMetric {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) unit: String,
    pub(crate) organization: String,
    #[serde(default)]
    pub(crate) action_lines: Vec<String>,
    pub(crate) description: Option<String>,
    pub(crate) higher_is_better: Option<bool>,
}

/// The front matter of a report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    pub(crate) title: String,
    pub(crate) organization: String,
    pub(crate) year: i32,
    pub(crate) published: PartialDate,
    pub(crate) kind: ReportKind,
    pub(crate) submitted_to: Option<String>,
    pub(crate) source_url: Option<String>,
    pub(crate) summary: Option<String>,
    #[serde(default)]
    pub(crate) action_lines: Vec<String>,
    #[serde(default)]
    pub(crate) figures: Vec<RawFigure>,
}

/// A figure in a report's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFigure {
    pub(crate) metric: String,
    pub(crate) value: f64,
    pub(crate) year: i32,
    pub(crate) as_of: Option<PartialDate>,
    #[serde(default)]
    pub(crate) qualifier: Qualifier,
    pub(crate) quote: String,
}

/// A report file: its front matter and the Markdown after it.
#[derive(Debug)]
pub(crate) struct RawReport {
    /// The slug, from the file stem.
    pub(crate) slug: String,
    /// The front matter.
    pub(crate) front: Doc<FrontMatter>,
    /// The Markdown body.
    pub(crate) body: String,
    /// A hash of the whole file, to tell an edited report from an unchanged one.
    pub(crate) fingerprint: u64,
}

/// Everything under `content/`, parsed but not yet cross-checked.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    pub(crate) action_lines: Option<Doc<Vec<RawActionLine>>>,
    pub(crate) organizations: Vec<Doc<RawOrganization>>,
    pub(crate) metrics: Option<Doc<Vec<RawMetric>>>,
    pub(crate) reports: Vec<RawReport>,
}

/// Reads a text file as UTF-8, dropping a byte-order mark and turning CRLF line ends
/// into LF so that positions count the same on every platform.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::io(shown, "read", &e))?;
    decode_text(bytes, shown)
}

/// Decodes a file's bytes as [`read_text`] does.
pub(crate) fn decode_text(bytes: Vec<u8>, shown: &Path) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        Diagnostic::new(Kind::Syntax, shown, "the file is not valid UTF-8")
            .at(Some(Location::of_offset(valid, offset)))
            .help("save the file as UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    })
}

fn load_doc<T: for<'de> Deserialize<'de>>(root: &Path, rel: &Path) -> Result<Doc<T>, Diagnostic> {
    let text = read_text(&root.join(rel), rel)?;
    let value = yaml::parse(&text, rel, 1)?;
    Ok(Doc {
        file: rel.to_path_buf(),
        value,
        positions: Positions::index(&text, 1),
    })
}

/// Splits a report into front matter and body, and parses the front matter.
pub(crate) fn parse_report(text: &str, rel: &Path) -> Result<RawReport, Diagnostic> {
    let slug = rel
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::new(
            Kind::Syntax,
            rel,
            "a report must start with front matter between `---` lines",
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
    let body = rest[body_start..].to_string();
    // The YAML starts on line 2 of the file; the body after the closing `---`.
    let value = yaml::parse::<FrontMatter>(yaml_text, rel, 2)?;
    Ok(RawReport {
        slug,
        front: Doc {
            file: rel.to_path_buf(),
            value,
            positions: Positions::index(yaml_text, 2),
        },
        body,
        fingerprint: {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            text.hash(&mut h);
            h.finish()
        },
    })
}

/// Reads every content file under `root/content`. Returns all the problems found,
/// not only the first.
pub(crate) fn load(root: &Path) -> Result<Sources, Vec<Diagnostic>> {
    let content = Path::new("content");
    let mut errors = Vec::new();
    let mut sources = Sources::default();

    let required = |name: &str, errors: &mut Vec<Diagnostic>| -> Option<PathBuf> {
        let rel = content.join(name);
        if root.join(&rel).is_file() {
            Some(rel)
        } else {
            errors.push(
                Diagnostic::new(Kind::Io, &rel, "this file is missing").help(
                    "every site needs content/action-lines.yaml and content/metrics.yaml \
                 (an empty list `[]` is fine)",
                ),
            );
            None
        }
    };
    if let Some(rel) = required("action-lines.yaml", &mut errors) {
        match load_doc(root, &rel) {
            Ok(d) => sources.action_lines = Some(d),
            Err(e) => errors.push(e),
        }
    }
    if let Some(rel) = required("metrics.yaml", &mut errors) {
        match load_doc(root, &rel) {
            Ok(d) => sources.metrics = Some(d),
            Err(e) => errors.push(e),
        }
    }

    let org_files = list_files(root, &content.join("organizations"), &["yaml", "yml"]);
    let orgs: Vec<_> = org_files
        .par_iter()
        .map(|rel| load_doc::<RawOrganization>(root, rel))
        .collect();
    let report_files = list_files(root, &content.join("reports"), &["md"]);
    let reports: Vec<_> = report_files
        .par_iter()
        .map(|rel| read_text(&root.join(rel), rel).and_then(|text| parse_report(&text, rel)))
        .collect();

    for org in orgs {
        match org {
            Ok(d) => sources.organizations.push(d),
            Err(e) => errors.push(e),
        }
    }
    for report in reports {
        match report {
            Ok(r) => sources.reports.push(r),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// The files under `root/dir` with one of `extensions` (any file when empty), relative
/// to `root`, sorted so every build sees them in the same order. A missing folder is
/// an empty list.
pub(crate) fn list_files(root: &Path, dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = WalkDir::new(root.join(dir))
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            extensions.is_empty()
                || e.path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| extensions.contains(&x))
        })
        .filter_map(|e| e.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "---\ntitle: T\norganization: isoc\nyear: 2024\npublished: 2024-10\nkind: annual-progress\n---\n\nBody text.\n";

    #[test]
    fn splits_front_matter_and_body() {
        let r = parse_report(REPORT, Path::new("content/reports/isoc-2024.md")).unwrap();
        assert_eq!(r.slug, "isoc-2024");
        assert_eq!(r.front.value.year, 2024);
        assert_eq!(r.body, "\nBody text.\n");
        assert_eq!(
            r.front.positions.get("organization"),
            Some(Location::new(3, 15))
        );
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = parse_report("---\ntitle: T\n", Path::new("r.md")).unwrap_err();
        assert!(err.message.contains("never closed"), "{err}");
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let text = REPORT.replace("kind: annual-progress", "kind: annual");
        let err = parse_report(&text, Path::new("r.md")).unwrap_err();
        assert_eq!(err.location.map(|l| l.line), Some(6));
        assert!(err.message.contains("unknown variant `annual`"), "{err}");
    }
}
