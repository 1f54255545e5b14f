//! The bundled layout of a tree's index: where bundles are cut, that every key is
//! where `meta.json` says, the file count of a large tree, the edge cases of no and one
//! document, that two builds write the same bytes, and that `search.js` reads this
//! layout. Builds with the previous build's memory: `write_incremental_tests.rs`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde_json::Value;

use super::super::documents::{Doc, DocKind};
use super::*;

/// A sink that keeps the files in memory.
#[derive(Default)]
pub(super) struct Files(pub(super) Mutex<BTreeMap<PathBuf, Vec<u8>>>);

impl Sink for Files {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let old = self.0.lock().unwrap().insert(rel.to_path_buf(), bytes);
        assert!(old.is_none(), "{} written twice", rel.display());
        Ok(())
    }
    fn has(&self, rel: &Path) -> bool {
        self.0.lock().unwrap().contains_key(rel)
    }
}

impl Files {
    /// The JSON of the file `rel`: a bundle (`.json.gz`) inflated.
    pub(super) fn json(&self, rel: &str) -> Value {
        serde_json::from_slice(&self.text(rel)).unwrap()
    }
    /// The bytes of the file `rel`, a bundle (`.json.gz`) inflated: each bundle is
    /// asserted to be gzip, and `meta.json` to be plain JSON.
    pub(super) fn text(&self, rel: &str) -> Vec<u8> {
        let bytes = self.0.lock().unwrap()[Path::new(rel)].clone();
        let gzip = bytes.starts_with(&[0x1f, 0x8b]);
        assert_eq!(gzip, rel.ends_with(".json.gz"), "{rel}");
        match gzip {
            true => crate::search::bundle::inflated(&bytes),
            false => bytes,
        }
    }
    pub(super) fn names(&self) -> Vec<String> {
        let files = self.0.lock().unwrap();
        files.keys().map(|p| p.display().to_string()).collect()
    }
}

pub(super) fn doc(n: usize, title: String, text: String) -> Doc<'static> {
    Doc {
        url: format!("/r/{n}/"),
        title: Cow::Owned(title),
        kind: DocKind::Report,
        detail: "".into(),
        year: Some(2020),
        lang: "en",
        sections: vec![("a".into(), "Networks".into())],
        text: vec![Cow::Owned(text), "".into()],
        summary: None,
        packed: None,
    }
}

/// `n` documents with words drawn from a vocabulary of a few thousand made-up words,
/// some with capitals, accents, Han and characters outside the BMP, so that keys sort
/// across every range of code points.
pub(super) fn corpus(n: usize) -> Vec<Doc<'static>> {
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let syllables = [
        "ka", "ne", "tor", "wo", "li", "sé", "про", "社区", "兀", "𠀀",
    ];
    (0..n)
        .map(|d| {
            let mut words = Vec::new();
            for _ in 0..80 {
                let len = 1 + next() % 3;
                let w: String = (0..len)
                    .map(|_| syllables[next() % syllables.len()])
                    .collect();
                words.push(format!("{w}{}", next() % 40));
            }
            doc(d, format!("Report {d} networking"), words.join(" "))
        })
        .collect()
}

