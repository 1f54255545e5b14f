//! Numbers as readers expect them, by unit: the one formatting function every page,
//! chart and data file uses, so a value reads the same everywhere.

use crate::model::{Qualifier, Unit};

/// Formats `value` in `unit`: `13,000`, `$264,100`, `$2.7 million`, `45%`.
pub fn value(value: f64, unit: &Unit) -> String {
    match unit {
        Unit::Usd => {
            let sign = if value < 0.0 { "-" } else { "" };
            let v = value.abs();
            if v >= 1e9 {
                format!("{sign}${} billion", short_decimal(v / 1e9))
            } else if v >= 1e6 {
                format!("{sign}${} million", short_decimal(v / 1e6))
            } else {
                format!("{sign}${}", grouped(v))
            }
        }
        Unit::Percent => format!("{}%", grouped(value)),
        Unit::Count | Unit::People => grouped(value),
        Unit::Other(name) => format!("{} {name}", grouped(value)),
    }
}

/// Formats a value with its qualifier: "over 13,000", "up to $300,000", "150 (projected)".
pub fn qualified(v: f64, unit: &Unit, qualifier: Qualifier) -> String {
    format!(
        "{}{}{}",
        qualifier.prefix(),
        value(v, unit),
        qualifier.suffix()
    )
}

/// A change in `unit` with its sign: `+52`, `−$900`, `±0`. The minus is U+2212,
/// which screen readers read as "minus".
pub fn signed(delta: f64, unit: &Unit) -> String {
    if delta > 0.0 {
        format!("+{}", value(delta, unit))
    } else if delta < 0.0 {
        format!("\u{2212}{}", value(-delta, unit))
    } else {
        "\u{b1}0".to_string()
    }
}

/// A relative change as a signed percentage with one decimal: `+14.6%`, `−7.5%`.
pub fn percent_change(fraction: f64) -> String {
    let pct = (fraction * 1000.0).round() / 10.0;
    if pct > 0.0 {
        format!("+{pct:.1}%")
    } else if pct < 0.0 {
        format!("\u{2212}{:.1}%", -pct)
    } else {
        "\u{b1}0.0%".to_string()
    }
}

/// Up to two decimals with trailing zeros dropped: 2.7, 1.25, 3.
fn short_decimal(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Thousands separators; decimals kept (up to two) only when the value has them.
fn grouped(v: f64) -> String {
    let negative = v < 0.0;
    let v = v.abs();
    let rounded = (v * 100.0).round() / 100.0;
    let int = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if negative {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out
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
    fn qualifiers_travel_with_the_value() {
        assert_eq!(
            qualified(13000.0, &Unit::Count, Qualifier::AtLeast),
            "over 13,000"
        );
        assert_eq!(
            qualified(300000.0, &Unit::Usd, Qualifier::AtMost),
            "up to $300,000"
        );
        assert_eq!(
            qualified(150.0, &Unit::Count, Qualifier::Projected),
            "150 (projected)"
        );
    }

    #[test]
    fn changes_are_signed() {
        assert_eq!(signed(52.0, &Unit::People), "+52");
        assert_eq!(signed(-900.0, &Unit::Usd), "\u{2212}$900");
        assert_eq!(percent_change(52.0 / 355.0), "+14.6%");
        assert_eq!(percent_change(-3.0 / 40.0), "\u{2212}7.5%");
    }

    #[test]
    fn plain_numbers_for_data() {
        assert_eq!(plain(264100.0), "264100");
        assert_eq!(plain(2.5), "2.5");
    }
}
