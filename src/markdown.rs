//! Report text: Markdown to HTML, with heading anchors, figure quotes marked and
//! anchored, and the sections that belong to action lines cut out for other pages.
//!
//! Quotes are matched against the *rendered* text of one block (paragraph, list item,
//! heading, table cell), with whitespace runs folded and typographic quotes made
//! straight, so a quote reads as the reader sees the sentence, not as the Markdown
//! spells it. A quote may run across emphasis or a link: it is marked piece by piece,
//! one `<mark>` per text run, which keeps the HTML well formed.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{
    CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream, html,
};

use crate::model::{Body, Heading, LineId, Section};

/// A quote to find in the text and the anchor id to give it.
#[derive(Debug, Clone)]
pub(crate) struct QuoteRequest<'q> {
    /// The quote as curated.
    pub(crate) text: &'q str,
    /// The id of the anchor placed where it starts.
    pub(crate) anchor: &'q str,
}

/// How to render links and which headings name action lines.
pub(crate) struct RenderSettings<'s> {
    /// The site's sub-path (`/` or `/wsis/`), put before site-absolute links (`/x/`).
    pub(crate) base_path: &'s str,
    /// The report page's URL, for links in sections shown on other pages.
    pub(crate) report_url: &'s str,
    /// Resolves an action line code named in a heading (`C4`) to an index.
    pub(crate) line_code: &'s dyn Fn(&str) -> Option<LineId>,
    /// Whether raw HTML in the text is kept as written (the site's unsafe opt-in)
    /// rather than sanitised.
    pub(crate) allow_unsafe_html: bool,
}

/// The URL schemes a link or image may use; anything else (`javascript:`, `data:`,
/// `vbscript:`) is dropped, leaving the link's text.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Whether a link destination is safe to emit: relative, or one of [`SAFE_SCHEMES`].
fn safe_url(dest: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside a scheme
    // (`java\tscript:`), so they are removed before looking.
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    match cleaned.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            SAFE_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// The sanitiser for raw HTML in report text: ammonia's safe defaults, plus the ids and
/// classes the renderer itself emits (heading anchors, quote marks, footnotes), and
/// links limited to [`SAFE_SCHEMES`].
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class"])
            .url_schemes(SAFE_SCHEMES.iter().copied().collect())
            .link_rel(None);
        b
    })
}

/// The result of rendering one report's text.
#[derive(Debug)]
pub(crate) struct Rendered {
    /// The HTML, headings, sections and lead paragraph.
    pub(crate) body: Body,
    /// For each requested quote: `Ok` when found, or the closest text for a hint.
    pub(crate) quotes: Vec<Result<(), QuoteMiss>>,
}

/// Why a quote was not found: how much of it matched and what the text says instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteMiss {
    /// The longest start of the quote that the text has, if any useful part.
    pub(crate) matched: String,
    /// What the text says after that start, where the quote goes on differently.
    pub(crate) text_goes_on: String,
}

