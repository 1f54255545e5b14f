//! Plain text into a [`Document`]: its lines through the line rules shared with PDF
//! ([`blocks_from_lines`]); the title is the first line when it stands as one.

use super::lines::{Line, blocks_from_lines};
use crate::import::document::{Block, Document};

/// Reads plain text (already decoded, LF line ends). A form feed, which text exported
/// from a PDF puts between pages, is a page break.
pub(super) fn read(text: &str) -> Document {
    let mut lines = Vec::new();
    for line in text.lines() {
        let mut pages = line.split('\u{c}');
        if let Some(first) = pages.next() {
            lines.push(Line::plain(first));
        }
        for page in pages {
            lines.push(Line::page_break());
            lines.push(Line::plain(page));
        }
    }
    let blocks = blocks_from_lines(&lines);
    let title = match blocks.first() {
        Some(Block::Heading { level: 1, text }) => Some(text.clone()),
        _ => None,
    };
    Document {
        title,
        blocks,
        ..Document::default()
    }
}
