//! The change of a figure from the previous year's value: a difference of two single
//! values, or the interval of every difference two bounded figures allow, kept only
//! when it says which way the value moved.

use crate::model::{Amount, Figure, Observation, Status};

/// Which way a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Higher than before.
    Up,
    /// Lower than before.
    Down,
    /// The same.
    Flat,
    /// The figures do not say.
    Unknown,
}

/// Whether a move is good news, given the metric's `higher_is_better`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentiment {
    /// Moved the way the metric wants.
    Good,
    /// Moved against it.
    Bad,
    /// No preference, no move, or no known move.
    Neutral,
}

/// How much a value moved, as far as the two figures say.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delta {
    /// Both figures are single values: the difference.
    Point {
        /// This value minus the previous one.
        absolute: f64,
        /// The change as a fraction of the previous value; `None` when that was zero.
        relative: Option<f64>,
        /// Whether either figure is approximate or an estimate.
        approximate: bool,
    },
    /// A bound or range on either side: the change lies from `low` to `high` (`None`
    /// for an open end), an interval that excludes zero, so the direction is known.
    Between {
        /// The least the value moved by (signed), if bounded.
        low: Option<f64>,
        /// The most, if bounded.
        high: Option<f64>,
        /// Whether either figure is approximate or an estimate: "about" is read as its
        /// value, so the interval is indicative, not certain.
        approximate: bool,
    },
    /// The bounds leave the direction open: "at least 155" after "174".
    NotComparable,
    /// The two figures come from different sources (two cited surveys, two reporting
    /// organizations): a difference between them is not a change anyone reported.
    OtherSource,
}

/// The change of an observation from the previous year's value of the same metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The observation compared against (the previous year's value).
    pub from: Observation,
    /// The year of that value.
    pub from_year: i32,
    /// How much it moved.
    pub delta: Delta,
    /// Which way.
    pub direction: Direction,
    /// Good, bad or neutral news.
    pub sentiment: Sentiment,
}

impl Delta {
    /// The change from `prev` to `this`: a difference of two single values, or, with a
    /// bound or range on either side, the interval of every difference the two allow,
    /// kept only when it says which way the value moved.
    pub fn between(prev: &Figure, this: &Figure) -> Delta {
        let point = |a: Amount| match a {
            Amount::Exact(v) | Amount::Approximately(v) => Some(v),
            _ => None,
        };
        let hedged = |f: &Figure| {
            matches!(f.amount, Amount::Approximately(_)) || f.status == Status::Estimate
        };
        let approximate = hedged(prev) || hedged(this);
        if let (Some(before), Some(after)) = (point(prev.amount), point(this.amount)) {
            let absolute = crate::format::difference(after, before);
            return Delta::Point {
                absolute,
                relative: (before != 0.0).then(|| absolute / before.abs()),
                approximate,
            };
        }
        let (this_low, this_high) = this.amount.interval();
        let (prev_low, prev_high) = prev.amount.interval();
        let sub = |a: Option<f64>, b: Option<f64>| Some(crate::format::difference(a?, b?));
        let low = sub(this_low, prev_high);
        let high = sub(this_high, prev_low);
        let rose = low.is_some_and(|l| l > 0.0);
        let fell = high.is_some_and(|h| h < 0.0);
        if rose || fell {
            Delta::Between {
                low,
                high,
                approximate,
            }
        } else {
            Delta::NotComparable
        }
    }

    /// Which way the value moved.
    pub fn direction(self) -> Direction {
        match self {
            Delta::Point { absolute, .. } if absolute > 0.0 => Direction::Up,
            Delta::Point { absolute, .. } if absolute < 0.0 => Direction::Down,
            Delta::Point { .. } => Direction::Flat,
            Delta::Between { low: Some(l), .. } if l > 0.0 => Direction::Up,
            Delta::Between { .. } => Direction::Down,
            Delta::NotComparable | Delta::OtherSource => Direction::Unknown,
        }
    }
}

