//! Markdown into a [`Document`] through pulldown-cmark, with the options the site
//! renders reports with. The blocks hold plain text (inline HTML and footnote markers
//! left out); the Markdown itself is kept as written for the draft's body, but for the
//! superscripts the blocks read otherwise (a footnote marker left out, an exponent in
//! superscript digits): the site's quote check reads the body, and a quote taken from
//! the blocks must stand in it.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::footnotes::superscript;
use super::headings;
use super::meta::{collapse_spaces, iso_date};
use crate::import::document::{Block, Document};
use crate::markdown::{MARKDOWN_OPTIONS, bound_text};

/// Reads a Markdown submission (decoded, LF line ends).
pub(super) fn read(text: &str) -> Document {
    let (front, body) = split_front_matter(text);
    // The edits' ranges, and the draft's body, are of the text the parser reads.
    let body = bound_text(body);
    let mut collector = Collector::default();
    collector.run(&body);
    let body = edited(&body, &collector.edits);
    let (blocks, recovered) = collector.finish();
    let mut document = Document {
        // A submission that marks its own headings keeps its Markdown as written; one
        // whose headings had to be recovered (a text export with a few links) is
        // written out again from its blocks, so that its headings become headings.
        markdown: (!recovered).then(|| body.trim_start_matches('\n').to_string()),
        ..Document::default()
    };
    if let Some(front) = front {
        front_matter(front, &mut document);
    }
    if document.title.is_none() {
        document.title = title(&blocks);
    }
    document.blocks = blocks;
    document
}

