//! An edit build reads only the report files whose size, times or identity changed
//! since the build that last read them: the others are taken as the text then read.
//! A file whose times are not a clock step older than its reading is read again by the
//! next build, and a rewrite that keeps the size and sets the modification time back is
//! still seen.
//! Each case's output is a fresh build's, byte for byte.

use crate::common;

use std::fs;
use std::time::Duration;

use common::Site;
use common::incremental::{ALPHA_2023B, FIXTURE, assert_fresh, timed_build, timed_count};

/// The report edited by the cases, and a sentence of it.
const REPORT: &str = "content/reports/alpha-2024.md";

/// Waits past the file system's clock step (100 ms; two seconds where files keep whole
/// seconds), so that the files written so far may be stamped when next read.
fn settle(site: &Site) {
    let modified = fs::metadata(site.root.join(REPORT))
        .unwrap()
        .modified()
        .unwrap();
    let whole = modified
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos()
        == 0;
    std::thread::sleep(Duration::from_millis(if whole { 2100 } else { 250 }));
}

/// Builds with `WSIS_TIMINGS` set; the number of report files the build read.
fn files_read(case: &str, site: &Site) -> usize {
    timed_count(case, &timed_build(case, site), "load: report files read")
}

fn report_count(site: &Site) -> usize {
    fs::read_dir(site.root.join("content/reports"))
        .unwrap()
        .count()
}

#[test]
fn an_edit_build_reads_only_the_report_files_that_changed() {
    let site = Site::fixture(FIXTURE);
    settle(&site);
    let all = report_count(&site);
    assert_eq!(files_read("first build", &site), all);
    assert_eq!(files_read("nothing changed", &site), 0);
    site.edit(REPORT, "See the", "Saw the");
    assert_eq!(files_read("one report edited", &site), 1);
    assert_fresh("one report edited", &site);
    // A file whose times are not a clock step older than its reading is not stamped
    // (it could be saved again with the same times): here its modification time is
    // ahead of the clock, as after the clock was set back. It is read by every build.
    set_modified(
        &site.root.join(REPORT),
        std::time::SystemTime::now() + Duration::from_secs(3600),
    );
    settle(&site);
    assert_eq!(files_read("time ahead", &site), 1);
    assert_eq!(files_read("time ahead, again", &site), 1);
    // Touched back into the past without a change: read once, then known by its new
    // stamp.
    set_modified(
        &site.root.join(REPORT),
        std::time::SystemTime::now() - Duration::from_secs(3600),
    );
    settle(&site);
    assert_eq!(files_read("touched", &site), 1);
    assert_eq!(files_read("touched, then built", &site), 0);
    assert_fresh("touched", &site);
}

/// The fixture built with every report file stamped; the edited report's metadata.
fn settled() -> (Site, fs::Metadata) {
    let site = Site::fixture(FIXTURE);
    settle(&site);
    site.build_ok();
    assert_eq!(files_read("settled", &site), 0);
    let before = fs::metadata(site.root.join(REPORT)).unwrap();
    (site, before)
}

/// Sets the modification time of the file at `path` to `time`.
fn set_modified(path: &std::path::Path, time: std::time::SystemTime) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

/// Asserts that the changed report was read and its change published.
fn assert_read_again(case: &str, site: &Site) {
    assert_eq!(files_read(case, site), 1);
    assert!(
        site.output("reports/alpha-2024/index.html")
            .contains("Saw the")
    );
    assert_fresh(case, site);
}

#[test]
fn a_report_rewritten_with_its_size_and_time_kept_is_read_again() {
    let (site, before) = settled();
    let path = site.root.join(REPORT);
    // The same number of bytes, written in place, the modification time set back: only
    // the file's change time tells.
    site.edit(REPORT, "See the", "Saw the");
    set_modified(&path, before.modified().unwrap());
    let after = fs::metadata(&path).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (before.len(), before.modified().unwrap())
    );
    assert_read_again("rewritten in place", &site);
}

#[test]
fn a_report_replaced_by_another_file_of_the_same_size_and_time_is_read_again() {
    let (site, before) = settled();
    let path = site.root.join(REPORT);
    // As `cp -p` or a backup restore leaves it: another file renamed over it, with the
    // old one's size and modification time.
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("See the", "Saw the", 1);
    let other = site.root.join("replacement.md");
    fs::write(&other, text).unwrap();
    set_modified(&other, before.modified().unwrap());
    fs::rename(&other, &path).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().len(), before.len());
    assert_read_again("replaced", &site);
}

#[test]
fn a_report_left_unread_is_read_for_a_warning_pointing_into_it() {
    // A report repeating an earlier report's figure is warned about with the figure's
    // line and column: the unread report's text is read for them.
    let site = Site::fixture(FIXTURE);
    site.write("content/reports/alpha-2023b.md", ALPHA_2023B);
    settle(&site);
    let warned = |run: &common::Run| -> Vec<String> {
        assert!(run.ok, "{}", run.stderr);
        run.stderr
            .lines()
            .filter(|l| l.starts_with("warning"))
            .map(str::to_string)
            .collect()
    };
    let warnings = warned(&site.build(&[]));
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("alpha-2023b.md:8:13:") && w.contains("repeats the figure")),
        "{warnings:?}"
    );
    site.edit(REPORT, "See the", "Saw the");
    // The edited report and the one warned about.
    assert_eq!(files_read("edited", &site), 2);
    site.edit(REPORT, "Saw the", "Sew the");
    assert_eq!(warned(&site.build(&[])), warnings);
    assert_fresh("warned", &site);
}

#[test]
fn a_report_deleted_after_its_build_is_gone_from_the_next() {
    let site = Site::fixture(FIXTURE);
    settle(&site);
    site.build_ok();
    assert!(site.has_output("reports/beta-2024/index.html"));
    fs::remove_file(site.root.join("content/reports/beta-2024.md")).unwrap();
    // The report's links from alpha-2024 would now be broken: drop them.
    site.edit(REPORT, "[Beta report](/reports/beta-2024/)", "Beta report");
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(!site.has_output("reports/beta-2024/index.html"));
    assert_fresh("deleted", &site);
}
