//! `wsis import`: read a submission, draft a report from it for the site, and write
//! it (or print it as JSON), with a summary that says what to review.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::document::Document;
use super::draft::{Draft, Head};
use super::read::{self, Limits};
use super::site::Site;
use super::{meta, write};
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::ReportKind;

/// What to import, and how.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The site root.
    pub root: PathBuf,
    /// The submission file.
    pub path: PathBuf,
    /// The reporting organization's id; default: the one the document's author names.
    pub organization: Option<String>,
    /// The year the report covers.
    pub year: i32,
    /// The title; default: the document's.
    pub title: Option<String>,
    /// The kind; default: annual progress report.
    pub kind: Option<ReportKind>,
    /// The publication date; default: the document's, or the year.
    pub published: Option<String>,
    /// Where to write; default: `content/reports/<slug>.md` under the root.
    pub output: Option<PathBuf>,
    /// Replace an existing file.
    pub force: bool,
}

/// Reads the submission and drafts its report, writing nothing.
pub fn draft(opts: &ImportOptions) -> Result<(Draft, Document), Diagnostic> {
    crate::scaffold::check_year(opts.year)?;
    let site = Site::load(&opts.root)?;
    // The organization is checked before the file is read: a typo costs nothing.
    if let Some(id) = &opts.organization {
        crate::scaffold::check_organization(&opts.root, id)?;
    }
    // `read` refuses a document with no text, naming its format.
    let (format, doc) = read::read(&opts.path, Limits::default())?;
    let organization = meta::organization(
        &opts.root,
        &doc,
        opts.organization.as_deref(),
        &site.organizations,
    )?;
    let head = Head {
        title: meta::title(&doc, opts.title.as_deref(), opts.year),
        published: meta::published(&doc, opts.published.as_deref(), opts.year)?,
        organization,
        year: opts.year,
        kind: opts.kind.unwrap_or(ReportKind::AnnualProgress),
    };
    let draft = Draft::new(&doc, format, head, &site);
    Ok((draft, doc))
}

/// Writes the draft's report file; returns its path (under the root unless
/// `--output` named another).
pub fn write(opts: &ImportOptions, draft: &Draft, doc: &Document) -> Result<PathBuf, Diagnostic> {
    let (path, shown) = match &opts.output {
        Some(out) => (out.clone(), out.clone()),
        None => {
            let slug = crate::scaffold::report_slug(&draft.organization, draft.year, draft.kind);
            let rel = PathBuf::from(format!("content/reports/{slug}.md"));
            (opts.root.join(&rel), rel)
        }
    };
    let text = write::report_text(draft, doc);
    loads(&text, &opts.path)?;
    crate::scaffold::write_file(&path, &shown, &text, opts.force).map_err(|e| {
        if opts.force {
            e
        } else {
            e.help("choose another file with --output, or replace it with --force")
        }
    })?;
    Ok(path)
}

/// Refuses a report file the site could not load: a submission near the size limit
/// grows with the front matter and the Markdown escapes, and a long report's many
/// candidates can pass the front matter's limit. Nothing is written then, rather than
/// a draft that fails every build.
fn loads(text: &str, submission: &Path) -> Result<(), Diagnostic> {
    let refused = |why: String| {
        Diagnostic::new(
            Kind::Import,
            submission,
            format!("its draft report would not load: {why}"),
        )
        .help("split the submission and import each part as its own report")
    };
    if text.len() as u64 > crate::load::MAX_FILE_BYTES {
        return Err(refused(format!(
            "{} bytes, over the {} bytes a content file may hold",
            text.len(),
            crate::load::MAX_FILE_BYTES
        )));
    }
    crate::load::parse_report(text, Path::new("draft.md"))
        .map(drop)
        .map_err(|e| refused(e.message))
}

/// Imports: drafts, then prints the draft as JSON (`json`, nothing written) or writes
/// the report and returns the summary to print.
pub fn import(opts: &ImportOptions, json: bool) -> Result<String, Diagnostic> {
    let (draft, doc) = draft(opts)?;
    if json {
        return serde_json::to_string_pretty(&draft).map_err(|e| {
            Diagnostic::new(Kind::Import, &opts.path, format!("cannot print JSON: {e}"))
        });
    }
    let path = write(opts, &draft, &doc)?;
    Ok(summary(&draft, &path))
}

/// What was written and what to do next.
pub fn summary(draft: &Draft, path: &Path) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "wrote {}", path.display());
    let headed = draft
        .sections
        .iter()
        .filter(|s| s.heading.is_some())
        .count();
    let _ = writeln!(
        out,
        "read as {}: {} sections ({headed} with a heading)",
        draft.format,
        draft.sections.len()
    );
    if draft.action_lines.is_empty() {
        let _ = writeln!(out, "action lines suggested: none; add them by hand");
    } else {
        let _ = writeln!(out, "action lines suggested:");
        for s in &draft.action_lines {
            let _ = writeln!(out, "  {}: {}", s.code, s.reason);
        }
    }
    let proposed = draft
        .candidates
        .iter()
        .filter(|c| c.proposed_metric.is_some())
        .count();
    let _ = writeln!(
        out,
        "candidate figures: {} ({proposed} with a proposed new metric)",
        draft.candidates.len()
    );
    let _ = write!(
        out,
        "next: review the candidates on the review page of `wsis serve`, or edit the file \
         (delete a `review:` line to accept a figure, the entry to reject it), then run \
         `wsis check`"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRONT: &str = "---\ntitle: \"T\"\norganization: \"isoc\"\nyear: 2024\n\
                         published: \"2024\"\nkind: annual-progress\nfigures: []\n";

    #[test]
    fn a_draft_the_site_could_not_load_is_refused() {
        let file = Path::new("big.txt");
        assert!(loads(&format!("{FRONT}---\n\nText.\n"), file).is_ok());
        let body = "word ".repeat(2_000_001);
        let e = loads(&format!("{FRONT}---\n\n{body}\n"), file).unwrap_err();
        assert!(
            e.message.contains("over the 10000000 bytes"),
            "{}",
            e.message
        );
        let comments = "# a comment\n".repeat(100_000);
        let e = loads(&format!("{FRONT}{comments}---\n\nText.\n"), file).unwrap_err();
        assert!(e.message.contains("front matter"), "{}", e.message);
    }
}
