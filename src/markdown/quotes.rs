//! Figure quotes: the text of each block folded for matching, each quote found in it,
//! and where its marks and anchor go; for a quote not found, the closest passage.

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::QuoteRequest;

/// Why a quote was not found: how much of it matched and what the text says instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteMiss {
    /// The longest start of the quote (folded) that the text has, if any useful part.
    pub(crate) matched: String,
    /// What the text says after that start, where the quote goes on differently.
    pub(crate) text_goes_on: String,
    /// How the quote goes on instead.
    pub(crate) quote_goes_on: String,
    /// The first character where the quote and that passage differ, in each (`None`
    /// where one ends): within a word, where the passages above are cut at words.
    pub(crate) differs: (Option<char>, Option<char>),
}

/// How many characters of a quote or passage an error shows at most: a quote may be
/// a whole page pasted by mistake.
const SHOWN: usize = 60;

impl QuoteMiss {
    /// The help for an error about the quote: the closest passage of the text, and the
    /// first character that differs, named by code point when it does not show.
    pub(crate) fn help(&self) -> String {
        if self.matched.is_empty() {
            return "copy the sentence from the report's text; the quote must stand within \
                    one paragraph, list item, heading or table cell"
                .to_string();
        }
        let mut help = format!(
            "the text has \"{}\" but then goes on \"{}\" where the quote has \"{}\"",
            shorten_start(&self.matched),
            self.text_goes_on,
            self.quote_goes_on
        );
        let (quote_next, text_next) = self.differs;
        if [text_next, quote_next]
            .iter()
            .flatten()
            .any(|c| !c.is_ascii_graphic() && *c != ' ')
        {
            help.push_str(&format!(
                " (the quote has {}, the text {})",
                describe(quote_next),
                describe(text_next)
            ));
        }
        help
    }
}

/// A character by code point, with itself where it shows (`U+00E9 "é"`).
fn describe(c: Option<char>) -> String {
    match c {
        None => "nothing more".to_string(),
        Some(c)
            if c.is_control()
                || c.is_whitespace()
                || is_invisible(c)
                || unicode_normalization::char::is_combining_mark(c) =>
        {
            format!("U+{:04X}", c as u32)
        }
        Some(c) => format!("U+{:04X} \"{c}\"", c as u32),
    }
}

/// `s` cut to its first [`SHOWN`] characters, with an ellipsis and the length when
/// cut.
pub(crate) fn shorten(s: &str) -> String {
    let count = s.chars().count();
    if count > SHOWN {
        format!("{} ({count} characters)", crate::diagnostic::cut(s, SHOWN))
    } else {
        s.to_string()
    }
}

/// `s` cut to its last [`SHOWN`] characters, with an ellipsis.
fn shorten_start(s: &str) -> String {
    let count = s.chars().count();
    match s.char_indices().nth(count.saturating_sub(SHOWN)) {
        Some((at, _)) if at > 0 => format!("…{}", &s[at..]),
        _ => s.to_string(),
    }
}

/// Characters that show as nothing and are left out when matching quotes. The
/// direction marks and controls (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to
/// U+2069) come with text copied from PDFs in Arabic or Hebrew, and a quote copied
/// from elsewhere rarely carries the same ones.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{061c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Folds a string for matching: canonically decomposed (NFD), whitespace runs become
/// one space, typographic quotes and non-breaking spaces become plain ones, invisible
/// characters (zero-width spaces and joiners, soft hyphens) are left out, and the ends
/// are trimmed.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_normalised(&mut out, c, &mut |_| {});
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Pushes `c` folded onto `out`, calling `on_byte` once per byte pushed.
///
/// Decomposing one character at a time (`é` to `e` and U+0301) is what lets a quote
/// typed in one normalization form match text in the other while each byte still
/// maps back to one source character; combining marks of one letter given in a
/// different order are not reordered.
fn push_normalised(out: &mut String, c: char, on_byte: &mut dyn FnMut(usize)) {
    if c.is_ascii() {
        push_folded(out, c, on_byte);
    } else {
        unicode_normalization::char::decompose_canonical(c, |d| push_folded(out, d, on_byte));
    }
}

