//! The marks of a chart: lines, points, bounds, ranges and bars (the module docs of
//! [`crate::chart`] say what each means).

use std::fmt::Write;

use super::{Frame, LEFT, Point, RIGHT, Track, W, Words, text_width, track};
use crate::markdown::escape;
use crate::model::{Amount, Status, Unit};

/// A point marker's radius; a beside square's half side.
const R: f64 = 4.5;
/// How far a bound's arrow reaches, beyond the gap that leaves its marker clear.
const ARROW: f64 = 12.0;
/// How far right of its year a mark beside the track is set, so that it never hides
/// the track's own mark for that year.
const BESIDE_SHIFT: f64 = 12.0;
/// The most characters of a source's name a label shows; the tooltip and the text
/// alternative have it whole.
const MAX_LABEL: usize = 32;

/// A path through the runs of consecutive single values of `points` (one track, in
/// year order): a bound or a range ends a run, so the line never passes through a
/// number that is not a value. `None` when no two single values are consecutive.
pub(super) fn line_path<'a>(
    points: impl IntoIterator<Item = &'a Point>,
    at: impl Fn(&Point, f64) -> (f64, f64),
) -> Option<String> {
    let mut d = String::new();
    let (mut joined, mut segments) = (false, false);
    for p in points {
        match p.single() {
            Some(v) => {
                let (x, y) = at(p, v);
                let _ = write!(d, "{}{x:.1},{y:.1}", if joined { "L" } else { "M" });
                segments |= joined;
                joined = true;
            }
            None => joined = false,
        }
    }
    segments.then_some(d)
}

/// An arrow from a bound at (`x`, `y`) towards where the true value may be: up for a
/// lower bound, down for an upper one. It starts `gap` away, clear of the marker.
pub(super) fn arrow(s: &mut String, x: f64, y: f64, up: bool, len: f64) {
    let dir = if up { -1.0 } else { 1.0 };
    let gap = if len > 8.0 { R + 1.0 } else { 0.0 };
    let start = y + dir * gap;
    let tip = start + dir * len;
    let head = (len * 0.35).max(2.0);
    let _ = write!(
        s,
        r#"<path class="arrow" d="M{x:.1},{start:.1}V{tip:.1}M{:.1},{:.1}L{x:.1},{tip:.1}L{:.1},{:.1}"/>"#,
        x - head,
        tip - dir * head,
        x + head,
        tip - dir * head,
    );
}

/// An error bar with caps from `y_high` to `y_low` at `x`.
pub(super) fn error_bar(s: &mut String, x: f64, y_high: f64, y_low: f64, cap: f64) {
    let _ = write!(
        s,
        r#"<path class="range" d="M{x:.1},{y_high:.1}V{y_low:.1}M{:.1},{y_high:.1}H{:.1}M{:.1},{y_low:.1}H{:.1}"/>"#,
        x - cap,
        x + cap,
        x - cap,
        x + cap,
    );
}

/// The class of a point or bar: its kind, and its status unless it is actual (the
/// CSS draws estimates, projections and targets apart).
fn class(base: &str, status: Status) -> String {
    match status {
        Status::Actual => base.to_string(),
        other => format!("{base} {}", other.name()),
    }
}

/// A point's marker: a circle on a track, a square beside it. Whether it is filled
/// is the CSS's, by the mark's classes (bounds, outlook and beside are hollow).
pub(super) fn marker(s: &mut String, x: f64, y: f64, track: Track, status: Status) {
    let class = class("point", status);
    if track == Track::Beside {
        let _ = write!(
            s,
            r#"<rect class="{class}" x="{:.1}" y="{:.1}" width="{side:.1}" height="{side:.1}"/>"#,
            x - R,
            y - R,
            side = 2.0 * R,
        );
    } else {
        let _ = write!(
            s,
            r#"<circle class="{class}" cx="{x:.1}" cy="{y:.1}" r="{R}"/>"#
        );
    }
}

