//! Numbers as readers expect them, by unit: the one formatting function every page,
//! chart and data file uses, so a value reads the same everywhere; on pages, in the
//! page's language ([`Formatter`]), while data files keep plain numbers ([`plain`]).
//!
//! Figures are held to [`MAX_MAGNITUDE`] and [`MIN_MAGNITUDE`] (see [`in_range`]);
//! within that range every value is shown to [`SIGNIFICANT_DIGITS`] significant
//! digits, in plain decimal notation, never rounded to 0. Values outside the range
//! (only a template can format one) are still shown digit for digit.

mod language;
#[cfg(test)]
mod language_tests;

pub use language::Formatter;

use crate::model::{Amount, Status, Unit};

/// The largest size a figure may have: a million billion. Every whole number up to it
/// is exact in an `f64`, so it is shown digit for digit; no WSIS figure comes near
/// (the world's GDP is about 10^14 dollars).
pub const MAX_MAGNITUDE: f64 = 1e15;

/// The smallest size of a figure other than 0: one millionth. A smaller figure in a
/// report is a unit mistake, and within this range a value never needs more than 21
/// decimals to be written out without an exponent.
pub const MIN_MAGNITUDE: f64 = 1e-6;

/// How many significant digits a value is shown with: 15 is as many as an `f64`
/// holds for every decimal, so a curated value reads back as written, and the binary
/// noise of a computed one (174 - 172.3 = 1.6999999999999886) is rounded away.
pub const SIGNIFICANT_DIGITS: usize = 15;

/// Whether `v` is a figure value the site accepts: 0, or finite with a size from
/// [`MIN_MAGNITUDE`] to [`MAX_MAGNITUDE`], either sign.
pub fn in_range(v: f64) -> bool {
    v == 0.0 || (MIN_MAGNITUDE..=MAX_MAGNITUDE).contains(&v.abs())
}

/// `later - earlier`, rounded to [`SIGNIFICANT_DIGITS`] of the larger of the two:
/// what the subtraction of two such figures is exact to. `174 - 172.3` is `1.7`, not
/// the `1.6999999999999886` of binary arithmetic.
pub fn difference(later: f64, earlier: f64) -> f64 {
    let exact = later - earlier;
    let scale = later.abs().max(earlier.abs());
    if !exact.is_finite() || scale == 0.0 {
        return exact;
    }
    // Decimals after the point that the 15th significant digit of `scale` stands at.
    let digits = SIGNIFICANT_DIGITS as f64 - 1.0 - scale.log10().floor();
    let decimals = digits.clamp(0.0, 340.0) as usize;
    format!("{exact:.decimals$}").parse().unwrap_or(exact)
}

/// Formats `value` in `unit` in English: `13,000`, `$264,100`, `$2.7 million`, `45%`.
/// Pages format in their own language ([`Formatter`]); this form is for messages.
pub fn value(value: f64, unit: &Unit) -> String {
    Formatter::english().value(value, unit)
}

/// Formats an amount with its bound in English: "174", "about 150", "at least
/// 13,000", "up to $300,000", "between 3 and 5" (see [`Formatter::amount`]).
pub fn amount(a: Amount, unit: &Unit) -> String {
    Formatter::english().amount(a, unit)
}

/// Formats a figure in English: its amount, and its status unless it is actual: "at
/// least 20 (projected)", "150 (target)", "about 3,000 (estimate)".
pub fn figure(a: Amount, unit: &Unit, status: Status) -> String {
    Formatter::english().figure(a, unit, status)
}

/// A change in `unit` with its sign, in English: `+52`, `−$900`, `±0`.
pub fn signed(delta: f64, unit: &Unit) -> String {
    Formatter::english().signed(delta, unit)
}

/// A relative change as a signed percentage with one decimal, in English: `+14.6%`,
/// `−7.5%`.
pub fn percent_change(fraction: f64) -> String {
    Formatter::english().percent_change(fraction)
}

