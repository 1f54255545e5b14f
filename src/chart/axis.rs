//! The value axis: a few round ticks covering 0 and every number a chart draws.

/// The most values the value axis labels, whatever the values: a "nice" step is at
/// least a quarter of the range, so an axis has at most 6 intervals; the bound is a
/// guard on that arithmetic.
const MAX_TICKS: i64 = 10;

/// The value axis: `intervals` steps of `step` up from `bottom`, each step 1, 2, 2.5
/// or 5 times a power of 10, covering 0 and every value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Axis {
    pub(super) bottom: f64,
    pub(super) step: f64,
    pub(super) intervals: i64,
}

impl Axis {
    /// The axis for values from `min` to `max` (finite, at most
    /// [`crate::format::MAX_MAGNITUDE`] in size, so nothing overflows). Computed, not
    /// searched: its cost and its number of ticks do not depend on the values.
    pub(super) fn new(min: f64, max: f64) -> Axis {
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

    pub(super) fn top(&self) -> f64 {
        self.tick(self.intervals)
    }

    /// The value of the `i`th tick; multiplied, not summed, so no error accumulates.
    pub(super) fn tick(&self, i: i64) -> f64 {
        self.bottom + self.step * i as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
