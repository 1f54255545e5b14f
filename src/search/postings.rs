//! One document's terms: each stem with the section to land on and its weight, and
//! the words of the document whose stem differs from them, for the vocabulary.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::documents::Doc;
use super::stem::Stems;
use super::stop::StopWords;
use super::tokenize::tokens;

/// Weights: a word in a title counts more than one in a heading, and that more than
/// one in the text.
pub(crate) const TITLE: u32 = 20;
pub(crate) const HEADING: u32 = 5;
const TEXT: u32 = 1;

/// What `count` occurrences in the text add to a term's weight: more for more, but
/// never as much as the title, so that a long report that mentions a word fifty times
/// does not bury the page named by it.
fn saturated(count: u32) -> u32 {
    TITLE * count / (count + 4)
}

/// What one document adds to the index.
pub(crate) struct DocTerms<'a> {
    /// Each stem with the section to land on and its total weight.
    pub(crate) postings: Vec<(Cow<'a, str>, u32, u32)>,
    /// Each word of the document whose stem is not the word itself, with its stem.
    pub(crate) vocabulary: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

/// The terms of `doc`, without the words of `stop` (the tree's language's, which the
/// search page drops from a query too), stemmed by `stems` (the document's language's).
pub(crate) fn postings<'a>(doc: &'a Doc<'a>, stems: &Stems, stop: StopWords) -> DocTerms<'a> {
    // Word -> its row in `weights`, which holds one weight per section per word, then
    // how many times the text has the word.
    let sections = doc.text.len().max(1);
    let width = sections + 1;
    let mut rows: HashMap<Cow<'a, str>, usize> = HashMap::default();
    let mut weights: Vec<u32> = Vec::new();
    let mut add = |term: Cow<'a, str>, section: usize, w: u32| {
        let next = rows.len();
        let row = *rows.entry(term).or_insert_with(|| {
            weights.resize(weights.len() + width, 0);
            next
        });
        if section < sections {
            weights[row * width + section] += w;
            if w == TEXT {
                weights[row * width + sections] += 1;
            }
        }
    };
    // A title counts each of its words once, and a short title more: "Internet
    // Society" is about the Internet Society more than a longer title naming it is.
    let mut title: Vec<Cow<'a, str>> = tokens(&doc.title, stop).collect();
    title.sort_unstable();
    title.dedup();
    let title_weight = TITLE + 2 * TITLE / title.len().max(1) as u32;
    for t in title {
        add(t, 0, title_weight);
    }
    for (i, (_, heading)) in doc.sections.iter().enumerate() {
        for t in tokens(heading, stop) {
            add(t, i + 1, HEADING);
        }
    }
    for (i, text) in doc.text.iter().enumerate() {
        for t in tokens(text, stop) {
            add(t, i, TEXT);
        }
    }
    // Words with the same stem pool their weights, section by section, before the
    // section to land on is chosen.
    let mut stem_rows: HashMap<Cow<'a, str>, Vec<u32>> = HashMap::default();
    let mut vocabulary = Vec::new();
    for (word, row) in rows {
        let stemmed = match stems.stem(&word) {
            s if s == word => None,
            s => Some(s.into_owned()),
        };
        let stem: Cow<'a, str> = match stemmed {
            None => word,
            Some(s) => {
                let s = Cow::Owned(s);
                vocabulary.push((word, Cow::clone(&s)));
                s
            }
        };
        let pooled = stem_rows.entry(stem).or_insert_with(|| vec![0; width]);
        for (p, w) in pooled
            .iter_mut()
            .zip(&weights[row * width..(row + 1) * width])
        {
            *p += w;
        }
    }
    let postings = stem_rows
        .into_iter()
        .map(|(stem, w)| {
            let (by_section, count) = (&w[..sections], w[sections]);
            let total = by_section.iter().sum::<u32>() - count + saturated(count);
            (stem, best_section(by_section), total)
        })
        .collect();
    DocTerms {
        postings,
        vocabulary,
    }
}

/// The section with the most of a term, given its weight in each; the document
/// itself when the title has it.
fn best_section(w: &[u32]) -> u32 {
    let best = if w[0] >= TITLE {
        0
    } else {
        w.iter()
            .enumerate()
            .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
            .map_or(0, |(i, _)| i)
    };
    best as u32
}

#[cfg(test)]
mod tests {
    use super::super::documents::DocKind;
    use super::*;

    fn doc(text: Vec<Cow<'static, str>>) -> Doc<'static> {
        Doc {
            url: "/r/".into(),
            title: "Report".into(),
            kind: DocKind::Report,
            detail: "".into(),
            year: None,
            lang: "en",
            sections: vec![
                ("a".into(), "Intro".into()),
                ("b".into(), "Security".into()),
            ],
            text,
            summary: None,
        }
    }

    fn by_term(t: &DocTerms<'_>) -> std::collections::HashMap<String, (u32, u32)> {
        t.postings
            .iter()
            .map(|(t, s, w)| (t.to_string(), (*s, *w)))
            .collect()
    }

    #[test]
    fn postings_land_on_the_best_section() {
        let d = doc(vec![
            "".into(),
            "encryption once".into(),
            "encryption encryption".into(),
        ]);
        let p = by_term(&postings(&d, &Stems::new("zz"), StopWords::new("zz")));
        assert_eq!(p["encryption"], (2, saturated(3)));
        assert_eq!(p["security"], (2, HEADING));
        assert_eq!(
            p["report"],
            (0, 3 * TITLE),
            "a one-word title counts thrice"
        );
        // Many mentions in the text weigh less than one in the title.
        assert!(saturated(1) < saturated(2) && saturated(1000) < TITLE);
    }

    #[test]
    fn inflected_words_pool_under_their_stem_and_enter_the_vocabulary() {
        let d = doc(vec![
            "".into(),
            "community networks".into(),
            "a network, networking, communities".into(),
        ]);
        let t = postings(&d, &Stems::new("en"), StopWords::new("en"));
        let p = by_term(&t);
        assert_eq!(p["network"], (2, saturated(3)));
        assert_eq!(p["communiti"], (1, saturated(2)));
        assert!(!p.contains_key("networks"));
        let mut v: Vec<(String, String)> = t
            .vocabulary
            .iter()
            .map(|(w, s)| (w.to_string(), s.to_string()))
            .collect();
        v.sort();
        assert!(v.contains(&("networks".into(), "network".into())));
        assert!(v.contains(&("community".into(), "communiti".into())));
        // A word that is its own stem needs no entry.
        assert!(!v.iter().any(|(w, _)| w == "network"));
    }
}
