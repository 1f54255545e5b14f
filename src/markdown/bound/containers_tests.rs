use std::borrow::Cow;

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::*;
use crate::markdown::MARKDOWN_OPTIONS;
use crate::markdown::bound::bound_text;

/// How many block quotes, list items and footnote definitions are open at most at
/// once when `text` is parsed: one per marker that opened them.
fn container_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0);
    for event in Parser::new_ext(text, MARKDOWN_OPTIONS) {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::Item | Tag::FootnoteDefinition(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::FootnoteDefinition) => {
                depth -= 1;
            }
            _ => {}
        }
    }
    deepest
}

/// The text of `markdown` as rendered, runs joined.
fn text_of(markdown: &str) -> String {
    Parser::new_ext(markdown, MARKDOWN_OPTIONS)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
}

/// Bounds `text` and checks what every bounded text must be: as deep as the limit at
/// most, and the original with backslashes added and lone CRs made LFs, nothing else
/// (so its lines hold).
fn bounded(text: &str) -> Cow<'_, str> {
    let out = bound_text(text);
    assert!(container_depth(&out) <= MAX_DEPTH, "{:.200}", out);
    let mut original = text.bytes().peekable();
    for b in out.bytes() {
        match original.peek() {
            Some(&o) if o == b => {
                original.next();
            }
            Some(b'\r') if b == b'\n' => {
                original.next();
                assert_ne!(original.peek(), Some(&b'\n'), "{:.200}", out);
            }
            _ => assert_eq!(b, b'\\', "only backslashes are added: {:.200}", out),
        }
    }
    assert_eq!(original.next(), None, "nothing is left out: {:.200}", out);
    out
}

#[test]
fn ordinary_text_is_left_as_written() {
    let text = "# Title\n\n> A quote\n> > nested\n>\n> - in a list\n\n\
                1. one\n2) two\n   - three\n     * four\n       + five\n\t- tabbed\n\n\
                - - -\n* * *\n\n    > code\n\n```\n> fenced\n- fenced\n```\n\n\
                -not a marker, +nor this, 1.5 or 1234567890. either\n";
    assert!(matches!(bounded(text), Cow::Borrowed(_)));
    assert_eq!(container_depth(text), 4);
}

#[test]
fn a_line_opening_too_many_containers_has_the_first_too_many_escaped() {
    let over = MAX_DEPTH + 50;
    for (marker, escaped) in [
        ("- ", "\\- "),
        ("* ", "\\* "),
        ("+ ", "\\+ "),
        ("-\t", "\\-\t"),
        ("1. ", "1\\. "),
        ("7) ", "7\\) "),
        ("123456789. ", "123456789\\. "),
        ("> ", "\\> "),
        (">", "\\>"),
        ("> - ", "\\> - "),
        ("[^1]:>", "\\[^1]:>"),
        ("- [^a]: ", "\\- [^a]: "),
        ("> [^a\\]b]: ", "\\> [^a\\]b]: "),
    ] {
        let text = format!("{}end\n{}", marker.repeat(over), "more\n".repeat(50));
        let out = bounded(&text);
        assert_eq!(out.len(), text.len() + 1, "one backslash: {marker:?}");
        assert!(out.contains(escaped), "{marker:?}");
        // The markers up to the limit still open their containers.
        assert_eq!(container_depth(&out), MAX_DEPTH, "{marker:?}");
        assert!(text_of(&out).contains("end"), "{marker:?}");
        assert!(container_depth(&text) > MAX_DEPTH, "{marker:?}");
    }
}

#[test]
fn the_fuzzer_s_nested_lists_then_table_rows_are_bounded() {
    // What the fuzzer found: 17 s in its instrumented build for 64 KB.
    let text = "1. ".repeat(4_081) + &"| a |\n|---|\n".repeat(4_081);
    assert_eq!(bounded(&text).matches('\\').count(), 1);
}

#[test]
fn a_lone_carriage_return_ends_a_line_as_for_the_parser() {
    // The deep line starts after a lone CR, and the lines continuing it end in CRs.
    for end in ["\r", "\r\n"] {
        let text = format!(
            "a{end}{}x{end}{}",
            "1. ".repeat(MAX_DEPTH + 50),
            format!("b{end}").repeat(50)
        );
        assert!(container_depth(&text) > MAX_DEPTH, "{end:?}");
        assert_eq!(bounded(&text).matches('\\').count(), 1, "{end:?}");
    }
    // The parser reads `\r\r> ` after a fence as its info string, not as two lines:
    // made `\n`s, they are lines for it as for the bound.
    let text = format!(
        "{}```\r\r> \n{}{}\n",
        "- ".repeat(53),
        "   ".repeat(30),
        "1. ".repeat(56)
    );
    assert!(container_depth(&text) > MAX_DEPTH);
    assert!(!bounded(&text).contains('\r'));
}

