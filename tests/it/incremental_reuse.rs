//! The incremental build reuses the reports it validated last time: only the reports
//! whose file changed are validated again (their Markdown rendered), unless what every
//! report is checked against changed (organizations, metrics, action lines, settings),
//! and the output and the warnings are still a fresh build's, byte for byte.

use crate::common;

use std::fs;

use common::Site;
use common::incremental::{ALPHA_2023B, FIXTURE, assert_same, incremental_run, tree, validated};

/// The sentence of `alpha-2024` the edits change.
const SENTENCE: (&str, &str) = (
    "to support 37 initiatives.",
    "to support 37 initiatives, as planned.",
);

/// Applies `change` as [`incremental_run`] does and returns the reports in the site
/// and how many of them the incremental build validated again.
fn revalidated(case: &str, change: impl Fn(&Site)) -> (usize, usize) {
    let run = incremental_run(case, change);
    validated(case, &run.stdout)
}

#[test]
fn one_report_edited_is_the_only_one_validated_again() {
    let (reports, again) = revalidated("one report", |s| {
        s.edit("content/reports/alpha-2024.md", SENTENCE.0, SENTENCE.1);
    });
    assert_eq!((reports, again), (3, 1));
}

#[test]
fn two_reports_edited_are_both_validated_again() {
    let (reports, again) = revalidated("two reports", |s| {
        s.edit("content/reports/alpha-2024.md", SENTENCE.0, SENTENCE.1);
        s.edit(
            "content/reports/alpha-2023.md",
            "We worked with partners.",
            "We worked with many partners.",
        );
    });
    assert_eq!((reports, again), (3, 2));
}

#[test]
fn a_report_added_is_validated_and_the_others_reused() {
    let (reports, again) = revalidated("report added", |s| {
        s.write(
            "content/reports/beta-2025.md",
            "---\ntitle: \"Beta submission 2025\"\norganization: beta\nyear: 2025\n\
             published: 2025-11-20\nkind: review-submission\naction_lines: [C11]\n---\n\n\
             ## Cooperation\n\nThe Forum met twice.\n",
        );
    });
    assert_eq!((reports, again), (4, 1));
}

#[test]
fn a_report_deleted_leaves_the_others_reused() {
    // Its neighbour's page linked to it.
    let (reports, again) = revalidated("report deleted", |s| {
        fs::remove_file(s.root.join("content/reports/alpha-2023.md")).unwrap();
    });
    assert_eq!((reports, again), (2, 0));
}

#[test]
fn a_report_deleted_that_a_reused_report_links_to_fails_as_a_fresh_build_does() {
    // alpha-2024's text links to beta-2024: alpha-2024 is reused, and its link is
    // still checked.
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    fs::remove_file(site.root.join("content/reports/beta-2024.md")).unwrap();
    let run = site.build(&[]);
    assert!(!run.ok, "the broken link fails the build");
    let fresh = site.sources_copy().build(&["--fresh"]);
    assert!(!fresh.ok);
    assert!(run.stderr.contains("broken link"), "{}", run.stderr);
    assert_eq!(run.stderr, fresh.stderr);
}

#[test]
fn a_report_moved_to_another_organization_is_validated_again() {
    let (reports, again) = revalidated("report moved", |s| {
        s.edit(
            "content/reports/alpha-2023.md",
            "organization: alpha",
            "organization: agency",
        );
    });
    assert_eq!((reports, again), (3, 1));
}

#[test]
fn an_organization_edited_validates_every_report_again() {
    // A report holds its organization by index: any change to the organizations
    // could move them.
    let (reports, again) = revalidated("organization edited", |s| {
        s.edit(
            "content/organizations/beta.yaml",
            "Beta Forum Secretariat",
            "Beta Forum Office",
        );
    });
    assert_eq!(again, reports);
}

#[test]
fn a_metric_unit_changed_validates_every_report_again() {
    let (reports, again) = revalidated("metric unit", |s| {
        s.edit("content/metrics.yaml", "unit: people", "unit: count");
    });
    assert_eq!(again, reports);
}

#[test]
fn site_toml_edited_validates_every_report_again() {
    let (reports, again) = revalidated("site.toml edited", |s| {
        s.edit(
            "site.toml",
            "description = \"A small site",
            "description = \"A little site",
        );
    });
    assert_eq!(again, reports);
}

#[test]
fn nothing_changed_validates_nothing_again() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(
        validated("no change", &run.stdout),
        (3, 0),
        "{}",
        run.stdout
    );
    // And --fresh validates every report.
    let run = site.build(&["--fresh"]);
    assert_eq!(validated("--fresh", &run.stdout), (3, 3), "{}", run.stdout);
}

