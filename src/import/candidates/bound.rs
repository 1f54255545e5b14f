//! The bound of a number: a qualifier before it ("more than", "up to", "about"), a
//! qualifier after it ("or more", "or fewer", "+"), or a range ("between 30 and 40",
//! "30-40", "30 to 40").

use super::text::{char_at, word_before, words_after};
use super::year::is_year_form;
use crate::model::Bound;
use crate::numerals::Found;

/// Currency marks written before a number; a qualifier before the mark still applies.
pub(super) const MONEY_BEFORE: &[&str] = &["usd", "us$", "$", "eur", "€", "chf", "£", "gbp"];

/// Phrases before a number and the bound each gives (longest first where one ends another).
const BEFORE: &[(&str, Bound)] = &[
    ("no more than", Bound::AtMost),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("more than", Bound::AtLeast),
    ("over", Bound::AtLeast),
    ("at least", Bound::AtLeast),
    ("in excess of", Bound::AtLeast),
    ("upwards of", Bound::AtLeast),
    ("exceeding", Bound::AtLeast),
    ("a minimum of", Bound::AtLeast),
    ("up to", Bound::AtMost),
    ("less than", Bound::AtMost),
    ("fewer than", Bound::AtMost),
    ("under", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("a maximum of", Bound::AtMost),
    ("about", Bound::Approximately),
    ("nearly", Bound::Approximately),
    ("almost", Bound::Approximately),
    ("around", Bound::Approximately),
    ("some", Bound::Approximately),
    ("approximately", Bound::Approximately),
    ("approx.", Bound::Approximately),
    ("roughly", Bound::Approximately),
    ("close to", Bound::Approximately),
    ("circa", Bound::Approximately),
    ("an estimated", Bound::Approximately),
    ("~", Bound::Approximately),
];

/// Word pairs right after a number and the bound each gives: "300 or more".
const AFTER: &[(&str, &str, Bound)] = &[
    ("or", "more", Bound::AtLeast),
    ("or", "over", Bound::AtLeast),
    ("or", "above", Bound::AtLeast),
    ("and", "more", Bound::AtLeast),
    ("and", "above", Bound::AtLeast),
    ("or", "less", Bound::AtMost),
    ("or", "fewer", Bound::AtMost),
    ("or", "so", Bound::Approximately),
];

/// The bound the words around the number `f` give: before it first, then after it.
pub(super) fn bound(s: &str, f: &Found) -> Bound {
    match bound_before(s, f.start) {
        Bound::Exact => bound_after(s, f.end),
        b => b,
    }
}

/// The bound the words just before byte `i` give.
fn bound_before(s: &str, i: usize) -> Bound {
    let prefix = s.get(..i).unwrap_or("");
    let mut from = prefix.len().saturating_sub(40);
    while !prefix.is_char_boundary(from) {
        from += 1;
    }
    let mut t = prefix[from..].to_lowercase();
    // Drop currency marks between the words and the number: "more than $265,000".
    loop {
        // A Markdown escape ("\\$") goes with the currency mark.
        let trimmed = t.trim_end().trim_end_matches('\\').trim_end();
        match MONEY_BEFORE.iter().find_map(|m| trimmed.strip_suffix(m)) {
            Some(rest) => t = rest.to_owned(),
            None => {
                t = trimmed.to_owned();
                break;
            }
        }
    }
    for (phrase, bound) in BEFORE {
        if let Some(rest) = t.strip_suffix(phrase)
            && (rest.is_empty() || !rest.ends_with(char::is_alphanumeric))
        {
            return *bound;
        }
    }
    Bound::Exact
}

/// The bound the words just after byte `i` give: "300 or more", "300+".
fn bound_after(s: &str, i: usize) -> Bound {
    if char_at(s, i) == Some('+') {
        return Bound::AtLeast;
    }
    let next = words_after(s, i, 2);
    match next.as_slice() {
        [a, b] => AFTER
            .iter()
            .find(|(x, y, _)| x == a && y == b)
            .map_or(Bound::Exact, |&(_, _, bound)| bound),
        _ => Bound::Exact,
    }
}

/// Whether `f` and `g` are the ends of a range: "between f and g", "f-g", "f to g".
pub(super) fn is_range(s: &str, f: &Found, g: &Found) -> bool {
    let Some(between) = s.get(f.end..g.start) else {
        return false;
    };
    let t = between.trim();
    let dash = matches!(t, "-" | "–" | "—" | "to");
    let and = t == "and" && word_before(s, f.start) == "between";
    (dash || and) && g.value > f.value && !is_year_form(s, f)
}

#[cfg(test)]
mod tests {
    use super::super::{Candidate, candidates};
    use super::*;

    fn one(text: &str) -> Candidate {
        let c = candidates(text, 2024);
        assert_eq!(c.len(), 1, "{text}: {c:#?}");
        c.into_iter().next().expect("one candidate")
    }

    #[test]
    fn qualifiers_before() {
        for (t, b) in [
            ("We trained more than 40 people.", Bound::AtLeast),
            ("We trained over 13,000 people.", Bound::AtLeast),
            ("We trained over 3’300 people.", Bound::AtLeast),
            ("We trained no fewer than twenty women.", Bound::AtLeast),
            ("We committed more than $265,000 to them.", Bound::AtLeast),
            ("We committed more than \\$265,000 to them.", Bound::AtLeast),
            ("Grants of up to $300,000 USD went out.", Bound::AtMost),
            ("Up to USD 2.5 billion was pledged.", Bound::AtMost),
            ("We trained less than 40 people.", Bound::AtMost),
            ("We trained about 40 people.", Bound::Approximately),
            (
                "We trained nearly 3.3 million people.",
                Bound::Approximately,
            ),
            ("We trained some 40 people.", Bound::Approximately),
            ("We trained approx. 40 people.", Bound::Approximately),
            ("We trained 40 people.", Bound::Exact),
            ("Moreover 40 people came.", Bound::Exact),
        ] {
            assert_eq!(one(t).bound, b, "{t}");
        }
    }

    #[test]
    fn qualifiers_after() {
        for (t, b) in [
            ("It trained 300 or more teachers.", Bound::AtLeast),
            ("Sessions drew 3,300 or more attendees.", Bound::AtLeast),
            ("It links 50+ universities.", Bound::AtLeast),
            ("Each hub hosts 20 or fewer trainees.", Bound::AtMost),
            ("We welcomed forty or so volunteers.", Bound::Approximately),
            ("We reached 300 or more.", Bound::AtLeast),
        ] {
            let first = &crate::numerals::find(t)[0];
            assert_eq!(bound(t, first), b, "{t}");
        }
    }

    #[test]
    fn ranges() {
        for t in [
            "We trained between 30 and 40 people.",
            "We trained 30-40 people.",
            "We trained 30–40 people.",
            "We trained 30 to 40 engineers.",
        ] {
            let c = one(t);
            assert_eq!(
                (c.value, c.value_max, c.bound),
                (30.0, Some(40.0), Bound::Range),
                "{t}"
            );
        }
    }
}