/// `body` with each of `edits` (sorted, apart) made: the byte range replaced.
fn edited(body: &str, edits: &[(std::ops::Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for (range, replacement) in edits {
        out.push_str(&body[at..range.start]);
        out.push_str(replacement);
        at = range.end;
    }
    out.push_str(&body[at..]);
    out
}

/// The front matter (between `---` lines at the very start) and the body after it.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

/// The title, date and author a YAML front matter states, if it parses.
fn front_matter(yaml: &str, document: &mut Document) {
    let Ok(serde_norway::Value::Mapping(map)) = serde_norway::from_str(yaml) else {
        return;
    };
    let field = |key: &str| match map.get(key) {
        Some(serde_norway::Value::String(s)) => Some(s.trim().to_string()),
        _ => None,
    };
    document.title = field("title").filter(|t| !t.is_empty());
    document.published = field("date").as_deref().and_then(iso_date);
    document.author = field("author").filter(|a| !a.is_empty());
}

/// The first level-1 heading, else the first block when it is a heading or a short
/// line with no full stop (a title written without `#`).
fn title(blocks: &[Block]) -> Option<String> {
    let h1 = blocks.iter().find_map(|b| match b {
        Block::Heading { level: 1, text } => Some(text.clone()),
        _ => None,
    });
    h1.or_else(|| match blocks.first()? {
        Block::Heading { text, .. } => Some(text.clone()),
        Block::Paragraph(text) if text.split_whitespace().count() <= 15 && !text.ends_with('.') => {
            Some(text.clone())
        }
        _ => None,
    })
}

/// Turns pulldown-cmark's events into blocks. Nested lists are flattened into their
/// outermost list, their items following their parent's.
#[derive(Default)]
struct Collector {
    blocks: Vec<Block>,
    /// The inline text of the block being read.
    text: String,
    /// Where an open `<sup>` started in `text`, and in the source.
    sup: Option<(usize, usize)>,
    /// Where the source's superscripts read otherwise than as written: the range from
    /// `<sup>` to `</sup>`, and what the blocks have instead.
    edits: Vec<(std::ops::Range<usize>, String)>,
    /// Inside an image: its alt text is not body text.
    image: usize,
    /// The outermost open list: whether numbered, and its items so far.
    list: Option<(bool, Vec<String>)>,
    list_depth: usize,
    /// The text of each open list item.
    items: Vec<String>,
    /// The open table's rows.
    rows: Option<Vec<Vec<String>>>,
    /// The raw HTML of the open HTML block.
    html: Option<String>,
    /// The start number of the outermost open list, when numbered.
    start: Option<u64>,
    /// Lists of one numbered item, by block index, written as "2. Title": a numbered
    /// heading to Markdown ("2. Overview" on its own line), which a document without
    /// headings of its own most likely meant as one.
    numbered: Vec<(usize, String)>,
}

impl Collector {
    fn run(&mut self, markdown: &str) {
        for (event, range) in Parser::new_ext(markdown, MARKDOWN_OPTIONS).into_offset_iter() {
            self.event(event, range);
        }
    }

    /// The blocks, and whether headings were recovered: in a document with no
    /// heading of its own, a one-line paragraph or a list of one numbered item that
    /// reads as a heading ([`headings::heading_level`]) becomes one.
    fn finish(mut self) -> (Vec<Block>, bool) {
        if self
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Heading { .. }))
        {
            return (self.blocks, false);
        }
        let mut recovered = false;
        for (i, block) in self.blocks.iter_mut().enumerate() {
            let line = match block {
                Block::Paragraph(text) => text.clone(),
                Block::List { .. } => match self.numbered.iter().find(|(at, _)| *at == i) {
                    Some((_, line)) => line.clone(),
                    None => continue,
                },
                _ => continue,
            };
            if let Some(level) = headings::heading_level(&line) {
                *block = Block::Heading { level, text: line };
                recovered = true;
            }
        }
        (self.blocks, recovered)
    }

    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        match event {
            Event::Text(t) | Event::Code(t) if self.image == 0 => self.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            Event::InlineHtml(html) => self.inline_html(&html, range),
            Event::Html(html) => {
                if let Some(block) = &mut self.html {
                    block.push_str(&html);
                }
            }
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            // Footnote references, rules, task markers: not text.
            _ => {}
        }
    }

    fn inline_html(&mut self, html: &str, range: std::ops::Range<usize>) {
        let tag = html.trim().to_ascii_lowercase();
        if tag.starts_with("<sup") {
            self.sup = Some((self.text.len(), range.start));
        } else if tag.starts_with("</sup")
            && let Some((start, source)) = self.sup.take()
        {
            let marked = self.text.split_off(start);
            let kept = superscript(&self.text, &marked);
            if kept.as_deref() != Some(marked.as_str())
                && self.edits.last().is_none_or(|(r, _)| r.end <= source)
            {
                self.edits
                    .push((source..range.end, kept.clone().unwrap_or_default()));
            }
            if let Some(kept) = kept {
                self.text.push_str(&kept);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Image { .. } => self.image += 1,
            Tag::List(first) => {
                self.list_depth += 1;
                if self.list.is_none() {
                    self.start = first;
                    self.list = Some((first.is_some(), Vec::new()));
                } else {
                    // The parent item's text goes before the nested items.
                    self.item_text();
                    if let Some(item) = self.items.last_mut() {
                        let text = std::mem::take(item);
                        self.push_item(text);
                    }
                }
            }
            Tag::Item => self.items.push(String::new()),
            Tag::HtmlBlock => self.html = Some(String::new()),
            Tag::Table(_) => self.rows = Some(Vec::new()),
            Tag::TableHead | Tag::TableRow => {
                if let Some(rows) = &mut self.rows {
                    rows.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            // An HTML block's words are the submission's too ("<p>Disclaimer: ...</p>"):
            // read as HTML, its tags left out.
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    self.blocks.extend(super::html::read(&html).blocks);
                }
            }
            TagEnd::Heading(level) => {
                let text = self.take();
                if !text.is_empty() {
                    self.blocks.push(Block::Heading {
                        level: heading_level(level),
                        text,
                    });
                }
            }
            TagEnd::Paragraph | TagEnd::CodeBlock => {
                if self.items.is_empty() {
                    let text = self.take();
                    if !text.is_empty() {
                        self.blocks.push(Block::Paragraph(text));
                    }
                } else {
                    self.item_text();
                }
            }
            TagEnd::Item => {
                self.item_text();
                let text = self.items.pop().unwrap_or_default();
                self.push_item(text);
            }
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0
                    && let Some((ordered, items)) = self.list.take()
                    && !items.is_empty()
                {
                    if let (Some(n), [item]) = (self.start, items.as_slice()) {
                        self.numbered
                            .push((self.blocks.len(), format!("{n}. {item}")));
                    }
                    self.blocks.push(Block::List { ordered, items });
                }
            }
            TagEnd::TableCell => {
                let text = self.take();
                if let Some(row) = self.rows.as_mut().and_then(|r| r.last_mut()) {
                    row.push(text);
                }
            }
            TagEnd::Table => {
                if let Some(rows) = self.rows.take() {
                    self.blocks.push(Block::Table(rows));
                }
            }
            _ => {}
        }
    }

    /// The inline text read so far, white space collapsed, and a fresh buffer.
    fn take(&mut self) -> String {
        self.sup = None;
        collapse_spaces(&std::mem::take(&mut self.text))
    }

    /// Moves the inline text read so far into the innermost open item.
    fn item_text(&mut self) {
        let text = self.take();
        if let Some(item) = self.items.last_mut()
            && !text.is_empty()
        {
            if !item.is_empty() {
                item.push(' ');
            }
            item.push_str(&text);
        }
    }

    fn push_item(&mut self, text: String) {
        if let Some((_, items)) = &mut self.list
            && !text.is_empty()
        {
            items.push(text);
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::MAX_DEPTH;

    #[test]
    fn the_body_reads_its_superscripts_as_the_blocks_do() {
        let doc = read(
            "# Report\n\n9,000 delegates from 178 countries<sup>2</sup> met, 10<sup>6</sup> \
             users, the 19<sup>th</sup> IGF<sup>*</sup>.\n",
        );
        assert_eq!(
            doc.blocks[1],
            Block::Paragraph(
                "9,000 delegates from 178 countries met, 10⁶ users, the 19th IGF.".into()
            )
        );
        assert_eq!(
            doc.markdown.as_deref(),
            Some(
                "# Report\n\n9,000 delegates from 178 countries met, 10⁶ users, the \
                 19<sup>th</sup> IGF.\n"
            )
        );
    }

    #[test]
    fn html_blocks_give_their_text_and_inline_tags_are_left_out() {
        let doc = read(
            "Intro with <em>tags</em>.\n\n<p>DISCLAIMER: views are our own.</p>\n\n<!-- a comment -->\n",
        );
        assert_eq!(
            doc.blocks,
            vec![
                Block::Paragraph("Intro with tags.".into()),
                Block::Paragraph("DISCLAIMER: views are our own.".into()),
            ]
        );
    }

    #[test]
    fn headings_are_recovered_only_where_the_document_marks_none() {
        let export = "Report on progress\n\n1. Executive Summary\n\nWe saw [Pulse](#) grow.\n\n\
                      WSIS Action Line C4: Capacity building\n\nWe trained 30 people.\n";
        let doc = read(export);
        assert_eq!(doc.markdown, None, "written out again with its headings");
        assert_eq!(
            doc.blocks[1],
            Block::Heading {
                level: 1,
                text: "1. Executive Summary".into()
            }
        );
        assert_eq!(
            doc.blocks[3],
            Block::Heading {
                level: 2,
                text: "WSIS Action Line C4: Capacity building".into()
            }
        );
        assert_eq!(doc.blocks[2], Block::Paragraph("We saw Pulse grow.".into()));
        // A document with headings of its own is kept as written, its lists as lists.
        let marked = "# Report\n\n1. Executive Summary\n\nText.\n";
        let doc = read(marked);
        assert_eq!(doc.markdown.as_deref(), Some(marked));
        assert!(matches!(doc.blocks[1], Block::List { ordered: true, .. }));
    }

    #[test]
    fn a_submission_nested_past_the_limit_is_read_and_kept_as_the_site_reads_it() {
        // One line opening thousands of nested lists, then thousands more lines: the
        // parser's time is their product unless the nesting is bounded first.
        let deep = format!(
            "# Deep\n\n{}deepest\n{}",
            "- ".repeat(5_000),
            "more\n".repeat(5_000)
        );
        let doc = read(&deep);
        let markdown = doc.markdown.expect("kept as written");
        assert_eq!(markdown.matches('\\').count(), 1);
        assert!(markdown.contains(&format!("{}\\- - ", "- ".repeat(MAX_DEPTH))));
        assert!(
            matches!(&doc.blocks[1], Block::List { items, .. } if items[0].contains("deepest"))
        );
    }
}
