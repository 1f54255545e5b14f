//! Stage 1: read `content/` into raw, typed documents.
//!
//! Loading checks only what serde can check alone: syntax, field names, field types
//! and closed vocabularies. Whether references resolve is validation's job
//! ([`crate::validate`]), which needs every file at once.

mod files;
pub(crate) mod frame;
mod front;
mod localized;
pub(crate) mod number;
mod report;
pub(crate) mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Kind};
use crate::model::{Bound, OrgKind, PartialDate, Report, ReportKind, Status};
use crate::stamp::Stamp;
use number::RawNumber;

use files::read_text_stamped;
pub(crate) use files::{
    MAX_FILE_BYTES, decode_text, describe_type, lf_line_ends, list_files, list_linked,
    open_regular, read_regular, read_text, stays_inside,
};
pub(crate) use localized::RawLocalized;
pub(crate) use report::{RawReport, parse_report};
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
    pub(crate) title: RawLocalized,
    pub(crate) short: RawLocalized,
    #[serde(default)]
    pub(crate) facilitators: Vec<String>,
    pub(crate) description: Option<RawLocalized>,
    #[serde(default)]
    pub(crate) sdgs: Vec<u8>,
    /// Where the action line is stated (the Geneva Plan of Action, a resolution).
    pub(crate) source: Option<frame::RawCitation>,
}

/// An `organizations/<id>.yaml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrganization {
    pub(crate) id: String,
    pub(crate) name: RawLocalized,
    pub(crate) short_name: Option<String>,
    pub(crate) kind: OrgKind,
    pub(crate) website: Option<String>,
    pub(crate) description: Option<RawLocalized>,
}

/// An entry of `metrics.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMetric {
    pub(crate) id: String,
    pub(crate) title: RawLocalized,
    pub(crate) unit: String,
    pub(crate) organization: String,
    #[serde(default)]
    pub(crate) action_lines: Vec<String>,
    pub(crate) description: Option<RawLocalized>,
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
    /// The tag of the language the report is written in (the site's default when
    /// absent); read by validation, which can point at it when it is no language.
    pub(crate) language: Option<String>,
    /// The slugs of the same report in other languages.
    #[serde(default)]
    pub(crate) translations: Vec<String>,
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
    /// Read, and held to the accepted range, by validation; absent for a range.
    #[serde(default, deserialize_with = "present")]
    pub(crate) value: Option<RawNumber>,
    /// A range's ends, instead of `value`.
    #[serde(default, deserialize_with = "present")]
    pub(crate) low: Option<RawNumber>,
    #[serde(default, deserialize_with = "present")]
    pub(crate) high: Option<RawNumber>,
    pub(crate) year: RawNumber,
    pub(crate) as_of: Option<PartialDate>,
    pub(crate) bound: Option<Bound>,
    pub(crate) status: Option<Status>,
    /// The single field `bound` and `status` replace; still read, so that sites
    /// written before them build unchanged.
    pub(crate) qualifier: Option<Qualifier>,
    pub(crate) source: Option<RawSource>,
    pub(crate) restates: Option<String>,
    pub(crate) quote: String,
    /// `candidate` for a figure found by `wsis import` that no editor has accepted.
    pub(crate) review: Option<Review>,
    /// The metric a candidate's `metric` id would name, when it does not exist yet.
    pub(crate) proposed_metric: Option<RawProposedMetric>,
}

/// Where a figure stands in review: a closed vocabulary of one word, so that a typo
/// (`review: candiate`) is refused instead of publishing a draft figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Review {
    /// Waiting for an editor: never published, never validated as a figure.
    Candidate,
}

/// A metric a candidate figure proposes, to be created when the figure is accepted
/// (by the dev server's review page, hence read only with `serve`).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(feature = "serve"), allow(dead_code))]
#[serde(
    deny_unknown_fields,
    expecting = "a proposed metric as `{title: \"...\", unit: ...}` (`description` optional)"
)]
pub(crate) struct RawProposedMetric {
    pub(crate) title: String,
    pub(crate) unit: String,
    pub(crate) description: Option<String>,
}

