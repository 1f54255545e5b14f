//! Changes to one figure entry of a report file's text, as byte-range edits: what is
//! outside the range changed stays byte for byte, comments and line endings included.
//!
//! Each function takes the text and the spans found in it ([`super::spans`]) and
//! returns the new text, or `None` when the layout does not allow the change (the
//! caller refuses, writing nothing). Several changes are made one at a time, finding
//! the spans again in between.

use super::spans::{Entry, Figures, Pair};

/// Where the line holding `pos` starts.
fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// Where the line holding the end `pos` of a node ends, after its line break (and so
/// after any comment on it). A block scalar's end is after its last line break.
fn line_end(text: &str, pos: usize) -> usize {
    if pos > 0 && text.as_bytes()[pos - 1] == b'\n' {
        return pos;
    }
    text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1)
}

/// The line break the file uses: CRLF if its first line ends so.
fn newline(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Whether only spaces stand before `pos` on its line.
fn starts_line(text: &str, pos: usize) -> bool {
    text[line_start(text, pos)..pos].bytes().all(|b| b == b' ')
}

fn splice(text: &str, range: (usize, usize), with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.0]);
    out.push_str(with);
    out.push_str(&text[range.1..]);
    out
}

/// The text without entry `index` of the list. The only entry leaves `figures: []`.
pub(crate) fn remove_entry(text: &str, figures: &Figures, index: usize) -> Option<String> {
    let entry = figures.entries.get(index)?;
    let (start, end) = entry.span;
    if figures.flow {
        // `[a, b]`: an entry goes with the comma after it, the last with the one before.
        let range = match (figures.entries.get(index + 1), index.checked_sub(1)) {
            (Some(next), _) => (start, next.span.0),
            (None, Some(prev)) => (figures.entries[prev].span.1, end),
            (None, None) => (start, end),
        };
        return Some(splice(text, range, ""));
    }
    // A block entry is whole lines: from its `-` to the end of its last value's line.
    let dash = text[..start].trim_end_matches([' ', '\t', '\r', '\n']);
    if !dash.ends_with('-') {
        return None;
    }
    let removed = splice(
        text,
        (line_start(text, dash.len() - 1), line_end(text, end)),
        "",
    );
    if figures.entries.len() > 1 {
        return Some(removed);
    }
    // `figures:` with nothing after it would be null, which is not a list.
    let colon = figures.key_end + text[figures.key_end..].find(':')?;
    Some(splice(&removed, (colon + 1, colon + 1), " []"))
}

/// The text without the pair `key` of `entry`, with its comment.
pub(crate) fn remove_pair(text: &str, entry: &Entry, key: &str) -> Option<String> {
    let at = entry.pairs.iter().position(|p| p.key == key)?;
    let pair = &entry.pairs[at];
    let next = entry.pairs.get(at + 1);
    let range = if entry.flow {
        match (next, at.checked_sub(1)) {
            (Some(next), _) => (pair.key_start, next.key_start),
            (None, Some(prev)) => (entry.pairs[prev].value.1, pair.value.1),
            (None, None) => (pair.key_start, pair.value.1),
        }
    } else if starts_line(text, pair.key_start) {
        (
            line_start(text, pair.key_start),
            line_end(text, pair.value.1),
        )
    } else {
        // The first key, after `- `: the next key takes its place on that line.
        (pair.key_start, next?.key_start)
    };
    Some(splice(text, range, ""))
}

