//! Reading the words around a number: bounded windows of lowercase words before and
//! after a byte offset, shared by every rule so that each looks at the same words.

/// How many characters a window reads at most, so every rule is linear in the text.
const WINDOW_AFTER: usize = 120;
/// How many characters [`words_before`] reads at most.
const WINDOW_BEFORE: usize = 60;

/// The character just before byte `i` of `s`.
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|p| p.chars().next_back())
}

/// The character at byte `i` of `s`.
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|p| p.chars().next())
}

/// Up to `n` lowercase words after byte `i`, stopping at a sentence-internal break
/// (`;`, `:`, `(`, `.`...). Words keep inner hyphens. Markdown link markup is read
/// through: in "[recognised NRIs](#)" the words are those of the link text, since a
/// link around the noun does not change what the number counts.
pub(super) fn words_after(s: &str, i: usize, n: usize) -> Vec<String> {
    let mut words = Vec::new();
    let rest = s.get(i..).unwrap_or("");
    let mut cur = String::new();
    let mut chars = rest.chars().take(WINDOW_AFTER).peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '@' | '&') {
            cur.extend(c.to_lowercase());
            continue;
        }
        if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
            if words.len() >= n {
                return words;
            }
        }
        if c == ']' && chars.peek() == Some(&'(') {
            // The target of a Markdown link: skip it up to its closing bracket.
            for t in chars.by_ref() {
                if t == ')' {
                    break;
                }
            }
            continue;
        }
        if !(c.is_whitespace() || matches!(c, ',' | '*' | '"' | '“' | '”' | '[' | ']')) {
            break;
        }
    }
    if !cur.is_empty() && words.len() < n {
        words.push(cur);
    }
    words
}

/// Up to `n` lowercase words before byte `i` (read from at most 10 characters a word),
/// nearest last. Points and currency marks
/// stay in the words ("approx.", "$"); the first word of the window is dropped, as it
/// may be cut.
pub(super) fn words_before(s: &str, i: usize, n: usize) -> Vec<String> {
    let start = s.get(..i).map_or(0, |p| {
        p.char_indices()
            .rev()
            .take(WINDOW_BEFORE.max(n * 10))
            .last()
            .map_or(i, |(j, _)| j)
    });
    let window = s.get(start..i).unwrap_or("").to_lowercase();
    let mut words: Vec<String> = window
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '$' || c == '€' || c == '£'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_owned())
        .collect();
    if start > 0 && !words.is_empty() {
        words.remove(0); // possibly cut in the middle
    }
    let k = words.len().saturating_sub(n);
    words.split_off(k)
}

/// The lowercase word just before byte `i`.
pub(super) fn word_before(s: &str, i: usize) -> String {
    words_before(s, i, 1).pop().unwrap_or_default()
}

/// Whether a lowercase word is a month name or its abbreviation.
pub(super) fn is_month(w: &str) -> bool {
    crate::import::words::month_number(w).is_some()
}

/// Whether `text` contains `phrase` as whole words.
pub(super) fn contains_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, p)| {
        let before_ok = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[i + p.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_after_stop_at_a_break_and_read_through_links() {
        assert_eq!(words_after("40 NRIs; then", 2, 5), ["nris"]);
        assert_eq!(
            words_after("30 [Peering Roadshows](#) across", 2, 3),
            ["peering", "roadshows", "across"]
        );
        assert_eq!(
            words_after("172 [recognised NRIs](https://x.org/a)", 3, 3),
            ["recognised", "nris"]
        );
        assert_eq!(words_after("5 (five) things", 1, 3), Vec::<String>::new());
    }

    #[test]
    fn words_before_nearest_last() {
        let s = "we committed more than $265,000";
        assert_eq!(
            words_before(s, s.find('2').unwrap(), 3),
            ["more", "than", "$"]
        );
        assert_eq!(word_before("approx. 40", 8), "approx");
    }

    #[test]
    fn months_and_whole_words() {
        assert!(is_month("sept") && is_month("november") && !is_month("mayor"));
        assert!(contains_word("we will train", "will"));
        assert!(!contains_word("goodwill grows", "will"));
    }
}
