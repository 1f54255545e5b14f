//! Candidate figures: the quantities a report's text states that may be reported
//! results, each with its unit, bound, status, year and the sentence that states it.
//!
//! Numbers are those [`numerals::find`] reads. A number is a candidate when it is money
//! or a percentage, or when the words after it name a countable thing ("people",
//! "countries", a plural noun). It is not a candidate when it is a date or a year, part
//! of a code or document symbol (glued to letters or slashes, after "resolution",
//! "paragraph", "ISO"...), section numbering at the start of a line, a footnote marker
//! glued to a word or punctuation, a phone number, a page number (a line with no
//! words), or a duration or an age ("24 months", "10 years"). Each rule looks only at a
//! bounded window around the number, so the whole is linear in the text.

use super::sentences::sentences;
use crate::model::{Bound, Status};
use crate::numerals::{self, Found, FoundKind};

/// What a candidate counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateUnit {
    /// Things: countries, initiatives, sessions.
    Count,
    /// People: participants, fellows, students.
    People,
    /// Money, in the currency stated (not converted).
    Usd,
    /// A percentage (a fraction is given as a percentage too).
    Percent,
}

/// A quantity the text states that may be a reported figure, for an editor to review.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The value (the low end of a range).
    pub value: f64,
    /// The high end of a range, `None` otherwise.
    pub value_max: Option<f64>,
    /// What it counts.
    pub unit: CandidateUnit,
    /// The qualifier from the words before it; [`Bound::Range`] with `value_max`.
    pub bound: Bound,
    /// Whether it is an actual, estimated, projected or target value.
    pub status: Status,
    /// The year it describes.
    pub year: i32,
    /// The sentence that states it, verbatim from the text.
    pub quote: String,
    /// How likely it is a reported result, from 0 to 1.
    pub confidence: f32,
    /// Why it is a candidate: the rules that matched.
    pub reason: String,
}

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
    "staff",
    "workers",
    "engineers",
    "developers",
    "farmers",
    "residents",
    "respondents",
    "subscribers",
];

/// Words after a number that make it a duration or an age.
const DURATIONS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "decade",
    "decades",
    "year-old",
    "years-old",
    "seconds",
];

/// Words before a number that make it a reference, not a quantity.
const REFERENCES: &[&str] = &[
    "resolution",
    "resolutions",
    "paragraph",
    "paragraphs",
    "para",
    "section",
    "sections",
    "chapter",
    "article",
    "articles",
    "page",
    "pages",
    "p",
    "pp",
    "annex",
    "no",
    "nos",
    "number",
    "item",
    "items",
    "line",
    "iso",
    "iec",
    "rfc",
    "version",
    "v",
    "goal",
    "sdg",
    "target",
    "room",
    "tel",
    "phone",
    "telephone",
    "fax",
    "footnote",
    "note",
    "figure",
    "table",
    "decision",
    "rule",
    "box",
    "session",
    "step",
    "phase",
    "level",
    "grade",
    "ipv",
    "web",
    "industry",
    "covid",
];

/// Words ending in "s" that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "is", "was", "has", "this", "its", "us", "as", "thus", "across", "plus", "always", "perhaps",
    "various", "numerous", "previous", "its", "whereas", "less", "unless", "besides", "towards",
    "does", "his", "hers", "ours", "yes", "bis", "status",
];

/// Month names (their first three letters suffice).
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Words before a year that make it the year a figure describes.
const YEAR_WORDS: &[&str] = &[
    "in",
    "during",
    "by",
    "of",
    "since",
    "throughout",
    "for",
    "from",
    "until",
    "till",
    // a year as an adjective: "the 2023 Forum", "the 2024 cycle"
    "the",
];

/// Currency marks before the number (text just before it ends with one).
const MONEY_BEFORE: &[&str] = &["usd", "us$", "$", "eur", "€", "chf", "£", "gbp"];

/// Currency words after the number.
const MONEY_AFTER: &[&str] = &[
    "usd", "dollars", "dollar", "eur", "euros", "euro", "chf", "francs", "gbp", "pounds",
];

