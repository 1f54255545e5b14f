//! The numbered paragraphs of a source document (a resolution, an outcome document).
//!
//! A paragraph is an ordered-list item at the top level of the text whose number is
//! written at the start of its line (`113. We request ...`). Its number is read from
//! the source text, not taken from pulldown-cmark's list counter: a site transcribes
//! only the paragraphs it quotes, and the counter would renumber `67.` followed by
//! `113.` as 67 and 68. Lettered sub-items (`(a) ...`) are not list items in
//! CommonMark, so they stay inside their paragraph's text.

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::quotes::Block;
use super::{LineCounter, RenderSettings, Rendered};

/// A numbered paragraph as transcribed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Numbered {
    /// The number written in the text.
    pub(crate) number: u32,
    /// The line of the file the number is on.
    pub(crate) line: usize,
    /// The column of the number's first digit, counted in characters from 1.
    pub(crate) column: usize,
    /// The paragraph's plain text, folded as quotes are ([`super::normalise_quote`]):
    /// whitespace runs as one space, typographic quotes and dashes made plain.
    pub(crate) text: String,
}

/// Renders a source document's Markdown as a report's is (sanitised, with heading
/// ids), with each numbered paragraph as `<li id="para-N" value="N">`, and returns
/// the paragraphs' text in [`Rendered::paragraphs`].
pub(crate) fn render_document(text: &str, s: &RenderSettings<'_>) -> Rendered {
    super::render_with(text, &[], s, true)
}

/// The anchor id of paragraph `n`, as the document page's links name it.
pub(super) use crate::urls::paragraph_anchor as anchor;

/// The event index of each numbered paragraph's `Start(Item)`, with its number.
pub(super) fn numbered_items(
    text: &str,
    events: &[Event<'_>],
    offsets: &[usize],
) -> HashMap<usize, u32> {
    let mut out = HashMap::new();
    // The open containers: whether each is an ordered list. An item is a paragraph
    // only in an ordered list that is itself in no other container.
    let mut open: Vec<bool> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::Item) if open == [true] => {
                if let Some(n) = number_at(text, offsets[i]) {
                    out.insert(i, n);
                }
                open.push(false);
            }
            Event::Start(Tag::List(first)) => open.push(first.is_some()),
            Event::Start(
                Tag::Item
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::Table(_)
                | Tag::HtmlBlock,
            ) => open.push(false),
            Event::End(
                TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::Table
                | TagEnd::HtmlBlock,
            ) => {
                open.pop();
            }
            _ => {}
        }
    }
    out
}

/// The number of the list marker at byte `offset`, when only up to three spaces come
/// before it on its line (a marker indented further would be a code block or a
/// continuation) and it is written in digits followed by `.` or `)`.
fn number_at(text: &str, offset: usize) -> Option<u32> {
    // The item may start at its line's indentation or at the marker itself.
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    if indent > 3 || offset > line_start + indent {
        return None;
    }
    let rest = &line[indent..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    // CommonMark allows at most nine digits, which always fit a u32.
    if digits == 0 || !matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Each numbered paragraph's text (its blocks' text, joined by spaces), line and
/// column, in document order.
pub(super) fn texts(
    items: &HashMap<usize, u32>,
    events: &[Event<'_>],
    offsets: &[usize],
    blocks: &[Block],
    text: &str,
    first_line: usize,
) -> Vec<Numbered> {
    let mut starts: Vec<usize> = items.keys().copied().collect();
    starts.sort_unstable();
    let mut lines = LineCounter::new(text, first_line);
    starts
        .into_iter()
        .map(|start| {
            let end = item_end(events, start);
            let mut joined = String::new();
            for b in blocks.iter().filter(|b| (start..end).contains(&b.start)) {
                if !b.text.text.is_empty() {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    joined.push_str(&b.text.text);
                }
            }
            let offset = offsets[start];
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let indent = text[line_start..]
                .bytes()
                .take_while(|&b| b == b' ')
                .count();
            Numbered {
                number: items[&start],
                line: lines.line_at(offset),
                column: indent + 1,
                text: joined,
            }
        })
        .collect()
}

/// The index of the `End(Item)` closing the item opened at `start`.
fn item_end(events: &[Event<'_>], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::Item) => depth += 1,
            Event::End(TagEnd::Item) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LineId;

    fn render(md: &str) -> Rendered {
        static CODE: fn(&str) -> Option<LineId> = |_| None;
        let s = RenderSettings {
            base_path: "/",
            line_code: &CODE,
            allow_unsafe_html: false,
            first_line: 10,
        };
        render_document(md, &s)
    }

    #[test]
    fn numbers_are_read_from_the_text_not_counted() {
        let md = "Intro.\n\n## Para 5\n\n5. We note the\n   first point.\n\n113. We ask:\n\n     (a) one thing;\n\n     (b) another.\n";
        let r = render(md);
        let got: Vec<_> = r
            .paragraphs
            .iter()
            .map(|p| (p.number, p.line, p.column, p.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (5, 14, 1, "We note the first point."),
                (113, 17, 1, "We ask: (a) one thing; (b) another."),
            ]
        );
        let html = &r.body.html.unpack();
        assert!(html.contains(r#"<li id="para-5" value="5">"#), "{html}");
        assert!(html.contains(r#"<li id="para-113" value="113">"#), "{html}");
        // The heading does not take a paragraph's id.
        assert!(html.contains(r#"<h2 id="para-5-2">"#), "{html}");
    }

    #[test]
    fn nested_and_quoted_lists_are_not_paragraphs() {
        let md = "1. Top\n   1. nested\n\n> 2. quoted\n\n- 3. bullet\n";
        let numbers: Vec<u32> = render(md).paragraphs.iter().map(|p| p.number).collect();
        assert_eq!(numbers, vec![1]);
    }

    #[test]
    fn sanitised_text_keeps_the_numbers() {
        let r = render("7. Text <b onclick=\"x()\">bold</b>.\n");
        assert!(
            r.body
                .html
                .unpack()
                .contains(r#"<li id="para-7" value="7">"#),
            "{}",
            r.body.html.unpack()
        );
        assert!(!r.body.html.unpack().contains("onclick"));
    }

    #[test]
    fn reports_have_no_numbered_paragraphs() {
        static CODE: fn(&str) -> Option<LineId> = |_| None;
        let s = RenderSettings {
            base_path: "/",
            line_code: &CODE,
            allow_unsafe_html: false,
            first_line: 1,
        };
        let r = super::super::render("3. Item\n", &[], &s);
        assert!(r.paragraphs.is_empty());
        assert!(
            r.body.html.unpack().contains("<li>Item</li>"),
            "{}",
            r.body.html.unpack()
        );
    }

    #[test]
    fn odd_markers_do_not_panic() {
        let numbers =
            |md: &str| -> Vec<u32> { render(md).paragraphs.iter().map(|p| p.number).collect() };
        assert_eq!(
            numbers("1) Paren.\n\n999999999. Nine digits.\n"),
            vec![1, 999_999_999]
        );
        assert_eq!(numbers("   2. Indented three.\n"), vec![2]);
        assert_eq!(numbers("    2. Code block.\n"), Vec::<u32>::new());
        for md in [
            "1.",
            "1.\n",
            "é\n1. x",
            "\t1. x",
            "1. \n2.",
            "0. zero",
            "1. [a](/x)\n\n> 1. y",
        ] {
            render(md);
        }
        assert_eq!(numbers("0. zero\n"), vec![0]);
    }
}
