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
                    let file = raw.file();
                    by_file
                        .get(file)
                        .map(|r| (file.to_path_buf(), (raw.fingerprint, Arc::clone(r))))
                })
                .collect(),
        )
    }

    /// The validated version of `raw`, if it was validated from the very same text.
    pub(crate) fn get(&self, raw: &RawReport) -> Option<Arc<Report>> {
        self.of_text(raw.file(), raw.fingerprint)
    }

    /// The report validated from the file `file` when its text hashed as `fingerprint`.
    pub(crate) fn of_text(&self, file: &Path, fingerprint: u64) -> Option<Arc<Report>> {
        self.0
            .get(file)
            .filter(|(fp, _)| *fp == fingerprint)
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
    use crate::stamp::Stamp;
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
            let reuse = |raw: &RawReport| (raw.file() == source).then(|| Arc::clone(&report));
            let again = validate(config.clone(), &mut sources, &reuse, Bodies::Keep).unwrap();
            assert_eq!(
                format!("{:?}", again.reports),
                format!("{:?}", good.reports)
            );
        }
    }

    /// Issue 17: every unchanged report's YAML was parsed at every build, a seventh of
    /// an incremental build at 10,000 reports. One left unparsed for its cached
    /// validated version is parsed only where a finding points into it, and the site
    /// and warnings are a fresh validation's.
    #[test]
    fn a_report_left_unparsed_for_the_cache_is_parsed_only_for_a_finding() {
        use super::Validated;
        use std::collections::HashSet;
        use std::path::Path;
        // The fixture "figures" and a report repeating its figures unmarked (each
        // a warning), published later.
        let (dir, fixture) = super::super::tests::copied("figures");
        let reports = dir.path().join("content/reports");
        let text = std::fs::read_to_string(reports.join("own-2024.md")).unwrap();
        let copy = text
            .replacen(
                "year: 2024\npublished: 2024-11",
                "year: 2025\npublished: 2025-12",
                1,
            )
            .replacen("Own report 2024", "A copy", 1);
        assert_ne!(copy, text);
        std::fs::write(reports.join("copy-2025.md"), copy).unwrap();
        let (mut parsed, mut unparsed) = (0, 0);
        for root in [dir.path().to_path_buf(), fixture] {
            let name = root.display();
            let config = crate::load_config(&root, None).unwrap();
            let mut sources = crate::load::load(&root).unwrap();
            let first = validate(config.clone(), &mut sources, &|_| None, Bodies::Drop).unwrap();
            let kept = Validated::of(&sources, &first);
            let mut deferred = crate::load::load_with(&root, &ByText(&kept)).unwrap();
            assert!(deferred.reports.iter().all(|r| !r.is_parsed()), "{name}");
            let again =
                validate(config, &mut deferred, &|raw| kept.get(raw), Bodies::Drop).unwrap();
            assert_eq!(again.warnings, first.warnings, "{name}");
            assert_eq!(
                format!("{:?}", again.reports),
                format!("{:?}", first.reports),
                "{name}"
            );
            let warned: HashSet<&Path> = first.warnings.iter().map(|w| w.file.as_path()).collect();
            for r in &deferred.reports {
                assert_eq!(
                    r.is_parsed(),
                    warned.contains(r.file()),
                    "{name}: {:?}",
                    r.file()
                );
                *if r.is_parsed() {
                    &mut parsed
                } else {
                    &mut unparsed
                } += 1;
            }
        }
        assert!(
            parsed > 0 && unparsed > 0,
            "{parsed} parsed, {unparsed} not"
        );
    }

    /// From a red-team read: where any report listed translations, their check read
    /// every report's front matter, parsing each unchanged report the cache had left
    /// unparsed, one after the other. Now the unparsed ones answer from the cache, and
    /// only a report with a finding is parsed, its error the same as from scratch.
    #[test]
    fn translations_are_checked_without_parsing_the_unchanged_reports() {
        use super::Validated;
        let (dir, _) = super::super::tests::copied("basic");
        let root = dir.path();
        let edit = |file: &str, from: &str, to: &str| {
            let path = root.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{file}");
            std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        };
        edit(
            "site.toml",
            "description =",
            "languages = [\"en\", \"fr\"]\ndescription =",
        );
        let report = "content/reports/alpha-2024.md";
        let text = std::fs::read_to_string(root.join(report)).unwrap();
        let french = text.replacen(
            "kind: annual-progress",
            "kind: annual-progress\nlanguage: fr\ntranslations: [alpha-2024]",
            1,
        );
        assert_ne!(french, text);
        std::fs::write(root.join("content/reports/alpha-2024-fr.md"), french).unwrap();
        edit(
            report,
            "kind: annual-progress",
            "kind: annual-progress\ntranslations: [alpha-2024-fr]",
        );
        let config = crate::load_config(root, None).unwrap();
        let mut sources = crate::load::load(root).unwrap();
        let good = validate(config.clone(), &mut sources, &|_| None, Bodies::Drop).unwrap();
        let kept = Validated::of(&sources, &good);
        // From scratch and as the next build validates, with the cache of `good`.
        let both = || {
            let mut sources = crate::load::load(root).unwrap();
            let scratch = validate(config.clone(), &mut sources, &|_| None, Bodies::Drop);
            let mut deferred = crate::load::load_with(root, &ByText(&kept)).unwrap();
            let next = validate(
                config.clone(),
                &mut deferred,
                &|r| kept.get(r),
                Bodies::Drop,
            );
            let (scratch, next) = (scratch.map(|s| s.warnings), next.map(|s| s.warnings));
            assert_eq!(format!("{next:?}"), format!("{scratch:?}"));
            (scratch.is_ok(), deferred)
        };
        let (ok, deferred) = both();
        assert!(ok);
        assert!(deferred.reports.iter().all(|r| !r.is_parsed()));
        // The translation put in English: an error in both reports, the unchanged
        // one's parsed for its position.
        edit(
            "content/reports/alpha-2024-fr.md",
            "language: fr",
            "language: en",
        );
        let (ok, deferred) = both();
        assert!(!ok);
        let parsed: Vec<_> = deferred
            .reports
            .iter()
            .filter(|r| r.is_parsed())
            .map(|r| r.file())
            .collect();
        assert!(parsed.contains(&std::path::Path::new(report)), "{parsed:?}");
    }

    /// What a cache of `Validated` reports tells loading: reports by their text only.
    struct ByText<'a>(&'a super::Validated);

    impl crate::load::Known for ByText<'_> {
        fn cached(&self, rel: &std::path::Path, fingerprint: u64) -> Option<Arc<Report>> {
            self.0.of_text(rel, fingerprint)
        }

        fn seen(&self, _: &std::path::Path, _: &Stamp) -> Option<(u64, Arc<Report>)> {
            None
        }

        fn stamps(&self) -> bool {
            false
        }
    }

    /// What a cache of `Validated` reports tells loading when every report file is
    /// stamped as when it was read: no report file is read.
    struct AllSeen<'a>(&'a super::Validated);

    impl crate::load::Known for AllSeen<'_> {
        fn cached(&self, rel: &std::path::Path, fingerprint: u64) -> Option<Arc<Report>> {
            self.0.of_text(rel, fingerprint)
        }

        fn seen(&self, rel: &std::path::Path, _: &Stamp) -> Option<(u64, Arc<Report>)> {
            let (fingerprint, report) = self.0.0.get(rel)?;
            Some((*fingerprint, Arc::clone(report)))
        }

        fn stamps(&self) -> bool {
            true
        }
    }

    /// The `basic` fixture validated, and loaded again with every report file left
    /// unread (stamped as when its text was read); the validated reports.
    fn all_unread() -> (
        tempfile::TempDir,
        crate::config::Config,
        crate::load::Sources,
        super::Validated,
    ) {
        let (dir, _) = super::super::tests::copied("basic");
        let config = crate::load_config(dir.path(), None).unwrap();
        let mut sources = crate::load::load(dir.path()).unwrap();
        let good = validate(config.clone(), &mut sources, &|_| None, Bodies::Drop).unwrap();
        let kept = super::Validated::of(&sources, &good);
        let unread = crate::load::load_with(dir.path(), &AllSeen(&kept)).unwrap();
        assert!(unread.reports.iter().all(|r| !r.is_read()));
        (dir, config, unread, kept)
    }

    /// Appends a sentence to the report file `file` of the site at `root`.
    fn save_again(root: &std::path::Path, file: &std::path::Path) {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        std::fs::write(root.join(file), text + "\nA sentence saved since.\n").unwrap();
    }

    /// Asserts that `errors` is the one refusing `file`, saved since it was loaded.
    fn assert_changed(errors: &[crate::diagnostic::Diagnostic], file: &std::path::Path) {
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].file, file);
        let message = &errors[0].message;
        assert!(
            message.contains("changed while the site was built"),
            "{errors:?}"
        );
    }

    /// A report file left unread (stamped as when its text was read) but saved before
    /// its text is asked for is not taken for that text: asked for, it is refused, and
    /// the next build reads it.
    #[test]
    fn an_unread_report_saved_before_its_text_is_asked_for_is_refused() {
        let (dir, config, mut unread, kept) = all_unread();
        // Unchanged: its text is read when asked for, and is the cached report's.
        assert!(unread.reports[0].parse_error().is_none());
        assert!(unread.reports[0].is_read());
        let file = unread.reports[1].file().to_path_buf();
        save_again(dir.path(), &file);
        // Not taken from the cache (as when what it names is gone): parsed, and refused.
        let reuse = |r: &RawReport| (r.file() != file).then(|| kept.get(r)).flatten();
        let errors = validate(config, &mut unread, &reuse, Bodies::Drop).unwrap_err();
        assert_changed(&errors, &file);
    }

    /// From a red-team read: a report left unread, read for a finding (a warning's
    /// position) after its file was saved again, was published as cached and the
    /// warning lost its position, though the report was reused. It fails the build.
    #[test]
    fn an_unread_report_saved_before_a_finding_reads_it_fails_the_build() {
        let (dir, config, mut unread, kept) = all_unread();
        let file = unread.reports[0].file().to_path_buf();
        save_again(dir.path(), &file);
        // A finding asks for the front matter, as a warning's position does.
        let _ = &unread.reports[0].front;
        assert!(unread.reports[0].stale().is_some());
        let errors = validate(config, &mut unread, &|r| kept.get(r), Bodies::Drop).unwrap_err();
        assert_changed(&errors, &file);
    }

    /// A text that hashes as a cached report's but does not parse (a cache crafted to
    /// match) is refused with the parse's error when the cached report is not taken,
    /// as loading it would have been.
    #[test]
    fn an_unparsed_report_not_taken_from_the_cache_is_parsed_and_its_error_given() {
        let (config, mut sources) = super::super::tests::fixture("basic");
        let good = validate(config.clone(), &mut sources, &|_| None, Bodies::Keep).unwrap();
        let file = sources.reports[0].file().to_path_buf();
        let cached = good
            .reports
            .iter()
            .find(|r| r.source == file)
            .map(Arc::clone)
            .unwrap();
        let text = "---\ntitle: [unclosed\n---\n".to_string();
        sources.reports[0] = RawReport::deferred(&file, text, 1, cached);
        let errors = validate(config, &mut sources, &|_| None, Bodies::Keep).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].file, file);
        assert!(errors[0].location.is_some(), "{errors:?}");
    }
}