/// The text with `key: value` in `entry`: the value replaced where the key is, or the
/// pair added after the last one. `value` is YAML for one scalar.
pub(crate) fn set_pair(text: &str, entry: &Entry, key: &str, value: &str) -> Option<String> {
    if let Some(pair) = entry.pair(key) {
        return Some(replace_value(text, pair, value));
    }
    if entry.flow {
        let close = entry.span.1 - 1;
        let sep = if entry.pairs.is_empty() { "" } else { ", " };
        return Some(splice(
            text,
            (close, close),
            &format!("{sep}{key}: {value}"),
        ));
    }
    let last = entry.pairs.last()?;
    let indent = " ".repeat(last.key_start - line_start(text, last.key_start));
    let at = line_end(text, last.value.1);
    // A last line without a break (not in a report, whose `---` follows) gets one.
    let before = if at > 0 && text.as_bytes()[at - 1] == b'\n' {
        ""
    } else {
        newline(text)
    };
    let nl = newline(text);
    Some(splice(
        text,
        (at, at),
        &format!("{before}{indent}{key}: {value}{nl}"),
    ))
}

/// Replaces the value of `pair`: from after its key's `:` so that a block scalar's
/// `|` or `>` goes too, keeping a comment after a value on the key's line.
fn replace_value(text: &str, pair: &Pair, value: &str) -> String {
    let after_key = pair.key_start + pair.key.len();
    let colon = text[after_key..pair.value.0]
        .find(':')
        .map_or(pair.value.0, |i| after_key + i + 1);
    let ends_line = text.as_bytes()[pair.value.1 - 1] == b'\n';
    let tail = if ends_line { newline(text) } else { "" };
    splice(text, (colon, pair.value.1), &format!(" {value}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::super::spans::figures;
    use super::*;

    const BLOCK: &str = "---\ntitle: T # keep\nfigures:\n  - metric: a\n    value: 1\n    quote: \"a: b # c\"\n  # between\n  - metric: b\n    value: 2\n    review: candidate  # 0.82: \"more than\"\n    proposed_metric: {title: \"B\", unit: people}\n---\nBody\n";

    fn entry(text: &str, i: usize) -> Entry {
        figures(text).unwrap().entries[i].clone()
    }

    #[test]
    fn removing_the_review_line_keeps_every_other_byte() {
        let out = remove_pair(BLOCK, &entry(BLOCK, 1), "review").unwrap();
        assert_eq!(
            out,
            BLOCK.replace("    review: candidate  # 0.82: \"more than\"\n", "")
        );
        let out = remove_pair(&out, &entry(&out, 1), "proposed_metric").unwrap();
        assert_eq!(
            out,
            "---\ntitle: T # keep\nfigures:\n  - metric: a\n    value: 1\n    quote: \"a: b # c\"\n  # between\n  - metric: b\n    value: 2\n---\nBody\n"
        );
    }

    #[test]
    fn removing_a_first_key_keeps_the_dash() {
        let text = "---\nfigures:\n  - review: candidate # 0.5\n    metric: a\n---\n";
        let out = remove_pair(text, &entry(text, 0), "review").unwrap();
        assert_eq!(out, "---\nfigures:\n  - metric: a\n---\n");
    }

    #[test]
    fn removing_entries_block_flow_last_and_only() {
        let out = remove_entry(BLOCK, &figures(BLOCK).unwrap(), 1).unwrap();
        assert_eq!(
            out,
            "---\ntitle: T # keep\nfigures:\n  - metric: a\n    value: 1\n    quote: \"a: b # c\"\n  # between\n---\nBody\n"
        );
        let out = remove_entry(BLOCK, &figures(BLOCK).unwrap(), 0).unwrap();
        assert!(out.starts_with("---\ntitle: T # keep\nfigures:\n  # between\n  - metric: b\n"));

        let only = "---\nfigures: # the list\n- metric: a\n  quote: \"x\"\nsummary: S\n---\n";
        let out = remove_entry(only, &figures(only).unwrap(), 0).unwrap();
        assert_eq!(out, "---\nfigures: [] # the list\nsummary: S\n---\n");

        let flow = "---\nfigures: [{metric: a}, {metric: b}, {metric: c}]\n---\n";
        let f = figures(flow).unwrap();
        assert_eq!(
            remove_entry(flow, &f, 1).unwrap(),
            "---\nfigures: [{metric: a}, {metric: c}]\n---\n"
        );
        assert_eq!(
            remove_entry(flow, &f, 2).unwrap(),
            "---\nfigures: [{metric: a}, {metric: b}]\n---\n"
        );
        let one = "---\nfigures: [{metric: a}]\n---\n";
        assert_eq!(
            remove_entry(one, &figures(one).unwrap(), 0).unwrap(),
            "---\nfigures: []\n---\n"
        );
    }

    #[test]
    fn flow_entries_lose_and_gain_pairs() {
        let text = "---\nfigures:\n  - {metric: a, review: candidate, value: 1}  # 0.7\n---\n";
        let out = remove_pair(text, &entry(text, 0), "review").unwrap();
        assert_eq!(
            out,
            "---\nfigures:\n  - {metric: a, value: 1}  # 0.7\n---\n"
        );
        let out2 = remove_pair(&out, &entry(&out, 0), "value").unwrap();
        assert_eq!(out2, "---\nfigures:\n  - {metric: a}  # 0.7\n---\n");
        let out3 = set_pair(&out2, &entry(&out2, 0), "bound", "at-least").unwrap();
        assert_eq!(
            out3,
            "---\nfigures:\n  - {metric: a, bound: at-least}  # 0.7\n---\n"
        );
        let out4 = set_pair(&out3, &entry(&out3, 0), "metric", "b").unwrap();
        assert_eq!(
            out4,
            "---\nfigures:\n  - {metric: b, bound: at-least}  # 0.7\n---\n"
        );
    }

    #[test]
    fn crlf_files_keep_their_line_ends() {
        let text = "---\r\nfigures:\r\n  - metric: a\r\n    quote: |\r\n      x: y\r\n    review: candidate # r\r\n---\r\nBody\r\n";
        let out = remove_pair(text, &entry(text, 0), "review").unwrap();
        assert_eq!(
            out,
            "---\r\nfigures:\r\n  - metric: a\r\n    quote: |\r\n      x: y\r\n---\r\nBody\r\n"
        );
        let out = set_pair(&out, &entry(&out, 0), "quote", "\"x: z\"").unwrap();
        assert_eq!(
            out,
            "---\r\nfigures:\r\n  - metric: a\r\n    quote: \"x: z\"\r\n---\r\nBody\r\n"
        );
        let out = set_pair(&out, &entry(&out, 0), "year", "2024").unwrap();
        assert_eq!(
            out,
            "---\r\nfigures:\r\n  - metric: a\r\n    quote: \"x: z\"\r\n    year: 2024\r\n---\r\nBody\r\n"
        );
    }

    #[test]
    fn block_scalars_are_replaced_whole() {
        let text =
            "---\nfigures:\n  - quote: >-\n      x: y\n      z\n    review: candidate\n---\n";
        let out = set_pair(text, &entry(text, 0), "quote", "\"w\"").unwrap();
        assert_eq!(
            out,
            "---\nfigures:\n  - quote: \"w\"\n    review: candidate\n---\n"
        );
        let out = remove_pair(text, &entry(text, 0), "review").unwrap();
        assert_eq!(
            out,
            "---\nfigures:\n  - quote: >-\n      x: y\n      z\n---\n"
        );
    }

    #[test]
    fn setting_a_value_keeps_its_comment() {
        let out = set_pair(BLOCK, &entry(BLOCK, 1), "value", "2500").unwrap();
        assert_eq!(out, BLOCK.replace("    value: 2\n", "    value: 2500\n"));
        let out = set_pair(BLOCK, &entry(BLOCK, 0), "quote", "\"new # one\"").unwrap();
        assert_eq!(out, BLOCK.replace("\"a: b # c\"", "\"new # one\""));
        let out = set_pair(BLOCK, &entry(BLOCK, 1), "review", "candidate").unwrap();
        assert_eq!(out, BLOCK);
    }
}
