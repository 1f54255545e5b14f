//! Table padding bounded.
//!
//! A table's rows are padded with empty cells up to its header's width (as on
//! GitHub), so a header of 362 columns over 725 one-cell rows is 262,000 cells from 3
//! KB of text. pulldown-cmark caps the padding of one table at 2^18 cells, not of a
//! document: repeated, such tables made 50 KB of report text take 2.3 GB and 5 s, and
//! 200 KB 8.8 GB. So a table whose padding would take the document's past
//! [`MAX_PADDING`] cells is no table: its delimiter row (`|---|---|`) gets a backslash
//! before its first `-`, and the table reads as text.
//!
//! The count is an upper one, found without parsing: a table's width is taken as its
//! delimiter row's parts with a `-`, each row as one cell wide, and the rows as
//! running to the next blank line. Any line that looks like a delimiter row under a
//! line of text counts, in a block quote or list item too.

/// How many empty cells the tables of one text may be padded with: pulldown-cmark's
/// own limit for one table.
const MAX_PADDING: usize = 1 << 18;

/// Where the backslashes go in `text` (whose line ends are `\n` or `\r\n`): the first
/// `-` of each delimiter row whose table would take the padding past [`MAX_PADDING`].
pub(super) fn escapes(text: &str) -> Vec<usize> {
    let lines: Vec<(usize, &[u8])> = text
        .as_bytes()
        .split_inclusive(|&b| b == b'\n')
        .scan(0, |start, line| {
            let at = *start;
            *start += line.len();
            Some((at, line))
        })
        .collect();
    // For each line, how many lines follow it before a blank one: a table's rows at
    // most. Counted from the end, so that each line is looked at once.
    let mut rows_after = vec![0usize; lines.len()];
    for i in (0..lines.len().saturating_sub(1)).rev() {
        rows_after[i] = if blank(lines[i + 1].1) {
            0
        } else {
            rows_after[i + 1] + 1
        };
    }
    let mut padding = 0usize;
    let mut escapes = Vec::new();
    for (i, &(start, line)) in lines.iter().enumerate().skip(1) {
        let Some((first_dash, width)) = delimiter_row(line) else {
            continue;
        };
        if blank(lines[i - 1].1) {
            continue;
        }
        let table = (width - 1).saturating_mul(rows_after[i]);
        match padding.checked_add(table) {
            Some(total) if total <= MAX_PADDING => padding = total,
            _ => escapes.push(start + first_dash),
        }
    }
    escapes
}

/// Whether `line` holds nothing but spaces and tabs.
fn blank(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// If `line` may be a table's delimiter row (after block quote markers and
/// whitespace, only `|`, `:`, `-` and whitespace, with a `-`), the offset of its first
/// `-` and at most how many columns it gives its table: the parser takes one for each
/// part between `|`s, and refuses the row if a part has no `-`.
fn delimiter_row(line: &[u8]) -> Option<(usize, usize)> {
    let body = line
        .iter()
        .position(|b| !matches!(b, b'>' | b' ' | b'\t' | 0x0b | 0x0c))
        .unwrap_or(line.len());
    let rest = &line[body..];
    let first_dash = rest.iter().position(|&b| b == b'-')?;
    let columns = rest
        .split(|&b| b == b'|')
        .filter(|part| part.contains(&b'-'))
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