/// A short text by a mark, kept inside the chart near its edges.
fn label(s: &mut String, x: f64, y: f64, text: &str) {
    label_anchored(s, x, y, text, None);
}

/// A short text by a mark, anchored at `anchor` if given, else centred on `x` (kept
/// inside the chart near its edges).
fn label_anchored(s: &mut String, x: f64, y: f64, text: &str, anchor: Option<&str>) {
    let (x, anchor) = if let Some(anchor) = anchor {
        (x, anchor)
    } else if x > W - RIGHT - 50.0 {
        (x + R + 2.0, "end")
    } else if x < LEFT + 30.0 {
        (x - R - 2.0, "start")
    } else {
        (x, "middle")
    };
    let _ = write!(
        s,
        r#"<text class="mark-label" x="{x:.1}" y="{y:.1}" text-anchor="{anchor}">{}</text>"#,
        escape(text)
    );
}

/// The words by a mark: `≈` for "about", `est.` for an estimate, the status of the
/// first of a run of outlook points, and who states a figure beside the track.
fn words(p: &Point, first_of_run: bool, w: &Words<'_>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if matches!(p.amount, Amount::Approximately(_)) {
        parts.push("≈".into());
    }
    match (p.track, p.status) {
        (_, Status::Estimate) => parts.push(w.t("chart-mark-estimate")),
        (Track::Outlook, Status::Target) if first_of_run => parts.push(w.t("chart-mark-target")),
        (Track::Outlook, Status::Projected) if first_of_run => {
            parts.push(w.t("chart-mark-projected"));
        }
        _ => {}
    }
    if let Some(by) = &p.stated_by {
        parts.push(shortened(by));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `name` cut to [`MAX_LABEL`] characters, at a word's end where there is one.
fn shortened(name: &str) -> String {
    if name.chars().count() <= MAX_LABEL {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX_LABEL).collect();
    let words = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", words.trim_end_matches([',', ';', ':', '-']))
}

/// The points of a chart in drawing order (actual, outlook, beside), each with
/// whether it starts a run of its status on the outlook track (which is labelled).
fn in_order(points: &[Point]) -> Vec<(&Point, bool)> {
    let mut out = Vec::with_capacity(points.len());
    for t in [Track::Actual, Track::Outlook, Track::Beside] {
        let mut previous = None;
        for p in track(points, t) {
            out.push((p, previous != Some(p.status)));
            previous = Some(p.status);
        }
    }
    out
}

/// Opens a mark's group, with its tooltip in the table's words.
fn open(s: &mut String, p: &Point, unit: &Unit, w: &Words<'_>) {
    let _ = write!(
        s,
        r#"<g class="{}"><title>{}</title>"#,
        p.classes(),
        escape(&p.words(unit, w))
    );
}

/// A point's mark at `x`, in the group [`open`] began: a marker, with an arrow for a
/// bound, or an error bar for a range; and its words `text` ([`words`]).
///
/// With `right`, the words go right of the marker when they fit before the chart's
/// edge (beside a bar, where above and below belong to the bar).
fn point_mark(s: &mut String, f: &Frame, p: &Point, x: f64, text: Option<String>, right: bool) {
    let label_y = match p.amount {
        Amount::Exact(v) | Amount::Approximately(v) => {
            let y = f.y(v);
            marker(s, x, y, p.track, p.status);
            y - R - 5.0
        }
        Amount::AtLeast(v) => {
            let y = f.y(v);
            marker(s, x, y, p.track, p.status);
            arrow(s, x, y, true, ARROW);
            // Above is the arrow's.
            y + R + 13.0
        }
        Amount::AtMost(v) => {
            let y = f.y(v);
            marker(s, x, y, p.track, p.status);
            arrow(s, x, y, false, ARROW);
            y - R - 5.0
        }
        Amount::Range { low, high } => {
            let (y_high, y_low) = (f.y(low.max(high)), f.y(low.min(high)));
            error_bar(s, x, y_high, y_low, R + 1.0);
            y_high - 6.0
        }
    };
    if let Some(text) = text {
        let fits = x + R + 4.0 + text_width(&text) <= W;
        match (p.amount, right && fits) {
            (Amount::Range { low, high }, true) => {
                let y = f.y(low.max(high));
                label_anchored(s, x + R + 4.0, y + 4.0, &text, Some("start"));
            }
            (
                Amount::Exact(v)
                | Amount::Approximately(v)
                | Amount::AtLeast(v)
                | Amount::AtMost(v),
                true,
            ) => {
                label_anchored(s, x + R + 4.0, f.y(v) + 4.0, &text, Some("start"));
            }
            _ => label(s, x, label_y, &text),
        }
    }
    s.push_str("</g>");
}

/// The marks of a line chart: the actual track's solid line, the outlook's dashed
/// one, then every point's mark.
pub(super) fn lines(s: &mut String, f: &Frame, points: &[Point], unit: &Unit, w: &Words<'_>) {
    for (t, class) in [(Track::Actual, "line"), (Track::Outlook, "line outlook")] {
        if let Some(d) = line_path(track(points, t), |p, v| (f.x(p.year), f.y(v))) {
            let _ = write!(s, r#"<path class="{class}" d="{d}"/>"#);
        }
    }
    for (p, first_of_run) in in_order(points) {
        let shift = if p.track == Track::Beside {
            BESIDE_SHIFT
        } else {
            0.0
        };
        open(s, p, unit, w);
        let text = words(p, first_of_run, w);
        point_mark(s, f, p, f.x(p.year) + shift, text, false);
    }
}

/// The marks of a bar chart: a bar per figure of either track (the outlook's outlined
/// and dashed, over the actual one of the same year), and the figures beside the
/// track as points right of their year's bar.
pub(super) fn bars(s: &mut String, f: &Frame, points: &[Point], unit: &Unit, w: &Words<'_>) {
    let bw = (f.slot() * 0.6).min(60.0);
    for (p, first_of_run) in in_order(points) {
        let x = f.x(p.year);
        if p.track == Track::Beside {
            let x = x + bw / 2.0 + R + 3.0;
            open(s, p, unit, w);
            point_mark(s, f, p, x, words(p, first_of_run, w), true);
            continue;
        }
        open(s, p, unit, w);
        let rect = |s: &mut String, from: f64, to: f64, class: &str| {
            let (y0, y1) = (f.y(from), f.y(to));
            let _ = write!(
                s,
                r#"<rect class="{class}" x="{:.1}" y="{:.1}" width="{bw:.1}" height="{:.1}"/>"#,
                x - bw / 2.0,
                y0.min(y1),
                (y0 - y1).abs(),
            );
        };
        let solid = class("bar", p.status);
        let lighter = format!("{solid} extent");
        let label_y = match p.amount {
            Amount::Exact(v) | Amount::Approximately(v) => {
                rect(s, 0.0, v, &solid);
                f.y(v.max(0.0)) - 6.0
            }
            Amount::AtLeast(v) => {
                // Open at the top: the arrow says the bar may reach higher.
                rect(s, 0.0, v, &solid);
                arrow(s, x, f.y(v), true, ARROW);
                f.y(v) - R - ARROW - 6.0
            }
            Amount::AtMost(v) => {
                // Lighter: the value is anywhere up to the top.
                rect(s, 0.0, v, &lighter);
                arrow(s, x, f.y(v), false, ARROW);
                f.y(v.max(0.0)) - 6.0
            }
            Amount::Range { low, high } => {
                let (low, high) = (low.min(high), low.max(high));
                rect(s, 0.0, low, &solid);
                rect(s, low, high, &lighter);
                f.y(high.max(0.0)) - 6.0
            }
        };
        if let Some(text) = words(p, first_of_run, w) {
            label(s, x, label_y, &text);
        }
        s.push_str("</g>");
    }
}