/// Phrases before a number and the bound each gives (longest first where one ends another).
const BOUNDS: &[(&str, Bound)] = &[
    ("no more than", Bound::AtMost),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
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

/// Every candidate figure `text` states, in text order; `report_year` is the year of a
/// figure whose sentence names none.
pub fn candidates(text: &str, report_year: i32) -> Vec<Candidate> {
    let mut out = Vec::new();
    for span in sentences(text) {
        sentence_candidates(&text[span], report_year, &mut out);
    }
    out
}

/// The candidates of one sentence.
fn sentence_candidates(s: &str, report_year: i32, out: &mut Vec<Candidate>) {
    let found = pick_readings(numerals::find(s));
    let lower = s.to_lowercase();
    // `to_lowercase` may change byte lengths; windows then read the original text.
    let same_len = lower.len() == s.len();
    let status = status(if same_len { &lower } else { s }, report_year);
    let years: Vec<(usize, i32)> = found
        .iter()
        .filter_map(|f| described_year(s, f).map(|y| (f.start, y)))
        .collect();
    let mut skip_until = 0;
    for (k, f) in found.iter().enumerate() {
        if f.start < skip_until {
            continue;
        }
        let mut value = f.value;
        let mut value_max = None;
        let mut bound = bound_before(s, f.start);
        // A range is judged by its high end's words, its low end by its own place.
        let range = found
            .get(k + 1)
            .filter(|g| is_range(s, f, g) && !glued_before(s, f));
        let judged = match range {
            Some(g) => judge(s, g).map(|(unit, reason)| {
                value_max = Some(g.value);
                bound = Bound::Range;
                skip_until = g.end;
                (unit, format!("{reason}; a range"))
            }),
            None => judge(s, f),
        };
        let Some((unit, reason)) = judged else {
            continue;
        };
        if f.kind == FoundKind::Fraction {
            value *= 100.0;
            value_max = value_max.map(|v| v * 100.0);
        }
        let year = years
            .iter()
            .rev()
            .find(|(at, _)| *at < f.start)
            .map_or(report_year, |&(_, y)| y);
        let mut confidence: f32 = match unit {
            CandidateUnit::Usd | CandidateUnit::Percent | CandidateUnit::People => 0.8,
            CandidateUnit::Count => 0.6,
        };
        if f.kind == FoundKind::Fraction {
            confidence -= 0.3;
        }
        if bound != Bound::Exact {
            confidence += 0.1;
        }
        let c = Candidate {
            value,
            value_max,
            unit,
            bound,
            status,
            year,
            quote: s.to_owned(),
            confidence: confidence.clamp(0.0, 1.0),
            reason,
        };
        let duplicate = out.iter().rev().take(8).any(|o: &Candidate| {
            o.quote == c.quote && o.value == c.value && o.unit == c.unit && o.bound == c.bound
        });
        if !duplicate {
            out.push(c);
        }
    }
}

/// One reading per written number: the longest span at each start, and of two readings
/// of one span ("1.150") the whole one; readings inside a longer one are dropped.
fn pick_readings(found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        if let Some(last) = out.last_mut() {
            if f.start < last.end && f.start > last.start {
                continue;
            }
            if f.start == last.start {
                let longer = f.end > last.end;
                let whole =
                    f.end == last.end && f.value.fract() == 0.0 && last.value.fract() != 0.0;
                if longer || whole {
                    *last = f;
                }
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// The character just before byte `i` of `s`.
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|p| p.chars().next_back())
}

/// The character at byte `i` of `s`.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|p| p.chars().next())
}

/// Up to `n` lowercase words after byte `i`, stopping at a sentence-internal break
/// (`;`, `:`, `(`, `.` followed by a space...). Words keep inner hyphens.
fn words_after(s: &str, i: usize, n: usize) -> Vec<String> {
    let mut words = Vec::new();
    let rest = s.get(i..).unwrap_or("");
    let mut cur = String::new();
    for c in rest.chars().take(120) {
        if c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '@' || c == '&' {
            cur.extend(c.to_lowercase());
        } else {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
                if words.len() >= n {
                    return words;
                }
            }
            if !(c.is_whitespace() || c == ',' || c == '*' || c == '"' || c == '“' || c == '”')
            {
                break;
            }
        }
    }
    if !cur.is_empty() && words.len() < n {
        words.push(cur);
    }
    words
}

