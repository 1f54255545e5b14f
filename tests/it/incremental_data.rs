//! The incremental build keeps the open data files whose inputs did not change
//! (`.public.wsis-cache-data` remembers each file's inputs and bytes): an edit of a
//! report's text alone keeps every one, an edit of a figure makes its metric's files
//! and the tables of all figures again, and the output is a fresh build's, byte for
//! byte. (`WSIS_TIMINGS` says how many files were kept and made.)

use crate::common;

use std::fs;

use common::Site;
use common::incremental::{FIXTURE, assert_fresh, assert_same, timed_build, timed_count, tree};

/// The data files kept and made again by a build of `site` with `WSIS_TIMINGS` set,
/// which must succeed without a warning about a cache, and its output the same as a
/// fresh build's of the same sources.
fn data_counts(case: &str, site: &Site) -> (usize, usize) {
    let stderr = timed_build(case, site);
    assert_fresh(case, site);
    (
        timed_count(case, &stderr, "data files kept"),
        timed_count(case, &stderr, "data files made again"),
    )
}

/// The fixture, built, with `change` applied: the data files kept and made again by
/// the next build.
fn after(case: &str, change: impl Fn(&Site)) -> (usize, usize) {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    change(&site);
    data_counts(case, &site)
}

/// The data files of the fixture's output.
fn data_files(site: &Site) -> usize {
    tree(site).keys().filter(|k| k.starts_with("data/")).count()
}

#[test]
fn a_text_edit_keeps_every_data_file() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    site.edit(
        "content/reports/alpha-2024.md",
        "grew to 407 members.",
        "grew to 407 members.\n\nA closing paragraph, with no figure.",
    );
    let (kept, made) = data_counts("text edit", &site);
    assert_eq!((kept, made), (data_files(&site), 0));
}

#[test]
fn a_figure_value_edited_makes_its_metric_files_again_and_no_other_metric_s() {
    let (kept, made) = after("value edit", |s| {
        s.edit("content/reports/alpha-2024.md", "value: 407", "value: 408")
            .edit(
                "content/reports/alpha-2024.md",
                "network grew to 407 members\"",
                "network grew to 408 members\"",
            )
            .edit(
                "content/reports/alpha-2024.md",
                "network grew to 407 members.",
                "network grew to 408 members.",
            );
    });
    // The fixture's other two metrics' CSV and JSON files are kept (the report
    // states a figure of one of them); the edited metric's and the tables of all
    // figures and reports are made again.
    assert_eq!(kept, 4, "{kept} kept, {made} made");
    assert!(made >= 4, "{kept} kept, {made} made");
}

#[test]
fn a_figure_quote_edited_changes_the_file_quoting_it() {
    let (kept, made) = after("quote edit", |s| {
        s.edit(
            "content/reports/alpha-2024.md",
            "quote: \"We committed $264,100 to support 37 initiatives\"",
            "quote: \"$264,100 to support 37 initiatives\"",
        );
    });
    // The quote is in the metric's files and `metrics.csv`: those are made again, and
    // the other two metrics' files kept.
    assert_eq!(kept, 4, "{kept} kept, {made} made");
    assert!(made >= 4, "{kept} kept, {made} made");
}

#[test]
fn a_data_file_changed_by_hand_in_the_output_is_made_again() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let first = tree(&site);
    fs::write(
        site.root.join("public/data/metrics/alpha-grants.csv"),
        "changed by hand",
    )
    .unwrap();
    let (kept, made) = data_counts("hand edit", &site);
    assert_eq!(made, 1, "{kept} kept, {made} made");
    assert_same("data file changed by hand", &tree(&site), &first);
}

#[test]
fn a_damaged_data_cache_is_ignored_with_a_warning() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let memo = site.root.join(".public.wsis-cache-data");
    let mut bytes = fs::read(&memo).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&memo, bytes).unwrap();
    site.edit("content/reports/alpha-2024.md", "value: 407", "value: 408")
        .edit(
            "content/reports/alpha-2024.md",
            "network grew to 407 members\"",
            "network grew to 408 members\"",
        )
        .edit(
            "content/reports/alpha-2024.md",
            "network grew to 407 members.",
            "network grew to 408 members.",
        );
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the open data's cache was ignored: it is corrupt"),
        "{}",
        run.stderr
    );
    let fresh = site.sources_copy();
    assert!(fresh.build(&["--fresh"]).ok);
    assert_same("damaged data cache", &tree(&site), &tree(&fresh));
    // The build wrote a sound one, which the next build uses.
    let (kept, made) = data_counts("after the damaged cache", &site);
    assert_eq!((kept, made), (data_files(&site), 0));
}
