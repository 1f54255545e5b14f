//! Numbers and dates in each of the UN's six languages, as ICU4X's CLDR data writes
//! them; the words around figures come from each language's Fluent strings, English
//! where a language lacks them.

use std::path::Path;

use super::Formatter;
use crate::i18n::{Catalog, Language};
use crate::model::{Amount, PartialDate, Status, Unit};

/// The formatters of en, fr, ar, zh, ru, es, in that order.
fn catalog() -> Catalog {
    let languages: Vec<Language> = ["en", "fr", "ar", "zh", "ru", "es"]
        .iter()
        .map(|t| Language::parse(t).unwrap())
        .collect();
    Catalog::load(Path::new("."), None, &languages).unwrap().0
}

const NNBSP: char = '\u{202f}';

fn date(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

#[test]
fn english_is_as_it_always_was() {
    let c = catalog();
    let en = c.formatter(0);
    assert_eq!(en.value(1234.5, &Unit::Count), "1,234.5");
    assert_eq!(en.value(-1234.5, &Unit::Count), "-1,234.5");
    assert_eq!(en.value(2_700_000.0, &Unit::Usd), "$2.7 million");
    assert_eq!(
        en.figure(Amount::AtLeast(13000.0), &Unit::Percent, Status::Projected),
        "at least 13,000% (projected)"
    );
    assert_eq!(en.date(date("2024-03-12")), "12 March 2024");
    assert_eq!(en.date(date("2024-10")), "October 2024");
    assert_eq!(en.date(date("2024")), "2024");
    // The English of messages is the same formatter's.
    assert_eq!(Formatter::english().value(1e6, &Unit::People), "1,000,000");
}

#[test]
fn french_groups_with_a_narrow_space_and_a_decimal_comma() {
    let c = catalog();
    let fr = c.formatter(1);
    assert_eq!(fr.value(1234.5, &Unit::Count), format!("1{NNBSP}234,5"));
    assert_eq!(
        fr.value(1_234_567.0, &Unit::People),
        format!("1{NNBSP}234{NNBSP}567")
    );
    assert_eq!(fr.value(0.000_001, &Unit::Count), "0,000001");
    assert_eq!(fr.date(date("2024-03-12")), "12 mars 2024");
    assert_eq!(fr.date(date("2024-10")), "octobre 2024");
    assert_eq!(fr.signed(-900.0, &Unit::Count), "\u{2212}900");
}

#[test]
fn arabic_writes_what_cldr_says_for_ar() {
    let c = catalog();
    let ar = c.formatter(2);
    // CLDR's default numbering system for `ar` (as of the data ICU4X 2.1 compiles
    // in) is the Latin digits with `,` and `.`; `ar-EG` and others keep the
    // Arabic-Indic ones.
    assert_eq!(ar.value(1234.5, &Unit::Count), "1,234.5");
    assert!(
        ar.date(date("2024-03-12")).contains("مارس"),
        "{}",
        ar.date(date("2024-03-12"))
    );
}

#[test]
fn chinese_russian_and_spanish() {
    let c = catalog();
    let (zh, ru, es) = (c.formatter(3), c.formatter(4), c.formatter(5));
    assert_eq!(zh.value(1234567.5, &Unit::Count), "1,234,567.5");
    assert_eq!(zh.date(date("2024-03-12")), "2024年3月12日");
    assert_eq!(ru.value(1234567.5, &Unit::Count), "1\u{a0}234\u{a0}567,5");
    assert!(
        ru.date(date("2024-03-12")).starts_with("12 марта 2024"),
        "{}",
        ru.date(date("2024-03-12"))
    );
    // Spanish leaves four-digit numbers ungrouped (CLDR's minimum grouping of 2).
    assert_eq!(es.value(1234.0, &Unit::Count), "1234");
    assert_eq!(es.value(12345.5, &Unit::Count), "12.345,5");
    assert_eq!(es.date(date("2024-03-12")), "12 de marzo de 2024");
}

#[test]
fn the_words_around_figures_come_from_the_language_s_strings() {
    let c = catalog();
    let fr = c.formatter(1);
    assert_eq!(
        fr.amount(Amount::Approximately(1500.5), &Unit::Count),
        format!("environ 1{NNBSP}500,5")
    );
    assert_eq!(
        fr.amount(
            Amount::Range {
                low: 3.5,
                high: 5.0
            },
            &Unit::Percent
        ),
        format!("entre 3,5{NNBSP}% et 5{NNBSP}%")
    );
    assert_eq!(
        fr.figure(Amount::AtLeast(2.7e6), &Unit::Usd, Status::Projected),
        "au moins 2,7 millions de dollars US (prévision)"
    );
    let zh = c.formatter(3);
    assert_eq!(zh.amount(Amount::AtMost(12.0), &Unit::Percent), "最多12%");
}
