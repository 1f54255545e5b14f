//! Figure quotes: a quote not found is shown once, shortened, with the closest
//! passage; a quote that differs from the text only by Unicode normalization or
//! invisible characters is found, and one that differs by a character that does not
//! show names it by code point.

use crate::common;

use common::{Site, guarded};

const REPORT: &str = "content/reports/alpha-2024.md";
const QUOTE: &str = "quote: \"the alumni network grew to 407 members\"";

#[test]
fn a_huge_missing_quote_is_shown_once_shortened_with_the_closest_passage() {
    let site = Site::fixture("basic");
    let filler = "and the network went on growing ".repeat(3_200);
    assert!(filler.len() > 100_000);
    site.edit(
        REPORT,
        QUOTE,
        &format!("quote: \"the alumni network grew to 407 members {filler}\""),
    );
    for command in ["build", "check"] {
        let run = guarded(&site, command, &[]);
        run.assert_error(
            &format!("{REPORT}:14:12"),
            "quote \"the alumni network grew to 407 members and the network went",
        );
        assert!(
            run.stderr.len() < 2_000,
            "{} bytes:\n{}",
            run.stderr.len(),
            run.stderr
        );
        // Once in the message, once in the window of the source line, once in the
        // closest passage: each shortened.
        assert_eq!(run.stderr.matches("the alumni network grew").count(), 3);
        // The closest passage, where the text and the quote part.
        assert!(
            run.stderr.contains(
                "the text has \"the alumni network grew to 407 members\" but then goes on \".\" \
                 where the quote has \" and the network went on growing and the network went on \
                 gro…\""
            ),
            "{}",
            run.stderr
        );
    }
    assert!(!site.root.join("public").exists());
}

#[test]
fn quotes_match_across_normalization_forms_and_invisible_characters() {
    // The text in NFC, the quote in NFD, and the other way round; zero-width spaces,
    // joiners, soft hyphens and a byte order mark in the quote or the text.
    for (text, quote) in [
        (
            "Caf\u{e9} r\u{e9}seau grew",
            "Cafe\u{301} re\u{301}seau grew",
        ),
        (
            "Cafe\u{301} re\u{301}seau grew",
            "Caf\u{e9} r\u{e9}seau grew",
        ),
        (
            "the alumni network grew",
            "the alumni\u{200b} net\u{ad}work gr\u{200d}ew",
        ),
        (
            "the alu\u{feff}mni net\u{2060}work grew",
            "the alumni network grew",
        ),
        ("\u{212b}ngstr\u{f6}m grew", "\u{c5}ngstro\u{308}m grew"),
        // Direction marks and embeddings, as PDFs of right-to-left text carry them.
        (
            "the alumni network\u{200f} grew",
            "\u{202b}the alumni\u{200e} network grew\u{202c}",
        ),
        (
            "the \u{2067}alumni\u{2069} net\u{61c}work grew",
            "the alumni network grew",
        ),
    ] {
        let site = Site::fixture("basic");
        site.edit(
            REPORT,
            "In 2024 the alumni network grew",
            &format!("In 2024 {text}"),
        );
        site.edit(REPORT, QUOTE, &format!("quote: \"{quote} to 407 members\""));
        let run = guarded(&site, "build", &[]);
        assert!(run.ok, "{text:?} / {quote:?}:\n{}", run.stderr);
        let page = site.output("reports/alpha-2024/index.html");
        assert!(page.contains("<mark class=\"quote\">"), "{text:?}");
        let run = guarded(&site, "check", &[]);
        assert!(run.ok, "{}", run.stderr);
    }
}

#[test]
fn a_character_that_does_not_show_is_named_by_code_point() {
    for (quote, named) in [
        // A no-break hyphen for a hyphen; a Cyrillic `е` for a Latin `e`.
        ("the alumni net\u{2011}work grew", "U+2011 \"\u{2011}\""),
        ("the alumni n\u{435}twork grew", "U+0435 \"\u{435}\""),
        // A stray combining accent.
        (
            "the alumni network\u{301} grew",
            "the quote has U+0301, the text U+0020",
        ),
    ] {
        let site = Site::fixture("basic");
        site.edit(REPORT, QUOTE, &format!("quote: \"{quote} to 407 members\""));
        for command in ["build", "check"] {
            let run = guarded(&site, command, &[]);
            run.assert_error(&format!("{REPORT}:14:12"), "is not in the report's text");
            assert!(run.stderr.contains(named), "{named}:\n{}", run.stderr);
        }
    }
}
