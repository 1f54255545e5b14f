//! An action line's report sections, and the coverage matrix of lines against
//! organizations.

use std::collections::BTreeMap;

use serde::Serialize;

use super::views::{ReportView, Views};
use super::{MATRIX_ORGANIZATIONS, MAX_INLINE_SECTIONS};
use crate::link::SectionRef;
use crate::model::{LineId, OrgId, ReportId};
use crate::urls::Page;

/// A report section where it is listed away from its report: its title, length and
/// opening sentence, linking to the full text. A report's text is shown in full on its
/// own page only: embedding every section on its action line's pages as well doubled
/// the output for text one click away (issue 17).
#[derive(Debug, Serialize)]
pub(super) struct SectionExcerpt<'a> {
    title: &'a str,
    /// The section on the report page.
    url: String,
    words: usize,
    lead: &'a str,
}

impl<'a> SectionExcerpt<'a> {
    /// The excerpt of `section`, of the report whose page is at `report_url`.
    pub(super) fn new(report_url: &str, section: &'a crate::model::Section) -> Self {
        SectionExcerpt {
            title: &section.heading.text,
            url: anchored(report_url, section),
            words: section.words,
            lead: &section.lead,
        }
    }
}

/// A report's sections on one action line.
#[derive(Debug, Serialize)]
pub(super) struct ReportSections<'a> {
    report: ReportView<'a>,
    sections: Vec<SectionExcerpt<'a>>,
}

/// One year of an action line's sections.
#[derive(Debug, Serialize)]
pub(super) struct YearSections<'a> {
    year: i32,
    url: String,
    reports: Vec<ReportSections<'a>>,
}

/// Sections `refs` of an action line (a run of [`crate::link::Links::sections_by_line`])
/// grouped by year (newest first), then report, in the reverse of their order.
pub(super) fn line_sections<'a>(v: Views<'a>, refs: &[SectionRef]) -> Vec<YearSections<'a>> {
    // Group consecutive sections of one report, then reports of one year.
    let mut entries: Vec<(i32, ReportId, Vec<usize>)> = Vec::new();
    for s in refs {
        let year = v.site.report(s.report).year;
        match entries.last_mut() {
            Some((_, r, secs)) if *r == s.report => secs.push(s.section),
            _ => entries.push((year, s.report, vec![s.section])),
        }
    }
    let mut out: Vec<YearSections<'a>> = Vec::new();
    for (year, rid, secs) in entries.into_iter().rev() {
        let r = v.site.report(rid);
        let report_url = v.url(Page::Report(&r.slug));
        let sections = secs
            .into_iter()
            .map(|i| SectionExcerpt::new(&report_url, &r.body.sections[i]))
            .collect();
        let entry = ReportSections {
            report: v.report(rid),
            sections,
        };
        match out.last_mut() {
            Some(y) if y.year == year => y.reports.push(entry),
            _ => out.push(YearSections {
                year,
                url: v.url(Page::Year(year)),
                reports: vec![entry],
            }),
        }
    }
    out
}

/// The coverage matrix: action lines (all of them, even with no reports) against the
/// organizations that reported, each cell the years reported, each year linking to the
/// report's section on the line (or to the line page's year when there are several).
pub(super) fn matrix(v: Views<'_>) -> serde_json::Value {
    let s = v.site;
    let mut orgs: Vec<OrgId> = (0..s.organizations.len())
        .map(|i| OrgId(i as u32))
        .filter(|o| !v.links.org_reports(*o).is_empty())
        .collect();
    let reporting = orgs.len();
    if orgs.len() > MATRIX_ORGANIZATIONS {
        orgs.sort_by_key(|&o| (std::cmp::Reverse(v.links.org_reports(o).len()), o));
        orgs.truncate(MATRIX_ORGANIZATIONS);
        orgs.sort();
    }
    let rows: Vec<_> = (0..s.action_lines.len())
        .map(|i| {
            let line = LineId(i as u32);
            let line_view = v.line(line);
            let split = v.links.sections_by_line[i].len() > MAX_INLINE_SECTIONS;
            let slug = &s.line(line).slug;
            let on_line = &v.links.reports_by_line[i];
            let cells: Vec<_> = orgs
                .iter()
                .map(|&o| {
                    // year -> the organization's reports of that year on this line. From
                    // the shown organizations' reports, not from every report on the line:
                    // at 100,000 reports that was most of a `serve` rebuild, for the two
                    // pages showing the matrix in every language. A line's list is in
                    // report order, so membership is a binary search.
                    let mut by_year: BTreeMap<i32, Vec<ReportId>> = BTreeMap::new();
                    for &r in v.links.org_reports(o) {
                        if on_line.binary_search(&r).is_ok() {
                            by_year.entry(s.report(r).year).or_default().push(r);
                        }
                    }
                    let years: Vec<_> = by_year
                        .iter()
                        .map(|(&year, reports)| {
                            let has_section =
                                |&r: &ReportId| section_on(s.report(r), line).is_some();
                            let url = match reports.as_slice() {
                                [one] => section_url(v, *one, line),
                                // Named in their front matter only: the line's years (its
                                // page's headings, its year pages) are those with sections.
                                _ if !reports.iter().any(has_section) => line_view.url.to_string(),
                                _ if split => v.url(Page::ActionLineYear(slug, year)),
                                _ => format!("{}#y{year}", line_view.url),
                            };
                            serde_json::json!({"year": year, "url": url})
                        })
                        .collect();
                    serde_json::json!({"years": years})
                })
                .collect();
            serde_json::json!({"line": line_view, "cells": cells})
        })
        .collect();
    serde_json::json!({
        "organizations": orgs.iter().map(|&o| v.org(o)).collect::<Vec<_>>(),
        "rows": rows,
        "reporting": reporting,
        "organizations_url": v.url(Page::Organizations),
    })
}

/// The address of `section` on its report's page, at `report_url`.
pub(super) fn anchored(report_url: &str, section: &crate::model::Section) -> String {
    format!("{report_url}#{}", section.heading.anchor)
}

/// The report's first section on `line`, if it has one.
fn section_on(report: &crate::model::Report, line: LineId) -> Option<&crate::model::Section> {
    report
        .body
        .sections
        .iter()
        .find(|s| s.lines.contains(&line))
}

/// The report's first section on `line`, or the report page when it has none.
pub(super) fn section_url(v: Views<'_>, report: ReportId, line: LineId) -> String {
    let r = v.site.report(report);
    let url = v.url(Page::Report(&r.slug));
    match section_on(r, line) {
        Some(sec) => anchored(&url, sec),
        None => url,
    }
}
