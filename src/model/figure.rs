//! What a figure says about its number: the amount with its bound, whether it
//! happened or is expected, and whose number it is.

use serde::{Deserialize, Serialize};

/// What a figure's words say about the true number: "174" is exact, "over 155" a lower
/// bound, "between 3 and 5" a range. Each form holds exactly the values it needs, so a
/// range without its high end, or a lower bound with two values, cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Amount {
    /// Exactly this value.
    Exact(f64),
    /// About this value ("some 150", "nearly 20").
    Approximately(f64),
    /// This value or more ("over", "more than", "at least").
    AtLeast(f64),
    /// This value or less ("up to", "less than").
    AtMost(f64),
    /// Somewhere from `low` to `high`; validation keeps `low < high`.
    Range {
        /// The low end.
        low: f64,
        /// The high end.
        high: f64,
    },
}

impl Amount {
    /// Which kind of bound this is.
    pub fn bound(self) -> Bound {
        match self {
            Amount::Exact(_) => Bound::Exact,
            Amount::Approximately(_) => Bound::Approximately,
            Amount::AtLeast(_) => Bound::AtLeast,
            Amount::AtMost(_) => Bound::AtMost,
            Amount::Range { .. } => Bound::Range,
        }
    }

    /// The single value stated, if there is one (every bound but a range).
    pub fn value(self) -> Option<f64> {
        match self {
            Amount::Exact(v)
            | Amount::Approximately(v)
            | Amount::AtLeast(v)
            | Amount::AtMost(v) => Some(v),
            Amount::Range { .. } => None,
        }
    }

    /// The interval the true number lies in, as far as the words say: `None` for an
    /// end the words leave open. "About" is read as its value: it is a point estimate,
    /// and changes between point estimates are marked approximate instead.
    pub fn interval(self) -> (Option<f64>, Option<f64>) {
        match self {
            Amount::Exact(v) | Amount::Approximately(v) => (Some(v), Some(v)),
            Amount::AtLeast(v) => (Some(v), None),
            Amount::AtMost(v) => (None, Some(v)),
            Amount::Range { low, high } => (Some(low), Some(high)),
        }
    }

    /// A value to place the figure by (a chart's scale, a sort): the value, or the
    /// middle of a range.
    pub fn middle(self) -> f64 {
        match self {
            Amount::Range { low, high } => low + (high - low) / 2.0,
            Amount::Exact(v)
            | Amount::Approximately(v)
            | Amount::AtLeast(v)
            | Amount::AtMost(v) => v,
        }
    }

    /// The same bound with each number passed through `f` (for drawing: `f` may break
    /// a range's order, so the result is not for validated data).
    pub fn map(self, f: impl Fn(f64) -> f64) -> Amount {
        match self {
            Amount::Exact(v) => Amount::Exact(f(v)),
            Amount::Approximately(v) => Amount::Approximately(f(v)),
            Amount::AtLeast(v) => Amount::AtLeast(f(v)),
            Amount::AtMost(v) => Amount::AtMost(f(v)),
            Amount::Range { low, high } => Amount::Range {
                low: f(low),
                high: f(high),
            },
        }
    }

    /// Every number the figure states (one, or a range's two ends).
    pub fn numbers(self) -> impl Iterator<Item = f64> {
        let (a, b) = match self {
            Amount::Range { low, high } => (low, Some(high)),
            other => (other.middle(), None),
        };
        std::iter::once(a).chain(b)
    }
}

/// The kind of an [`Amount`], as curated in `bound:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Bound {
    #[default]
    Exact,
    Approximately,
    AtLeast,
    AtMost,
    Range,
}

impl Bound {
    /// Every bound, in the order documented.
    pub const ALL: [Bound; 5] = [
        Bound::Exact,
        Bound::Approximately,
        Bound::AtLeast,
        Bound::AtMost,
        Bound::Range,
    ];

    /// The curated name (`at-least`).
    pub fn name(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approximately => "approximately",
            Bound::AtLeast => "at-least",
            Bound::AtMost => "at-most",
            Bound::Range => "range",
        }
    }

    /// The bound with the curated name `name`.
    pub fn parse(name: &str) -> Option<Bound> {
        Bound::ALL.into_iter().find(|b| b.name() == name)
    }

    /// The amount this bound puts on the single value `v`; `None` for a range, which
    /// needs two values.
    pub fn single(self, v: f64) -> Option<Amount> {
        match self {
            Bound::Exact => Some(Amount::Exact(v)),
            Bound::Approximately => Some(Amount::Approximately(v)),
            Bound::AtLeast => Some(Amount::AtLeast(v)),
            Bound::AtMost => Some(Amount::AtMost(v)),
            Bound::Range => None,
        }
    }
}

/// Whether a figure reports what happened or what is expected to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A measured or counted value.
    #[default]
    Actual,
    /// An estimate of a past or present value.
    Estimate,
    /// What is expected ("we expect to reach", "will"), for a period not yet over.
    Projected,
    /// An aim ("to connect 1 million people by 2030").
    Target,
}

impl Status {
    /// Every status, from the most to the least certain.
    pub const ALL: [Status; 4] = [
        Status::Actual,
        Status::Estimate,
        Status::Projected,
        Status::Target,
    ];

    /// The curated name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Estimate => "estimate",
            Status::Projected => "projected",
            Status::Target => "target",
        }
    }

    /// The status with the curated name `name`.
    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the figure looks forward (projected or target): such a figure is drawn
    /// apart from what happened and never enters a change.
    pub fn is_outlook(self) -> bool {
        matches!(self, Status::Projected | Status::Target)
    }
}

/// Whose number a figure is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Source {
    /// The reporting organization's own figure.
    #[default]
    Own,
    /// A figure the report cites from someone else.
    Cited {
        /// The source as the report names it.
        name: String,
        /// Where the source is published, if the report says.
        url: Option<String>,
    },
}

/// Words just before a quoted number that bound it: "more than" in "more than 155".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hedge {
    /// The words, as the list of hedges writes them (lower case).
    pub words: String,
    /// Where the number they bound is in the quote (byte offsets).
    pub number: std::ops::Range<usize>,
    /// The bound they put on it.
    pub bound: Bound,
}
