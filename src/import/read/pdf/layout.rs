//! A page's glyphs become lines in reading order: glyphs that share a baseline form a
//! row, a raised smaller run is a superscript of the row below it, rows split at wide
//! gaps, and a page with a vertical gutter that no line crosses is read column by
//! column (left before right), lines spanning both columns in their place between.

use super::glyphs::{Glyph, Page};

/// One line of text as the reader sees it.
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// The page it is on, from 0.
    pub(super) page: usize,
    /// The column it belongs to on its page: 0 for a single column or a line spanning
    /// the columns, 1 and 2 for the left and right column.
    pub(super) column: u8,
    /// Left and right edges, in points.
    pub(super) x0: f64,
    pub(super) x1: f64,
    /// Baseline, in points from the page's top.
    pub(super) y: f64,
    /// The size most of its characters have.
    pub(super) size: f64,
    /// The words, separated by single spaces; footnote markers left out.
    pub(super) text: String,
    /// Whether a superscript footnote marker opens the line (a footnote's first line).
    pub(super) marker_first: bool,
}

/// A glyph placed in a row, with whether it is a superscript of that row.
#[derive(Debug, Clone)]
struct Placed {
    glyph: Glyph,
    superscript: bool,
}

/// Glyphs sharing a baseline; `y` is the baseline of its ordinary (not raised) glyphs.
#[derive(Debug, Clone)]
struct Row {
    y: f64,
    size: f64,
    glyphs: Vec<Placed>,
}

/// A horizontal run of a row with no wide gap inside.
#[derive(Debug, Clone)]
struct Segment {
    row: Row,
    x0: f64,
    x1: f64,
}

/// Marks that stand for a footnote when raised: digits, and the traditional symbols.
fn is_marker_text(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§' | ',' | '¶'))
}

/// The middle value of `values` (0 when empty).
fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Groups a page's glyphs into rows by baseline, top to bottom.
fn rows(page: &Page) -> Vec<Row> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        let joins = rows.last().is_some_and(|r| {
            // Within a fifth of the size: the same baseline despite rounding.
            (g.y - r.y).abs() <= 0.2 * g.size.min(r.size).max(1.0)
        });
        if joins {
            let row = rows.last_mut().expect("checked");
            row.glyphs.push(Placed {
                glyph: g.clone(),
                superscript: false,
            });
        } else {
            rows.push(Row {
                y: g.y,
                size: g.size,
                glyphs: vec![Placed {
                    glyph: g.clone(),
                    superscript: false,
                }],
            });
        }
    }
    for row in &mut rows {
        row.size = median(
            row.glyphs
                .iter()
                .filter(|p| !p.glyph.is_space())
                .map(|p| p.glyph.size)
                .collect(),
        );
    }
    rows.retain(|r| r.glyphs.iter().any(|p| !p.glyph.is_space()));
    attach_superscripts(rows)
}

/// A row of small glyphs raised a little above the row below, and beside its text,
/// is that row's superscripts (footnote markers, ordinal suffixes); one lowered a
/// little below the row above is its subscripts.
fn attach_superscripts(rows: Vec<Row>) -> Vec<Row> {
    // No host is further away than this: the searches stop there (rows are sorted
    // top to bottom), so a page of many rows costs no quadratic time.
    let reach = rows.iter().map(|r| r.size).fold(0.0, f64::max) * 0.75;
    let mut rows: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    for i in 0..rows.len() {
        let Some(small) = rows[i].clone() else {
            continue;
        };
        let (sx0, sx1) = extent(&small.glyphs);
        let host = (i + 1..rows.len())
            .take_while(|&j| rows[j].as_ref().is_none_or(|r| r.y - small.y <= reach))
            .find(|&j| {
                rows[j].as_ref().is_some_and(|below| {
                    let rise = below.y - small.y;
                    let (bx0, bx1) = extent(&below.glyphs);
                    small.size < 0.85 * below.size
                        && rise > 0.15 * below.size
                        && rise < 0.75 * below.size
                        && sx1 >= bx0 - below.size
                        && sx0 <= bx1 + below.size
                })
            });
        if let Some(j) = host {
            let below = rows[j].as_mut().expect("found");
            below.glyphs.extend(small.glyphs.into_iter().map(|mut p| {
                p.superscript = true;
                p
            }));
            rows[i] = None;
            continue;
        }
        // Lowered a little below a larger row beside it: a subscript ("CO₂"), text of
        // that row.
        let host = (0..i)
            .rev()
            .take_while(|&j| rows[j].as_ref().is_none_or(|r| small.y - r.y <= reach))
            .find(|&j| {
                rows[j].as_ref().is_some_and(|above| {
                    let drop = small.y - above.y;
                    let (ax0, ax1) = extent(&above.glyphs);
                    small.size < 0.85 * above.size
                        && drop > 0.0
                        && drop < 0.45 * above.size
                        && sx1 >= ax0 - above.size
                        && sx0 <= ax1 + above.size
                })
            });
        if let Some(j) = host {
            rows[j].as_mut().expect("found").glyphs.extend(small.glyphs);
            rows[i] = None;
        }
    }
    rows.into_iter().flatten().collect()
}