impl Change {
    /// The change from `prev` (observation `from`, standing for `from_year`) to `this`.
    pub(crate) fn between(
        prev: &Figure,
        this: &Figure,
        from: Observation,
        from_year: i32,
        higher_is_better: Option<bool>,
    ) -> Change {
        let delta = Delta::between(prev, this);
        let direction = delta.direction();
        let sentiment = match (direction, higher_is_better) {
            (Direction::Flat | Direction::Unknown, _) | (_, None) => Sentiment::Neutral,
            (Direction::Up, Some(true)) | (Direction::Down, Some(false)) => Sentiment::Good,
            _ => Sentiment::Bad,
        };
        Change {
            from,
            from_year,
            delta,
            direction,
            sentiment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MetricId, Source};

    fn fig(amount: Amount, status: Status) -> Figure {
        Figure {
            metric: MetricId(0),
            amount,
            year: 2024,
            as_of: None,
            status,
            source: Source::Own,
            restates: None,
            quote: String::new(),
            anchor: String::new(),
            hedge: None,
        }
    }

    fn delta(prev: Amount, this: Amount) -> Delta {
        Delta::between(&fig(prev, Status::Actual), &fig(this, Status::Actual))
    }

    use Amount::{Approximately, AtLeast, AtMost, Exact, Range};

    #[test]
    fn single_values_give_a_difference() {
        assert_eq!(
            delta(Exact(355.0), Exact(407.0)),
            Delta::Point {
                absolute: 52.0,
                relative: Some(52.0 / 355.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(Approximately(150.0), Exact(200.0)),
            Delta::Point {
                absolute: 50.0,
                relative: Some(50.0 / 150.0),
                approximate: true
            }
        );
        let estimate = Delta::between(
            &fig(Exact(200.0), Status::Actual),
            &fig(Exact(220.0), Status::Estimate),
        );
        assert!(matches!(
            estimate,
            Delta::Point {
                approximate: true,
                ..
            }
        ));
        assert_eq!(
            delta(Exact(0.0), Exact(3.0)),
            Delta::Point {
                absolute: 3.0,
                relative: None,
                approximate: false
            }
        );
    }

    #[test]
    fn a_lower_bound_below_the_previous_value_is_not_a_decline() {
        // The shipped NRI case: "more than 155" after 174.
        assert_eq!(delta(Exact(174.0), AtLeast(155.0)), Delta::NotComparable);
        assert_eq!(
            delta(Exact(174.0), AtLeast(155.0)).direction(),
            Direction::Unknown
        );
        // Equal to the previous value: still could be either.
        assert_eq!(delta(Exact(174.0), AtLeast(174.0)), Delta::NotComparable);
        // Above it: a rise of at least the gap.
        assert_eq!(
            delta(Exact(100.0), AtLeast(112.0)),
            Delta::Between {
                low: Some(12.0),
                high: None,
                approximate: false
            }
        );
    }

    #[test]
    fn bounds_on_either_side_keep_only_what_they_support() {
        assert_eq!(delta(AtLeast(430.0), Exact(511.0)), Delta::NotComparable);
        assert_eq!(
            delta(AtLeast(265_000.0), Exact(264_100.0)),
            Delta::Between {
                low: None,
                high: Some(-900.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(AtLeast(265_000.0), Exact(264_100.0)).direction(),
            Direction::Down
        );
        assert_eq!(
            delta(AtMost(40.0), Exact(50.0)),
            Delta::Between {
                low: Some(10.0),
                high: None,
                approximate: false
            }
        );
        assert_eq!(delta(AtMost(40.0), AtMost(30.0)), Delta::NotComparable);
        assert_eq!(delta(AtLeast(10.0), AtLeast(20.0)), Delta::NotComparable);
        assert_eq!(
            delta(AtMost(10.0), AtLeast(20.0)),
            Delta::Between {
                low: Some(10.0),
                high: None,
                approximate: false
            }
        );
        assert_eq!(
            delta(AtLeast(20.0), AtMost(10.0)),
            Delta::Between {
                low: None,
                high: Some(-10.0),
                approximate: false
            }
        );
    }

    #[test]
    fn ranges_change_by_an_interval() {
        assert_eq!(
            delta(
                Exact(10.0),
                Range {
                    low: 12.0,
                    high: 15.0
                }
            ),
            Delta::Between {
                low: Some(2.0),
                high: Some(5.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(
                Range {
                    low: 12.0,
                    high: 15.0
                },
                Exact(10.0)
            ),
            Delta::Between {
                low: Some(-5.0),
                high: Some(-2.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(
                Range {
                    low: 3.0,
                    high: 5.0
                },
                Range {
                    low: 4.0,
                    high: 6.0
                }
            ),
            Delta::NotComparable
        );
        assert_eq!(
            delta(
                Range {
                    low: 3.0,
                    high: 5.0
                },
                Exact(5.0)
            ),
            Delta::NotComparable
        );
        assert_eq!(
            delta(
                Range {
                    low: 3.0,
                    high: 5.0
                },
                AtLeast(6.0)
            ),
            Delta::Between {
                low: Some(1.0),
                high: None,
                approximate: false
            }
        );
        // Approximately is read as its value, and the interval marked indicative.
        assert_eq!(
            delta(
                Approximately(10.0),
                Range {
                    low: 12.0,
                    high: 15.0
                }
            ),
            Delta::Between {
                low: Some(2.0),
                high: Some(5.0),
                approximate: true
            }
        );
    }

    /// The direction and sentiment of the change from `prev` to `this`.
    fn moved(prev: Amount, this: Amount, higher_is_better: bool) -> (Direction, Sentiment) {
        let (before, after) = (fig(prev, Status::Actual), fig(this, Status::Actual));
        let o = Observation {
            report: crate::model::ReportId(0),
            figure: 0,
        };
        let c = Change::between(&before, &after, o, 2023, Some(higher_is_better));
        (c.direction, c.sentiment)
    }

    #[test]
    fn sentiment_follows_a_known_direction_only() {
        let up = moved(Exact(100.0), AtLeast(112.0), true);
        assert_eq!(up, (Direction::Up, Sentiment::Good));
        let open = moved(Exact(174.0), AtLeast(155.0), true);
        assert_eq!(open, (Direction::Unknown, Sentiment::Neutral));
        let down = moved(AtLeast(20.0), Exact(10.0), false);
        assert_eq!(down, (Direction::Down, Sentiment::Good));
    }
}
