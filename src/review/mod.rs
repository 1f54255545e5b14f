//! Reviewing candidate figures (`review: candidate`) in a report file: reading them
//! for the review page, and accepting, rejecting or editing one in place.
//!
//! A change is refused unless the file is still the one the page showed (its
//! fingerprint), the entry is a candidate, and the changed file still reads as a
//! report with the figures expected; the file is then replaced in one step.

pub(crate) mod edit;
pub(crate) mod spans;
mod write;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::{RawFigure, RawReport};

/// A report file's candidates, as the review page shows them.
#[derive(Debug)]
pub(crate) struct Draft {
    /// The file, relative to the site root.
    pub(crate) file: PathBuf,
    /// The fingerprint of the file as read, for the forms.
    pub(crate) fingerprint: String,
    /// The parsed report: title, body, candidates with their indexes.
    pub(crate) report: RawReport,
    /// For each candidate, the comment on its `review:` line (confidence, reason).
    pub(crate) comments: Vec<Option<String>>,
}

/// What an editor does to a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    /// Make it a figure: delete `review:` (and create its proposed metric).
    Accept,
    /// Delete the entry.
    Reject,
    /// Change its fields; it stays a candidate.
    Edit(Fields),
}

/// A candidate's fields as an editor sets them; an empty `value`, `low`, `high`,
/// `bound` or `status` leaves the field out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fields {
    pub(crate) metric: String,
    pub(crate) value: String,
    pub(crate) low: String,
    pub(crate) high: String,
    pub(crate) bound: String,
    pub(crate) status: String,
    pub(crate) year: String,
    pub(crate) quote: String,
}