/// A number field that, when written, must hold a number: `value:` with nothing after
/// it is refused where it stands ("found nothing"), not read as a missing field.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<RawNumber>, D::Error> {
    RawNumber::deserialize(d).map(Some)
}

/// Where a cited figure comes from.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a source as `{name: \"...\", url: https://...}` (`url` optional)"
)]
pub(crate) struct RawSource {
    pub(crate) name: String,
    pub(crate) url: Option<String>,
}

/// The old `qualifier:` of a figure, one field for what are now two: its bound and
/// its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Qualifier {
    Exact,
    AtLeast,
    AtMost,
    Approximately,
    Projected,
}

impl Qualifier {
    /// Every qualifier, by name.
    pub(crate) const NAMES: [(&'static str, Qualifier); 5] = [
        ("exact", Qualifier::Exact),
        ("at-least", Qualifier::AtLeast),
        ("at-most", Qualifier::AtMost),
        ("approximately", Qualifier::Approximately),
        ("projected", Qualifier::Projected),
    ];

    /// The bound and status the qualifier stood for: `projected` was an exact value
    /// expected, the others stated values.
    pub(crate) fn split(self) -> (Bound, Status) {
        match self {
            Qualifier::Exact => (Bound::Exact, Status::Actual),
            Qualifier::AtLeast => (Bound::AtLeast, Status::Actual),
            Qualifier::AtMost => (Bound::AtMost, Status::Actual),
            Qualifier::Approximately => (Bound::Approximately, Status::Actual),
            Qualifier::Projected => (Bound::Exact, Status::Projected),
        }
    }
}

/// Everything under `content/`, parsed but not yet cross-checked.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    pub(crate) action_lines: Option<Doc<Vec<RawActionLine>>>,
    pub(crate) organizations: Vec<Doc<RawOrganization>>,
    pub(crate) metrics: Option<Doc<Vec<RawMetric>>>,
    pub(crate) reports: Vec<RawReport>,
    /// The WSIS+20 frame's documents and files, each optional.
    pub(crate) frame: frame::RawFrame,
    /// Files left out, such as symbolic links to outside the site.
    pub(crate) warnings: Vec<Diagnostic>,
    /// Whether a report, or a folder of them, is a symbolic link to another place in
    /// the site: a save there changes the report too, which `wsis serve` reading the
    /// saved files again alone would not see.
    pub(crate) linked_reports: bool,
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

/// Reads every content file under `root/content`. Returns all the problems found,
/// not only the first.
pub(crate) fn load(root: &Path) -> Result<Sources, Vec<Diagnostic>> {
    load_with(root, &NotKnown)
}

/// What an earlier build knew of the site's reports, for [`load_with`].
pub(crate) trait Known: Sync {
    /// The report validated from the file `rel` (relative to the site root) when its
    /// text hashed as `fingerprint`.
    fn cached(&self, rel: &Path, fingerprint: u64) -> Option<Arc<Report>>;

    /// The fingerprint of the text last read from the file `rel` and the report
    /// validated from it, when the file was then stamped `stamp`.
    fn seen(&self, rel: &Path, stamp: &Stamp) -> Option<(u64, Arc<Report>)>;

    /// Whether [`Known::seen`] may know any file: when not, files are not stamped
    /// before they are read.
    fn stamps(&self) -> bool;
}

/// Nothing known: every report file is read and parsed.
pub(crate) struct NotKnown;

impl Known for NotKnown {
    fn cached(&self, _: &Path, _: u64) -> Option<Arc<Report>> {
        None
    }

    fn seen(&self, _: &Path, _: &Stamp) -> Option<(u64, Arc<Report>)> {
        None
    }

