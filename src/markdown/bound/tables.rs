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
//! allow (a `|` parts cells, unless escaped, or it starts or ends the row). Full rows
//! cost nothing; a block over the budget loses all its tables, and the
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
    let mut text_above = false;
    for (start, line) in super::lines(text) {
        if blank(line) {
            if !block.delimiters.is_empty() {
                settle(&mut block);
            }
            block = Block::default();
            text_above = false;
        } else {
            // The line above is the header, which has exactly the table's width, so
            // no padding; or a row of an earlier table, charged as one.
            if text_above
                && let Some((dash, width)) = delimiter_row(line)
                && width > 1
            {
                block.delimiters.push(start + dash);
                block.widest = block.widest.max(width);
            }
            block.add_row(line);
            text_above = true;
        }
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
        // Every row has a cell, so a table one column wide pads none.
        if self.widest > 1 {
            self.padding = self
                .padding
                .saturating_add(self.widest.saturating_sub(fewest_cells(line)));
        }
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

/// The fewest cells the parser may give `line` as a table row: a `|` not escaped
/// always parts two cells, but one that starts the row (after block quote markers and
/// whitespace) or ends it (before whitespace) parts none; at least one. Taking a `>`
/// or an escaped `|` for less than it is only lowers the count.
fn fewest_cells(line: &[u8]) -> usize {
    let mut pipes = memchr::memchr_iter(b'|', line).filter(|&i| i == 0 || line[i - 1] != b'\\');
    let Some(first) = pipes.next() else {
        return 1;
    };
    let (count, last) = pipes.fold((1, first), |(count, _), i| (count + 1, i));
    let space = |b: &u8| matches!(b, b' ' | b'\t' | 0x0b | 0x0c | b'\r' | b'\n');
    let starts = line[..first].iter().all(|b| space(b) || *b == b'>');
    let ends = line[last + 1..].iter().all(space);
    (count + 1 - usize::from(starts) - usize::from(ends)).max(1)
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
    // Most lines are prose: their first character settles it.
    if !rest.iter().all(|b| {
        matches!(
            b,
            b'|' | b':' | b'-' | b' ' | b'\t' | 0x0b | 0x0c | b'\n' | b'\r'
        )
    }) {
        return None;
    }
    let first_dash = rest.iter().position(|&b| b == b'-')?;
    let columns = rest
        .split(|&b| b == b'|')
        .filter(|part| part.iter().any(|&b| matches!(b, b'-' | b':')))
        .count();
    Some((body + first_dash, columns))
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
