//! The year a figure describes. In order:
//! 1. a year stated right after the number, in its own clause: "43 NRIs at the end of
//!    2015", "174 by November 2024", "31 in 2024", "15 fellows ... this year" (such a
//!    year belongs to that number only, not to the numbers after it);
//! 2. the last year stated before the number in its sentence: "In 2023, ...", "During
//!    the 2023 Forum", "As of 2021", "By November 2024";
//! 3. the year the previous sentence of the same paragraph opens with: "In 2023, the
//!    Forum met. It trained 300 people." (not a year later in that sentence: "It was
//!    appointed in August 2022. The panel has fifteen members.");
//! 4. a year the heading of the section states or starts with: "## Results in 2023",
//!    "## 2023 highlights" (not numbering: "2004. With ...");
//! 5. otherwise the report's year.
//!
//! A year is stated when a time word comes before it ("in", "during", "by", "since", a
//! month, "the" as in "the 2023 Forum"), or as "this year" (the report's year) or "last
//! year" (the year before). A four-digit number 1990-2100 is a year, never a quantity.

use super::text::{is_month, words_after, words_before};
use crate::numerals::{Found, FoundKind};

/// Words before a year that make it the year of what follows.
const BEFORE_WORDS: &[&str] = &[
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

/// Words before a year after a number that make it the time of that number: fewer than
/// [`BEFORE_WORDS`], as "since 2015" or "the 2025 Forum" after a number speak of
/// something else.
const AFTER_WORDS: &[&str] = &["in", "by", "during", "throughout", "of"];

/// Words that open a new clause after a number: a year beyond one describes that
/// clause, not the number.
const CLAUSE_WORDS: &[&str] = &[
    "which", "who", "whom", "that", "where", "when", "while", "before", "after", "since", "until",
    "ahead", "because",
];

/// How many words may come before a year that opens its sentence.
const OPENING_WORDS: usize = 5;

/// How far after a number (in bytes) a year may be its own.
const AFTER_WINDOW: usize = 80;

/// Whether `f` is written as a four-digit year 1990-2100.
pub(super) fn is_year_form(s: &str, f: &Found) -> bool {
    let t = s.get(f.start..f.end).unwrap_or("");
    f.kind == FoundKind::Number
        && t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (1990.0..=2100.0).contains(&f.value)
}

/// The year `f` states as the time of what follows: "in 2023", "by November 2024",
/// "as of 2024", "since 2015", "the 2023 Forum".
fn stated(s: &str, f: &Found) -> Option<i32> {
    if !is_year_form(s, f) {
        return None;
    }
    let before = words_before(s, f.start, 2);
    let last = before.last().map(String::as_str);
    let year_word = last.is_some_and(|w| BEFORE_WORDS.contains(&w) || is_month(w))
        || before.len() == 2 && before[0] == "as" && before[1] == "of";
    year_word.then_some(f.value as i32)
}

/// "this year" and "last year" in `lower` (the sentence in lowercase, same byte
/// offsets), as (offset, year).
fn relative(lower: &str, report_year: i32) -> Vec<(usize, i32)> {
    let mut out: Vec<(usize, i32)> = [("this year", 0), ("last year", 1), ("past year", 1)]
        .iter()
        .flat_map(|&(phrase, back)| {
            lower
                .match_indices(phrase)
                .filter(move |(i, _)| {
                    let end = i + phrase.len();
                    !lower[end..].starts_with(|c: char| c.is_alphanumeric())
                        && !lower[..*i].ends_with(|c: char| c.is_alphanumeric())
                })
                .map(move |(i, _)| (i, report_year - back))
        })
        .collect();
    out.sort_unstable();
    out
}

/// The years one sentence states, and which number each belongs to.
pub(super) struct Years {
    /// Years stated for what follows them, as (offset, year), in text order.
    before: Vec<(usize, i32)>,
    /// For each number of the sentence, the year stated right after it.
    after: Vec<Option<i32>>,
}

impl Years {
    /// The years of sentence `s`, whose numbers are `found`; `lower` is `s` in
    /// lowercase when that keeps byte offsets, `s` otherwise.
    pub(super) fn of(s: &str, lower: &str, found: &[Found], report_year: i32) -> Years {
        let mut before: Vec<(usize, i32)> = found
            .iter()
            .filter_map(|f| stated(s, f).map(|y| (f.start, y)))
            .collect();
        before.extend(relative(lower, report_year));
        before.sort_unstable();
        let mut after = vec![None; found.len()];
        let mut taken = Vec::new();
        for (k, f) in found.iter().enumerate() {
            if is_year_form(s, f) {
                continue;
            }
            if let Some((at, y)) = year_after(s, found, k, &before) {
                after[k] = Some(y);
                taken.push(at);
            }
        }
        // Both lists are in text order: a binary search keeps this linear-logarithmic.
        before.retain(|(at, _)| taken.binary_search(at).is_err());
        Years { before, after }
    }

    /// The year the `k`th number (at byte `start`) describes, if the sentence states it.
    pub(super) fn of_number(&self, k: usize, start: usize) -> Option<i32> {
        self.after.get(k).copied().flatten().or_else(|| {
            let n = self.before.partition_point(|(at, _)| *at < start);
            n.checked_sub(1).map(|i| self.before[i].1)
        })
    }

    /// The year the sentence opens with ("In 2023, ...", "For example, just in 2023,
    /// ...", "During the 2023 Forum ..."), which frames the sentence after it too. A
    /// year later in the sentence ("appointed in August 2022") dates one event only.
    pub(super) fn opening(&self, s: &str) -> Option<i32> {
        self.before
            .iter()
            .take_while(|(at, _)| {
                s.get(..*at).is_some_and(|p| {
                    p.split_whitespace().take(OPENING_WORDS + 1).count() <= OPENING_WORDS
                })
            })
            .last()
            .map(|&(_, y)| y)
    }

    /// The year a heading names for its section: a stated year ("Results in 2023") or
    /// a year the heading starts with ("2023 highlights"), but not a number with a
    /// point, which is numbering ("2004. With ...").
    pub(super) fn of_heading(&self, s: &str, found: &[Found]) -> Option<i32> {
        let leading = found.first().filter(|f| {
            is_year_form(s, f)
                && !s[..f.start].contains(char::is_alphanumeric)
                && !s[f.end..].starts_with(['.', ')'])
        });
        leading
            .map(|f| f.value as i32)
            .or_else(|| self.before.last().map(|&(_, y)| y))
    }
}

/// The year stated right after the `k`th number, as (offset of the year, year): the
/// first stated year in a bounded window after it, before any other quantity and any
/// word opening a new clause.
fn year_after(s: &str, found: &[Found], k: usize, stated: &[(usize, i32)]) -> Option<(usize, i32)> {
    let f = &found[k];
    let limit = found
        .iter()
        .skip(k + 1)
        .find(|g| !is_year_form(s, g) && g.start >= f.end)
        .map_or(f.end + AFTER_WINDOW, |g| g.start.min(f.end + AFTER_WINDOW));
    let first = stated.partition_point(|(at, _)| *at <= f.end);
    let &(at, year) = stated.get(first).filter(|(at, _)| *at < limit)?;
    // The words between the number and the year must not open a new clause.
    let between = s.get(f.end..at).unwrap_or("");
    if between.contains([';', ':', '(', ')']) {
        return None;
    }
    let words = words_after(between, 0, 16);
    if words.iter().any(|w| CLAUSE_WORDS.contains(&w.as_str())) {
        return None;
    }
    // "in 2015", "by November 2024", "at the end of 2015", "this year".
    let near = words_before(s, at, 1);
    let time_word = near
        .last()
        .is_some_and(|w| AFTER_WORDS.contains(&w.as_str()) || is_month(w))
        || s.get(at..)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit()));
    time_word.then_some((at, year))
}