pub(super) fn build(docs: &[Doc<'_>]) -> Files {
    let files = Files::default();
    tree(&mut borrowed(docs), "en", "search/", &files, None).unwrap();
    files
}

/// `docs` borrowed, as `tree` takes them: mutable, since it unpacks a report's text
/// in place while the report's slice is indexed.
pub(super) fn borrowed<'b>(docs: &'b [Doc<'_>]) -> Vec<Doc<'b>> {
    docs.iter()
        .map(|d| Doc {
            url: d.url.clone(),
            title: Cow::Borrowed(&d.title),
            kind: d.kind,
            detail: Cow::Borrowed(&d.detail),
            year: d.year,
            lang: d.lang,
            sections: d
                .sections
                .iter()
                .map(|(a, h)| (Cow::Borrowed(&**a), Cow::Borrowed(&**h)))
                .collect(),
            text: d.text.iter().map(|t| Cow::Borrowed(&**t)).collect(),
            summary: d.summary.as_deref().map(Cow::Borrowed),
            packed: d.packed,
        })
        .collect()
}

/// From a red-team read: slices were cut by count alone, so 4,096 reports whose texts
/// (crafted in a cache, or long) unpacked large were all held at once.
#[test]
fn slices_are_whole_bundles_cut_by_count_or_by_text() {
    let short = slices(std::iter::repeat_n(1, 2 * CUT_AT_ONCE + 40));
    assert_eq!(short, [CUT_AT_ONCE, CUT_AT_ONCE, 40]);
    // Text enough for a slice in each document: cut at each bundle's end.
    let long = slices(std::iter::repeat_n(TEXT_AT_ONCE, 3 * DOCS_PER_BUNDLE + 1));
    assert_eq!(long, [DOCS_PER_BUNDLE, DOCS_PER_BUNDLE, DOCS_PER_BUNDLE, 1]);
    let huge = slices(
        [usize::MAX, usize::MAX]
            .into_iter()
            .chain(std::iter::repeat_n(0, 40)),
    );
    assert_eq!(huge, [DOCS_PER_BUNDLE, 10]);
    assert!(slices(std::iter::empty()).is_empty());
}

#[test]
fn documents_taken_a_slice_at_a_time_are_bundled_in_order() {
    // Several slices of `CUT_AT_ONCE` documents and a part of one.
    let count = 2 * CUT_AT_ONCE + 40;
    let files = build(&corpus(count));
    assert_eq!(files.json("search/meta.json")["docs"], count);
    let bundles = count.div_ceil(DOCS_PER_BUNDLE);
    for n in 0..bundles {
        let docs = files.json(&format!("search/docs/{n}.json.gz"));
        let docs = docs.as_array().unwrap();
        assert_eq!(docs.len(), DOCS_PER_BUNDLE.min(count - n * DOCS_PER_BUNDLE));
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(d[0], format!("/r/{}/", n * DOCS_PER_BUNDLE + i));
        }
    }
    let names = files.names();
    assert!(!names.contains(&format!("search/docs/{bundles}.json.gz")));
}

/// Every key of the bundles of `kind`, with the bundle it is in.
fn keys(files: &Files, meta: &Value, kind: &str) -> Vec<(String, usize)> {
    let bundles = meta[kind].as_array().unwrap().len();
    (0..bundles)
        .flat_map(|n| {
            let b = files.json(&format!("search/{kind}/{n}.json.gz"));
            let keys: Vec<String> = b.as_object().unwrap().keys().cloned().collect();
            keys.into_iter().map(move |k| (k, n))
        })
        .collect()
}

#[test]
fn every_key_is_in_the_bundle_meta_points_to_and_bundles_are_in_order() {
    let docs = corpus(1500);
    let files = build(&docs);
    let meta = files.json("search/meta.json");
    for kind in ["terms", "vocab"] {
        let firsts: Vec<&str> = meta[kind]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let all = keys(&files, &meta, kind);
        assert!(!all.is_empty(), "{kind}");
        // In code point order across bundles, which is str's order.
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "{kind} sorted");
        for (key, n) in &all {
            let found = firsts.partition_point(|f| *f <= key.as_str()) - 1;
            assert_eq!(found, *n, "{kind}: {key}");
        }
        // Each bundle opens with its key in meta.json.
        for (n, first) in firsts.iter().enumerate() {
            assert!(all.iter().any(|(k, b)| k == first && *b == n), "{kind} {n}");
        }
        // The last key is in the last bundle, and no bundle is past its target.
        assert_eq!(all.last().unwrap().1, firsts.len() - 1, "{kind}");
        for n in 0..firsts.len() {
            let bytes = files.text(&format!("search/{kind}/{n}.json.gz")).len();
            assert!(bytes <= TERMS_BUNDLE + 1, "{kind}/{n}: {bytes} bytes");
        }
    }
    assert!(
        meta["terms"].as_array().unwrap().len() > 2,
        "several term bundles"
    );
    // Keys of every script: a Han pair, a character past U+FFFF.
    let terms = keys(&files, &meta, "terms");
    assert!(terms.iter().any(|(k, _)| k == "社区"));
    assert!(terms.iter().any(|(k, _)| k.starts_with('𠀀')));
}

#[test]
fn a_large_tree_writes_few_files() {
    let docs = corpus(3000);
    let files = build(&docs);
    let names = files.names();
    let meta = files.json("search/meta.json");
    let bundles = |kind: &str| {
        names
            .iter()
            .filter(|n| n.starts_with(&format!("search/{kind}/")))
            .count()
    };
    assert_eq!(bundles("docs"), 3000usize.div_ceil(DOCS_PER_BUNDLE));
    assert_eq!(bundles("terms"), meta["terms"].as_array().unwrap().len());
    assert_eq!(bundles("vocab"), meta["vocab"].as_array().unwrap().len());
    // One file per document or per term would be thousands.
    assert!(names.len() < 3000 / 20, "{} files", names.len());
    assert_eq!(
        names.len(),
        1 + bundles("docs") + bundles("terms") + bundles("vocab")
    );
}

