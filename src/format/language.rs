//! Numbers and dates as readers of one language write them: digits, digit grouping
//! and decimal separator from CLDR through ICU4X (`1,234.5` in English, `1 234,5` in
//! French with a narrow no-break space), month names likewise (`12 March 2024`,
//! `12 mars 2024`), and the words around a figure ("at least", "about", "$... million",
//! "(projected)") from the theme's Fluent strings (`figure-at-least` and so on), so a
//! translator can change their order.
//!
//! The value itself is decided before any of this, the same in every language: to
//! [`SIGNIFICANT_DIGITS`](super::SIGNIFICANT_DIGITS) significant digits, never in
//! exponent notation (see [`super::significant`]). ICU4X only writes those digits.

use fluent_bundle::FluentArgs;
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{Y, YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

use super::significant;
use crate::i18n::{Catalog, Language};
use crate::model::{Amount, PartialDate, Status, Unit};

/// The Fluent strings of the words around figures, each with the variables it takes.
const WORDS: &[(&str, &[&str])] = &[
    ("figure-usd", &["value"]),
    ("figure-usd-million", &["value"]),
    ("figure-usd-billion", &["value"]),
    ("figure-percent", &["value"]),
    ("figure-unit", &["value", "unit"]),
    ("figure-about", &["value"]),
    ("figure-at-least", &["value"]),
    ("figure-up-to", &["value"]),
    ("figure-between", &["low", "high"]),
    ("figure-estimate", &["value"]),
    ("figure-projected", &["value"]),
    ("figure-target", &["value"]),
];

/// What stands for variable `i` of a word pattern until a figure fills it in: a
/// private-use character, which no translation contains.
fn placeholder(i: usize) -> char {
    char::from_u32(0xE000 + i as u32).unwrap_or('\u{E000}')
}

/// Numbers, figures and dates in one language.
pub struct Formatter {
    decimal: DecimalFormatter,
    day: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    year: FixedCalendarDateTimeFormatter<Gregorian, Y>,
    /// The patterns of [`WORDS`], in its order, with placeholders for variables.
    words: Vec<String>,
}

impl std::fmt::Debug for Formatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Formatter").finish_non_exhaustive()
    }
}

