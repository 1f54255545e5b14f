//! Report text: Markdown to HTML, with heading anchors, figure quotes marked and
//! anchored, and the sections that belong to action lines found (their title, length
//! and opening sentence, for the pages that list them).
//!
//! Quotes are matched against the *rendered* text of one block (paragraph, list item,
//! heading, table cell), with whitespace runs folded and typographic quotes made
//! straight, so a quote reads as the reader sees the sentence, not as the Markdown
//! spells it. A quote may run across emphasis or a link: it is marked piece by piece,
//! one `<mark>` per text run, which keeps the HTML well formed.
//!
//! Nesting deeper than [`depth::MAX_DEPTH`] (block quotes, lists, emphasis, links, raw
//! HTML tags) is flattened before anything walks the tree, so no later stage (the
//! sanitiser, the minifier, a browser) sees a deeper document; block containers and
//! table padding are bounded even before the parser reads the text ([`bound`]), since
//! the parser's own time and memory grow with them.

mod bound;
mod depth;
mod emit;
mod ids;
mod paragraphs;
mod quotes;
mod sanitize;

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

use crate::model::{Body, Heading, LineId, Packed, Section, Sections};
pub(crate) use bound::bound_text;
pub(crate) use depth::MAX_DEPTH;
pub(crate) use emit::escape;
use emit::render_events;
pub(crate) use ids::IdSet;
use ids::slugify;
pub(crate) use paragraphs::{Numbered, render_document};
/// Citations of the frame and the review page of `wsis serve` find quotes as the
/// build does.
pub(crate) use quotes::{QuoteMiss, normalise_quote, shorten};
use quotes::{collect_blocks, place_quotes};
use sanitize::sanitizer;

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
    /// Resolves an action line code named in a heading (`C4`) to an index.
    pub(crate) line_code: &'s dyn Fn(&str) -> Option<LineId>,
    /// Whether raw HTML in the text is kept as written (the site's unsafe opt-in)
    /// rather than sanitised.
    pub(crate) allow_unsafe_html: bool,
    /// The line of the report file the text starts on, for headings' lines.
    pub(crate) first_line: usize,
}

/// Line numbers of byte offsets met in increasing order, counted incrementally so
/// that the lines of n headings cost one pass over the text, not n.
struct LineCounter<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str, first_line: usize) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: first_line,
        }
    }

    /// The line of byte `offset`, which is not before the last one asked about.
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.clamp(self.offset, self.text.len());
        self.line += memchr::memchr_iter(b'\n', &self.text.as_bytes()[self.offset..offset]).count();
        self.offset = offset;
        self.line
    }
}

/// The result of rendering one report's text.
#[derive(Debug)]
pub(crate) struct Rendered {
    /// The HTML, headings, sections and lead paragraph.
    pub(crate) body: Body,
    /// For each requested quote: `Ok` when found, or the closest text for a hint.
    pub(crate) quotes: Vec<Result<(), QuoteMiss>>,
    /// A source document's numbered paragraphs ([`render_document`]); none for a
    /// report.
    pub(crate) paragraphs: Vec<Numbered>,
}

/// Ids the default theme's report page uses itself; headings never take them.
const RESERVED_IDS: &[&str] = &["main", "figures", "toc-title", "top"];