#[test]
fn a_reused_report_still_warns_as_in_a_fresh_build() {
    // A report repeating an earlier report's figure without saying so is warned
    // about: the warning comes from checks across reports, which run over the
    // reused ones too.
    let site = Site::fixture(FIXTURE);
    site.write("content/reports/alpha-2023b.md", ALPHA_2023B);
    let first = site.build(&[]);
    assert!(first.ok, "{}", first.stderr);
    let warned = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .filter(|l| l.starts_with("warning"))
            .map(str::to_string)
            .collect()
    };
    let warnings = warned(&first.stderr);
    assert!(
        warnings.iter().any(|w| w.contains("repeats the figure")),
        "the fixture warns: {}",
        first.stderr
    );
    site.edit("content/reports/alpha-2024.md", SENTENCE.0, SENTENCE.1);
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(validated("warning", &run.stdout), (4, 1), "{}", run.stdout);
    assert_eq!(warned(&run.stderr), warnings);
    let fresh = site.sources_copy();
    let run_fresh = fresh.build(&["--fresh"]);
    assert_eq!(warned(&run_fresh.stderr), warnings);
    assert_same("warning", &tree(&site), &tree(&fresh));
}

#[test]
fn an_error_in_an_edited_report_fails_the_build_and_the_next_build_recovers() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    site.edit(
        "content/reports/alpha-2024.md",
        "organization: alpha",
        "organization: nobody",
    );
    let run = site.build(&[]);
    assert!(!run.ok, "an unknown organization fails the build");
    assert!(run.stderr.contains("nobody"), "{}", run.stderr);
    site.edit(
        "content/reports/alpha-2024.md",
        "organization: nobody",
        "organization: alpha",
    )
    .edit("content/reports/alpha-2024.md", SENTENCE.0, SENTENCE.1);
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    // The failed build wrote no cache: the last good build's reports are reused.
    assert_eq!(
        validated("recovered", &run.stdout),
        (3, 1),
        "{}",
        run.stdout
    );
    let fresh = site.sources_copy();
    assert!(fresh.build(&["--fresh"]).ok);
    assert_same("recovered", &tree(&site), &tree(&fresh));
}

/// The reports file beside the fixture's cache.
fn pack(site: &Site) -> Vec<u8> {
    fs::read(site.root.join(".public.wsis-reports")).expect("the build writes its reports file")
}

#[test]
fn a_report_edited_is_appended_to_the_reports_file_which_keeps_the_others() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let first = pack(&site);
    site.build_ok();
    assert_eq!(
        pack(&site),
        first,
        "nothing changed, yet the reports were written again"
    );
    site.edit("content/reports/alpha-2024.md", SENTENCE.0, SENTENCE.1);
    let run = site.build(&[]);
    assert!(run.ok && !run.stderr.contains("cache"), "{}", run.stderr);
    let second = pack(&site);
    assert!(
        second.starts_with(&first),
        "the reports file was written anew"
    );
    // One report of three appended: less than the two others would take again.
    let grew = second.len() - first.len();
    assert!(
        grew > 0 && grew < first.len() / 2,
        "grew by {grew} of {}",
        first.len()
    );
    // The next build reads the edited report from where it was appended.
    let run = site.build(&[]);
    assert_eq!(
        validated("after the append", &run.stdout),
        (3, 0),
        "{}",
        run.stdout
    );
    assert_eq!(pack(&site), second);
}

#[test]
fn the_reports_file_is_written_anew_before_old_versions_outweigh_the_reports() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let first = pack(&site).len();
    let mut longest = first;
    let mut rewritten = false;
    for n in 0..12 {
        site.edit(
            "content/reports/alpha-2024.md",
            SENTENCE.0,
            &format!("{} Edit {n}.", SENTENCE.0),
        );
        let before = pack(&site);
        let run = site.build(&[]);
        assert!(
            run.ok && !run.stderr.contains("cache"),
            "edit {n}: {}",
            run.stderr
        );
        let after = pack(&site);
        rewritten |= !after.starts_with(&before);
        longest = longest.max(after.len());
    }
    assert!(
        rewritten,
        "twelve edits of one report of three, and never written anew"
    );
    // Old versions never outweigh the live ones: at most twice the live reports, which
    // grew by the edits' few words.
    assert!(longest < first * 2 + 2048, "{longest} bytes, from {first}");
    let fresh = site.sources_copy();
    assert!(fresh.build(&["--fresh"]).ok);
    common::incremental::assert_same("after twelve edits", &tree(&site), &tree(&fresh));
}

#[test]
fn the_reports_file_is_not_read_when_no_report_can_be_reused() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    // An organization edited: every report is checked again, so the previous reports
    // are not read (nor held in memory); a reports file spoiled meanwhile goes unseen
    // and is written anew.
    fs::write(
        site.root.join(".public.wsis-reports"),
        b"spoiled, never read",
    )
    .unwrap();
    site.edit(
        "content/organizations/beta.yaml",
        "Beta Forum Secretariat",
        "Beta Forum Office",
    );
    let run = site.build(&[]);
    assert!(run.ok && !run.stderr.contains("cache"), "{}", run.stderr);
    assert_eq!(validated("organization edited", &run.stdout), (3, 3));
    assert!(pack(&site).starts_with(b"WSIS-REPORTS\n"));
    let run = site.build(&[]);
    assert_eq!(validated("after", &run.stdout), (3, 0), "{}", run.stderr);
}
