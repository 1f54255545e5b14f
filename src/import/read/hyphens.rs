//! Re-joining the lines of a paragraph, undoing a hyphen at a line end only where the
//! break is surely a hyphenation: a letter, a hyphen, the next line starting with a
//! lower-case letter, and the hyphenated form not used anywhere else in the document
//! ("multi-" + "stakeholder" stays "multi-stakeholder" when the text writes that).

use std::collections::HashSet;

/// The hyphenated words of a document, lower-cased, their edge punctuation trimmed
/// ("well-known," gives "well-known"): a line-end hyphen that makes one of them is
/// part of the word, not a hyphenation.
pub(crate) fn hyphenated_words<'a>(lines: impl Iterator<Item = &'a str>) -> HashSet<String> {
    lines
        .flat_map(str::split_whitespace)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.contains('-'))
        .map(str::to_lowercase)
        .collect()
}

/// Joins the lines of one paragraph with single spaces, hyphenation undone.
pub(crate) struct Joiner<'h> {
    text: String,
    hyphenated: &'h HashSet<String>,
}

impl<'h> Joiner<'h> {
    /// An empty paragraph of a document whose hyphenated words are `hyphenated`.
    pub(crate) fn new(hyphenated: &'h HashSet<String>) -> Self {
        Joiner {
            text: String::new(),
            hyphenated,
        }
    }

    /// The document's hyphenated words this joiner checks against.
    pub(crate) fn hyphenated(&self) -> &'h HashSet<String> {
        self.hyphenated
    }

    /// Appends the next line.
    pub(crate) fn push(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        if self.text.is_empty() {
            self.text.push_str(line);
            return;
        }
        // A soft hyphen at a line end is a hyphenation by definition.
        if self.text.ends_with('\u{ad}') {
            self.text.pop();
            self.text.push_str(line);
            return;
        }
        let before_hyphen = self
            .text
            .strip_suffix('-')
            .and_then(|t| t.chars().next_back());
        match before_hyphen {
            Some(c) if c.is_alphabetic() && self.is_hyphenation(line) => {
                self.text.pop();
            }
            // A word broken at its own hyphen ("multi-" / "stakeholder", "2019-" /
            // "2020") keeps the hyphen and no space.
            Some(c) if c.is_alphanumeric() => {}
            _ => self.text.push(' '),
        }
        self.text.push_str(line);
    }

    /// Whether the hyphen ending the text so far, before `next`, is a hyphenation.
    fn is_hyphenation(&self, next: &str) -> bool {
        if !next.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let head = self
            .text
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let tail = next
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let word = format!("{head}{tail}").to_lowercase();
        !self.hyphenated.contains(&word)
    }

    /// The paragraph's text.
    pub(crate) fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(doc: &[&str], lines: &[&str]) -> String {
        let words = hyphenated_words(doc.iter().chain(lines).copied());
        let mut j = Joiner::new(&words);
        lines.iter().for_each(|l| j.push(l));
        j.finish()
    }

    #[test]
    fn hyphenation_undone_only_when_sure() {
        assert_eq!(
            join(&[], &["the inter-", "national community"]),
            "the international community"
        );
        // The document writes the hyphenated form elsewhere: the hyphen is the word's.
        assert_eq!(
            join(
                &["a multi-stakeholder forum"],
                &["the multi-", "stakeholder process"]
            ),
            "the multi-stakeholder process"
        );
        // A capital after the break: a compound such as a name.
        assert_eq!(
            join(&[], &["the Asia-", "Pacific region"]),
            "the Asia-Pacific region"
        );
        assert_eq!(join(&[], &["in 2019-", "2020 we"]), "in 2019-2020 we");
        assert_eq!(
            join(&[], &["results -", "as planned"]),
            "results - as planned"
        );
        assert_eq!(join(&[], &["plain", "  words  "]), "plain words");
    }
}