    fn stamps(&self) -> bool {
        false
    }
}

/// [`load`], leaving unparsed each report whose text `known` has a validated report
/// of (by its file, relative to `root`, and its text's fingerprint), and unread each
/// whose file is stamped as when that text was read: it is read and parsed only if
/// asked for ([`RawReport`]).
pub(crate) fn load_with(root: &Path, known: &dyn Known) -> Result<Sources, Vec<Diagnostic>> {
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
    let mut linked_reports = false;
    let mut list =
        |dir: &str, extensions: &[&str]| match list_linked(root, &content.join(dir), extensions) {
            Ok((files, found, linked)) => {
                warnings.extend(found);
                linked_reports |= linked && dir == "reports";
                files
            }
            Err(found) => {
                errors.extend(found);
                Vec::new()
            }
        };
    let org_files = list("organizations", &["yaml", "yml"]);
    let report_files = list("reports", &["md"]);
    let document_files = list("documents", &["md"]);
    let stamps = known.stamps();
    let read_all = || {
        let orgs: Vec<_> = org_files
            .par_iter()
            .map(|rel| load_doc::<RawOrganization>(root, rel))
            .collect();
        let reports: Vec<_> = report_files
            .par_iter()
            .map(|rel| load_report(root, rel, known, stamps))
            .collect();
        (orgs, reports)
    };
    // On more threads than cores: see `files::readers`.
    let (orgs, reports) = match files::readers() {
        Some(readers) => readers.install(read_all),
        None => read_all(),
    };
    sources.warnings = warnings;
    sources.linked_reports = linked_reports;

    sources.frame = frame::load(root, content, &document_files, &mut errors);
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

/// The report file `rel`: left unread when `known` has seen it stamped as it is
/// (`stamps`: whether it may have), unparsed when it knows its text, else parsed.
fn load_report(
    root: &Path,
    rel: &Path,
    known: &dyn Known,
    stamps: bool,
) -> Result<RawReport, Diagnostic> {
    let path = root.join(rel);
    let stamp = match stamps {
        true => files::stamp_of(&path),
        false => None,
    };
    if let Some((stamp, (fingerprint, report))) =
        stamp.and_then(|s| Some((s, known.seen(rel, &s)?)))
    {
        return Ok(RawReport::unread(rel, path, stamp, fingerprint, report));
    }
    let (text, stamp) = read_text_stamped(&path, rel)?;
    let fingerprint = report::fingerprint(&text);
    let mut report = match known.cached(rel, fingerprint) {
        Some(report) => RawReport::deferred(rel, text, fingerprint, report),
        None => parse_report(&text, rel)?,
    };
    report.stamp = stamp;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

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

    /// Records the threads the reports' texts were looked up from.
    struct Threads(std::sync::Mutex<Vec<Option<String>>>);

    impl Known for Threads {
        fn cached(&self, _: &Path, _: u64) -> Option<Arc<Report>> {
            let name = std::thread::current().name().map(str::to_string);
            self.0.lock().unwrap().push(name);
            None
        }
        fn seen(&self, _: &Path, _: &Stamp) -> Option<(u64, Arc<Report>)> {
            None
        }
        fn stamps(&self) -> bool {
            false
        }
    }

    #[test]
    fn reports_are_read_on_the_reading_threads() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("reports")).unwrap();
        std::fs::write(content.join("action-lines.yaml"), "[]").unwrap();
        std::fs::write(content.join("metrics.yaml"), "[]").unwrap();
        for i in 0..20 {
            std::fs::write(content.join(format!("reports/r-{i}.md")), REPORT).unwrap();
        }
        let threads = Threads(std::sync::Mutex::new(Vec::new()));
        let sources = load_with(dir.path(), &threads).unwrap();
        assert_eq!(sources.reports.len(), 20);
        let names = threads.0.into_inner().unwrap();
        assert_eq!(names.len(), 20);
        assert!(
            names
                .iter()
                .all(|n| n.as_deref().is_some_and(|n| n.starts_with("wsis-read-"))),
            "{names:?}"
        );
    }
}
