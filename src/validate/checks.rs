//! The checks of each report against the others (restatements, and with them a
//! report's conflicting values and hedged quotes), kept from one validation for the
//! next: after an edit, only the reports whose findings it can change are checked
//! again. On a site of 100,000 reports these checks looked at every figure at every
//! save of `wsis serve`, the largest part of validating one edited report.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::restate::{self, Found, Stated};
use super::stated;
use crate::diagnostic::Diagnostic;
use crate::load::RawReport;
use crate::model::{Metric, Report, Unit};

/// What one report's checks found, hedged quotes included.
#[derive(Debug, Clone, Default, PartialEq)]
struct Findings {
    restated: Found,
    /// Quotes whose words bound the number otherwise than the figure.
    hedges: Vec<Diagnostic>,
}

impl Findings {
    fn is_empty(&self) -> bool {
        self == &Findings::default()
    }
}

/// The findings of the last check and what it looked at. A fresh one (the default)
/// checks every report; [`super::validate`] starts from one.
#[derive(Debug, Default)]
pub(crate) struct Checks {
    /// The reports checked, in the sources' order: one of these that the next
    /// validation hands back as is (the same `Arc`) is unchanged.
    reports: Vec<Arc<Report>>,
    /// The fingerprints of the texts `reports` were validated from.
    fingerprints: Vec<u64>,
    /// The metrics' ids and units the findings name.
    metrics: Vec<(String, Unit)>,
    /// Where each metric and year is stated, by index into `reports`.
    stated: Stated,
    /// Every report's index by slug.
    by_slug: FxHashMap<String, usize>,
    /// The reports with a `restates` mark.
    marking: FxHashSet<usize>,
    /// The findings, of the reports that have any, in the reports' order.
    found: BTreeMap<usize, Findings>,
    /// How many reports the last check looked at.
    looked_at: usize,
    /// The organizations, action lines and metrics last validated without error: the
    /// holder starts from a fresh `Checks` when their files or the settings change.
    entities: Option<Arc<super::entities::Entities>>,
}

impl Checks {
    /// Report `i` of `count` as last checked, if `raw` is the text it was validated
    /// from, in the same place.
    pub(super) fn kept(&self, i: usize, raw: &RawReport, count: usize) -> Option<&Arc<Report>> {
        let report = self
            .reports
            .get(i)
            .filter(|_| self.reports.len() == count)?;
        (self.fingerprints[i] == raw.fingerprint
            && report.source.as_os_str() == raw.file().as_os_str())
        .then_some(report)
    }

    /// The organizations, action lines and metrics of the last validation, if it
    /// found no error in them.
    pub(super) fn entities(&self) -> Option<&Arc<super::entities::Entities>> {
        self.entities.as_ref()
    }

    /// Keeps `entities`, validated without error, for the next validation.
    pub(super) fn keep_entities(&mut self, entities: Arc<super::entities::Entities>) {
        self.entities = Some(entities);
    }

    /// How many reports the last check looked at.
    #[cfg(test)]
    pub(crate) fn looked_at(&self) -> usize {
        self.looked_at
    }

    /// Checks `reports` (validated from `raw`, in the same order) against each other,
    /// looking again only at what can have changed since the last check, and returns
    /// the warnings, as a check of every report gives them; errors go to `errors`.
    pub(super) fn run(
        &mut self,
        raw: &[RawReport],
        reports: &[Arc<Report>],
        metrics: &[Metric],
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let look = self.update(raw, reports, metrics);
        self.looked_at = look.len();
        let cx = restate::Context {
            stated: &self.stated,
            by_slug: &self.by_slug,
            metrics,
        };
        let fresh: Vec<(usize, Findings)> = look
            .par_iter()
            .map(|&i| {
                let findings = Findings {
                    restated: restate::check(i, &raw[i], reports, &cx),
                    hedges: stated::hedges(&raw[i], &reports[i]),
                };
                (i, findings)
            })
            .collect();
        for (i, findings) in fresh {
            if findings.is_empty() {
                self.found.remove(&i);
            } else {
                self.found.insert(i, findings);
            }
        }
        let mut warnings = Vec::new();
        let mut conflicts = Vec::new();
        let mut hedges = Vec::new();
        for findings in self.found.values() {
            warnings.extend_from_slice(&findings.restated.repeats);
            errors.extend_from_slice(&findings.restated.errors);
            conflicts.extend_from_slice(&findings.restated.conflicts);
            hedges.extend_from_slice(&findings.hedges);
        }
        // By file and place, as every build says them.
        conflicts.sort_by(|a, b| {
            (&a.file, a.location.map(|l| (l.line, l.column)))
                .cmp(&(&b.file, b.location.map(|l| (l.line, l.column))))
        });
        warnings.append(&mut conflicts);
        warnings.append(&mut hedges);
        warnings
    }

