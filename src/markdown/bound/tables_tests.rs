use std::borrow::Cow;

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag};

use super::*;
use crate::markdown::MARKDOWN_OPTIONS;
use crate::markdown::bound::bound_text;

/// How many table cells `text` parses to.
fn cells(text: &str) -> usize {
    Parser::new_ext(text, MARKDOWN_OPTIONS)
        .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
        .count()
}

/// At most how many cells `text` gives without padding: each row's `|`s and one more.
fn written_cells(text: &str) -> usize {
    text.matches('|').count() + text.lines().count()
}

/// A table `width` columns wide whose `rows` rows have one cell each: padded with
/// `(width - 1) * rows` empty cells.
fn padded_table(width: usize, rows: usize) -> String {
    format!(
        "{}|\n{}|\n{}\n",
        "|a".repeat(width),
        "|-".repeat(width),
        "b\n".repeat(rows)
    )
}

#[test]
fn ordinary_tables_are_left_as_written() {
    let table = "| Year | Value |\n|:-----|------:|\n| 2024 | 37 |\n| 2025 | 40 |\n\n";
    let text = format!(
        "{}> | a | b |\n> |---|---|\n> | 1 |\n\n- | a | b |\n  | - | - |\n  | 1 | 2 |\n",
        table.repeat(100)
    );
    assert!(matches!(bound_text(&text), Cow::Borrowed(_)));
    // A wide table with many short rows, within the budget.
    let wide = padded_table(100, 2_000);
    assert!(matches!(bound_text(&wide), Cow::Borrowed(_)));
    assert!(cells(&wide) > 100 * 2_000);
}

#[test]
fn full_rows_cost_nothing() {
    // A red team's report: 30 tables of 10 columns and 1,000 full rows, 2.1 MB.
    let row = format!("{}|\n", "| 12.5 ".repeat(10));
    let table = format!(
        "## Section\n\n{}|\n{}|\n{}\n",
        "| c ".repeat(10),
        "|---".repeat(10),
        row.repeat(1_000)
    );
    let text = table.repeat(30);
    assert!(matches!(bound_text(&text), Cow::Borrowed(_)));
    assert_eq!(cells(&text), 30 * 10 * 1_001);
}

#[test]
fn full_rows_without_edge_pipes_cost_nothing_either() {
    // `x|y|z` is three cells: charged as one (its `|`s less one), 300 such tables
    // were 600,000 cells over the budget.
    let table = format!("a|b|c\n-|-|-\n{}\n", "x|y|z\n".repeat(1_000));
    let text = format!("{}> |a|b|\n> |-|-|\n> |x|y|\n", table.repeat(300));
    assert!(matches!(bound_text(&text), Cow::Borrowed(_)));
}

#[test]
fn a_last_column_of_colons_counts() {
    // The parser takes a last part without a `-` for a column; a red team's report
    // padded 4.9 million cells so.
    let table = format!("a|b\n-|:\n{}\n", "x\n".repeat(100_000));
    let text = table.repeat(5);
    assert!(cells(&text) > written_cells(&text) + MAX_PADDING);
    let out = bound_text(&text);
    assert!(cells(&out) <= written_cells(&out) + MAX_PADDING);
    // Two tables fit the budget.
    assert_eq!(out.len(), text.len() + 3);
}

#[test]
fn tables_past_the_padding_budget_are_text() {
    // What a red team found: each table pads 261,725 cells from 3 KB.
    let one = padded_table(362, 725);
    let text = one.repeat(20);
    assert!(cells(&text) > 20 * 261_725);
    let out = bound_text(&text);
    // The first table fits the budget; the others' delimiter rows are escaped.
    assert_eq!(out.len(), text.len() + 19);
    assert_eq!(out.matches("|\\-|-").count(), 19);
    assert!(cells(&out) <= written_cells(&out) + MAX_PADDING);
    assert!(cells(&out) > 261_725);
}

