//! YAML with positions.
//!
//! serde (through `serde_norway`) turns a document into typed structs and reports
//! syntax and shape errors with their line and column. What serde cannot tell is
//! where a well-formed value sits once a later stage finds it wrong (an unknown
//! organization id, a quote missing from the text), so [`Positions`] indexes every
//! value of the same text by its path (`figures.2.metric`) from a second, event-level
//! parse that keeps markers.

use std::collections::HashMap;
use std::path::Path;

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Kind, Location};

/// Front matter larger than this is refused before parsing: a report's metadata is a
/// few kilobytes, and a pasted mistake should fail fast. Data files (`metrics.yaml`
/// lists every metric: 8 MB for the 100,000-report benchmark corpus) are held only to
/// the limit on any content file.
pub(crate) const MAX_FRONT_MATTER_BYTES: usize = 1024 * 1024;

/// Flow collections (`[...]`, `{...}`) nested deeper than this are refused before
/// parsing: the YAML scanner takes time quadratic in their depth (found by fuzzing:
/// 65,536 `[` took 24 s), and no content file needs more than a few levels.
const MAX_FLOW_DEPTH: usize = 64;

/// The byte offset where flow nesting first exceeds [`MAX_FLOW_DEPTH`], if it does.
/// Quoted scalars and comments are skipped, so brackets inside text do not count.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Parses `text` (which starts at line `first_line` of `file`) into `T`.
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    if let Some(offset) = too_deep(text) {
        return Err(Diagnostic::new(
            Kind::Syntax,
            file,
            format!("`[` and `{{` nest more than {MAX_FLOW_DEPTH} levels deep"),
        )
        .at(Some(
            Location::of_offset(text, offset).shifted(first_line - 1),
        ))
        .help("content files need only a few levels of lists and mappings"));
    }
    serde_norway::from_str(text).map_err(|e| {
        let location = e
            .location()
            .map(|l| Location::new(l.line(), l.column()).shifted(first_line - 1));
        // serde_norway appends " at line L column C" to its message; the location is
        // shown once, in front, like every other diagnostic.
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        let help = misspelt(&message);
        Diagnostic::new(Kind::Syntax, file, message)
            .at(location)
            .maybe_help(help)
    })
}

/// "did you mean" for serde's "unknown variant `candiate`, expected `candidate`" and
/// "unknown field `titel`, expected one of `title`, ...": the closest expected word.
fn misspelt(message: &str) -> Option<String> {
    let rest = message
        .split_once("unknown variant `")
        .or_else(|| message.split_once("unknown field `"))?
        .1;
    let (given, expected) = rest.split_once('`')?;
    let expected = expected.split_once("expected")?.1;
    // The expected words are the backticked ones: every other piece of the split.
    let words = expected.split('`').skip(1).step_by(2);
    crate::diagnostic::did_you_mean(given, words).map(|w| format!("did you mean `{w}`?"))
}

/// The position of every node of a YAML document, by path: mapping keys and sequence
/// indexes joined with `.` (`figures.0.quote`); the document root is `""`.
///
/// The index is built on the first lookup: only a document with an error needs one,
/// and parsing every document a second time cost a sixth of loading a large site.
#[derive(Debug, Default)]
pub(crate) struct Positions {
    text: Box<str>,
    first_line: usize,
    by_path: std::sync::OnceLock<HashMap<String, Location>>,
    /// A sequence some entries were taken out of after parsing, and for each entry
    /// left, its index in the file.
    renumbered: Option<(String, Vec<usize>)>,
}

impl Positions {
    /// The positions of `text`, which starts at line `first_line` of its file.
    pub(crate) fn new(text: &str, first_line: usize) -> Positions {
        Positions {
            text: text.into(),
            first_line,
            by_path: std::sync::OnceLock::new(),
            renumbered: None,
        }
    }

    /// These positions, for a document whose sequence at `path` lost entries after
    /// parsing: entry `j` of what is left is entry `file_index[j]` of the file.
    pub(crate) fn renumbered(mut self, path: &str, file_index: Vec<usize>) -> Positions {
        self.renumbered = Some((path.to_string(), file_index));
        self
    }

