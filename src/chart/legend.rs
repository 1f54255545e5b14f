//! The key under a chart: one sample of each kind of mark the chart draws, with
//! words. A chart of plain values only has none: there is nothing to explain.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::marks::{arrow, error_bar, marker};
use super::{Kind, Point, Track, W, Words, text_width};
use crate::markdown::escape;
use crate::model::{Amount, Status};

/// A kind of mark, in the order the key lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    Value,
    About,
    Estimate,
    AtLeast,
    AtMost,
    Range,
    Projected,
    Target,
    Beside,
}

impl Entry {
    /// The entry's words in the chart's language.
    fn words(self, w: &Words<'_>) -> String {
        match self {
            Entry::Value => w.t("chart-legend-value"),
            Entry::About => w.t("chart-legend-about"),
            Entry::Estimate => w.t("chart-legend-estimate"),
            Entry::AtLeast => w.t("chart-legend-at-least"),
            Entry::AtMost => w.t("chart-legend-up-to"),
            Entry::Range => w.t("chart-legend-range"),
            Entry::Projected => w.t("chart-legend-projected"),
            Entry::Target => w.t("chart-legend-target"),
            Entry::Beside => w.t("chart-legend-beside"),
        }
    }
}

/// One row's height.
const ROW: f64 = 22.0;
/// A sample's width, before its words.
const SAMPLE: f64 = 24.0;

/// The key of one chart, laid out in rows.
#[derive(Debug)]
pub(super) struct Legend {
    kind: Kind,
    /// Each entry with its words, its row and its left edge.
    items: Vec<(Entry, String, usize, f64)>,
}

impl Legend {
    /// The key for `points`, drawn as `kind`, in `w`'s language.
    pub(super) fn of(points: &[Point], kind: Kind, w: &Words<'_>) -> Legend {
        let mut entries = BTreeSet::new();
        for p in points {
            match p.track {
                Track::Beside => {
                    entries.insert(Entry::Beside);
                }
                Track::Outlook if p.status == Status::Target => {
                    entries.insert(Entry::Target);
                }
                Track::Outlook => {
                    entries.insert(Entry::Projected);
                }
                Track::Actual => {}
            }
            let on_track = p.track == Track::Actual;
            match p.amount {
                Amount::Exact(_) if on_track => {
                    entries.insert(Entry::Value);
                }
                Amount::Exact(_) => {}
                Amount::Approximately(_) => {
                    entries.insert(Entry::About);
                }
                Amount::AtLeast(_) => {
                    entries.insert(Entry::AtLeast);
                }
                Amount::AtMost(_) => {
                    entries.insert(Entry::AtMost);
                }
                Amount::Range { .. } => {
                    entries.insert(Entry::Range);
                }
            }
            if p.status == Status::Estimate {
                entries.insert(Entry::Estimate);
            }
        }
        if entries.iter().all(|&e| e == Entry::Value) {
            entries.clear();
        }
        let mut items = Vec::with_capacity(entries.len());
        let (mut row, mut x) = (0, 12.0);
        for e in entries {
            let text = e.words(w);
            let width = SAMPLE + 6.0 + text_width(&text) + 16.0;
            if x + width > W - 12.0 && x > 12.0 {
                row += 1;
                x = 12.0;
            }
            items.push((e, text, row, x));
            x += width;
        }
        Legend { kind, items }
    }

    /// The height the key adds under the plot.
    pub(super) fn height(&self) -> f64 {
        match self.items.last() {
            Some(&(_, _, rows, _)) => (rows + 1) as f64 * ROW + 4.0,
            None => 0.0,
        }
    }

