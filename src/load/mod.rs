//! Stage 1: read `content/` into raw, typed documents.
//!
//! Loading checks only what serde can check alone: syntax, field names, field types
//! and closed vocabularies. Whether references resolve is validation's job
//! ([`crate::validate`]), which needs every file at once.

pub(crate) mod number;
pub(crate) mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Kind, Location};
use crate::model::{OrgKind, PartialDate, Qualifier, ReportKind};
use number::RawNumber;
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
    /// Read, and held to the years allowed, by validation.
    pub(crate) year: RawNumber,
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
    /// Read, and held to the accepted range, by validation.
    pub(crate) value: RawNumber,
    pub(crate) year: RawNumber,
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
    /// The line of the file the body starts on, for positions within it.
    pub(crate) body_line: usize,
    /// A hash of the whole file, to tell an edited report from an unchanged one.
    #[cfg_attr(not(feature = "serve"), allow(dead_code))]
    pub(crate) fingerprint: u64,
}

/// Everything under `content/`, parsed but not yet cross-checked.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    pub(crate) action_lines: Option<Doc<Vec<RawActionLine>>>,
    pub(crate) organizations: Vec<Doc<RawOrganization>>,
    pub(crate) metrics: Option<Doc<Vec<RawMetric>>>,
    pub(crate) reports: Vec<RawReport>,
    /// Files left out, such as symbolic links to outside the site.
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Reads a text file as UTF-8, dropping a byte-order mark and turning CRLF line ends
/// into LF so that positions count the same on every platform.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = read_regular(path, shown, Some(MAX_FILE_BYTES))?;
    decode_text(bytes, shown)
}

/// Reads `path` if it is a regular file (links followed), refusing anything else
/// before opening it: reading a named pipe or a device blocks forever or never ends,
/// so such a file is an error naming it, never read. `max`, when given, is a size
/// limit in bytes.
pub(crate) fn read_regular(
    path: &Path,
    shown: &Path,
    max: Option<u64>,
) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| Diagnostic::io(shown, "read", &e))?;
    check_regular(&meta, shown)?;
    let file = open_nonblocking(path).map_err(|e| Diagnostic::io(shown, "read", &e))?;
    // Checked again on the open file: the path may have been replaced meanwhile.
    let meta = file
        .metadata()
        .map_err(|e| Diagnostic::io(shown, "read", &e))?;
    check_regular(&meta, shown)?;
    let size = meta.len();
    if let Some(max) = max.filter(|max| size > *max) {
        return Err(Diagnostic::new(
            Kind::Syntax,
            shown,
            // In bytes: in whole MB, a file just over the limit read "10 MB, over the
            // limit of 10 MB".
            format!(
                "the file is {size} bytes, over the limit of {} MB ({max} bytes)",
                max / 1_000_000
            ),
        )
        .help("split the report, or leave out what is not the report's text"));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // At most one byte past the limit is read, even from a file that grows while it
    // is read; that byte tells it grew past the limit.
    file.take(max.map_or(u64::MAX, |m| m + 1))
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::io(shown, "read", &e))?;
    if let Some(max) = max.filter(|max| bytes.len() as u64 > *max) {
        return Err(Diagnostic::new(
            Kind::Syntax,
            shown,
            format!("the file grew past the limit of {max} bytes while it was read"),
        )
        .help("build again once the file is saved"));
    }
    Ok(bytes)
}

/// An error unless `meta` is a regular file's.
fn check_regular(meta: &std::fs::Metadata, shown: &Path) -> Result<(), Diagnostic> {
    if meta.is_file() {
        return Ok(());
    }
    Err(Diagnostic::new(
        Kind::Io,
        shown,
        format!(
            "is {}, not a regular file: it is not read",
            describe_type(&meta.file_type())
        ),
    )
    .help("replace it with a regular file holding the text"))
}

