//! A target's marks on its indicator's chart: the baseline it starts from, the value
//! it aims at and the year it is due.
//!
//! Each is drawn with a shape of its own and a text label (a diamond labelled
//! `baseline`, a long-dashed horizontal line labelled `target`, a dotted vertical line
//! labelled `deadline`), so that no colour is needed to tell them from the figures'
//! marks, and each is stated in the chart's text alternative.

use std::fmt::Write;

use super::{BOTTOM, Frame, H, LEFT, Point, RIGHT, TOP, W, Words, draw, drawable_value};
use crate::markdown::escape;
use crate::model::Unit;

/// Half the diagonal of the baseline's diamond.
const DIAMOND: f64 = 6.5;

/// What a target adds to its indicator's chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    /// The value and year the target starts from, as curated.
    pub baseline: Option<(f64, i32)>,
    /// The value to reach; none for a target stated in words.
    pub goal: Option<f64>,
    /// The year by which it is due.
    pub deadline: i32,
}

impl Overlay {
    /// The values the value axis must cover.
    pub(super) fn numbers(&self) -> impl Iterator<Item = f64> + '_ {
        self.baseline.map(|(v, _)| v).into_iter().chain(self.goal)
    }

    /// The years the year axis must cover.
    pub(super) fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.baseline
            .map(|(_, y)| y)
            .into_iter()
            .chain([self.deadline])
    }

    /// The overlay in words, for the chart's text alternative.
    pub(super) fn words(&self, unit: &Unit, w: &Words<'_>) -> String {
        let fmt = w.fmt();
        let mut sentences = Vec::with_capacity(3);
        if let Some((v, y)) = self.baseline {
            sentences.push(w.t_with(
                "chart-desc-baseline",
                &[("value", fmt.value(v, unit)), ("year", y.to_string())],
            ));
        }
        if let Some(goal) = self.goal {
            sentences.push(w.t_with("chart-desc-goal", &[("value", fmt.value(goal, unit))]));
        }
        sentences.push(w.t_with(
            "chart-desc-deadline",
            &[("year", self.deadline.to_string())],
        ));
        sentences.join(" ")
    }

    /// Draws the overlay on `f`, over the figures' marks.
    pub(super) fn draw(&self, s: &mut String, f: &Frame, unit: &Unit, w: &Words<'_>) {
        let fmt = w.fmt();
        let (left, right) = (LEFT, W - RIGHT);
        let deadline = self.deadline.to_string();
        if let Some(goal) = self.goal.map(drawable_value) {
            let y = f.y(goal);
            let text = w.t_with("chart-goal-label", &[("value", fmt.value(goal, unit))]);
            let _ = write!(
                s,
                r#"<g class="overlay goal"><title>{title}</title><line class="goal-line" x1="{left}" x2="{right}" y1="{y:.1}" y2="{y:.1}"/><text class="overlay-label" x="{x:.1}" y="{ty:.1}" text-anchor="start">{label}</text></g>"#,
                title = escape(&w.t_with(
                    "chart-goal-title",
                    &[("value", fmt.value(goal, unit)), ("year", deadline.clone()),]
                )),
                x = left + 4.0,
                // Below the line when it is the axis' top, so the label stays inside.
                ty = if y - 6.0 < TOP + 8.0 {
                    y + 16.0
                } else {
                    y - 6.0
                },
                label = escape(&text),
            );
        }
        let x = f.x(self.deadline);
        let (anchor, tx) = if x - LEFT < 90.0 {
            ("start", x + 4.0)
        } else {
            ("end", x - 4.0)
        };
        let _ = write!(
            s,
            r#"<g class="overlay deadline"><title>{title}</title><line class="deadline-line" x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{bottom}"/><text class="overlay-label" x="{tx:.1}" y="{ty:.1}" text-anchor="{anchor}">{label}</text></g>"#,
            title = escape(&w.t_with("chart-deadline-title", &[("year", deadline.clone())])),
            label = escape(&w.t_with("chart-deadline-label", &[("year", deadline.clone())])),
            bottom = H - BOTTOM,
            ty = H - BOTTOM - 6.0,
        );
        if let Some((v, year)) = self.baseline {
            let (x, y) = (f.x(year), f.y(drawable_value(v)));
            let _ = write!(
                s,
                r#"<g class="overlay baseline"><title>{title}</title><path class="baseline-mark" d="M{x:.1},{t:.1}L{r:.1},{y:.1}L{x:.1},{b:.1}L{l:.1},{y:.1}Z"/><text class="overlay-label" x="{x:.1}" y="{ly:.1}" text-anchor="{anchor}">{label}</text></g>"#,
                title = escape(&w.t_with(
                    "chart-baseline-title",
                    &[("value", fmt.value(v, unit)), ("year", year.to_string())]
                )),
                label = escape(&w.t("chart-baseline-label")),
                t = y - DIAMOND,
                b = y + DIAMOND,
                l = x - DIAMOND,
                r = x + DIAMOND,
                ly = y + DIAMOND + 14.0,
                anchor = if x < LEFT + 30.0 { "start" } else { "middle" },
            );
        }
    }
}

