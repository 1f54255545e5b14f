//! Lines of text (a text file's, or a PDF's text layer) into blocks: blank lines end
//! paragraphs, wrapped lines are re-joined, hyphenation at line ends undone where it
//! surely is one, bullets and numbers become lists, headings are recovered, and lone
//! page numbers dropped.
//!
//! The rules only look at the lines themselves (and, from a PDF, their font size and
//! weight), never at particular phrases, so they hold for submissions nobody has seen.

use super::headings::heading_level;
use super::hyphens::{Joiner, Vocabulary};
use super::listitems::list_marker;
use crate::import::document::Block;

/// One line of text as a reader found it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    /// The line's text; blank for a blank line. A form feed (`"\u{c}"`, see
    /// [`Line::page_break`]) marks a page break.
    pub(crate) text: String,
    /// The font size, when the source has one (PDF).
    pub(crate) size: Option<f32>,
    /// Whether the whole line is bold, when the source says (PDF).
    pub(crate) bold: bool,
}

impl Line {
    /// A line of plain text, with no font information.
    pub(crate) fn plain(text: impl Into<String>) -> Self {
        Line {
            text: text.into(),
            ..Line::default()
        }
    }

    /// A page break: it ends the paragraph unless the text plainly runs on across it
    /// (no final punctuation before, a lower-case word after).
    pub(crate) fn page_break() -> Self {
        Line::plain("\u{c}")
    }

    fn is_page_break(&self) -> bool {
        self.text.contains('\u{c}')
    }
}

/// Most words a line set apart by its font (larger or bold) holds to be a heading.
const MAX_STYLED_HEADING_WORDS: usize = 20;
/// The smallest ratio of a line's font size to the body's that makes it a heading.
const LARGER_FONT: f32 = 1.15;

/// The blocks `lines` hold, in order.
pub(crate) fn blocks_from_lines(lines: &[Line]) -> Vec<Block> {
    let groups = paragraphs(lines);
    let words = Vocabulary::new(lines.iter().map(|l| l.text.as_str()));
    let fonts = Fonts::of(lines);
    let mut out = Builder::default();
    for (index, group) in groups.iter().enumerate() {
        // The document's first line, short and standing alone, is its title.
        if index == 0
            && group.len() == 1
            && is_title_like(&group[0].text)
            && !group[0].text.trim().ends_with(['.', ',', ';', ':'])
        {
            out.push(Block::Heading {
                level: 1,
                text: group[0].text.trim().to_string(),
            });
            continue;
        }
        out.group(group, &words, &fonts);
    }
    out.finish()
}

/// Splits `lines` into paragraphs at blank lines, dropping lone page numbers; a
/// paragraph cut by a page break (or a dropped page number) runs on when it ends
/// without final punctuation and the next line starts with a lower-case letter.
fn paragraphs(lines: &[Line]) -> Vec<Vec<&Line>> {
    let mut groups: Vec<Vec<&Line>> = Vec::new();
    let mut current: Vec<&Line> = Vec::new();
    // A page break since the last text line: the paragraph may run on.
    let mut broke = false;
    for line in lines {
        if line.is_page_break() || is_page_number(&line.text) {
            broke = true;
            continue;
        }
        if line.text.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            continue;
        }
        if broke {
            broke = false;
            let runs_on = groups.last().is_some_and(|last| {
                current.is_empty() && last.last().is_some_and(|l| !ends_sentence(&l.text))
            }) && starts_lowercase(&line.text);
            if runs_on {
                // The paragraph before the break continues with this line.
                current = groups.pop().unwrap_or_default();
            } else if current
                .last()
                .is_some_and(|l| ends_sentence(&l.text) && !starts_lowercase(&line.text))
            {
                // A page break with no blank line: it ends the paragraph only where a
                // sentence ended and a new one starts.
                groups.push(std::mem::take(&mut current));
            }
        }
        current.push(line);
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// Whether `text` is a lone page number: "12", "- 4 -", "Page 3 of 10", "3 / 10",
/// "p. 7", "xii".
pub(crate) fn is_page_number(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    let small_number = |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
    };
    let dashes: &[char] = &['-', '–', '—'];
    let inner = t.trim_matches(dashes).trim();
    if inner.len() < t.len() && t.starts_with(dashes) && t.ends_with(dashes) {
        return small_number(inner);
    }
    // Up to three digits: a four-digit line is more often a year than a page.
    if t.len() <= 3 && small_number(t) {
        return true;
    }
    let lower = t.to_lowercase();
    let rest = lower
        .strip_prefix("page")
        .or_else(|| lower.strip_prefix("p."))
        .unwrap_or(&lower);
    let (page, total) = match rest.split_once(" of ").or_else(|| rest.split_once('/')) {
        Some((page, total)) => (page, Some(total)),
        None => (rest, None),
    };
    let prefixed = rest.len() < lower.len();
    let numbered = (prefixed || total.is_some()) && small_number(page);
    // Lower-case Roman numerals number front matter pages.
    (numbered && total.is_none_or(small_number))
        || (t.len() <= 5 && t.chars().all(|c| "ivxl".contains(c)))
}

