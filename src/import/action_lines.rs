//! Suggested action lines for a text, each with the reason it is suggested.
//!
//! Two kinds of evidence, both read from the site's own `content/action-lines.yaml`
//! so that the rules hold for any site:
//! - the text names a line's code ("C7", "Action Line C4", "AL C3", "C7 e-health");
//! - the text uses the line's own words: its short name or title as a phrase
//!   ("capacity building"), or several of its distinctive words, those that belong to
//!   that line's title, short name or description and to no other line's (so "ICT" or
//!   "information", shared by many lines, prove nothing).
//!
//! The score is the strongest evidence found: a code 1.0, a phrase 0.8, words 0.3 per
//! distinct distinctive word plus 0.05 per repetition (at most 0.75). A line is
//! suggested from [`SUGGEST`]; [`STRONG`] suggestions of the sections make the
//! report's list.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::words::content_stems;

/// Words of action line files that name the frame, not a topic: "Sub-lines" in a
/// description says nothing of what a text using "line" is about.
const FRAME_WORDS: &[&str] = &["action", "line", "wsis", "sub", "plan"];

/// The least score for a suggestion.
pub const SUGGEST: f32 = 0.4;
/// The least score for a suggestion that goes into the report's `action_lines`.
pub const STRONG: f32 = 0.6;

/// An action line as the site defines it.
#[derive(Debug, Clone)]
pub struct ActionLine {
    /// The code (`C4`).
    pub code: String,
    /// The full title.
    pub title: String,
    /// The short name.
    pub short: String,
    /// The description, if any.
    pub description: Option<String>,
}

/// An action line suggested for a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The line's code.
    pub code: String,
    /// How strong the evidence is, from 0 to 1.
    pub score: f32,
    /// What in the text suggests it, for the editor.
    pub reason: String,
}

/// One line's terms, prepared once for every text.
#[derive(Debug)]
struct Terms {
    code: String,
    /// Stem sequences of the short name and the title (two content words or more).
    phrases: Vec<(String, Vec<String>)>,
    /// Stems of the title, short name and description that no other line uses.
    distinctive: HashSet<String>,
}

/// Suggests action lines for texts, from a site's action lines.
#[derive(Debug)]
pub struct Matcher {
    lines: Vec<Terms>,
}

impl Matcher {
    /// Prepares the terms of `lines`.
    pub fn new(lines: &[ActionLine]) -> Matcher {
        let stems: Vec<HashSet<String>> = lines
            .iter()
            .map(|l| {
                let all = format!(
                    "{} {} {}",
                    l.title,
                    l.short,
                    l.description.as_deref().unwrap_or("")
                );
                content_stems(&all).into_iter().collect()
            })
            .collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for set in &stems {
            for s in set {
                *df.entry(s.as_str()).or_default() += 1;
            }
        }
        let terms = lines
            .iter()
            .zip(&stems)
            .map(|(l, set)| Terms {
                code: l.code.clone(),
                phrases: [&l.short, &l.title]
                    .into_iter()
                    .map(|p| (p.to_string(), content_stems(p)))
                    .filter(|(_, s)| s.len() >= 2)
                    .collect(),
                distinctive: set
                    .iter()
                    .filter(|s| {
                        df[s.as_str()] == 1
                            && s.chars().count() >= 3
                            && !FRAME_WORDS.contains(&s.as_str())
                    })
                    .cloned()
                    .collect(),
            })
            .collect();
        Matcher { lines: terms }
    }

    /// The lines suggested for `text`, strongest first (then in the site's order).
    pub fn suggest(&self, text: &str) -> Vec<Suggestion> {
        let named = named_codes(text);
        let stems = content_stems(text);
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for s in &stems {
            *counts.entry(s.as_str()).or_default() += 1;
        }
        let mut out: Vec<Suggestion> = Vec::new();
        for line in &self.lines {
            let mut evidence: Vec<(f32, String)> = Vec::new();
            if let Some((form, n)) = named.get(line.code.as_str()) {
                evidence.push((1.0, format!("the text names \"{form}\"{}", times(*n))));
            }
            if let Some((phrase, _)) = line
                .phrases
                .iter()
                .find(|(_, p)| contains_sequence(&stems, p))
            {
                evidence.push((0.8, format!("the text says \"{phrase}\"")));
            }
            let mut hits: Vec<(&str, usize)> = line
                .distinctive
                .iter()
                .filter_map(|s| counts.get(s.as_str()).map(|&n| (s.as_str(), n)))
                .collect();
            if !hits.is_empty() {
                hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                let repeats: usize = hits.iter().map(|(_, n)| n - 1).sum();
                // One word, however often repeated ("society" in "Information
                // Society"), never makes a strong suggestion alone.
                let cap = if hits.len() == 1 { STRONG - 0.1 } else { 0.75 };
                let score = (0.3 * hits.len() as f32 + 0.05 * repeats as f32).min(cap);
                let listed: Vec<String> = hits
                    .iter()
                    .take(5)
                    .map(|(s, n)| format!("\"{s}\"{}", times(*n)))
                    .collect();
                evidence.push((
                    score,
                    format!(
                        "words only its own title or description uses: {}",
                        listed.join(", ")
                    ),
                ));
            }
            let score = evidence.iter().map(|e| e.0).fold(0.0, f32::max);
            if score >= SUGGEST {
                let reason: Vec<String> = evidence
                    .into_iter()
                    .filter(|e| e.0 >= SUGGEST)
                    .map(|e| e.1)
                    .collect();
                out.push(Suggestion {
                    code: line.code.clone(),
                    score,
                    reason: reason.join("; "),
                });
            }
        }
        // Stable: equal scores keep the site's order.
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }
}