/// The chart of a target's indicator: its figures, as [`super::chart`] draws them,
/// with the target's baseline, value and deadline. The axes cover all of them.
pub fn target_chart(
    id: &str,
    title: &str,
    points: &[Point],
    unit: &Unit,
    overlay: &Overlay,
    w: &Words<'_>,
) -> String {
    draw(id, title, points, unit, Some(overlay), w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Amount, Status};

    fn points() -> Vec<Point> {
        vec![
            Point::new(2022, Amount::Exact(40.0), Status::Actual),
            Point::new(2024, Amount::Exact(52.0), Status::Actual),
        ]
    }

    fn overlay() -> Overlay {
        Overlay {
            baseline: Some((35.0, 2020)),
            goal: Some(100.0),
            deadline: 2030,
        }
    }

    /// The English target chart of `points` with `overlay`, as a page draws it.
    fn drawn(points: &[Point], overlay: &Overlay) -> String {
        target_chart(
            "t",
            "Schools",
            points,
            &Unit::Percent,
            overlay,
            &Words::english(),
        )
    }

    /// The number after `attr="` in the first element of `svg` with class `class`.
    fn attr(svg: &str, class: &str, attr: &str) -> f64 {
        let at = svg.find(&format!(r#"class="{class}""#)).unwrap();
        let rest = &svg[at..];
        let start = rest.find(&format!(r#" {attr}=""#)).unwrap() + attr.len() + 3;
        rest[start..start + rest[start..].find('"').unwrap()]
            .parse()
            .unwrap()
    }

    #[test]
    fn the_axes_cover_the_baseline_the_goal_and_the_deadline() {
        let svg = drawn(&points(), &overlay());
        // Years run from the baseline's to the deadline, values up to the goal.
        assert!(
            svg.contains(">2020</text>") && svg.contains(">2030</text>"),
            "{svg}"
        );
        assert!(svg.contains(">100%</text>"), "{svg}");
        // The goal line is level at the top tick, across the plot.
        let y = attr(&svg, "goal-line", "y1");
        assert_eq!(y, attr(&svg, "goal-line", "y2"));
        assert!((y - TOP).abs() < 0.1, "{svg}");
        assert_eq!(attr(&svg, "goal-line", "x1"), LEFT);
        assert_eq!(attr(&svg, "goal-line", "x2"), W - RIGHT);
        // The deadline is the last year, at the plot's right edge, top to bottom.
        let x = attr(&svg, "deadline-line", "x1");
        assert!((x - (W - RIGHT)).abs() < 0.1, "{svg}");
        assert_eq!(attr(&svg, "deadline-line", "y1"), TOP);
        assert_eq!(attr(&svg, "deadline-line", "y2"), H - BOTTOM);
        // The baseline is a diamond at the first year, labelled.
        assert!(
            svg.contains(r#"<path class="baseline-mark" d="M100.0,"#),
            "{svg}"
        );
        for label in [
            ">baseline</text>",
            ">target 100%</text>",
            ">deadline 2030</text>",
        ] {
            assert!(svg.contains(label), "{label} in {svg}");
        }
    }

    #[test]
    fn the_description_states_the_overlay_after_the_figures() {
        let svg = drawn(&points(), &overlay());
        assert!(
            svg.contains(
                "2022: 40%; 2024: 52%. Baseline: 35% in 2020. Target: 100% (a dashed horizontal line). Deadline: 2030 (a vertical line).</desc>"
            ),
            "{svg}"
        );
    }

    #[test]
    fn a_target_in_words_has_a_deadline_and_no_goal_line() {
        let o = Overlay {
            baseline: None,
            goal: None,
            deadline: 2030,
        };
        let svg = drawn(&points(), &o);
        assert!(
            !svg.contains("goal-line") && !svg.contains("baseline-mark"),
            "{svg}"
        );
        assert!(svg.contains("deadline-line"), "{svg}");
        // Without figures, the chart still has its words.
        let svg = drawn(&[], &overlay());
        assert!(
            svg.contains(r#"-desc">Baseline: 35% in 2020. Target"#),
            "{svg}"
        );
    }

    #[test]
    fn a_metric_chart_is_unchanged_by_the_overlay_code() {
        let plain =
            super::super::chart("t", "Schools", &points(), &Unit::Percent, &Words::english());
        assert!(!plain.contains("overlay"), "{plain}");
        assert!(plain.contains(">2024</text>") && !plain.contains(">2030</text>"));
    }
}