/// `v` rounded to [`SIGNIFICANT_DIGITS`] significant digits, in plain decimal
/// notation, never with an exponent (`1e20` is `100000000000000000000`).
///
/// `f64`'s `Display` writes the shortest decimal that reads back as `v`. When that has
/// at most [`SIGNIFICANT_DIGITS`] digits, it is the answer: a normal `f64` is closer
/// to that decimal than half a step of the 15-digit grid it lies on, so rounding `v`
/// gives that decimal, which reads back as `v` (for a subnormal, any 15-digit
/// rounding reads back as `v`). Nearly every figure is such a value, and this skips
/// the exact formatting, which falls back to slow big-number arithmetic for them.
fn significant(v: f64) -> String {
    let shortest = format!("{v}");
    if digit_count(&shortest) <= SIGNIFICANT_DIGITS {
        shortest
    } else {
        significant_exact(v)
    }
}

/// [`significant`] the long way: the digits of the rounded value are read back from
/// its exact scientific form, then written as the shortest decimal that reads back
/// the same.
fn significant_exact(v: f64) -> String {
    let rounded: f64 = format!("{v:.*e}", SIGNIFICANT_DIGITS - 1)
        .parse()
        .unwrap_or(v);
    format!("{rounded}")
}

/// How many significant digits a plain decimal has: its digits without the zeros
/// that lead or trail them (`0.00120` and `1200` have 2).
fn digit_count(decimal: &str) -> usize {
    let digits = decimal.as_bytes().iter().filter(|b| b.is_ascii_digit());
    let leading = digits.clone().take_while(|&&b| b == b'0').count();
    let trailing = digits.clone().rev().take_while(|&&b| b == b'0').count();
    digits.count().saturating_sub(leading + trailing)
}

