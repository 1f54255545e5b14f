//! The numbers that are not figures, whatever follows them:
//! - codes and document symbols: a number glued to letters, slashes, brackets or
//!   markup ("A/RES/70/125", "E/CN.16/2024/3", "C7", "5G", "COVID-19", "record\[1\]",
//!   "19<sup>th</sup>");
//! - footnote markers: a small number glued to punctuation after a word ("record,1");
//! - section numbering at the start of a sentence ("1.", "2.3", "4)");
//! - page numbers and lines of numbers: a sentence with no words;
//! - references: a number after "resolution", "paragraph", "page", "annex", "ISO",
//!   "session", "goal", "phone"... ("resolution 70/125", "paragraph 72", "SDG 4");
//! - dates: a number next to a month ("15 December", "December 15");
//! - durations and ages: "24 months", "10 years", "a 12-year-old";
//! - lengths of a text: "(1-2 pages)", "500 words", as a form asks for them;
//! - years: a four-digit number 1990-2100;
//! - the constant "11 action lines" of the WSIS framework;
//! - "one of": a member of a set ("one of its key outcomes"), not a count.
//!
//! Session ordinals ("21st", "twenty-first") are never read as numbers at all.

use super::text::{char_at, char_before, is_month, words_after, words_before};
use super::year::is_year_form;
use crate::numerals::Found;

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

/// Words after a number that make it the length of a text, not a result.
const LENGTHS: &[&str] = &["page", "pages", "word", "words", "character", "characters"];

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
    "sdg",
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

/// Words that number goals and targets ("Goal 4", "SDG target 4.1"): the number is a
/// reference only right after the word and small or dotted; "Target: 10,000 teachers"
/// and "we target 10,000 women" state figures.
const NUMBERED_GOALS: &[&str] = &["goal", "goals", "target", "targets"];

/// Whether `f` numbers a goal or target ("Goal 4", "target 4.1", "targets 9.c").
fn numbers_a_goal(s: &str, f: &Found, prev_word: &str) -> bool {
    if !NUMBERED_GOALS.contains(&prev_word) {
        return false;
    }
    let before = &s[..f.start];
    let spaced = before.ends_with(' ') && before.trim_end().len() + 1 == before.len();
    let written = &s[f.start..f.end];
    spaced && (written.contains('.') || (f.value < 100.0 && !written.contains([',', ' '])))
}

/// Whether `f` is glued to letters, a slash, a bracket or markup before it.
pub(super) fn glued_before(s: &str, f: &Found) -> bool {
    char_before(s, f.start).is_some_and(|c| {
        c.is_alphabetic() || matches!(c, '/' | '[' | '>' | '^' | '_' | '.' | '#' | '+' | '§')
    })
}

/// Whether sentence `s` has no words at all: a page number or a line of numbers, none
/// of whose numbers is a figure.
pub(super) fn wordless(s: &str) -> bool {
    !s.chars().any(char::is_alphabetic)
}

