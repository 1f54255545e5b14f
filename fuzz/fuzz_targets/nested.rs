#![no_main]
//! Deeply nested Markdown and raw HTML, built from the fuzz bytes: each byte picks a
//! construct that opens a level (block quote, list, emphasis, link, raw tag) or closes
//! one, and the next byte how many times to repeat it, so short inputs reach depths
//! in the thousands. Rendering must not crash, and the sanitised HTML must stay
//! within the nesting limit.

use libfuzzer_sys::fuzz_target;

/// Pieces of text that open, close or fill nesting.
const PIECES: &[&str] = &[
    ">", "> ", "- ", "1. ", "  ", "*a ", " b*", "_a ", " b_", "**a ", " b**", "~~a ",
    " b~~", "[a ", "](/x)", "[", "![", "<b>", "</b>", "<div>", "</div>", "<span>",
    "</span>", "<blockquote>", "<i class=\"x\">", "<p>", "<table><tr><td>", "<!-- ",
    " -->", "<script>", "</script>", "\n", "\n\n", "text ", "`", "| a |\n|---|\n",
    "[^1]", "[^1]: ", "# ", "<ul><li>", "<a href=\"/\">", "</a>",
];

/// The same depth counter as the nesting tests'.
#[path = "../../tests/it/common/depth.rs"]
mod depth;
use depth::depth_of;

fuzz_target!(|data: &[u8]| {
    let mut text = String::new();
    for pair in data.chunks(2) {
        let piece = PIECES[usize::from(pair[0]) % PIECES.len()];
        let times = pair.get(1).map_or(1, |&n| usize::from(n) * 16 + 1);
        for _ in 0..times {
            text.push_str(piece);
        }
        if text.len() > 1 << 20 {
            break;
        }
    }
    let html = wsis::fuzzing::markdown(&text, false);
    // A footnote or table adds a few levels of its own around its content.
    let depth = depth_of(&html);
    assert!(
        depth <= wsis::fuzzing::MAX_DEPTH + 8,
        "sanitised HTML nests {depth} deep"
    );
    wsis::fuzzing::markdown(&text, true);
});
