//! Restatements: a figure that repeats one an earlier report already published (same
//! metric, year and amount) is marked `restates: <slug>` and shown beside the figure it
//! repeats, not counted as a second observation. Marks are checked against the reports
//! they name, and unmarked repeats are pointed out as warnings.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Kind, suggestion};
use crate::format;
use crate::load::RawReport;
use crate::model::{Figure, Metric, MetricId, PartialDate, Report};

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

/// Checks every `restates` mark of `reports` (validated from `raw`, in the same
/// order) and returns the warnings for unmarked repeats; errors go to `errors`.
pub(super) fn check(
    raw: &[RawReport],
    reports: &[Arc<Report>],
    metrics: &[Metric],
    errors: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let by_slug: HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.slug.as_str(), i))
        .collect();
    // (metric, year) -> the figures stating it, as (report, figure).
    let mut stated: HashMap<(MetricId, i32), Vec<(usize, usize)>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        for (j, f) in r.figures.iter().enumerate() {
            stated.entry((f.metric, f.year)).or_default().push((i, j));
        }
    }
    let shown = |f: &Figure| format::figure(f.amount, &metrics[f.metric.index()].unit, f.status);
    let metric_id = |m: MetricId| metrics[m.index()].id.as_str();
    let mut warnings = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let doc = &raw[i].front;
        for (j, f) in r.figures.iter().enumerate() {
            let at = format!("figures.{j}.restates");
            let Some(slug) = &f.restates else {
                // An unmarked repeat of a figure of a report certainly published before.
                let earlier = stated[&(f.metric, f.year)].iter().find(|&&(k, l)| {
                    let other = &reports[k];
                    k != i
                        && other.figures[l].amount == f.amount
                        && certainly_after(r.published, other.published)
                });
                if let Some(&(k, _)) = earlier {
                    warnings.push(
                        doc.error(
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
                    doc.error(Kind::Reference, &at, format!("unknown report `{slug}`"))
                        .maybe_help(suggestion(slug, by_slug.keys().copied())),
                );
                continue;
            };
            let other = &reports[k];
            if k == i {
                errors.push(
                    doc.error(Kind::Invalid, &at, "a figure cannot restate its own report")
                        .help("`restates` names an earlier report that published the same figure"),
                );
                continue;
            }
            if certainly_after(other.published, r.published) {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at,
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
                    doc.error(
                        Kind::Reference,
                        &at,
                        format!("{slug} states no {} for {}", metric_id(f.metric), f.year),
                    )
                    .help("a restatement repeats a figure of the same metric and year"),
                );
            } else if !same.iter().any(|g| g.amount == f.amount) {
                let theirs: Vec<String> = same.iter().map(|g| shown(g)).collect();
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at,
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