#[test]
fn whitespace_the_parser_skips_after_a_footnote_hides_no_marker() {
    // After `[^a]:` the parser skips vertical tabs and form feeds too, then reads
    // markers again; a red team found they hid every marker after them.
    for (space, marker) in [("\x0b", "> "), ("\x0c", "- "), ("\x0b\x0c ", "1. ")] {
        let text = format!(
            "[^a]:{space}{}x\n{}",
            marker.repeat(MAX_DEPTH + 50),
            "x\n".repeat(50)
        );
        assert!(container_depth(&text) > MAX_DEPTH, "{space:?} {marker:?}");
        assert_eq!(bounded(&text).len(), text.len() + 1, "{space:?} {marker:?}");
    }
    // A line of them alone is no blank line: inside a paragraph it is the
    // paragraph's text, the next line may be too, and the containers stay open.
    let text = format!(
        "{}a\n\x0c\nb\n{}{}c\n",
        "- ".repeat(MAX_DEPTH),
        "  ".repeat(MAX_DEPTH),
        "- ".repeat(50)
    );
    assert!(container_depth(&text) > MAX_DEPTH);
    bounded(&text);
}

#[test]
fn thematic_breaks_and_indented_code_are_left_as_written() {
    let over = MAX_DEPTH + 20;
    for text in [
        "* ".repeat(over),
        "- ".repeat(over),
        format!("> > {}", "_ ".repeat(over)),
        format!("- - {}", "*\t".repeat(over)),
        format!("    {}", "- ".repeat(over)),
        format!("\t{}", ">".repeat(over)),
        format!("- a\n\n{}{}", " ".repeat(21), "1. ".repeat(over)),
    ] {
        assert!(container_depth(&text) <= MAX_DEPTH, "{text:.60}");
        assert!(matches!(bounded(&text), Cow::Borrowed(_)), "{text:.60}");
    }
    // Four columns past what the open containers can take, or it may be a marker.
    let text = format!("- a\n\n{}{}", " ".repeat(20), "1. ".repeat(over));
    assert!(matches!(bounded(&text), Cow::Owned(_)));
}

#[test]
fn depth_built_over_many_lines_is_bounded() {
    let lines = MAX_DEPTH + 50;
    // Each line restates the containers above it and opens one more.
    let quotes: String = (1..=lines)
        .map(|k| format!("{}q\n", "> ".repeat(k)))
        .collect();
    let bullets: String = (0..lines)
        .map(|k| format!("{}- b\n", "  ".repeat(k)))
        .collect();
    let numbers: String = (0..lines)
        .map(|k| format!("{}1. n\n", "   ".repeat(k)))
        .collect();
    let tabs: String = (0..lines)
        .map(|k| format!("{}- t\n", "\t".repeat(k / 2) + &"  ".repeat(k % 2)))
        .collect();
    for text in [quotes, bullets, numbers, tabs] {
        assert!(container_depth(&text) > MAX_DEPTH, "{:.80}", text);
        let out = bounded(&text);
        assert_eq!(container_depth(&out), MAX_DEPTH, "{:.80}", text);
    }
}

#[test]
fn a_lazy_line_keeps_every_container_open() {
    // The second line continues the innermost paragraph, so the third, indented
    // under all the items of the first, restates them and opens more.
    let text = format!(
        "{}a\nb\n{}{}c\n",
        "- ".repeat(MAX_DEPTH),
        "  ".repeat(MAX_DEPTH),
        "- ".repeat(50)
    );
    assert!(container_depth(&text) > MAX_DEPTH);
    let out = bounded(&text);
    assert_eq!(out.matches('\\').count(), 1);
}

#[test]
fn after_a_blank_line_only_what_a_line_restates_is_open() {
    // The blank line ends the paragraph; the next line closes all but one item, so
    // the deep indentation below is code in that item, not a hundred items.
    let text = format!(
        "{}a\n\n- b\n\n{}{}c\n",
        "- ".repeat(MAX_DEPTH),
        "  ".repeat(MAX_DEPTH),
        "- ".repeat(50)
    );
    assert!(matches!(bounded(&text), Cow::Borrowed(_)));
}

#[test]
fn the_render_reads_the_bounded_text_with_its_lines() {
    use crate::markdown::{RenderSettings, render};
    let text = format!("{}deep\n\n## Later\n", "- ".repeat(5_000));
    let settings = RenderSettings {
        base_path: "/",
        line_code: &|_| None,
        allow_unsafe_html: false,
        first_line: 7,
    };
    let rendered = render(&text, &[], &settings);
    let html = rendered.body.html.unpack();
    // Each level is two elements, `<ul>` and `<li>`, of the page's nesting limit.
    assert_eq!(html.matches("<li>").count(), MAX_DEPTH / 2, "{html:.300}");
    assert!(html.contains("- - - deep"), "{html:.300}");
    assert!(!html.contains('\\'));
    assert_eq!(rendered.body.toc[0].line, 9);
}

/// Markers, indentation and text, as a line's pieces.
const PIECES: &[&str] = &[
    "> ", ">", "- ", "* ", "1. ", "2) ", "  ", "   ", "\t", "a ", "```", "<div>", "| a |",
    "[^a]: ", "[^b]:", "\r", "\r\n", "\n", "* * *", "_", "    ", "\x0b", "\x0c",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_text_parses_deeper_than_the_bound(
        lines in prop::collection::vec(
            prop::collection::vec((0..PIECES.len(), 0usize..70), 0..5),
            1..8,
        )
    ) {
        let text: String = lines
            .iter()
            .map(|line| {
                let mut s: String =
                    line.iter().map(|&(p, n)| PIECES[p].repeat(n)).collect();
                s.push('\n');
                s
            })
            .collect();
        // `bounded` asserts the depth, the lines and the backslashes; a bounded text
        // (an imported draft, bounded again at build) is left as it is.
        let out = bounded(&text);
        prop_assert_eq!(bound_text(&out), out.clone());
    }
}
