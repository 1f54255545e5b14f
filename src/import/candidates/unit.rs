//! What a number counts, or `None` when nothing says it counts anything:
//! - a percentage ("43%", "43 per cent") or a fraction ("a third", "two-thirds"),
//!   given as a percentage;
//! - money: a currency mark before it ("$", "USD", "€") or a currency word after it
//!   ("dollars", "CHF");
//! - people: a person word in the noun phrase after it ("40 fellows", "3,300 young
//!   people"), or a size adjective "N-member" / "N-strong" ("a fifteen-member panel");
//! - a count: a plural noun in the noun phrase after it ("38 countries", "40 NRIs"),
//!   also through a partitive "of whom" / "of which" ("thirty of whom were speakers");
//! - an elliptical count: a number that ends its clause, with only a time after it
//!   ("with 31 in 2024", "to be up to 40."), counts the nearest plural noun before it
//!   in its sentence ("Coalitions are growing, with 31 in 2024"); such a reading is
//!   weaker and gets a lower confidence.

use super::CandidateUnit;
use super::bound::MONEY_BEFORE;
use super::text::{is_month, words_after, words_before};
use crate::numerals::{Found, FoundKind};

/// Words naming people after a number.
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "participants",
    "participant",
    "fellows",
    "students",
    "women",
    "girls",
    "men",
    "boys",
    "youth",
    "youths",
    "experts",
    "stakeholders",
    "trainees",
    "learners",
    "members",
    "individuals",
    "attendees",
    "delegates",
    "speakers",
    "champions",
    "alumni",
    "users",
    "teachers",
    "children",
    "volunteers",
    "professionals",
    "officials",
    "journalists",
    "researchers",
    "entrepreneurs",
    "beneficiaries",
    "leaders",
    "ambassadors",
    "mentors",
    "graduates",
    "citizens",
    "panelists",
    "panellists",
    "policymakers",
    "parliamentarians",
    "legislators",
    "staff",
    "workers",
    "engineers",
    "developers",
    "farmers",
    "residents",
    "respondents",
    "subscribers",
];

/// Words ending in "s" that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "is",
    "was",
    "has",
    "this",
    "its",
    "us",
    "as",
    "thus",
    "across",
    "plus",
    "always",
    "perhaps",
    "various",
    "numerous",
    "previous",
    "whereas",
    "less",
    "unless",
    "besides",
    "towards",
    "does",
    "his",
    "hers",
    "ours",
    "yes",
    "bis",
    "status",
    "sometimes",
    "afterwards",
];

/// Currency words after the number.
const MONEY_AFTER: &[&str] = &[
    "usd", "dollars", "dollar", "eur", "euros", "euro", "chf", "francs", "gbp", "pounds",
];

/// Words that end the noun phrase after a number (a verb or a preposition).
const PHRASE_END: &[&str] = &[
    "of", "to", "in", "on", "at", "the", "is", "was", "were", "are", "have", "has", "had",
];

/// Verbs between a partitive "of whom" and its noun: "thirty of whom were speakers".
const LINKING_VERBS: &[&str] = &["were", "are", "was", "is", "became", "become", "served"];

/// Size adjectives glued to a number by a hyphen: "a fifteen-member panel".
const SIZE_WORDS: &[&str] = &["member", "strong", "person", "people"];

/// Words a clause may end with after an elliptical number: the time it describes.
const TIME_WORDS: &[&str] = &[
    "in",
    "by",
    "during",
    "at",
    "the",
    "end",
    "of",
    "this",
    "last",
    "year",
    "as",
    "so",
    "far",
    "now",
    "today",
    "currently",
    "alone",
];

/// Words before an elliptical number that take a quantity.
const TAKES_QUANTITY: &[&str] = &[
    "with",
    "and",
    "to",
    "of",
    "at",
    "reached",
    "reaching",
    "totalled",
    "totaled",
    "totalling",
    "totaling",
    "numbered",
    "numbering",
    "was",
    "were",
    "is",
    "are",
    "be",
    "now",
];

