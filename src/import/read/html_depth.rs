//! How deep a page's elements nest, estimated before it is parsed.
//!
//! The HTML parsing algorithm looks through the stack of open elements for each start
//! tag ("is a `<p>` open in button scope?"), so a page of 200,000 nested `<div>`s (2 MB)
//! takes time quadratic in its depth: minutes, found by the red team. No real page
//! nests more than a few dozen levels; a page past [`MAX_NESTING`] is refused before
//! the parser sees it.
//!
//! The estimate counts start tags up and end tags down. Void elements and the elements
//! whose end tag may be left out (`<p>`, `<li>`, `<td>`...) are not counted, so a page
//! that never closes its paragraphs is not mistaken for a deep one; the text of
//! `<script>`, `<style>`, `<textarea>` and `<title>` and comments are skipped.

/// The deepest nesting a submission may have.
pub(super) const MAX_NESTING: usize = 512;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// Whether the elements of `text` nest deeper than [`MAX_NESTING`].
pub(super) fn too_deep(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(found) = memchr_lt(&bytes[i..]) {
        i += found + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = text[name_start..name_start + name_len].to_ascii_lowercase();
        let end = find(bytes, name_start, b">").unwrap_or(bytes.len());
        let self_closing = end > 0 && bytes[end - 1] == b'/';
        i = end.min(bytes.len());
        if VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                i = find_ignore_case(text, i, &close).unwrap_or(bytes.len());
                continue;
            }
            depth += 1;
            if depth > MAX_NESTING {
                return true;
            }
        }
    }
    false
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|b| *b == b'<')
}

/// The offset of `needle` in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The offset of the ASCII `needle` in `text` at or after `from`, in any case.
fn find_ignore_case(text: &str, from: usize, needle: &str) -> Option<usize> {
    text.as_bytes()
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_found_and_ordinary_pages_pass() {
        let deep = format!("{}<p>x{}", "<div>".repeat(600), "</div>".repeat(600));
        assert!(too_deep(&deep));
        let wide = "<div><span>a</span><br></div>".repeat(10_000);
        assert!(!too_deep(&wide));
        // Unclosed paragraphs and items, void elements, self-closing tags, tags
        // inside scripts and comments do not nest.
        let loose = format!(
            "<ul>{}</ul>{}{}<script>{}</script><!-- {} -->",
            "<li><p>item".repeat(2000),
            "<img src=x>".repeat(2000),
            "<svg/>".repeat(2000),
            "if (a <b) { x = '<div>'; }".repeat(1000),
            "<div>".repeat(1000)
        );
        assert!(!too_deep(&loose));
    }
}
