//! Where each figure entry of a report file sits, in bytes of the file.
//!
//! Editing a report in place must leave every byte it does not mean to change as it
//! was (comments, quoting, line endings), so edits are made on byte ranges, never by
//! serialising the front matter again. The ranges come from the YAML parser's event
//! markers, never from patterns over the text: a quote may hold `#`, `:` or `- `.

use saphyr_parser::{Event, Parser, ScalarStyle};

/// A `key: value` pair of a figure entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    /// The key, as parsed.
    pub(crate) key: String,
    /// The value when it is a scalar, as parsed (quotes and escapes resolved).
    pub(crate) scalar: Option<String>,
    /// Where the key starts.
    pub(crate) key_start: usize,
    /// Where the value starts and ends (the closing `}` or `]` of a collection).
    pub(crate) value: (usize, usize),
}

/// One entry of the `figures:` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Written `{...}` rather than as indented lines.
    pub(crate) flow: bool,
    /// From the `{` or the first key to the `}` or the end of the last value.
    pub(crate) span: (usize, usize),
    /// Its pairs, in file order.
    pub(crate) pairs: Vec<Pair>,
}

impl Entry {
    /// The pair with `key`.
    pub(crate) fn pair(&self, key: &str) -> Option<&Pair> {
        self.pairs.iter().find(|p| p.key == key)
    }
}

/// The `figures:` list of a report file's front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Figures {
    /// Where the `figures` key ends (its `:` follows).
    pub(crate) key_end: usize,
    /// Written `[...]` rather than as `- ` lines.
    pub(crate) flow: bool,
    /// The entries, in file order.
    pub(crate) entries: Vec<Entry>,
}

/// The byte range of the YAML between a report's `---` lines, with either line end.
pub(crate) fn front_matter(text: &str) -> Option<(usize, usize)> {
    let start = if text.starts_with("---\n") {
        4
    } else if text.starts_with("---\r\n") {
        5
    } else {
        return None;
    };
    let mut at = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "---" {
            return Some((start, at));
        }
        at += line.len();
    }
    None
}

/// The `figures:` list of the report `text`, or `None` when the file has no front
/// matter, no such list, or YAML the parser refuses (the loader reports why).
pub(crate) fn figures(text: &str) -> Option<Figures> {
    let (start, end) = front_matter(text)?;
    let yaml = &text[start..end];
    // The parser's markers count characters; edits need bytes of the whole file.
    let mut bytes_at: Vec<usize> = yaml.char_indices().map(|(b, _)| start + b).collect();
    bytes_at.push(end);
    let byte = |char_index: usize| bytes_at.get(char_index).copied().unwrap_or(end);

    let mut events = Vec::new();
    for item in Parser::new_from_str(yaml) {
        let (event, span) = item.ok()?;
        let (start, mut end) = (byte(span.start.index()), byte(span.end.index()));
        // A block scalar (`|`, `>`) ends where the next token starts, after the next
        // line's indentation; its own end is after its last line break.
        if matches!(
            event,
            Event::Scalar(_, ScalarStyle::Literal | ScalarStyle::Folded, ..)
        ) {
            end = start + text[start..end].trim_end_matches([' ', '\t']).len();
        }
        events.push((event, start, end));
    }
    // The root mapping's keys sit at depth 1; find `figures` among them.
    let mut depth = 0usize;
    let mut expecting_key = Vec::<bool>::new();
    let mut i = 0;
    while i < events.len() {
        let (event, _, key_end) = &events[i];
        match event {
            Event::MappingStart(..) => {
                after_node(&mut expecting_key);
                depth += 1;
                expecting_key.push(true);
            }
            Event::SequenceStart(..) => {
                after_node(&mut expecting_key);
                depth += 1;
                expecting_key.push(false);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth -= 1;
                expecting_key.pop();
            }
            Event::Scalar(value, ..) => {
                let is_key = expecting_key.last() == Some(&true);
                after_node(&mut expecting_key);
                if depth == 1 && is_key && value == "figures" {
                    return list(text, &events, i + 1, *key_end);
                }
            }
            _ => after_node(&mut expecting_key),
        }
        i += 1;
    }
    None
}

/// In a mapping, keys and values alternate.
fn after_node(expecting_key: &mut [bool]) {
    if let Some(k) = expecting_key.last_mut() {
        // Sequences stay `false`; a mapping flips between key and value.
        *k = !*k;
    }
}

type Located<'a> = (Event<'a>, usize, usize);

