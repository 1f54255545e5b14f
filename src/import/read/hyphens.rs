//! Joining a paragraph's lines: a single space between them, except where a line ends
//! with a hyphen. A hyphen at a line end is undone only where it surely is
//! hyphenation, judged from the document's own words: "connec-" + "tivity" becomes
//! "connectivity", "long-" + "term" stays "long-term" when the document writes
//! "long-term" (or "long" and "term") elsewhere, "Asia-" + "Pacific" and "COVID-" +
//! "19" keep their hyphen. One rule for every reader that re-joins lines (text, PDF).

use std::collections::HashSet;

/// The words a document uses, for telling hyphenation from compounds.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// Whole words (lowercase), hyphenated compounds included as written.
    words: HashSet<String>,
}

/// Letters (and apostrophes, hyphens) of `w` with surrounding punctuation removed.
fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

impl Vocabulary {
    /// Collects the words of `lines`, leaving out the pieces a line-end hyphen may have
    /// cut (the last word of a line ending in "-" and the first word of the next).
    pub(crate) fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words = HashSet::new();
        let mut after_hyphen = false;
        for line in lines {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let ends_cut = line.ends_with('-');
            for (i, t) in tokens.iter().enumerate() {
                if (i == 0 && after_hyphen) || (i + 1 == tokens.len() && ends_cut) {
                    continue;
                }
                let w = bare(t);
                if !w.is_empty() {
                    words.insert(w);
                }
            }
            after_hyphen = ends_cut;
        }
        Vocabulary { words }
    }

    fn has(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// Appends `next` (a following line) to `text` (the paragraph so far).
pub(crate) fn join(text: &mut String, next: &str, vocab: &Vocabulary) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    // A soft hyphen at a line end is a hyphenation by definition.
    if text.ends_with('\u{ad}') {
        text.pop();
        text.push_str(next);
        return;
    }
    let Some(stem) = text.strip_suffix('-') else {
        text.push(' ');
        text.push_str(next);
        return;
    };
    let before = stem.chars().next_back();
    let after = next.chars().next();
    let letter_before = before.is_some_and(char::is_alphabetic);
    if !letter_before {
        // "word -" is a dash, "2020-" a range: keep as written.
        if before.is_some_and(char::is_whitespace) {
            text.push(' ');
        }
        text.push_str(next);
        return;
    }
    let head = bare(stem.rsplit(char::is_whitespace).next().unwrap_or(""));
    let tail = bare(next.split_whitespace().next().unwrap_or(""));
    let hyphenation = after.is_some_and(char::is_lowercase)
        && before.is_some_and(char::is_lowercase)
        && !head.is_empty()
        && (vocab.has(&format!("{head}{tail}"))
            || !(vocab.has(&format!("{head}-{tail}")) || (vocab.has(&head) && vocab.has(&tail))));
    if hyphenation {
        text.pop();
    }
    text.push_str(next);
}

/// Joins the lines of one paragraph with [`join`].
pub(crate) struct Joiner<'v> {
    text: String,
    vocabulary: &'v Vocabulary,
}

impl<'v> Joiner<'v> {
    /// An empty paragraph of a document whose words are `vocabulary`.
    pub(crate) fn new(vocabulary: &'v Vocabulary) -> Self {
        Joiner {
            text: String::new(),
            vocabulary,
        }
    }

    /// The document's words this joiner checks against.
    pub(crate) fn vocabulary(&self) -> &'v Vocabulary {
        self.vocabulary
    }

    /// Appends the next line.
    pub(crate) fn push(&mut self, line: &str) {
        join(&mut self.text, line, self.vocabulary);
    }

    /// The paragraph's text.
    pub(crate) fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(lines: &[&str], all: &[&str]) -> String {
        let vocab = Vocabulary::new(all.iter().copied());
        let mut text = String::new();
        for l in lines {
            join(&mut text, l, &vocab);
        }
        text
    }

    #[test]
    fn hyphenation_undone_where_the_pieces_are_no_words() {
        let lines = ["the connec-", "tivity of schools"];
        assert_eq!(joined(&lines, &lines), "the connectivity of schools");
    }

    #[test]
    fn compounds_the_document_writes_keep_their_hyphen() {
        let lines = ["a long-", "term plan"];
        let all = ["a long-term view", "a long-", "term plan"];
        assert_eq!(joined(&lines, &all), "a long-term plan");
        let all = ["the long road", "in the short term", "a long-", "term plan"];
        assert_eq!(joined(&lines, &all), "a long-term plan");
    }

    #[test]
    fn the_joined_word_elsewhere_wins() {
        let lines = ["co-", "operation matters"];
        let all = ["cooperation", "co-", "operation matters", "operation"];
        assert_eq!(joined(&lines, &all), "cooperation matters");
    }

    #[test]
    fn numbers_capitals_and_dashes_keep_the_hyphen() {
        let lines = ["since COVID-", "19 began"];
        assert_eq!(joined(&lines, &lines), "since COVID-19 began");
        let lines = ["in 2020-", "2024 the"];
        assert_eq!(joined(&lines, &lines), "in 2020-2024 the");
        let lines = ["it grew -", "fast"];
        assert_eq!(joined(&lines, &lines), "it grew - fast");
        let lines = ["ends here.", "Next one"];
        assert_eq!(joined(&lines, &lines), "ends here. Next one");
    }

    fn joiner(doc: &[&str], lines: &[&str]) -> String {
        let words = Vocabulary::new(doc.iter().chain(lines).copied());
        let mut j = Joiner::new(&words);
        lines.iter().for_each(|l| j.push(l));
        j.finish()
    }

    #[test]
    fn the_joiner_undoes_hyphenation_only_when_sure() {
        assert_eq!(
            joiner(&[], &["the inter-", "national community"]),
            "the international community"
        );
        // The document writes the hyphenated form elsewhere: the hyphen is the word's.
        assert_eq!(
            joiner(
                &["a multi-stakeholder forum"],
                &["the multi-", "stakeholder process"]
            ),
            "the multi-stakeholder process"
        );
        // A capital after the break: a compound such as a name.
        assert_eq!(
            joiner(&[], &["the Asia-", "Pacific region"]),
            "the Asia-Pacific region"
        );
        assert_eq!(joiner(&[], &["in 2019-", "2020 we"]), "in 2019-2020 we");
        assert_eq!(
            joiner(&[], &["results -", "as planned"]),
            "results - as planned"
        );
        assert_eq!(joiner(&[], &["plain", "  words  "]), "plain words");
    }
}
