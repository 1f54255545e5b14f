//! Charts as inline SVG, drawn at build time: readers need no JavaScript to see them.
//!
//! Colours come from the page's CSS (classes and `currentColor`), so a chart follows
//! the light, dark and print styles. Every chart is an image with a title and a
//! description stating its values, and the page shows the same data as a table.
//!
//! # What each mark means
//!
//! A chart draws what the figures say and no more. Each figure is a mark, a `<g>` with
//! the classes `mark`, its [`Track`] (`actual`, `outlook`, `beside`), its bound
//! (`exact`, `approximately`, `at-least`, `at-most`, `range`) and its status (`actual`,
//! `estimate`, `projected`, `target`), and a tooltip in the words of the table:
//!
//! - A single value (exact or approximate) is a filled circle, or a bar. "About" and
//!   "estimate" add a text label above it (`≈`, `est.`): shape and words, never colour
//!   alone, tell them apart.
//! - A lower bound ("at least 155") is an open circle with an arrow pointing up, to
//!   where the true value may be; an upper bound an open circle with an arrow down. As
//!   bars: a bar to the bound with an arrow up out of its top, or a lighter bar (the
//!   value is anywhere below its top) with an arrow down.
//! - A range is an error bar with caps from its low to its high end; as bars, a solid
//!   bar to the low end and a lighter, outlined part up to the high end. No point is
//!   drawn at its middle: the figure does not state one.
//! - The line is honest: it joins only consecutive figures of a track that are single
//!   values. A bound or a range breaks it, because a line through "at least 155" would
//!   claim the value is 155, and a line across it would claim a value for its year.
//! - Projections and targets (the outlook track) are apart from what happened: a
//!   dashed line of their own, never joined to the actual line, hollow markers (dashed
//!   outline bars), and the word `projected` or `target` by the first point of each run.
//! - A third-party figure standing beside the track (another organization's report,
//!   or a source a report cites) is a grey open square, set a little right of its
//!   year so it does not hide the track's mark, labelled with who states it.
//! - A legend under the plot explains the marks that appear, when any but plain values
//!   do. The value axis covers every number drawn: range ends and bounds too.
//!
//! The text alternative ([`describe`]) gives every figure drawn in year order, in the
//! words the table uses ("at least 155", "between 3 and 5", "150 (projected)"), with who
//! states a figure beside the track. Every word and number a chart writes (text
//! alternative, tooltips, labels, legend, axis) is in the page's language ([`Words`]);
//! the English ones are quoted here. Sparklines draw the actual track only (the
//! outlook when nothing has happened yet), with the same rules.

mod axis;
mod legend;
mod marks;
mod target;
#[cfg(test)]
mod tests;
mod words;

use std::fmt::Write;

use crate::format;
use crate::format::Formatter;
use crate::markdown::escape;
use crate::model::{Amount, Status, Unit};

use axis::Axis;
pub use target::{Overlay, target_chart};
pub use words::Words;

/// Which part of a series a point belongs to: it decides how the point is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Track {
    /// What happened (actual and estimated figures): the solid line or the bars.
    Actual,
    /// What is expected (projections and targets): dashed, hollow, labelled.
    Outlook,
    /// A figure from someone other than the metric's organization, shown beside the
    /// track's value for its year: a grey open marker labelled with who states it.
    Beside,
}

impl Track {
    /// The class the track's marks carry.
    pub fn name(self) -> &'static str {
        match self {
            Track::Actual => "actual",
            Track::Outlook => "outlook",
            Track::Beside => "beside",
        }
    }
}

/// One point of a chart: a figure for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The year.
    pub year: i32,
    /// The value with its bound.
    pub amount: Amount,
    /// Whether it happened or is expected.
    pub status: Status,
    /// Where it is drawn.
    pub track: Track,
    /// Who states it, for a figure beside the track: its label and its words say so.
    pub stated_by: Option<String>,
}

impl Point {
    /// A point on the track its status puts it on: the outlook for projections and
    /// targets, else the actual track.
    pub fn new(year: i32, amount: Amount, status: Status) -> Point {
        Point {
            year,
            amount,
            status,
            track: if status.is_outlook() {
                Track::Outlook
            } else {
                Track::Actual
            },
            stated_by: None,
        }
    }

    /// The same figure as a mark beside the track, stated by `by`.
    pub fn beside(self, by: &str) -> Point {
        Point {
            track: Track::Beside,
            stated_by: Some(by.to_string()),
            ..self
        }
    }

    /// The single value the figure states, if it states one: only such a point is on
    /// a line.
    fn single(&self) -> Option<f64> {
        match self.amount {
            Amount::Exact(v) | Amount::Approximately(v) => Some(v),
            _ => None,
        }
    }

    /// The point in words, as the table shows it: "2025: at least 155 (stated by X)".
    fn words(&self, unit: &Unit, w: &Words<'_>) -> String {
        let figure = w.fmt().figure(self.amount, unit, self.status);
        let year = self.year.to_string();
        match &self.stated_by {
            Some(by) => w.t_with(
                "chart-point-stated-by",
                &[("year", year), ("figure", figure), ("by", by.clone())],
            ),
            None => w.t_with("chart-point", &[("year", year), ("figure", figure)]),
        }
    }

