//! A [`Document`]'s body as Markdown for the draft report: headings, paragraphs,
//! lists and GFM tables, every text escaped so that the rendered text is the source's
//! exactly (a `*` stays a star, "1." at the start of a paragraph stays text), which is
//! what lets `wsis check` find each quote.

use super::document::{Block, Document};

impl Document {
    /// The body as Markdown: the submission's own Markdown when it was written in it
    /// ([`Document::markdown`]), else the blocks written out with their text escaped.
    pub fn to_markdown(&self) -> String {
        if let Some(markdown) = &self.markdown {
            return markdown.clone();
        }
        let mut out = String::new();
        // Two lists in a row would merge into one: the second takes the other marker.
        let mut previous_list: Option<bool> = None;
        let mut alternate = false;
        for block in &self.blocks {
            let chunk = match block {
                Block::Heading { level, text } => {
                    format!(
                        "{} {}",
                        "#".repeat(usize::from((*level).clamp(1, 6))),
                        escape(text)
                    )
                }
                Block::Paragraph(text) => escape(text),
                Block::List { ordered, items } => {
                    alternate = previous_list == Some(*ordered) && !alternate;
                    list(*ordered, items, alternate)
                }
                Block::Table(rows) => table(rows),
            };
            previous_list = match block {
                Block::List { ordered, .. } => Some(*ordered),
                _ => None,
            };
            if chunk.trim().is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&chunk);
        }
        out.push('\n');
        out
    }
}

fn list(ordered: bool, items: &[String], alternate: bool) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match (ordered, alternate) {
            (true, false) => out.push_str(&format!("{}. ", i + 1)),
            (true, true) => out.push_str(&format!("{}) ", i + 1)),
            (false, false) => out.push_str("- "),
            (false, true) => out.push_str("* "),
        }
        out.push_str(&escape(item));
    }
    out
}

/// A GFM pipe table; the first row is the header, short rows are padded.
fn table(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let row = |cells: &[String]| {
        let mut line = String::from("|");
        for i in 0..width {
            let cell = cells.get(i).map(|c| escape(c)).unwrap_or_default();
            line.push(' ');
            line.push_str(&cell);
            line.push_str(" |");
        }
        line
    };
    let mut out = row(&rows[0]);
    out.push('\n');
    out.push('|');
    out.push_str(&" --- |".repeat(width));
    for cells in &rows[1..] {
        out.push('\n');
        out.push_str(&row(cells));
    }
    out
}

/// `text` (one line: line breaks and tabs become spaces, both ends trimmed) escaped so
/// that Markdown renders it as this very text: the characters that start emphasis,
/// code, links, HTML, tables, strikethrough or entities get a backslash, and so do
/// the marks that would make the line a heading, quotation, list item or rule.
pub(crate) fn escape(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let text = text.trim_matches([' ', '\u{c}']);
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '#' => true,
            // An entity or character reference would be decoded.
            '&' => next.is_some_and(|n| n.is_alphanumeric() || n == '#'),
            '>' | '-' | '+' | '=' => i == 0,
            // "1." or "2)" at the start opens an ordered list.
            '.' | ')' => {
                chars[..i].iter().all(char::is_ascii_digit)
                    && (1..=9).contains(&i)
                    && next.is_none_or(|n| n == ' ')
            }
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::MARKDOWN_OPTIONS;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Parser};

    /// The text Markdown renders to, each block's on its own line.
    fn rendered(markdown: &str) -> String {
        let mut out = String::new();
        for event in Parser::new_ext(markdown, MARKDOWN_OPTIONS) {
            match event {
                Event::Text(t) | Event::Code(t) => out.push_str(&t),
                Event::SoftBreak | Event::HardBreak => out.push('\n'),
                Event::End(_) if !out.ends_with('\n') && !out.is_empty() => out.push('\n'),
                _ => {}
            }
        }
        out
    }

    proptest! {
        #[test]
        fn escaped_text_renders_as_itself(s in "[ -~éß€\u{a0}“”]{0,40}|\\PC{0,20}") {
            let s = s.trim();
            prop_assume!(!s.is_empty());
            prop_assert_eq!(rendered(&escape(s)), format!("{s}\n"));
        }

        #[test]
        fn escaped_items_and_cells_render_as_themselves(
            a in "[ -~]{1,30}", b in "[ -~]{1,30}"
        ) {
            let (a, b) = (a.trim(), b.trim());
            prop_assume!(!a.is_empty() && !b.is_empty());
            let doc = Document {
                blocks: vec![
                    Block::List { ordered: true, items: vec![a.into(), b.into()] },
                    Block::Table(vec![vec![a.into(), b.into()], vec![b.into(), a.into()]]),
                    Block::Heading { level: 2, text: a.into() },
                ],
                ..Document::default()
            };
            prop_assert_eq!(
                rendered(&doc.to_markdown()),
                format!("{a}\n{b}\n{a}\n{b}\n{b}\n{a}\n{a}\n")
            );
        }
    }

    #[test]
    fn blocks_as_markdown() {
        let doc = Document {
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "Report *2024*".into(),
                },
                Block::Paragraph("1. Not a list, 50% <b>".into()),
                Block::List {
                    ordered: false,
                    items: vec!["one".into()],
                },
                Block::List {
                    ordered: false,
                    items: vec!["two".into()],
                },
                Block::Table(vec![vec!["A".into(), "B".into()], vec!["1|2".into()]]),
            ],
            ..Document::default()
        };
        assert_eq!(
            doc.to_markdown(),
            "# Report \\*2024\\*\n\n1\\. Not a list, 50% \\<b>\n\n- one\n\n* two\n\n\
             | A | B |\n| --- | --- |\n| 1\\|2 |  |\n"
        );
    }

    #[test]
    fn markdown_as_written_is_kept() {
        let doc = Document {
            markdown: Some("# Mine *as is*\n".into()),
            ..Document::default()
        };
        assert_eq!(doc.to_markdown(), "# Mine *as is*\n");
    }
}