/// The fingerprint of a file's bytes, as the forms carry it.
pub(crate) fn fingerprint(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// The report file of `slug`, relative to the root; `None` for anything not a slug,
/// so that no address can name a file elsewhere.
pub(crate) fn report_file(slug: &str) -> Option<PathBuf> {
    crate::validate::is_slug(slug).then(|| Path::new("content/reports").join(format!("{slug}.md")))
}

/// The reports of the site with candidates, by slug, with how many each has. Files
/// that do not read are left out: the build reports them.
pub(crate) fn waiting(root: &Path) -> Vec<(String, usize)> {
    let Ok((files, _)) = crate::load::list_files(root, Path::new("content/reports"), &["md"])
    else {
        return Vec::new();
    };
    files
        .iter()
        .filter_map(|rel| {
            let text = crate::load::read_text(&root.join(rel), rel).ok()?;
            let report = crate::load::parse_report(&text, rel).ok()?;
            waiting_in(&report)
        })
        .collect()
}

/// The slug of `report` and how many candidate figures in it wait for review, when
/// any do: what [`waiting`] lists, and `wsis serve` from the reports it has loaded.
pub(crate) fn waiting_in(report: &crate::load::RawReport) -> Option<(String, usize)> {
    (!report.candidates.is_empty()).then(|| (report.slug.clone(), report.candidates.len()))
}

/// Reads the report `slug` for review.
pub(crate) fn read(root: &Path, slug: &str) -> Result<Draft, Diagnostic> {
    let rel = report_file(slug)
        .ok_or_else(|| Diagnostic::new(Kind::Invalid, slug, "not a report slug"))?;
    let bytes = crate::load::read_regular(&root.join(&rel), &rel, None)?;
    let fingerprint = fingerprint(&bytes);
    let text = crate::load::decode_text(bytes, &rel)?;
    let report = crate::load::parse_report(&text, &rel)?;
    let entries = spans::figures(&text).map(|f| f.entries).unwrap_or_default();
    let comments = report
        .candidates
        .iter()
        .map(|(i, _)| {
            let pair = entries.get(*i)?.pair("review")?;
            comment_after(&text, pair.value.1)
        })
        .collect();
    Ok(Draft {
        file: rel,
        fingerprint,
        report,
        comments,
    })
}

/// The comment on the line of `pos`, after it: `# 0.82: people after the number`.
fn comment_after(text: &str, pos: usize) -> Option<String> {
    let line = text[pos..].lines().next()?;
    let comment = line.trim_start().strip_prefix('#')?.trim();
    (!comment.is_empty()).then(|| comment.to_string())
}

/// Applies `action` to the figure `index` of the report `slug`, if the file's
/// fingerprint is still `expected`. Returns the files written.
pub(crate) fn apply(
    root: &Path,
    slug: &str,
    index: usize,
    expected: &str,
    action: &Action,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let rel = report_file(slug)
        .ok_or_else(|| Diagnostic::new(Kind::Invalid, slug, "not a report slug"))?;
    // One change at a time: two forms sent at once would both match the fingerprint
    // read before either wrote.
    static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let path = root.join(&rel);
    let bytes = crate::load::read_regular(&path, &rel, None)?;
    if fingerprint(&bytes) != expected {
        return Err(Diagnostic::new(
            Kind::Conflict,
            &rel,
            "the file changed since the review page was shown; nothing was written",
        )
        .help("reload the page and review the figure again"));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Diagnostic::new(Kind::Syntax, &rel, "the file is not valid UTF-8"))?;
    // The edits keep the file's own line ends, LF or CRLF; old Mac line ends (a lone
    // CR), which the build reads, are not among them.
    if text.replace("\r\n", "").contains('\r') {
        return Err(Diagnostic::new(
            Kind::Invalid,
            &rel,
            "the file's line ends are lone CRs (old Mac line ends); nothing was written",
        )
        .help("save the file with LF or CRLF line ends, then review the figure again"));
    }
    // A byte-order mark stays in front, untouched; the edits work on what follows.
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let before = &text[bom.len()..];
    let parsed = parse(before, &rel)?;
    let Some(candidate) = parsed.candidates.iter().find(|(i, _)| *i == index) else {
        return Err(Diagnostic::new(
            Kind::Invalid,
            &rel,
            format!(
                "figure {} is not a candidate; nothing was written",
                index + 1
            ),
        ));
    };
    let candidate: &RawFigure = &candidate.1;
    let refused = || {
        Diagnostic::new(
            Kind::Invalid,
            &rel,
            "the layout of this figure's entry does not allow the change; nothing was written",
        )
        .help("make the change in the file with an editor")
    };
    let entry = |text: &str| spans::figures(text).and_then(|f| f.entries.get(index).cloned());
    let (after, figures_after, candidates_after) = match action {
        Action::Reject => {
            let figures = spans::figures(before).ok_or_else(refused)?;
            let after = edit::remove_entry(before, &figures, index).ok_or_else(refused)?;
            (
                after,
                parsed.front.value.figures.len(),
                parsed.candidates.len() - 1,
            )
        }
        Action::Accept => {
            let mut after =
                edit::remove_pair(before, &entry(before).ok_or_else(refused)?, "review")
                    .ok_or_else(refused)?;
            if candidate.proposed_metric.is_some() {
                let e = entry(&after).ok_or_else(refused)?;
                after = edit::remove_pair(&after, &e, "proposed_metric").ok_or_else(refused)?;
            }
            (
                after,
                parsed.front.value.figures.len() + 1,
                parsed.candidates.len() - 1,
            )
        }
        Action::Edit(fields) => {
            let mut after = before.to_string();
            for (key, value) in
                changes(fields).map_err(|m| Diagnostic::new(Kind::Invalid, &rel, m))?
            {
                let e = entry(&after).ok_or_else(refused)?;
                after = match value {
                    Some(v) => edit::set_pair(&after, &e, key, &v),
                    None if e.pair(key).is_none() => Some(after.clone()),
                    None => edit::remove_pair(&after, &e, key),
                }
                .ok_or_else(refused)?;
            }
            // A proposal describes the id it came with: another id the editor chose
            // is an existing metric or one they will create, not that proposal.
            if candidate.proposed_metric.is_some() && fields.metric.trim() != candidate.metric {
                let e = entry(&after).ok_or_else(refused)?;
                after = edit::remove_pair(&after, &e, "proposed_metric").ok_or_else(refused)?;
            }
            (
                after,
                parsed.front.value.figures.len(),
                parsed.candidates.len(),
            )
        }
    };
    // What is written must read back as the same report with the change made.
    let reread = parse(&after, &rel).map_err(|e| {
        Diagnostic::new(
            Kind::Invalid,
            &rel,
            format!(
                "the change would make the file unreadable ({}); nothing was written",
                e.message
            ),
        )
    })?;
    if reread.front.value.figures.len() != figures_after
        || reread.candidates.len() != candidates_after
    {
        return Err(refused());
    }
    let mut written = Vec::new();
    if let (Action::Accept, Some(proposed)) = (action, &candidate.proposed_metric) {
        written.push(create_metric(root, &parsed, candidate, proposed)?);
    }
    write::atomically(&path, &rel, format!("{bom}{after}").as_bytes())?;
    written.push(rel);
    Ok(written)
}

/// The report in `text`, as the loader reads it (line ends normalised).
fn parse(text: &str, rel: &Path) -> Result<RawReport, Diagnostic> {
    let normal = crate::load::decode_text(text.as_bytes().to_vec(), rel)?;
    crate::load::parse_report(&normal, rel)
}

/// Creates the metric a candidate proposes, for the report's organization; one that
/// exists already (created by hand, or for another candidate) is kept as it is.
fn create_metric(
    root: &Path,
    report: &RawReport,
    candidate: &RawFigure,
    proposed: &crate::load::RawProposedMetric,
) -> Result<PathBuf, Diagnostic> {
    match crate::scaffold::new_metric(
        root,
        &candidate.metric,
        Some(&report.front.value.organization),
        Some(&proposed.title),
        &proposed.unit,
    ) {
        Ok(rel) => Ok(rel),
        Err(e) if e.kind == Kind::Duplicate => Ok(PathBuf::from("content/metrics.yaml")),
        Err(e) => Err(e),
    }
}

/// The pairs to set (`Some`) or delete (`None`), in order, as YAML scalars; or what
/// is wrong with the fields.
fn changes(f: &Fields) -> Result<Vec<(&'static str, Option<String>)>, String> {
    let number = |name: &str, s: &str| -> Result<Option<String>, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Some(s.to_string())),
            _ => Err(format!(
                "{name} `{s}` is not a number such as 3300 or 2.5e6"
            )),
        }
    };
    let metric = f.metric.trim();
    if !crate::validate::is_slug(metric) {
        return Err(format!(
            "metric `{metric}` is not an id (lower case letters, digits, hyphens)"
        ));
    }
    let year = f.year.trim();
    if year.parse::<i32>().is_err() {
        return Err(format!("year `{year}` is not a year"));
    }
    if f.quote.trim().is_empty() {
        return Err("the quote is empty".into());
    }
    let (value, low, high) = (
        number("value", &f.value)?,
        number("low", &f.low)?,
        number("high", &f.high)?,
    );
    let range = low.is_some() || high.is_some();
    if range && (value.is_some() || low.is_none() || high.is_none()) {
        return Err("give either a value, or both low and high".into());
    }
    if !range && value.is_none() {
        return Err("give a value, or low and high for a range".into());
    }
    let vocabulary = |s: &str, omitted: &str, known: &[&str], what: &str| {
        let s = s.trim();
        if s.is_empty() || s == omitted {
            Ok(None)
        } else if known.contains(&s) {
            Ok(Some(s.to_string()))
        } else {
            Err(format!("{what} `{s}` is not one of {}", known.join(", ")))
        }
    };
    let bounds: Vec<&str> = crate::model::Bound::ALL
        .iter()
        .filter(|b| **b != crate::model::Bound::Range)
        .map(|b| b.name())
        .collect();
    let statuses: Vec<&str> = crate::model::Status::ALL.iter().map(|s| s.name()).collect();
    // A range has no bound; `exact` and `actual` are what an absent field means.
    let bound = if range {
        None
    } else {
        vocabulary(&f.bound, "exact", &bounds, "bound")?
    };
    let status = vocabulary(&f.status, "actual", &statuses, "status")?;
    // A YAML double-quoted scalar: `#`, `:`, quotes and line breaks stay text.
    let quote = crate::import::write::string(f.quote.trim());
    Ok(vec![
        ("metric", Some(metric.to_string())),
        ("value", value),
        ("low", low),
        ("high", high),
        ("bound", bound),
        ("status", status),
        ("year", Some(year.to_string())),
        ("quote", Some(quote)),
        // The old single field would contradict the new ones.
        ("qualifier", None),
    ])
}

#[cfg(test)]
mod tests;
