//! `wsis init` and `wsis new`: files that build as soon as they are written.
//!
//! Nothing here overwrites a file: an existing target is an error naming it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind, suggestion};
use crate::model::{OrgKind, ReportKind};
use crate::validate::is_slug;

const INIT_FILES: &[(&str, &str)] = &[
    ("site.toml", include_str!("scaffold/site.toml")),
    (
        "content/action-lines.yaml",
        include_str!("scaffold/action-lines.yaml"),
    ),
    (
        "content/organizations/example-org.yaml",
        include_str!("scaffold/organization.yaml"),
    ),
    (
        "content/metrics.yaml",
        include_str!("scaffold/metrics.yaml"),
    ),
    (
        "content/reports/example-org-2025.md",
        include_str!("scaffold/report.md"),
    ),
];

/// Writes `text` to `root/rel`, refusing to replace an existing file.
fn create(root: &Path, rel: &str, text: &str) -> Result<PathBuf, Diagnostic> {
    write_file(&root.join(rel), Path::new(rel), text, false)?;
    Ok(PathBuf::from(rel))
}

/// Writes `text` to `path` (named `shown` in messages), creating its folder. Without
/// `replace` an existing file is an error and is left alone; with it the file is
/// replaced in one step (written under a temporary name, then renamed over it), so a
/// reader never sees half a file and a failed write leaves the old one.
pub(crate) fn write_file(
    path: &Path,
    shown: &Path,
    text: &str,
    replace: bool,
) -> Result<(), Diagnostic> {
    use std::io::Write;
    let exists = || {
        Diagnostic::new(
            Kind::Io,
            shown,
            "already exists; wsis will not overwrite it",
        )
        .help("choose another name, or remove the file first")
    };
    if !replace && fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| Diagnostic::io(dir, "create folder", &e))?;
    }
    let write_err = |e: &std::io::Error| Diagnostic::io(shown, "write", e);
    if !replace {
        // `create_new` also refuses a file that appeared since the check above.
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => exists(),
                _ => write_err(&e),
            })?;
        return file.write_all(text.as_bytes()).map_err(|e| write_err(&e));
    }
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.wsis-tmp-{}", std::process::id()));
    let written = fs::write(&tmp, text).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(write_err(&e));
    }
    Ok(())
}

/// Creates a new site in `dir`: settings, the eleven action lines, and one example
/// organization, metric and report. `dir` must be missing or empty.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if dir.exists() {
        let mut entries =
            fs::read_dir(dir).map_err(|e| Diagnostic::io(dir, "read the folder", &e))?;
        if entries.next().is_some() {
            return Err(Diagnostic::new(
                Kind::Io,
                dir,
                "is not empty; wsis init only fills an empty folder",
            )
            .help("choose a new folder name"));
        }
    }
    INIT_FILES
        .iter()
        .map(|(rel, text)| create(dir, rel, text))
        .collect()
}

/// The ids of the site's organizations, from the file names.
pub(crate) fn organization_ids(root: &Path) -> Vec<String> {
    let mut ids: Vec<String> = fs::read_dir(root.join("content/organizations"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let p = e.path();
            (p.extension()? == "yaml")
                .then(|| p.file_stem()?.to_str().map(str::to_string))
                .flatten()
        })
        .collect();
    ids.sort();
    ids
}

/// Checks that `id` names one of the site's organizations; if not, the error suggests
/// the nearest id and how to create a new one.
pub(crate) fn check_organization(root: &Path, id: &str) -> Result<(), Diagnostic> {
    let ids = organization_ids(root);
    if ids.iter().any(|i| i == id) {
        return Ok(());
    }
    let create = if is_slug(id) {
        format!("`wsis new organization {id}`")
    } else {
        "`wsis new organization ID`".to_string()
    };
    let help = match suggestion(id, ids.iter().map(String::as_str)) {
        Some(s) => format!("{s} If it is a new organization, create it first with {create}"),
        None => format!("create it first with {create}"),
    };
    Err(Diagnostic::new(
        Kind::Reference,
        "--organization",
        format!("unknown organization `{id}`"),
    )
    .help(help))
}

