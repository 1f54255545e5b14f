//! What may follow a number and change its value or kind: a scale (`million`, `bn`,
//! `k`) or a per cent sign or word (`%`, `per cent`, `pct`).

use super::{is_space, word_at};

/// A suffix read after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Suffix {
    /// Byte offset just after the suffix.
    pub(super) end: usize,
    /// What the suffix does to the number.
    pub(super) effect: Effect,
}

/// What a suffix does to the number before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Effect {
    /// The number is a per cent.
    Percent,
    /// The number is multiplied by ten to this power.
    Scale {
        /// The power of ten.
        exp: i32,
        /// A one-letter abbreviation (`m` may be metres): keep the unscaled reading too.
        also_plain: bool,
    },
}

/// The suffix that starts at `end` (after at most one space), if any.
pub(super) fn after(text: &str, end: usize) -> Option<Suffix> {
    let (p, rest) = skip_space(text, end);
    if let Some(c @ ('%' | '\u{ff05}')) = rest.chars().next() {
        return Some(Suffix {
            end: p + c.len_utf8(),
            effect: Effect::Percent,
        });
    }
    let word = word_at(rest);
    let end = p + word.len();
    let lower = word.to_ascii_lowercase();
    let scale = |exp, also_plain| Effect::Scale { exp, also_plain };
    let effect = match lower.as_str() {
        "percent" | "pct" => Effect::Percent,
        // Two-word forms: the second word must follow after one space.
        "per" => return second_word(text, end, &["cent"]).map(percent),
        "percentage" => {
            return second_word(text, end, &["point", "points"]).map(percent);
        }
        "hundred" | "hundreds" => {
            // "3 hundred thousand": a larger scale word may follow.
            let (q, rest) = skip_space(text, end);
            let next = word_at(rest);
            if let Some(exp) = word_scale(&next.to_ascii_lowercase()) {
                return Some(Suffix {
                    end: q + next.len(),
                    effect: scale(exp + 2, false),
                });
            }
            scale(2, false)
        }
        "k" => scale(3, true),
        "m" => scale(6, true),
        "b" => scale(9, true),
        "mn" | "mln" | "mio" => scale(6, false),
        "bn" | "bln" => scale(9, false),
        "tn" | "trn" => scale(12, false),
        w => scale(word_scale(w)?, false),
    };
    Some(Suffix { end, effect })
}

/// A per cent suffix ending at `end`.
fn percent(end: usize) -> Suffix {
    Suffix {
        end,
        effect: Effect::Percent,
    }
}

/// The power of ten of a scale word (singular or plural), if it is one: English, and
/// the French and Spanish words reports in those languages use ("3,3 millions",
/// "2,5 millones", "1,2 milliard"). French and Spanish "billion"/"billón" are 10^12,
/// not 10^9, and are not read: the English word wins, as reports in English are the
/// most common.
fn word_scale(word: &str) -> Option<i32> {
    if let Some(exp) = match word {
        "millones" | "millón" | "millon" => Some(6),
        "mil" => Some(3),
        _ => None,
    } {
        return Some(exp);
    }
    Some(match word.strip_suffix('s').unwrap_or(word) {
        "thousand" => 3,
        "lakh" => 5,
        "million" => 6,
        "crore" => 7,
        "milliard" => 9,
        "billion" => 9,
        "trillion" => 12,
        _ => return None,
    })
}

/// `end` moved past one space character, and the text from there.
fn skip_space(text: &str, end: usize) -> (usize, &str) {
    let rest = text.get(end..).unwrap_or("");
    match rest.chars().next() {
        Some(c) if is_space(c) => (end + c.len_utf8(), &rest[c.len_utf8()..]),
        _ => (end, rest),
    }
}

/// The end of one of `words` after one space at `end`, if it is there.
fn second_word(text: &str, end: usize, words: &[&str]) -> Option<usize> {
    let (q, rest) = skip_space(text, end);
    let word = word_at(rest);
    (q > end && words.iter().any(|w| w.eq_ignore_ascii_case(word))).then_some(q + word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn effect(text: &str) -> Option<(Effect, &str)> {
        after(text, 0).map(|s| (s.effect, &text[..s.end]))
    }

    #[test]
    fn per_cent_forms() {
        for text in [
            "%",
            " %",
            "\u{a0}%",
            " per cent",
            " Percent",
            "pct.",
            " percentage points",
        ] {
            assert_eq!(
                effect(text),
                Some((Effect::Percent, text.trim_end_matches('.')))
            );
        }
        assert_eq!(effect(" per year"), None);
        assert_eq!(effect(" percentages"), None);
    }

    #[test]
    fn scales() {
        let scale = |exp, also_plain| Some(Effect::Scale { exp, also_plain });
        assert_eq!(effect(" million people").map(|e| e.0), scale(6, false));
        assert_eq!(effect(" millones de dólares").map(|e| e.0), scale(6, false));
        assert_eq!(effect(" millón").map(|e| e.0), scale(6, false));
        assert_eq!(effect(" milliards").map(|e| e.0), scale(9, false));
        assert_eq!(effect(" mil personas").map(|e| e.0), scale(3, false));
        assert_eq!(effect(" Billion").map(|e| e.0), scale(9, false));
        assert_eq!(effect("bn,").map(|e| e.0), scale(9, false));
        assert_eq!(effect("\u{202f}tn").map(|e| e.0), scale(12, false));
        assert_eq!(effect("k ").map(|e| e.0), scale(3, true));
        assert_eq!(effect(" M.").map(|e| e.0), scale(6, true));
        assert_eq!(effect(" hundred thousand").map(|e| e.0), scale(5, false));
        assert_eq!(effect(" lakh").map(|e| e.0), scale(5, false));
        // A letter run that is not a scale: "km", "MW", "members".
        assert_eq!(effect("km"), None);
        assert_eq!(effect(" members"), None);
        assert_eq!(effect("  million"), None, "one space at most");
    }
}