/// What a file type is, in words, for messages.
pub(crate) fn describe_type(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Opens `path` for reading without blocking on a named pipe that was put in place of
/// a checked file (the open then succeeds at once and the file type check refuses it).
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
        std::fs::File::options()
            .read(true)
            .custom_flags(flags.bits() as i32)
            .open(path)
    }
    #[cfg(not(unix))]
    {
        std::fs::File::open(path)
    }
}

/// Content files larger than this are refused: the largest real report is a few
/// hundred kilobytes, and a cap keeps one pasted mistake from exhausting memory.
pub(crate) const MAX_FILE_BYTES: u64 = 10_000_000;

/// Decodes a file's bytes as [`read_text`] does.
pub(crate) fn decode_text(bytes: Vec<u8>, shown: &Path) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        Diagnostic::new(Kind::Syntax, shown, "the file is not valid UTF-8")
            .at(Some(Location::of_offset(valid, offset)))
            .help("save the file as UTF-8")
    })?;
    // Most files have neither a byte-order mark nor CR line ends: they are not copied.
    let mut text = text;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

fn load_doc<T: for<'de> Deserialize<'de>>(root: &Path, rel: &Path) -> Result<Doc<T>, Diagnostic> {
    let text = read_text(&root.join(rel), rel)?;
    let value = yaml::parse(&text, rel, 1)?;
    Ok(Doc {
        file: rel.to_path_buf(),
        value,
        positions: Positions::new(&text, 1),
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
        .help("keep the report's text after the closing `---` line"));
    }
    // The YAML starts on line 2 of the file; the body after the closing `---`.
    let value = yaml::parse::<FrontMatter>(yaml_text, rel, 2)?;
    Ok(RawReport {
        slug,
        front: Doc {
            file: rel.to_path_buf(),
            value,
            positions: Positions::new(yaml_text, 2),
        },
        body,
        // `---`, the YAML's lines, `---`.
        body_line: yaml_text.matches('\n').count() + 3,
        fingerprint: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
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
        let path = root.join(&rel);
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(
                    Diagnostic::new(Kind::Io, &rel, "this file is missing").help(
                        "every site needs content/action-lines.yaml and content/metrics.yaml \
                         (an empty list `[]` is fine)",
                    ),
                );
                None
            }
            Ok(_) if path.exists() && !stays_inside(root, &rel) => {
                errors.push(
                    Diagnostic::new(
                        Kind::Io,
                        &rel,
                        "is a symbolic link to outside the site: it is not read",
                    )
                    .help("copy the file into the site instead of linking to it"),
                );
                None
            }
            // Anything else (a folder, a named pipe, a permission error) is reported
            // by the read, with its reason.
            _ => Some(rel),
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

    let mut warnings = Vec::new();
    let mut list =
        |dir: &str, extensions: &[&str]| match list_files(root, &content.join(dir), extensions) {
            Ok((files, found)) => {
                warnings.extend(found);
                files
            }
            Err(found) => {
                errors.extend(found);
                Vec::new()
            }
        };
    let org_files = list("organizations", &["yaml", "yml"]);
    let report_files = list("reports", &["md"]);
    let orgs: Vec<_> = org_files
        .par_iter()
        .map(|rel| load_doc::<RawOrganization>(root, rel))
        .collect();
    sources.warnings = warnings;
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
/// to `root`, sorted so every build sees them in the same order, and warnings for what
/// was left out. A missing folder is an empty list.
///
/// Symbolic links are followed only while they stay inside the site root: a link out
/// of it (to a home folder, to `/etc`) is never read or published, and a link loop is
/// reported, not walked forever.
///
/// What cannot be listed is an error naming it with the system's reason, never an
/// empty list: a folder the build may not read, a file where the folder should be, a
/// named pipe or device with a wanted extension. A build that went on would publish a
/// site without those files and delete their pages.
pub(crate) fn list_files(
    root: &Path,
    dir: &Path,
    extensions: &[&str],
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let start = root.join(dir);
    match std::fs::metadata(&start) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Vec::new(), warnings));
        }
        Err(e) => return Err(vec![Diagnostic::io(dir, "read the folder", &e)]),
        Ok(meta) if !meta.is_dir() => {
            return Err(vec![
                Diagnostic::new(
                    Kind::Io,
                    dir,
                    format!(
                        "is {}, not a folder: its files cannot be listed",
                        describe_type(&meta.file_type())
                    ),
                )
                .help(format!(
                    "make {} a folder (or remove it if the site has none)",
                    dir.display()
                )),
            ]);
        }
        Ok(_) => {}
    }
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    let mut walk = WalkDir::new(&start)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(&start);
                let shown = path.strip_prefix(root).unwrap_or(path);
                if e.loop_ancestor().is_some() {
                    warnings.push(Diagnostic::new(
                        Kind::Skipped,
                        shown,
                        "a symbolic link loop: skipped",
                    ));
                } else if let Some(io) = e.io_error() {
                    if io.kind() == std::io::ErrorKind::NotFound {
                        // A link to nothing, or a file removed while the folder was read.
                        warnings.push(Diagnostic::new(
                            Kind::Skipped,
                            shown,
                            "a symbolic link to a file that does not exist: skipped",
                        ));
                    } else {
                        errors.push(Diagnostic::io(shown, "read", io));
                    }
                } else {
                    errors.push(Diagnostic::new(
                        Kind::Io,
                        shown,
                        format!("cannot be read: {e}"),
                    ));
                }
                continue;
            }
        };
        if entry.path_is_symlink() {
            let inside = entry
                .path()
                .canonicalize()
                .is_ok_and(|real| real.starts_with(&root_real));
            if !inside {
                let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
                warnings.push(
                    Diagnostic::new(
                        Kind::Skipped,
                        shown,
                        "a symbolic link to outside the site: not read, not published",
                    )
                    .help("copy the file into the site instead of linking to it"),
                );
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                continue;
            }
        }
        if entry.file_type().is_dir() {
            continue;
        }
        let wanted = extensions.is_empty()
            || entry
                .path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x));
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        if !wanted {
            continue;
        }
        if entry.file_type().is_file() {
            files.push(rel.to_path_buf());
        } else if let Err(e) = entry
            .metadata()
            .map_err(|e| Diagnostic::new(Kind::Io, rel, format!("cannot be read: {e}")))
            .and_then(|meta| check_regular(&meta, rel))
        {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    files.sort();
    Ok((files, warnings))
}

