//! The reading flow's lines become blocks: headings (a larger font than the body, or a
//! numbered or all-capital line standing alone), list items (a bullet or a number
//! opening the line, its continuation lines indented), and paragraphs re-joined
//! across line, column and page breaks.

use std::collections::HashMap;

use super::layout::Line;
use crate::import::document::Block;
use crate::import::read::headings;
use crate::import::read::hyphens::{Vocabulary, join};
use crate::import::read::listitems::list_marker;

/// How a line opens a block, if it does.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A heading by font size, with the size.
    Sized(f64),
    /// A body-size heading, numbered; the depth of its numbering ("2.1" → 2).
    Plain(u8),
    /// A body-size heading in capitals.
    Capitals,
    /// A list item; whether numbered, and the byte length of its marker.
    Item(bool, usize),
    /// Body text.
    Body,
}

/// Whether `text` ends a sentence (or introduces what follows, with a colon).
fn terminal(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Where lines of a column begin and end on a page.
type Edges = HashMap<(usize, u8), (f64, f64)>;

struct Flow<'a> {
    body: f64,
    leading: f64,
    edges: Edges,
    vocab: &'a Vocabulary,
}

impl Flow<'_> {
    /// How `line` opens a block; `next` is the line after it.
    fn kind(&self, line: &Line, next: Option<&Line>) -> Kind {
        let words = line.text.split_whitespace().count();
        if line.size >= 1.15 * self.body && words <= 25 {
            return Kind::Sized(line.size);
        }
        // A body-size heading stands alone: short, no sentence end, a break after it.
        let (_, right) = self.edges[&(line.page, line.column)];
        let alone = words <= 12
            && !line.text.ends_with(['.', ',', ';', ':'])
            && (next.is_none_or(|n| self.breaks(line, n)) || line.x1 < right - 8.0 * line.size);
        if alone {
            if let Some(depth) = headings::numbered(&line.text) {
                return Kind::Plain(depth);
            }
            if headings::all_capitals(&line.text) {
                return Kind::Capitals;
            }
        }
        match list_marker(&line.text) {
            Some((ordered, rest)) => Kind::Item(ordered, line.text.len() - rest.len()),
            None => Kind::Body,
        }
    }

    /// Whether `cur` goes on with the list item open since `prev`: indented past the
    /// item's marker at the usual line spacing, or after a column or page break that
    /// came in mid-sentence.
    fn continues_item(&self, prev: &Line, cur: &Line, indent: f64, items: &[String]) -> bool {
        if prev.page != cur.page || prev.column != cur.column {
            return !items.last().is_some_and(|t| terminal(t));
        }
        cur.x0 > indent + 0.5 * cur.size && cur.y - prev.y <= 1.3 * self.leading
    }

    /// Whether a new paragraph starts at `cur` after `prev`.
    fn breaks(&self, prev: &Line, cur: &Line) -> bool {
        if prev.page != cur.page || prev.column != cur.column {
            // A column or page break inside a sentence, or before a lowercase word, is
            // the same paragraph going on.
            return terminal(&prev.text) && !starts_lowercase(&cur.text);
        }
        // A paragraph does not end mid-sentence before a lowercase word, whatever the
        // space between (a figure or a page's own break may stand there).
        if !terminal(&prev.text)
            && starts_lowercase(&cur.text)
            && (cur.size - prev.size).abs() <= 1.0
        {
            return false;
        }
        let (left, right) = self.edges[&(cur.page, cur.column)];
        let gap = cur.y - prev.y;
        (cur.size - prev.size).abs() > 1.0
            || gap <= 0.0
            || gap > 1.3 * self.leading
            || (terminal(&prev.text) && prev.x1 < right - 3.0 * prev.size)
            || (terminal(&prev.text) && cur.x0 > left + cur.size)
    }
}

/// The block being built.
enum Open {
    None,
    Paragraph(String),
    Heading(f64, String),
    List {
        ordered: bool,
        items: Vec<String>,
        /// Where the current item's marker stands (continuation lines are to its right).
        indent: f64,
    },
}