/// Whether a line ends a sentence (or a lead-in): a paragraph ending so does not run
/// on across a page break.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':', ';'])
}

fn starts_lowercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A short line that could be a title or a heading: a few words, no final full stop.
fn is_title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=15).contains(&words) && text.chars().any(char::is_alphabetic)
}

/// The font sizes of a PDF's lines: the body's is the one most characters are set in.
struct Fonts {
    body: Option<f32>,
}

impl Fonts {
    fn of(lines: &[Line]) -> Self {
        let mut counts: Vec<(f32, usize)> = Vec::new();
        for line in lines {
            let Some(size) = line.size else { continue };
            let chars = line.text.trim().chars().count();
            match counts.iter_mut().find(|(s, _)| (s - size).abs() < 0.25) {
                Some((_, n)) => *n += chars,
                None => counts.push((size, chars)),
            }
        }
        let body = counts.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
        Fonts { body }
    }

    /// A heading level for a paragraph set apart by its font: larger than the body,
    /// or bold throughout; `None` for body text or text with no font information.
    fn level(&self, group: &[&Line]) -> Option<u8> {
        let text: Vec<&str> = group.iter().map(|l| l.text.trim()).collect();
        let words: usize = text.iter().map(|t| t.split_whitespace().count()).sum();
        let last = text.last()?;
        if words > MAX_STYLED_HEADING_WORDS || last.ends_with(['.', ',', ';', ':']) {
            return None;
        }
        let body = self.body?;
        let size = group.iter().map(|l| l.size).min_by(|a, b| {
            a.unwrap_or(0.0)
                .partial_cmp(&b.unwrap_or(0.0))
                .unwrap_or(std::cmp::Ordering::Equal)
        })??;
        if size >= body * LARGER_FONT * LARGER_FONT {
            Some(1)
        } else if size >= body * LARGER_FONT {
            Some(2)
        } else if group.iter().all(|l| l.bold) {
            Some(3)
        } else {
            None
        }
    }
}

/// Collects blocks, merging list items that follow each other into one list.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
}

impl Builder {
    fn push(&mut self, block: Block) {
        if let (
            Block::List { ordered, items },
            Some(Block::List {
                ordered: prev,
                items: prev_items,
            }),
        ) = (&block, self.blocks.last_mut())
            && ordered == prev
        {
            prev_items.extend(items.iter().cloned());
            return;
        }
        self.blocks.push(block);
    }

