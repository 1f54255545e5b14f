//! The incremental build's search index: only the documents whose text changed are cut
//! and stemmed again, the others' terms come from the cache beside the output
//! (`.public.wsis-search`), and the index is still a fresh build's, byte for byte. A
//! spoiled search cache is ignored with a warning; `--fresh` ignores it too.

use crate::common;

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
    let indexed = count(&run, "search documents indexed again");
    (run, indexed)
}

/// The number the stage line `what` of `run` gives.
fn count(run: &Run, what: &str) -> usize {
    run.stderr
        .lines()
        .find_map(|l| l.strip_prefix(&format!("timing: {what}: ")))
        .unwrap_or_else(|| panic!("no count of {what}:\n{}", run.stderr))
        .trim()
        .parse()
        .unwrap()
}

/// For each tree of `site`'s output, how many documents it holds and how many
/// each `docs/<n>.json.gz` bundle holds, from its `meta.json`.
fn trees_docs(site: &Site) -> Vec<(usize, usize)> {
    tree(site)
        .iter()
        .filter(|(k, _)| k.ends_with("search/meta.json"))
        .map(|(_, bytes)| {
            let meta: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            let number = |f: &str| meta[f].as_u64().unwrap() as usize;
            (number("docs"), number("chunk"))
        })
        .collect()
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
    let docs: usize = trees_docs(&site).iter().map(|(docs, _)| docs).sum();
    assert_eq!(
        count(&run, "search documents unpacked"),
        docs,
        "no bundle kept by a spoiled cache"
    );
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

/// The documents of the `docs/<n>.json.gz` bundle of each tree of `site`'s output that
/// lists the page whose address holds `slug`.
fn bundles_of(site: &Site, slug: &str) -> Vec<usize> {
    tree(site)
        .iter()
        .filter(|(k, _)| k.contains("search/docs/"))
        .filter_map(|(_, bytes)| {
            let docs: Vec<serde_json::Value> =
                serde_json::from_slice(&common::inflated(bytes)).unwrap();
            let url = |d: &serde_json::Value| d[0].as_str().unwrap().contains(slug);
            docs.iter().any(url).then_some(docs.len())
        })
        .collect()
}

#[test]
fn an_edited_report_unpacks_only_the_documents_of_its_bundle() {
    let site = Site::fixture(FIXTURE);
    // Reports of an earlier year, which come first: the edited report's bundle is
    // then the second of each tree, and the first is kept.
    for n in 0..40 {
        let report = common::minimal_report("", &format!("Earlier report {n} on networks."))
            .replace("year: 2024\npublished: 2024", "year: 2010\npublished: 2010");
        site.write(&format!("content/reports/early-{n:02}.md"), &report);
    }
    build_counting(&site, &[]);
    let (run, _) = build_counting(&site, &[]);
    assert_eq!(
        count(&run, "search documents unpacked"),
        0,
        "nothing changed, no text read"
    );
    edit_one_report(&site);
    let (run, again) = build_counting(&site, &[]);
    let trees = trees_docs(&site);
    assert_eq!(again, trees.len(), "the edited report, once in each tree");
    assert!(
        trees.iter().all(|&(docs, chunk)| docs > chunk),
        "trees of more than one bundle: {trees:?}"
    );
    let bundles = bundles_of(&site, "alpha-2024");
    assert_eq!(bundles.len(), trees.len());
    assert_eq!(
        count(&run, "search documents unpacked"),
        bundles.iter().sum::<usize>(),
        "the documents of the edited report's bundles: {bundles:?}"
    );
    assert_same("one report edited", &tree(&site), &fresh_tree(&site));
}

/// The terms bundles written again, over every tree: a stage line each.
fn terms_written(run: &Run) -> usize {
    let what = "timing: search terms bundles written again: ";
    let lines = run.stderr.lines().filter_map(|l| l.strip_prefix(what));
    let counts: Vec<usize> = lines.map(|n| n.trim().parse().unwrap()).collect();
    assert!(
        !counts.is_empty(),
        "no terms bundles patched:\n{}",
        run.stderr
    );
    counts.iter().sum()
}

#[test]
fn an_edit_writes_again_only_the_terms_bundles_whose_entries_changed() {
    let site = Site::fixture(FIXTURE);
    build_counting(&site, &[]);
    // Nothing changed: every tree's terms bundles are kept as they are.
    let (run, _) = build_counting(&site, &[]);
    assert_eq!(terms_written(&run), 0);
    // A word no other page has enters each tree's index, in one terms bundle.
    site.edit(
        "content/reports/alpha-2024.md",
        "to support 37 initiatives.",
        "to support 37 initiatives, zyxquorums included.",
    );
    let (run, _) = build_counting(&site, &[]);
    let trees = trees_docs(&site).len();
    assert_eq!(terms_written(&run), trees);
    assert_same("a new word", &tree(&site), &fresh_tree(&site));
    // And leaves it: the index is again a fresh build's, without the word.
    site.edit(
        "content/reports/alpha-2024.md",
        "to support 37 initiatives, zyxquorums included.",
        "to support 37 initiatives.",
    );
    let (run, _) = build_counting(&site, &[]);
    assert_eq!(terms_written(&run), trees);
    let tree = tree(&site);
    let word = tree.iter().any(|(k, bytes)| {
        k.contains("search/terms/")
            && String::from_utf8_lossy(&common::inflated(bytes)).contains("zyxquorum")
    });
    assert!(!word, "a stem no page has any more is in no terms bundle");
    assert_same("the word gone", &tree, &fresh_tree(&site));
}