/// " (3 times)" for a count over one.
fn times(n: usize) -> String {
    if n > 1 {
        format!(" ({n} times)")
    } else {
        String::new()
    }
}

/// Whether `seq` occurs in `stems` as consecutive items.
fn contains_sequence(stems: &[String], seq: &[String]) -> bool {
    !seq.is_empty() && stems.windows(seq.len()).any(|w| w == seq)
}

/// The action line codes `text` names, each with the words naming it the first time
/// ("Action Line C7") and how many times. A code is `C` and a number written as one
/// word ("C7"); in lower case ("c7") only after "line" or "AL", since a lone "c7" is
/// more often something else.
fn named_codes(text: &str) -> HashMap<String, (String, usize)> {
    let mut out: HashMap<String, (String, usize)> = HashMap::new();
    let tokens = token_spans(text);
    for (k, &(start, end)) in tokens.iter().enumerate() {
        let token = &text[start..end];
        let Some(digits) = token.strip_prefix(['C', 'c']) else {
            continue;
        };
        if digits.is_empty()
            || digits.len() > 2
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.starts_with('0')
        {
            continue;
        }
        let previous = |back: usize| -> Option<String> {
            let (s, e) = *tokens.get(k.checked_sub(back)?)?;
            Some(text[s..e].to_lowercase())
        };
        let after_line = matches!(previous(1).as_deref(), Some("line" | "lines" | "al"));
        if token.starts_with('c') && !after_line {
            continue;
        }
        // The naming words: "Action Line C7", "AL C3", or the code alone.
        let from = match (previous(2).as_deref(), previous(1).as_deref()) {
            (Some("action"), Some("line" | "lines")) => tokens[k - 2].0,
            (_, Some("al")) => tokens[k - 1].0,
            _ => start,
        };
        let code = format!("C{digits}");
        let entry = out
            .entry(code)
            .or_insert_with(|| (text[from..end].to_string(), 0));
        entry.1 += 1;
    }
    out
}

/// Byte spans of the words of `text` (letters and digits).
fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Whether a suggestion list names `code`.
pub fn has(list: &[Suggestion], code: &str) -> bool {
    list.iter().any(|s| s.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines() -> Vec<ActionLine> {
        let l = |code: &str, title: &str, short: &str, d: Option<&str>| ActionLine {
            code: code.into(),
            title: title.into(),
            short: short.into(),
            description: d.map(Into::into),
        };
        vec![
            l(
                "C3",
                "Access to information and knowledge",
                "Access to information",
                None,
            ),
            l("C4", "Capacity building", "Capacity building", None),
            l(
                "C5",
                "Building confidence and security in the use of ICTs",
                "Confidence and security",
                None,
            ),
            l(
                "C7",
                "ICT applications: benefits in all aspects of life",
                "ICT applications",
                Some("Sub-lines: e-government, e-health, e-learning."),
            ),
        ]
    }

    fn codes(text: &str) -> Vec<String> {
        Matcher::new(&lines())
            .suggest(text)
            .into_iter()
            .map(|s| s.code)
            .collect()
    }

    #[test]
    fn every_spelling_of_a_code_is_read() {
        for text in [
            "Under Action Line C7 we worked with clinics.",
            "Our C7 e-health work grew.",
            "This is AL C7.",
            "See action line c7 below.",
            "WSIS Action Lines C4 and C7 apply.",
        ] {
            assert!(codes(text).contains(&"C7".to_string()), "{text}");
        }
        let m = Matcher::new(&lines());
        let s = &m.suggest("Under Action Line C7 we did this.")[0];
        assert_eq!(s.score, 1.0);
        assert!(s.reason.contains("\"Action Line C7\""), "{}", s.reason);
        // Not codes: a lone lower-case c7, C07, C77X, a code the site lacks.
        assert!(codes("the c7 model and C07 and C77X and C12").is_empty());
    }

    #[test]
    fn words_of_a_title_suggest_a_line_in_any_form_or_order() {
        assert_eq!(codes("We ran capacity-building workshops."), vec!["C4"]);
        assert_eq!(codes("Capacity buildings everywhere."), vec!["C4"]);
        // Other word order: no phrase, but two distinctive words.
        let s = Matcher::new(&lines()).suggest("Security of networks and user confidence.");
        assert_eq!(s[0].code, "C5");
        assert!(s[0].score >= STRONG, "{s:?}");
        assert!(s[0].reason.contains("\"confidence\""), "{}", s[0].reason);
        // Words from the description, singular or plural.
        assert!(codes("e-health and e-learning platforms").contains(&"C7".to_string()));
    }

    #[test]
    fn shared_or_single_words_are_not_enough() {
        // "information" and "ICT" belong to several lines; "building" to C4 and C5.
        assert!(codes("Information about ICT building.").is_empty());
        let weak = Matcher::new(&lines()).suggest("Knowledge is power. Knowledge grows.");
        assert!(weak.iter().all(|s| s.score < STRONG), "{weak:?}");
    }
}