/// How many words before an elliptical number may hold its noun.
const ELLIPSIS_REACH: usize = 12;

/// How a number was found to count something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Evidence {
    /// The words right after it, a currency or a per cent sign say it.
    Direct,
    /// Only a plural noun earlier in the sentence says it.
    Elliptical,
}

/// The unit of `f` in sentence `s`, why, and how strongly; `None` when it counts nothing.
pub(super) fn unit(s: &str, f: &Found) -> Option<(CandidateUnit, String, Evidence)> {
    let direct = |u, r: String| Some((u, r, Evidence::Direct));
    if f.kind == FoundKind::Percent {
        return direct(CandidateUnit::Percent, "a percentage".into());
    }
    if f.kind == FoundKind::Fraction {
        return direct(CandidateUnit::Percent, "a fraction, as a percentage".into());
    }
    let next = words_after(s, f.end, 8);
    let first = next.first().map(String::as_str).unwrap_or("");
    // The few characters before it: enough for the longest mark ("us$"), and bounded.
    let prefix = s.get(..f.start).unwrap_or("").trim_end();
    let from = prefix.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    let text_before = prefix[from..].to_lowercase();
    if MONEY_BEFORE.iter().any(|m| text_before.ends_with(m)) || MONEY_AFTER.contains(&first) {
        return direct(CandidateUnit::Usd, "money: a currency mark".into());
    }
    if let Some(size) = first.strip_prefix('-').filter(|w| SIZE_WORDS.contains(w)) {
        return direct(
            CandidateUnit::People,
            format!("people: \"-{size}\" after it"),
        );
    }
    if let Some((u, r)) = noun_after(&next) {
        return direct(u, r);
    }
    elliptical(s, f, &next).map(|(u, r)| (u, r, Evidence::Elliptical))
}

/// The unit a person word or a plural noun in the noun phrase `next` gives.
fn noun_after(next: &[String]) -> Option<(CandidateUnit, String)> {
    let mut k = 0;
    while k < next.len() && k <= 6 {
        let w = next[k].as_str();
        if w == "of" && next.get(k + 1).is_some_and(|n| n == "whom" || n == "which") {
            // A partitive: the noun comes after the verb ("of whom were speakers").
            k += 2;
            if next
                .get(k)
                .is_some_and(|v| LINKING_VERBS.contains(&v.as_str()))
            {
                k += 1;
            }
            continue;
        }
        if k > 0 && PHRASE_END.contains(&w) {
            break;
        }
        // A person word used as an adjective ("youth IGF initiatives") yields to a
        // plural noun right after it.
        let noun_follows = next
            .iter()
            .skip(k + 1)
            .take(2)
            .any(|n| is_plural(n) && !PEOPLE.contains(&n.as_str()));
        if PEOPLE.contains(&w) && !noun_follows {
            return Some((CandidateUnit::People, format!("people: \"{w}\" after it")));
        }
        if is_plural(w) && !PEOPLE.contains(&w) {
            return Some((CandidateUnit::Count, format!("a count: \"{w}\" after it")));
        }
        k += 1;
    }
    None
}

/// The unit of a number that ends its clause, from the nearest plural noun before it.
fn elliptical(s: &str, f: &Found, next: &[String]) -> Option<(CandidateUnit, String)> {
    // After it: nothing, or only a time ("in 2024", "by November 2024", "this year"),
    // up to the next number ("31 in 2024 and 36 in 2025").
    let ends_clause = next
        .iter()
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()) || is_year_word(w))
        .all(|w| TIME_WORDS.contains(&w.as_str()) || is_month(w) || is_year_word(w) || w == "and");
    if !ends_clause || next.first().is_some_and(|w| w == "and" || w == "the") {
        return None;
    }
    // Before it: a verb or preposition that takes a quantity ("with 31", "to 40",
    // "reached 3,300"), so that a stray number ("beyond 20257?") is not read as one.
    let near = words_before(s, f.start, 3);
    if !near.iter().any(|w| TAKES_QUANTITY.contains(&w.as_str())) {
        return None;
    }
    let before = words_before(s, f.start, ELLIPSIS_REACH);
    let noun = before.iter().rev().find(|w| is_plural(w))?;
    let unit = if PEOPLE.contains(&noun.as_str()) {
        CandidateUnit::People
    } else {
        CandidateUnit::Count
    };
    Some((
        unit,
        format!("ends its clause; counts \"{noun}\" before it"),
    ))
}