/// The leftmost start and rightmost end of the visible glyphs.
fn extent(glyphs: &[Placed]) -> (f64, f64) {
    let visible = glyphs.iter().filter(|p| !p.glyph.is_space());
    let x0 = visible.clone().map(|p| p.glyph.x).fold(f64::MAX, f64::min);
    let x1 = visible.map(|p| p.glyph.end()).fold(f64::MIN, f64::max);
    (x0, x1)
}

/// Splits each row where the gap between two glyphs is wider than 1.5 times the
/// font size: wider than any word space, as narrow as a column gutter gets.
fn segments(rows: Vec<Row>) -> Vec<Segment> {
    let mut out = Vec::new();
    for mut row in rows {
        row.glyphs.sort_by(|a, b| a.glyph.x.total_cmp(&b.glyph.x));
        let mut current: Vec<Placed> = Vec::new();
        let mut end = f64::MIN;
        for p in std::mem::take(&mut row.glyphs) {
            if p.glyph.is_space() {
                current.push(p);
                continue;
            }
            if end > f64::MIN && p.glyph.x - end > 1.5 * row.size {
                out.push(segment(&row, std::mem::take(&mut current)));
            }
            end = end.max(p.glyph.end());
            current.push(p);
        }
        if current.iter().any(|p| !p.glyph.is_space()) {
            out.push(segment(&row, current));
        }
    }
    out
}

fn segment(row: &Row, glyphs: Vec<Placed>) -> Segment {
    let (x0, x1) = extent(&glyphs);
    Segment {
        row: Row {
            y: row.y,
            size: row.size,
            glyphs,
        },
        x0,
        x1,
    }
}

/// The x of a gutter splitting the page's segments into two columns, if there is one:
/// a vertical line that few segments cross (those are spanning titles), with at
/// least three segments and a quarter of the rest on either side.
fn gutter(segs: &[Segment]) -> Option<f64> {
    if segs.len() < 6 {
        return None;
    }
    let left = segs.iter().map(|s| s.x0).fold(f64::MAX, f64::min);
    let right = segs.iter().map(|s| s.x1).fold(f64::MIN, f64::max);
    let width = right - left;
    let steps: u32 = 120;
    let samples: Vec<(f64, Option<usize>)> = (0..=steps)
        .map(|k| {
            let x = left + width * (0.25 + 0.5 * f64::from(k) / f64::from(steps));
            let cross = segs.iter().filter(|s| s.x0 < x && s.x1 > x).count();
            let on_left = segs.iter().filter(|s| s.x1 <= x).count();
            let on_right = segs.iter().filter(|s| s.x0 >= x).count();
            let sides = on_left + on_right;
            let ok = on_left >= 3
                && on_right >= 3
                && on_left * 4 >= sides
                && on_right * 4 >= sides
                && cross * 5 <= segs.len();
            (x, ok.then_some(cross))
        })
        .collect();
    let fewest = samples.iter().filter_map(|s| s.1).min()?;
    // The gutter is the middle of the widest run of places crossed by the fewest lines.
    let (mut best_len, mut best_start) = (0, 0);
    let mut k = 0;
    while k < samples.len() {
        if samples[k].1 != Some(fewest) {
            k += 1;
            continue;
        }
        let start = k;
        while k < samples.len() && samples[k].1 == Some(fewest) {
            k += 1;
        }
        if k - start > best_len {
            (best_len, best_start) = (k - start, start);
        }
    }
    Some((samples[best_start].0 + samples[best_start + best_len - 1].0) / 2.0)
}

