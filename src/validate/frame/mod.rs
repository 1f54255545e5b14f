//! The WSIS+20 frame: source documents, SDGs and GDC objectives, the crosswalk and the
//! targets, checked against each other and against the rest of the site, with every
//! citation's document, paragraph and quote resolved.

mod citations;
mod crosswalk;
mod documents;
mod frameworks;
mod targets;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::Sources;
use crate::model::frame::{Frame, Sourced};
use crate::model::{LineId, MetricId};

use super::Lookup;
use super::localized::Texts;

/// The references the frame's files make to the rest of the site.
pub(super) struct Refs<'r, 'a> {
    pub(super) lines: &'r Lookup<'a, LineId>,
    pub(super) metrics: &'r Lookup<'a, MetricId>,
}

/// Checks the frame's files and builds the [`Frame`], with the source of each action
/// line that cites one.
pub(super) fn frame(
    sources: &Sources,
    refs: &Refs<'_, '_>,
    config: &Config,
    texts: &mut Texts,
    errors: &mut Vec<Diagnostic>,
) -> (Frame, Vec<(LineId, Sourced)>) {
    let raw = &sources.frame;
    let documents = documents::documents(&raw.documents, config, errors);
    let docs = citations::Docs::new(&documents, texts);
    let (sdgs, gdc) = match &raw.frameworks {
        Some(doc) => frameworks::frameworks(doc, &docs, errors),
        None => Default::default(),
    };
    let nodes = frameworks::Nodes::new(&sdgs, &gdc);
    let crosswalk = match &raw.crosswalk {
        Some(doc) => crosswalk::crosswalk(doc, &docs, &nodes, refs, errors),
        None => Vec::new(),
    };
    let targets = match &raw.targets {
        Some(doc) => targets::targets(doc, &docs, &nodes, refs, errors),
        None => Vec::new(),
    };
    let mut line_sources = Vec::new();
    if let Some(doc) = &sources.action_lines {
        for (i, line) in doc.value.iter().enumerate() {
            let (Some(source), Some(&id)) =
                (&line.source, refs.lines.by_name.get(line.code.as_str()))
            else {
                continue;
            };
            let cited = citations::cite(source, None, doc, &format!("{i}.source"), &docs, errors);
            if let Some(cited) = cited {
                line_sources.push((id, cited));
            }
        }
    }
    (
        Frame {
            documents,
            sdgs,
            gdc,
            crosswalk,
            targets,
        },
        line_sources,
    )
}

/// Records an error when the text field `field` (at `path` of `doc`) holds no words:
/// an empty title or wording would give a page an empty heading or link, and an empty
/// wording is in every paragraph, so its quote check would pass without checking.
pub(super) fn require_words<T>(
    doc: &crate::load::Doc<T>,
    path: &str,
    field: &str,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) {
    if text.trim().is_empty() {
        errors.push(
            doc.error(
                crate::diagnostic::Kind::Invalid,
                path,
                format!("`{field}` is empty"),
            )
            .help(format!("write the {field}, or leave the entry out")),
        );
    }
}
