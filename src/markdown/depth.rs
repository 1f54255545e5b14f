//! Nesting limits: report text nested deeper than [`MAX_DEPTH`] is flattened.
//!
//! Every later stage walks the document as a tree, and some do so recursively: the
//! HTML minifier parses elements by recursion (5,000 nested block quotes overflowed
//! its stack and aborted the process), and the sanitiser's HTML parser looks down
//! the whole stack of open elements for each new `<div>` (100,000 nested took 33 s).
//! So the depth is bounded once, here, in one linear pass over the events: Markdown
//! containers (block quotes, lists, emphasis, links...) and raw HTML elements count
//! together, as they nest together in the page, and a tag that would open a level
//! beyond the limit is left out with its closing tag, keeping the text inside. The
//! sanitised HTML, which is well formed, is passed through the same counter again,
//! since an HTML parser may reopen formatting elements (`<b>`) that a naive count
//! of the raw tags takes as closed.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event};

/// How many elements deep report text may nest; deeper tags are left out. Real
/// reports nest a handful of levels; the page's own layout adds about ten.
pub(crate) const MAX_DEPTH: usize = 100;

/// Elements that never have content or a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose end an HTML parser implies when a sibling or another block starts,
/// so that leaving them open never nests them.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th",
    "thead", "tbody", "tfoot", "caption", "colgroup",
];

/// Elements whose content is text up to their closing tag, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Removes the Markdown and raw HTML tags of `events` that would nest deeper than
/// [`MAX_DEPTH`], keeping what is inside them. `events` are well nested (each
/// `Start` has its `End`); `offsets` run alongside and are filtered the same way.
pub(super) fn flatten<'a>(events: &mut Vec<Event<'a>>, offsets: &mut Vec<usize>) {
    let mut html = HtmlDepth::default();
    // For each open Markdown container: whether its tags are kept, and how many raw
    // HTML elements were open when it started (the page closes those left open inside
    // it when it ends).
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut kept_md = 0usize;
    let mut keep = Vec::with_capacity(events.len());
    for e in events.iter_mut() {
        let k = match e {
            Event::Start(_) => {
                // Inside a container left out, everything is left out: a list item
                // without its list, or a table cell without its row, is no tree.
                let parent_kept = open.last().is_none_or(|o| o.0);
                let k = parent_kept && kept_md + html.depth() < MAX_DEPTH;
                open.push((k, html.depth()));
                kept_md += usize::from(k);
                k
            }
            Event::End(_) => match open.pop() {
                Some((k, html_depth)) => {
                    html.end_container(html_depth);
                    kept_md -= usize::from(k);
                    k
                }
                None => true,
            },
            Event::Html(t) | Event::InlineHtml(t) => {
                if let Cow::Owned(s) = html.feed(t, kept_md) {
                    *t = CowStr::from(s);
                }
                true
            }
            _ => true,
        };
        keep.push(k);
    }
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut flags = keep.iter();
    events.retain(|_| flags.next().copied().unwrap_or(true));
    let mut flags = keep.iter();
    offsets.retain(|_| flags.next().copied().unwrap_or(true));
}

/// Removes the tags of well-formed `html` (the sanitiser's output) nested deeper than
/// [`MAX_DEPTH`].
pub(super) fn flatten_html(html: &str) -> Cow<'_, str> {
    HtmlDepth::default().feed(html, 0)
}

/// Where the scanner is within the HTML, which may be split over many events (one
/// per line of an HTML block).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between tags.
    #[default]
    Text,
    /// Inside a tag, after its name; `quote` is the open attribute quote, if any;
    /// `keep` whether the tag is written; `raw` the raw text element it opens.
    Tag {
        quote: Quote,
        keep: bool,
        raw: Option<usize>,
    },
    /// Inside `<!-- -->`.
    Comment,
    /// Inside `<!...>` or `<?...>`.
    Declaration,
    /// Inside `<![CDATA[ ... ]]>` in SVG or MathML.
    CData,
    /// Inside a raw text element, looking for its closing tag (index into
    /// [`RAW_TEXT`]).
    RawText(usize),
}

/// Where a tag's scan is with respect to attribute value quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    /// Not in a value, and not right after `=`.
    Outside,
    /// After an attribute's `=`, where a quote opens a value.
    AfterEquals,
    /// Inside a value quoted with this byte.
    In(u8),
}

/// A running count of open raw HTML elements across pieces of HTML.
#[derive(Debug, Default)]
struct HtmlDepth {
    /// The names of the open elements that were kept, innermost last; never more
    /// than [`MAX_DEPTH`].
    stack: Vec<String>,
    state: State,
}

impl HtmlDepth {
    fn depth(&self) -> usize {
        self.stack.len()
    }

    /// Whether an `<svg>` or `<math>` element is open, where CDATA sections exist.
    fn in_foreign_content(&self) -> bool {
        self.stack.iter().any(|n| n == "svg" || n == "math")
    }

