//! Chinese has no spaces between words and no stemmer: a run of Han characters is
//! indexed as its overlapping pairs of characters (`社区网络` gives `社区 区网 网络`),
//! and a query is cut the same way, so a two-character word or any longer phrase is
//! found without a dictionary. Most Chinese words are two characters long; a pair that
//! straddles two words costs a few postings and never hides a match: the client drops
//! a query pair that the index does not have (`网络接入` asks for `络接`, which a text
//! saying `网络` here and `接入` there lacks) instead of letting it veto the others.
//!
//! The Han ranges here are the ones `search.js` writes in its `HAN` pattern.

/// Whether `c` is a Han (CJK ideograph) character.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// `word` cut into its Han and non-Han runs, each with whether it is Han.
pub(crate) fn split(word: &str) -> impl Iterator<Item = (&str, bool)> + '_ {
    let mut rest = word;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let han = is_han(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_han(c) != han)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some((run, han))
    })
}

/// The terms of a Han run: its overlapping pairs, or the run itself when it is one
/// character.
pub(crate) fn grams(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() < 2 {
        return vec![run.to_string()];
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_where_the_script_changes() {
        let runs: Vec<_> = split("ab中文cd").collect();
        assert_eq!(runs, [("ab", false), ("中文", true), ("cd", false)]);
        assert_eq!(grams("信息社会"), ["信息", "息社", "社会"]);
        assert_eq!(grams("网"), ["网"]);
        assert!(is_han('𠀀') && !is_han('あ') && !is_han('a'));
    }
}