/// Up to `n` lowercase words before byte `i`, nearest last, stopping at a break.
fn words_before(s: &str, i: usize, n: usize) -> Vec<String> {
    let start = s.get(..i).map_or(0, |p| {
        p.char_indices().rev().take(60).last().map_or(i, |(j, _)| j)
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

/// Whether `f` is written as a four-digit year 1990-2100.
fn is_year_form(s: &str, f: &Found) -> bool {
    let t = s.get(f.start..f.end).unwrap_or("");
    f.kind == FoundKind::Number
        && t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (1990.0..=2100.0).contains(&f.value)
}

/// Whether a word is a month name.
fn is_month(w: &str) -> bool {
    w.len() >= 3
        && MONTHS.iter().any(|m| w.starts_with(m))
        && w.chars().all(char::is_alphabetic)
        && [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ]
        .contains(&w)
}

/// The year `f` names as the time of what follows: "in 2023", "by November 2024",
/// "as of 2024", "since 2015", "2023:".
fn described_year(s: &str, f: &Found) -> Option<i32> {
    if !is_year_form(s, f) {
        return None;
    }
    let before = words_before(s, f.start, 2);
    let last = before.last().map(String::as_str);
    let year_word = last.is_some_and(|w| YEAR_WORDS.contains(&w) || is_month(w))
        || before.len() == 2 && before[0] == "as" && before[1] == "of";
    year_word.then_some(f.value as i32)
}

/// Whether `f` is glued to letters, a slash, a bracket or markup before it.
fn glued_before(s: &str, f: &Found) -> bool {
    char_before(s, f.start).is_some_and(|c| {
        c.is_alphabetic() || matches!(c, '/' | '[' | '>' | '^' | '_' | '.' | '#' | '+' | '§')
    })
}

/// The unit of `f` and the reason it is a candidate, or `None` when it is not one.
fn judge(s: &str, f: &Found) -> Option<(CandidateUnit, String)> {
    let before = char_before(s, f.start);
    let after = char_at(s, f.end);
    // Glued to letters, slashes, brackets or markup: a code, symbol or footnote.
    if glued_before(s, f)
        || after.is_some_and(|c| c.is_alphabetic() || matches!(c, '/' | ']' | '<' | '^' | '_'))
    {
        return None;
    }
    if before == Some('-') && char_before(s, f.start - 1).is_some_and(char::is_alphabetic) {
        return None; // "COVID-19", "ITU-T 5"
    }
    // A footnote marker after punctuation glued to a word: "record,1" "record.12".
    if before.is_some_and(|c| matches!(c, ',' | ';' | ':' | ')' | '"' | '”' | '’'))
        && f.value < 1000.0
    {
        return None;
    }
    // Section numbering at the start of the sentence: "1.", "2.3 ", "4)".
    if f.start == 0 && (matches!(after, Some('.' | ')')) || s[f.start..f.end].contains('.')) {
        return None;
    }
    // A page number or a line of numbers: no words at all.
    if !s.chars().any(char::is_alphabetic) {
        return None;
    }
    let prev = words_before(s, f.start, 2);
    let prev_word = prev.last().map(String::as_str).unwrap_or("");
    if REFERENCES.contains(&prev_word.trim_start_matches(['$', '€', '£'])) || is_month(prev_word)
    {
        return None;
    }
    let next = words_after(s, f.end, 8);
    let first = next.first().map(String::as_str).unwrap_or("");
    if is_month(first)
        || DURATIONS.contains(&first)
        || first.starts_with("year") && first.contains('-')
    {
        return None; // a date "15 December", a duration "18 months", an age
    }
    if first == "action" && next.get(1).is_some_and(|w| w.starts_with("line")) {
        return None; // the constant "11 action lines"
    }
    if is_year_form(s, f) {
        return None; // a year is a date, not a quantity
    }
    if f.kind == FoundKind::Percent {
        return Some((CandidateUnit::Percent, "a percentage".into()));
    }
    if f.kind == FoundKind::Fraction {
        return Some((CandidateUnit::Percent, "a fraction, as a percentage".into()));
    }
    let text_before = s.get(..f.start).unwrap_or("").trim_end().to_lowercase();
    if MONEY_BEFORE.iter().any(|m| text_before.ends_with(m)) || MONEY_AFTER.contains(&first) {
        return Some((CandidateUnit::Usd, "money: a currency mark".into()));
    }
    // The words after it: a person word or a plural noun within the noun phrase.
    for (k, w) in next.iter().enumerate() {
        if k > 0
            && matches!(
                w.as_str(),
                "of" | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "the"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "have"
                    | "has"
                    | "had"
            )
        {
            break;
        }
        // A person word used as an adjective ("youth IGF initiatives") yields to a
        // plural noun right after it.
        let noun_follows = next
            .iter()
            .skip(k + 1)
            .take(2)
            .any(|n| is_plural(n) && !PEOPLE.contains(&n.as_str()));
        if PEOPLE.contains(&w.as_str()) && !noun_follows {
            return Some((CandidateUnit::People, format!("people: \"{w}\" after it")));
        }
        if is_plural(w) && !PEOPLE.contains(&w.as_str()) {
            return Some((CandidateUnit::Count, format!("a count: \"{w}\" after it")));
        }
        if k >= 6 {
            break;
        }
    }
    None
}

/// Whether `w` looks like a plural noun: ends in "s" (not "ss"), and is not a known
/// non-noun; acronyms in plural ("NRIs") count.
fn is_plural(w: &str) -> bool {
    w.chars().count() >= 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !w.chars().any(|c| c.is_ascii_digit())
        && !NOT_PLURAL.contains(&w)
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
        let stripped = MONEY_BEFORE.iter().find_map(|m| trimmed.strip_suffix(m));
        match stripped {
            Some(rest) => t = rest.to_owned(),
            None => {
                t = trimmed.to_owned();
                break;
            }
        }
    }
    for (phrase, bound) in BOUNDS {
        if let Some(rest) = t.strip_suffix(phrase) {
            if rest.is_empty() || !rest.ends_with(char::is_alphanumeric) {
                return *bound;
            }
        }
    }
    Bound::Exact
}

/// Whether `f` and `g` are the ends of a range: "between f and g", "f-g", "f to g".
fn is_range(s: &str, f: &Found, g: &Found) -> bool {
    let Some(between) = s.get(f.end..g.start) else {
        return false;
    };
    let t = between.trim();
    let dash = matches!(t, "-" | "–" | "—" | "to");
    let and = t == "and" && bound_before_word(s, f.start) == "between";
    (dash || and) && g.value > f.value && !is_year_form(s, f)
}

/// The lowercase word just before byte `i`.
fn bound_before_word(s: &str, i: usize) -> String {
    words_before(s, i, 1).pop().unwrap_or_default()
}

/// The status the sentence gives its figures.
fn status(lower: &str, report_year: i32) -> Status {
    let has = |w: &str| contains_word(lower, w);
    if has("target") || has("targets") || has("aim to") || has("aims to") || has("goal") {
        return Status::Target;
    }
    let by_end = lower.match_indices("by the end of").any(|(i, p)| {
        let rest = &lower[i + p.len()..];
        rest.split(|c: char| !c.is_ascii_digit())
            .filter(|d| d.len() == 4)
            .take(1)
            .any(|d| d.parse::<i32>().is_ok_and(|y| y >= report_year))
    });
    if by_end
        || [
            "expect",
            "expects",
            "expected",
            "will",
            "plan to",
            "plans to",
            "planned",
            "projected",
            "anticipated",
            "forecast",
            "is set to",
            "are set to",
        ]
        .iter()
        .any(|w| has(w))
    {
        return Status::Projected;
    }
    if has("estimated") || has("estimate") || has("estimates") {
        return Status::Estimate;
    }
    Status::Actual
}

/// Whether `text` contains `phrase` as whole words.
fn contains_word(text: &str, phrase: &str) -> bool {
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

    fn one(text: &str) -> Candidate {
        let c = candidates(text, 2024);
        assert_eq!(c.len(), 1, "{text}: {c:#?}");
        c.into_iter().next().expect("one candidate")
    }

    fn none(text: &str) {
        let c = candidates(text, 2024);
        assert!(c.is_empty(), "{text}: {c:#?}");
    }

    #[test]
    fn units() {
        for t in [
            "We trained 40 people.",
            "It had 6,279 participants.",
            "There are 355 Internet champions.",
            "It supported twenty women.",
        ] {
            assert_eq!(one(t).unit, CandidateUnit::People, "{t}");
        }
        for t in [
            "We committed $265,000 to them.",
            "A fund of USD 2.5 billion.",
            "We gave US$ 5 million.",
            "It cost 300 dollars.",
            "Grants of €40,000 went out.",
        ] {
            assert_eq!(one(t).unit, CandidateUnit::Usd, "{t}");
        }
        for t in [
            "Use grew by 43%.",
            "Use grew by 43 per cent.",
            "Use grew by 43 percent.",
        ] {
            let c = one(t);
            assert_eq!((c.unit, c.value), (CandidateUnit::Percent, 43.0), "{t}");
        }
        for t in [
            "The network has 174 national, regional and youth IGF initiatives.",
            "We reached 38 countries.",
            "Some 40 NRIs met.",
        ] {
            assert_eq!(one(t).unit, CandidateUnit::Count, "{t}");
        }
        assert_eq!(one("The network counts 3.3 million users.").value, 3.3e6);
    }

    #[test]
    fn bounds() {
        for (t, b) in [
            ("We trained more than 40 people.", Bound::AtLeast),
            ("We trained over 13,000 people.", Bound::AtLeast),
            ("We trained at least 40 people.", Bound::AtLeast),
            ("We committed more than $265,000 to them.", Bound::AtLeast),
            ("We committed more than \\$265,000 to them.", Bound::AtLeast),
            ("Grants of up to $300,000 USD went out.", Bound::AtMost),
            ("We trained less than 40 people.", Bound::AtMost),
            ("We trained about 40 people.", Bound::Approximately),
            ("We trained nearly 40 people.", Bound::Approximately),
            ("We trained around 40 people.", Bound::Approximately),
            ("We trained some 40 people.", Bound::Approximately),
            ("We trained approximately 40 people.", Bound::Approximately),
            ("We trained 40 people.", Bound::Exact),
            ("Moreover 40 people came.", Bound::Exact),
        ] {
            assert_eq!(one(t).bound, b, "{t}");
        }
    }

    #[test]
    fn ranges() {
        for t in [
            "We trained between 30 and 40 people.",
            "We trained 30-40 people.",
            "We trained 30–40 people.",
        ] {
            let c = one(t);
            assert_eq!(
                (c.value, c.value_max, c.bound),
                (30.0, Some(40.0), Bound::Range),
                "{t}"
            );
        }
    }

    #[test]
    fn statuses() {
        for (t, s) in [
            ("We expect 150 participants.", Status::Projected),
            ("The event will host 150 participants.", Status::Projected),
            ("We plan to train 150 people.", Status::Projected),
            (
                "By the end of 2025, 150 people are projected to join.",
                Status::Projected,
            ),
            ("Our target is 150 people.", Status::Target),
            ("We aim to reach 150 people.", Status::Target),
            ("An estimated 150 people joined.", Status::Estimate),
            ("We trained 150 people.", Status::Actual),
        ] {
            assert_eq!(one(t).status, s, "{t}");
        }
    }

    #[test]
    fn years() {
        for (t, y) in [
            ("In 2023, we trained 40 people.", 2023),
            ("During 2022 we trained 40 people.", 2022),
            ("By November 2024 we had trained 40 people.", 2024),
            ("As of 2021, 40 countries joined.", 2021),
            ("During the 2023 Forum, 40 countries joined.", 2023),
            ("Since 2015, 40 countries joined.", 2015),
            ("We trained 40 people.", 2024),
        ] {
            assert_eq!(one(t).year, y, "{t}");
        }
    }

    #[test]
    fn exclusions() {
        none("In 2023 the forum met.");
        none("The period 2024-2025 saw change.");
        none("See A/RES/70/125 and E/CN.16/2024/3 for details.");
        none("As stated in resolution 70/125, paragraph 72 applies.");
        none("It held its twenty-first session.");
        none("It held its 21st session.");
        none("1. Executive summary");
        none("2.3 Results of the work");
        none("Call +41 22 917 1234 for help.");
        none("This is on the record[1] as noted.");
        none("The 19<sup>th</sup> IGF took place.");
        none("12");
        none("The 11 action lines guide the work.");
        none("Action Line C7 covers e-applications.");
        none("It follows ISO 27001 closely.");
        none("Projects last 24 months.");
        none("Fellows spend 10 years in service.");
        none("It met on 15-19 December 2024 in Riyadh.");
        none("It met on December 15 in Riyadh.");
        none("COVID-19 changed everything.");
        none("We offer 5G access.");
    }

    #[test]
    fn quote_is_the_sentence_verbatim() {
        let text = "Intro here. In 2023 we trained\n40 fellows across Africa. Then more.";
        let c = one(text);
        assert_eq!(c.quote, "In 2023 we trained\n40 fellows across Africa.");
        assert!(text.contains(&c.quote));
        assert_eq!(
            (c.value, c.year, c.unit),
            (40.0, 2023, CandidateUnit::People)
        );
        assert!(c.confidence > 0.0 && c.confidence <= 1.0 && !c.reason.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}", year in 1900i32..2200) {
            for c in candidates(&text, year) {
                proptest::prop_assert!(text.contains(&c.quote));
                proptest::prop_assert!((0.0..=1.0).contains(&c.confidence));
            }
        }

        #[test]
        fn never_panics_on_number_soup(text in "[0-9a-zA-Z $%.,/\\-–()\\[\\]\n]{0,200}") {
            let _ = candidates(&text, 2024);
        }
    }
}