/// Whether `rel` under `root`, followed through any links, stays inside `root`.
pub(crate) fn stays_inside(root: &Path, rel: &Path) -> bool {
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    root.join(rel)
        .canonicalize()
        .is_ok_and(|real| real.starts_with(root_real))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "---\ntitle: T\norganization: isoc\nyear: 2024\npublished: 2024-10\nkind: annual-progress\n---\n\nBody text.\n";

    #[test]
    fn splits_front_matter_and_body() {
        let r = parse_report(REPORT, Path::new("content/reports/isoc-2024.md")).unwrap();
        assert_eq!(r.slug, "isoc-2024");
        assert_eq!(r.front.value.year, RawNumber("2024".into()));
        assert_eq!(r.body, "\nBody text.\n");
        assert_eq!(
            r.front.positions.get("organization"),
            Some(Location::new(3, 15))
        );
    }

    #[test]
    fn front_matter_has_a_size_limit_and_data_files_do_not() {
        let big = format!("---\ntitle: \"{}\"\n---\n", "x".repeat(2 << 20));
        let err = parse_report(&big, Path::new("r.md")).unwrap_err();
        assert!(
            err.message.contains("over the limit of 1048576 bytes"),
            "{err}"
        );
        // A metrics list of a large site is megabytes of YAML.
        let list = "- id: m\n  title: Metric\n".repeat(50_000);
        let parsed: Vec<serde_norway::Value> =
            yaml::parse(&list, Path::new("content/metrics.yaml"), 1).unwrap();
        assert!(list.len() > yaml::MAX_FRONT_MATTER_BYTES);
        assert_eq!(parsed.len(), 50_000);
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
