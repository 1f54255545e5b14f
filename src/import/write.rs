//! The report file a draft becomes: front matter that follows the content model, with
//! each candidate marked `review: candidate`, then the submission's text as Markdown.
//!
//! The front matter is written line by line rather than through a YAML serializer,
//! because the editor needs comments in it (each candidate's confidence and reason,
//! each action line's reason) and serializers drop comments. Every string is written
//! as a JSON string, which is also a YAML double-quoted scalar: quotes, colons, `#`,
//! backslashes and line breaks all read back as they were.

use std::fmt::Write;

use super::document::{Block, Document};
use super::draft::{Draft, DraftCandidate};
use crate::model::{Bound, Status};

/// The report file's text.
pub fn report_text(draft: &Draft, doc: &Document) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", string(&draft.title));
    let _ = writeln!(out, "organization: {}", string(&draft.organization));
    let _ = writeln!(out, "year: {}", draft.year);
    let _ = writeln!(out, "published: {}", string(&draft.published));
    let _ = writeln!(out, "kind: {}", crate::scaffold::serde_plain(&draft.kind));
    let codes: Vec<String> = draft.action_lines.iter().map(|s| string(&s.code)).collect();
    let _ = writeln!(out, "action_lines: [{}]", codes.join(", "));
    if !draft.action_lines.is_empty() {
        out.push_str("# Action lines suggested by `wsis import`; keep those that are right:\n");
        for s in &draft.action_lines {
            let _ = writeln!(out, "#   {}: {}", s.code, one_line(&s.reason));
        }
    }
    if draft.candidates.is_empty() {
        out.push_str("figures: []\n");
    } else {
        out.push_str(
            "# Candidate figures: accept one by deleting its `review:` line (and creating its\n\
             # proposed metric, then deleting `proposed_metric`), reject it by deleting it.\n",
        );
        out.push_str("figures:\n");
        for c in &draft.candidates {
            figure(&mut out, c);
        }
    }
    out.push_str("---\n\n");
    out.push_str(&body(draft, doc).to_markdown());
    out
}

/// The document without its opening heading when that heading is the report's title:
/// the page shows the title already. A heading that a quote comes from stays.
fn body(draft: &Draft, doc: &Document) -> Document {
    let mut body = doc.clone();
    let is_title = matches!(
        body.blocks.first(),
        Some(Block::Heading { text, .. })
            if text.trim() == draft.title && !draft.candidates.iter().any(|c| text.contains(&c.quote))
    );
    if is_title {
        body.blocks.remove(0);
    }
    // The page's own title is its one top-level heading: the document's start one
    // level below it.
    for block in &mut body.blocks {
        if let Block::Heading { level, .. } = block {
            *level = (*level + 1).min(6);
        }
    }
    body
}

/// One candidate as a `figures:` entry.
fn figure(out: &mut String, c: &DraftCandidate) {
    let metric = c
        .metric
        .as_deref()
        .or(c.proposed_metric.as_ref().map(|p| p.id.as_str()))
        .unwrap_or_default();
    let _ = writeln!(out, "  - metric: {}", string(metric));
    match c.value_max {
        Some(high) => {
            let _ = writeln!(out, "    low: {}", number(c.value));
            let _ = writeln!(out, "    high: {}", number(high));
        }
        None => {
            let _ = writeln!(out, "    value: {}", number(c.value));
            if c.bound != Bound::Exact {
                let _ = writeln!(out, "    bound: {}", c.bound.name());
            }
        }
    }
    if c.status != Status::Actual {
        let _ = writeln!(out, "    status: {}", c.status.name());
    }
    let _ = writeln!(out, "    year: {}", c.year);
    let _ = writeln!(out, "    quote: {}", string(&c.quote));
    let _ = writeln!(
        out,
        "    review: candidate  # {:.2}: {}",
        c.confidence,
        one_line(&c.reason)
    );
    if let Some(p) = &c.proposed_metric {
        let _ = writeln!(
            out,
            "    proposed_metric: {{title: {}, unit: {}}}",
            string(&p.title),
            string(&p.unit)
        );
    }
}