/// Pushes one decomposed character folded onto `out`.
fn push_folded(out: &mut String, c: char, on_byte: &mut dyn FnMut(usize)) {
    let c = match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
        c if is_invisible(c) => return,
        c if c.is_whitespace() => ' ',
        c => c,
    };
    if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
        return;
    }
    out.push(c);
    for _ in 0..c.len_utf8() {
        on_byte(out.len());
    }
}

/// A curated quote folded like the text, with Markdown backslash escapes (`\$`) undone.
pub(crate) fn normalise_quote(q: &str) -> String {
    let mut unescaped = String::with_capacity(q.len());
    let mut chars = q.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        unescaped.push(c);
    }
    normalise(&unescaped)
}

/// The plain text of one block, folded, and the events it came from.
///
/// Where each byte of the text came from is worked out only for a block a quote is
/// found in ([`BlockText::origin`]): recording it for every byte of every block cost
/// 24 bytes of memory per byte of text, most of a report's rendering time.
#[derive(Debug, Default)]
pub(super) struct BlockText {
    pub(super) text: String,
    /// The events pushed, in order: text, code and line breaks.
    events: Vec<usize>,
}

/// Where one byte of a block's folded text came from: the event, and the byte range
/// of the source character within the event's text (empty for a line break).
type Origin = (usize, usize, usize);

impl BlockText {
    fn push_str(&mut self, event: usize, s: &str) {
        self.events.push(event);
        let mut rest = s;
        while !rest.is_empty() {
            // The common case: a run of printable ASCII folds to itself, copied whole
            // rather than decoded and pushed a character at a time (that loop was a
            // tenth of rendering a report).
            let run = rest
                .bytes()
                .position(|b| !b.is_ascii_graphic())
                .unwrap_or(rest.len());
            self.text.push_str(&rest[..run]);
            let mut chars = rest[run..].chars();
            match chars.next() {
                // A space between words, as `push_folded` folds it: one, never first.
                Some(' ') if self.text.is_empty() || self.text.ends_with(' ') => {}
                Some(' ') => self.text.push(' '),
                Some(c) => push_normalised(&mut self.text, c, &mut |_| {}),
                None => {}
            }
            rest = chars.as_str();
        }
    }
    /// The number of words in the text: folded, it has one space between words and
    /// none at its ends, so the spaces are counted rather than the text split.
    pub(super) fn words(&self) -> usize {
        if self.text.is_empty() {
            0
        } else {
            memchr::memchr_iter(b' ', self.text.as_bytes()).count() + 1
        }
    }

    fn push_space(&mut self, event: usize) {
        self.events.push(event);
        push_normalised(&mut self.text, ' ', &mut |_| {});
    }

    /// For each byte of the text, where it came from: the folding replayed.
    fn origin(&self, events: &[Event<'_>]) -> Vec<Origin> {
        let mut text = String::with_capacity(self.text.len());
        let mut origin = Vec::with_capacity(self.text.len());
        for &ev in &self.events {
            match &events[ev] {
                Event::Text(t) | Event::Code(t) => {
                    for (off, c) in t.char_indices() {
                        let len = c.len_utf8();
                        push_normalised(&mut text, c, &mut |_| origin.push((ev, off, off + len)));
                    }
                }
                _ => push_normalised(&mut text, ' ', &mut |_| origin.push((ev, 0, 0))),
            }
        }
        // The block's trailing space was dropped.
        origin.truncate(self.text.len());
        origin
    }
}

/// Where a quote landed: pieces of text events to mark, and where its anchor goes.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// Event index -> byte ranges within the event's text to wrap in `<mark>`.
    pub(super) pieces: HashMap<usize, Vec<(usize, usize)>>,
    /// Event index -> (byte offset, anchor id) of anchors to place in the event.
    pub(super) anchors: HashMap<usize, Vec<(usize, String)>>,
}
/// A block with text: its opening event and its folded text.
#[derive(Debug)]
pub(super) struct Block {
    pub(super) start: usize,
    pub(super) text: BlockText,
}

