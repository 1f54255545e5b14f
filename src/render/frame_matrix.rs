//! The matrix of `/frameworks/`: action lines in rows, SDGs and GDC objectives in
//! columns, a mark where a sourced crosswalk link joins them. An HTML table with row
//! and column headers, so screen readers name both for each cell; no JavaScript.

use std::collections::BTreeMap;

use serde::Serialize;

use super::frame_views::{is_sdg, link_anchor};
use super::views::Views;
use crate::model::LineId;
use crate::model::frame::{GdcId, Node, SdgId};
use crate::urls::Page;

/// A column of the matrix: a goal or an objective.
#[derive(Debug, Serialize)]
struct ColumnView<'a> {
    label: String,
    short: &'a str,
    url: String,
}

/// A mark of the matrix: one sourced link between the row's action line and the
/// column's goal (or one of its targets) or objective.
#[derive(Debug, Serialize)]
struct MarkView {
    /// What of the column the line is linked to: a target's code (`4.4`), `goal` for
    /// the goal as a whole, `linked` for an objective.
    label: String,
    /// The link's row of the crosswalk table.
    url: String,
}

/// The action lines against the goals and objectives: a mark where a sourced link
/// exists, each mark linking to its row of the crosswalk table.
pub(super) fn matrix(v: Views<'_>) -> serde_json::Value {
    let f = &v.site.frame;
    let columns: Vec<(Node, ColumnView<'_>)> = (0..f.sdgs.len())
        .map(|i| {
            let g = &f.sdgs[i];
            (
                Node::Sdg(SdgId(i as u32)),
                ColumnView {
                    label: v.sdg_code(&g.number.to_string()),
                    short: &g.short,
                    url: v.url(Page::Sdg(g.number)),
                },
            )
        })
        .chain((0..f.gdc.len()).map(|i| {
            let o = &f.gdc[i];
            (
                Node::Gdc(GdcId(i as u32)),
                ColumnView {
                    label: v.gdc_code(&o.number.to_string()),
                    short: &o.short,
                    url: v.url(Page::Gdc(o.number)),
                },
            )
        }))
        .collect();
    // (line, column) -> marks, in crosswalk order.
    let mut cells: BTreeMap<(LineId, usize), Vec<MarkView>> = BTreeMap::new();
    for (i, link) in f.crosswalk.iter().enumerate() {
        let (line, other) = match (link.from, link.to) {
            (Node::Line(l), other) | (other, Node::Line(l)) => (l, other),
            _ => continue,
        };
        let column = columns.iter().position(|(node, _)| match (*node, other) {
            (Node::Sdg(g), o) => is_sdg(o, g),
            (n, o) => n == o,
        });
        if let Some(c) = column {
            cells.entry((line, c)).or_default().push(MarkView {
                // The column names the goal or objective; the mark says what of it.
                label: match other {
                    Node::SdgTarget(g, t) => f.sdg(g).targets[t].code.clone(),
                    Node::Sdg(_) => "goal".into(),
                    _ => "linked".into(),
                },
                url: format!("{}#{}", v.url(Page::Frameworks), link_anchor(i)),
            });
        }
    }
    let rows: Vec<_> = (0..v.site.action_lines.len())
        .map(|i| {
            let line = LineId(i as u32);
            let marks: Vec<Vec<MarkView>> = (0..columns.len())
                .map(|c| cells.remove(&(line, c)).unwrap_or_default())
                .collect();
            serde_json::json!({"line": v.line(line), "cells": marks})
        })
        .collect();
    serde_json::json!({
        "columns": columns.into_iter().map(|(_, c)| c).collect::<Vec<_>>(),
        "sdg_columns": f.sdgs.len(),
        "gdc_columns": f.gdc.len(),
        "rows": rows,
    })
}
