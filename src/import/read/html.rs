//! HTML into a [`Document`] through scraper (html5ever): headings, paragraphs, lists,
//! tables and quotations; page furniture (scripts, navigation, site header and footer,
//! asides, forms, hidden elements) left out; title, author and date from the page's
//! metadata.

use scraper::{ElementRef, Html, Node, Selector};

use super::footnotes::superscript;
use super::meta::{collapse_spaces, iso_date};
use crate::import::document::{Block, Document};

/// Reads an HTML page.
pub(super) fn read(text: &str) -> Document {
    let html = Html::parse_document(text);
    let mut body = Collector::default();
    body.walk(html.root_element());
    body.flush();
    let first_h1 = || {
        select(&html, "h1")
            .map(|h| collapse_spaces(&h.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let title = select(&html, "title")
        .map(|t| collapse_spaces(&t.text().collect::<String>()))
        .find(|t| !t.is_empty())
        .or_else(first_h1);
    let author = meta(&html, &["author", "dc.creator"], &["og:site_name"]);
    let published = meta(
        &html,
        &["date", "dc.date", "dcterms.date"],
        &["article:published_time"],
    )
    .or_else(|| {
        select(&html, "time[datetime]").find_map(|t| t.attr("datetime").map(str::to_string))
    })
    .and_then(|d| iso_date(&d));
    Document {
        title,
        author,
        published,
        blocks: body.blocks,
        markdown: None,
    }
}

/// The elements matching `css`, a selector written in this file (always valid).
fn select<'h>(html: &'h Html, css: &str) -> impl Iterator<Item = ElementRef<'h>> + 'h {
    let selector = Selector::parse(css).ok();
    let found: Vec<ElementRef<'h>> = selector
        .map(|s| html.select(&s).collect())
        .unwrap_or_default();
    found.into_iter()
}

/// The content of the first `<meta name=...>` among `names` (case-insensitive), else of
/// the first `<meta property=...>` among `properties`.
fn meta(html: &Html, names: &[&str], properties: &[&str]) -> Option<String> {
    let metas: Vec<ElementRef<'_>> = select(html, "meta").collect();
    let find = |attr: &str, wanted: &[&str]| {
        wanted.iter().find_map(|want| {
            metas.iter().find_map(|m| {
                let key = m.attr(attr)?;
                let content = m.attr("content")?.trim();
                (key.eq_ignore_ascii_case(want) && !content.is_empty()).then(|| content.to_string())
            })
        })
    };
    find("name", names).or_else(|| find("property", properties))
}

/// Elements whose content is never body text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "svg", "iframe",
    "button", "select", "textarea", "object", "canvas", "dialog", "img", "video", "audio",
];
/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "html",
    "body",
    "main",
    "article",
    "section",
    "div",
    "blockquote",
    "p",
    "pre",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "center",
    "details",
    "summary",
    "fieldset",
    "li",
    "caption",
    "header",
    "footer",
    "hr",
    "hgroup",
    "legend",
];
/// The deepest element read as structure: real pages nest a few dozen deep.
const MAX_DEPTH: usize = 200;
/// Stands for a `<br>` in collected text: two in a row end a paragraph.
const BREAK: char = '\u{2029}';

/// Collects the blocks of an element's content.
#[derive(Default)]
struct Collector {
    blocks: Vec<Block>,
    text: String,
    /// How deep in the page the element being read is.
    depth: usize,
}

