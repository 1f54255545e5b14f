//! Validated reports kept for a later validation of the same site: the dev server
//! keeps them in memory between edits, and `wsis build` in its cache between builds.
//! A report is reused only when its file's text is the one it was validated from;
//! the holder answers for the rest (organizations, metrics, action lines, settings
//! and `wsis` itself unchanged).

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::load::{RawReport, Sources};
use crate::model::{Report, Site};

/// Validated reports by source file (relative to the site root), each with the hash
/// of the text it was validated from ([`RawReport::fingerprint`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct Validated(pub(crate) HashMap<PathBuf, (u64, Arc<Report>)>);

impl Validated {
    /// The reports of `site` by the files of `sources` they were validated from.
    pub(crate) fn of(sources: &Sources, site: &Site) -> Validated {
        let by_file: HashMap<&Path, &Arc<Report>> = site
            .reports
            .iter()
            .map(|r| (r.source.as_path(), r))
            .collect();
        Validated(
            sources
                .reports
                .iter()
                .filter_map(|raw| {
                    let file = raw.front.file.as_path();
                    by_file
                        .get(file)
                        .map(|r| (file.to_path_buf(), (raw.fingerprint, Arc::clone(r))))
                })
                .collect(),
        )
    }

    /// The validated version of `raw`, if it was validated from the very same text.
    pub(crate) fn get(&self, raw: &RawReport) -> Option<Arc<Report>> {
        self.0
            .get(&raw.front.file)
            .filter(|(fp, _)| *fp == raw.fingerprint)
            .map(|(_, r)| Arc::clone(r))
    }
}

/// Whether every organization, action line and metric `report` names by number is one
/// of the site's. A report reused from the cache is checked so: its bytes pass the
/// cache's checksum, but a cache file crafted with a checksum to match could name an
/// organization past the end, and every later build would panic on it; such a report
/// is checked again from its file instead.
pub(super) fn refers_within(
    report: &Report,
    organizations: usize,
    lines: usize,
    metrics: usize,
) -> bool {
    report.organization.index() < organizations
        && report.action_lines.iter().all(|l| l.index() < lines)
        && report
            .body
            .sections
            .iter()
            .all(|s| s.lines.iter().all(|l| l.index() < lines))
        && report.figures.iter().all(|f| f.metric.index() < metrics)
}

#[cfg(test)]
mod tests {
    use super::super::{Bodies, validate};
    use crate::load::RawReport;
    use crate::model::{LineId, MetricId, OrgId, Report};
    use std::sync::Arc;

    /// From a red-team read: a cached report is reused on its checksum alone, and one
    /// crafted to name an organization, line or metric past the site's panicked every
    /// build; it is checked again from its file instead.
    #[test]
    fn a_reused_report_naming_what_the_site_has_not_is_checked_again() {
        let (config, mut sources) = super::super::tests::fixture("basic");
        let good = validate(config.clone(), &mut sources, &|_| None, Bodies::Keep).unwrap();
        let crafted: Vec<Arc<Report>> = [
            |r: &mut Report| r.organization = OrgId(9999),
            |r: &mut Report| r.action_lines.push(LineId(9999)),
            |r: &mut Report| r.figures[0].metric = MetricId(9999),
            |r: &mut Report| {
                if let Some(s) = r.body.sections.first_mut() {
                    s.lines.push(LineId(9999));
                } else {
                    r.organization = OrgId(9999);
                }
            },
        ]
        .into_iter()
        .map(|spoil| {
            let mut r = (*good.reports[0]).clone();
            spoil(&mut r);
            Arc::new(r)
        })
        .collect();
        for report in crafted {
            let source = report.source.clone();
            let reuse = |raw: &RawReport| (raw.front.file == source).then(|| Arc::clone(&report));
            let again = validate(config.clone(), &mut sources, &reuse, Bodies::Keep).unwrap();
            assert_eq!(
                format!("{:?}", again.reports),
                format!("{:?}", good.reports)
            );
        }
    }
}