impl Formatter {
    /// The formatter of `language`, the `lang`-th language of `catalog`, whose
    /// strings give the words around figures.
    pub(crate) fn new(catalog: &Catalog, lang: usize, language: &Language) -> Formatter {
        let locale = Locale::try_from_str(language.tag()).unwrap_or(Locale::UNKNOWN);
        // English dates have always been written day, month, year, as the UN writes
        // them (`15 October 2024`): CLDR's `en` is the US order, `en-GB` this one.
        let date_locale = if language.tag() == "en" {
            Locale::try_from_str("en-GB").unwrap_or(Locale::UNKNOWN)
        } else {
            locale.clone()
        };
        let words = WORDS
            .iter()
            .map(|(key, vars)| {
                let mut args = FluentArgs::new();
                for (i, var) in vars.iter().enumerate() {
                    args.set(*var, placeholder(i).to_string());
                }
                // A key missing from en.ftl is a bug the tests catch.
                catalog
                    .format(lang, key, Some(&args), crate::i18n::Text::AsWritten)
                    .unwrap_or_else(|e| {
                        debug_assert!(false, "{e}");
                        placeholder(0).to_string()
                    })
            })
            .collect();
        // Compiled data covers every CLDR locale and falls back to the root locale
        // for others, so loading cannot fail for a valid tag.
        Formatter {
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default())
                .expect("compiled decimal data"),
            day: FixedCalendarDateTimeFormatter::try_new((&date_locale).into(), YMD::long())
                .expect("compiled date data"),
            month: FixedCalendarDateTimeFormatter::try_new((&date_locale).into(), YM::long())
                .expect("compiled date data"),
            year: FixedCalendarDateTimeFormatter::try_new((&date_locale).into(), Y::long())
                .expect("compiled date data"),
            words,
        }
    }

    /// The English formatter with the default theme's words: for messages, charts
    /// and the functions of [`crate::format`] that take no language.
    pub fn english() -> &'static Formatter {
        Catalog::built_in_english().formatter(0)
    }

    /// The pattern `key` of [`WORDS`] with its variables filled in.
    fn words(&self, key: &str, values: &[&str]) -> String {
        let i = WORDS.iter().position(|(k, _)| *k == key).unwrap_or(0);
        let mut out = self.words[i].clone();
        for (j, v) in values.iter().enumerate() {
            out = out.replace(placeholder(j), v);
        }
        out
    }

    /// A plain decimal number (`-1234.5`) in the language's digits and separators.
    fn digits(&self, plain: &str) -> String {
        match Decimal::try_from_str(plain) {
            Ok(d) => self.decimal.format(&d).to_string(),
            Err(_) => plain.to_string(),
        }
    }

    /// `v` to its significant digits, grouped: `1,234,567`, `12.5`, `0.000001`.
    fn grouped(&self, v: f64) -> String {
        let digits = significant(v.abs());
        let sign = if v < 0.0 && digits != "0" { "-" } else { "" };
        self.digits(&format!("{sign}{digits}"))
    }

    /// Up to two decimals with trailing zeros dropped: 2.7, 1.25, 3, 1,000.
    fn short_decimal(&self, v: f64) -> String {
        self.grouped((v * 100.0).round() / 100.0)
    }

    /// Formats `value` in `unit`: `13,000`, `$264,100`, `$2.7 million`, `45%`.
    pub fn value(&self, value: f64, unit: &Unit) -> String {
        match unit {
            Unit::Usd => {
                let sign = if value < 0.0 { "-" } else { "" };
                let v = value.abs();
                let shown = if v >= 1e9 {
                    self.words("figure-usd-billion", &[&self.short_decimal(v / 1e9)])
                } else if v >= 1e6 {
                    self.words("figure-usd-million", &[&self.short_decimal(v / 1e6)])
                } else {
                    self.words("figure-usd", &[&self.grouped(v)])
                };
                format!("{sign}{shown}")
            }
            Unit::Percent => self.words("figure-percent", &[&self.grouped(value)]),
            Unit::Count | Unit::People => self.grouped(value),
            Unit::Other(name) => self.words("figure-unit", &[&self.grouped(value), name]),
        }
    }

    /// Formats an amount with its bound: "174", "about 150", "at least 13,000", "up to
    /// $300,000", "between 3 and 5". A lower bound reads "at least" whether the report
    /// said "over" or "more than": it is the one reading true of every such phrase.
    pub fn amount(&self, a: Amount, unit: &Unit) -> String {
        match a {
            Amount::Exact(v) => self.value(v, unit),
            Amount::Approximately(v) => self.words("figure-about", &[&self.value(v, unit)]),
            Amount::AtLeast(v) => self.words("figure-at-least", &[&self.value(v, unit)]),
            Amount::AtMost(v) => self.words("figure-up-to", &[&self.value(v, unit)]),
            Amount::Range { low, high } => self.words(
                "figure-between",
                &[&self.value(low, unit), &self.value(high, unit)],
            ),
        }
    }

    /// Formats a figure: its amount, and its status unless it is actual: "at least 20
    /// (projected)", "150 (target)", "about 3,000 (estimate)".
    pub fn figure(&self, a: Amount, unit: &Unit, status: Status) -> String {
        let amount = self.amount(a, unit);
        match status {
            Status::Actual => amount,
            Status::Estimate => self.words("figure-estimate", &[&amount]),
            Status::Projected => self.words("figure-projected", &[&amount]),
            Status::Target => self.words("figure-target", &[&amount]),
        }
    }

    /// A change in `unit` with its sign: `+52`, `−$900`, `±0`. The minus is U+2212,
    /// which screen readers read as "minus".
    pub fn signed(&self, delta: f64, unit: &Unit) -> String {
        if delta > 0.0 {
            format!("+{}", self.value(delta, unit))
        } else if delta < 0.0 {
            format!("\u{2212}{}", self.value(-delta, unit))
        } else {
            format!("\u{b1}{}", self.digits("0"))
        }
    }

    /// A relative change as a signed percentage with one decimal: `+14.6%`, `−7.5%`.
    pub fn percent_change(&self, fraction: f64) -> String {
        let pct = (fraction * 1000.0).round() / 10.0;
        let shown = self.words(
            "figure-percent",
            &[&self.digits(&format!("{:.1}", pct.abs()))],
        );
        if pct > 0.0 {
            format!("+{shown}")
        } else if pct < 0.0 {
            format!("\u{2212}{shown}")
        } else {
            format!("\u{b1}{shown}")
        }
    }

    /// A date as precise as it is known, with the month's name: "15 October 2024",
    /// "October 2024", "2024" in English.
    pub fn date(&self, d: PartialDate) -> String {
        let formatted = match (d.month, d.day) {
            (Some(m), Some(day)) => {
                Date::try_new_gregorian(d.year, m, day).map(|x| self.day.format(&x).to_string())
            }
            (Some(m), None) => {
                Date::try_new_gregorian(d.year, m, 1).map(|x| self.month.format(&x).to_string())
            }
            _ => Date::try_new_gregorian(d.year, 1, 1).map(|x| self.year.format(&x).to_string()),
        };
        // Validation has held the date to the calendar.
        formatted.unwrap_or_else(|_| d.to_string())
    }
}