/// The page's lines in reading order.
pub(super) fn page_lines(page: &Page, index: usize) -> Vec<Line> {
    let segs = segments(rows(page));
    let gutter = gutter(&segs);
    // Tag each segment with its column; 0 spans (or there is one column).
    let mut tagged: Vec<(u8, Segment)> = segs
        .into_iter()
        .map(|s| {
            let column = match gutter {
                Some(g) if s.x1 <= g => 1,
                Some(g) if s.x0 >= g => 2,
                _ => 0,
            };
            (column, s)
        })
        .collect();
    tagged.sort_by(|a, b| a.1.row.y.total_cmp(&b.1.row.y));
    // Read band by band: a spanning line closes the columns above it.
    let mut ordered: Vec<Line> = Vec::new();
    let mut band: [Vec<Segment>; 2] = [Vec::new(), Vec::new()];
    let flush = |band: &mut [Vec<Segment>; 2], ordered: &mut Vec<Line>| {
        for (k, segs) in band.iter_mut().enumerate() {
            ordered.extend(merge_rows(std::mem::take(segs), index, k as u8 + 1));
        }
    };
    let mut spanning: Vec<Segment> = Vec::new();
    for (column, seg) in tagged {
        if column == 0 {
            if band.iter().any(|b| !b.is_empty()) {
                ordered.extend(merge_rows(std::mem::take(&mut spanning), index, 0));
                flush(&mut band, &mut ordered);
            }
            spanning.push(seg);
        } else {
            if !spanning.is_empty() {
                ordered.extend(merge_rows(std::mem::take(&mut spanning), index, 0));
            }
            band[column as usize - 1].push(seg);
        }
    }
    ordered.extend(merge_rows(spanning, index, 0));
    flush(&mut band, &mut ordered);
    ordered
}

