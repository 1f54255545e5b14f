//! How likely a candidate is a reported result, from 0 to 1: money, percentages and
//! people are most often results (0.8), other counts less (0.6); a fraction ("a
//! third") is most often context, not a result (−0.3); a number whose unit is only
//! implied by a noun earlier in its sentence is less certain (−0.2); a qualifier ("more
//! than", "up to", a range) shows the writer is reporting a quantity (+0.1).

use super::CandidateUnit;
use super::unit::Evidence;
use crate::model::Bound;
use crate::numerals::FoundKind;

/// The confidence of a candidate with these properties.
pub(super) fn confidence(
    unit: CandidateUnit,
    kind: FoundKind,
    bound: Bound,
    evidence: Evidence,
) -> f32 {
    let mut c: f32 = match unit {
        CandidateUnit::Usd | CandidateUnit::Percent | CandidateUnit::People => 0.8,
        CandidateUnit::Count => 0.6,
    };
    if kind == FoundKind::Fraction {
        c -= 0.3;
    }
    if evidence == Evidence::Elliptical {
        c -= 0.2;
    }
    if bound != Bound::Exact {
        c += 0.1;
    }
    c.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_by_evidence() {
        let people = confidence(
            CandidateUnit::People,
            FoundKind::Number,
            Bound::Exact,
            Evidence::Direct,
        );
        let count = confidence(
            CandidateUnit::Count,
            FoundKind::Number,
            Bound::Exact,
            Evidence::Direct,
        );
        let implied = confidence(
            CandidateUnit::Count,
            FoundKind::Number,
            Bound::Exact,
            Evidence::Elliptical,
        );
        let fraction = confidence(
            CandidateUnit::Percent,
            FoundKind::Fraction,
            Bound::Exact,
            Evidence::Direct,
        );
        let bounded = confidence(
            CandidateUnit::People,
            FoundKind::Number,
            Bound::AtLeast,
            Evidence::Direct,
        );
        assert!(bounded > people && people > count && count > implied);
        assert!(fraction < people);
        for c in [people, count, implied, fraction, bounded] {
            assert!((0.0..=1.0).contains(&c));
        }
    }
}