    /// A Markdown container that began with `depth` elements open has ended. An HTML
    /// parser keeps a raw element left open inside it open past its end (a `<div>` or
    /// `<details>` opened in one paragraph or HTML block holds everything after it,
    /// and a formatting element such as `<i>` is reopened in the next block), so
    /// those stay counted; counting them as closed let thousands of blocks each
    /// leaving one open nest thousands deep in the sanitiser, in quadratic time.
    /// Only elements whose end the parser implies when the next one starts (`<p>`,
    /// `<li>`, `<td>`...) are taken as closed.
    fn end_container(&mut self, depth: usize) {
        if depth >= self.stack.len() {
            return;
        }
        let inside = self.stack.split_off(depth);
        self.stack.extend(
            inside
                .into_iter()
                .filter(|n| !IMPLIED_END.contains(&n.as_str())),
        );
    }

    /// Scans `chunk`, with `outer` levels already open around it; returns it with the
    /// tags that would go deeper than [`MAX_DEPTH`], and closing tags that close
    /// nothing kept, left out. Linear: each closing tag looks at most [`MAX_DEPTH`]
    /// names down the stack.
    fn feed<'c>(&mut self, chunk: &'c str, outer: usize) -> Cow<'c, str> {
        let bytes = chunk.as_bytes();
        // Byte ranges of `chunk` to leave out.
        let mut cut: Vec<(usize, usize)> = Vec::new();
        let mut cut_from: Option<usize> = match self.state {
            State::Tag { keep: false, .. } => Some(0),
            _ => None,
        };
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                State::Text => {
                    let Some(lt) = memchr::memchr(b'<', &bytes[i..]) else {
                        break;
                    };
                    let at = i + lt;
                    let rest = &chunk[at..];
                    // `<!-->` and `<!--->` are whole (empty) comments.
                    if let Some(len) = ["<!-->", "<!--->"]
                        .iter()
                        .find(|c| rest.starts_with(**c))
                        .map(|c| c.len())
                    {
                        i = at + len;
                    } else if rest.starts_with("<!--") {
                        self.state = State::Comment;
                        i = at + 4;
                    } else if rest.starts_with("<![CDATA[") && self.in_foreign_content() {
                        // Inside `<svg>` or `<math>` a CDATA section runs to `]]>`,
                        // markup and `>` included; elsewhere it is a bogus comment
                        // ending at the first `>`, as below.
                        self.state = State::CData;
                        i = at + 9;
                    } else if rest.starts_with("<!") || rest.starts_with("<?") {
                        self.state = State::Declaration;
                        i = at + 2;
                    } else if let Some((closing, name_end)) = tag_name(bytes, at) {
                        let name =
                            chunk[at + 1 + usize::from(closing)..name_end].to_ascii_lowercase();
                        let raw = (!closing)
                            .then(|| RAW_TEXT.iter().position(|r| *r == name))
                            .flatten();
                        let keep = if closing {
                            self.close(&name)
                        } else {
                            self.open(name, outer)
                        };
                        if !keep {
                            cut_from = Some(at);
                        }
                        self.state = State::Tag {
                            quote: Quote::Outside,
                            keep,
                            raw,
                        };
                        i = name_end;
                    } else {
                        i = at + 1;
                    }
                }
                State::Tag { quote, keep, raw } => {
                    let c = bytes[i];
                    let quote = match quote {
                        Quote::In(q) if c == q => Quote::Outside,
                        Quote::In(q) => Quote::In(q),
                        // As in HTML, a quote opens a value only right after `=`
                        // (`<div a"b>` is one tag, ending at its `>`).
                        Quote::AfterEquals if c == b'"' || c == b'\'' => Quote::In(c),
                        Quote::AfterEquals if c.is_ascii_whitespace() => Quote::AfterEquals,
                        _ if c == b'>' => {
                            if let Some(from) = cut_from.take() {
                                cut.push((from, i + 1));
                            }
                            // Markup inside `<script>` and the like is text.
                            self.state = raw.map_or(State::Text, State::RawText);
                            i += 1;
                            continue;
                        }
                        _ if c == b'=' => Quote::AfterEquals,
                        _ => Quote::Outside,
                    };
                    self.state = State::Tag { quote, keep, raw };
                    i += 1;
                }
                State::Comment => {
                    // A comment ends at `-->`, or at `--!>` as browsers read it.
                    let end = [&b"-->"[..], b"--!>"]
                        .iter()
                        .filter_map(|e| memchr::memmem::find(&bytes[i..], e).map(|at| at + e.len()))
                        .min();
                    match end {
                        Some(end) => {
                            i += end;
                            self.state = State::Text;
                        }
                        None => break,
                    }
                }
                State::CData => match memchr::memmem::find(&bytes[i..], b"]]>") {
                    Some(end) => {
                        i += end + 3;
                        self.state = State::Text;
                    }
                    None => break,
                },
                State::Declaration => match memchr::memchr(b'>', &bytes[i..]) {
                    Some(end) => {
                        i += end + 1;
                        self.state = State::Text;
                    }
                    None => break,
                },
                State::RawText(n) => {
                    let name = RAW_TEXT[n];
                    let mut found = None;
                    for at in memchr::memmem::find_iter(&bytes[i..], b"</") {
                        let start = i + at + 2;
                        let candidate = chunk.get(start..start + name.len());
                        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
                            found = Some(i + at);
                            break;
                        }
                    }
                    match found {
                        // The closing tag is scanned as a tag.
                        Some(at) => {
                            self.state = State::Text;
                            i = at;
                        }
                        None => break,
                    }
                }
            }
        }
        if let Some(from) = cut_from {
            cut.push((from, bytes.len()));
        }
        if cut.is_empty() {
            return Cow::Borrowed(chunk);
        }
        let mut out = String::with_capacity(chunk.len());
        let mut from = 0;
        for (a, b) in cut {
            out.push_str(&chunk[from..a]);
            from = b;
        }
        out.push_str(&chunk[from..]);
        Cow::Owned(out)
    }

    /// An opening tag: kept, and counted, if there is room for it.
    fn open(&mut self, name: String, outer: usize) -> bool {
        if VOID.contains(&name.as_str()) {
            return true;
        }
        if outer + self.stack.len() >= MAX_DEPTH {
            return false;
        }
        self.stack.push(name);
        true
    }

    /// A closing tag: kept when it closes a kept element, which closes the elements
    /// opened inside it too; left out otherwise (it closes one that was left out, or
    /// nothing).
    fn close(&mut self, name: &str) -> bool {
        match self.stack.iter().rposition(|n| n == name) {
            Some(at) => {
                self.stack.truncate(at);
                true
            }
            None => VOID.contains(&name),
        }
    }
}