/// Whether a word is a four-digit year.
fn is_year_word(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// Whether `w` looks like a plural noun: ends in "s" (not "ss"), and is not a known
/// non-noun; acronyms in plural ("NRIs") count, and so do the person words.
fn is_plural(w: &str) -> bool {
    let s_plural = w.chars().count() >= 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !w.chars().any(|c| c.is_ascii_digit())
        && !NOT_PLURAL.contains(&w);
    // "people", "staff", "alumni": plural without an "s".
    s_plural || PEOPLE.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::super::candidates;
    use super::*;

    fn units(text: &str) -> Vec<(f64, CandidateUnit)> {
        candidates(text, 2024)
            .into_iter()
            .map(|c| (c.value, c.unit))
            .collect()
    }

    #[test]
    fn people() {
        for (t, v) in [
            ("We trained 40 people.", 40.0),
            ("It had 6,279 participants.", 6279.0),
            ("It had 3’300 participants.", 3300.0),
            ("There are 355 Internet champions.", 355.0),
            ("It supported twenty women.", 20.0),
            ("It reached 3.3 million young people.", 3.3e6),
            ("A fifteen-member panel leads it.", 15.0),
            ("A 12-strong team ran it.", 12.0),
            (
                "It hosted 87 experts, more than thirty of whom were speakers.",
                87.0,
            ),
        ] {
            assert_eq!(units(t)[0], (v, CandidateUnit::People), "{t}");
        }
        assert_eq!(
            units("It hosted 87 experts, twelve of whom were speakers.")[1],
            (12.0, CandidateUnit::People)
        );
    }

    #[test]
    fn money_percent_and_counts() {
        for (t, u) in [
            ("We committed $265,000 to them.", CandidateUnit::Usd),
            ("A fund of USD 2.5 billion.", CandidateUnit::Usd),
            ("We gave US$ 5 million.", CandidateUnit::Usd),
            ("It cost 300 dollars.", CandidateUnit::Usd),
            ("Grants of €40,000 went out.", CandidateUnit::Usd),
            ("Use grew by 43%.", CandidateUnit::Percent),
            ("Use grew by 43 per cent.", CandidateUnit::Percent),
            ("A third of schools are online.", CandidateUnit::Percent),
            ("We reached 38 countries.", CandidateUnit::Count),
            ("Some 40 NRIs met.", CandidateUnit::Count),
            (
                "It funded 11 projects, 4 of which are hubs.",
                CandidateUnit::Count,
            ),
            (
                "The network has 174 national, regional and youth IGF initiatives.",
                CandidateUnit::Count,
            ),
        ] {
            assert_eq!(units(t)[0].1, u, "{t}");
        }
    }

    #[test]
    fn elliptical_counts() {
        assert_eq!(
            units("Chapters keep growing, with 31 in 2024."),
            [(31.0, CandidateUnit::Count)]
        );
        assert_eq!(
            units("We expect the number of trainees next spring to be up to 40."),
            [(40.0, CandidateUnit::People)]
        );
        assert_eq!(
            units("Membership of partner universities rose to 3,300 by March 2024."),
            [(3300.0, CandidateUnit::Count)]
        );
        // A number followed by other words is not elliptical.
        assert!(units("Hubs opened and 31 closed quickly.").is_empty());
        // Nothing before it takes a quantity: a stray number.
        assert!(units("What trends matter for schools beyond 20257?").is_empty());
        // No plural noun before: nothing says what it counts.
        assert!(units("The total came to 31.").is_empty());
    }
}
