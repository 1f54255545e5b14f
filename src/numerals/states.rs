//! Whether a text states a value, and the closest number when it does not.

use super::{Found, FoundKind, find};

/// How close a digit reading must be to a value to equal it (relative).
const TOLERANCE: f64 = 1e-9;

/// Whether `text` states `value`: Ok(()) if a reading equals it, else Err(Some(closest
/// found)) or Err(None) when the text has no number.
///
/// A number or per cent equals `value` to 1e-9 relative. A fraction equals `value`
/// when `value` is the fraction rounded to `value`'s own number of decimals, as a
/// proportion or in per cent: "a third" states 0.33, 0.333, 33 and 33.3, not 0.34.
/// "Closest" is the smallest relative difference |a-b|/max(|a|,|b|) (for a fraction,
/// the closer of its proportion and its per cent).
pub fn states(text: &str, value: f64) -> Result<(), Option<Found>> {
    stating(text, value).map(|_| ())
}

/// The first number of `text` that states `value` (as [`states`] decides), or the
/// closest one as the error.
pub fn stating(text: &str, value: f64) -> Result<Found, Option<Found>> {
    let found = find(text);
    if let Some(f) = found.iter().find(|f| equals(f, value)) {
        return Ok(f.clone());
    }
    Err(found
        .into_iter()
        .min_by(|a, b| distance(a, value).total_cmp(&distance(b, value))))
}

/// Whether the reading `f` equals `value`.
fn equals(f: &Found, value: f64) -> bool {
    match f.kind {
        FoundKind::Number | FoundKind::Percent => relative(f.value, value) <= TOLERANCE,
        FoundKind::Fraction => {
            let places = decimals(value);
            // As a proportion only below 1: "half" rounded to no decimals is 1, which
            // no sentence saying "half" states.
            let proportion = (value.abs() < 1.0).then_some(f.value);
            proportion.into_iter().chain([f.value * 100.0]).any(|x| {
                let rounded = round_to(x, places);
                relative(x, value) <= TOLERANCE
                    || (rounded != 0.0 && relative(rounded, value) <= TOLERANCE)
            })
        }
    }
}

/// How far the reading `f` is from `value`, relative; NaN counts as infinitely far.
fn distance(f: &Found, value: f64) -> f64 {
    let d = match f.kind {
        FoundKind::Number | FoundKind::Percent => relative(f.value, value),
        FoundKind::Fraction => relative(f.value, value).min(relative(f.value * 100.0, value)),
    };
    if d.is_nan() { f64::INFINITY } else { d }
}

/// |a-b|/max(|a|,|b|), 0 when equal (both 0 included).
fn relative(a: f64, b: f64) -> f64 {
    if a == b {
        0.0
    } else {
        (a - b).abs() / a.abs().max(b.abs())
    }
}

/// How many decimals `value` is written with (its shortest exact form), at most 15.
fn decimals(value: f64) -> i32 {
    let written = format!("{}", value.abs());
    written
        .split_once('.')
        .map_or(0, |(_, d)| i32::try_from(d.len().min(15)).unwrap_or(15))
}

/// `x` rounded to `places` decimals, halves away from zero.
fn round_to(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closest(text: &str, value: f64) -> Option<String> {
        match states(text, value) {
            Ok(()) => panic!("{text} states {value}"),
            Err(f) => f.map(|f| text[f.start..f.end].to_owned()),
        }
    }

    #[test]
    fn digit_readings_equal_to_1e_9() {
        assert_eq!(states("reached 264,100 users", 264_100.0), Ok(()));
        assert!(states("reached 264,100 users", 264.1).is_err());
        assert!(states("We trained 1,150 people.", 1.15).is_err());
        assert_eq!(states("USD 2.5 billion", 2.5e9), Ok(()));
        assert_eq!(states("USD 2.5 billion", 2.5e9 * (1.0 + 1e-12)), Ok(()));
        assert_eq!(states("43 per cent", 43.0), Ok(()));
        assert_eq!(states("a loss of −5", -5.0), Ok(()));
        assert_eq!(
            closest("USD 2.5 billion", 2.6e9).as_deref(),
            Some("2.5 billion")
        );
    }

    #[test]
    fn fractions_match_rounded_to_the_values_decimals() {
        for v in [0.33, 0.333, 33.0, 33.3, 33.33, 1.0 / 3.0] {
            assert_eq!(states("a third of schools", v), Ok(()), "{v}");
        }
        for v in [0.67, 66.7, 67.0, 0.6667] {
            assert_eq!(states("two-thirds", v), Ok(()), "{v}");
        }
        assert_eq!(states("half of them", 50.0), Ok(()));
        assert!(states("half of them", 1.0).is_err());
        assert!(states("two-thirds of the members", 1.0).is_err());
        assert_eq!(states("one in five", 20.0), Ok(()));
        assert_eq!(states("one in five", 0.2), Ok(()));
        // 0.3 is a third to one decimal, so it matches; 30 is not 33.
        assert_eq!(states("a third", 0.3), Ok(()));
        for v in [0.34, 34.0, 30.0, 0.0, 3.0, 1.0] {
            assert!(states("a third", v).is_err(), "{v}");
        }
    }

    #[test]
    fn closest_or_none() {
        assert_eq!(states("no figures here", 1.0), Err(None));
        assert_eq!(states("", 0.0), Err(None));
        assert_eq!(
            closest("from 43 in 2015 to 174", 172.0).as_deref(),
            Some("174")
        );
        assert_eq!(
            closest("a third, or 2015", 30.0).as_deref(),
            Some("a third")
        );
        // NaN and infinities never match and never panic.
        assert!(closest("43", f64::NAN).is_some());
        assert!(closest("43", f64::INFINITY).is_some());
        assert_eq!(closest("0", 0.5).as_deref(), Some("0"));
    }
}
