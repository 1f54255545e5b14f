//! Restatements: a figure that repeats one an earlier report already published (same
//! metric, year and amount) is marked `restates: <slug>` and shown beside the figure it
//! repeats, not counted as a second observation. Marks are checked against the reports
//! they name, and unmarked repeats are pointed out as warnings.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, Kind, suggestion};
use crate::format;
use crate::load::RawReport;
use crate::model::{Figure, Metric, MetricId, PartialDate, Report};

/// Whether `a` repeats `b`: the same metric, year, amount (bound and value) and
/// status. An actual value after a projection of the same number is news, not a
/// restatement.
pub(crate) fn same_figure(a: &Figure, b: &Figure) -> bool {
    (a.metric, a.year, a.amount, a.status) == (b.metric, b.year, b.amount, b.status)
}

/// Whether `a` is certainly later than `b`: compared on the parts both state, so
/// "2024" is neither before nor after "2024-10".
fn certainly_after(a: PartialDate, b: PartialDate) -> bool {
    let parts = |d: PartialDate| [Some(d.year), d.month.map(i32::from), d.day.map(i32::from)];
    for (x, y) in parts(a).into_iter().zip(parts(b)) {
        match (x, y) {
            (Some(x), Some(y)) if x != y => return x > y,
            (Some(_), Some(_)) => {}
            _ => return false,
        }
    }
    false
}

/// Where each metric and year is stated: the figures stating it, as (report, figure)
/// indexes, in the reports' order.
pub(super) type Stated = FxHashMap<(MetricId, i32), Vec<(usize, usize)>>;

/// Where every figure of `reports` states its metric and year.
pub(super) fn stated(reports: &[Arc<Report>]) -> Stated {
    let mut stated = Stated::default();
    for (i, r) in reports.iter().enumerate() {
        for (j, f) in r.figures.iter().enumerate() {
            stated.entry((f.metric, f.year)).or_default().push((i, j));
        }
    }
    stated
}

/// What is needed besides the reports to check one report's figures against the
/// others.
pub(super) struct Context<'a> {
    /// Where each metric and year is stated ([`stated`]).
    pub(super) stated: &'a Stated,
    /// Every report's index by its slug.
    pub(super) by_slug: &'a FxHashMap<String, usize>,
    /// The site's metrics, by [`MetricId`].
    pub(super) metrics: &'a [Metric],
}

/// What the restatement checks find about one report: warnings for unmarked repeats
/// and for two values of one year, errors for marks that do not hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Found {
    /// Unmarked repeats of an earlier report's figure.
    pub(super) repeats: Vec<Diagnostic>,
    /// Marks that do not hold.
    pub(super) errors: Vec<Diagnostic>,
    /// Two values of one metric and year ([`conflicts`]).
    pub(super) conflicts: Vec<Diagnostic>,
}

