//! The incremental build's search index: only the documents whose text changed are cut
//! and stemmed again, the others' terms come from the cache beside the output
//! (`.public.wsis-search`), and the index is still a fresh build's, byte for byte. A
//! spoiled search cache is ignored with a warning; `--fresh` ignores it too.

mod common;

use std::fs;

use common::incremental::{FIXTURE, assert_same, tree};
use common::{Run, Site, run_limited};

/// The search cache of the fixture's output.
fn search_cache(site: &Site) -> std::path::PathBuf {
    site.root.join(".public.wsis-search")
}

/// Builds `site` with the stage lines on: the run, and how many documents its search
/// index cut and stemmed again.
fn build_counting(site: &Site, args: &[&str]) -> (Run, usize) {
    let mut cmd = site.command("build", args);
    cmd.env("WSIS_TIMINGS", "1");
    let run = run_limited(cmd);
    assert!(run.ok, "{}", run.stderr);
    let indexed = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("timing: search documents indexed again: "))
        .unwrap_or_else(|| panic!("no count of documents indexed:\n{}", run.stderr))
        .trim()
        .parse()
        .unwrap();
    (run, indexed)
}

/// Edits one sentence of one report.
fn edit_one_report(site: &Site) {
    site.edit(
        "content/reports/alpha-2024.md",
        "to support 37 initiatives.",
        "to support 37 initiatives, as planned.",
    );
}

/// The output of a fresh build of a copy of `site`'s sources.
fn fresh_tree(site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    let fresh = site.sources_copy();
    assert!(fresh.build(&["--fresh"]).ok);
    tree(&fresh)
}

#[test]
fn an_edited_report_is_the_only_document_indexed_again() {
    let site = Site::fixture(FIXTURE);
    let (_, all) = build_counting(&site, &[]);
    let trees = tree(&site)
        .keys()
        .filter(|k| k.ends_with("search/meta.json"))
        .count();
    assert!(all > 3 * trees, "every document indexed at first: {all}");
    assert!(
        search_cache(&site).is_file(),
        "the build writes its search cache"
    );
    let (_, again) = build_counting(&site, &[]);
    assert_eq!(again, 0, "nothing changed, nothing indexed");
    edit_one_report(&site);
    let (run, again) = build_counting(&site, &[]);
    assert!(!run.stderr.contains("wsis-search"), "{}", run.stderr);
    assert_eq!(
        again, trees,
        "the edited report, once in each language's tree"
    );
    assert_same("one report edited", &tree(&site), &fresh_tree(&site));
}

#[test]
fn a_spoiled_search_cache_is_ignored_with_a_warning() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let (_, all) = build_counting(&site, &["--fresh"]);
    let mut bytes = fs::read(search_cache(&site)).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    fs::write(search_cache(&site), bytes).unwrap();
    edit_one_report(&site);
    let (run, again) = build_counting(&site, &[]);
    let warned = run.stderr.lines().any(|l| {
        l.starts_with("warning:") && l.contains(".public.wsis-search") && l.contains("corrupt")
    });
    assert!(
        warned,
        "no warning naming the search cache:\n{}",
        run.stderr
    );
    assert_eq!(again, all, "nothing of a spoiled cache is used");
    assert_same("spoiled search cache", &tree(&site), &fresh_tree(&site));
    // That build wrote a good cache, which the next one uses without a word.
    let (run, again) = build_counting(&site, &[]);
    assert_eq!(again, 0);
    assert!(!run.stderr.contains("wsis-search"), "{}", run.stderr);
}

#[test]
fn fresh_ignores_the_search_cache_and_writes_a_new_one() {
    let site = Site::fixture(FIXTURE);
    let (_, all) = build_counting(&site, &[]);
    fs::write(search_cache(&site), b"not a cache at all").unwrap();
    let (run, again) = build_counting(&site, &["--fresh"]);
    assert_eq!(again, all, "--fresh indexes every document");
    assert!(!run.stderr.contains("wsis-search"), "{}", run.stderr);
    let (_, again) = build_counting(&site, &[]);
    assert_eq!(again, 0, "the cache --fresh wrote is used");
}