/// Whether `bytes[at..]` starts a tag (`<name` or `</name`): whether it closes, and
/// where its name ends.
fn tag_name(bytes: &[u8], at: usize) -> Option<(bool, usize)> {
    let closing = bytes.get(at + 1) == Some(&b'/');
    let start = at + 1 + usize::from(closing);
    if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // The name runs to white space, `/` or `>`, as an HTML parser reads it: `</div_>`
    // closes no `div`, and taking it for one would let a parser see nesting that this
    // count does not.
    let len = bytes[start..]
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        .unwrap_or(bytes.len() - start);
    Some((closing, start + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(html: &str) -> String {
        flatten_html(html).into_owned()
    }

    #[test]
    fn html_deeper_than_the_limit_loses_its_tags_not_its_text() {
        let deep = format!("{}x{}", "<b>".repeat(150), "</b>".repeat(150));
        let out = flat(&deep);
        assert_eq!(out, format!("{}x{}", "<b>".repeat(100), "</b>".repeat(100)));
        // Void elements, comments and quoted `>` do not count or confuse the count.
        let html = format!("<i a=\">\"><br><!-- <b> -->{}y", "<div>".repeat(120));
        let out = flat(&html);
        assert_eq!(out.matches("<div>").count(), 99);
        assert!(out.starts_with("<i a=\">\"><br><!-- <b> -->") && out.ends_with('y'));
    }

    #[test]
    fn closing_tags_close_what_they_name_and_stray_ones_are_dropped() {
        let html = format!("{}</nope></div>z", "<div><span>".repeat(2));
        assert_eq!(
            flat(&html),
            "<div><span><div><span></div>z",
            "`</div>` closes the span inside it; `</nope>` closes nothing"
        );
    }

    #[test]
    fn quotes_open_values_only_after_equals_and_odd_comments_end() {
        for start in [
            "<div a\"b>",
            "<div a='b' c=d\"e>",
            "<!-->",
            "<!--->",
            "<!-- x --!>",
        ] {
            let html = format!("{start}{}", "<div>".repeat(150));
            let out = flat(&html);
            assert!(out.matches("<div").count() <= MAX_DEPTH, "{start}: {out}");
        }
        let html = format!("<a title=\"{}\">x</a>", "<div>".repeat(150));
        assert_eq!(flat(&html), html, "tags inside a quoted value are text");
    }

    #[test]
    fn raw_text_elements_are_not_scanned_for_tags() {
        let html = format!("<script>{}</script>after", "<div>".repeat(200));
        assert_eq!(flat(&html), html);
    }

    #[test]
    fn a_tag_split_over_events_is_left_out_whole() {
        let mut h = HtmlDepth::default();
        assert_eq!(h.feed("<div>", MAX_DEPTH - 1), "<div>");
        assert_eq!(h.feed("a<div\n", MAX_DEPTH - 1), "a");
        assert_eq!(h.feed("class=\"x\">b", MAX_DEPTH - 1), "b");
    }

    #[test]
    fn markdown_and_html_levels_count_together() {
        let text = format!("{}{}deep\n", "> ".repeat(60), "<div>".repeat(60));
        let mut events: Vec<Event<'_>> =
            pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::empty()).collect();
        let mut offsets = vec![0; events.len()];
        flatten(&mut events, &mut offsets);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        assert_eq!(html.matches("<blockquote>").count(), 60);
        // The HTML block around the divs counts as a level too, though it writes no
        // element: erring on the safe side.
        assert_eq!(html.matches("<div>").count(), MAX_DEPTH - 61);
        assert!(html.contains("deep"));
    }
}
