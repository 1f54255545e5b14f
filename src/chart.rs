//! Charts as inline SVG, drawn at build time: readers need no JavaScript to see them.
//!
//! Colours come from the page's CSS (classes and `currentColor`), so a chart follows
//! the light, dark and print styles. Every chart is an image with a title and a
//! description stating its values, and the page shows the same data as a table.

use std::fmt::Write;

use crate::format;
use crate::markdown::escape;
use crate::model::{Amount, Status, Unit};

/// One point of a chart: a year's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The year.
    pub year: i32,
    /// The value with its bound.
    pub amount: Amount,
    /// Whether it happened or is expected; projections and targets are drawn apart.
    pub status: Status,
}

impl Point {
    /// Where the point is placed: its value, or the middle of its range.
    fn value(&self) -> f64 {
        self.amount.middle()
    }
}

/// Bars suit amounts of money (each year's total stands alone); lines suit counts
/// that accumulate or evolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A line through the yearly values.
    Line,
    /// A bar per year.
    Bar,
}

impl Kind {
    /// The chart kind for a unit.
    pub fn for_unit(unit: &Unit) -> Kind {
        match unit {
            Unit::Usd => Kind::Bar,
            _ => Kind::Line,
        }
    }
}

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 100.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 48.0;

/// The most values the value axis labels, whatever the values: a "nice" step is at
/// least a quarter of the range, so an axis has at most 6 intervals; the bound is a
/// guard on that arithmetic.
const MAX_TICKS: i64 = 10;

/// The value axis: `intervals` steps of `step` up from `bottom`, each step 1, 2, 2.5
/// or 5 times a power of 10, covering 0 and every value.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Axis {
    bottom: f64,
    step: f64,
    intervals: i64,
}

impl Axis {
    /// The axis for values from `min` to `max` (finite, at most [`format::MAX_MAGNITUDE`]
    /// in size, so nothing overflows). Computed, not searched: its cost and its number
    /// of ticks do not depend on the values.
    fn new(min: f64, max: f64) -> Axis {
        let (lo, hi) = (min.min(0.0), max.max(0.0));
        if hi <= lo {
            return Axis {
                bottom: 0.0,
                step: 0.25,
                intervals: 4,
            };
        }
        let raw_step = (hi - lo) / 4.0;
        let magnitude = 10f64.powf(raw_step.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw_step)
            .unwrap_or(10.0 * magnitude);
        let first = (lo / step).floor();
        let last = (hi / step).ceil();
        Axis {
            bottom: first * step,
            step,
            // At most 6: (hi - lo) / step <= 4, and rounding adds at most one each end.
            intervals: ((last - first) as i64).clamp(1, MAX_TICKS - 1),
        }
    }

    fn top(&self) -> f64 {
        self.tick(self.intervals)
    }

    /// The value of the `i`th tick; multiplied, not summed, so no error accumulates.
    fn tick(&self, i: i64) -> f64 {
        self.bottom + self.step * i as f64
    }
}

/// The values as drawn: the accepted range ([`format::in_range`]) is all a chart is
/// made for, and validation refuses the rest. A value beyond it, which only a caller
/// other than the build can pass, is drawn and labelled at the range's edge, and NaN
/// or a size below [`format::MIN_MAGNITUDE`] as 0: never `inf` or `NaN` in the SVG,
/// and no axis step too small to count.
fn drawable(points: &[Point]) -> Vec<Point> {
    points
        .iter()
        .map(|p| Point {
            amount: p.amount.map(|v| {
                if v.is_nan() || v.abs() < format::MIN_MAGNITUDE {
                    0.0
                } else {
                    v.clamp(-format::MAX_MAGNITUDE, format::MAX_MAGNITUDE)
                }
            }),
            ..*p
        })
        .collect()
}

/// The first and the last year, in `i64` so that no difference of years overflows.
fn years(points: &[Point]) -> (i64, i64) {
    let year = |p: Option<&Point>| p.map_or(0, |p| i64::from(p.year));
    (year(points.first()), year(points.last()))
}