/// The list whose first event is `events[i]`.
fn list(text: &str, events: &[Located<'_>], mut i: usize, key_end: usize) -> Option<Figures> {
    let (Event::SequenceStart(..), start, _) = events.get(i)? else {
        // `figures:` with nothing, or not a list: no entries.
        return Some(Figures {
            key_end,
            flow: false,
            entries: Vec::new(),
        });
    };
    let flow = text[*start..].starts_with('[');
    let mut entries = Vec::new();
    i += 1;
    loop {
        match events.get(i)? {
            (Event::SequenceEnd, ..) => break,
            (Event::MappingStart(..), start, _) => {
                let (entry, next) = entry(text, events, i, *start)?;
                entries.push(entry);
                i = next;
            }
            // Not a mapping: the loader refuses the file; nothing to edit.
            _ => return None,
        }
    }
    Some(Figures {
        key_end,
        flow,
        entries,
    })
}

/// The entry whose `MappingStart` is `events[i]`, and the index after its end.
fn entry(text: &str, events: &[Located<'_>], mut i: usize, start: usize) -> Option<(Entry, usize)> {
    let flow = text[start..].starts_with('{');
    let mut pairs = Vec::new();
    let mut end = start;
    i += 1;
    loop {
        let (event, key_start, _) = events.get(i)?;
        let key = match event {
            Event::MappingEnd => {
                // The end event of a flow mapping starts at its `}` (its span may run
                // on over a comment after it).
                if flow {
                    end = events[i].1 + 1;
                }
                break;
            }
            Event::Scalar(k, ..) => k.to_string(),
            _ => return None,
        };
        let (value_start, value_end, scalar, next) = node(events, i + 1)?;
        end = end.max(value_end);
        pairs.push(Pair {
            key,
            scalar,
            key_start: *key_start,
            value: (value_start, value_end),
        });
        i = next;
    }
    Some((
        Entry {
            flow,
            span: (start, end),
            pairs,
        },
        i + 1,
    ))
}

/// The node starting at `events[i]`: its start, its end, its text when a scalar, and
/// the index after it. A block collection's end event sits at the next token, so its
/// end is that of the last node inside it.
fn node(events: &[Located<'_>], i: usize) -> Option<(usize, usize, Option<String>, usize)> {
    let (event, start, end) = events.get(i)?;
    match event {
        Event::Scalar(value, ..) => Some((*start, *end, Some(value.to_string()), i + 1)),
        Event::Alias(_) => Some((*start, *end, None, i + 1)),
        Event::MappingStart(..) | Event::SequenceStart(..) => {
            let mut depth = 0usize;
            let mut last = *start;
            let mut j = i;
            loop {
                let (e, s, en) = events.get(j)?;
                match e {
                    Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
                    Event::MappingEnd | Event::SequenceEnd => {
                        depth -= 1;
                        // A flow collection's end is its one-byte bracket; a block one's
                        // end event is empty, at the next token.
                        if en > s {
                            last = last.max(*s + 1);
                        }
                        if depth == 0 {
                            return Some((*start, last, None, j + 1));
                        }
                    }
                    _ => last = last.max(*en),
                }
                j += 1;
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_block_entries_and_their_pairs_in_bytes() {
        let text = "---\ntitle: \"Café\"\nfigures:\n  - metric: a\n    quote: \"x # y: z\"\n    review: candidate  # 0.8: why\n  - {metric: b, year: 2024}\n---\nBody\n";
        let f = figures(text).unwrap();
        assert!(!f.flow);
        assert_eq!(&text[f.key_end - 7..f.key_end], "figures");
        assert_eq!(f.entries.len(), 2);
        let a = &f.entries[0];
        assert!(!a.flow);
        let quote = a.pair("quote").unwrap();
        assert_eq!(quote.scalar.as_deref(), Some("x # y: z"));
        assert_eq!(&text[quote.value.0..quote.value.1], "\"x # y: z\"");
        assert_eq!(
            &text[a.span.0..a.span.1],
            "metric: a\n    quote: \"x # y: z\"\n    review: candidate"
        );
        let b = &f.entries[1];
        assert!(b.flow);
        assert_eq!(&text[b.span.0..b.span.1], "{metric: b, year: 2024}");
    }

    #[test]
    fn finds_flow_lists_crlf_and_nested_values() {
        let text = "---\r\nfigures: [{metric: a}, {metric: b, p: {t: 1}}]\r\n---\r\n";
        let f = figures(text).unwrap();
        assert!(f.flow);
        assert_eq!(
            &text[f.entries[1].span.0..f.entries[1].span.1],
            "{metric: b, p: {t: 1}}"
        );
        let p = f.entries[1].pair("p").unwrap();
        assert_eq!(&text[p.value.0..p.value.1], "{t: 1}");

        let text = "---\r\nfigures:\r\n- metric: a\r\n  p:\r\n    t: 1\r\n    u: |\r\n      x\r\ny: 2\r\n---\r\n";
        let f = figures(text).unwrap();
        let p = f.entries[0].pair("p").unwrap();
        assert_eq!(
            &text[p.value.0..p.value.1],
            "t: 1\r\n    u: |\r\n      x\r\n"
        );
    }

    #[test]
    fn no_list_is_no_entries_and_bad_yaml_is_none() {
        assert_eq!(figures("---\nfigures:\n---\n").unwrap().entries.len(), 0);
        assert!(figures("---\ntitle: T\n---\n").is_none());
        assert!(figures("---\nfigures: [\n---\n").is_none());
        assert!(figures("no front matter").is_none());
    }
}