#[cfg(test)]
mod tests {
    use super::super::candidates;

    fn years(text: &str, report_year: i32) -> Vec<(f64, i32)> {
        candidates(text, report_year)
            .into_iter()
            .map(|c| (c.value, c.year))
            .collect()
    }

    #[test]
    fn year_before_the_number() {
        for (t, y) in [
            ("In 2023, we trained 40 people.", 2023),
            ("During 2022 we trained 3,300 people.", 2022),
            ("By November 2024 we had trained twenty teachers.", 2024),
            ("As of 2021, 40 countries joined.", 2021),
            ("During the 2023 Forum, 40 countries joined.", 2023),
            ("Since 2015, USD 2.5 billion was raised.", 2015),
            ("This year, 3.3 million users joined.", 2026),
            ("Last year, 3’300 learners enrolled.", 2025),
            ("We trained 40 people.", 2026),
        ] {
            assert_eq!(years(t, 2026)[0].1, y, "{t}");
        }
    }

    #[test]
    fn year_after_the_number() {
        assert_eq!(
            years("It grew from 43 hubs at the end of 2015 to 172 hubs.", 2024),
            [(43.0, 2015), (172.0, 2024)]
        );
        assert_eq!(
            years(
                "It grew from 12 chapters in 2019 to 30 by March 2022.",
                2024
            ),
            [(12.0, 2019), (30.0, 2022)]
        );
        assert_eq!(
            years(
                "After a pilot in 2022, we hosted 15 fellows from Asia, Africa, \
                 and Europe this year.",
                2025
            ),
            [(15.0, 2025)]
        );
        assert_eq!(
            years(
                "Chapters keep growing, with 31 in 2024 and 36 in 2025.",
                2025
            ),
            [(31.0, 2024), (36.0, 2025)]
        );
        // A year in a new clause after the number is not its year.
        assert_eq!(
            years(
                "We trained 40 teachers, who will attend the summit in 2027.",
                2024
            )[0]
            .1,
            2024
        );
        // "since" after a number dates something else.
        assert_eq!(
            years("We count 40 members, active since 2015.", 2024),
            [(40.0, 2024)]
        );
    }

