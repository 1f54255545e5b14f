//! Table padding bounded.
//!
//! A table's rows are padded with empty cells up to its header's width (as on
//! GitHub), so a header of 362 columns over 725 one-cell rows is 262,000 cells from 3
//! KB of text. pulldown-cmark caps the padding of one table at 2^18 cells, not of a
//! document: repeated, such tables made 50 KB of report text take 2.3 GB and 5 s, and
//! 200 KB 8.8 GB. So tables whose padding would take the document's past
//! [`MAX_PADDING`] cells are no tables: their delimiter rows (`|---|---|`) get a
//! backslash before their first `-`, and they read as text.
//!
//! The count is an upper one, found without parsing, one block (the lines between
//! blank lines, which end any table) at a time. Any line that looks like a delimiter
//! row under a line of text may start a table, in a block quote or list item too, and
//! may be as wide as its parts with a `-` or `:` (the parser takes one column for each
//! part, and refuses the row if a part before a `|` has no `-`). Every line after it
//! in the block may be a row of the widest such table, with as few cells as its `|`s
//! allow (a `|` always parts cells, unless escaped): one fewer than them, at least
//! one. Full rows cost nothing; a block over the budget loses all its tables, and the
//! rest of the document keeps what is left of the budget.

/// How many empty cells the tables of one text may be padded with: pulldown-cmark's
/// own limit for one table.
const MAX_PADDING: usize = 1 << 18;

/// Where the backslashes go in `text` (whose line ends are `\n` or `\r\n`): the first
/// `-` of each delimiter row of a block whose tables would take the padding past
/// [`MAX_PADDING`].
pub(super) fn escapes(text: &str) -> Vec<usize> {
    let mut escapes = Vec::new();
    let mut spent = 0usize;
    for_each_block(text, |block| block.settle(&mut spent, &mut escapes));
    escapes
}

/// Calls `settle` with each block of `text` that has a table's delimiter row.
fn for_each_block(text: &str, mut settle: impl FnMut(&mut Block)) {
    let mut block = Block::default();
    let mut above: Option<&[u8]> = None;
    let mut start = 0;
    for line in text.as_bytes().split_inclusive(|&b| b == b'\n') {
        if blank(line) {
            if !block.delimiters.is_empty() {
                settle(&mut block);
            }
            block = Block::default();
            above = None;
        } else {
            if let (Some(header), Some((dash, width))) = (above, delimiter_row(line))
                && width > 1
            {
                block.delimiters.push(start + dash);
                block.widest = block.widest.max(width);
                block.add_row(header);
            }
            block.add_row(line);
            above = Some(line);
        }
        start += line.len();
    }
    if !block.delimiters.is_empty() {
        settle(&mut block);
    }
}

/// The tables that may be in one block, and the most padding they may take.
#[derive(Default)]
struct Block {
    /// Where each delimiter row's first `-` is.
    delimiters: Vec<usize>,
    /// The widest table's columns, at most.
    widest: usize,
    /// Empty cells, at most.
    padding: usize,
}

impl Block {
    /// Counts the padding `line` may take as a row of the widest table.
    fn add_row(&mut self, line: &[u8]) {
        let pipes = memchr::memchr_iter(b'|', line)
            .filter(|&i| i == 0 || line[i - 1] != b'\\')
            .count();
        let cells = pipes.saturating_sub(1).max(1);
        self.padding = self
            .padding
            .saturating_add(self.widest.saturating_sub(cells));
    }

    /// Ends the block: its tables' padding is spent, or, past the budget, its
    /// delimiter rows are escaped.
    fn settle(&mut self, spent: &mut usize, escapes: &mut Vec<usize>) {
        match spent.checked_add(self.padding) {
            Some(total) if total <= MAX_PADDING => *spent = total,
            _ => escapes.append(&mut self.delimiters),
        }
    }
}

/// Whether `line` holds nothing but spaces and tabs.
fn blank(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// If `line` may be a table's delimiter row (after block quote markers and
/// whitespace, only `|`, `:`, `-` and whitespace, with a `-`), the offset of its first
/// `-` and at most how many columns it gives its table.
fn delimiter_row(line: &[u8]) -> Option<(usize, usize)> {
    let body = line
        .iter()
        .position(|b| !matches!(b, b'>' | b' ' | b'\t' | 0x0b | 0x0c))
        .unwrap_or(line.len());
    let rest = &line[body..];
    let first_dash = rest.iter().position(|&b| b == b'-')?;
    let columns = rest
        .split(|&b| b == b'|')
        .filter(|part| part.iter().any(|&b| matches!(b, b'-' | b':')))
        .count();
    rest.iter()
        .all(|b| {
            matches!(
                b,
                b'|' | b':' | b'-' | b' ' | b'\t' | 0x0b | 0x0c | b'\n' | b'\r'
            )
        })
        .then_some((body + first_dash, columns))
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
