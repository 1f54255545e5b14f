//! A metric for each candidate figure: an existing one of the site when its unit fits
//! and its words match the words around the number, otherwise a proposed new one.
//!
//! The words that count are those of the quote near the number (six before, eight
//! after) and, above all, the noun phrase right after it: in "3,300 people trained in
//! 2024" the figure counts "people trained". A metric matches when its unit fits and
//! the words of its title or id name the counted thing: for counts and people one of
//! them must be in that phrase, and together they must cover two words, or half the
//! title. The organization's own metrics are preferred to any other's.
//!
//! A proposed metric's id is the organization's id and the phrase's words
//! (`isoc-people-trained`); two candidates naming the same thing, in any word order or
//! number, get the same id.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::candidates::{Candidate, CandidateUnit};
use super::words::{content_stems, is_function_word, stem, words};
use crate::numerals::{self, FoundKind};

/// A metric as the site defines it.
#[derive(Debug, Clone)]
pub struct Metric {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The unit (`count`, `people`, `usd`, `percent` or another name).
    pub unit: String,
    /// Whose figure it is.
    pub organization: String,
    /// The description, if any.
    pub description: Option<String>,
    /// The action lines it belongs to.
    pub action_lines: Vec<String>,
}

/// A metric the draft proposes to create.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposedMetric {
    /// The new id.
    pub id: String,
    /// Its title, from the words of the text.
    pub title: String,
    /// Its unit.
    pub unit: String,
}

/// The metric chosen for a candidate: an existing one or a proposal.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// An existing metric, by id, with the reason it fits.
    Existing {
        /// The metric's id.
        id: String,
        /// Why it was chosen.
        reason: String,
    },
    /// A new metric to create.
    Proposed(ProposedMetric),
}

/// The unit name of a candidate unit, as in `metrics.yaml`.
pub fn unit_name(unit: CandidateUnit) -> &'static str {
    match unit {
        CandidateUnit::Count => "count",
        CandidateUnit::People => "people",
        CandidateUnit::Usd => "usd",
        CandidateUnit::Percent => "percent",
    }
}

/// Words that are a number's scale, currency or per-cent mark, not the thing counted.
const UNIT_WORDS: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "thousand",
    "thousands",
    "hundred",
    "usd",
    "us",
    "dollars",
    "dollar",
    "eur",
    "euro",
    "euros",
    "chf",
    "gbp",
    "percent",
    "per",
    "cent",
    "m",
    "bn",
    "k",
];

/// Chooses metrics for candidates; remembers its proposals so that one thing gets one
/// id across the draft.
#[derive(Debug)]
pub struct Matcher<'m> {
    metrics: &'m [Metric],
    organization: String,
    /// Proposals by what they count (unit and sorted stems of the phrase).
    proposed: HashMap<(String, Vec<String>), ProposedMetric>,
    /// Every id in use: the site's and the proposals'.
    taken: HashSet<String>,
}