/// Writes a report skeleton `content/reports/<org>-<year>[-<kind>].md` that builds.
pub fn new_report(
    root: &Path,
    organization: &str,
    year: i32,
    kind: Option<ReportKind>,
) -> Result<PathBuf, Diagnostic> {
    check_organization(root, organization)?;
    check_year(year)?;
    let kind = kind.unwrap_or(ReportKind::AnnualProgress);
    let slug = report_slug(organization, year, kind);
    let front = NewReport {
        title: &format!("Report on progress made in {year}"),
        organization,
        year,
        published: year,
        kind,
        action_lines: &[],
        figures: &[],
    };
    let text = format!(
        "---\n{}---\n\n\
         ## Overview\n\nReplace this text with the report's. Give each action line its own \
         heading,\nsuch as `## WSIS Action Line C4: Capacity building`, list the lines in\n\
         `action_lines`, and add each figure the text states under `figures`.\n",
        to_yaml(&front)?,
    );
    create(root, &format!("content/reports/{slug}.md"), &text)
}

/// The file stem of a report: `<organization>-<year>`, with the kind appended unless
/// it is the usual annual progress report.
pub(crate) fn report_slug(organization: &str, year: i32, kind: ReportKind) -> String {
    if kind == ReportKind::AnnualProgress {
        format!("{organization}-{year}")
    } else {
        format!("{organization}-{year}-{}", serde_plain(&kind))
    }
}

/// Checks a report's year as `wsis new report` and `wsis import` take it.
pub(crate) fn check_year(year: i32) -> Result<(), Diagnostic> {
    crate::load::number::year_in_range(year, &format!("year {year}"))
        .map(|_| ())
        .map_err(|refusal| {
            Diagnostic::new(Kind::Invalid, "--year", refusal.message).help(refusal.help)
        })
}

/// Writes `content/organizations/<id>.yaml`.
pub fn new_organization(
    root: &Path,
    id: &str,
    name: Option<&str>,
    kind: OrgKind,
) -> Result<PathBuf, Diagnostic> {
    check_id(id, "organization")?;
    let name = required_text(name.unwrap_or(id), "--name", "organization name")?;
    let text = to_yaml(&NewOrganization { id, name, kind })?;
    create(root, &format!("content/organizations/{id}.yaml"), &text)
}

/// Adds a metric definition to `content/metrics.yaml`. The organization defaults to
/// the one whose id starts the metric id (`isoc-alumni` -> `isoc`).
pub fn new_metric(
    root: &Path,
    id: &str,
    organization: Option<&str>,
    title: Option<&str>,
    unit: &str,
) -> Result<PathBuf, Diagnostic> {
    check_id(id, "metric")?;
    let organization = match organization {
        Some(o) => o.to_string(),
        None => organization_ids(root)
            .into_iter()
            .filter(|o| id.starts_with(&format!("{o}-")))
            .max_by_key(String::len)
            .ok_or_else(|| {
                Diagnostic::new(
                    Kind::Reference,
                    "--organization",
                    format!("no organization id starts the metric id `{id}`"),
                )
                .help("name it with --organization, or prefix the metric id with it")
            })?,
    };
    check_organization(root, &organization)?;
    let title = required_text(title.unwrap_or(id), "--title", "metric title")?;
    let unit = required_text(unit, "--unit", "unit")?;
    let rel = "content/metrics.yaml";
    let path = root.join(rel);
    // Read as the build reads it: a pipe or device there is refused, never opened.
    let existing = if fs::symlink_metadata(&path).is_ok() {
        let bytes = crate::load::read_regular(&path, Path::new(rel), None)?;
        String::from_utf8(bytes).map_err(|_| {
            Diagnostic::new(Kind::Syntax, rel, "is not UTF-8 text")
                .help("save the file as UTF-8, then run the command again")
        })?
    } else {
        String::new()
    };
    let metrics = parse_metric_list(&existing, rel)?;
    if metrics.iter().any(|m| m.id == id) {
        return Err(Diagnostic::new(
            Kind::Duplicate,
            rel,
            format!("metric `{id}` is already defined"),
        ));
    }
    let entry = NewMetric {
        id,
        title,
        unit,
        organization: &organization,
        action_lines: &[],
    };
    let item = to_yaml(&[&entry])?;
    // Appending keeps the file's comments and layout byte for byte. An empty list
    // (nothing but comments, or `[]`) is replaced by the entry instead.
    let only_comments = existing
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    let text = if metrics.is_empty() && !only_comments {
        let comments: String = existing
            .lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        format!("{comments}{item}")
    } else if existing.is_empty() || existing.ends_with('\n') {
        format!("{existing}{item}")
    } else {
        format!("{existing}\n{item}")
    };
    // A file laid out unusually (an indented or flow-style list) could take the
    // appended entry differently; what is written must read back as the old list plus
    // the new entry, or nothing is written.
    let reread = parse_metric_list(&text, rel).ok();
    let appended = reread.as_ref().is_some_and(|m| {
        m.len() == metrics.len() + 1 && m.last().is_some_and(|last| *last == entry.owned())
    });
    if !appended {
        return Err(Diagnostic::new(
            Kind::Invalid,
            rel,
            "its layout does not allow appending an entry; nothing was written",
        )
        .help(format!("add this entry to the list by hand:\n{item}")));
    }
    fs::write(&path, text).map_err(|e| Diagnostic::io(Path::new(rel), "write", &e))?;
    Ok(PathBuf::from(rel))
}

