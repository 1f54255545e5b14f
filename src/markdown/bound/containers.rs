//! Block nesting bounded.
//!
//! pulldown-cmark looks at every open block container (block quote, list item,
//! footnote definition) for each line it reads, so one line that opens thousands of
//! nested lists, followed by thousands of lines continuing the innermost paragraph,
//! costs their product: 64 KB of such text took 17 s in the fuzzer's instrumented
//! build, and a 10 MB report could hold a build for hours. [`crate::markdown`]'s
//! `depth` flattens deep trees only after the parse, too late for this. So the marker
//! (`>`, `-`, `+`, `*`, `1.`, `1)`, `[^note]:`) that could open a container beyond
//! [`MAX_DEPTH`] is escaped with a backslash, which makes it, and the rest of its
//! line, text.
//!
//! The pass does not parse Markdown. It keeps, line by line, an upper bound of how
//! many containers can be open, which holds whatever the parser makes of the line:
//! - a container open after a line was either opened on it, by a marker, or continued
//!   by it: a block quote by its own `>`, a list item or footnote definition by at
//!   least two columns of indentation before the line's first other marker (such a
//!   marker always opens a new container, so what follows it continues nothing);
//! - a line may instead continue the paragraph above (a lazy continuation line) and
//!   leave every container open, unless the line before it was blank;
//! - a blank line opens nothing;
//! - a line opens nothing after four columns of indentation more than the open
//!   containers can take (at most 17 columns each: three of indentation, a
//!   ten-character marker and four spaces), which is code or a paragraph's text; nor
//!   from where the rest of the line is a thematic break (`* * *`).
//!
//! Real reports nest a few levels, far below the bound. Being an upper bound, it may
//! change a line that would not open over a hundred levels (code in a fenced or HTML
//! block, a paragraph's line that only looks like markers, `10.` items restated by
//! fewer columns than counted), but only one that holds over a hundred markers or
//! restates a hundred levels. The pass looks at each line's start once.

use super::MAX_DEPTH;

/// The most columns one open container takes from a line that continues it: up to
/// three of indentation, a list marker of nine digits and a `.`, and four spaces.
const MAX_CONTAINER_COLUMNS: usize = 17;

/// Where the backslashes go in `text` (whose line ends are `\n` or `\r\n`): the
/// byte offsets, in order, of the markers that would open a container too many.
pub(super) fn escapes(text: &str) -> Vec<usize> {
    let mut escapes = Vec::new();
    let mut open = 0usize;
    let mut after_blank = true;
    for (line_start, line) in super::lines(text) {
        let prefix = scan_prefix(line, open);
        if prefix.blank {
            after_blank = true;
        } else {
            open = if after_blank {
                prefix.open
            } else {
                open.max(prefix.open)
            };
            after_blank = false;
        }
        if let Some(at) = prefix.escape_at {
            escapes.push(line_start + at);
        }
    }
    escapes
}

/// What the start of one line can do to the containers open.
#[derive(Debug)]
struct Prefix {
    /// The line holds only spaces and tabs (one with a vertical tab or form feed is
    /// not blank: the parser takes it for a paragraph's text inside one).
    blank: bool,
    /// At most how many containers are open after the line, when it is not a lazy
    /// continuation line.
    open: usize,
    /// The byte of the line to put a backslash before: the marker that would have
    /// opened one container too many.
    escape_at: Option<usize>,
}

/// Reads the markers and indentation at the start of `line`, with at most `open`
/// containers open before it.
fn scan_prefix(line: &[u8], open: usize) -> Prefix {
    let mut i = 0;
    let mut column = 0;
    // Columns of indentation before the first marker other than `>`, which may
    // continue list items and footnote definitions, and markers, each of which may
    // continue or open one container.
    let mut indent = 0usize;
    let mut markers = 0usize;
    let mut opened = false;
    let mut escape_at = None;
    let mut odd_space = false;
    let bound = |indent: usize, markers: usize| markers + open.min(indent / 2);
    while i < line.len() {
        let (marker_len, escape) = match line[i] {
            space @ (b' ' | b'\t') => {
                let width = if space == b' ' { 1 } else { 4 - column % 4 };
                if !opened {
                    indent += width;
                }
                column += width;
                i += 1;
                continue;
            }
            // Whitespace the parser skips after a footnote definition's `]:`, but
            // never takes for indentation.
            0x0b | 0x0c => {
                odd_space = true;
                i += 1;
                continue;
            }
            b'\n' | b'\r' => break,
            b'>' => (1, 0),
            b'-' | b'+' | b'*' if ends_marker(line, i + 1) => (1, 0),
            // Before the `.` or `)` of a number: a backslash before a digit is text.
            b'0'..=b'9' => match ordered_marker(line, i) {
                Some(len) => (len, len - 1),
                None => break,
            },
            b'[' => match footnote_marker(line, i) {
                Some(len) => (len, 0),
                None => break,
            },
            _ => break,
        };
        if markers == 0 && indent >= open * MAX_CONTAINER_COLUMNS + 4 {
            // Code, or a paragraph's text: no marker here opens anything.
            break;
        }
        if bound(indent, markers + 1) > MAX_DEPTH {
            if !thematic_break(&line[i..]) {
                escape_at = Some(i + escape);
            }
            break;
        }
        markers += 1;
        if line[i] != b'>' {
            opened = true;
        }
        i += marker_len;
        column += marker_len;
        // The one space a block quote's marker takes with it continues nothing.
        if line[i - 1] == b'>' && line.get(i) == Some(&b' ') {
            i += 1;
            column += 1;
        }
    }
    Prefix {
        blank: markers == 0 && !odd_space && line[i..].iter().all(|b| matches!(b, b'\n' | b'\r')),
        open: bound(indent, markers),
        escape_at,
    }
}

/// Whether a list marker's character at `at - 1` is followed by what a list marker
/// needs: a space, a tab or the end of the line.
fn ends_marker(line: &[u8], at: usize) -> bool {
    matches!(line.get(at), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
}

/// The length of the ordered list marker (one to nine digits, then `.` or `)`) at
/// `at`, if there is one.
fn ordered_marker(line: &[u8], at: usize) -> Option<usize> {
    let digits = line[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    let end = at + digits;
    (digits <= 9 && matches!(line.get(end), Some(b'.' | b')')) && ends_marker(line, end + 1))
        .then_some(digits + 1)
}

/// The length of the footnote definition's start (`[^label]:`) at `at`, if there may
/// be one: the label runs to the first `]` not escaped by a backslash. Labels the
/// parser refuses (too long, or holding a `[`) are counted too, which only makes the
/// bound higher.
fn footnote_marker(line: &[u8], at: usize) -> Option<usize> {
    let label = line.get(at..)?.strip_prefix(b"[^")?;
    let mut j = 0;
    while j < label.len() {
        match label[j] {
            b'\\' => j += 2,
            b'\n' | b'\r' => return None,
            b']' => return (label.get(j + 1) == Some(&b':')).then_some(j + 4),
            _ => j += 1,
        }
    }
    None
}

/// Whether `rest` is a thematic break to the end of its line: three or more of one of
/// `*`, `-`, `_`, and spaces or tabs. The parser reads it as one rather than as list
/// markers, so it opens nothing.
fn thematic_break(rest: &[u8]) -> bool {
    let body: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|b| !matches!(b, b'\n' | b'\r'))
        .filter(|b| !matches!(b, b' ' | b'\t'))
        .collect();
    body.len() >= 3 && matches!(body[0], b'*' | b'-' | b'_') && body.iter().all(|&b| b == body[0])
}

#[cfg(test)]
#[path = "containers_tests.rs"]
mod tests;
