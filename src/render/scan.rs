//! A light reading of template source before Tera compiles it. Tera 2 can neither be
//! stopped from outside a render nor says which tag was left open when a template
//! ends early, so the build reads the tag structure itself: to make every loop and
//! component call count against the page's budget ([`instrument`]), and to name the
//! tag that was never closed ([`unclosed`]).

use crate::diagnostic::Location;

/// The function called at the start of every loop iteration and component body; see
/// `limits::tick`.
pub(super) const TICK: &str = "__wsis_tick";

/// A `{% %}` statement or `{{ }}` expression of a template.
#[derive(Debug)]
struct Tag<'t> {
    /// Byte offset of the opening delimiter.
    start: usize,
    /// Byte offset just past the closing delimiter.
    end: usize,
    /// `{% %}` rather than `{{ }}`.
    statement: bool,
    /// The first word: `for`, `endfor`, `<card`, `</card`, ...
    keyword: &'t str,
    /// The text between the delimiters and their `-` trim markers.
    inner: &'t str,
    /// Ends with `-%}` / `-}}`: trims the whitespace after it.
    trims_after: bool,
    /// Has its closing delimiter.
    closed: bool,
}

/// Every tag of `text`, in order, skipping comments and `{% raw %}` blocks.
fn tags(text: &str) -> Vec<Tag<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'{', &b[i..]).map(|p| p + i) {
        let statement = match b.get(p + 1) {
            Some(b'#') => {
                i = find(b, p + 2, b"#}").map_or(b.len(), |e| e + 2);
                continue;
            }
            Some(b'%') => true,
            Some(b'{') => false,
            _ => {
                i = p + 1;
                continue;
            }
        };
        let close: &[u8] = if statement { b"%}" } else { b"}}" };
        let mut j = p + 2;
        let inner_start = if b.get(j) == Some(&b'-') { j + 1 } else { j };
        j = inner_start;
        // Quotes may hold the closing delimiter; Tera strings have no escapes. A tag
        // opening inside means this one was never closed.
        while j < b.len() && !b[j..].starts_with(close) {
            if b[j..].starts_with(b"{{") || b[j..].starts_with(b"{%") {
                break;
            }
            j = match b[j] {
                q @ (b'"' | b'\'' | b'`') => {
                    memchr::memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e + 1)
                }
                _ => j + 1,
            };
        }
        let inner_end = j.min(b.len());
        let closed = b[inner_end..].starts_with(close);
        let trims_after = closed && inner_end > inner_start && b[inner_end - 1] == b'-';
        let inner = &text[inner_start..inner_end - usize::from(trims_after)];
        let end = if closed { inner_end + 2 } else { inner_end };
        let keyword = inner
            .trim_start()
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '<' | '/')))
            .next()
            .unwrap_or("");
        i = end;
        if statement && keyword == "raw" {
            // Everything up to `{% endraw %}` is text.
            i = raw_end(b, end);
        }
        out.push(Tag {
            start: p,
            end,
            statement,
            keyword,
            inner,
            trims_after,
            closed,
        });
    }
    out
}

/// The first `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| p + from)
}

/// Where the `{% endraw %}` tag after a `{% raw %}` ending at `from` starts.
fn raw_end(b: &[u8], from: usize) -> usize {
    let mut k = from;
    while let Some(p) = find(b, k, b"{%") {
        let rest = b[p + 2..].strip_prefix(b"-").unwrap_or(&b[p + 2..]);
        let rest = rest.trim_ascii_start();
        if rest.starts_with(b"endraw") {
            return p;
        }
        k = p + 2;
    }
    b.len()
}

/// How many times the word `for` occurs in `inner` outside quotes.
fn for_words(inner: &str) -> usize {
    let b = inner.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut count = 0;
    let mut j = 0;
    while j < b.len() {
        match b[j] {
            q @ (b'"' | b'\'' | b'`') => {
                j = memchr::memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e + 1);
            }
            c if word(c) => {
                let start = j;
                while j < b.len() && word(b[j]) {
                    j += 1;
                }
                let attribute = start > 0 && b[start - 1] == b'.';
                if &b[start..j] == b"for" && !attribute {
                    count += 1;
                }
            }
            _ => j += 1,
        }
    }
    count
}

/// A template made ready to render under the page budget.
#[derive(Debug, Clone)]
pub(super) struct Instrumented {
    /// The source with a call to [`TICK`] after every `{% for %}` and
    /// `{% component %}` tag.
    pub(super) text: String,
    /// The calls inserted, in order.
    inserts: Vec<Insert>,
}