/// Checks the `restates` marks of report `i` of `reports` (validated from `raw`) and
/// looks for its unmarked repeats and conflicting values. What it finds depends on
/// that report, the reports stating one of its metrics and years, and those it names
/// only: an edit to another report leaves it as it was.
pub(super) fn check(i: usize, raw: &RawReport, reports: &[Arc<Report>], cx: &Context<'_>) -> Found {
    let Context {
        stated,
        by_slug,
        metrics,
    } = *cx;
    let shown = |f: &Figure| format::figure(f.amount, &metrics[f.metric.index()].unit, f.status);
    let metric_id = |m: MetricId| metrics[m.index()].id.as_str();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let r = &reports[i];
    // Parsed only for a finding: a report reused from the build cache may not be yet.
    let doc = || &raw.front;
    for (j, f) in r.figures.iter().enumerate() {
        // Named only for an error: formatting it for every figure of a large site cost
        // more than the check.
        let at = || format!("figures.{j}.restates");
        let Some(slug) = &f.restates else {
            // An unmarked repeat of a figure of a report certainly published before.
            let earlier = stated[&(f.metric, f.year)].iter().find(|&&(k, l)| {
                let other = &reports[k];
                k != i
                    && same_figure(&other.figures[l], f)
                    && certainly_after(r.published, other.published)
            });
            if let Some(&(k, _)) = earlier {
                warnings.push(
                    doc().error(
                        Kind::Restatement,
                        &format!("figures.{j}.metric"),
                        format!(
                            "{} for {}, {}, repeats the figure of {}, published before this report",
                            metric_id(f.metric),
                            f.year,
                            shown(f),
                            reports[k].slug
                        ),
                    )
                    .help(format!(
                        "if it repeats it, add `restates: {}` so the value is not counted twice",
                        reports[k].slug
                    )),
                );
            }
            continue;
        };
        let Some(&k) = by_slug.get(slug.as_str()) else {
            errors.push(
                doc()
                    .error(Kind::Reference, &at(), format!("unknown report `{slug}`"))
                    .maybe_help(suggestion(slug, by_slug.keys().map(String::as_str))),
            );
            continue;
        };
        let other = &reports[k];
        if k == i {
            errors.push(
                doc()
                    .error(
                        Kind::Invalid,
                        &at(),
                        "a figure cannot restate its own report",
                    )
                    .help("`restates` names an earlier report that published the same figure"),
            );
            continue;
        }
        if certainly_after(other.published, r.published) {
            errors.push(
                doc().error(
                    Kind::Invalid,
                    &at(),
                    format!(
                        "{slug} was published ({}) after this report ({})",
                        other.published, r.published
                    ),
                )
                .help(format!(
                    "a restatement repeats an earlier figure: mark the figure of {slug} as restating this report instead"
                )),
            );
            continue;
        }
        let same = stated[&(f.metric, f.year)]
            .iter()
            .filter(|&&(x, _)| x == k)
            .map(|&(_, l)| &other.figures[l])
            .collect::<Vec<_>>();
        if same.is_empty() {
            errors.push(
                doc()
                    .error(
                        Kind::Reference,
                        &at(),
                        format!("{slug} states no {} for {}", metric_id(f.metric), f.year),
                    )
                    .help("a restatement repeats a figure of the same metric and year"),
            );
        } else if let Some(g) = same.iter().find(|g| same_figure(g, f)) {
            if let Some(chain) = &g.restates {
                errors.push(
                    doc()
                        .error(
                            Kind::Invalid,
                            &at(),
                            format!("the figure of {slug} itself restates {chain}"),
                        )
                        .help(format!(
                            "name the report that first published it: `restates: {chain}`"
                        )),
                );
            }
        } else {
            let theirs: Vec<String> = same.iter().map(|g| shown(g)).collect();
            errors.push(
                doc().error(
                    Kind::Invalid,
                    &at(),
                    format!(
                        "{slug} states {} for {} as {}, not {}",
                        metric_id(f.metric),
                        f.year,
                        theirs.join(" and "),
                        shown(f)
                    ),
                )
                .help("a different value is a revision, not a restatement: remove `restates` and both are shown, the later one as the year's value"),
            );
        }
    }
    Found {
        repeats: warnings,
        errors,
        conflicts: conflicts(raw, r, metrics),
    }
}

/// Warnings for a report stating two different values of one metric for one year with
/// the same status and no `as_of` to tell them apart: the later one in the file stands
/// for the year, which the file's order alone should not decide unnoticed.
fn conflicts(raw: &RawReport, report: &Report, metrics: &[Metric]) -> Vec<Diagnostic> {
    let figures = &report.figures;
    let mut warnings = Vec::new();
    for (j, f) in figures.iter().enumerate() {
        let earlier = figures[..j].iter().find(|g| {
            (g.metric, g.year) == (f.metric, f.year)
                && g.status == f.status
                && g.as_of == f.as_of
                && g.source == f.source
                && g.amount != f.amount
        });
        if let Some(g) = earlier {
            let unit = &metrics[f.metric.index()].unit;
            warnings.push(
                raw.front
                    .error(
                        Kind::Conflict,
                        &format!("figures.{j}.metric"),
                        format!(
                            "{} for {} is stated twice in this report: {} and {}",
                            metrics[f.metric.index()].id,
                            f.year,
                            format::figure(g.amount, unit, g.status),
                            format::figure(f.amount, unit, f.status)
                        ),
                    )
                    .help("the later one in the file stands for the year; give each an `as_of` to date them, or keep the one the report means"),
            );
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_compared_on_the_parts_both_state() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        assert!(certainly_after(d("2025"), d("2024-12")));
        assert!(certainly_after(d("2024-11"), d("2024-10-31")));
        assert!(!certainly_after(d("2024-10"), d("2024")));
        assert!(!certainly_after(d("2024"), d("2024-10")));
        assert!(!certainly_after(d("2024-10-01"), d("2024-10")));
        assert!(!certainly_after(d("2023"), d("2024")));
    }
}
