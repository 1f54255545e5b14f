//! Page furniture: running headers and footers, page numbers, and footnotes at a
//! page's foot. Headers, footers and page numbers are dropped; footnotes are taken
//! out of the reading flow and kept, so that a paragraph running over a page break
//! is not cut by the notes between its halves.

use std::collections::HashMap;

use super::layout::Line;

/// The share of a page's height, at its top and at its foot, where running headers,
/// footers and page numbers sit.
const BAND: f64 = 0.12;

/// Whether `text` is nothing but a page number: "3", "Page 3", "3/10", "3 of 10",
/// "- 3 -", "iv".
pub(super) fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '|' | ' ' | '[' | ']' | '(' | ')'));
    let t = t.to_lowercase();
    let t = t
        .strip_prefix("page")
        .or_else(|| t.strip_prefix("p."))
        .unwrap_or(&t)
        .trim();
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of");
    let Some(first) = parts.next() else {
        return false;
    };
    let number = |p: &str| {
        (p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
            || (p.len() <= 6 && p.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
    };
    let rest: Vec<&str> = parts.collect();
    number(first) && rest.len() <= 1 && rest.iter().all(|p| number(p))
}

/// A line's text with its numbers blanked, so that "Report 2023 – page 4" on one page
/// and "Report 2023 – page 5" on the next count as the same running footer.
fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in text.to_lowercase().chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
    out
}

/// Which band of the page a line is in: top (true), foot (false), or neither.
fn band(line: &Line, height: f64) -> Option<bool> {
    if line.y < height * BAND {
        Some(true)
    } else if line.y > height * (1.0 - BAND) {
        Some(false)
    } else {
        None
    }
}

/// Drops running headers and footers (lines in a page's top or foot band whose text,
/// numbers aside, recurs at the same height on at least two pages and two fifths of
/// them) and page numbers in those bands.
pub(super) fn drop_running(pages: &mut [Vec<Line>], heights: &[f64]) {
    let count = pages.len();
    let mut seen: HashMap<(bool, String), Vec<(usize, f64)>> = HashMap::new();
    for (p, lines) in pages.iter().enumerate() {
        for line in lines {
            if let Some(top) = band(line, heights[p]) {
                seen.entry((top, shape(&line.text)))
                    .or_default()
                    .push((p, line.y));
            }
        }
    }
    let needed = 2.max((count * 2).div_ceil(5));
    let running = |line: &Line, height: f64| -> bool {
        let Some(top) = band(line, height) else {
            return false;
        };
        if is_page_number(&line.text) {
            return true;
        }
        let Some(places) = seen.get(&(top, shape(&line.text))) else {
            return false;
        };
        let mut pages_here: Vec<usize> = places
            .iter()
            .filter(|(_, y)| (y - line.y).abs() <= 4.0)
            .map(|(p, _)| *p)
            .collect();
        pages_here.dedup();
        pages_here.len() >= needed
    };
    for (p, lines) in pages.iter_mut().enumerate() {
        lines.retain(|l| !running(l, heights[p]));
    }
}

/// Takes each page's footnotes out of its lines: the lines at the page's foot, in its
/// lower half, below every line of body size and smaller than the body. Returns the
/// notes, each as its lines (a note starts at a line opened by a marker or a number).
pub(super) fn take_footnotes(
    pages: &mut [Vec<Line>],
    heights: &[f64],
    body: f64,
) -> Vec<Vec<Line>> {
    let mut notes: Vec<Vec<Line>> = Vec::new();
    for (p, lines) in pages.iter_mut().enumerate() {
        let lowest_body = lines
            .iter()
            .filter(|l| l.size >= 0.9 * body)
            .map(|l| l.y)
            .fold(f64::MIN, f64::max);
        if lowest_body == f64::MIN {
            continue;
        }
        let is_note = |l: &Line| l.y > lowest_body && l.y > heights[p] / 2.0 && l.size < 0.9 * body;
        let mut foot: Vec<Line> = lines.iter().filter(|l| is_note(l)).cloned().collect();
        lines.retain(|l| !is_note(l));
        foot.sort_by(|a, b| a.y.total_cmp(&b.y));
        for line in foot {
            let starts = line.marker_first
                || line
                    .text
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '*'));
            let goes_on = !starts
                && notes
                    .last()
                    .and_then(|n| n.last())
                    .is_some_and(|l| l.page == p);
            if let (true, Some(note)) = (goes_on, notes.last_mut()) {
                note.push(line);
            } else {
                notes.push(vec![line]);
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_their_usual_forms() {
        for yes in [
            "3",
            "Page 3",
            "3/10",
            "3 of 10",
            "- 3 -",
            "– 12 –",
            "iv",
            "page 4 of 9",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "3 people",
            "2023 report",
            "Page three",
            "Section 3",
            "",
            "A/RES/70",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn running_lines_match_up_to_their_numbers() {
        assert_eq!(
            shape("Report 2023 – page 4"),
            shape("Report 2023 – page 15")
        );
        assert_ne!(shape("Report"), shape("Summary"));
    }
}