/// Whether the number `f` of sentence `s` is not a figure by one of the rules above
/// (the sentence itself is not [`wordless`]).
pub(super) fn excluded(s: &str, f: &Found) -> bool {
    let before = char_before(s, f.start);
    let after = char_at(s, f.end);
    if glued_before(s, f)
        || after.is_some_and(|c| c.is_alphabetic() || matches!(c, '/' | ']' | '<' | '^' | '_'))
    {
        return true;
    }
    if before == Some('-') && char_before(s, f.start - 1).is_some_and(char::is_alphabetic) {
        return true; // "COVID-19", "ITU-T 5"
    }
    // A footnote marker after punctuation glued to a word: "record,1" "record.12".
    if before.is_some_and(|c| matches!(c, ',' | ';' | ':' | ')' | '"' | '”' | '’'))
        && f.value < 1000.0
    {
        return true;
    }
    if f.start == 0 && (matches!(after, Some('.' | ')')) || s[f.start..f.end].contains('.')) {
        return true; // section numbering: "1.", "2.3 ", "4)"
    }
    let prev = words_before(s, f.start, 2);
    let prev_word = prev.last().map(String::as_str).unwrap_or("");
    if REFERENCES.contains(&prev_word.trim_start_matches(['$', '€', '£']))
        || is_month(prev_word)
        || numbers_a_goal(s, f, prev_word)
    {
        return true;
    }
    let next = words_after(s, f.end, 2);
    // "-year-old", "-day" when glued by a hyphen: "a 12-year-old", "a 10-day course".
    let first = next.first().map_or("", |w| w.trim_start_matches('-'));
    if is_month(first)
        || DURATIONS.contains(&first)
        || first.starts_with("year") && first.contains('-')
    {
        return true; // a date "15 December", a duration "18 months", an age
    }
    if LENGTHS.contains(&first) {
        return true; // "(1-2 pages)", "at most 500 words"
    }
    if first == "action" && next.get(1).is_some_and(|w| w.starts_with("line")) {
        return true; // the constant "11 action lines"
    }
    if f.value == 1.0 && first == "of" {
        return true; // "one of its outcomes": a member of a set
    }
    is_year_form(s, f)
}

#[cfg(test)]
mod tests {
    use super::super::candidates;

    fn none(text: &str) {
        let c = candidates(text, 2024);
        assert!(c.is_empty(), "{text}: {c:#?}");
    }

    #[test]
    fn dates_and_years() {
        none("In 2023 the forum met.");
        none("The period 2024-2025 saw change.");
        none("It met on 15-19 December 2024 in Riyadh.");
        none("It met on December 15 in Riyadh.");
        none("Delegates met on 3 Sept. 2022 in Geneva.");
    }

    #[test]
    fn symbols_references_and_numbering() {
        none("See A/RES/70/125 and E/CN.16/2024/3 for details.");
        none("See document E/CN.16/2025/2 and A/78/62 for the figures.");
        none("As stated in resolution 70/125, paragraph 72 applies.");
        none("Paragraphs 12 and 13 of the outcome list the partners.");
        none("It held its twenty-first session.");
        none("It held its 21st session.");
        none("1. Executive summary");
        none("2.3 Results of the work");
        none("It follows ISO 27001 closely.");
        none("Action Line C7 covers e-applications.");
        none("It serves SDG 4 targets.");
    }

    #[test]
    fn markers_phones_and_pages() {
        none("Call +41 22 917 1234 for help.");
        none("This is on the record[1] as noted.");
        none("This is on the record,3 as noted.");
        none("The 19<sup>th</sup> IGF took place.");
        none("12");
        none("- 14 -");
        none("COVID-19 changed everything.");
        none("We offer 5G access.");
    }

    #[test]
    fn durations_constants_and_members_of_a_set() {
        none("The 11 action lines guide the work.");
        none("Projects last 24 months.");
        none("Fellows spend 10 years in service.");
        none("Fellowships run for twelve weeks.");
        none("It ran a 10-day course for a 12-year-old.");
        none("Describe the project (1-2 pages).");
        none("Answer in no more than 300 words.");
        none("Summaries run to three pages each.");
        none("It is one of our flagship programmes.");
        none("The pilot is 1 of the regional hubs.");
    }

    #[test]
    fn targets_and_goals_state_figures_unless_they_number_one() {
        use crate::import::candidates;
        for (sentence, value) in [
            ("Target: 10,000 teachers trained by 2026.", 10000.0),
            ("We target 10,000 women in rural areas.", 10000.0),
            ("Our goal: 1 million people online.", 1_000_000.0),
        ] {
            let found = candidates(sentence, 2024);
            assert!(
                found.iter().any(|c| c.value == value),
                "{sentence}: {found:?}"
            );
        }
        for sentence in [
            "This serves SDG target 4.1 in full.",
            "It serves Goal 4 and the people it names.",
            "See targets 9.c and 17.8 of the agenda.",
        ] {
            let found = candidates(sentence, 2024);
            assert!(found.is_empty(), "{sentence}: {found:?}");
        }
    }
}
