//! Report text bounded before the Markdown parser reads it, where the parser's own
//! time or memory would grow faster than the text: block containers nested past the
//! limit ([`containers`]) and tables padded past a budget ([`tables`]). Each is undone
//! by a backslash put before one character, which makes a marker text; nothing else
//! changes but lone CRs, made LFs. The bounds are upper ones, found without parsing,
//! so they may change text that would not have passed them (each module says which);
//! real reports stay far below them.

mod containers;
mod tables;

use std::borrow::Cow;

use super::depth::MAX_DEPTH;

/// `text` bounded for the parser: each lone `\r` made a `\n` (the parser ends some
/// lines at a lone `\r` and others, a code fence's, only at a `\n`, which no
/// line-by-line bound could follow), and a backslash before each marker that would
/// open a container past [`MAX_DEPTH`] or a table past the padding budget. Line
/// breaks are kept, so line numbers hold; the text is borrowed when nothing changes.
pub(crate) fn bound_text(text: &str) -> Cow<'_, str> {
    let text = lone_returns_as_newlines(text);
    let mut escapes = containers::escapes(&text);
    escapes.extend(tables::escapes(&text));
    if escapes.is_empty() {
        return text;
    }
    escapes.sort_unstable();
    escapes.dedup();
    let mut out = String::with_capacity(text.len() + escapes.len());
    let mut at = 0;
    for escape in escapes {
        out.push_str(&text[at..escape]);
        out.push('\\');
        at = escape;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// The lines of `text`, each with where it starts and its `\n`: found with `memchr`,
/// since the bounds run on every report of every build.
fn lines(text: &str) -> impl Iterator<Item = (usize, &[u8])> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', bytes);
    std::iter::from_fn(move || {
        let end = ends.next().map_or(bytes.len(), |i| i + 1);
        (start < end).then(|| {
            let line = (start, &bytes[start..end]);
            start = end;
            line
        })
    })
}

/// `text` with each `\r` not followed by `\n` replaced by a `\n`, byte for byte.
fn lone_returns_as_newlines(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for i in memchr::memchr_iter(b'\r', bytes).filter(|&i| lone(i)) {
        out.push_str(&text[at..i]);
        out.push('\n');
        at = i + 1;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_ends_and_starts() {
        let all = |t: &'static str| lines(t).collect::<Vec<_>>();
        assert_eq!(all(""), vec![]);
        assert_eq!(all("a"), vec![(0, &b"a"[..])]);
        assert_eq!(all("a\r\nb\n"), vec![(0, &b"a\r\n"[..]), (3, &b"b\n"[..])]);
        assert_eq!(
            all("\n\nc"),
            vec![(0, &b"\n"[..]), (1, &b"\n"[..]), (2, &b"c"[..])]
        );
    }

    #[test]
    fn lone_returns_become_newlines_and_pairs_stay() {
        assert_eq!(lone_returns_as_newlines("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert!(matches!(
            lone_returns_as_newlines("a\r\nb"),
            Cow::Borrowed(_)
        ));
    }
}