/// The chart's text alternative: every value in words.
pub fn describe(points: &[Point], unit: &Unit) -> String {
    points
        .iter()
        .map(|p| format!("{}: {}", p.year, format::figure(p.amount, unit, p.status)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A full chart of yearly values. `id` makes the title and description ids unique on
/// the page; `title` names the metric.
pub fn chart(id: &str, title: &str, points: &[Point], unit: &Unit) -> String {
    let points = &drawable(points)[..];
    let kind = Kind::for_unit(unit);
    let max = points.iter().map(|p| p.value()).fold(0.0, f64::max);
    let min = points.iter().map(|p| p.value()).fold(0.0, f64::min);
    let axis = Axis::new(min, max);
    let (top, bottom) = (axis.top(), axis.bottom);
    let (first, last) = years(points);
    let span = (last - first).max(1);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    // Bars need half a slot of room at each end; lines use the full width.
    let slot = plot_w / (span as f64 + 1.0);
    let x = |year: i32| {
        let offset = (i64::from(year) - first) as f64;
        match kind {
            Kind::Bar => LEFT + slot * (offset + 0.5),
            Kind::Line => LEFT + plot_w * offset / span as f64,
        }
    };
    let y = |v: f64| TOP + plot_h * (top - v) / (top - bottom);
    // Each mark's tooltip, and the class that draws projections hollow.
    let label = |p: &Point| {
        escape(&format!(
            "{}: {}",
            p.year,
            format::figure(p.amount, unit, p.status)
        ))
    };
    let proj = |p: &Point| {
        if p.status.is_outlook() {
            " projected"
        } else {
            ""
        }
    };

    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        r#"<svg class="chart chart-{kind}" viewBox="0 0 {W} {H}" role="img" aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMidYMid meet"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        kind = if kind == Kind::Bar { "bar" } else { "line" },
        title = escape(title),
        desc = escape(&describe(points, unit)),
    );
    // Horizontal grid lines with value labels.
    for i in 0..=axis.intervals {
        let v = axis.tick(i);
        let yy = y(v);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{x2}" y1="{yy:.1}" y2="{yy:.1}"/><text class="tick" x="{tx}" y="{ty:.1}" text-anchor="end">{label}</text>"#,
            x2 = W - RIGHT,
            tx = LEFT - 8.0,
            ty = yy + 4.0,
            label = escape(&format::value(v, unit)),
        );
    }
    // Year labels: every year when few, else about eight of them, and the last.
    let every = (span / 8).max(1);
    let labelled = (0..=(last - first) / every)
        .map(|k| first + k * every)
        .chain(((last - first) % every != 0).then_some(last));
    for year in labelled.filter_map(|y| i32::try_from(y).ok()) {
        let _ = write!(
            s,
            r#"<text class="tick" x="{:.1}" y="{:.1}" text-anchor="middle">{year}</text>"#,
            x(year),
            H - BOTTOM + 20.0
        );
    }
    let _ = write!(
        s,
        r#"<line class="axis" x1="{LEFT}" x2="{x2}" y1="{yb:.1}" y2="{yb:.1}"/>"#,
        x2 = W - RIGHT,
        yb = y(0.0)
    );
    match kind {
        Kind::Bar => {
            let bw = (slot * 0.6).min(60.0);
            for p in points {
                let (y0, y1) = (y(0.0), y(p.value()));
                let _ = write!(
                    s,
                    r#"<rect class="bar{proj}" x="{:.1}" y="{:.1}" width="{bw:.1}" height="{:.1}"><title>{}</title></rect>"#,
                    x(p.year) - bw / 2.0,
                    y0.min(y1),
                    (y0 - y1).abs(),
                    label(p),
                    proj = proj(p),
                );
            }
        }
        Kind::Line => {
            let path: Vec<String> = points
                .iter()
                .map(|p| format!("{:.1},{:.1}", x(p.year), y(p.value())))
                .collect();
            let _ = write!(s, r#"<polyline class="line" points="{}"/>"#, path.join(" "));
            for p in points {
                let _ = write!(
                    s,
                    r#"<circle class="point{proj}" cx="{:.1}" cy="{:.1}" r="4.5"><title>{}</title></circle>"#,
                    x(p.year),
                    y(p.value()),
                    label(p),
                    proj = proj(p),
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// A small trend line for lists: the yearly values, scaled to fit, last point marked.
pub fn sparkline(title: &str, points: &[Point], unit: &Unit) -> String {
    const SW: f64 = 100.0;
    const SH: f64 = 24.0;
    let points = &drawable(points)[..];
    let max = points.iter().map(|p| p.value()).fold(f64::MIN, f64::max);
    let min = points.iter().map(|p| p.value()).fold(f64::MAX, f64::min);
    let (first, last) = years(points);
    let span = (last - first).max(1) as f64;
    let range = if max > min { max - min } else { 1.0 };
    let xy = |p: &Point| {
        (
            2.0 + (SW - 4.0) * (i64::from(p.year) - first) as f64 / span,
            SH - 3.0 - (SH - 6.0) * (p.value() - min) / range,
        )
    };
    let coords: Vec<String> = points
        .iter()
        .map(|p| {
            let (x, y) = xy(p);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let label = format!("Trend of {title}: {}", describe(points, unit));
    let mut s = format!(
        r#"<svg class="sparkline" viewBox="0 0 {SW} {SH}" width="{SW}" height="{SH}" role="img" aria-label="{}"><polyline class="line" points="{}"/>"#,
        escape(&label),
        coords.join(" ")
    );
    if let Some(p) = points.last() {
        let (x, y) = xy(p);
        let _ = write!(
            s,
            r#"<circle class="point" cx="{x:.1}" cy="{y:.1}" r="2.5"/>"#
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts() -> Vec<Point> {
        vec![
            Point {
                year: 2015,
                amount: Amount::Exact(43.0),
                status: Status::Actual,
            },
            Point {
                year: 2024,
                amount: Amount::Exact(174.0),
                status: Status::Actual,
            },
            Point {
                year: 2025,
                amount: Amount::AtLeast(155.0),
                status: Status::Actual,
            },
        ]
    }

    #[test]
    fn axis_is_rounded_up() {
        let top_step = |max| {
            let a = Axis::new(0.0, max);
            (a.top(), a.step)
        };
        assert_eq!(top_step(174.0), (200.0, 50.0));
        assert_eq!(top_step(264_100.0), (300_000.0, 100_000.0));
        assert_eq!(top_step(7.0), (8.0, 2.0));
        assert_eq!(top_step(0.0), (1.0, 0.25));
    }

    #[test]
    fn axis_covers_zero_and_negative_values_in_a_few_ticks() {
        let a = Axis::new(-1e12, 0.0);
        assert_eq!((a.bottom, a.top(), a.intervals), (-1e12, 0.0, 4));
        let a = Axis::new(-30.0, 70.0);
        assert_eq!((a.bottom, a.top(), a.step), (-50.0, 75.0, 25.0));
        for (min, max) in [
            (-1e15, 1e15),
            (0.0, 1e-6),
            (-1e-6, 1e15),
            (-3.0, -2.0),
            (0.0, 999_999_999_999_999.0),
        ] {
            let a = Axis::new(min, max);
            assert!(
                a.bottom <= min.min(0.0) && a.top() >= max,
                "{min} {max}: {a:?}"
            );
            assert!((1..=6).contains(&a.intervals), "{min} {max}: {a:?}");
        }
    }

    #[test]
    fn chart_is_an_accessible_image_with_every_value() {
        let svg = chart("c", "NRIs", &pts(), &Unit::Count);
        assert!(svg.starts_with("<svg class=\"chart chart-line\""));
        assert!(svg.contains(r#"role="img" aria-labelledby="c-title c-desc""#));
        assert!(svg.contains("<desc id=\"c-desc\">2015: 43; 2024: 174; 2025: at least 155</desc>"));
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains(">200</text>"), "axis reaches the nice maximum");
    }

    #[test]
    fn money_is_drawn_as_bars() {
        let svg = chart("c", "USD", &pts(), &Unit::Usd);
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 3);
    }

    #[test]
    fn sparkline_has_a_text_alternative() {
        let svg = sparkline("NRIs", &pts(), &Unit::Count);
        assert!(
            svg.contains(r#"aria-label="Trend of NRIs: 2015: 43; 2024: 174; 2025: at least 155""#)
        );
    }
}