/// Gathers the text of every leaf block: text goes to the innermost open paragraph,
/// heading, list item or table cell.
pub(super) fn collect_blocks(events: &[Event<'_>]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell) => {
                open.push(blocks.len());
                blocks.push(Block {
                    start: i,
                    text: BlockText::default(),
                });
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => {
                open.pop();
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(&b) = open.last() {
                    blocks[b].text.push_str(i, t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(&b) = open.last() {
                    blocks[b].text.push_space(i);
                }
            }
            _ => {}
        }
    }
    for b in &mut blocks {
        if b.text.text.ends_with(' ') {
            b.text.text.pop();
        }
    }
    blocks
}

/// Finds each quote in the first block that has it and records its marks and anchor.
///
/// All the quotes are looked for in one pass over the text (Aho-Corasick): searching
/// for each in turn made 15,000 figures quadratic. Where each byte of a block came
/// from is worked out once per block a quote is found in.
pub(super) fn place_quotes(
    quotes: &[QuoteRequest<'_>],
    blocks: &[Block],
    events: &[Event<'_>],
) -> (Marks, Vec<Result<(), QuoteMiss>>) {
    let needles: Vec<String> = quotes.iter().map(|q| normalise_quote(q.text)).collect();
    // Each distinct needle once, so that repeated quotes do not repeat matches.
    let mut pattern_of: HashMap<&str, usize> = HashMap::new();
    let mut patterns: Vec<&str> = Vec::new();
    for n in needles.iter().filter(|n| !n.is_empty()) {
        pattern_of.entry(n.as_str()).or_insert_with(|| {
            patterns.push(n);
            patterns.len() - 1
        });
    }
    let first = first_occurrences(&patterns, blocks);
    let mut marks = Marks::default();
    let mut origins: HashMap<usize, Vec<Origin>> = HashMap::new();
    let results = quotes
        .iter()
        .zip(&needles)
        .map(|(q, needle)| {
            let found = pattern_of.get(needle.as_str()).and_then(|&p| first[p]);
            let Some((b, at)) = found else {
                return Err(closest(needle, blocks));
            };
            let origin = origins
                .entry(b)
                .or_insert_with(|| blocks[b].text.origin(events));
            mark(q, at..at + needle.len(), origin, events, &mut marks);
            Ok(())
        })
        .collect();
    (marks, results)
}

/// Up to this many distinct quotes, each is looked for on its own (one substring
/// search per block until found); more are looked for all at once.
const FEW_QUOTES: usize = 8;

/// For each pattern, the (block, byte offset) of its first occurrence, if any.
///
/// A report has a few quotes: building an automaton for them (even the contiguous
/// NFA) cost more than searching the text, 2% of a fresh 10,000-report build's CPU,
/// so a few are searched for one by one. Many (a report with thousands of figures)
/// are searched for in one pass (Aho-Corasick), which keeps that linear.
fn first_occurrences(patterns: &[&str], blocks: &[Block]) -> Vec<Option<(usize, usize)>> {
    if patterns.len() <= FEW_QUOTES {
        return patterns
            .iter()
            .map(|p| {
                let finder = memchr::memmem::Finder::new(p.as_bytes());
                blocks.iter().enumerate().find_map(|(b, block)| {
                    finder.find(block.text.text.as_bytes()).map(|at| (b, at))
                })
            })
            .collect();
    }
    all_at_once(patterns, blocks)
}

/// [`first_occurrences`] in one pass over the text, whatever the number of patterns.
fn all_at_once(patterns: &[&str], blocks: &[Block]) -> Vec<Option<(usize, usize)>> {
    let mut first: Vec<Option<(usize, usize)>> = vec![None; patterns.len()];
    // A contiguous NFA: building the DFA the default picks cost more than the search.
    let ac = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(patterns);
    if let Ok(ac) = ac {
        let mut missing = patterns.len();
        for (b, block) in blocks.iter().enumerate() {
            if missing == 0 {
                break;
            }
            for m in ac.find_overlapping_iter(block.text.text.as_str()) {
                let slot = &mut first[m.pattern().as_usize()];
                if slot.is_none() {
                    *slot = Some((b, m.start()));
                    missing -= 1;
                }
            }
        }
    }
    first
}

/// Records the marks and anchor of quote `q` found at `range` of a block's text.
fn mark(
    q: &QuoteRequest<'_>,
    range: std::ops::Range<usize>,
    origin: &[Origin],
    events: &[Event<'_>],
    marks: &mut Marks,
) {
    // Skip folded spaces that came from line breaks: they have no text to mark.
    let first = range
        .clone()
        .find(|&b| origin[b].2 > origin[b].1)
        .unwrap_or(range.start);
    let (start_event, start_off, _) = origin[first];
    let (end_event, _, end_off) = range
        .clone()
        .rev()
        .map(|b| origin[b])
        .find(|o| o.2 > o.1)
        .unwrap_or(origin[range.end - 1]);
    marks
        .anchors
        .entry(start_event)
        .or_default()
        .push((start_off, q.anchor.to_string()));
    for (ev, event) in events
        .iter()
        .enumerate()
        .take(end_event + 1)
        .skip(start_event)
    {
        if let Event::Text(t) = event {
            let from = if ev == start_event { start_off } else { 0 };
            let to = if ev == end_event { end_off } else { t.len() };
            if from < to {
                marks.pieces.entry(ev).or_default().push((from, to));
            }
        }
    }
}

/// The longest start of `needle` (in whole words) that some block has, with what that
/// block says next.
///
/// Whether a start is in the text only ever turns from yes to no as it grows, so the
/// longest is found by bisection: a few passes over the text, not one per word of
/// the quote (a 100 KB quote has 15,000).
fn closest(needle: &str, blocks: &[Block]) -> QuoteMiss {
    let cuts: Vec<usize> = needle
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .chain(std::iter::once(needle.len()))
        .filter(|&cut| needle[..cut].chars().nth(7).is_some())
        .collect();
    let find = |cut: usize| -> Option<(&Block, usize)> {
        let finder = memchr::memmem::Finder::new(&needle.as_bytes()[..cut]);
        blocks
            .iter()
            .find_map(|b| finder.find(b.text.text.as_bytes()).map(|at| (b, at)))
    };
    // The number of cuts whose start is in the text.
    let found = cuts.partition_point(|&cut| find(cut).is_some());
    let Some((cut, (block, at))) = found
        .checked_sub(1)
        .and_then(|i| Some((cuts[i], find(cuts[i])?)))
    else {
        return QuoteMiss {
            matched: String::new(),
            text_goes_on: String::new(),
            quote_goes_on: String::new(),
            differs: (None, None),
        };
    };
    let tail = |s: &str| match s.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    };
    let text_rest = &block.text.text[at + cut..];
    let quote_rest = &needle[cut..];
    let differs = text_rest
        .chars()
        .map(Some)
        .chain(std::iter::repeat(None))
        .zip(quote_rest.chars().map(Some).chain(std::iter::once(None)))
        .find(|(t, q)| t != q)
        .map_or((None, None), |(t, q)| (q, t));
    QuoteMiss {
        matched: needle[..cut].to_string(),
        text_goes_on: tail(text_rest),
        quote_goes_on: tail(quote_rest),
        differs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block of one text event, folded as `collect_blocks` folds it.
    fn block_of(s: &str) -> Block {
        let mut text = BlockText::default();
        text.push_str(0, s);
        if text.text.ends_with(' ') {
            text.text.pop();
        }
        Block { start: 0, text }
    }

    #[test]
    fn a_block_folds_its_text_as_a_quote_is_folded() {
        for s in [
            "",
            " ",
            "plain words",
            "  leading and trailing  ",
            "tabs\tand\nnew  lines \u{a0} and\u{2003}em spaces",
            "the Forum\u{2019}s \u{201c}quoted\u{201d} text",
            "soft\u{ad}hyphen, zero\u{200b}width, \u{200f}marks",
            "d\u{e9}composed caf\u{e9} and cafe\u{301}",
            "\u{200b} invisible first",
            "numbers: $264,100 (37%)!",
            "Кириллица и العربية",
        ] {
            let block = block_of(s);
            assert_eq!(block.text.text, normalise(s), "{s:?}");
            assert_eq!(
                block.text.words(),
                block.text.text.split_whitespace().count(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn quotes_are_found_first_alike_one_by_one_and_all_at_once() {
        let blocks: Vec<Block> = [
            "we trained 355 alumni in 2024",
            "alumni alumni and more alumni",
            "the second paragraph says 355 too",
        ]
        .iter()
        .map(|s| block_of(s))
        .collect();
        let patterns = [
            "alumni",
            "355",
            "missing",
            "alumni and more",
            "mni al",
            "too",
            "we",
        ];
        assert!(patterns.len() <= FEW_QUOTES);
        let found = first_occurrences(&patterns, &blocks);
        assert_eq!(found, all_at_once(&patterns, &blocks));
        assert_eq!(found[0], Some((0, 15)));
        assert_eq!(found[2], None);
        assert_eq!(found[4], Some((1, 3)));
    }
}