/// Folds a string for matching: whitespace runs become one space, typographic quotes
/// and non-breaking spaces become plain ones, and the ends are trimmed.
pub(crate) fn normalise(s: &str) -> String {
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
fn push_normalised(out: &mut String, c: char, on_byte: &mut dyn FnMut(usize)) {
    let c = match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
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
fn normalise_quote(q: &str) -> String {
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
struct BlockText {
    text: String,
    /// The events pushed, in order: text, code and line breaks.
    events: Vec<usize>,
}

/// Where one byte of a block's folded text came from: the event, and the byte range
/// of the source character within the event's text (empty for a line break).
type Origin = (usize, usize, usize);

impl BlockText {
    fn push_str(&mut self, event: usize, s: &str) {
        self.events.push(event);
        for c in s.chars() {
            // The common case, folded without the per-byte callback.
            if c.is_ascii_graphic() {
                self.text.push(c);
            } else {
                push_normalised(&mut self.text, c, &mut |_| {});
            }
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
struct Marks {
    /// Event index -> byte ranges within the event's text to wrap in `<mark>`.
    pieces: HashMap<usize, Vec<(usize, usize)>>,
    /// Event index -> (byte offset, anchor id) of anchors to place in the event.
    anchors: HashMap<usize, Vec<(usize, String)>>,
}

/// Ids the default theme's report page uses itself; headings never take them.
const RESERVED_IDS: &[&str] = &["main", "figures", "toc-title", "top"];

const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// Renders a report's Markdown.
pub(crate) fn render(text: &str, quotes: &[QuoteRequest<'_>], s: &RenderSettings<'_>) -> Rendered {
    // Adjacent text runs (split by escapes such as `\$`) are merged first so a quote
    // gets one `<mark>`, not one per run.
    let events: Vec<Event<'_>> =
        TextMergeStream::new(Parser::new_ext(text, MARKDOWN_OPTIONS)).collect();
    // Content is pasted from PDFs and contributed in pull requests: raw HTML in it is
    // sanitised unless the site opted in to it. Most reports have none, and only those
    // that do pay for the sanitiser.
    let sanitize = !s.allow_unsafe_html
        && events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    let clean = |html: String| -> String {
        if sanitize {
            sanitizer().clean(&html).to_string()
        } else {
            html
        }
    };

    let blocks = collect_blocks(&events);
    let mut marks = Marks::default();
    let quote_results = quotes
        .iter()
        .map(|q| place_quote(q, &blocks, &events, &mut marks))
        .collect();

    // Headings: text, anchors, and the action lines they name.
    let mut used_ids: HashSet<String> = quotes
        .iter()
        .map(|q| q.anchor.to_string())
        .chain(RESERVED_IDS.iter().map(|s| s.to_string()))
        .collect();
    let mut headings: HashMap<usize, (Heading, Vec<LineId>)> = HashMap::new();
    for block in &blocks {
        if let Event::Start(Tag::Heading { level, .. }) = &events[block.start] {
            let title = block.text.text.clone();
            let anchor = unique_id(&slugify(&title), &mut used_ids);
            let level = (*level as u8).max(2);
            let lines = action_line_codes(&title)
                .filter_map(|code| (s.line_code)(code))
                .fold(Vec::new(), |mut v, l| {
                    if !v.contains(&l) {
                        v.push(l);
                    }
                    v
                });
            let heading = Heading {
                level,
                text: title,
                anchor,
            };
            headings.insert(block.start, (heading, lines));
        }
    }

    let mut heading_starts: Vec<usize> = headings.keys().copied().collect();
    heading_starts.sort_unstable();

    let html_out = clean(render_events(
        &events,
        0..events.len(),
        &marks,
        &headings,
        s,
        None,
    ));

    let mut sections = Vec::new();
    for (i, &start) in heading_starts.iter().enumerate() {
        let (heading, lines) = &headings[&start];
        if lines.is_empty() {
            continue;
        }
        let end = heading_starts[i + 1..]
            .iter()
            .find(|&&h| headings[&h].0.level <= heading.level)
            .copied()
            .unwrap_or(events.len());
        let content_start = (start..end)
            .find(|&j| matches!(events[j], Event::End(TagEnd::Heading(_))))
            .map_or(end, |j| j + 1);
        let html = clean(render_events(
            &events,
            content_start..end,
            &marks,
            &headings,
            s,
            Some(heading.level),
        ));
        // The section's own text, for its length and opening sentence.
        let inside = blocks
            .iter()
            .filter(|b| (content_start..end).contains(&b.start))
            .filter(|b| !matches!(events[b.start], Event::Start(Tag::Heading { .. })));
        let words = inside
            .clone()
            .map(|b| b.text.text.split_whitespace().count())
            .sum();
        let lead = inside
            .map(|b| first_sentence(&b.text.text))
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        sections.push(Section {
            heading: heading.clone(),
            lines: lines.clone(),
            html,
            words,
            lead,
        });
    }

    let lead = blocks
        .iter()
        .find(|b| matches!(events[b.start], Event::Start(Tag::Paragraph)))
        .map(|b| b.text.text.clone())
        .unwrap_or_default();
    let toc = heading_starts
        .iter()
        .map(|h| headings[h].0.clone())
        .collect();
    // Plain text by heading, for the search index: [0] before the first heading,
    // [i + 1] under heading i.
    let mut text = vec![String::new(); heading_starts.len() + 1];
    let mut current = 0;
    for block in &blocks {
        if let Ok(i) = heading_starts.binary_search(&block.start) {
            current = i + 1;
        } else {
            let t = &mut text[current];
            if !t.is_empty() {
                t.push(' ');
            }
            t.push_str(&block.text.text);
        }
    }

    Rendered {
        body: Body {
            html: html_out,
            toc,
            sections,
            lead,
            text,
        },
        quotes: quote_results,
    }
}

/// Sentences longer than this many characters are cut, with an ellipsis.
const MAX_SENTENCE: usize = 240;

/// The first sentence of `text`: up to the first `.`, `!` or `?` followed by a space,
/// cut at a word boundary past [`MAX_SENTENCE`] characters.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .zip(text.chars().skip(1))
        .find(|&((_, c), next)| matches!(c, '.' | '!' | '?') && next == ' ')
        .map_or(text.len(), |((i, c), _)| i + c.len_utf8());
    let sentence = &text[..end];
    if sentence.chars().count() <= MAX_SENTENCE {
        return sentence.to_string();
    }
    let cut = sentence
        .char_indices()
        .nth(MAX_SENTENCE)
        .map_or(sentence.len(), |(i, _)| i);
    let cut = sentence[..cut].rfind(' ').unwrap_or(cut);
    format!(
        "{}…",
        sentence[..cut].trim_end_matches([',', ';', ':', ' '])
    )
}

/// A block with text: its opening event and its folded text.
#[derive(Debug)]
struct Block {
    start: usize,
    text: BlockText,
}

/// Gathers the text of every leaf block: text goes to the innermost open paragraph,
/// heading, list item or table cell.
fn collect_blocks(events: &[Event<'_>]) -> Vec<Block> {
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

/// Finds `q` in the first block that has it and records its marks and anchor.
fn place_quote(
    q: &QuoteRequest<'_>,
    blocks: &[Block],
    events: &[Event<'_>],
    marks: &mut Marks,
) -> Result<(), QuoteMiss> {
    let needle = normalise_quote(q.text);
    if needle.is_empty() {
        return Err(QuoteMiss {
            matched: String::new(),
            text_goes_on: String::new(),
        });
    }
    // One searcher for every block: setting up a substring search costs about as
    // much as running it over a paragraph.
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    for block in blocks {
        let Some(at) = finder.find(block.text.text.as_bytes()) else {
            continue;
        };
        let origin = &block.text.origin(events);
        // Skip folded spaces that came from line breaks: they have no text to mark.
        let first = (at..at + needle.len())
            .find(|&b| origin[b].2 > origin[b].1)
            .unwrap_or(at);
        let (start_event, start_off, _) = origin[first];
        let (end_event, _, end_off) = (at..at + needle.len())
            .rev()
            .map(|b| origin[b])
            .find(|o| o.2 > o.1)
            .unwrap_or(origin[at + needle.len() - 1]);
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
        return Ok(());
    }
    Err(closest(&needle, blocks))
}

/// The longest start of `needle` (in whole words) that some block has, with what that
/// block says next.
fn closest(needle: &str, blocks: &[Block]) -> QuoteMiss {
    let cuts: Vec<usize> = needle
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .chain(std::iter::once(needle.len()))
        .collect();
    for &cut in cuts.iter().rev() {
        let prefix = &needle[..cut];
        if prefix.chars().count() < 8 {
            break;
        }
        for block in blocks {
            if let Some(at) = block.text.text.find(prefix) {
                let after: String = block.text.text[at + prefix.len()..]
                    .chars()
                    .take(40)
                    .collect();
                return QuoteMiss {
                    matched: prefix.to_string(),
                    text_goes_on: after,
                };
            }
        }
    }
    QuoteMiss {
        matched: String::new(),
        text_goes_on: String::new(),
    }
}

/// Renders `range` of `events` to HTML. With `embed_under = Some(level)`, renders a
/// section for another page: no ids, headings moved below that page's own, links
/// within the report pointed at the report page, footnotes left out.
fn render_events(
    events: &[Event<'_>],
    range: std::ops::Range<usize>,
    marks: &Marks,
    headings: &HashMap<usize, (Heading, Vec<LineId>)>,
    s: &RenderSettings<'_>,
    embed_under: Option<u8>,
) -> String {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(range.len());
    let mut skip_depth = 0usize;
    // For each open link or image: whether it was dropped for an unsafe URL, so its
    // end is dropped too.
    let mut dropped: Vec<bool> = Vec::new();
    let embedded = embed_under.is_some();
    let shift_level = |level: u8| -> HeadingLevel {
        let l = match embed_under {
            // On an action line page the report's title is an h4: sub-headings go below.
            Some(section_level) => (level.saturating_sub(section_level) + 4).clamp(5, 6),
            None => level.max(2),
        };
        HeadingLevel::try_from(l as usize).unwrap_or(HeadingLevel::H6)
    };
    for i in range {
        let e = &events[i];
        if embedded {
            match e {
                Event::Start(Tag::FootnoteDefinition(_)) => {
                    skip_depth += 1;
                    continue;
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    skip_depth -= 1;
                    continue;
                }
                _ if skip_depth > 0 => continue,
                Event::FootnoteReference(name) => {
                    out.push(Event::InlineHtml(
                        format!("<sup>{}</sup>", escape(name)).into(),
                    ));
                    continue;
                }
                _ => {}
            }
        }
        match e {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = if embedded {
                    None
                } else {
                    headings
                        .get(&i)
                        .map(|(h, _)| CowStr::from(h.anchor.clone()))
                };
                out.push(Event::Start(Tag::Heading {
                    level: shift_level(*level as u8),
                    id,
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(shift_level(*level as u8))));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !safe_url(dest_url) =>
            {
                dropped.push(true);
            }
            Event::End(TagEnd::Link | TagEnd::Image) if dropped.pop() == Some(true) => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                dropped.push(false);
                let dest = rewrite_link(dest_url, s, embedded);
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                dropped.push(false);
                out.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: rewrite_link(dest_url, s, embedded),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Text(t) if marks.pieces.contains_key(&i) || marks.anchors.contains_key(&i) => {
                out.push(Event::InlineHtml(marked_text(t, i, marks, embedded).into()));
            }
            Event::Code(t) if !embedded && marks.anchors.contains_key(&i) => {
                let mut h = anchors_html(marks, i, usize::MAX);
                h.push_str(&format!("<code>{}</code>", escape(t)));
                out.push(Event::InlineHtml(h.into()));
            }
            e => out.push(e.clone()),
        }
    }
    let mut html_out = String::with_capacity(out.len() * 16);
    html::push_html(&mut html_out, out.into_iter());
    html_out
}

/// Site-absolute links (`/reports/x/`) get the base path; in embedded sections,
/// in-page links (`#x`) point back at the report page.
fn rewrite_link<'a>(dest: &CowStr<'a>, s: &RenderSettings<'_>, embedded: bool) -> CowStr<'a> {
    if let Some(rest) = dest.strip_prefix('/') {
        if !rest.starts_with('/') {
            return format!("{}{rest}", s.base_path).into();
        }
    }
    if embedded && dest.starts_with('#') {
        return format!("{}{dest}", s.report_url).into();
    }
    dest.clone()
}

/// The anchors of event `i` at offsets before `upto`, as empty spans.
fn anchors_html(marks: &Marks, i: usize, upto: usize) -> String {
    let mut h = String::new();
    if let Some(list) = marks.anchors.get(&i) {
        for (off, id) in list {
            if *off < upto {
                h.push_str(&format!(
                    r#"<span class="anchor" id="{}"></span>"#,
                    escape(id)
                ));
            }
        }
    }
    h
}

/// A text run with its quote pieces wrapped in `<mark>` and anchors placed before them.
fn marked_text(t: &str, i: usize, marks: &Marks, embedded: bool) -> String {
    // Cut points: every piece boundary and anchor offset.
    let pieces = marks.pieces.get(&i).map(Vec::as_slice).unwrap_or(&[]);
    let anchors = if embedded {
        &[][..]
    } else {
        marks.anchors.get(&i).map(Vec::as_slice).unwrap_or(&[])
    };
    let mut cuts: Vec<usize> = vec![0, t.len()];
    cuts.extend(pieces.iter().flat_map(|&(a, b)| [a, b]));
    cuts.extend(anchors.iter().map(|(o, _)| *o));
    cuts.sort_unstable();
    cuts.dedup();
    let mut h = String::with_capacity(t.len() + 64);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        for (off, id) in anchors {
            if *off == a {
                h.push_str(&format!(
                    r#"<span class="anchor" id="{}"></span>"#,
                    escape(id)
                ));
            }
        }
        let inside = pieces.iter().any(|&(pa, pb)| pa <= a && b <= pb);
        if inside {
            h.push_str(r#"<mark class="quote">"#);
            h.push_str(&escape(&t[a..b]));
            h.push_str("</mark>");
        } else {
            h.push_str(&escape(&t[a..b]));
        }
    }
    h
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}

/// The action line codes a heading names: `C4`, `C11`, as separate words.
fn action_line_codes(title: &str) -> impl Iterator<Item = &str> {
    title
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| {
            w.len() >= 2
                && w.len() <= 3
                && w.starts_with('C')
                && w[1..].chars().all(|c| c.is_ascii_digit())
        })
}

/// A URL fragment from a heading: lower case ASCII letters, digits and single `-`.
pub(crate) fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// `base`, or `base-2`, `base-3`... whichever is not in `used` yet; marks it used.
pub(crate) fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> RenderSettings<'static> {
        static CODE: fn(&str) -> Option<LineId> = |c| {
            c.strip_prefix('C')
                .and_then(|n| n.parse::<u32>().ok())
                .map(|n| LineId(n - 1))
        };
        RenderSettings {
            base_path: "/wsis/",
            report_url: "/wsis/reports/r/",
            line_code: &CODE,
            allow_unsafe_html: false,
        }
    }

    #[test]
    fn quote_across_emphasis_is_marked_piecewise() {
        let md = "We committed \\$264,100 to support **37 NRIs** this year.\n";
        let q = [QuoteRequest {
            text: "We committed $264,100 to support 37 NRIs",
            anchor: "fig-a",
        }];
        let r = render(md, &q, &settings());
        assert_eq!(r.quotes, vec![Ok(())]);
        let html = &r.body.html;
        assert!(
            html.contains(
                r#"<span class="anchor" id="fig-a"></span><mark class="quote">We committed "#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<strong><mark class="quote">37 NRIs</mark></strong>"#),
            "{html}"
        );
        assert!(html.contains("</strong> this year."), "{html}");
    }

    #[test]
    fn quotes_fold_whitespace_and_typographic_quotes() {
        let md = "the Forum\u{2019}s\nmore than 9,000   delegates\n";
        let q = [QuoteRequest {
            text: "the Forum's more than 9,000 delegates",
            anchor: "q",
        }];
        assert_eq!(render(md, &q, &settings()).quotes, vec![Ok(())]);
    }

    #[test]
    fn missing_quote_reports_where_it_parts_from_the_text() {
        let md = "In 2024 we trained 355 alumni across the world.\n";
        let q = [QuoteRequest {
            text: "In 2024 we trained 356 alumni",
            anchor: "q",
        }];
        let miss = render(md, &q, &settings()).quotes[0].clone().unwrap_err();
        assert_eq!(miss.matched, "In 2024 we trained");
        assert!(miss.text_goes_on.starts_with(" 355 alumni"));
    }

    #[test]
    fn first_sentences_end_at_punctuation_or_are_cut_at_a_word() {
        assert_eq!(
            first_sentence(" We met 3.5 times. Then more. "),
            "We met 3.5 times."
        );
        assert_eq!(first_sentence("No stop"), "No stop");
        let long = "word ".repeat(100);
        let cut = first_sentence(&long);
        assert!(
            cut.ends_with("word…") && cut.chars().count() <= MAX_SENTENCE + 1,
            "{cut}"
        );
        assert_eq!(
            first_sentence(&"é".repeat(300)).chars().count(),
            MAX_SENTENCE + 1
        );
    }

    #[test]
    fn sections_follow_action_line_headings() {
        let md = "Intro.\n\n## WSIS Action Line C4: Capacity building\n\nTraining [here](#top).\n\n### Details\n\nMore.\n\n## Other\n\nNot C4.\n\n## C1 and C11\n\nBoth.\n";
        let r = render(md, &[], &settings());
        let lines: Vec<_> = r.body.sections.iter().map(|s| s.lines.clone()).collect();
        assert_eq!(lines, vec![vec![LineId(3)], vec![LineId(0), LineId(10)]]);
        let s = &r.body.sections[0];
        assert_eq!(s.heading.anchor, "wsis-action-line-c4-capacity-building");
        assert!(
            s.html.contains(r#"<a href="/wsis/reports/r/#top">"#),
            "{}",
            s.html
        );
        assert!(s.html.contains("<h5>Details</h5>"), "{}", s.html);
        assert!(!s.html.contains("Not C4"));
        // "Training here." and "More.": sub-heading text is not counted.
        assert_eq!((s.words, s.lead.as_str()), (3, "Training here."));
        assert!(r.body.html.contains(r#"<h2 id="other">Other</h2>"#));
        assert_eq!(r.body.lead, "Intro.");
    }

    #[test]
    fn raw_html_is_sanitised() {
        let md = "Hi <script>alert(1)</script> <b onclick=\"x()\">bold</b> H<sub>2</sub>O\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](https://ok.org/)\n";
        let html = render(md, &[], &settings()).body.html;
        for bad in [
            "<script",
            "onclick",
            "onerror",
            "javascript",
            "JaVa",
            "alert(1)</",
        ] {
            assert!(
                !html.to_lowercase().contains(&bad.to_lowercase()),
                "{bad} in {html}"
            );
        }
        assert!(html.contains("<b>bold</b>"), "{html}");
        assert!(html.contains("H<sub>2</sub>O"), "{html}");
        assert!(
            html.contains(r#"<a href="https://ok.org/">c</a>"#),
            "{html}"
        );
        assert!(html.contains("a b"), "unsafe links keep their text: {html}");
    }

    #[test]
    fn only_safe_schemes() {
        for ok in [
            "/a/",
            "#x",
            "x.html",
            "https://a.org/",
            "mailto:a@b.org",
            "a/b:c",
        ] {
            assert!(safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:x",
            "JavaScript:x",
            "java\tscript:x",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!safe_url(bad), "{bad}");
        }
    }

    #[test]
    fn raw_html_is_kept_when_the_site_opts_in() {
        let mut s = settings();
        s.allow_unsafe_html = true;
        let html = render("<div class=\"x\" onclick=\"y()\">z</div>\n", &[], &s)
            .body
            .html;
        assert!(html.contains("onclick"), "{html}");
    }

    #[test]
    fn site_absolute_links_get_the_base_path() {
        let r = render("[x](/reports/a/) [y](https://e.org/)\n", &[], &settings());
        assert!(r.body.html.contains(r#"href="/wsis/reports/a/""#));
        assert!(r.body.html.contains(r#"href="https://e.org/""#));
    }
}
