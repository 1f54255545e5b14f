//! Splitting plain text into sentences, each a byte span of the text.
//!
//! Text is first cut into blocks: a blank line ends a block, and so does a line break
//! before a bullet or a heading, or after a heading. Other line breaks are inside a
//! paragraph, so a sentence may run across them. Within a block a sentence ends at
//! `.`, `!` or `?` (closing quotes and brackets kept) followed by a space and a capital
//! letter, a digit, a quote or a bracket, except after an abbreviation ("e.g.",
//! "U.S.", "No.", an initial) or an ellipsis. A point between digits ("2.5") is never
//! followed by a space, so it never ends a sentence. One pass, linear in the text.

use std::ops::Range;

/// Words whose point does not end a sentence (compared without the point, lowercase).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "cf", "no", "nos", "nr", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "inc",
    "ltd", "co", "corp", "approx", "fig", "figs", "vol", "p", "pp", "para", "art", "ch", "sec",
    "op", "cit", "ibid", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m", "al",
];

/// The sentences of `text`, as byte spans of `text`, trimmed of spaces and of a leading
/// bullet or heading mark, in text order; empty sentences are skipped.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in blocks(text) {
        split_block(text, block, &mut out);
    }
    out
}

/// Whether a line (without its line break) is a bullet item.
fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with('•')
        || t.starts_with('▪')
        || t.starts_with('◦')
        || t.starts_with('·')
}

/// Whether a line (without its line break) is a heading: a Markdown heading, a line
/// all in bold, or a numbered line ("1.", "2.3", "IV.") with no final point.
pub(crate) fn is_heading(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('#') || (t.len() > 4 && t.starts_with("**") && t.ends_with("**")) {
        return true;
    }
    let numbered = t
        .split_once(' ')
        .map(|(first, _)| {
            first.ends_with('.')
                && first
                    .trim_end_matches('.')
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || "IVXLC".contains(c))
                && !first.trim_end_matches('.').is_empty()
        })
        .unwrap_or(false);
    numbered && !t.ends_with(['.', '!', '?', ',', ';', ':'])
}

/// The blocks (paragraphs, bullets, headings) of `text`, as byte spans.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_heading = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let (line_start, line_end) = (pos, pos + bare.len());
        pos += line.len();
        if bare.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..line_start);
            }
            prev_heading = false;
            continue;
        }
        let heading = is_heading(bare);
        if (heading || is_bullet(bare) || prev_heading)
            && let Some(s) = start.take()
        {
            out.push(s..line_start);
        }
        if start.is_none() {
            start = Some(line_start);
        }
        let _ = line_end;
        prev_heading = heading;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Splits one block into sentences, appending trimmed non-empty spans.
fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    let b = &text[block.clone()];
    let mut start = 0;
    let mut iter = b.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Extend over further points ("...") and closing quotes or brackets.
        let mut end = i + c.len_utf8();
        let mut dots = usize::from(c == '.');
        while let Some(&(j, d)) = iter.peek() {
            if matches!(
                d,
                '.' | '!' | '?' | '"' | '\'' | '’' | '”' | ')' | ']' | '*'
            ) {
                dots += usize::from(d == '.');
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &b[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue; // no space after: "2.5", "e.g.", "U.S."
        }
        let next = after_space.chars().next();
        let starts_sentence = match next {
            None => true,
            Some(n) => {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '‘' | '(' | '[' | '*' | '-' | '•')
            }
        };
        if !starts_sentence || dots >= 3 || b[..i].ends_with('…') {
            continue;
        }
        // A section number ("1." "2.3.") at the start of a block is not a sentence.
        let so_far = b[start..i].trim_start();
        let section = start == 0 && so_far.chars().all(|c| c.is_ascii_digit() || c == '.');
        if section || (c == '.' && dots == 1 && is_abbreviation(&b[start..i])) {
            continue;
        }
        push(text, block.start + start..block.start + end, out);
        start = end;
    }
    push(text, block.start + start..block.end, out);
}

/// Whether the word that ends `before` (the text up to a point) is an abbreviation
/// or a single capital letter (an initial).
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Trims spaces, bullet and heading marks from a span and appends it when not empty.
fn push(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[span.clone()];
    let mut rest = s.trim_start();
    loop {
        let t = rest
            .trim_start_matches(['•', '▪', '◦', '·', '#'])
            .trim_start();
        let t = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .unwrap_or(t)
            .trim_start();
        if t.len() == rest.len() {
            break;
        }
        rest = t;
    }
    let lead = s.len() - rest.len();
    let trail = s.len() - s.trim_end().len();
    let (a, b) = (span.start + lead, span.end - trail);
    if a < b {
        out.push(a..b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One is here. Two is there! Three?"),
            ["One is here.", "Two is there!", "Three?"]
        );
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        assert_eq!(
            split("Some, e.g. Kenya, grew 2.5 times. The U.S. Congress met. See No. 5 here."),
            [
                "Some, e.g. Kenya, grew 2.5 times.",
                "The U.S. Congress met.",
                "See No. 5 here."
            ]
        );
        assert_eq!(
            split("J. Smith wrote it. Done."),
            ["J. Smith wrote it.", "Done."]
        );
    }

    #[test]
    fn ellipsis_does_not_split() {
        assert_eq!(
            split("We waited... Then it came."),
            ["We waited... Then it came."]
        );
        assert_eq!(
            split("We waited… Then it came."),
            ["We waited… Then it came."]
        );
    }

    #[test]
    fn lines_rejoined_inside_a_paragraph() {
        let text = "We trained 40\npeople in 2023. It\nworked.\n\nNext one.";
        assert_eq!(
            split(text),
            ["We trained 40\npeople in 2023.", "It\nworked.", "Next one."]
        );
    }

    #[test]
    fn bullets_and_headings_are_their_own_blocks() {
        let text = "## Results\nWe did it\n- 40 people trained\n- 3 countries\n1. Executive summary\nText here.";
        assert_eq!(
            split(text),
            [
                "Results",
                "We did it",
                "40 people trained",
                "3 countries",
                "1. Executive summary",
                "Text here."
            ]
        );
        assert_eq!(
            split("**Bold title**\nBody text."),
            ["**Bold title**", "Body text."]
        );
    }

    #[test]
    fn spans_are_verbatim() {
        let text = "  Ünïcode text. Ñext…\n\n";
        for r in sentences(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert!(sentences("").is_empty());
        assert!(sentences("\n\n  \n").is_empty());
    }
}