/// A metric entry as `new metric` writes it, and as it reads back.
#[derive(Debug, serde::Serialize)]
struct NewMetric<'a> {
    id: &'a str,
    title: &'a str,
    unit: &'a str,
    organization: &'a str,
    action_lines: &'a [String],
}

/// The fields of `metrics.yaml` entries that `new metric` compares; other fields may
/// be present and are ignored here (the build checks them).
#[derive(Debug, PartialEq, serde::Deserialize)]
struct ListedMetric {
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    organization: Option<String>,
}

impl NewMetric<'_> {
    fn owned(&self) -> ListedMetric {
        ListedMetric {
            id: self.id.to_string(),
            title: Some(self.title.to_string()),
            unit: Some(self.unit.to_string()),
            organization: Some(self.organization.to_string()),
        }
    }
}

/// The entries of a `metrics.yaml` text; an empty file, or one of comments only, is
/// an empty list.
fn parse_metric_list(text: &str, rel: &str) -> Result<Vec<ListedMetric>, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let value: Option<Vec<ListedMetric>> = serde_norway::from_str(text).map_err(|e| {
        Diagnostic::new(Kind::Syntax, rel, format!("cannot add a metric: {e}"))
            .help("fix the file (`wsis check` says where), then run the command again")
    })?;
    Ok(value.unwrap_or_default())
}

/// The front matter `new report` writes.
#[derive(serde::Serialize)]
struct NewReport<'a> {
    title: &'a str,
    organization: &'a str,
    year: i32,
    published: i32,
    kind: ReportKind,
    action_lines: &'a [String],
    figures: &'a [String],
}

/// The file `new organization` writes.
#[derive(serde::Serialize)]
struct NewOrganization<'a> {
    id: &'a str,
    name: &'a str,
    kind: OrgKind,
}

/// Serialises through the YAML serializer, so that any value (colons, quotes, `#`,
/// line breaks, a leading `-` or `*`) is quoted as YAML needs and reads back the same.
fn to_yaml<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Diagnostic> {
    serde_norway::to_string(value)
        .map_err(|e| Diagnostic::new(Kind::Invalid, "wsis new", format!("cannot write YAML: {e}")))
}

/// A text value given on the command line: not blank, since the build would refuse
/// it, and kept as given otherwise.
fn required_text<'a>(value: &'a str, flag: &str, what: &str) -> Result<&'a str, Diagnostic> {
    if value.trim().is_empty() {
        return Err(
            Diagnostic::new(Kind::Invalid, flag, format!("the {what} is empty"))
                .help(format!("give a {what} with {flag}")),
        );
    }
    Ok(value)
}

fn check_id(id: &str, what: &str) -> Result<(), Diagnostic> {
    if is_slug(id) {
        Ok(())
    } else {
        Err(
            Diagnostic::new(Kind::Invalid, "ID", format!("invalid {what} id `{id}`"))
                .help("ids use lower case letters a-z, digits and inner hyphens"),
        )
    }
}

/// The name serde gives a unit enum variant (`annual-progress`).
pub(crate) fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