    /// Brings the index of stated figures up to `reports` and returns the indexes of
    /// the reports to check again, in order: all of them unless the reports are the
    /// files last checked, in the same order, with the same metrics; else those that
    /// changed, those stating a metric and year a changed one states or stated, those
    /// naming a changed one in a mark, and those whose marks were in error (the help
    /// of an error may name any report).
    fn update(
        &mut self,
        raw: &[RawReport],
        reports: &[Arc<Report>],
        metrics: &[Metric],
    ) -> Vec<usize> {
        // Compared before any is copied: a large site has tens of thousands.
        let same_metrics = self.metrics.len() == metrics.len()
            && self
                .metrics
                .iter()
                .zip(metrics)
                .all(|((id, unit), m)| *id == m.id && *unit == m.unit);
        let same_files = self.reports.len() == reports.len()
            && same_metrics
            && self
                .reports
                .iter()
                .zip(reports)
                .all(|(a, b)| a.source.as_os_str() == b.source.as_os_str());
        let changed: Vec<usize> = if same_files {
            (0..reports.len())
                .filter(|&i| {
                    !Arc::ptr_eq(&self.reports[i], &reports[i])
                        || self.fingerprints[i] != raw[i].fingerprint
                })
                .collect()
        } else {
            Vec::new()
        };
        // Past a few changed reports, indexing everything anew is as quick.
        if !same_files || changed.len() > 64.max(reports.len() / 8) {
            *self = Checks {
                reports: reports.to_vec(),
                fingerprints: raw.iter().map(|r| r.fingerprint).collect(),
                metrics: metrics
                    .iter()
                    .map(|m| (m.id.clone(), m.unit.clone()))
                    .collect(),
                stated: restate::stated(reports),
                by_slug: reports
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.slug.clone(), i))
                    .collect(),
                marking: (0..reports.len())
                    .filter(|&i| reports[i].figures.iter().any(|f| f.restates.is_some()))
                    .collect(),
                found: BTreeMap::new(),
                looked_at: 0,
                // Validated before the reports, by this same validation.
                entities: self.entities.take(),
            };
            return (0..reports.len()).collect();
        }
        let mut keys = FxHashSet::default();
        for &i in &changed {
            for f in &self.reports[i].figures {
                let key = (f.metric, f.year);
                if let Some(at) = self.stated.get_mut(&key) {
                    at.retain(|&(k, _)| k != i);
                    if at.is_empty() {
                        self.stated.remove(&key);
                    }
                }
                keys.insert(key);
            }
            for (j, f) in reports[i].figures.iter().enumerate() {
                let key = (f.metric, f.year);
                let at = self.stated.entry(key).or_default();
                // In the reports' order, as a fresh index has them.
                let place = at.partition_point(|&e| e < (i, j));
                at.insert(place, (i, j));
                keys.insert(key);
            }
            if reports[i].figures.iter().any(|f| f.restates.is_some()) {
                self.marking.insert(i);
            } else {
                self.marking.remove(&i);
            }
            self.reports[i] = Arc::clone(&reports[i]);
            self.fingerprints[i] = raw[i].fingerprint;
        }
        let slugs: FxHashSet<&str> = changed.iter().map(|&i| reports[i].slug.as_str()).collect();
        let mut look: FxHashSet<usize> = changed.iter().copied().collect();
        for key in &keys {
            if let Some(at) = self.stated.get(key) {
                look.extend(at.iter().map(|&(k, _)| k));
            }
        }
        look.extend(self.marking.iter().copied().filter(|&m| {
            reports[m]
                .figures
                .iter()
                .any(|f| f.restates.as_deref().is_some_and(|s| slugs.contains(s)))
        }));
        look.extend(
            self.found
                .iter()
                .filter(|(_, f)| !f.restated.errors.is_empty())
                .map(|(&i, _)| i),
        );
        let mut look: Vec<usize> = look.into_iter().collect();
        look.sort_unstable();
        look
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Bodies, validate_since};
    use super::Checks;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Issue 17: every report was looked up in the cache of validated reports at every
    /// save; one unchanged since the last validation is taken as it was.
    #[test]
    fn a_report_unchanged_since_the_last_validation_is_not_looked_up() {
        let (config, mut sources) = super::super::tests::fixture("figures");
        let mut checks = Checks::default();
        let first = validate_since(
            config.clone(),
            &mut sources,
            &|_| None,
            Bodies::Keep,
            &mut checks,
        )
        .unwrap();
        let asked = AtomicUsize::new(0);
        let reuse = |_: &crate::load::RawReport| {
            asked.fetch_add(1, Ordering::SeqCst);
            None
        };
        let again =
            validate_since(config, &mut sources, &reuse, Bodies::Keep, &mut checks).unwrap();
        assert_eq!(asked.load(Ordering::SeqCst), 0);
        assert_eq!(checks.looked_at(), 0);
        assert!(
            first
                .reports
                .iter()
                .zip(&again.reports)
                .all(|(a, b)| Arc::ptr_eq(a, b))
        );
        assert_eq!(first.warnings, again.warnings);
    }
}