impl<'m> Matcher<'m> {
    /// A matcher over the site's `metrics`, for a report of `organization`.
    pub fn new(metrics: &'m [Metric], organization: &str) -> Matcher<'m> {
        Matcher {
            metrics,
            organization: organization.to_string(),
            proposed: HashMap::new(),
            taken: metrics.iter().map(|m| m.id.clone()).collect(),
        }
    }

    /// The metric for `c`.
    pub fn choose(&mut self, c: &Candidate) -> Choice {
        let near = Near::of(c);
        let best = self
            .metrics
            .iter()
            .filter(|m| unit_fits(c.unit, &m.unit))
            .filter_map(|m| score(m, &near, c.unit).map(|(s, why)| (m, s, why)))
            // Own metrics first, then the higher score; of equals `max_by` keeps the
            // last, so the list is reversed to let the site's first one win.
            .rev()
            .max_by(|a, b| {
                let own = |m: &Metric| m.organization == self.organization;
                own(a.0).cmp(&own(b.0)).then(a.1.total_cmp(&b.1))
            });
        if let Some((m, _, why)) = best {
            return Choice::Existing {
                id: m.id.clone(),
                reason: format!("metric `{}`: unit {} and {why}", m.id, m.unit),
            };
        }
        Choice::Proposed(self.propose(c, &near))
    }

    /// A new metric for `c`, or the one already proposed for the same thing.
    fn propose(&mut self, c: &Candidate, near: &Near) -> ProposedMetric {
        let unit = unit_name(c.unit).to_string();
        let mut key_stems: Vec<String> = near.phrase.iter().map(|w| stem(w)).collect();
        key_stems.sort();
        key_stems.dedup();
        let key = (unit.clone(), key_stems);
        if let Some(p) = self.proposed.get(&key) {
            return p.clone();
        }
        let mut id_words: Vec<String> = near
            .phrase
            .iter()
            .filter(|w| !matches!(w.as_str(), "and" | "or"))
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if id_words.is_empty() {
            id_words.push(unit.clone());
        } else if c.unit == CandidateUnit::Usd && !id_words.iter().any(|w| w == "usd") {
            id_words.push("usd".into());
        } else if c.unit == CandidateUnit::Percent {
            id_words.push("percent".into());
        }
        let base = format!("{}-{}", self.organization, id_words.join("-"));
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let phrase = near.phrase_as_written.join(" ");
        let title = match c.unit {
            _ if phrase.is_empty() => format!("Untitled ({unit}): name it"),
            CandidateUnit::Usd => format!("{} (USD)", capitalize(&phrase)),
            CandidateUnit::Percent => format!("Share of {phrase}"),
            _ => capitalize(&phrase),
        };
        let p = ProposedMetric { id, title, unit };
        self.taken.insert(p.id.clone());
        self.proposed.insert(key, p.clone());
        p
    }
}

/// Whether a candidate of `unit` may be a figure of a metric in `metric_unit`.
fn unit_fits(unit: CandidateUnit, metric_unit: &str) -> bool {
    match unit {
        CandidateUnit::People => metric_unit == "people",
        CandidateUnit::Usd => metric_unit == "usd",
        CandidateUnit::Percent => metric_unit == "percent",
        // Things are counted in `count` or in a unit the site named (`sessions`).
        CandidateUnit::Count => !matches!(metric_unit, "people" | "usd" | "percent"),
    }
}

/// The words around a candidate's number.
#[derive(Debug, Default)]
struct Near {
    /// The noun phrase after the number, lowercase ("people", "trained").
    phrase: Vec<String>,
    /// The same words as the text writes them.
    phrase_as_written: Vec<String>,
    /// Stems of the content words near the number, each weighed by its nearness:
    /// `1 / (1 + d)` for the word `d` words away (the nearest occurrence counts).
    window: HashMap<String, f32>,
}

impl Near {
    fn of(c: &Candidate) -> Near {
        let q = &c.quote;
        let Some((start, end)) = number_span(c) else {
            return Near {
                window: content_stems(q).into_iter().map(|s| (s, 0.1)).collect(),
                ..Near::default()
            };
        };
        let before = words(&q[..start]);
        let after = words(&q[end..]);
        let mut window: HashMap<String, f32> = HashMap::new();
        let near_words =
            (before.iter().rev().take(6).enumerate()).chain(after.iter().take(8).enumerate());
        for (d, w) in near_words {
            let weight = 1.0 / (1.0 + d as f32);
            for s in content_stems(w) {
                let e = window.entry(s).or_insert(0.0);
                *e = e.max(weight);
            }
        }
        let (mut phrase_as_written, mut phrase) = phrase_after(&q[end..]);
        if phrase.is_empty() {
            // "a total of $2.7 million.": the nearest content word before it.
            if let Some(w) = before
                .iter()
                .rev()
                .find(|w| !is_function_word(w) && !UNIT_WORDS.contains(&w.as_str()))
                .filter(|w| w.chars().any(char::is_alphabetic))
            {
                phrase = vec![w.clone()];
                phrase_as_written = phrase.clone();
            }
        }
        Near {
            phrase,
            phrase_as_written,
            window,
        }
    }
}

/// Where the candidate's number stands in its quote (for a range, from the low end to
/// the high end): the reading of the quote with the candidate's value.
fn number_span(c: &Candidate) -> Option<(usize, usize)> {
    let found = numerals::find(&c.quote);
    let value_of = |f: &numerals::Found| match f.kind {
        FoundKind::Fraction => f.value * 100.0,
        _ => f.value,
    };
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
    let low = found.iter().find(|f| same(value_of(f), c.value))?;
    let end = match c.value_max {
        Some(high) => found
            .iter()
            .find(|f| f.start >= low.end && same(value_of(f), high))
            .map_or(low.end, |f| f.end),
        None => low.end,
    };
    Some((low.start, end))
}

/// Nouns naming people that are plural without an "s".
const PLURAL_WITHOUT_S: &[&str] = &["people", "women", "men", "children", "staff", "youth"];

/// The noun phrase at the start of `rest` (the text after a number), as written and
/// lowercase: up to four content words, "and"/"or" allowed between them, stopping at
/// punctuation or a function word, and after the first plural noun (the thing counted)
/// with at most one participle after it ("people trained"). Scale and currency words
/// are skipped, and up to two function words before the phrase starts.
fn phrase_after(rest: &str) -> (Vec<String>, Vec<String>) {
    let clause_end = rest
        .char_indices()
        .find(|&(i, ch)| {
            matches!(
                ch,
                ',' | ';' | ':' | '(' | ')' | '!' | '?' | '\u{2014}' | '\u{2013}'
            ) || (ch == '.' && !rest[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map_or(rest.len(), |(i, _)| i);
    let clause = &rest[..clause_end];
    let mut written = Vec::new();
    let mut lower = Vec::new();
    let mut started = false;
    let mut head_found = false;
    let mut leading = 0;
    let mut participle_taken = false;
    for raw in clause.split_whitespace() {
        let w = raw.trim_matches(|ch: char| !ch.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let l = w.to_lowercase();
        if !started && UNIT_WORDS.contains(&l.as_str()) {
            continue;
        }
        // "USD 2.5 million to local projects", "45% of the participants": the thing
        // comes after a function word or two.
        if !started && is_function_word(&l) && leading < 2 {
            leading += 1;
            continue;
        }
        if matches!(l.as_str(), "and" | "or") && started {
            written.push(w.to_string());
            lower.push(l);
            continue;
        }
        if is_function_word(&l) || l.chars().all(|ch| ch.is_ascii_digit()) || lower.len() >= 4 {
            break;
        }
        // After the thing counted, only one participle ("people trained").
        let participle = l.ends_with("ed") && !participle_taken;
        if head_found && !participle {
            break;
        }
        participle_taken = head_found;
        head_found = head_found || is_plural_noun(&l);
        started = true;
        written.push(w.to_string());
        lower.push(l);
    }
    while lower
        .last()
        .is_some_and(|l| matches!(l.as_str(), "and" | "or"))
    {
        lower.pop();
        written.pop();
    }
    (written, lower)
}

/// Whether a lowercase word looks like a plural noun ("networks", "NRIs", "people").
fn is_plural_noun(w: &str) -> bool {
    PLURAL_WITHOUT_S.contains(&w)
        || (w.chars().count() >= 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// How well `m` fits the words near the number, with the reason; `None` when it does
/// not fit.
fn score(m: &Metric, near: &Near, unit: CandidateUnit) -> Option<(f32, String)> {
    // The id's words after the organization's prefix name the metric too.
    let id_words =
        m.id.strip_prefix(&format!("{}-", m.organization))
            .unwrap_or(&m.id)
            .replace('-', " ");
    let mut title: HashSet<String> = content_stems(&m.title).into_iter().collect();
    title.extend(
        content_stems(&id_words)
            .into_iter()
            .filter(|s| !UNIT_WORDS.contains(&s.as_str())),
    );
    let description: HashSet<String> = content_stems(m.description.as_deref().unwrap_or(""))
        .into_iter()
        .filter(|s| !title.contains(s))
        .collect();
    let phrase: HashSet<String> = near.phrase.iter().flat_map(|w| content_stems(w)).collect();
    let matched: Vec<&String> = title
        .iter()
        .filter(|s| near.window.contains_key(*s))
        .collect();
    let in_phrase = matched.iter().any(|s| phrase.contains(*s));
    // Money and shares rarely have a noun after the number; counts always do.
    let names_thing = in_phrase || matches!(unit, CandidateUnit::Usd | CandidateUnit::Percent);
    let covers = matched.len() >= 2 || (!matched.is_empty() && matched.len() * 2 >= title.len());
    if !(names_thing && covers) {
        return None;
    }
    // Nearer words weigh more: "committed $264,100 to support 37 NRIs and sponsored
    // the Global IGF" is about funding committed to NRIs, not about the IGF.
    let weight = |s: &String| near.window.get(s).copied().unwrap_or(0.0);
    let from_description: f32 = description.iter().map(weight).sum();
    let score = matched.iter().map(|s| weight(s)).sum::<f32>()
        + if in_phrase { 0.5 } else { 0.0 }
        + 0.5 * from_description;
    let mut listed: Vec<&str> = matched.iter().map(|s| s.as_str()).collect();
    listed.sort_unstable();
    Some((
        score,
        format!("its words \"{}\" near the number", listed.join("\", \"")),
    ))
}

/// `s` with its first letter in upper case.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bound, Status};

    fn metric(id: &str, title: &str, unit: &str, org: &str) -> Metric {
        Metric {
            id: id.into(),
            title: title.into(),
            unit: unit.into(),
            organization: org.into(),
            description: None,
            action_lines: vec![],
        }
    }

    fn candidate(quote: &str, value: f64, unit: CandidateUnit) -> Candidate {
        Candidate {
            value,
            value_max: None,
            unit,
            bound: Bound::Exact,
            status: Status::Actual,
            year: 2024,
            quote: quote.into(),
            confidence: 0.8,
            reason: String::new(),
        }
    }

    fn site() -> Vec<Metric> {
        vec![
            metric("isoc-people-trained", "People trained", "people", "isoc"),
            metric("itu-people-trained", "People trained", "people", "itu"),
            metric(
                "isoc-countries-reached",
                "Countries reached",
                "count",
                "isoc",
            ),
            metric(
                "isoc-nris-funded",
                "National and regional initiatives (NRIs) funded",
                "count",
                "isoc",
            ),
        ]
    }

    fn chosen(quote: &str, value: f64, unit: CandidateUnit) -> Choice {
        let metrics = site();
        Matcher::new(&metrics, "isoc").choose(&candidate(quote, value, unit))
    }

    fn existing(choice: Choice) -> String {
        match choice {
            Choice::Existing { id, .. } => id,
            Choice::Proposed(p) => panic!("proposed {p:?}"),
        }
    }

    #[test]
    fn existing_metrics_match_in_any_order_or_number() {
        let people = CandidateUnit::People;
        for quote in [
            "We had 3,300 people trained in 2024.",
            "We trained 3,300 people in 2024.",
            "Training reached 3,300 people.",
        ] {
            assert_eq!(
                existing(chosen(quote, 3300.0, people)),
                "isoc-people-trained",
                "{quote}"
            );
        }
        // Singular against a plural title: one word is half of "Countries reached".
        let one = chosen(
            "The programme is now in 1 country.",
            1.0,
            CandidateUnit::Count,
        );
        assert_eq!(existing(one), "isoc-countries-reached");
        assert_eq!(
            existing(chosen(
                "We funded 37 NRIs in 2024.",
                37.0,
                CandidateUnit::Count
            )),
            "isoc-nris-funded"
        );
    }

    #[test]
    fn unit_and_counted_thing_must_fit() {
        // People trained, but a percentage is not a head count.
        let share = chosen(
            "Of the people trained, 45% were women.",
            45.0,
            CandidateUnit::Percent,
        );
        let Choice::Proposed(share) = share else {
            panic!("{share:?}")
        };
        assert_eq!(share.id, "isoc-women-percent");
        assert_eq!(share.title, "Share of women");
        // "funded" alone is not what is counted.
        let other = chosen("We funded 12 schools.", 12.0, CandidateUnit::Count);
        let Choice::Proposed(p) = other else {
            panic!("{other:?}")
        };
        assert_eq!(p.id, "isoc-schools");
        assert_eq!(p.unit, "count");
    }

    #[test]
    fn one_thing_gets_one_proposed_id_in_any_word_order() {
        let metrics = site();
        let mut m = Matcher::new(&metrics, "isoc");
        let a = m.choose(&candidate(
            "We opened 12 community networks in 2023.",
            12.0,
            CandidateUnit::Count,
        ));
        let b = m.choose(&candidate(
            "By then 20 community networks ran.",
            20.0,
            CandidateUnit::Count,
        ));
        let Choice::Proposed(a) = a else { panic!() };
        assert_eq!(a.id, "isoc-community-networks");
        assert_eq!(a.title, "Community networks");
        assert_eq!(Choice::Proposed(a), b);
        // Money: the unit ends the id; an id already taken gets a number.
        let metrics = vec![metric("isoc-grants-usd", "Grants", "count", "isoc")];
        let mut m = Matcher::new(&metrics, "isoc");
        let money = m.choose(&candidate(
            "We gave USD 2.5 million grants to schools.",
            2_500_000.0,
            CandidateUnit::Usd,
        ));
        let Choice::Proposed(p) = money else { panic!() };
        assert_eq!(p.id, "isoc-grants-usd-2");
        assert_eq!(p.title, "Grants (USD)");
    }

    #[test]
    fn the_nearer_words_decide_between_metrics() {
        let metrics = vec![
            metric(
                "isoc-nri-funding-usd",
                "Funding committed to NRIs",
                "usd",
                "isoc",
            ),
            metric(
                "isoc-igf-support-usd",
                "Support to the global IGF",
                "usd",
                "isoc",
            ),
        ];
        let quote =
            "We committed $264,100 to support 37 NRIs and sponsored the global IGF at $100,000.";
        let mut m = Matcher::new(&metrics, "isoc");
        let first = m.choose(&candidate(quote, 264_100.0, CandidateUnit::Usd));
        let second = m.choose(&candidate(quote, 100_000.0, CandidateUnit::Usd));
        assert_eq!(existing(first), "isoc-nri-funding-usd");
        assert_eq!(existing(second), "isoc-igf-support-usd");
    }

    #[test]
    fn own_metrics_come_first() {
        let metrics = site();
        let choice = Matcher::new(&metrics, "itu").choose(&candidate(
            "We trained 50 people.",
            50.0,
            CandidateUnit::People,
        ));
        assert_eq!(existing(choice), "itu-people-trained");
    }
}