/// The extensions reports are written with (tables, footnotes, strikethrough); the
/// importer reads and escapes Markdown with the same ones.
pub(crate) const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// Renders a report's Markdown.
pub(crate) fn render(text: &str, quotes: &[QuoteRequest<'_>], s: &RenderSettings<'_>) -> Rendered {
    render_with(text, quotes, s, false)
}

/// Renders Markdown; with `numbered`, top-level ordered-list items whose number starts
/// their line are a source document's paragraphs ([`paragraphs`]).
fn render_with(
    text: &str,
    quotes: &[QuoteRequest<'_>],
    s: &RenderSettings<'_>,
    numbered: bool,
) -> Rendered {
    // Every offset, line and slice below is of the bounded text, which has the
    // original's lines.
    let bounded = bound_text(text);
    let text: &str = &bounded;
    // Adjacent text runs (split by escapes such as `\$`) are merged first so a quote
    // gets one `<mark>`, not one per run.
    let (mut events, mut offsets): (Vec<Event<'_>>, Vec<usize>) =
        TextMergeWithOffset::new(Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter())
            .map(|(e, range)| (e, range.start))
            .unzip();
    depth::flatten(&mut events, &mut offsets);
    // Content is pasted from PDFs and contributed in pull requests: raw HTML in it is
    // sanitised unless the site opted in to it. Most reports have none, and only those
    // that do pay for the sanitiser.
    let sanitize = !s.allow_unsafe_html
        && events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    let clean = |html: String| -> String {
        if sanitize {
            // Parsing may reopen elements the count of raw tags took as closed:
            // the sanitiser's well-formed output is held to the limit exactly.
            let clean = sanitizer().clean(&html).to_string();
            match depth::flatten_html(&clean) {
                Cow::Borrowed(_) => clean,
                Cow::Owned(flat) => flat,
            }
        } else {
            html
        }
    };

    let blocks = collect_blocks(&events);
    let (marks, quote_results) = place_quotes(quotes, &blocks, &events);
    let items = if numbered {
        paragraphs::numbered_items(text, &events, &offsets)
    } else {
        HashMap::new()
    };
    let item_ids: Vec<String> = items.values().map(|n| paragraphs::anchor(*n)).collect();
    let paragraphs = paragraphs::texts(&items, &events, &offsets, &blocks, text, s.first_line);

    // Headings: text, anchors, and the action lines they name.
    let mut used_ids = IdSet::with(
        quotes
            .iter()
            .map(|q| q.anchor)
            .chain(RESERVED_IDS.iter().copied())
            .chain(item_ids.iter().map(String::as_str)),
    );
    let mut lines_before = LineCounter::new(text, s.first_line);
    let mut headings: HashMap<usize, (Heading, Vec<LineId>)> = HashMap::new();
    for block in &blocks {
        if let Event::Start(Tag::Heading { level, .. }) = &events[block.start] {
            let title = block.text.text.clone();
            let anchor = used_ids.unique(&slugify(&title));
            let line = lines_before.line_at(offsets[block.start]);
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
                line,
            };
            headings.insert(block.start, (heading, lines));
        }
    }

    let mut heading_starts: Vec<usize> = headings.keys().copied().collect();
    heading_starts.sort_unstable();

    let html_out = clean(render_events(&events, &marks, &headings, &items, s));

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
        // The section's own text, for its length and opening sentence.
        let inside = blocks
            .iter()
            .filter(|b| (content_start..end).contains(&b.start))
            .filter(|b| !matches!(events[b.start], Event::Start(Tag::Heading { .. })));
        let words = inside.clone().map(|b| b.text.words()).sum();
        let lead = inside
            .map(|b| first_sentence(&b.text.text))
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        sections.push(Section {
            heading: heading.clone(),
            lines: lines.clone(),
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
            html: Packed::new(&html_out),
            toc,
            sections,
            lead,
            text: Sections::new(&text),
        },
        quotes: quote_results,
        paragraphs,
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
            line_code: &CODE,
            allow_unsafe_html: false,
            first_line: 1,
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
        let html = &r.body.html.unpack();
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
        // "Training here." and "More.": sub-heading text is not counted.
        assert_eq!((s.words, s.lead.as_str()), (3, "Training here."));
        assert!(
            r.body
                .html
                .unpack()
                .contains(r#"<h2 id="other">Other</h2>"#)
        );
        assert_eq!(r.body.lead, "Intro.");
    }

    #[test]
    fn raw_html_is_sanitised() {
        let md = "Hi <script>alert(1)</script> <b onclick=\"x()\">bold</b> H<sub>2</sub>O\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](https://ok.org/)\n";
        let html = render(md, &[], &settings()).body.html.unpack();
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
    fn raw_html_is_kept_when_the_site_opts_in() {
        let mut s = settings();
        s.allow_unsafe_html = true;
        let html = render("<div class=\"x\" onclick=\"y()\">z</div>\n", &[], &s)
            .body
            .html
            .unpack();
        assert!(html.contains("onclick"), "{html}");
    }

    #[test]
    fn site_absolute_links_get_the_base_path() {
        let r = render("[x](/reports/a/) [y](https://e.org/)\n", &[], &settings());
        assert!(r.body.html.unpack().contains(r#"href="/wsis/reports/a/""#));
        assert!(r.body.html.unpack().contains(r#"href="https://e.org/""#));
    }
}