impl Collector {
    fn walk(&mut self, element: ElementRef<'_>) {
        if self.depth >= MAX_DEPTH {
            // Past any real page's nesting: the rest is read as plain text, without
            // the recursion a hostile page could make overflow the stack.
            self.text.extend(element.text());
            return;
        }
        self.depth += 1;
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text.push_str(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
        self.depth -= 1;
    }

    /// A collector for the content of an element at this depth.
    fn inner(&self) -> Collector {
        Collector {
            depth: self.depth,
            ..Collector::default()
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if is_skipped(element) {
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = inline_text(element, self.depth);
                if !text.is_empty() {
                    let level = name[1..].parse().unwrap_or(1);
                    self.blocks.push(Block::Heading { level, text });
                }
            }
            "ul" | "ol" => {
                self.flush();
                self.list(element, name == "ol");
            }
            "table" => {
                self.flush();
                self.table(element);
            }
            "br" => self.text.push(BREAK),
            "sup" => {
                let marker: String = element.text().collect();
                if let Some(kept) = superscript(&self.text, &marker) {
                    self.text.push_str(&kept);
                }
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.walk(element);
                self.flush();
            }
            _ => self.walk(element),
        }
    }

    /// Ends the paragraph being collected; two `<br>` in a row split it in two.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let (para, after) = split_at_double_break(rest);
            let para = collapse_spaces(para);
            if !para.is_empty() {
                self.blocks.push(Block::Paragraph(para));
            }
            rest = after;
        }
    }

    /// A list, each `<li>` one item; a nested list's items follow their parent's.
    fn list(&mut self, list: ElementRef<'_>, ordered: bool) {
        let mut items = Vec::new();
        for li in list.child_elements().filter(|e| e.value().name() == "li") {
            if is_skipped(li) {
                continue;
            }
            let mut inner = self.inner();
            inner.walk(li);
            inner.flush();
            let mut own = String::new();
            for block in inner.blocks {
                match block {
                    Block::List { items: nested, .. } => {
                        items.extend((!own.is_empty()).then(|| std::mem::take(&mut own)));
                        items.extend(nested);
                    }
                    other => join(&mut own, &other.texts().join(" ")),
                }
            }
            items.extend((!own.is_empty()).then_some(own));
        }
        if !items.is_empty() {
            self.blocks.push(Block::List { ordered, items });
        }
    }

    /// A table, row by row, one string per cell (its caption, if any, a paragraph
    /// before it); rows of nested tables are not the outer table's.
    fn table(&mut self, table: ElementRef<'_>) {
        let mut rows = Vec::new();
        for child in table.child_elements() {
            match child.value().name() {
                "caption" => {
                    let text = inline_text(child, self.depth);
                    if !text.is_empty() {
                        self.blocks.push(Block::Paragraph(text));
                    }
                }
                "thead" | "tbody" | "tfoot" => {
                    rows.extend(child.child_elements().filter(|r| r.value().name() == "tr"))
                }
                "tr" => rows.push(child),
                _ => {}
            }
        }
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .filter(|r| !is_skipped(*r))
            .map(|r| {
                r.child_elements()
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|cell| inline_text(cell, self.depth))
                    .collect::<Vec<_>>()
            })
            .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
            .collect();
        if !rows.is_empty() {
            self.blocks.push(Block::Table(rows));
        }
    }
}

/// All the text inside `element` (a heading, a list item, a table cell) as one line.
fn inline_text(element: ElementRef<'_>, depth: usize) -> String {
    let mut inner = Collector {
        depth,
        ..Collector::default()
    };
    inner.walk(element);
    inner.flush();
    let mut out = String::new();
    for block in &inner.blocks {
        join(&mut out, &block.texts().join(" "));
    }
    out
}

fn join(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(text);
}

/// The text before the first two `<br>` in a row (white space between them allowed),
/// and the text after them; all of `text` when there are none.
fn split_at_double_break(text: &str) -> (&str, &str) {
    let mut search = 0;
    while let Some(found) = text[search..].find(BREAK) {
        let at = search + found;
        let after = &text[at + BREAK.len_utf8()..];
        let trimmed = after.trim_start_matches(|c: char| c.is_whitespace() && c != BREAK);
        if let Some(rest) = trimmed.strip_prefix(BREAK) {
            return (&text[..at], rest);
        }
        search = at + BREAK.len_utf8();
    }
    (text, "")
}

/// Whether an element's content is left out: furniture, hidden, or the site's own
/// header or footer (one inside an article or section belongs to it and is kept).
fn is_skipped(element: ElementRef<'_>) -> bool {
    let e = element.value();
    let name = e.name();
    if SKIPPED.contains(&name) {
        return true;
    }
    if matches!(name, "header" | "footer")
        && !element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "article" | "main" | "section"))
    {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    let style: String = e
        .attr("style")
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_read_as_text() {
        let depth = 5000;
        let page = format!(
            "{}<p>Deep words.</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let doc = read(&page);
        assert_eq!(doc.blocks, vec![Block::Paragraph("Deep words.".into())]);
    }

    #[test]
    fn superscript_exponents_kept_and_markers_dropped() {
        let doc =
            read("<p>Over 10<sup>6</sup> users in 2023<sup>4</sup> and 300 km<sup>2</sup>.</p>");
        assert_eq!(
            doc.blocks,
            vec![Block::Paragraph(
                "Over 10⁶ users in 2023 and 300 km².".into()
            )]
        );
    }
}
