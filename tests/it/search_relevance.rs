//! Search relevance: the queries of `tests/search/relevance.toml` run against the index
//! a build writes, each expected to rank its pages first. The query is cut by the
//! library's own tokenizer; the lookup (vocabulary, then postings, then the stems a
//! word starts with) and the ranking follow `search.js`, whose own ranking the
//! browser test checks for the queries marked `browser`.

use crate::common;

use std::collections::{BTreeMap, HashMap};

use common::Site;
use serde_json::Value;

#[derive(serde::Deserialize)]
struct Set {
    query: Vec<Query>,
}

#[derive(serde::Deserialize)]
struct Query {
    site: String,
    #[serde(default)]
    language: Option<String>,
    query: String,
    first: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    browser: bool,
}

/// A built site's index, read as the search page reads it.
struct Index {
    site: Site,
    meta: Value,
    docs: Vec<Value>,
    pieces: std::cell::RefCell<HashMap<String, Value>>,
}

impl Index {
    fn build(name: &str, language: Option<&str>) -> Index {
        let site = if name == "shipped" {
            Site::shipped()
        } else {
            Site::fixture(name)
        };
        if let Some(lang) = language {
            let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
            let toml: String = toml
                .lines()
                .map(|l| {
                    if l.starts_with("language") {
                        format!("language = \"{lang}\"\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
            site.write("site.toml", &toml);
        }
        site.build_ok();
        let meta: Value = serde_json::from_str(&site.output("search/meta.json")).unwrap();
        let docs = all_docs(&site, "", &meta);
        Index {
            site,
            meta,
            docs,
            pieces: Default::default(),
        }
    }

    /// The entries of the bundles of `kind` (`terms`, `vocab`) holding the keys from
    /// `lo` to `hi`, found as `search.js` finds them: a key is in the last bundle
    /// whose first key (in `meta.json`) is not after it.
    fn entries(&self, kind: &str, lo: &str, hi: &str) -> serde_json::Map<String, Value> {
        let firsts: Vec<&str> = self.meta[kind]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let bundle = |key: &str| firsts.partition_point(|f| *f <= key) as isize - 1;
        let mut out = serde_json::Map::new();
        for n in bundle(lo).max(0)..=bundle(hi) {
            let rel = format!("search/{kind}/{n}.json.gz");
            let part = self
                .pieces
                .borrow_mut()
                .entry(rel.clone())
                .or_insert_with(|| serde_json::from_str(&self.site.output(&rel)).unwrap())
                .clone();
            out.extend(part.as_object().unwrap().clone());
        }
        out
    }

    /// Doc -> score for one query term.
    fn lookup(&self, word: &str) -> BTreeMap<u64, u64> {
        let mut found = BTreeMap::new();
        let mut add = |postings: &Value, factor: u64| {
            // Each document is counted from the one before.
            let mut doc = 0;
            for p in postings.as_array().unwrap().chunks(3) {
                doc += p[0].as_u64().unwrap();
                *found.entry(doc).or_default() += p[2].as_u64().unwrap() * factor;
            }
        };
        let han = |t: &str| t.chars().next().is_some_and(wsis::search::is_han);
        let long = |t: &str| han(t) || t.chars().count() >= 3;
        let stems: Vec<String> = match self
            .entries("vocab", word, word)
            .remove(word)
            .unwrap_or_default()
        {
            Value::String(s) => vec![s.clone()],
            Value::Array(a) => a.iter().map(|s| s.as_str().unwrap().to_string()).collect(),
            _ => vec![word.to_string()],
        };
        let mut matched = Vec::new();
        for stem in &stems {
            if let Some(p) = self.entries("terms", stem, stem).get(stem) {
                add(p, 2);
                matched.push(stem.clone());
            }
        }
        // A word of two letters completes to nothing but itself.
        let upto = if long(word) {
            format!("{word}\u{10FFFF}")
        } else {
            word.to_string()
        };
        let own = self.entries("terms", word, &upto);
        for (term, p) in &own {
            if !matched.contains(term) && term.starts_with(word) {
                add(p, 1);
                matched.push(term.clone());
            }
        }
        if matched.is_empty() {
            // The longest stem at the start of the word or up to three characters in.
            let chars: Vec<char> = word.chars().collect();
            let mut best: Option<(usize, Value)> = None;
            for at in (0..=3).take_while(|at| chars.len() >= at + 3) {
                let rest: String = chars[at..].iter().collect();
                let key: String = rest.chars().take(if han(&rest) { 1 } else { 3 }).collect();
                for (term, p) in &self.entries("terms", &key, &rest) {
                    let n = term.chars().count();
                    if n >= 3
                        && rest.starts_with(term.as_str())
                        && best.as_ref().is_none_or(|b| n > b.0)
                    {
                        best = Some((n, p.clone()));
                    }
                }
            }
            if let Some((_, p)) = best {
                add(&p, 1);
            }
        }
        found
    }

    /// The URLs of the results of `query`, best first.
    fn search(&self, query: &str) -> Vec<String> {
        let stop: Vec<&str> = self.meta["stop"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let mut terms = wsis::search::query_terms(query, self.meta["lang"].as_str().unwrap());
        terms.retain(|t| !stop.contains(&t.as_str()));
        terms.dedup();
        let mut hits: Option<BTreeMap<u64, u64>> = None;
        for t in &terms {
            let found = self.lookup(t);
            // A pair of Han characters that straddles two words of the query may be
            // nowhere in the text: it does not veto the others.
            if found.is_empty() && t.chars().next().is_some_and(wsis::search::is_han) {
                continue;
            }
            hits = Some(match hits {
                None => found,
                Some(h) => h
                    .into_iter()
                    .filter_map(|(d, s)| found.get(&d).map(|o| (d, s + o)))
                    .collect(),
            });
        }
        let mut ranked: Vec<(u64, u64)> = hits.unwrap_or_default().into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .map(|(d, _)| self.docs[d as usize][0].as_str().unwrap().to_string())
            .collect()
    }
}

/// Every document of the tree under `prefix` (`""`, `"fr/"`), from its bundles.
fn all_docs(site: &Site, prefix: &str, meta: &Value) -> Vec<Value> {
    let bundles = meta["docs"]
        .as_u64()
        .unwrap()
        .div_ceil(meta["chunk"].as_u64().unwrap());
    (0..bundles)
        .flat_map(|n| {
            let bundle: Value =
                serde_json::from_str(&site.output(&format!("{prefix}search/docs/{n}.json.gz")))
                    .unwrap();
            bundle.as_array().unwrap().clone()
        })
        .collect()
}

#[test]
fn every_query_of_the_relevance_set_ranks_its_pages_first() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/relevance.toml");
    let set: Set = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut indexes: HashMap<(String, Option<String>), Index> = HashMap::new();
    let mut failures = Vec::new();
    for q in &set.query {
        let index = indexes
            .entry((q.site.clone(), q.language.clone()))
            .or_insert_with(|| Index::build(&q.site, q.language.as_deref()));
        let results = index.search(&q.query);
        // Without the base path, which is one folder in both sites (`/wsis/`, `/sub/`).
        let strip = |u: &String| -> String {
            let path = u.trim_start_matches('/');
            path.split_once('/')
                .map_or("", |(_, rest)| rest)
                .to_string()
        };
        let top: Vec<String> = results.iter().take(q.first.len()).map(strip).collect();
        let mut want = q.first.clone();
        let mut got = top.clone();
        want.sort();
        got.sort();
        if want != got {
            failures.push(format!(
                "{} ({}): wanted first {:?}, got {:?}",
                q.query,
                q.site,
                q.first,
                results.iter().take(5).map(strip).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_language_has_its_own_index_pointing_at_its_pages() {
    let site = Site::fixture("search_languages");
    site.edit(
        "site.toml",
        "language = \"ar\"\n",
        "language = \"ar\"\nlanguages = [\"ar\", \"fr\"]\n",
    );
    site.build_ok();
    for (prefix, lang, base) in [("", "ar", "/sub/"), ("fr/", "fr", "/sub/fr/")] {
        let meta: Value =
            serde_json::from_str(&site.output(&format!("{prefix}search/meta.json"))).unwrap();
        assert_eq!(meta["lang"], lang);
        let docs = all_docs(&site, prefix, &meta);
        let report = format!("{base}reports/zh-2024/");
        assert!(
            docs.iter().any(|d| d[0] == report.as_str()),
            "{prefix}: {report} not in {docs:?}"
        );
        let page = site.output(&format!("{prefix}search/index.html"));
        assert!(
            page.contains(&format!(r#"data-index="{base}search/""#)),
            "{prefix}search/index.html reads another tree's index"
        );
    }
    let docs = |prefix: &str| {
        let meta: Value =
            serde_json::from_str(&site.output(&format!("{prefix}search/meta.json"))).unwrap();
        Value::Array(all_docs(&site, prefix, &meta)).to_string()
    };
    assert!(docs("fr/").contains("/sub/fr/reports/"));
    assert!(!docs("").contains("/sub/fr/"));
}

#[test]
fn each_tree_carries_and_applies_the_stop_words_of_its_language() {
    let site = Site::fixture("search_stop_words");
    site.edit(
        "site.toml",
        "language = \"fr\"\n",
        "language = \"fr\"\nlanguages = [\"fr\", \"en\", \"es\"]\n",
    );
    site.build_ok();
    let stop = |prefix: &str| -> Vec<String> {
        let meta: Value =
            serde_json::from_str(&site.output(&format!("{prefix}search/meta.json"))).unwrap();
        meta["stop"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    let (fr, en, es) = (stop(""), stop("en/"), stop("es/"));
    assert!(fr.contains(&"les".to_string()) && !fr.contains(&"the".to_string()));
    assert!(en.contains(&"the".to_string()) && !en.contains(&"les".to_string()));
    assert!(es.contains(&"las".to_string()) && !es.contains(&"the".to_string()));
    // "des" is a French stop word, not an English one: the French tree does not index
    // it, the English tree (same pages) does.
    // Indexed: a term itself, or a word of the vocabulary (its stem differs).
    let indexed = |prefix: &str| {
        ["terms", "vocab"].iter().any(|kind| {
            (0..)
                .map(|n| format!("{prefix}search/{kind}/{n}.json.gz"))
                .take_while(|rel| site.has_output(rel))
                .any(|rel| site.output(&rel).contains("\"des\":"))
        })
    };
    assert!(!indexed(""), "the French tree indexes a French stop word");
    assert!(indexed("en/"), "the English tree drops a French word");
}