/// A call inserted into a template.
#[derive(Debug, Clone)]
struct Insert {
    /// Where it starts in the instrumented text: line from 1, column in characters
    /// from 0, as Tera counts.
    line: usize,
    column: usize,
    /// Its length (ASCII, so in characters too).
    len: usize,
    /// The tag it follows, in the source.
    tag: Location,
}

/// A problem found in a template's source: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SourceError {
    pub(super) location: Location,
    pub(super) message: String,
    pub(super) help: String,
}

/// Makes every loop iteration and component call of `text` call [`TICK`], so that a
/// page's work is bounded even when it writes nothing. List comprehensions iterate
/// inside one expression, where no call can be added, so they are refused.
pub(super) fn instrument(text: &str) -> Result<Instrumented, SourceError> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut inserts = Vec::new();
    let mut copied = 0;
    // The line and column (in characters, from 0) in `out` of the source offset
    // `counted`, counted as the copy goes.
    let (mut line, mut col, mut counted) = (1, 0, 0);
    let advance = |s: &str, line: &mut usize, col: &mut usize| {
        for c in s.chars() {
            if c == '\n' {
                *line += 1;
                *col = 0;
            } else {
                *col += 1;
            }
        }
    };
    for tag in tags(text) {
        let loop_tag = tag.statement && tag.keyword == "for";
        if for_words(tag.inner) > usize::from(loop_tag) {
            return Err(SourceError {
                location: Location::of_offset(text, tag.start),
                message: format!(
                    "a list comprehension (`[x for x in ...]`) in `{}`: themes may loop \
                     only with `{{% for %}}`, whose iterations the build counts",
                    abbreviate(&text[tag.start..tag.end])
                ),
                help: "write the loop as `{% for x in ... %}...{% endfor %}`".into(),
            });
        }
        if !(loop_tag || tag.statement && tag.keyword == "component") {
            continue;
        }
        advance(&text[counted..tag.start], &mut line, &mut col);
        let tag_at = Location::new(line, col + 1);
        advance(&text[tag.start..tag.end], &mut line, &mut col);
        counted = tag.end;
        // The call takes over the tag's trimming of the whitespace after it.
        let call = format!(
            "{{{{ {TICK}() {}}}}}",
            if tag.trims_after { "-" } else { "" }
        );
        inserts.push(Insert {
            line,
            column: col,
            len: call.len(),
            tag: tag_at,
        });
        col += call.len();
        out.push_str(&text[copied..tag.end]);
        out.push_str(&call);
        copied = tag.end;
    }
    out.push_str(&text[copied..]);
    Ok(Instrumented { text: out, inserts })
}

impl Instrumented {
    /// The source position of `location` (line, column from 1) in the instrumented
    /// text: columns after an inserted call move back by its length, and a position
    /// inside one is that of the tag it follows.
    pub(super) fn source_location(&self, location: Location) -> Location {
        let Some(mut at) = location.column.checked_sub(1) else {
            return location;
        };
        // Later calls first: removing one does not move the calls before it.
        for insert in self.inserts.iter().rev() {
            if insert.line != location.line || at < insert.column {
                continue;
            }
            if at < insert.column + insert.len {
                return insert.tag;
            }
            at -= insert.len;
        }
        Location::new(location.line, at + 1)
    }
}

/// A tag cut to a readable length for messages.
fn abbreviate(tag: &str) -> String {
    let tag: String = tag.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::diagnostic::cut(&tag, 60)
}

/// The block a tag opens, if it opens one: `for`, `if`, `component`, a `<card>` call...
fn opens<'t>(tag: &Tag<'t>) -> Option<&'t str> {
    let k = tag.keyword;
    match k {
        "for" | "if" | "block" | "component" | "filter" => Some(k),
        // `{% set x %}...{% endset %}` captures; `{% set x = 1 %}` does not.
        "set" | "set_global" => (!tag.inner.contains('=')).then_some("set"),
        _ if k.starts_with('<') && !k.starts_with("</") => {
            (!tag.inner.trim_end().ends_with("/>")).then_some(k)
        }
        _ => None,
    }
}

/// The block a tag closes, as [`opens`] names it.
fn closes<'t>(tag: &Tag<'t>) -> Option<&'t str> {
    let k = tag.keyword;
    if k.starts_with("</") {
        return Some(k);
    }
    match k {
        "endfor" | "endif" | "endblock" | "endcomponent" | "endfilter" | "endset" => Some(&k[3..]),
        _ => None,
    }
}

