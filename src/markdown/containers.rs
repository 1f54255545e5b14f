//! Block nesting bounded before the parser sees the text.
//!
//! pulldown-cmark looks at every open block container (block quote, list, list item)
//! for each line it reads, so one line that opens thousands of nested lists, followed
//! by thousands of lines continuing the innermost paragraph, costs their product: 64
//! KB of such text took 17 s in the fuzzer's instrumented build, and a 10 MB report
//! could hold a build for hours. [`super::depth`] flattens deep trees only after the
//! parse, too late for this. So, before parsing, the marker (`>`, `-`, `+`, `*`, `1.`,
//! `1)`) that could open a container beyond [`MAX_DEPTH`] is escaped with a backslash,
//! which makes it, and the rest of its line, text.
//!
//! The pass does not parse Markdown. It keeps, line by line, an upper bound of how
//! many containers can be open, which is sound whatever the parser makes of the line:
//! - a container open after a line was either opened on it, by a marker, or continued
//!   by it: a block quote by its own `>`, a list item by at least two columns of
//!   indentation (its content's offset) before the line's first list marker (a list
//!   marker always starts a new item, so what follows it continues nothing);
//! - a line may instead continue the paragraph above (a lazy continuation line) and
//!   leave every container open, unless the line before it was blank;
//! - a blank line opens nothing.
//!
//! Real reports nest a few levels, far below the bound; the text it changes would
//! have been flattened by [`super::depth`] anyway, and now shows its markers as text.
//! The pass is one look at each line's first bytes, and borrows the text unless a
//! marker is escaped.

use std::borrow::Cow;

use super::depth::MAX_DEPTH;

/// `text` with the marker that would open a block container beyond [`MAX_DEPTH`]
/// escaped on each line that has one. Line breaks are kept, so line numbers hold.
pub(crate) fn bound_containers(text: &str) -> Cow<'_, str> {
    let mut escapes = Vec::new();
    let mut open = 0usize;
    let mut after_blank = true;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let prefix = scan_prefix(line.as_bytes(), open);
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
        line_start += line.len();
    }
    if escapes.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + escapes.len());
    let mut at = 0;
    for escape in escapes {
        out.push_str(&text[at..escape]);
        out.push('\\');
        at = escape;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// What the start of one line can do to the containers open.
#[derive(Debug, PartialEq, Eq)]
struct Prefix {
    /// The line holds only spaces and tabs.
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
    // Columns of indentation before the first list marker, which may continue list
    // items, and markers, each of which may continue or open one container.
    let mut indent = 0usize;
    let mut markers = 0usize;
    let mut listed = false;
    let mut escape_at = None;
    let bound = |indent: usize, markers: usize| markers + open.min(indent / 2);
    while i < line.len() {
        let marker_len = match line[i] {
            b' ' => {
                indent += usize::from(!listed);
                column += 1;
                i += 1;
                continue;
            }
            b'\t' => {
                let width = 4 - column % 4;
                if !listed {
                    indent += width;
                }
                column += width;
                i += 1;
                continue;
            }
            b'\n' | b'\r' => break,
            b'>' => 1,
            b'-' | b'+' | b'*' if ends_marker(line, i + 1) => 1,
            b'0'..=b'9' => match ordered_marker(line, i) {
                Some(len) => len,
                None => break,
            },
            _ => break,
        };
        if bound(indent, markers + 1) > MAX_DEPTH {
            // Before the `.` or `)` of a number: a backslash before a digit is text.
            escape_at = Some(i + marker_len - 1);
            break;
        }
        markers += 1;
        if line[i] != b'>' {
            listed = true;
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
        blank: markers == 0 && line[i..].iter().all(|b| matches!(b, b'\n' | b'\r')),
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

#[cfg(test)]
#[path = "containers_tests.rs"]
mod tests;