    /// Adds one paragraph's lines: a heading, a list, or a paragraph (a group may hold
    /// text, then a list, as in "We did three things:" followed by bullets).
    fn group(&mut self, group: &[&Line], words: &Vocabulary, fonts: &Fonts) {
        let joined = || {
            let mut j = Joiner::new(words);
            group.iter().for_each(|l| j.push(&l.text));
            j.finish()
        };
        // A heading may wrap onto a second line, but two marked lines are two items.
        if group.len() == 1 || (group.len() == 2 && list_marker(&group[1].text).is_none()) {
            let text = joined();
            if let Some(level) = fonts.level(group).or_else(|| heading_level(&text)) {
                self.push(Block::Heading { level, text });
                return;
            }
        }
        // A heading on the group's first line, the text following without a blank.
        let rest = match group.split_first() {
            Some((first, rest))
                if !rest.is_empty() && standalone_heading(&first.text, &rest[0].text) =>
            {
                let text = first.text.trim().to_string();
                let level = heading_level(&text).unwrap_or(1);
                self.push(Block::Heading { level, text });
                rest
            }
            _ => group,
        };
        self.lines(rest, words);
    }

    /// Adds the paragraph and list items among `lines`: a marked line starts an item,
    /// an unmarked line continues the item (or paragraph) before it.
    fn lines(&mut self, lines: &[&Line], words: &Vocabulary) {
        let mut text = Joiner::new(words);
        let mut item: Option<bool> = None;
        for line in lines {
            if let Some((ordered, rest)) = list_marker(&line.text) {
                self.flush(&mut text, item);
                item = Some(ordered);
                text.push(rest);
            } else {
                text.push(&line.text);
            }
        }
        self.flush(&mut text, item);
    }

    fn flush(&mut self, text: &mut Joiner<'_>, item: Option<bool>) {
        let done = std::mem::replace(text, Joiner::new(text.vocabulary()));
        let done = done.finish();
        if done.is_empty() {
            return;
        }
        self.push(match item {
            Some(ordered) => Block::List {
                ordered,
                items: vec![done],
            },
            None => Block::Paragraph(done),
        });
    }

    fn finish(self) -> Vec<Block> {
        self.blocks
    }
}

/// Whether `first`, directly followed by `next` with no blank line between, is a
/// heading of its own: numbered or in capitals (a plain short line would be a wrapped
/// sentence), and the text after it starts a sentence, not a list item ("1. Train" then
/// "2. Build" is a list).
fn standalone_heading(first: &str, next: &str) -> bool {
    heading_level(first).is_some()
        && list_marker(next).is_none()
        && next
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        let lines: Vec<Line> = text.lines().map(Line::plain).collect();
        blocks_from_lines(&lines)
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "12",
            "- 4 -",
            "– 17 –",
            "Page 3 of 10",
            "page 3",
            "3 / 10",
            "p. 7",
            "xii",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2024", "12 countries", "Page one", "pages", "I", "- item"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn a_paragraph_runs_on_across_a_page_break() {
        let got = blocks("Intro\n\nWe trained many\n\n12\n\npeople in 2024.\n\nNext one.");
        assert_eq!(
            got,
            vec![
                Block::Heading {
                    level: 1,
                    text: "Intro".into()
                },
                Block::Paragraph("We trained many people in 2024.".into()),
                Block::Paragraph("Next one.".into()),
            ]
        );
    }

    #[test]
    fn lead_in_then_list_in_one_group() {
        let got = blocks("Some text here.\n\nWe did:\n- one thing\n- another\nthat wraps\n");
        assert_eq!(
            got[1..],
            [
                Block::Paragraph("We did:".into()),
                Block::List {
                    ordered: false,
                    items: vec!["one thing".into(), "another that wraps".into()]
                }
            ]
        );
    }

    #[test]
    fn larger_font_lines_are_headings() {
        let mut lines = vec![Line::plain(
            "Body text starts the document here and runs on.",
        )];
        for l in &mut lines {
            l.size = Some(10.0);
        }
        lines.push(Line::plain(""));
        lines.push(Line {
            text: "Results".into(),
            size: Some(12.0),
            bold: false,
        });
        lines.push(Line::plain(""));
        lines.push(Line {
            text: "More body text that is long enough to be body.".into(),
            size: Some(10.0),
            bold: false,
        });
        let got = blocks_from_lines(&lines);
        assert_eq!(
            got[1],
            Block::Heading {
                level: 2,
                text: "Results".into()
            }
        );
    }
}