    /// `path` with the renumbered sequence's index replaced by the file's.
    fn in_file<'a>(&self, path: &'a str) -> std::borrow::Cow<'a, str> {
        let Some((seq, file_index)) = &self.renumbered else {
            return path.into();
        };
        let Some(rest) = path
            .strip_prefix(seq.as_str())
            .and_then(|r| r.strip_prefix('.'))
        else {
            return path.into();
        };
        let (index, tail) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
        match index.parse::<usize>().ok().and_then(|j| file_index.get(j)) {
            Some(i) => format!("{seq}.{i}{tail}").into(),
            None => path.into(),
        }
    }

    /// Indexes `text`. A document that does not parse gives an empty index: serde has
    /// reported the error already.
    fn index(text: &str, first_line: usize) -> HashMap<String, Location> {
        let mut by_path = HashMap::new();
        // One frame per open collection: the path to it, and for a mapping whether the
        // next scalar is a key, or for a sequence the next index.
        enum Frame {
            Map { path: String, key: Option<String> },
            Seq { path: String, next: usize },
        }
        fn child_path(stack: &mut [Frame]) -> Option<String> {
            let join = |p: &str, k: &str| {
                if p.is_empty() {
                    k.to_string()
                } else {
                    format!("{p}.{k}")
                }
            };
            match stack.last_mut() {
                None => Some(String::new()),
                Some(Frame::Seq { path, next }) => {
                    let p = join(path, &next.to_string());
                    *next += 1;
                    Some(p)
                }
                Some(Frame::Map { path, key }) => key.take().map(|k| join(path, &k)),
            }
        }
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let at = Location::new(span.start.line(), span.start.col() + 1).shifted(first_line - 1);
            match event {
                Event::Scalar(value, ..) => {
                    let expecting_key = matches!(stack.last(), Some(Frame::Map { key: None, .. }));
                    if expecting_key {
                        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                            *key = Some(value.into_owned());
                        }
                    } else if let Some(p) = child_path(&mut stack) {
                        by_path.insert(p, at);
                    }
                }
                Event::Alias(_) => {
                    if let Some(p) = child_path(&mut stack) {
                        by_path.insert(p, at);
                    }
                }
                Event::SequenceStart(..) => {
                    let path = child_path(&mut stack).unwrap_or_default();
                    by_path.insert(path.clone(), at);
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingStart(..) => {
                    let path = child_path(&mut stack).unwrap_or_default();
                    by_path.insert(path.clone(), at);
                    stack.push(Frame::Map { path, key: None });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        by_path
    }

    /// Where the node at `path` starts, falling back to its nearest indexed parent.
    pub(crate) fn get(&self, path: &str) -> Option<Location> {
        let by_path = self
            .by_path
            .get_or_init(|| Self::index(&self.text, self.first_line));
        let path = self.in_file(path);
        let mut p: &str = &path;
        loop {
            if let Some(l) = by_path.get(p) {
                return Some(*l);
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return by_path.get("").copied(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: T\nfigures:\n  - metric: a\n    value: 1\n  - metric: b\n    quote: \"x y\"\ntags: [C1, C2]\n";

    #[test]
    fn indexes_nested_values_by_path() {
        let p = Positions::new(DOC, 1);
        assert_eq!(p.get("title"), Some(Location::new(1, 8)));
        assert_eq!(p.get("figures.0.metric"), Some(Location::new(3, 13)));
        assert_eq!(p.get("figures.1.quote"), Some(Location::new(6, 12)));
        assert_eq!(p.get("tags.1"), Some(Location::new(7, 12)));
    }

    #[test]
    fn shifts_by_first_line_and_falls_back_to_parent() {
        let p = Positions::new(DOC, 2);
        assert_eq!(p.get("figures.1.nope"), Some(Location::new(6, 5)));
    }

    #[test]
    fn renumbered_sequences_point_at_the_entries_in_the_file() {
        // Entry 0 of the file was taken out: entry 0 left is the file's entry 1.
        let p = Positions::new(DOC, 1).renumbered("figures", vec![1]);
        assert_eq!(p.get("figures.0.quote"), Some(Location::new(6, 12)));
        assert_eq!(p.get("figures.0"), Some(Location::new(5, 5)));
        assert_eq!(p.get("title"), Some(Location::new(1, 8)));
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let deep = format!("n: {}", "[".repeat(65_536));
        let started = std::time::Instant::now();
        let err = parse::<serde_norway::Value>(&deep, Path::new("f.yaml"), 1).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(err.location, Some(Location::new(1, 4 + MAX_FLOW_DEPTH)));
        assert!(too_deep("a: \"[[[[[[[[\" # [[[[\nb: '[[[['' [[['\n").is_none());
        assert!(too_deep(&format!("a: {}1{}", "[".repeat(64), "]".repeat(64))).is_none());
    }

    #[test]
    fn misspelt_words_get_a_did_you_mean() {
        assert_eq!(
            misspelt("figures[0].review: unknown variant `candiate`, expected `candidate`")
                .as_deref(),
            Some("did you mean `candidate`?")
        );
        assert_eq!(
            misspelt("unknown field `titel`, expected one of `title`, `unit`").as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(
            misspelt("unknown variant `maybe`, expected `candidate`"),
            None
        );
        assert_eq!(misspelt("invalid type: string"), None);
    }

    #[test]
    fn parse_errors_carry_line_and_column() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            title: String,
        }
        let err = parse::<S>("title: T\ntitel: U\n", Path::new("f.yaml"), 2).unwrap_err();
        assert_eq!(err.location, Some(Location::new(3, 1)));
        assert!(
            err.message.contains("unknown field `titel`"),
            "{}",
            err.message
        );
    }
}