/// The blocks of the reading flow, followed by the footnotes as paragraphs.
pub(super) fn blocks(flow: &[Line], notes: &[Vec<Line>], body: f64) -> Vec<Block> {
    let vocab = Vocabulary::new(
        flow.iter()
            .chain(notes.iter().flatten())
            .map(|l| l.text.as_str()),
    );
    let mut edges: Edges = HashMap::new();
    for l in flow {
        let e = edges.entry((l.page, l.column)).or_insert((l.x0, l.x1));
        e.0 = e.0.min(l.x0);
        e.1 = e.1.max(l.x1);
    }
    let mut gaps: Vec<f64> = flow
        .windows(2)
        .filter(|w| w[0].page == w[1].page && w[0].column == w[1].column)
        .filter(|w| (w[0].size - body).abs() < 0.5 && (w[1].size - body).abs() < 0.5)
        .map(|w| w[1].y - w[0].y)
        .filter(|g| *g > 0.0 && *g < 3.0 * body)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let leading = gaps.get(gaps.len() / 3).copied().unwrap_or(1.2 * body);
    let f = Flow {
        body,
        leading,
        edges,
        vocab: &vocab,
    };

    let kinds: Vec<Kind> = (0..flow.len())
        .map(|i| f.kind(&flow[i], flow.get(i + 1)))
        .collect();
    let sized = heading_sizes(&kinds);
    let shallowest = kinds
        .iter()
        .filter_map(|k| match k {
            Kind::Plain(depth) => Some(*depth),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let level_of = |kind: Kind| -> u8 {
        match kind {
            Kind::Sized(size) => {
                sized
                    .iter()
                    .position(|s| (s - size).abs() < 0.5)
                    .unwrap_or(0) as u8
                    + 1
            }
            // Body-size headings rank below every size heading; the shallowest
            // numbering among them comes first, deeper numbers nest under it.
            Kind::Plain(depth) => (sized.len() as u8 + 1 + depth - shallowest).min(6),
            Kind::Capitals => (sized.len() as u8 + 1).min(6),
            _ => 6,
        }
    };

    let mut out = Vec::new();
    let mut open = Open::None;
    for (i, (line, &kind)) in flow.iter().zip(&kinds).enumerate() {
        let prev = i.checked_sub(1).map(|p| &flow[p]);
        open = match (open, kind) {
            (Open::Heading(size, mut text), Kind::Sized(s))
                if (s - size).abs() < 0.5
                    && prev.is_some_and(|p| p.page == line.page && line.y - p.y <= 1.6 * s) =>
            {
                join(&mut text, &line.text, f.vocab);
                Open::Heading(size, text)
            }
            (done, Kind::Sized(s)) => {
                close(done, &mut out, &level_of);
                Open::Heading(s, line.text.clone())
            }
            (done, plain @ (Kind::Plain(_) | Kind::Capitals)) => {
                close(done, &mut out, &level_of);
                out.push(Block::Heading {
                    level: level_of(plain),
                    text: line.text.clone(),
                });
                Open::None
            }
            (
                Open::List {
                    ordered, mut items, ..
                },
                Kind::Item(o, n),
            ) if o == ordered => {
                items.push(line.text[n..].to_string());
                Open::List {
                    ordered,
                    items,
                    indent: line.x0,
                }
            }
            (done, Kind::Item(ordered, n)) => {
                close(done, &mut out, &level_of);
                Open::List {
                    ordered,
                    items: vec![line.text[n..].to_string()],
                    indent: line.x0,
                }
            }
            (
                Open::List {
                    ordered,
                    mut items,
                    indent,
                },
                Kind::Body,
            ) if prev.is_some_and(|p| f.continues_item(p, line, indent, &items)) => {
                let item = items.last_mut().expect("a list has an item");
                join(item, &line.text, f.vocab);
                Open::List {
                    ordered,
                    items,
                    indent,
                }
            }
            (Open::Paragraph(mut text), Kind::Body) if prev.is_some_and(|p| !f.breaks(p, line)) => {
                join(&mut text, &line.text, f.vocab);
                Open::Paragraph(text)
            }
            (done, Kind::Body) => {
                close(done, &mut out, &level_of);
                Open::Paragraph(line.text.clone())
            }
        };
    }
    close(open, &mut out, &level_of);
    for note in notes {
        let mut text = String::new();
        for line in note {
            join(&mut text, &line.text, f.vocab);
        }
        out.push(Block::Paragraph(text));
    }
    out
}

/// The distinct sizes of size headings, largest first (level 1 is the largest).
fn heading_sizes(kinds: &[Kind]) -> Vec<f64> {
    let mut sizes: Vec<f64> = Vec::new();
    for k in kinds {
        if let Kind::Sized(s) = k
            && !sizes.iter().any(|x| (x - s).abs() < 0.5)
        {
            sizes.push(*s);
        }
    }
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes.truncate(6);
    sizes
}

fn close(open: Open, out: &mut Vec<Block>, level_of: &dyn Fn(Kind) -> u8) {
    match open {
        Open::None => {}
        Open::Paragraph(text) => out.push(Block::Paragraph(text)),
        Open::Heading(size, text) => out.push(Block::Heading {
            level: level_of(Kind::Sized(size)),
            text,
        }),
        Open::List { ordered, items, .. } => out.push(Block::List { ordered, items }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(terminal("It ended."));
        assert!(terminal("as follows:"));
        assert!(terminal("he said.\u{201d}"));
        assert!(!terminal("it goes on and"));
    }

    fn line(y: f64, text: &str) -> Line {
        Line {
            page: 0,
            column: 0,
            x0: 50.0,
            x1: 50.0 + 5.0 * text.len() as f64,
            y,
            size: 10.0,
            text: text.into(),
            marker_first: false,
        }
    }

    #[test]
    fn a_gap_breaks_paragraphs_but_not_sentences() {
        let flow = [
            line(100.0, "It was convened in"),
            line(140.0, "the year 2006."),
            line(200.0, "First ends here."),
            line(240.0, "Second starts"),
            line(252.0, "and goes on."),
        ];
        assert_eq!(
            blocks(&flow, &[], 10.0),
            [
                Block::Paragraph("It was convened in the year 2006.".into()),
                Block::Paragraph("First ends here.".into()),
                Block::Paragraph("Second starts and goes on.".into()),
            ]
        );
    }
}
