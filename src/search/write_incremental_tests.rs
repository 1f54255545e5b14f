//! The index built again with the memory of the build before: a document whose text
//! is unchanged is not cut again, a `docs/` bundle of unchanged documents is kept as
//! written, and an edit writes again only the `terms/` bundles of the stems it
//! changed, each time the same bytes as an index built from nothing.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::super::documents::Doc;
use super::tests::{Files, borrowed, build, corpus, doc};
use super::*;

/// `docs` indexed with the memory `memo` keeps from the build before.
fn build_with(docs: &[Doc<'_>], memo: &Memo) -> Files {
    let files = Files::default();
    tree(&mut borrowed(docs), "en", "search/", &files, Some(memo)).unwrap();
    files
}

#[test]
fn a_remembered_document_is_not_indexed_again_and_a_changed_one_is() {
    let dir = std::env::temp_dir().join(format!("wsis-memo-tree-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("memo");
    let mut docs = corpus(300);
    let first = Memo::default();
    build_with(&docs, &first);
    assert_eq!(first.indexed(), 300, "nothing remembered yet");
    first.save(&path, "w").unwrap();

    // One document's text changes, another's title; a word no other document has
    // enters the index and the vocabulary.
    docs[7].text[0] = Cow::Owned(format!("{} networked zyxwords", docs[7].text[0]));
    docs[250].title = Cow::Borrowed("Renamed communities");
    let second = Memo::read(&path, "w").unwrap();
    let files = build_with(&docs, &second);
    assert_eq!(
        second.indexed(),
        2,
        "only the changed documents are cut again"
    );
    assert_eq!(
        second.unpacked(),
        300,
        "a sink that cannot keep a bundle has every bundle written again"
    );
    assert_eq!(
        *files.0.lock().unwrap(),
        *build(&docs).0.lock().unwrap(),
        "the same bytes as an index built from nothing"
    );
    // What the second build keeps serves a third as well, after a document is gone.
    second.save(&path, "w").unwrap();
    docs.remove(3);
    let third = Memo::read(&path, "w").unwrap();
    let files = build_with(&docs, &third);
    assert_eq!(third.indexed(), 0);
    assert_eq!(*files.0.lock().unwrap(), *build(&docs).0.lock().unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A sink holding the files of a build before, which keeps one of them when asked
/// with its hash, as the output does.
#[derive(Default)]
struct Keeping {
    before: BTreeMap<PathBuf, Vec<u8>>,
    now: Files,
    kept: Mutex<Vec<PathBuf>>,
}

impl Sink for Keeping {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.now.put(rel, bytes)
    }
    fn has(&self, rel: &Path) -> bool {
        self.now.has(rel)
    }
    fn keep(&self, rel: &Path, hash: u128) -> Result<bool, Diagnostic> {
        match self.before.get(rel) {
            Some(bytes) if xxhash_rust::xxh3::xxh3_128(bytes) == hash => {
                self.kept.lock().unwrap().push(rel.to_path_buf());
                self.now.put(rel, bytes.clone())?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

impl Keeping {
    /// The files kept under `search/<under>`, in order kept.
    fn kept(&self, under: &str) -> Vec<String> {
        let kept = self.kept.lock().unwrap();
        (kept.iter().map(|p| p.display().to_string()))
            .filter(|p| p.starts_with(&format!("search/{under}")))
            .collect()
    }
}

#[test]
fn a_bundle_of_unchanged_documents_is_kept_and_only_the_others_are_read() {
    let dir = std::env::temp_dir().join(format!("wsis-memo-keep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("memo");
    let mut docs = corpus(300);
    let first = Memo::default();
    let before = build_with(&docs, &first).0.into_inner().unwrap();
    assert_eq!(first.unpacked(), 300);
    first.save(&path, "w").unwrap();

    // One document's text changes (bundle 1), another's summary (bundle 6), which
    // only its bundle shows: cut again is the first alone.
    docs[40].text[0] = Cow::Owned(format!("{} networked zyxwords", docs[40].text[0]));
    docs[200].summary = Some(Cow::Borrowed("A summary of its own"));
    let second = Memo::read(&path, "w").unwrap();
    let sink = Keeping {
        before,
        ..Keeping::default()
    };
    tree(&mut borrowed(&docs), "en", "search/", &sink, Some(&second)).unwrap();
    assert_eq!(second.indexed(), 1);
    assert_eq!(
        second.unpacked(),
        2 * DOCS_PER_BUNDLE,
        "bundles 1 and 6 read"
    );
    let mut kept: Vec<String> = sink.kept("docs/");
    kept.sort();
    let bundles = 300usize.div_ceil(DOCS_PER_BUNDLE);
    let mut others: Vec<String> = (0..bundles)
        .filter(|n| ![1, 6].contains(n))
        .map(|n| format!("search/docs/{n}.json.gz"))
        .collect();
    others.sort();
    assert_eq!(kept, others);
    assert_eq!(
        *sink.now.0.lock().unwrap(),
        *build(&docs).0.lock().unwrap(),
        "the same bytes as an index built from nothing"
    );

    // A document added before the others moves every bundle: none is kept.
    second.save(&path, "w").unwrap();
    docs.insert(0, doc(1000, "New networks".into(), "Brand new".into()));
    let third = Memo::read(&path, "w").unwrap();
    let sink = Keeping {
        before: sink.now.0.into_inner().unwrap(),
        ..Keeping::default()
    };
    tree(&mut borrowed(&docs), "en", "search/", &sink, Some(&third)).unwrap();
    assert!(sink.kept("").is_empty());
    assert_eq!(third.unpacked(), 301);
    assert_eq!(*sink.now.0.lock().unwrap(), *build(&docs).0.lock().unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// One build after another with the memory of the one before, each from the files of
/// the one before: the `terms/` bundles kept by each.
struct Builds {
    path: PathBuf,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Builds {
    fn new(name: &str, docs: &[Doc<'_>]) -> Builds {
        let dir = std::env::temp_dir().join(format!("wsis-patch-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("memo");
        let first = Memo::default();
        let files = build_with(docs, &first).0.into_inner().unwrap();
        first.save(&path, "w").unwrap();
        Builds { path, files }
    }

    /// Builds `docs`, checks the files are a fresh build's, and returns the `terms/`
    /// bundles kept and the number there are.
    fn next(&mut self, docs: &[Doc<'_>]) -> (Vec<String>, usize) {
        let memo = Memo::read(&self.path, "w").unwrap();
        let sink = Keeping {
            before: std::mem::take(&mut self.files),
            ..Keeping::default()
        };
        tree(&mut borrowed(docs), "en", "search/", &sink, Some(&memo)).unwrap();
        memo.save(&self.path, "w").unwrap();
        let kept = sink.kept("terms/");
        self.files = sink.now.0.into_inner().unwrap();
        assert!(
            self.files == build(docs).0.into_inner().unwrap(),
            "the same bytes as an index built from nothing"
        );
        let count = (self.files.keys())
            .filter(|p| p.starts_with("search/terms"))
            .count();
        (kept, count)
    }
}

impl Drop for Builds {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.path.parent().unwrap());
    }
}

#[test]
fn an_edited_document_writes_again_only_the_terms_bundles_of_its_changed_stems() {
    let mut docs = corpus(700);
    let mut builds = Builds::new("edit", &docs);
    let original = docs[7].text[0].clone();
    // A word no other document has, and one more of a word it has.
    let first_word = original.split(' ').next().unwrap().to_string();
    docs[7].text[0] = Cow::Owned(format!("{original} zyxwords {first_word}"));
    let (kept, count) = builds.next(&docs);
    assert!(count >= 4, "{count} bundles: too few to tell");
    assert!(
        kept.len() + 2 >= count && !kept.is_empty(),
        "{} of {count} kept",
        kept.len()
    );
    let has_word = |files: &BTreeMap<PathBuf, Vec<u8>>| {
        (files.iter())
            .filter(|(p, _)| p.starts_with("search/terms"))
            .map(|(_, bytes)| crate::search::bundle::inflated(bytes))
            .any(|text| String::from_utf8_lossy(&text).contains("zyxword"))
    };
    assert!(
        has_word(&builds.files),
        "the new word's stem is in a bundle"
    );
    // The word leaves the last document that had it: its entry is gone.
    docs[7].text[0] = original;
    let (kept, _) = builds.next(&docs);
    assert!(!kept.is_empty());
    assert!(
        !has_word(&builds.files),
        "a stem no document has is in no bundle"
    );
    // A title changed: weights and sections of a few stems.
    docs[500].title = Cow::Borrowed("Renamed communities");
    let (kept, _) = builds.next(&docs);
    assert!(!kept.is_empty());
}

#[test]
fn terms_bundles_cut_elsewhere_after_an_edit_are_all_written_as_a_fresh_build_cuts_them() {
    let mut docs = corpus(700);
    let mut builds = Builds::new("shift", &docs);
    // Thousands of new words at the start of the key order move every cut after them.
    let many: Vec<String> = (0..3000).map(|i| format!("aaa{i}")).collect();
    docs[3].text[0] = Cow::Owned(format!("{} {}", docs[3].text[0], many.join(" ")));
    let (kept, count) = builds.next(&docs);
    assert!(kept.len() < count);
    // And gone again.
    docs[3].text[0] = corpus(700).swap_remove(3).text.swap_remove(0);
    builds.next(&docs);
    // Nothing changed: every bundle kept.
    let (kept, count) = builds.next(&docs);
    assert_eq!(kept.len(), count);
}