/// `s` as a YAML double-quoted scalar (JSON's string syntax is a subset of it).
/// JSON leaves some characters unescaped that YAML refuses in a document (DEL, the
/// C1 controls, U+FFFE, U+FFFF) or that a YAML 1.1 parser reads as line breaks and
/// folds into spaces (U+0085, U+2028, U+2029): those are escaped too.
pub(crate) fn string(s: &str) -> String {
    let json = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    if !json.contains(needs_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` must be escaped in a YAML double-quoted scalar though JSON keeps it.
fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}'
    )
}

/// A number as YAML reads it back: whole numbers without a fraction (`3300`, not
/// `3300.0`), others in the shortest form that reads back the same.
fn number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// `s` on one line, for a YAML comment.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::import::action_lines::Suggestion;
    use crate::import::draft::Section;
    use crate::import::metrics::ProposedMetric;
    use crate::model::ReportKind;

    /// A draft whose strings hold everything YAML or Markdown could misread.
    fn awkward_draft(quote: &str) -> (Draft, Document) {
        let doc = Document {
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "Results: #1 *of* 2024".into(),
                },
                Block::Paragraph(quote.into()),
            ],
            ..Document::default()
        };
        let candidate = DraftCandidate {
            value: 3300.0,
            value_max: None,
            unit: "people",
            qualifier: "at-least",
            bound: Bound::AtLeast,
            status: Status::Projected,
            year: 2024,
            quote: quote.into(),
            metric: None,
            proposed_metric: Some(ProposedMetric {
                id: "isoc-people-trained".into(),
                title: "People: \"trained\" # all".into(),
                unit: "people".into(),
            }),
            action_lines: vec![],
            confidence: 0.8,
            reason: "people after it;\nline two # with a hash".into(),
            metric_reason: String::new(),
            section: Some(0),
        };
        let draft = Draft {
            title: "Title: with \"quotes\" and # hash".into(),
            organization: "isoc".into(),
            year: 2024,
            published: "2024-11".into(),
            kind: ReportKind::AnnualProgress,
            format: "text",
            action_lines: vec![Suggestion {
                code: "C4".into(),
                score: 1.0,
                reason: "the text names \"C4\"".into(),
            }],
            sections: vec![Section {
                heading: None,
                action_lines: vec![],
                text: quote.into(),
            }],
            candidates: vec![candidate],
        };
        (draft, doc)
    }

    #[test]
    fn characters_yaml_refuses_or_folds_are_escaped() {
        let odd = "a\u{7f}b\u{80}c\u{85}d\u{2028}e\u{2029}f\u{fffe}g\u{ffff}h\u{0}i";
        let written = string(odd);
        assert!(written.is_ascii(), "{written}");
        let read: String = serde_norway::from_str(&written).unwrap();
        assert_eq!(read, odd);
        let (mut draft, doc) = awkward_draft("We trained 3,300 people.");
        draft.title = odd.into();
        let text = report_text(&draft, &doc);
        let raw = crate::load::parse_report(&text, std::path::Path::new("r.md"))
            .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(raw.front.value.title, odd);
    }

    #[test]
    fn the_file_reads_back_through_the_loader() {
        let quote = r#"We said: "more than 3,300 people" \ trained # [sic] *all* in 2024."#;
        let (draft, doc) = awkward_draft(quote);
        let text = report_text(&draft, &doc);
        // Accepted: the review mark and the proposal deleted, as an editor does.
        let accepted: String = text
            .lines()
            .filter(|l| !l.starts_with("    review:") && !l.starts_with("    proposed_metric:"))
            .map(|l| format!("{l}\n"))
            .collect();
        let raw = crate::load::parse_report(&accepted, std::path::Path::new("r.md"))
            .unwrap_or_else(|e| panic!("{e:?}\n{accepted}"));
        let front = &raw.front.value;
        assert_eq!(front.title, draft.title);
        assert_eq!(front.action_lines, ["C4"]);
        assert_eq!(front.figures.len(), 1);
        assert_eq!(front.figures[0].quote, quote);
        assert_eq!(front.figures[0].bound, Some(Bound::AtLeast));
        assert_eq!(front.figures[0].status, Some(Status::Projected));
        // The body keeps the quote, escaped, and drops the title heading only when it
        // is the title.
        assert!(
            raw.body.contains(r"\\ trained \# \[sic\] \*all\*"),
            "{}",
            raw.body
        );
        assert!(raw.body.contains("## Results: \\#1"), "{}", raw.body);
    }
}
