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
    let path = root.join(rel);
    if path.exists() {
        return Err(
            Diagnostic::new(Kind::Io, rel, "already exists; wsis will not overwrite it")
                .help("choose another name, or remove the file first"),
        );
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| Diagnostic::io(dir, "create folder", &e))?;
    }
    fs::write(&path, text).map_err(|e| Diagnostic::io(Path::new(rel), "write", &e))?;
    Ok(PathBuf::from(rel))
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
fn organization_ids(root: &Path) -> Vec<String> {
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

fn check_organization(root: &Path, id: &str) -> Result<(), Diagnostic> {
    let ids = organization_ids(root);
    if ids.iter().any(|i| i == id) {
        return Ok(());
    }
    let help = suggestion(id, ids.iter().map(String::as_str))
        .unwrap_or_else(|| "create it first with `wsis new organization ID`".into());
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
    if let Err(refusal) = crate::load::number::year_in_range(year, &format!("year {year}")) {
        return Err(Diagnostic::new(Kind::Invalid, "--year", refusal.message).help(refusal.help));
    }
    let kind_name = kind.map(|k| serde_plain(&k));
    let slug = match &kind_name {
        Some(k) if *k != "annual-progress" => format!("{organization}-{year}-{k}"),
        _ => format!("{organization}-{year}"),
    };
    let text = format!(
        "---\ntitle: \"Report on progress made in {year}\"\norganization: {organization}\n\
         year: {year}\npublished: {year}\nkind: {}\naction_lines: []\nfigures: []\n---\n\n\
         ## Overview\n\nReplace this text with the report's. Give each action line its own \
         heading,\nsuch as `## WSIS Action Line C4: Capacity building`, list the lines in\n\
         `action_lines`, and add each figure the text states under `figures`.\n",
        kind_name.as_deref().unwrap_or("annual-progress"),
    );
    create(root, &format!("content/reports/{slug}.md"), &text)
}

/// Writes `content/organizations/<id>.yaml`.
pub fn new_organization(
    root: &Path,
    id: &str,
    name: Option<&str>,
    kind: OrgKind,
) -> Result<PathBuf, Diagnostic> {
    check_id(id, "organization")?;
    let text = format!(
        "id: {id}\nname: {}\nkind: {}\n",
        yaml_string(name.unwrap_or(id)),
        serde_plain(&kind)
    );
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
    let rel = "content/metrics.yaml";
    let path = root.join(rel);
    let existing = fs::read_to_string(&path).unwrap_or_default();
    if existing.lines().any(|l| l.trim() == format!("- id: {id}")) {
        return Err(Diagnostic::new(
            Kind::Duplicate,
            rel,
            format!("metric `{id}` is already defined"),
        ));
    }
    let entry = format!(
        "- id: {id}\n  title: {}\n  unit: {unit}\n  organization: {organization}\n  action_lines: []\n",
        yaml_string(title.unwrap_or(id))
    );
    // An empty list written as `[]` is replaced; otherwise the entry is appended.
    let body = existing
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<String>();
    let text = if body.trim().is_empty() || body.trim() == "[]" {
        let comments: String = existing
            .lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        format!("{comments}{entry}")
    } else if existing.ends_with('\n') {
        format!("{existing}{entry}")
    } else {
        format!("{existing}\n{entry}")
    };
    fs::write(&path, text).map_err(|e| Diagnostic::io(Path::new(rel), "write", &e))?;
    Ok(PathBuf::from(rel))
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
fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A YAML double-quoted string.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}
