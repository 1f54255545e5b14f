//! Source documents: front matter checked, text rendered with each numbered paragraph
//! anchored, paragraph numbers unique.

use std::collections::HashMap;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Kind, Location};
use crate::load::frame::RawDocument;
use crate::load::number;
use crate::markdown::{self, RenderSettings};
use crate::model::frame::{Document, Paragraph};

use super::super::{SLUG_HELP, check_web_url, is_slug, read};

/// Checks every document and renders its text; sorted by date, then id.
pub(super) fn documents(
    raw: &[RawDocument],
    config: &Config,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    let mut files: HashMap<&str, &std::path::Path> = HashMap::new();
    for d in raw {
        if let Some(first) = files.insert(&d.id, &d.front.file) {
            errors.push(
                Diagnostic::new(
                    Kind::Duplicate,
                    &d.front.file,
                    format!(
                        "document id `{}` is also used by {}: both would be written to documents/{}/",
                        d.id,
                        first.display(),
                        d.id
                    ),
                )
                .help("rename one of the files"),
            );
        }
    }
    let mut out: Vec<Document> = raw.iter().map(|d| document(d, config, errors)).collect();
    out.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    out
}

fn document(raw: &RawDocument, config: &Config, errors: &mut Vec<Diagnostic>) -> Document {
    let doc = &raw.front;
    let fm = &doc.value;
    if !is_slug(&raw.id) {
        errors.push(
            Diagnostic::new(
                Kind::Invalid,
                &doc.file,
                format!("invalid document file name `{}`", raw.id),
            )
            .help(format!(
                "{SLUG_HELP}; name documents after their symbol, such as a-res-80-173.md"
            )),
        );
    }
    for (field, value) in [
        ("symbol", &fm.symbol),
        ("title", &fm.title),
        ("issued_by", &fm.issued_by),
    ] {
        super::require_words(doc, field, field, value, errors);
    }
    if let Some(url) = &fm.source_url
        && let Err(e) = check_web_url(url)
    {
        errors.push(doc.error(Kind::Invalid, "source_url", e));
    }
    let date = number::year_in_range(fm.date.year, &format!("date {}", fm.date));
    read(date, doc, "date", errors);

    let base_path = config.base_url.path();
    let no_line = |_: &str| None;
    let settings = RenderSettings {
        base_path,
        // A document's headings are its own, never an action line's section.
        line_code: &no_line,
        allow_unsafe_html: config.build.allow_unsafe_html,
        first_line: raw.body_line,
    };
    let rendered = markdown::render_document(&raw.body, &settings);
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let mut paragraphs = Vec::with_capacity(rendered.paragraphs.len());
    for p in rendered.paragraphs {
        let here = Some(Location::new(p.line, p.column));
        if p.number == 0 {
            errors.push(
                Diagnostic::new(Kind::Invalid, &doc.file, "there is no paragraph 0")
                    .at(here)
                    .help("paragraphs are numbered from 1 as the document numbers them"),
            );
        } else if let Some(first) = seen.insert(p.number, p.line) {
            errors.push(
                Diagnostic::new(
                    Kind::Duplicate,
                    &doc.file,
                    format!(
                        "paragraph {} is numbered twice, on lines {first} and {}",
                        p.number, p.line
                    ),
                )
                .at(here)
                .help("each paragraph is transcribed once, with the number the document gives it"),
            );
        } else {
            paragraphs.push(Paragraph {
                number: p.number,
                text: p.text,
            });
        }
    }
    // Kept even when wrong, so that its citations do not also fail as unknown.
    Document {
        id: raw.id.clone(),
        symbol: fm.symbol.clone(),
        title: fm.title.clone(),
        kind: fm.kind,
        issued_by: fm.issued_by.clone(),
        date: fm.date,
        source_url: fm.source_url.clone(),
        paragraphs,
        body: rendered.body,
    }
}
