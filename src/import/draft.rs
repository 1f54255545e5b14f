//! The draft report: what `wsis import` makes of a submission before it is written,
//! and what `--format json` prints. Field names are those of issue 14; the extra
//! fields (`kind`, `format`, `bound`, `status`, `reason`...) only add to them.

use serde::Serialize;

use super::action_lines::{self, STRONG, Suggestion};
use super::candidates::{Candidate, candidates};
use super::document::{Block, Document};
use super::metrics::{self, Choice, ProposedMetric, unit_name};
use super::read::Format;
use super::site::Site;
use crate::model::{Bound, ReportKind, Status};

/// A draft report.
#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    /// The report's title.
    pub title: String,
    /// The reporting organization's id.
    pub organization: String,
    /// The year the report covers.
    pub year: i32,
    /// The publication date, `YYYY[-MM[-DD]]`.
    pub published: String,
    /// The kind of report.
    pub kind: ReportKind,
    /// The format the submission was read as (`text`, `pdf`...).
    pub format: &'static str,
    /// The action lines suggested for the whole report: the strong suggestions of its
    /// sections, in the site's order.
    pub action_lines: Vec<Suggestion>,
    /// The sections, split at headings.
    pub sections: Vec<Section>,
    /// The candidate figures, in text order.
    pub candidates: Vec<DraftCandidate>,
}

/// A section of the submission: a heading and the text up to the next one.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The heading; `None` for text before the first heading.
    pub heading: Option<String>,
    /// The action lines suggested for this section.
    pub action_lines: Vec<Suggestion>,
    /// The section's text, its blocks separated by blank lines.
    pub text: String,
}

/// A candidate figure with the metric chosen for it.
#[derive(Debug, Clone, Serialize)]
pub struct DraftCandidate {
    /// The value (a range's low end).
    pub value: f64,
    /// A range's high end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// `count`, `people`, `usd` or `percent`.
    pub unit: &'static str,
    /// The bound's name (`at-least`...), or `projected`/`target` for an outlook.
    pub qualifier: &'static str,
    /// The bound alone.
    pub bound: Bound,
    /// The status alone.
    pub status: Status,
    /// The year the figure describes.
    pub year: i32,
    /// The sentence stating it, verbatim from the body.
    pub quote: String,
    /// An existing metric's id, if one fits.
    pub metric: Option<String>,
    /// A new metric to create, when none fits.
    pub proposed_metric: Option<ProposedMetric>,
    /// The action lines of its section (or of its metric).
    pub action_lines: Vec<Suggestion>,
    /// How likely it is a reported result, 0 to 1.
    pub confidence: f32,
    /// Why it is a candidate.
    pub reason: String,
    /// Why the metric was chosen or proposed.
    pub metric_reason: String,
    /// The index of the section it is in.
    pub section: Option<usize>,
}

/// What the draft is made from besides the document.
#[derive(Debug, Clone)]
pub struct Head {
    /// The title.
    pub title: String,
    /// The organization's id.
    pub organization: String,
    /// The year covered.
    pub year: i32,
    /// The publication date.
    pub published: String,
    /// The kind of report.
    pub kind: ReportKind,
}

impl Draft {
    /// Drafts a report from `doc` for `site`.
    pub fn new(doc: &Document, format: Format, head: Head, site: &Site) -> Draft {
        let lines = action_lines::Matcher::new(&site.action_lines);
        let sections: Vec<Section> = split_sections(doc)
            .into_iter()
            .map(|(heading, text)| {
                let named = format!("{}\n\n{text}", heading.as_deref().unwrap_or(""));
                Section {
                    action_lines: lines.suggest(&named),
                    heading,
                    text,
                }
            })
            .collect();
        let mut report_lines: Vec<Suggestion> = Vec::new();
        for s in sections.iter().flat_map(|s| &s.action_lines) {
            if s.score < STRONG {
                continue;
            }
            match report_lines.iter_mut().find(|r| r.code == s.code) {
                Some(r) if r.score < s.score => *r = s.clone(),
                Some(_) => {}
                None => report_lines.push(s.clone()),
            }
        }
        // In the site's order, as an editor would list them.
        let order = |code: &str| site.action_lines.iter().position(|l| l.code == code);
        report_lines.sort_by_key(|s| order(&s.code));

        let mut chooser = metrics::Matcher::new(&site.metrics, &head.organization);
        let found = candidates(&doc.plain_text(), head.year);
        let candidates = found
            .into_iter()
            .map(|c| {
                let section = sections.iter().position(|s| {
                    s.text.contains(&c.quote)
                        || s.heading.as_ref().is_some_and(|h| h.contains(&c.quote))
                });
                let lines = section.map(|i| sections[i].action_lines.as_slice());
                let choice = chooser.choose(&c);
                let mut d = draft_candidate(c, choice, lines, site);
                d.section = section;
                d
            })
            .collect();
        Draft {
            title: head.title,
            organization: head.organization,
            year: head.year,
            published: head.published,
            kind: head.kind,
            format: format_name(format),
            action_lines: report_lines,
            sections,
            candidates,
        }
    }
}

/// The name of a format, as `--format json` and the summary give it.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
        Format::Docx => "docx",
        Format::Pdf => "pdf",
    }
}

/// The qualifier issue 14 names: the status when it looks forward, else the bound.
fn qualifier(bound: Bound, status: Status) -> &'static str {
    if status.is_outlook() {
        status.name()
    } else {
        bound.name()
    }
}

/// A candidate with its metric and action lines.
fn draft_candidate(
    c: Candidate,
    choice: Choice,
    section_lines: Option<&[Suggestion]>,
    site: &Site,
) -> DraftCandidate {
    let mut lines: Vec<Suggestion> = section_lines
        .unwrap_or_default()
        .iter()
        .filter(|s| s.score >= STRONG)
        .cloned()
        .collect();
    let (metric, proposed_metric, metric_reason) = match choice {
        Choice::Existing { id, reason } => {
            let own = site.metrics.iter().find(|m| m.id == id);
            for code in own.map(|m| m.action_lines.as_slice()).unwrap_or_default() {
                if !action_lines::has(&lines, code) {
                    lines.push(Suggestion {
                        code: code.clone(),
                        score: STRONG,
                        reason: format!("an action line of metric `{id}`"),
                    });
                }
            }
            (Some(id), None, reason)
        }
        Choice::Proposed(p) => {
            let reason = format!("no metric of unit {} names it: proposed `{}`", p.unit, p.id);
            (None, Some(p), reason)
        }
    };
    DraftCandidate {
        value: c.value,
        value_max: c.value_max,
        unit: unit_name(c.unit),
        qualifier: qualifier(c.bound, c.status),
        bound: c.bound,
        status: c.status,
        year: c.year,
        quote: c.quote,
        metric,
        proposed_metric,
        action_lines: lines,
        confidence: c.confidence,
        reason: c.reason,
        metric_reason,
        section: None,
    }
}

/// The document cut at its headings: each heading with the texts of the blocks up to
/// the next, joined by blank lines; the text before the first heading has none.
fn split_sections(doc: &Document) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, Vec<&str>)> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { text, .. } => out.push((Some(text.clone()), Vec::new())),
            other => {
                if out.is_empty() {
                    out.push((None, Vec::new()));
                }
                if let Some(last) = out.last_mut() {
                    last.1.extend(other.texts());
                }
            }
        }
    }
    out.into_iter()
        .map(|(h, texts)| (h, texts.join("\n\n")))
        .collect()
}
