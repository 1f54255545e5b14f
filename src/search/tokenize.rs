//! Text to index terms, before stemming: lower case, split on anything that is not a
//! letter or digit (Unicode `Alphabetic` or `Numeric`, which is what `search.js`'s
//! `[\p{Alphabetic}\p{N}]` matches), words of two characters or more, the stop words
//! of the page language out ([`super::stop`]), and runs of Han characters cut into
//! overlapping pairs ([`super::ngram`]).
//!
//! `search.js` splits a query with the same rules; the stop words reach it through
//! `meta.json`, so each list is written once, in `stop`.

use std::borrow::Cow;

use super::ngram;
use super::stop::StopWords;

/// The index terms of `text` before stemming, in order: lower-case words that are not
/// in `stop`, and the character pairs of Han runs. A word already in lower case is
/// borrowed, not copied: most are, and a report has thousands of words.
pub(crate) fn tokens(text: &str, stop: StopWords) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    let mut out = Vec::new();
    each_token(text, stop, |t| out.push(t));
    out.into_iter()
}

/// Hands each term of `text` (as [`tokens`] lists them) to `f`: a plain loop rather
/// than nested iterators, which cost the index more than stemming did. A word without
/// Han characters, nearly every word, is a term or not at once.
pub(crate) fn each_token<'t>(text: &'t str, stop: StopWords, mut f: impl FnMut(Cow<'t, str>)) {
    for w in words(text) {
        if w.is_ascii() {
            if let Some(t) = word_term(w, stop) {
                f(t);
            }
            continue;
        }
        for (run, han) in ngram::split(w) {
            if han {
                ngram::grams(run).into_iter().for_each(|g| f(Cow::Owned(g)));
            } else if let Some(t) = word_term(run, stop) {
                f(t);
            }
        }
    }
}

/// A run of letters and digits without Han characters as a term, if it is one.
fn word_term(w: &str, stop: StopWords) -> Option<Cow<'_, str>> {
    w.chars().nth(1)?;
    let term = if w
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    };
    (!stop.contains(&term)).then_some(term)
}

/// The runs of letters and digits of `text`. ASCII, nearly all of it, is told apart
/// byte by byte; other characters by their Unicode class.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    // The length of the character at `i` when it is a letter or digit.
    let word_char = move |i: usize| -> Option<usize> {
        let b = bytes[i];
        if b.is_ascii() {
            b.is_ascii_alphanumeric().then_some(1)
        } else {
            let c = text[i..].chars().next()?;
            c.is_alphanumeric().then(|| c.len_utf8())
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            match word_char(i) {
                Some(_) => break,
                // Skip a separator: one byte, or a whole non-ASCII character.
                None => i += text[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            match word_char(i) {
                Some(len) => i += len,
                None => break,
            }
        }
        Some(&text[start..i])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        in_language(text, "en")
    }

    fn in_language(text: &str, lang: &str) -> Vec<String> {
        tokens(text, StopWords::new(lang))
            .map(Cow::into_owned)
            .collect()
    }

    #[test]
    fn tokens_are_lower_case_words_without_stop_words() {
        assert_eq!(
            all("The Global Encryption Coalition, over 430 members in 2024; a IXP"),
            [
                "global",
                "encryption",
                "coalition",
                "over",
                "430",
                "members",
                "2024",
                "ixp"
            ]
        );
        let w: Vec<&str> = words("São Paulo—2024: e-mail, x; «ü»").collect();
        assert_eq!(w, ["São", "Paulo", "2024", "e", "mail", "x", "ü"]);
        // One letter is not a term, however many bytes it takes.
        assert_eq!(all("é x Ж"), Vec::<String>::new());
    }

    #[test]
    fn each_language_drops_its_own_stop_words() {
        assert_eq!(
            in_language("Les réseaux de la communauté", "fr"),
            ["réseaux", "communauté"]
        );
        // Not a French word to drop: an English title in a French tree keeps it.
        assert_eq!(in_language("The Network", "fr"), ["the", "network"]);
        assert_eq!(
            in_language("Las redes del pueblo", "es"),
            ["redes", "pueblo"]
        );
        assert_eq!(in_language("Сети для сёл", "ru"), ["сети", "сёл"]);
        assert_eq!(in_language("الشبكات في القرى", "ar"), ["الشبكات", "القرى"]);
        assert_eq!(in_language("the 社区", "zh"), ["the", "社区"]);
    }

    #[test]
    fn arabic_vowel_marks_stay_inside_their_word() {
        // Fatha and shadda are marks, not letters, but Alphabetic: one word.
        assert_eq!(all("الشَّبكة"), ["الشَّبكة"]);
    }

    #[test]
    fn han_runs_become_pairs_and_other_scripts_in_the_run_stay_words() {
        assert_eq!(all("社区网络"), ["社区", "区网", "网络"]);
        assert_eq!(all("2024年社区"), ["2024", "年社", "社区"]);
        // A lone Han character is a term: it may be a whole word.
        assert_eq!(all("中 AI"), ["中", "ai"]);
    }
}