/// The innermost block left open in `text`, when tags do not pair up: the tag that
/// opened it, and the tag that came instead of its end (or the end of the file).
/// Tera reports such a mistake where its parser gave up, often far below. `None` too
/// when a tag lacks its `%}` or `}}`: Tera names that mistake well.
pub(super) fn unclosed(text: &str) -> Option<SourceError> {
    let tags = tags(text);
    if tags.iter().any(|t| !t.closed) {
        return None;
    }
    let mut open: Vec<(Tag<'_>, &str)> = Vec::new();
    for tag in tags.into_iter().filter(|t| t.statement) {
        if let Some(name) = opens(&tag) {
            open.push((tag, name));
            continue;
        }
        let Some(name) = closes(&tag) else { continue };
        let Some((opener, opened)) = open.pop() else {
            continue;
        };
        let pair = opened == name
            || name.starts_with("</") && name.strip_prefix("</") == opened.strip_prefix('<');
        if !pair {
            return Some(left_open(text, &opener, opened, Some(&tag)));
        }
    }
    open.pop()
        .map(|(opener, opened)| left_open(text, &opener, opened, None))
}

fn left_open(text: &str, opener: &Tag<'_>, opened: &str, instead: Option<&Tag<'_>>) -> SourceError {
    let end = match opened.strip_prefix('<') {
        Some(name) => format!("{{% </{name}> %}}"),
        None => format!("{{% end{opened} %}}"),
    };
    let came = match instead {
        Some(t) => format!(
            "`{}` at line {} came first",
            abbreviate(&text[t.start..t.end]),
            Location::of_offset(text, t.start).line
        ),
        None => "the file ends first".into(),
    };
    SourceError {
        location: Location::of_offset(text, opener.start),
        message: format!(
            "`{}` is never closed: {came}",
            abbreviate(&text[opener.start..opener.end])
        ),
        help: format!("close it with `{end}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_loops_and_components_keeping_trimming() {
        let t =
            instrument("{% for a in b -%}\n x {%- endfor %}{# {% for %} #}{{ '{% for' }}").unwrap();
        assert_eq!(
            t.text,
            "{% for a in b -%}{{ __wsis_tick() -}}\n x {%- endfor %}{# {% for %} #}{{ '{% for' }}"
        );
        let t = instrument(
            "{% raw %}{% for x in y %}{% endraw %}{% component c() %}x{% endcomponent c %}",
        )
        .unwrap();
        assert_eq!(
            t.text,
            "{% raw %}{% for x in y %}{% endraw %}{% component c() %}{{ __wsis_tick() }}x{% endcomponent c %}"
        );
    }

    #[test]
    fn positions_map_back_to_the_source() {
        let t = instrument("ab{% for a in b %}{{ x.y }}").unwrap();
        // `x` is at column 22 of the source, from 1.
        let inserted = "{{ __wsis_tick() }}".len();
        assert_eq!(
            t.source_location(Location::new(1, 22 + inserted)),
            Location::new(1, 22)
        );
        assert_eq!(t.source_location(Location::new(1, 20)), Location::new(1, 3));
        assert_eq!(
            t.source_location(Location::new(2, 40)),
            Location::new(2, 40)
        );
    }

    #[test]
    fn comprehensions_are_refused() {
        for text in [
            "{{ [x for x in y] }}",
            "{% set a = [x for x in y] %}",
            "{% for a in [x for x in y] %}{% endfor %}",
        ] {
            let e = instrument(text).unwrap_err();
            assert!(e.message.contains("list comprehension"), "{text}");
        }
        assert!(instrument("{{ a.for }}{{ 'for' }}{% for format in forms %}{% endfor %}").is_ok());
    }

    #[test]
    fn the_unclosed_tag_is_named() {
        let e = unclosed("{% block b %}\n{% for a in b %}\nx\n{% endblock b %}").unwrap();
        assert_eq!(e.location, Location::new(2, 1));
        assert!(e.message.contains("at line 4"), "{}", e.message);
        assert_eq!(e.help, "close it with `{% endfor %}`");
        assert!(unclosed("{% block c %}<p>{{ site.title </p>\n{% endblock c %}").is_none());
        let e = unclosed("{% if a %}{% set x %}").unwrap();
        assert_eq!(e.location, Location::new(1, 11));
        assert!(
            unclosed(
                "{% if a %}{% set x = 1 %}{% <card()> %}{{ <c() /> }}{% </card> %}{% endif %}"
            )
            .is_none()
        );
    }

    #[test]
    fn the_default_theme_scans_clean() {
        for (name, text) in super::super::theme::DEFAULT_TEMPLATES {
            assert!(instrument(text).is_ok(), "{name}");
            assert!(unclosed(text).is_none(), "{name}");
        }
    }
}