/// A plain machine-readable number for data files: `264100`, `2.5`.
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_unit() {
        assert_eq!(value(13000.0, &Unit::Count), "13,000");
        assert_eq!(value(174.0, &Unit::Count), "174");
        assert_eq!(value(1234567.0, &Unit::People), "1,234,567");
        assert_eq!(value(264100.0, &Unit::Usd), "$264,100");
        assert_eq!(value(2_700_000.0, &Unit::Usd), "$2.7 million");
        assert_eq!(value(12.5, &Unit::Percent), "12.5%");
        assert_eq!(value(3.0, &Unit::Other("gbps".into())), "3 gbps");
        assert_eq!(value(-52.0, &Unit::Count), "-52");
    }

    #[test]
    fn bounds_and_statuses_travel_with_the_value() {
        let count = &Unit::Count;
        assert_eq!(amount(Amount::Exact(174.0), count), "174");
        assert_eq!(amount(Amount::AtLeast(13000.0), count), "at least 13,000");
        assert_eq!(
            amount(Amount::AtMost(300000.0), &Unit::Usd),
            "up to $300,000"
        );
        assert_eq!(amount(Amount::Approximately(150.0), count), "about 150");
        assert_eq!(
            amount(
                Amount::Range {
                    low: 3.0,
                    high: 5.0
                },
                &Unit::Percent
            ),
            "between 3% and 5%"
        );
        assert_eq!(
            figure(Amount::Exact(150.0), count, Status::Projected),
            "150 (projected)"
        );
        assert_eq!(
            figure(Amount::AtLeast(20.0), count, Status::Projected),
            "at least 20 (projected)"
        );
        assert_eq!(
            figure(Amount::Exact(1e6), &Unit::People, Status::Target),
            "1,000,000 (target)"
        );
        assert_eq!(
            figure(Amount::Approximately(3.0), count, Status::Estimate),
            "about 3 (estimate)"
        );
        assert_eq!(figure(Amount::Exact(3.0), count, Status::Actual), "3");
    }

    #[test]
    fn changes_are_signed() {
        assert_eq!(signed(52.0, &Unit::People), "+52");
        assert_eq!(signed(-900.0, &Unit::Usd), "\u{2212}$900");
        assert_eq!(percent_change(52.0 / 355.0), "+14.6%");
        assert_eq!(percent_change(-3.0 / 40.0), "\u{2212}7.5%");
    }

    #[test]
    fn every_value_of_the_range_is_shown_exactly_enough() {
        assert_eq!(value(1e15, &Unit::Count), "1,000,000,000,000,000");
        assert_eq!(value(-1e12, &Unit::People), "-1,000,000,000,000");
        assert_eq!(
            value(999_999_999_999_999.0, &Unit::Count),
            "999,999,999,999,999"
        );
        assert_eq!(value(1e-6, &Unit::Count), "0.000001");
        assert_eq!(value(-0.000_123_4, &Unit::Percent), "-0.0001234%");
        assert_eq!(value(12.345, &Unit::Count), "12.345");
        assert_eq!(value(-0.0, &Unit::Count), "0");
        assert_eq!(
            value(0.1 + 0.2, &Unit::Count),
            "0.3",
            "binary noise is dropped"
        );
        assert_eq!(value(1e15, &Unit::Usd), "$1,000,000 billion");
        assert_eq!(value(1e-6, &Unit::Usd), "$0.000001");
        assert_eq!(signed(difference(174.0, 172.3), &Unit::Count), "+1.7");
        assert_eq!(difference(174.0, 172.3), 1.7);
        assert_eq!(difference(0.000_003, 0.000_001), 0.000_002);
        assert_eq!(difference(1e15, -1e15), 2e15);
        // Beyond the range (a template's numbers): digit for digit, never u64::MAX.
        assert_eq!(value(1e20, &Unit::Count), "100,000,000,000,000,000,000");
        assert!(value(1e308, &Unit::Count).starts_with("100,000,000,000,000,0"));
        assert!(value(5e-324, &Unit::Count).ends_with("5"));
    }

    #[test]
    fn range_is_zero_or_a_millionth_to_a_million_billion() {
        for v in [0.0, -0.0, 1e-6, -1e-6, 1e15, -1e15, 407.0] {
            assert!(in_range(v), "{v}");
        }
        for v in [1e-7, 5e-324, 1.000_000_1e15, f64::NAN, f64::INFINITY] {
            assert!(!in_range(v), "{v}");
        }
    }

    #[test]
    fn huge_relative_changes_are_grouped() {
        assert_eq!(percent_change(1e18), "+100,000,000,000,000,000,000.0%");
    }

    /// Values of every kind: whole numbers, short decimals, results of arithmetic
    /// carrying binary noise, and any bit pattern at all.
    fn any_value() -> impl proptest::strategy::Strategy<Value = f64> {
        use proptest::prelude::*;
        prop_oneof![
            (-1_000_000_000_000_000i64..=1_000_000_000_000_000).prop_map(|n| n as f64),
            (-1_000_000_000i64..1_000_000_000, 0u32..22)
                .prop_map(|(n, d)| n as f64 / 10f64.powi(d as i32)),
            (-1e6f64..1e6, -1e6f64..1e6).prop_map(|(a, b)| a - b),
            (-1e3f64..1e3, 1e-3f64..1e3).prop_map(|(a, b)| a / b),
            any::<u64>().prop_map(f64::from_bits),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn significant_is_the_long_way_rounded(v in any_value()) {
            proptest::prop_assert_eq!(significant(v), significant_exact(v));
        }
    }

    #[test]
    fn significant_agrees_with_the_long_way_on_edges() {
        let mut values = vec![
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1e-6,
            1e15,
            999_999_999_999_999.0,
            0.1 + 0.2,
            174.0 - 172.3,
            1.0 / 3.0,
            2.0 / 3.0,
        ];
        // Written as text: as literals they would hold more digits than an `f64`.
        for text in [
            "9999999999999999",
            "123456789012345.67",
            "0.9999999999999999",
            "9.999999999999995",
            "1.000000000000005",
        ] {
            values.push(text.parse().unwrap_or(0.0));
        }
        // Every power of ten, and its neighbours, where the count of digits changes.
        for e in -323..309 {
            let p: f64 = format!("1e{e}").parse().unwrap_or(0.0);
            let (up, down) = (
                f64::from_bits(p.to_bits() + 1),
                f64::from_bits(p.to_bits() - 1),
            );
            values.extend([p, up, down, 5.0 * p, 9.5 * p]);
        }
        for v in values {
            assert_eq!(significant(v), significant_exact(v), "{v:e}");
        }
        assert_eq!(digit_count("0.00120"), 2);
        assert_eq!(digit_count("1200"), 2);
        assert_eq!(digit_count("0"), 0);
        assert_eq!(digit_count("-1.6999999999999886"), 17);
    }

    #[test]
    fn plain_numbers_for_data() {
        assert_eq!(plain(264100.0), "264100");
        assert_eq!(plain(2.5), "2.5");
    }
}