#[test]
fn padding_is_counted_in_block_quotes_lists_and_whatever_the_rows_hold() {
    let width = 600;
    for (name, text) in [
        (
            "quote",
            format!(
                "> {}|\n> {}|\n{}",
                "|a".repeat(width),
                "| - ".repeat(width),
                "> b\n".repeat(1_000)
            ),
        ),
        (
            "list",
            format!(
                "- {}|\n  {}|\n{}",
                "|a".repeat(width),
                "|:-:".repeat(width),
                "  b\n".repeat(1_000)
            ),
        ),
        (
            "no edge pipes",
            format!(
                "{}a\n{}-\n{}\n",
                "a|".repeat(width - 1),
                "-|".repeat(width - 1),
                "b\n".repeat(1_000)
            ),
        ),
    ] {
        let text = text.repeat(2);
        assert!(cells(&text) > written_cells(&text) + MAX_PADDING, "{name}");
        let out = bound_text(&text);
        assert!(
            cells(&out) <= written_cells(&out) + MAX_PADDING,
            "{name}: {}",
            cells(&out)
        );
    }
}

#[test]
fn a_blank_line_ends_a_table_s_rows_and_a_blank_line_above_is_no_header() {
    // The rows after the blank line are no table's: the table pads 360 cells.
    let text = format!("{}\n{}", padded_table(361, 1), "b\n".repeat(10_000));
    assert!(matches!(bound_text(&text), Cow::Borrowed(_)));
    // A delimiter row under a blank line is a thematic break or text, no table.
    let text = format!("\n{}|\n{}", "|-".repeat(1_000), "b\n".repeat(1_000));
    assert_eq!(
        delimiter_row(text.lines().nth(1).unwrap().as_bytes())
            .unwrap()
            .1,
        1_000
    );
    assert!(matches!(bound_text(&text), Cow::Borrowed(_)));
}

/// How many empty cells the parser pads `text`'s table rows with: the cells that
/// start where their row ends.
fn padding(text: &str) -> usize {
    let mut row_end = 0;
    let mut padded = 0;
    for (event, range) in Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::TableRow | Tag::TableHead) => row_end = range.end,
            Event::Start(Tag::TableCell) if range.is_empty() && range.start == row_end => {
                padded += 1;
            }
            _ => {}
        }
    }
    padded
}

/// The padding the blocks of `text` may take, as counted.
fn counted(text: &str) -> usize {
    let mut total = 0;
    for_each_block(text, |block| total += block.padding);
    total
}

#[test]
fn the_count_of_padding_is_the_parser_s_at_its_worst() {
    assert_eq!(padding(&padded_table(10, 7)), 9 * 7);
    assert_eq!(counted(&padded_table(10, 7)), 9 * 7);
    assert_eq!(padding("|a|b|\n|-|-|\n|x|y|\n"), 0);
    // Short rows however their `|`s stand.
    for row in ["|x|", "x", "|x", "x|", "\\|x\\|", "|`x`|", "`|`", "x|\\|"] {
        let text = format!("|a|b|c|\n|-|-|-|\n{row}\n");
        assert!(padding(&text) >= 1, "{row}");
        assert!(counted(&text) >= padding(&text), "{row}");
    }
}

/// Pieces of delimiter rows, of table rows, and of what may hold them, by line kind.
const PIECES: [&[&str]; 3] = [
    &["|", "|", "-", "-", ":", " ", "\t"],
    &["|", "|", "a", " ", "\\|", "\\", "`"],
    &["|", "-", ":", "a", "> ", "- ", "  ", "\t", "\x0b", "\r"],
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_text_is_padded_more_than_counted(
        lines in prop::collection::vec(
            (0..4usize, prop::collection::vec(0..10usize, 0..8), any::<bool>()),
            1..14,
        )
    ) {
        let mut text = String::new();
        for (kind, pieces, crlf) in &lines {
            if let Some(kind) = PIECES.get(*kind) {
                text.extend(pieces.iter().map(|&p| kind[p % kind.len()]));
            }
            text.push_str(if *crlf { "\r\n" } else { "\n" });
        }
        // Lone CRs are LFs by the time tables are counted.
        let text = crate::markdown::bound::lone_returns_as_newlines(&text);
        prop_assert!(padding(&text) <= counted(&text), "{:?}", text);
    }
}