/// Segments of one column (or of the spanning lines) on the same baseline become one
/// line; lines come out top to bottom.
fn merge_rows(mut segs: Vec<Segment>, page: usize, column: u8) -> Vec<Line> {
    segs.sort_by(|a, b| a.row.y.total_cmp(&b.row.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let mut j = i + 1;
        while j < segs.len() && (segs[j].row.y - segs[i].row.y).abs() < 0.01 {
            j += 1;
        }
        let glyphs: Vec<Placed> = segs[i..j]
            .iter()
            .flat_map(|s| s.row.glyphs.iter().cloned())
            .collect();
        let row = Row {
            y: segs[i].row.y,
            size: segs[i].row.size,
            glyphs,
        };
        if let Some(line) = line_of(row, page, column) {
            lines.push(line);
        }
        i = j;
    }
    lines
}

/// The text of a row: glyphs left to right, a space where a space glyph or a gap wider
/// than a sixth of the size separates them, and superscript footnote markers left out
/// (their width still counts, so "2023¹." stays "2023.").
fn line_of(mut row: Row, page: usize, column: u8) -> Option<Line> {
    row.glyphs.sort_by(|a, b| a.glyph.x.total_cmp(&b.glyph.x));
    // Runs of consecutive superscript glyphs that are markers are hidden.
    let n = row.glyphs.len();
    let mut hidden = vec![false; n];
    let mut i = 0;
    while i < n {
        if !row.glyphs[i].superscript {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut text = String::new();
        while j < n && row.glyphs[j].superscript {
            text.push_str(row.glyphs[j].glyph.text.trim());
            j += 1;
        }
        if is_marker_text(&text) {
            hidden[i..j].iter_mut().for_each(|h| *h = true);
        }
        i = j;
    }
    let mut text = String::new();
    let mut end = f64::MIN;
    let mut space = false;
    let mut marker_first = false;
    let mut sizes = Vec::new();
    for (p, hide) in row.glyphs.iter().zip(hidden) {
        let g = &p.glyph;
        if g.is_space() {
            space = true;
            continue;
        }
        if hide {
            marker_first |= text.is_empty();
            end = end.max(g.end());
            continue;
        }
        if !text.is_empty() && (space || g.x - end > row.size / 6.0) {
            text.push(' ');
        }
        space = false;
        text.push_str(g.text.trim());
        end = end.max(g.end());
        if !p.superscript {
            sizes.push(g.size);
        }
    }
    let visible: Vec<&Placed> = row.glyphs.iter().filter(|p| !p.glyph.is_space()).collect();
    if text.is_empty() || visible.is_empty() {
        return None;
    }
    let x0 = visible.iter().map(|p| p.glyph.x).fold(f64::MAX, f64::min);
    let x1 = visible
        .iter()
        .map(|p| p.glyph.end())
        .fold(f64::MIN, f64::max);
    Some(Line {
        page,
        column,
        x0,
        x1,
        y: row.y,
        size: if sizes.is_empty() {
            row.size
        } else {
            median(sizes)
        },
        text,
        marker_first,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` from (x, y), each character half the size wide.
    fn draw(page: &mut Page, x: f64, y: f64, size: f64, text: &str) {
        for (i, c) in text.chars().enumerate() {
            page.glyphs.push(Glyph {
                x: x + i as f64 * size / 2.0,
                y,
                width: size / 2.0,
                size,
                text: c.to_string(),
            });
        }
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn a_gutter_splits_columns_read_left_first_under_a_spanning_title() {
        let mut page = Page {
            height: 800.0,
            glyphs: Vec::new(),
        };
        draw(&mut page, 60.0, 50.0, 16.0, "A title spanning both columns");
        for k in 0..4 {
            let y = 100.0 + 14.0 * f64::from(k);
            draw(&mut page, 300.0, y, 10.0, &format!("right {k}"));
            draw(&mut page, 50.0, y, 10.0, &format!("left line {k} text"));
        }
        let lines = page_lines(&page, 0);
        assert_eq!(
            texts(&lines),
            [
                "A title spanning both columns",
                "left line 0 text",
                "left line 1 text",
                "left line 2 text",
                "left line 3 text",
                "right 0",
                "right 1",
                "right 2",
                "right 3",
            ]
        );
        assert_eq!(lines[0].column, 0);
        assert_eq!((lines[1].column, lines[5].column), (1, 2));
    }

    #[test]
    fn one_column_with_ragged_lines_stays_one_column() {
        let mut page = Page {
            height: 800.0,
            glyphs: Vec::new(),
        };
        for k in 0..8u32 {
            let words = "word ".repeat(4 + 3 * (k as usize % 3));
            draw(
                &mut page,
                50.0,
                100.0 + 14.0 * f64::from(k),
                10.0,
                words.trim(),
            );
        }
        let lines = page_lines(&page, 0);
        assert_eq!(lines.len(), 8);
        assert!(lines.iter().all(|l| l.column == 0));
    }

    #[test]
    fn a_raised_small_number_is_a_marker_kept_apart() {
        let mut page = Page {
            height: 800.0,
            glyphs: Vec::new(),
        };
        draw(&mut page, 50.0, 100.0, 10.0, "in 2023");
        draw(&mut page, 85.0, 96.0, 6.0, "1");
        draw(&mut page, 88.0, 100.0, 10.0, ", then");
        // An ordinal suffix is raised too, but it is text.
        draw(&mut page, 50.0, 120.0, 10.0, "the 21");
        draw(&mut page, 80.0, 116.0, 6.0, "st");
        // A subscript is text of its row.
        draw(&mut page, 50.0, 140.0, 10.0, "CO");
        draw(&mut page, 60.0, 142.5, 6.0, "2");
        draw(&mut page, 63.0, 140.0, 10.0, " emissions");
        let lines = page_lines(&page, 0);
        assert_eq!(
            texts(&lines),
            ["in 2023, then", "the 21st", "CO2 emissions"]
        );
        assert!(!lines[0].marker_first);
    }
}
