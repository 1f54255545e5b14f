//! `content/crosswalk.yaml`: sourced links between two frameworks, each pair once.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::Doc;
use crate::load::frame::RawLink;
use crate::model::frame::{Link, Node};

use super::Refs;
use super::citations::{Docs, cite};
use super::frameworks::{Nodes, line_of};

/// Checks every link, in file order.
pub(super) fn crosswalk(
    doc: &Doc<Vec<RawLink>>,
    docs: &Docs<'_>,
    nodes: &Nodes,
    refs: &Refs<'_, '_>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Link> {
    let mut out = Vec::new();
    let mut seen: HashMap<(Node, Node), usize> = HashMap::new();
    for (i, raw) in doc.value.iter().enumerate() {
        let at = |field: &str| format!("{i}.{field}");
        let given = [
            raw.action_line.is_some(),
            raw.sdg.is_some(),
            raw.gdc.is_some(),
        ]
        .iter()
        .filter(|&&g| g)
        .count();
        if given != 2 {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &i.to_string(),
                    format!(
                        "a crosswalk link joins exactly two of `action_line`, `sdg` and `gdc`; this one has {given}"
                    ),
                )
                .help("write one link per pair: `action_line` and `sdg`, `action_line` and `gdc`, or `sdg` and `gdc`"),
            );
            continue;
        }
        let mut ends = Vec::with_capacity(2);
        if let Some(code) = &raw.action_line {
            match refs.lines.resolve(code, doc, &at("action_line")) {
                Ok(l) => ends.push(Node::Line(l)),
                Err(e) => errors.push(e),
            }
        }
        if let Some(code) = &raw.sdg {
            match nodes.sdg(code, doc, &at("sdg")) {
                Ok(n) => ends.push(n),
                Err(e) => errors.push(e),
            }
        }
        if let Some(n) = raw.gdc {
            match nodes.gdc(n, doc, &at("gdc")) {
                Ok(g) => ends.push(Node::Gdc(g)),
                Err(e) => errors.push(e),
            }
        }
        let source = cite(&raw.source, None, doc, &at("source"), docs, errors);
        let (&[from, to], Some(source)) = (ends.as_slice(), source) else {
            continue;
        };
        if let Some(first) = seen.insert((from, to), i) {
            let line = line_of(doc, &first.to_string());
            errors.push(
                doc.error(
                    Kind::Duplicate,
                    &i.to_string(),
                    format!("this link is also on line {line}: the same pair is listed twice"),
                )
                .help("keep one link per pair; a second source can replace the first"),
            );
            continue;
        }
        out.push(Link { from, to, source });
    }
    out
}
