//! Numbers written with digits: groups, decimals, a minus, then a scale or per cent.

use super::reading::push;
use super::{Found, is_space};

/// Characters that may separate groups of three digits.
fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '\u{2019}') || is_space(c)
}

/// Length of the run of ASCII digits at the start of `s`.
fn digit_run(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Appends every reading of every number written with digits in `text`.
pub(super) fn find(text: &str, out: &mut Vec<Found>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            i = number(text, i, out);
        } else {
            i += 1;
        }
    }
}

/// Reads the number whose first digit is at `i` (no digit before it); returns the
/// offset after it, always past `i` and never before a digit.
fn number(text: &str, i: usize, out: &mut Vec<Found>) -> usize {
    let a = i + digit_run(&text[i..]);
    let first = &text[i..a];
    if let Some(start) = leading_point(text, i) {
        push(text, out, start, a, false, "", first);
        return a;
    }
    let (start, negative) = sign(text, i);
    let next = text[a..].chars().next();
    // A first group has one to three digits and no leading zero ("0.750" is 0.75).
    let may_group = first.len() <= 3 && !first.starts_with('0');
    if let Some(sep) = next.filter(|&c| may_group && is_group_separator(c)) {
        let groups = groups(text, a, sep);
        if let Some(&(_, last)) = groups.last() {
            let (frac, end) = decimal(text, last, sep);
            let mut int = first.to_owned();
            for &(g, h) in &groups {
                int.push_str(&text[g..h]);
            }
            push(text, out, start, end, negative, &int, frac);
            if sep == '.' && groups.len() == 1 && frac.is_empty() {
                // "1.150" is 1150 where a point groups digits (German, Spanish) and
                // 1.15 where it is the decimal mark. "1,150" is only 1150: a decimal
                // comma with exactly three decimals is rare, and reading it as 1.15
                // would let a value 1,000 times too small pass its quote.
                push(
                    text,
                    out,
                    start,
                    end,
                    negative,
                    first,
                    &text[groups[0].0..last],
                );
            }
            if is_space(sep) {
                // "43 150" may be two numbers: each group on its own too.
                push(text, out, start, a, negative, first, "");
                for (k, &(g, h)) in groups.iter().enumerate() {
                    let (frac, end) = if k + 1 == groups.len() {
                        (frac, end)
                    } else {
                        ("", h)
                    };
                    push(text, out, g, end, false, &text[g..h], frac);
                }
            }
            return end;
        }
    }
    // Not groups: a point or comma before digits is a decimal mark ("2.5", "2,5").
    let n = match next {
        Some('.' | ',') => digit_run(&text[a + 1..]),
        _ => 0,
    };
    let (frac, end) = if n > 0 {
        (&text[a + 1..a + 1 + n], a + 1 + n)
    } else {
        ("", a)
    };
    push(text, out, start, end, negative, first, frac);
    end
}

/// The spans of the groups of exactly three digits that follow `at`, each after `sep`.
fn groups(text: &str, mut at: usize, sep: char) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    while text[at..].starts_with(sep) {
        let g = at + sep.len_utf8();
        if digit_run(&text[g..]) != 3 {
            break;
        }
        groups.push((g, g + 3));
        at = g + 3;
    }
    groups
}

/// The decimal digits after a grouped number ending at `at`, and where they end. The
/// mark must differ from the group separator; a comma followed by exactly three digits
/// after space or apostrophe groups is a list ("1 150,200"), not a decimal.
fn decimal(text: &str, at: usize, sep: char) -> (&str, usize) {
    let rest = &text[at..];
    let Some(mark @ ('.' | ',')) = rest.chars().next().filter(|&m| m != sep) else {
        return ("", at);
    };
    let n = digit_run(&rest[1..]);
    if n == 0 || (mark == ',' && sep != '.' && n == 3) {
        return ("", at);
    }
    (&rest[1..1 + n], at + 1 + n)
}

/// Where a number starting at digit `i` starts, and whether it is negative: a minus
/// right before the digits counts unless a letter or digit precedes it ("10-15",
/// "COVID-19" are not negative).
fn sign(text: &str, i: usize) -> (usize, bool) {
    let mut before = &text[..i];
    // A money sign may stand between the minus and the digits: "−$900", "-€3".
    for money in ['$', '€', '£'] {
        if let Some(rest) = before.strip_suffix(money) {
            before = rest.strip_suffix("US").unwrap_or(rest);
            break;
        }
    }
    for minus in ['-', '\u{2212}'] {
        if let Some(rest) = before.strip_suffix(minus)
            && !rest.chars().next_back().is_some_and(char::is_alphanumeric)
        {
            return (rest.len(), true);
        }
    }
    (i, false)
}

/// The start of ".5" when the digits at `i` follow a point that follows no letter or
/// digit (so "1.2.5" and "end.5" are not read this way).
fn leading_point(text: &str, i: usize) -> Option<usize> {
    let rest = text[..i].strip_suffix('.')?;
    (!rest.chars().next_back().is_some_and(char::is_alphanumeric)).then_some(rest.len())
}

#[cfg(test)]
mod tests {
    use super::super::FoundKind;
    use super::*;

    fn read(text: &str) -> Vec<(f64, FoundKind, &str)> {
        super::super::readings(find, text)
    }

