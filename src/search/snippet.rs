//! The passages a result can show as its snippet: for each section of a document the
//! opening of its text, cut at a word. The client picks the passage with the most
//! words of the query, the section the result lands on first among equals, and marks
//! those words.
//!
//! A document's passages are in its bundle (`docs/<n>.json.gz`) beside its address and
//! title, fetched only for the results shown: the reports' passages are about as
//! large as the rest of the index, and a query shows a few dozen results out of
//! thousands.

use std::borrow::Cow;

use super::documents::Doc;

/// The most characters of a section's opening kept as its passage.
const PASSAGE: usize = 300;
/// The most characters of passages kept for one document: a source document with
/// hundreds of paragraphs keeps the first ones.
const DOC_TEXT: usize = 12_000;

/// The passages of `doc`, one per section (section 0 is the summary when it has one),
/// without the empty ones at the end.
pub(crate) fn passages<'a>(doc: &'a Doc<'a>) -> Vec<Cow<'a, str>> {
    let mut left = DOC_TEXT;
    let mut out: Vec<Cow<'a, str>> = doc
        .text
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let text = match (i, &doc.summary) {
                (0, Some(summary)) => summary.as_ref(),
                _ => text.as_ref(),
            };
            let passage = opening(text.trim(), PASSAGE.min(left));
            left -= passage.chars().count().min(left);
            passage
        })
        .collect();
    while out.last().is_some_and(|p| p.is_empty()) {
        out.pop();
    }
    out
}

/// At most `max` characters of the start of `text`, cut after a whole word and
/// followed by an ellipsis when cut.
fn opening(text: &str, max: usize) -> Cow<'_, str> {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return Cow::Borrowed(text);
    };
    let head = &text[..end];
    // Cut at the last space when there is one in the second half: a text without
    // spaces (Chinese) is cut at the character.
    let cut = head
        .rfind(char::is_whitespace)
        .filter(|&at| at > end / 2)
        .unwrap_or(end);
    let kept = head[..cut].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    if kept.is_empty() {
        return Cow::Borrowed("");
    }
    Cow::Owned(format!("{kept}…"))
}

#[cfg(test)]
mod tests {
    use super::super::documents::DocKind;
    use super::*;

    #[test]
    fn passages_are_section_openings_cut_at_a_word() {
        let long = "word ".repeat(100);
        let doc = Doc {
            url: String::new(),
            title: "T".into(),
            kind: DocKind::Report,
            detail: "".into(),
            year: None,
            lang: "en",
            sections: Vec::new(),
            text: vec!["ignored org names".into(), long.as_str().into(), "".into()],
            summary: Some("The summary.".into()),
            packed: None,
        };
        let p = passages(&doc);
        assert_eq!(p.len(), 2, "the empty last section is left out");
        assert_eq!(p[0], "The summary.");
        assert!(p[1].ends_with("word…"), "{}", p[1]);
        assert!(p[1].chars().count() <= PASSAGE + 1);
        assert_eq!(opening("社区网络", 2), "社区…");
        assert_eq!(opening("short", 10), "short");
        assert_eq!(opening("abc def", 0), "");
    }
}