    /// The classes of the point's mark: track, bound and status.
    fn classes(&self) -> String {
        format!(
            "mark {} {} {}",
            self.track.name(),
            self.amount.bound().name(),
            self.status.name()
        )
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

/// A generous width of one character of 12px text, so that texts never overlap.
const CHAR_WIDTH: f64 = 7.0;

/// A generous width of `text` in 12px type: a character of the wide scripts (Chinese,
/// Japanese, Korean: from U+2E80) counts twice, as it is drawn about twice as wide as a
/// Latin, Cyrillic or Arabic letter.
fn text_width(text: &str) -> f64 {
    let units: usize = text
        .chars()
        .map(|c| if u32::from(c) >= 0x2E80 { 2 } else { 1 })
        .sum();
    CHAR_WIDTH * units as f64
}

/// Where things go on a full chart: years across, values up.
#[derive(Debug, Clone, Copy)]
struct Frame {
    kind: Kind,
    first: i64,
    span: i64,
    axis: Axis,
}

impl Frame {
    fn plot_w() -> f64 {
        W - LEFT - RIGHT
    }

    /// Bars need half a slot of room at each end; lines use the full width.
    fn slot(&self) -> f64 {
        Frame::plot_w() / (self.span as f64 + 1.0)
    }

    fn x(&self, year: i32) -> f64 {
        let offset = (i64::from(year) - self.first) as f64;
        match self.kind {
            Kind::Bar => LEFT + self.slot() * (offset + 0.5),
            Kind::Line => LEFT + Frame::plot_w() * offset / self.span as f64,
        }
    }

    fn y(&self, v: f64) -> f64 {
        let (top, bottom) = (self.axis.top(), self.axis.bottom);
        TOP + (H - TOP - BOTTOM) * (top - v) / (top - bottom)
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
            amount: p.amount.map(drawable_value),
            ..p.clone()
        })
        .collect()
}

/// One value as drawn (see [`drawable`]).
fn drawable_value(v: f64) -> f64 {
    if v.is_nan() || v.abs() < format::MIN_MAGNITUDE {
        0.0
    } else {
        v.clamp(-format::MAX_MAGNITUDE, format::MAX_MAGNITUDE)
    }
}

/// The first and the last year, in `i64` so that no difference of years overflows.
fn years(points: &[Point]) -> (i64, i64) {
    span(points.iter().map(|p| p.year))
}

/// The first and the last of `years`, or `(0, 0)` when there are none.
fn span(years: impl Iterator<Item = i32>) -> (i64, i64) {
    years
        .map(i64::from)
        .fold(None, |acc, y| match acc {
            None => Some((y, y)),
            Some((first, last)) => Some((y.min(first), y.max(last))),
        })
        .unwrap_or((0, 0))
}

/// The least and the greatest number drawn: every value, bound and range end.
fn extent(points: &[Point]) -> (f64, f64) {
    points
        .iter()
        .flat_map(|p| p.amount.numbers())
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// The points of `track`, in year order (stable: a caller's order within a year holds).
fn track(points: &[Point], track: Track) -> Vec<&Point> {
    let mut on: Vec<&Point> = points.iter().filter(|p| p.track == track).collect();
    on.sort_by_key(|p| p.year);
    on
}

/// The chart's text alternative: every figure drawn in words, in year order (within a
/// year: what happened, what is expected, then what others state).
pub fn describe(points: &[Point], unit: &Unit, w: &Words<'_>) -> String {
    let mut sorted: Vec<&Point> = points.iter().collect();
    sorted.sort_by_key(|p| (p.year, p.track));
    sorted
        .iter()
        .map(|p| p.words(unit, w))
        .collect::<Vec<_>>()
        .join(&w.t("chart-points-separator"))
}

/// A full chart of yearly values. `id` makes the title and description ids unique on
/// the page; `title` names the metric; `w` gives the words and numbers of the page's
/// language.
pub fn chart(id: &str, title: &str, points: &[Point], unit: &Unit, w: &Words<'_>) -> String {
    draw(id, title, points, unit, None, w)
}

/// A full chart, with a target's marks over it when `overlay` is given (the axes
/// then cover them too).
fn draw(
    id: &str,
    title: &str,
    points: &[Point],
    unit: &Unit,
    overlay: Option<&Overlay>,
    w: &Words<'_>,
) -> String {
    let fmt: &Formatter = w.fmt();
    let points = &drawable(points)[..];
    let kind = Kind::for_unit(unit);
    let (min, max) = overlay
        .into_iter()
        .flat_map(Overlay::numbers)
        .map(drawable_value)
        .fold(extent(points), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let axis = Axis::new(min.min(0.0), max.max(0.0));
    let (first, last) = span(
        points
            .iter()
            .map(|p| p.year)
            .chain(overlay.into_iter().flat_map(Overlay::years)),
    );
    let frame = Frame {
        kind,
        first,
        span: (last - first).max(1),
        axis,
    };
    let legend = legend::Legend::of(points, kind, w);
    let height = H + legend.height();

    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        r#"<svg class="chart chart-{kind}" viewBox="0 0 {W} {height}" role="img" aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMidYMid meet"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        kind = if kind == Kind::Bar { "bar" } else { "line" },
        title = escape(title),
        desc = escape(&match overlay {
            Some(o) if points.is_empty() => o.words(unit, w),
            Some(o) => w.t_with(
                "chart-desc-with-target",
                &[
                    ("figures", describe(points, unit, w)),
                    ("target", o.words(unit, w)),
                ],
            ),
            None => describe(points, unit, w),
        }),
    );
    // Horizontal grid lines with value labels.
    for i in 0..=axis.intervals {
        let v = axis.tick(i);
        let yy = frame.y(v);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{x2}" y1="{yy:.1}" y2="{yy:.1}"/><text class="tick" x="{tx}" y="{ty:.1}" text-anchor="end">{label}</text>"#,
            x2 = W - RIGHT,
            tx = LEFT - 8.0,
            ty = yy + 4.0,
            label = escape(&fmt.value(v, unit)),
        );
    }
    // Year labels: every year when few, else about eight of them, and the last.
    let every = (frame.span / 8).max(1);
    let labelled = (0..=(last - first) / every)
        .map(|k| first + k * every)
        .chain(((last - first) % every != 0).then_some(last));
    for year in labelled.filter_map(|y| i32::try_from(y).ok()) {
        let _ = write!(
            s,
            r#"<text class="tick" x="{:.1}" y="{:.1}" text-anchor="middle">{year}</text>"#,
            frame.x(year),
            H - BOTTOM + 20.0
        );
    }
    let _ = write!(
        s,
        r#"<line class="axis" x1="{LEFT}" x2="{x2}" y1="{yb:.1}" y2="{yb:.1}"/>"#,
        x2 = W - RIGHT,
        yb = frame.y(0.0)
    );
    match kind {
        Kind::Bar => marks::bars(&mut s, &frame, points, unit, w),
        Kind::Line => marks::lines(&mut s, &frame, points, unit, w),
    }
    if let Some(o) = overlay {
        o.draw(&mut s, &frame, unit, w);
    }
    legend.draw(&mut s, H, w);
    s.push_str("</svg>");
    s
}

/// A small trend line for lists: the actual track (or the outlook when nothing has
/// happened yet), scaled to fit, its last value marked; its label in `w`'s language.
pub fn sparkline(title: &str, points: &[Point], unit: &Unit, w: &Words<'_>) -> String {
    const SW: f64 = 100.0;
    const SH: f64 = 24.0;
    let points = &drawable(points)[..];
    let actual = track(points, Track::Actual);
    let shown = if actual.is_empty() {
        track(points, Track::Outlook)
    } else {
        actual
    };
    let owned: Vec<Point> = shown.iter().map(|&p| p.clone()).collect();
    let (min, max) = extent(&owned);
    let (first, last) = years(&owned);
    let span = (last - first).max(1) as f64;
    let range = if max > min { max - min } else { 1.0 };
    let x = |p: &Point| 2.0 + (SW - 4.0) * (i64::from(p.year) - first) as f64 / span;
    let y = |v: f64| SH - 3.0 - (SH - 6.0) * (v - min) / range;
    let label = w.t_with(
        "chart-trend",
        &[
            ("title", title.to_string()),
            ("points", describe(&owned, unit, w)),
        ],
    );
    let outlook = owned.first().is_some_and(|p| p.track == Track::Outlook);
    let mut s = format!(
        r#"<svg class="sparkline" viewBox="0 0 {SW} {SH}" width="{SW}" height="{SH}" role="img" aria-label="{}">"#,
        escape(&label),
    );
    if let Some(d) = marks::line_path(&owned, |p, v| (x(p), y(v))) {
        let _ = write!(
            s,
            r#"<path class="line{}" d="{d}"/>"#,
            if outlook { " outlook" } else { "" }
        );
    }
    for p in &owned {
        let px = x(p);
        match p.amount {
            Amount::AtLeast(v) => marks::arrow(&mut s, px, y(v), true, 6.0),
            Amount::AtMost(v) => marks::arrow(&mut s, px, y(v), false, 6.0),
            Amount::Range { low, high } => {
                let _ = write!(
                    s,
                    r#"<path class="range" d="M{px:.1},{:.1}V{:.1}"/>"#,
                    y(high),
                    y(low)
                );
            }
            Amount::Exact(_) | Amount::Approximately(_) => {}
        }
    }
    if let Some(v) = owned.last().and_then(Point::single) {
        let (px, py) = (owned.last().map_or(0.0, x), y(v));
        let _ = write!(
            s,
            r#"<circle class="point" cx="{px:.1}" cy="{py:.1}" r="2.5"/>"#
        );
    }
    s.push_str("</svg>");
    s
}
