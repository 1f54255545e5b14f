//! `content/targets.yaml`: commitments and targets, each with the paragraph that sets
//! it, what it serves, and either a value to reach or an end state in words.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::Doc;
use crate::load::frame::RawTarget;
use crate::load::number;
use crate::model::frame::{Baseline, Goal, Target};

use super::super::{SLUG_HELP, is_slug, read};
use super::Refs;
use super::citations::{Docs, Wording, cite};
use super::frameworks::{Nodes, line_of};

/// Checks every target, in file order.
pub(super) fn targets(
    doc: &Doc<Vec<RawTarget>>,
    docs: &Docs<'_>,
    nodes: &Nodes,
    refs: &Refs<'_, '_>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Target> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, raw) in doc.value.iter().enumerate() {
        let at = |field: &str| format!("{i}.{field}");
        let before = errors.len();
        if !is_slug(&raw.id) {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at("id"),
                    format!("invalid target id `{}`", raw.id),
                )
                .help(SLUG_HELP),
            );
            continue;
        }
        if let Some(first) = seen.insert(raw.id.as_str(), i) {
            let line = line_of(doc, &format!("{first}.id"));
            errors.push(
                doc.error(
                    Kind::Duplicate,
                    &at("id"),
                    format!(
                        "target `{}` is also defined on line {line}: both would be written to targets/{}/",
                        raw.id, raw.id
                    ),
                )
                .help("give each target its own id"),
            );
            continue;
        }
        let before_title = errors.len();
        let title = docs.text(&raw.title, doc, &at("title"), errors);
        if errors.len() == before_title {
            super::require_words(doc, &at("title"), "title", &title, errors);
        }
        let wording_path = at("wording");
        let wording = Wording {
            path: &wording_path,
            field: "wording",
            text: &raw.wording,
        };
        let source = cite(&raw.source, Some(wording), doc, &at("source"), docs, errors);
        let mut action_lines = Vec::new();
        for (j, code) in raw.action_lines.iter().enumerate() {
            match refs
                .lines
                .resolve(code, doc, &at(&format!("action_lines.{j}")))
            {
                Ok(l) if !action_lines.contains(&l) => action_lines.push(l),
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        let mut sdgs = Vec::new();
        for (j, code) in raw.sdgs.iter().enumerate() {
            match nodes.sdg(code, doc, &at(&format!("sdgs.{j}"))) {
                Ok(n) if !sdgs.contains(&n) => sdgs.push(n),
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        let mut gdc = Vec::new();
        for (j, n) in raw.gdc.iter().enumerate() {
            match nodes.gdc(*n, doc, &at(&format!("gdc.{j}"))) {
                Ok(g) if !gdc.contains(&g) => gdc.push(g),
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        let indicator = raw.indicator.as_ref().and_then(|m| {
            refs.metrics
                .resolve(m, doc, &at("indicator"))
                .map_err(|e| errors.push(e))
                .ok()
        });
        let baseline = raw.baseline.as_ref().and_then(|b| {
            if raw.indicator.is_none() {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at("baseline"),
                        "a baseline needs an `indicator`: its value is in the indicator's unit",
                    )
                    .help("name the metric that measures the target with `indicator: <metric id>`, or delete the baseline"),
                );
            }
            let value = read(number::figure_value(&b.value), doc, &at("baseline.value"), errors);
            let year = read(number::year(&b.year), doc, &at("baseline.year"), errors);
            let source = cite(&b.source, None, doc, &at("baseline.source"), docs, errors)?;
            Some(Baseline { value, year, source })
        });
        let goal = match (&raw.target_value, &raw.end_state) {
            (Some(v), None) => Goal::Value(read(
                number::figure_value(v),
                doc,
                &at("target_value"),
                errors,
            )),
            (None, Some(words)) if !words.trim().is_empty() => Goal::EndState(words.clone()),
            (None, Some(_)) => {
                errors.push(
                    doc.error(Kind::Invalid, &at("end_state"), "`end_state` is empty")
                        .help("describe the state the target aims at, in the document's words"),
                );
                continue;
            }
            (Some(_), Some(_)) => {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at("end_state"),
                        "a target has either `target_value` (a number) or `end_state` (words), not both",
                    )
                    .help("keep `target_value` for a target measured by its indicator, `end_state` for one described in words"),
                );
                continue;
            }
            (None, None) => {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &i.to_string(),
                        format!("target `{}` needs `target_value` or `end_state`", raw.id),
                    )
                    .help("`target_value: 100` for a value of its indicator to reach, or `end_state: \"...\"` for a state described in words"),
                );
                continue;
            }
        };
        let deadline = number::year(&raw.deadline);
        let late_baseline = match (&deadline, &baseline) {
            (Ok(deadline), Some(b)) => b.year > *deadline,
            _ => false,
        };
        let deadline = read(deadline, doc, &at("deadline"), errors);
        if let (true, Some(b)) = (late_baseline, &baseline) {
            // A baseline is where the pace is measured from: one after the deadline
            // would make the status compare the goal with a later start.
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at("baseline.year"),
                    format!(
                        "the baseline's year {} is after the target's deadline {deadline}",
                        b.year
                    ),
                )
                .help("a baseline is the value before the target is reached: give its year on or before the deadline"),
            );
        }
        let Some(source) = source else {
            continue;
        };
        if errors.len() != before {
            continue;
        }
        out.push(Target {
            id: raw.id.clone(),
            wording: raw.wording.clone(),
            title,
            source,
            action_lines,
            sdgs,
            gdc,
            indicator,
            baseline,
            goal,
            deadline,
        });
    }
    out
}