    /// Draws the key from `top` down.
    pub(super) fn draw(&self, s: &mut String, top: f64, w: &Words<'_>) {
        if self.items.is_empty() {
            return;
        }
        s.push_str(r#"<g class="legend">"#);
        for (e, text, row, x) in &self.items {
            let (e, row, x) = (*e, *row, *x);
            let y = top + row as f64 * ROW + ROW / 2.0;
            self.sample(s, e, x, y, w);
            let _ = write!(
                s,
                r#"<text class="legend-label" x="{:.1}" y="{:.1}">{}</text>"#,
                x + SAMPLE + 6.0,
                y + 4.0,
                escape(text)
            );
        }
        s.push_str("</g>");
    }

    /// A small copy of the mark for `e`, in a group with the classes of such a mark,
    /// so that the CSS draws it as the chart does.
    fn sample(&self, s: &mut String, e: Entry, x: f64, y: f64, w: &Words<'_>) {
        let mid = x + SAMPLE / 2.0;
        let bars = self.kind == Kind::Bar;
        let group = |track: Track, bound: &str, status: Status| {
            format!(
                r#"<g class="mark {} {bound} {}">"#,
                track.name(),
                status.name()
            )
        };
        let bar = |s: &mut String, class: &str, y0: f64, y1: f64| {
            let _ = write!(
                s,
                r#"<rect class="{class}" x="{:.1}" y="{y0:.1}" width="12" height="{:.1}"/>"#,
                mid - 6.0,
                y1 - y0
            );
        };
        match e {
            Entry::Value => {
                s.push_str(&group(Track::Actual, "exact", Status::Actual));
                if bars {
                    bar(s, "bar", y - 7.0, y + 7.0);
                } else {
                    let _ = write!(
                        s,
                        r#"<path class="line" d="M{x:.1},{y:.1}H{:.1}"/>"#,
                        x + SAMPLE
                    );
                    marker(s, mid, y, Track::Actual, Status::Actual);
                }
            }
            Entry::About | Entry::Estimate => {
                s.push_str(&group(Track::Actual, "approximately", Status::Actual));
                let _ = write!(
                    s,
                    r#"<text class="mark-label" x="{mid:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                    y + 4.0,
                    if e == Entry::About {
                        "≈".to_string()
                    } else {
                        escape(&w.t("chart-mark-estimate"))
                    }
                );
            }
            Entry::AtLeast | Entry::AtMost => {
                let up = e == Entry::AtLeast;
                let bound = if up { "at-least" } else { "at-most" };
                s.push_str(&group(Track::Actual, bound, Status::Actual));
                if bars {
                    let class = if up { "bar" } else { "bar extent" };
                    bar(s, class, y - 2.0, y + 9.0);
                    arrow(s, mid, y - 2.0, up, 7.0);
                } else {
                    // Marker low and arrow up for a lower bound; the other way round
                    // for an upper one.
                    let (at, from) = if up {
                        (y + 5.0, y + 0.5)
                    } else {
                        (y - 5.0, y - 0.5)
                    };
                    marker(s, mid, at, Track::Actual, Status::Actual);
                    arrow(s, mid, from, up, 6.0);
                }
            }
            Entry::Range => {
                s.push_str(&group(Track::Actual, "range", Status::Actual));
                if bars {
                    bar(s, "bar", y + 1.0, y + 9.0);
                    bar(s, "bar extent", y - 8.0, y + 1.0);
                } else {
                    error_bar(s, mid, y - 8.0, y + 8.0, 4.0);
                }
            }
            Entry::Projected | Entry::Target => {
                let status = if e == Entry::Target {
                    Status::Target
                } else {
                    Status::Projected
                };
                s.push_str(&group(Track::Outlook, "exact", status));
                if bars {
                    bar(s, &format!("bar {}", status.name()), y - 7.0, y + 7.0);
                } else {
                    let _ = write!(
                        s,
                        r#"<path class="line outlook" d="M{x:.1},{y:.1}H{:.1}"/>"#,
                        x + SAMPLE
                    );
                    marker(s, mid, y, Track::Outlook, status);
                }
            }
            Entry::Beside => {
                s.push_str(&group(Track::Beside, "exact", Status::Actual));
                marker(s, mid, y, Track::Beside, Status::Actual);
            }
        }
        s.push_str("</g>");
    }
}
