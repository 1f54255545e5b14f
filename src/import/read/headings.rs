//! Whether a line of plain text is a heading by its own words, and at which level:
//! numbered headings ("2.", "2.1 Title", "II. Title", "A. Title", "Section 3") and
//! short all-capital lines. Used for text files and PDF text, which carry no styles.
//!
//! Levels follow the other readers: 1 for a top-level section (a DOCX "Heading 1"),
//! deeper numbering for deeper levels.

/// The most words a heading line holds: longer lines are sentences, whatever their
/// numbering.
const MAX_WORDS: usize = 14;
/// The most characters a heading line holds.
const MAX_CHARS: usize = 120;

/// The heading level `text` (one line, trimmed) has by its own words, or `None` when it
/// reads as ordinary text.
///
/// A heading never ends with `.`, `,`, `;` or `:` (a sentence or a lead-in does), is
/// short, and its title (after any numbering) starts with a capital letter or a digit.
pub(crate) fn heading_level(text: &str) -> Option<u8> {
    let text = text.trim();
    if let Some(level) = action_line_heading(text) {
        return Some(level);
    }
    if text.is_empty()
        || text.chars().count() > MAX_CHARS
        || text.split_whitespace().count() > MAX_WORDS
        || text.ends_with(['.', ',', ';', ':'])
    {
        return None;
    }
    if let Some(level) = numbered(text) {
        return Some(level);
    }
    all_capitals(text).then_some(1)
}

/// The most words an action line's heading holds: the official titles are long ("C1.
/// The role of public governance authorities and all stakeholders in the promotion of
/// ICTs for development").
const MAX_ACTION_LINE_WORDS: usize = 30;

/// A line that opens with the name of a WSIS action line ("WSIS Action Line C4:
/// Capacity building", "Action Line C7 e-health", "C5. Building confidence") and does
/// not end as a sentence: level 2, the level the content model gives action line
/// sections. Such a heading is what tags a report's section with its line.
fn action_line_heading(text: &str) -> Option<u8> {
    if text.split_whitespace().count() > MAX_ACTION_LINE_WORDS || text.ends_with(['.', ',', ';']) {
        return None;
    }
    let lower = text.to_lowercase();
    let rest = lower.strip_prefix("wsis ").unwrap_or(&lower);
    let rest = ["action lines ", "action line ", "al "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let code = rest.strip_prefix('c')?;
    let digits = code.bytes().take_while(u8::is_ascii_digit).count();
    let number: u8 = code[..digits].parse().ok()?;
    let after = code[digits..].chars().next();
    let named = (1..=11).contains(&number)
        && after
            .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '.' | ')' | '-' | '–' | '—'));
    named.then_some(2)
}

/// "Section 3", "Chapter II: Results", "Part 2 Findings", "Annex A".
const DIVISION_WORDS: &[&str] = &["section", "chapter", "part", "annex", "appendix"];

/// The level of a numbered heading: by the depth of its number ("2" → 1, "2.1" → 2),
/// 1 for a Roman numeral or a division word, 2 for a capital letter ("A. Background").
pub(crate) fn numbered(text: &str) -> Option<u8> {
    let (first, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let rest = rest.trim_start();
    if DIVISION_WORDS.contains(&first.to_lowercase().as_str()) {
        // The word must be followed by a number or letter: "Section 3", not "Part of".
        let (number, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let number = number.trim_end_matches(['.', ':']);
        let is_number = !number.is_empty()
            && (number.chars().all(|c| c.is_ascii_digit() || c == '.')
                || is_roman(number)
                || (number.len() == 1 && number.chars().all(|c| c.is_ascii_uppercase())));
        return (is_number && (title.is_empty() || starts_titled(title))).then_some(1);
    }
    if !starts_titled(rest) {
        return None;
    }
    // "2.1" or "2.1." (depth 2), "2." (depth 1): a lone number needs its dot, or "12
    // countries" would be a heading.
    let digits = first.strip_suffix('.').unwrap_or(first);
    let parts: Vec<&str> = digits.split('.').collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        if parts.len() == 1 && !first.ends_with('.') {
            return None;
        }
        return Some(parts.len().min(6) as u8);
    }
    let label = first.strip_suffix('.')?;
    if is_roman(label) {
        return Some(1);
    }
    (label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase())).then_some(2)
}

/// Whether `word` is an upper-case Roman numeral up to 39 (chapter numbers); "I" alone
/// is one too, but only ever read before a dot.
fn is_roman(word: &str) -> bool {
    const ROMANS: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    ROMANS.contains(&word)
}

/// Whether a heading's title starts as titles do: a capital letter or a digit.
fn starts_titled(title: &str) -> bool {
    title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A short line in capitals: at least four letters, none lower-case, and letters the
/// bulk of it (so "2024 – 25%" is not a heading).
pub(crate) fn all_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    letters >= 4 && lower == 0 && upper * 2 >= text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::heading_level;

    #[test]
    fn numbered_headings_by_depth() {
        assert_eq!(heading_level("2. Background"), Some(1));
        assert_eq!(heading_level("2.1 Capacity building"), Some(2));
        assert_eq!(heading_level("2.1.3. Training of trainers"), Some(3));
        // A year, a count or a decimal opening a line is no section number.
        assert_eq!(heading_level("2030 Agenda"), None);
        assert_eq!(heading_level("3 People"), None);
        assert_eq!(heading_level("3.5 million people"), None);
        assert_eq!(heading_level("II. Results"), Some(1));
        assert_eq!(
            heading_level(
                "WSIS Action Line C1: The role of public governance authorities and all \
                 stakeholders in the promotion of ICTs for development"
            ),
            Some(2)
        );
        assert_eq!(heading_level("Action Line C7 e-health"), Some(2));
        assert_eq!(
            heading_level("C5. Building confidence and security"),
            Some(2)
        );
        assert_eq!(heading_level("AL C3 – Access to information"), Some(2));
        assert_eq!(heading_level("C12: not a line"), None);
        assert_eq!(heading_level("C4 is where we trained 300 people."), None);
        assert_eq!(heading_level("Cooperation"), None);
        assert_eq!(heading_level("A. Regional activities"), Some(2));
        assert_eq!(heading_level("Section 3"), Some(1));
        assert_eq!(heading_level("Chapter IV Outlook"), Some(1));
    }

    #[test]
    fn all_capital_lines() {
        assert_eq!(heading_level("EXECUTIVE SUMMARY"), Some(1));
        assert_eq!(heading_level("WSIS"), Some(1));
        assert_eq!(heading_level("UN"), None);
        assert_eq!(heading_level("2024 – 25%"), None);
    }

    #[test]
    fn sentences_and_counts_are_not_headings() {
        assert_eq!(heading_level("12 countries joined the programme"), None);
        assert_eq!(heading_level("2. We trained 300 people."), None);
        assert_eq!(heading_level("2. the first item"), None);
        assert_eq!(heading_level("Part of the work was done remotely"), None);
        assert_eq!(heading_level("Introduction:"), None);
        assert_eq!(heading_level("2020 2021"), None);
        assert_eq!(heading_level("Some ordinary words"), None);
    }
}
