//! Characters a report file cannot hold, replaced in what a reader returns.
//!
//! A submission may carry control characters (C0 and C1 controls from a mis-decoded
//! Windows code page, form feeds, DEL) and the non-characters U+FFFE and U+FFFF. YAML
//! refuses them in a document, so a quote or title holding one would make the
//! draft's front matter unreadable; the Markdown writer turns them into spaces in the
//! body. They are made spaces here, once, in every text of the document, so that the
//! quotes, the titles and the body all say the same thing.

use crate::import::document::{Block, Document};

/// Whether `c` is replaced: a control other than a tab or line end, or a
/// non-character YAML refuses.
fn unprintable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// `s` with each unprintable character made a space; untouched (no copy) when it has
/// none, as nearly every text.
fn clean(s: &mut String) {
    if s.contains(unprintable) {
        *s = s
            .chars()
            .map(|c| if unprintable(c) { ' ' } else { c })
            .collect();
    }
}

/// Replaces the unprintable characters of every text of `doc`.
pub(super) fn document(doc: &mut Document) {
    for s in [
        &mut doc.title,
        &mut doc.published,
        &mut doc.author,
        &mut doc.markdown,
    ]
    .into_iter()
    .flatten()
    {
        clean(s);
    }
    for block in &mut doc.blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) => clean(text),
            Block::List { items, .. } => items.iter_mut().for_each(clean),
            Block::Table(rows) => rows.iter_mut().flatten().for_each(clean),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_non_characters_become_spaces_tabs_and_line_ends_stay() {
        let mut doc = Document {
            title: Some("A\u{85}B".into()),
            markdown: Some("x\u{7f}y\r\nz\u{ffff}".into()),
            blocks: vec![
                Block::Paragraph("3,300\u{80} people\tin\n2024\u{fffe}.".into()),
                Block::Table(vec![vec!["\u{1b}[0m".into()]]),
            ],
            ..Document::default()
        };
        document(&mut doc);
        assert_eq!(doc.title.as_deref(), Some("A B"));
        assert_eq!(doc.markdown.as_deref(), Some("x y\r\nz "));
        assert_eq!(
            doc.blocks,
            [
                Block::Paragraph("3,300  people\tin\n2024 .".into()),
                Block::Table(vec![vec![" [0m".into()]]),
            ]
        );
    }
}