    #[test]
    fn a_minus_may_stand_before_a_money_sign() {
        assert_eq!(read("a net \u{2212}$900 change")[0].0, -900.0);
        assert_eq!(read("-US$5 in all")[0].0, -5.0);
        assert_eq!(read("-€3")[0].0, -3.0);
        assert_eq!(read("A-$5")[0].0, 5.0);
    }

    fn values(text: &str) -> Vec<f64> {
        read(text).iter().map(|r| r.0).collect()
    }

    #[test]
    fn groups_of_three() {
        for text in [
            "1,150,000",
            "1.150.000",
            "1 150 000",
            "1\u{a0}150\u{a0}000",
            "1\u{202f}150\u{202f}000",
            "1\u{2009}150\u{2009}000",
            "1'150'000",
            "1\u{2019}150\u{2019}000",
        ] {
            assert_eq!(
                read(text)[0],
                (1_150_000.0, FoundKind::Number, text),
                "{text}"
            );
        }
        assert_eq!(values("3’300"), vec![3300.0]);
        assert_eq!(values("$264,100"), vec![264_100.0]);
        assert_eq!(values("1,150"), vec![1150.0]);
        assert_eq!(values("1.150"), vec![1150.0, 1.15]);
        assert_eq!(values("1,150.25"), vec![1150.25]);
        assert_eq!(values("1.150,25"), vec![1150.25]);
        assert_eq!(values("1 150,5"), vec![1150.5, 1.0, 150.5]);
        assert_eq!(values("12,34"), vec![12.34]);
        assert_eq!(values("1,1500"), vec![1.15]);
        assert_eq!(values("1234,567"), vec![1234.567]);
        assert_eq!(values("0.750, 0,750, 0 750"), vec![0.75, 0.75, 0.0, 750.0]);
    }

    #[test]
    fn space_groups_are_ambiguous() {
        assert_eq!(values("43 150"), vec![43150.0, 43.0, 150.0]);
        assert_eq!(values("in 2015 43 NRIs"), vec![2015.0, 43.0]);
        assert_eq!(values("of 12 3456"), vec![12.0, 3456.0]);
        assert_eq!(values("1 150,200"), vec![1150.0, 1.0, 150.0, 200.0]);
    }

    #[test]
    fn decimals_and_signs() {
        assert_eq!(
            values("2.5 and 0.75 and 2,5 and .5"),
            vec![2.5, 0.75, 2.5, 0.5]
        );
        assert_eq!(values("-5, −5, (-3.5)"), vec![-5.0, -5.0, -3.5]);
        assert_eq!(read("−5")[0].2, "−5");
        assert_eq!(
            values("10-15, 10–15, COVID-19, x-1"),
            vec![10.0, 15.0, 10.0, 15.0, 19.0, 1.0]
        );
        assert_eq!(values("1.2.5 end.5 3."), vec![1.2, 5.0, 5.0, 3.0]);
    }

    #[test]
    fn scales_and_per_cent() {
        assert_eq!(
            read("3.3 million")[0],
            (3_300_000.0, FoundKind::Number, "3.3 million")
        );
        assert_eq!(
            read("USD 2.5 billion")[0],
            (2.5e9, FoundKind::Number, "2.5 billion")
        );
        assert_eq!(read("$1.2bn.")[0], (1.2e9, FoundKind::Number, "1.2bn"));
        assert_eq!(values("1.2 tn"), vec![1.2e12]);
        assert_eq!(values("5k"), vec![5000.0, 5.0]);
        assert_eq!(values("5 m"), vec![5e6, 5.0]);
        assert_eq!(values("1,150 million"), vec![1.15e9]);
        assert_eq!(values("5km 5 MW 5G"), vec![5.0, 5.0, 5.0]);
        for text in [
            "43%",
            "43 %",
            "43\u{a0}%",
            "43 per cent",
            "43 percent",
            "43 pct",
        ] {
            assert_eq!(read(text), vec![(43.0, FoundKind::Percent, text)], "{text}");
        }
        assert_eq!(read("-0.5%")[0], (-0.5, FoundKind::Percent, "-0.5%"));
    }

    #[test]
    fn currencies_and_codes() {
        assert_eq!(
            values("US$ 5, €3, CHF 100, 5 dollars"),
            vec![5.0, 3.0, 100.0, 5.0]
        );
        assert_eq!(values("USD2.5bn"), vec![2.5e9]);
        assert_eq!(values("C4 and ISO 27001"), vec![4.0, 27001.0]);
    }

    #[test]
    fn ordinals_are_skipped() {
        assert_eq!(values("the 21st, 2nd, 3rd and 10TH; 1990s"), vec![1990.0]);
    }

    #[test]
    fn long_inputs_are_linear_and_finite() {
        // One chain of 50 000 groups: too large grouped, so each group on its own.
        let groups = format!("1{}", " 000".repeat(50_000));
        assert_eq!(read(&groups).len(), 50_001);
        let commas = format!("1{}", ",000".repeat(50_000));
        assert!(
            values(&commas).is_empty(),
            "too large a number is no reading"
        );
        let digits = "9".repeat(100_000);
        assert!(values(&digits).is_empty());
    }
}