    #[test]
    fn year_from_the_paragraph_and_the_heading() {
        let t = "In 2023, the Forum met in Kyoto. It trained 300 people.";
        assert_eq!(years(t, 2024), [(300.0, 2023)]);
        // Only the sentence just before, and only within the paragraph.
        let t = "In 2023, the Forum met. It grew. It trained 300 people.";
        assert_eq!(years(t, 2024), [(300.0, 2024)]);
        let t = "The panel was appointed in August 2022. It now has a 15-member board.";
        assert_eq!(years(t, 2024), [(15.0, 2024)]);
        let t = "For example, just in 2021, we met. Over 20 national chapters got grants.";
        assert_eq!(years(t, 2024), [(20.0, 2021)]);
        let t = "In 2023, the Forum met.\n\nIt trained 300 people.";
        assert_eq!(years(t, 2024), [(300.0, 2024)]);
        let t =
            "## Results for 2022\n\nWe trained 3,300 people.\n\n## Plans\n\nWe hired 12 engineers.";
        assert_eq!(years(t, 2024), [(3300.0, 2022), (12.0, 2024)]);
        let t = "### 2021 in review\n\n- 40 countries joined\n- USD 2.5 billion was raised";
        assert_eq!(years(t, 2024), [(40.0, 2021), (2.5e9, 2021)]);
        // A wrapped line that starts with "2019." looks like a numbered heading.
        let t = "It began in\n2019. With its mandate renewed, it met in\nGeneva. \
                 It created 155 chapters.";
        assert_eq!(years(t, 2024), [(155.0, 2024)]);
    }
}
