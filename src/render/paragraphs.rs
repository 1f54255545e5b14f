//! A source document's page: its numbered paragraphs made linkable one by one, and the
//! words that say which paragraphs a partial transcription has.

/// The opening of a numbered paragraph's item as the Markdown renderer writes it
/// (`<li id="para-113" value="113">`).
const ITEM_START: &str = "<li id=\"para-";

/// What follows a piece of a document's HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// The start of paragraph `n`'s content, right after its item's opening tag.
    Start(u32),
    /// The end of paragraph `n`'s content, right before its item's `</li>`.
    End(u32),
}

/// `html` cut at the start and at the end of every numbered paragraph's content, so
/// that the page can put a paragraph's self-link before it and what cites it after
/// it. Text between tags never holds a raw `<`, so counting `<li` and `</li>` finds
/// where an item ends even when its lettered sub-items are a list of their own.
pub(crate) fn pieces(html: &str) -> Vec<(&str, Option<Mark>)> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut pending = 0;
    while let Some(at) = rest[pending..].find(ITEM_START).map(|a| a + pending) {
        let number_start = at + ITEM_START.len();
        let number_len = rest[number_start..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(0);
        let (Ok(n), Some(tag_end)) = (
            rest[number_start..number_start + number_len].parse::<u32>(),
            rest[number_start..].find('>').map(|e| number_start + e + 1),
        ) else {
            // Not a paragraph's item after all: keep it in the current piece.
            pending = number_start;
            continue;
        };
        out.push((&rest[..tag_end], Some(Mark::Start(n))));
        rest = &rest[tag_end..];
        let end = item_end(rest);
        out.push((&rest[..end], Some(Mark::End(n))));
        rest = &rest[end..];
        pending = 0;
    }
    out.push((rest, None));
    out
}

/// Where the item whose content starts `html` closes: the offset of its `</li>`, or
/// the end of `html` when it is not closed.
fn item_end(html: &str) -> usize {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        let at = i + lt;
        let tag = &html[at..];
        if tag.starts_with("</li>") {
            if depth == 0 {
                return at;
            }
            depth -= 1;
        } else if tag.starts_with("<li>") || tag.starts_with("<li ") {
            depth += 1;
        }
        i = at + 1;
    }
    html.len()
}

/// Whether a document with these paragraph numbers (in document order) is a partial
/// transcription: anything but 1, 2, 3, ... without a gap.
pub(crate) fn is_excerpt(numbers: &[u32]) -> bool {
    numbers.iter().zip(1..).any(|(&n, i)| n != i)
}

/// The paragraph numbers as readers list them: `113`; `67`, `113`; `1–5`, `9`, `113`
/// (runs of three or more as a range). The words around them ("paragraphs ... and
/// ...") are the page's language's (`document-excerpt`, [`super::views::Views::list`]).
pub(crate) fn paragraph_items(numbers: &[u32]) -> Vec<String> {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, end)) if n == *end + 1 => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let mut parts: Vec<String> = Vec::new();
    for (start, end) in runs {
        match end - start {
            0 => parts.push(start.to_string()),
            1 => {
                parts.push(start.to_string());
                parts.push(end.to_string());
            }
            _ => parts.push(format!("{start}–{end}")),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_paragraph_gets_its_start_and_end_even_around_sub_items() {
        let html = "<ol>\n<li id=\"para-12\" value=\"12\">We (a) do:\n<ol type=\"a\"><li>this</li>\
                    <li>that</li></ol>\n</li>\n<li id=\"para-13\" value=\"13\">Also.</li>\n</ol>";
        let annotate = |html| {
            pieces(html)
                .into_iter()
                .map(|(h, mark)| match mark {
                    Some(Mark::Start(n)) => format!("{h}[{n}]"),
                    Some(Mark::End(n)) => format!("{h}[/{n}]"),
                    None => h.to_string(),
                })
                .collect::<String>()
        };
        let out = annotate(html);
        assert_eq!(
            out,
            "<ol>\n<li id=\"para-12\" value=\"12\">[12]We (a) do:\n<ol type=\"a\"><li>this</li>\
             <li>that</li></ol>\n[/12]</li>\n<li id=\"para-13\" value=\"13\">[13]Also.[/13]</li>\n</ol>"
        );
        // Text that only looks like an item is left as it is.
        let odd = "<li id=\"para-x\">no</li>";
        assert_eq!(annotate(odd), odd);
    }

    #[test]
    fn excerpts_are_told_from_whole_documents() {
        assert!(!is_excerpt(&[1, 2, 3]));
        assert!(is_excerpt(&[67, 113]));
        assert!(is_excerpt(&[1, 2, 4]));
        assert!(!is_excerpt(&[]));
    }

    #[test]
    fn paragraph_numbers_are_listed_with_runs_as_ranges() {
        assert_eq!(paragraph_items(&[113]), ["113"]);
        assert_eq!(paragraph_items(&[67, 113]), ["67", "113"]);
        assert_eq!(paragraph_items(&[1, 2]), ["1", "2"]);
        assert_eq!(
            paragraph_items(&[1, 2, 3, 4, 5, 9, 113]),
            ["1–5", "9", "113"]
        );
        assert!(paragraph_items(&[]).is_empty());
    }
}
