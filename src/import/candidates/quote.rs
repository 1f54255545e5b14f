//! A candidate's quote: its sentence, or, for a sentence too long to be a quote (a
//! page without full stops, a table read as one run of text), the words around the
//! number. A quote is written into the report's front matter, which the loader holds
//! to a megabyte: a ten-megabyte "sentence" copied into it for each of its numbers
//! would make a draft that no longer loads.

/// The most bytes a quote takes from either side of its number; a sentence within
/// twice this around the number is quoted whole.
const REACH: usize = 300;

/// The quote for the number at `start..end` of the sentence `s`: `s` itself when it
/// is short, else the whole words within [`REACH`] bytes before and after the number.
/// The result is a slice of `s`, so it stands verbatim in the text.
pub(super) fn quote(s: &str, start: usize, end: usize) -> &str {
    if s.len() <= 2 * REACH + (end - start) {
        return s;
    }
    let from = cut_before(s, start.saturating_sub(REACH), start);
    let to = cut_after(s, (end + REACH).min(s.len()), end);
    s[from..to].trim()
}

/// The start of the first whole word at or after `at` (a char boundary at most
/// `limit`): after the first whitespace, or `at` itself when it opens the sentence or
/// follows whitespace. Without whitespace before `limit`, `limit`.
fn cut_before(s: &str, at: usize, limit: usize) -> usize {
    let at = floor_boundary(s, at);
    if at == 0 || s[..at].ends_with(char::is_whitespace) {
        return at;
    }
    s[at..limit]
        .find(char::is_whitespace)
        .map_or(limit, |i| at + i)
}

/// The end of the last whole word at or before `at` (at least `limit`).
fn cut_after(s: &str, at: usize, limit: usize) -> usize {
    let at = floor_boundary(s, at);
    if at == s.len() || s[at..].starts_with(char::is_whitespace) {
        return at;
    }
    s[limit..at]
        .rfind(char::is_whitespace)
        .map_or(limit, |i| limit + i)
}

/// The char boundary at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_of_normal_length_is_quoted_whole() {
        let s = "In 2024 we trained more than 3,300 people.";
        assert_eq!(quote(s, 29, 34), s);
    }

    #[test]
    fn a_huge_sentence_is_cut_to_whole_words_around_the_number() {
        let before = "word ".repeat(10_000);
        let after = " école".repeat(10_000);
        let s = format!("{before}we trained 3,300 people{after}.");
        let start = s.find("3,300").unwrap();
        let q = quote(&s, start, start + 5);
        assert!(q.len() <= 2 * REACH + 5, "{}", q.len());
        assert!(q.contains("we trained 3,300 people école"), "{q}");
        assert!(s.contains(q));
        assert!(q.starts_with("word ") && q.ends_with("école"), "{q}");
    }

    #[test]
    fn a_run_without_spaces_is_cut_at_the_number() {
        let s = format!("{}3300{}", "x".repeat(5000), "é".repeat(5000));
        let q = quote(&s, 5000, 5004);
        assert!(s.contains(q));
        assert!(
            q.contains("3300") && q.len() <= 2 * REACH + 4,
            "{}",
            q.len()
        );
    }
}
