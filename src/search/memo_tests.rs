//! The memory's file: read back as written, and refused whole when it is damaged,
//! foreign or not a regular file.

use std::path::PathBuf;

use super::*;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("wsis-memo-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A memory holding one tree of two documents, saved at `path` by the `wsis` "w".
fn saved(path: &Path) -> Memo {
    let memo = Memo::default();
    let mut table = Table::default();
    let (a, b): (Arc<str>, Arc<str>) = (Arc::from("network"), Arc::from("networks"));
    let terms = Terms::new(
        vec![[table.id(&a), 0, 20]],
        vec![[table.id(&b), table.id(&a)]],
    );
    let mut docs = HashMap::default();
    docs.insert(1, Arc::new(terms.clone()));
    docs.insert(2, Arc::new(terms));
    memo.keep(
        "en",
        &Tree {
            table,
            docs,
            bundles: vec![Bundle { input: 3, bytes: 4 }],
            ..Tree::default()
        },
        2,
        2,
    );
    memo.save(path, "w").unwrap();
    memo
}

#[test]
fn a_memory_reads_back_as_written() {
    let d = dir("back");
    let path = d.join("m");
    saved(&path);
    let memo = Memo::read(&path, "w").unwrap();
    let tree = memo.take("en");
    assert_eq!(tree.docs.len(), 2);
    assert_eq!(tree.bundles, [Bundle { input: 3, bytes: 4 }]);
    let terms = &tree.docs[&1];
    let string = |i: u32| &*tree.table.strings[i as usize];
    let [[stem, section, weight]] = terms.postings().collect::<Vec<_>>()[..] else {
        panic!("one posting");
    };
    assert_eq!((string(stem), section, weight), ("network", 0, 20));
    let [[word, stem]] = terms.inflected().collect::<Vec<_>>()[..] else {
        panic!("one inflected word");
    };
    assert_eq!((string(word), string(stem)), ("networks", "network"));
    assert!(
        memo.take("fr").docs.is_empty(),
        "no tree in another language"
    );
    // No file: nothing remembered, nothing to warn about.
    assert!(
        Memo::read(&d.join("none"), "w")
            .unwrap()
            .take("en")
            .docs
            .is_empty()
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_damaged_foreign_or_linked_memory_is_refused_with_the_reason() {
    let d = dir("damaged");
    let path = d.join("m");
    saved(&path);
    let good = std::fs::read(&path).unwrap();
    let refused = |bytes: &[u8]| {
        std::fs::write(&path, bytes).unwrap();
        Memo::read(&path, "w").unwrap_err()
    };
    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert!(refused(&flipped).contains("checksum"));
    assert!(refused(&good[..good.len() - 1]).contains("truncated"));
    assert!(refused(b"not a cache").contains("not a wsis search cache"));
    let mut format = good.clone();
    format[MAGIC.len()] = 9;
    assert!(refused(&format).contains("format 9"));
    std::fs::write(&path, &good).unwrap();
    assert!(
        Memo::read(&path, "another")
            .unwrap_err()
            .contains("another wsis")
    );
    #[cfg(unix)]
    {
        let link = d.join("link");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(Memo::read(&link, "w").unwrap_err().contains("regular file"));
    }
    std::fs::create_dir(d.join("folder")).unwrap();
    assert!(
        Memo::read(&d.join("folder"), "w")
            .unwrap_err()
            .contains("regular file")
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_memory_whose_terms_do_not_decode_is_refused_though_its_frame_is_whole() {
    let d = dir("terms");
    let path = d.join("m");
    let name = postcard::to_stdvec("w").unwrap();
    let tree = |terms: Vec<u8>| {
        let stored: StoredTree<&str, Vec<(u128, Vec<u8>)>> = StoredTree {
            lang: "en".into(),
            strings: vec!["network"],
            compacted: 1,
            bundles: Vec::new(),
            order: Vec::new(),
            terms: TermsIndex::default(),
            docs: vec![(1, terms)],
        };
        postcard::to_stdvec(&stored).unwrap()
    };
    let read = |tree: Vec<u8>| {
        write_framed(&path, &[&name, &tree]).unwrap();
        Memo::read(&path, "w")
    };
    // Well formed: one posting of the one string.
    let good = Terms::new(vec![[0, 0, 20]], Vec::new());
    assert_eq!(
        read(tree(good.bytes().to_vec()))
            .unwrap()
            .take("en")
            .docs
            .len(),
        1
    );
    // A stem past the tree's strings, terms cut short, a tree cut short.
    let past = Terms::new(vec![[1, 0, 20]], Vec::new());
    assert!(
        read(tree(past.bytes().to_vec()))
            .unwrap_err()
            .contains("do not decode")
    );
    let short = good.bytes()[..good.bytes().len() - 1].to_vec();
    assert!(read(tree(short)).unwrap_err().contains("do not decode"));
    let mut cut = tree(good.bytes().to_vec());
    cut.pop();
    assert!(read(cut).unwrap_err().contains("do not decode"));
    // From a red-team read: a string twice in a tree's table.
    let twice: StoredTree<&str, Vec<(u128, Vec<u8>)>> = StoredTree {
        lang: "en".into(),
        strings: vec!["network", "network"],
        compacted: 2,
        bundles: Vec::new(),
        order: Vec::new(),
        terms: TermsIndex::default(),
        docs: vec![(1, good.bytes().to_vec())],
    };
    let twice = postcard::to_stdvec(&twice).unwrap();
    assert!(read(twice).unwrap_err().contains("do not decode"));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn keys_differ_with_the_text_the_language_and_the_tree() {
    let doc = |title: &'static str, lang: &'static str, text: Vec<&'static str>| Doc {
        url: String::new(),
        title: title.into(),
        kind: super::super::documents::DocKind::Report,
        detail: "".into(),
        year: None,
        lang,
        sections: vec![("a".into(), "Head".into())],
        text: text.into_iter().map(Into::into).collect(),
        summary: None,
        packed: None,
    };
    let base = key(&doc("T", "en", vec!["a b", ""]), "en");
    assert_eq!(base, key(&doc("T", "en", vec!["a b", ""]), "en"));
    assert_ne!(base, key(&doc("T", "en", vec!["a b", ""]), "fr"));
    assert_ne!(base, key(&doc("T", "fr", vec!["a b", ""]), "en"));
    assert_ne!(base, key(&doc("T2", "en", vec!["a b", ""]), "en"));
    assert_ne!(base, key(&doc("T", "en", vec!["a", "b"]), "en"));
    assert_ne!(base, key(&doc("T", "en", vec!["a b"]), "en"));
}

/// From a red-team read: the headings were hashed before their count, so a last
/// heading reading like the counts (`1 2`) ran together with the texts: two
/// documents hashed alike and the second was given the first's terms.
#[test]
fn headings_and_texts_never_run_together_into_one_key() {
    let doc = |headings: Vec<&'static str>, text: Vec<&'static str>| Doc {
        url: String::new(),
        title: "T".into(),
        kind: super::super::documents::DocKind::Sdg,
        detail: "".into(),
        year: None,
        lang: "en",
        sections: headings
            .into_iter()
            .map(|h| ("a".into(), h.into()))
            .collect(),
        text: text.into_iter().map(Into::into).collect(),
        summary: None,
        packed: None,
    };
    assert_ne!(
        key(&doc(vec!["X", "1 2"], vec!["foo"]), "en"),
        key(&doc(vec!["X"], vec!["2 1", "foo"]), "en")
    );
}

/// The `terms/` bundles a memory tells of are cut from its stems in order: a memory
/// whose stems are out of order or past its strings, or whose bundles hold more or
/// fewer entries than it lists, is refused, never used to cut them.
#[test]
fn a_memory_whose_terms_bundles_do_not_fit_its_strings_is_refused() {
    let d = dir("index");
    let path = d.join("m");
    let name = postcard::to_stdvec("w").unwrap();
    let read = |entries: Vec<(u32, u32)>, bundles: Vec<(u32, u128)>| {
        let stored: StoredTree<&str, Vec<(u128, Vec<u8>)>> = StoredTree {
            lang: "en".into(),
            strings: vec!["b", "a", "c"],
            compacted: 3,
            bundles: Vec::new(),
            order: vec![1],
            terms: TermsIndex { entries, bundles },
            docs: Vec::new(),
        };
        let tree = postcard::to_stdvec(&stored).unwrap();
        write_framed(&path, &[&name, &tree]).unwrap();
        Memo::read(&path, "w")
    };
    let good = read(vec![(1, 5), (0, 5), (2, 5)], vec![(2, 7), (1, 8)]).unwrap();
    let tree = good.take("en");
    assert_eq!(tree.order, [1]);
    assert_eq!(tree.terms.bundles, [(2, 7), (1, 8)]);
    let refused = |entries, bundles| read(entries, bundles).unwrap_err();
    assert!(refused(vec![(0, 5), (1, 5)], vec![(2, 7)]).contains("do not decode"));
    assert!(refused(vec![(1, 5), (3, 5)], vec![(2, 7)]).contains("do not decode"));
    assert!(refused(vec![(1, 5), (1, 5)], vec![(2, 7)]).contains("do not decode"));
    assert!(refused(vec![(1, 5), (0, 5)], vec![(3, 7)]).contains("do not decode"));
    assert!(refused(vec![(1, 5), (0, 5)], vec![(2, 7), (0, 1)]).contains("do not decode"));
    std::fs::remove_dir_all(&d).unwrap();
}

/// A memory is stored with its table as it is while few strings were added since it
/// was last compacted, and without the strings no document uses once many were:
/// both read back to the same terms.
#[test]
fn a_table_grown_by_an_eighth_is_compacted() {
    let d = dir("compact");
    let path = d.join("m");
    let strings =
        |tree: &Tree| -> Vec<String> { tree.table.strings.iter().map(|s| s.to_string()).collect() };
    let keep = |extra: usize| {
        let mut table = Table::default();
        let used: Vec<Arc<str>> = (0..16).map(|i| Arc::from(format!("w{i}"))).collect();
        let postings = used.iter().map(|s| [table.id(s), 0, 1]).collect();
        for i in 0..extra {
            table.id(&Arc::from(format!("gone{i}")));
        }
        let mut docs = HashMap::default();
        docs.insert(1, Arc::new(Terms::new(postings, Vec::new())));
        let memo = Memo::default();
        let tree = Tree {
            table,
            docs,
            compacted: 16,
            ..Tree::default()
        };
        memo.keep("en", &tree, 0, 0);
        memo.save(&path, "w").unwrap();
        Memo::read(&path, "w").unwrap().take("en")
    };
    let few = keep(2);
    assert_eq!(few.table.strings.len(), 18, "kept as it was");
    assert_eq!(few.compacted, 16);
    let many = keep(3);
    assert_eq!(many.table.strings.len(), 16, "{:?}", strings(&many));
    assert_eq!(many.compacted, 16);
    for tree in [few, many] {
        let terms = &tree.docs[&1];
        let words: Vec<&str> = terms
            .postings()
            .map(|[s, ..]| &*tree.table.strings[s as usize])
            .collect();
        let mut expected: Vec<String> = (0..16).map(|i| format!("w{i}")).collect();
        expected.sort();
        let mut words: Vec<String> = words.into_iter().map(String::from).collect();
        words.sort();
        assert_eq!(words, expected);
    }
    std::fs::remove_dir_all(&d).unwrap();
}