#[test]
fn documents_are_found_by_number_in_their_bundle_with_their_passages() {
    let docs = corpus(100);
    let files = build(&docs);
    let meta = files.json("search/meta.json");
    assert_eq!(meta["docs"], 100);
    assert_eq!(meta["chunk"], DOCS_PER_BUNDLE);
    for d in [0, DOCS_PER_BUNDLE - 1, DOCS_PER_BUNDLE, 99] {
        let bundle = files.json(&format!("search/docs/{}.json.gz", d / DOCS_PER_BUNDLE));
        let entry = &bundle[d % DOCS_PER_BUNDLE];
        assert_eq!(entry[0], format!("/r/{d}/"));
        assert_eq!(entry[5], serde_json::json!([["a", "Networks"]]));
        assert_eq!(entry[6], serde_json::json!(passages(&docs[d])));
    }
    // The last bundle holds the rest.
    let last = files.json(&format!("search/docs/{}.json.gz", 99 / DOCS_PER_BUNDLE));
    assert_eq!(last.as_array().unwrap().len(), 100 % DOCS_PER_BUNDLE);
}

#[test]
fn postings_count_each_document_from_the_one_before() {
    let docs: Vec<Doc<'_>> = (0..5)
        .map(|d| {
            let text = if d % 2 == 0 { "encrypt" } else { "other" };
            doc(d, format!("Title {d}"), text.to_string())
        })
        .collect();
    let files = build(&docs);
    let terms = files.json("search/terms/0.json.gz");
    // Documents 0, 2 and 4, written 0, 2, 2.
    let p: Vec<u64> = terms["encrypt"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(p.iter().step_by(3).copied().collect::<Vec<_>>(), [0, 2, 2]);
}

#[test]
fn an_empty_tree_writes_its_meta_alone() {
    let files = build(&[]);
    assert_eq!(files.names(), ["search/meta.json"]);
    let meta = files.json("search/meta.json");
    assert_eq!(meta["docs"], 0);
    assert_eq!(meta["terms"], serde_json::json!([]));
    assert_eq!(meta["vocab"], serde_json::json!([]));
}

#[test]
fn a_one_document_tree_writes_one_bundle_of_each() {
    let docs = [doc(
        0,
        "Community networks".into(),
        "Networks of communities".into(),
    )];
    let files = build(&docs);
    assert_eq!(
        files.names(),
        [
            "search/docs/0.json.gz",
            "search/meta.json",
            "search/terms/0.json.gz",
            "search/vocab/0.json.gz"
        ]
    );
    let meta = files.json("search/meta.json");
    assert_eq!(meta["terms"], serde_json::json!(["communiti"]));
    assert_eq!(meta["vocab"], serde_json::json!(["communities"]));
    assert_eq!(files.json("search/vocab/0.json.gz")["networks"], "network");
    assert_eq!(
        files.json("search/docs/0.json.gz")[0][1],
        "Community networks"
    );
}

#[test]
fn two_builds_write_the_same_bytes() {
    let docs = corpus(700);
    let (a, b) = (build(&docs), build(&docs));
    assert_eq!(*a.0.lock().unwrap(), *b.0.lock().unwrap());
}

/// Entries of a megabyte each (a stem on every page of a large site with a small
/// vocabulary): the first bundle is put before most of them are serialised, not after
/// all, so that a whole index's entries are never held at once.
#[test]
fn large_entries_are_bundled_before_the_rest_are_serialised() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let made = AtomicUsize::new(0);
    let sink = super::super::watch_tests::Watch::new(&made);
    let keys: Vec<String> = (0..200).map(|n| format!("k{n:03}")).collect();
    let sorted: Vec<(&str, ())> = keys.iter().map(|k| (k.as_str(), ())).collect();
    let packed = bundled(&sorted, "search/", "terms", &sink, |out, ()| {
        made.fetch_add(1, Ordering::SeqCst);
        out.extend(std::iter::repeat_n(b'1', 1 << 20));
        Ok(())
    })
    .unwrap();
    assert_eq!(packed.lens.len(), 200);
    let first = sink.made_at_first_put();
    assert!(
        first <= FEWEST_ENTRIES + BYTES_AT_ONCE / (1 << 20),
        "{first} of 200 entries of a megabyte serialised before the first bundle was put"
    );
}

/// A first batch measures the entries; small ones go the most at once, a megabyte
/// each the fewest, and between, about [`BYTES_AT_ONCE`] worth.
#[test]
fn the_batch_of_entries_follows_their_size() {
    assert_eq!(entries_next(0, 0), FEWEST_ENTRIES);
    assert_eq!(entries_next(100, 100 * 40), ENTRIES_AT_ONCE);
    assert_eq!(entries_next(16, 16 << 20), FEWEST_ENTRIES);
    assert_eq!(entries_next(16, 16 << 16), BYTES_AT_ONCE >> 16);
}

#[test]
fn search_js_reads_this_layout_version_and_these_names() {
    let js = include_str!("../../themes/default/static/search.js");
    assert!(js.contains(&format!("meta.version !== {VERSION})")));
    let path = bundle_path("", "terms", 7).display().to_string();
    assert_eq!(path, "terms/7.json.gz");
    assert!(js.contains(r#"kind + "/" + n + ".json.gz""#));
    assert!(js.contains(r#""docs/" + c + ".json.gz""#));
}
