//! The words of a chart in the page's language: its text alternative, the tooltips
//! and labels of its marks, its legend and the numbers on its axis. A chart is read
//! by screen readers as much as it is seen, so none of this may stay in English on
//! another language's page.
//!
//! The chart module takes the catalog and the page's language rather than anything
//! of the renderer: charts are drawn for pages, the fuzz entry and tests alike.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::format::Formatter;
use crate::i18n::Catalog;

/// The interface strings and number formats of one language, for a chart.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    catalog: &'a Catalog,
    lang: usize,
}

impl<'a> Words<'a> {
    /// The words of the `lang`-th language of `catalog` (as a page's views hold them).
    pub(crate) fn new(catalog: &'a Catalog, lang: usize) -> Words<'a> {
        Words { catalog, lang }
    }

    /// The built-in English words: for the fuzz entry and callers without a site.
    pub fn english() -> Words<'static> {
        Words::new(Catalog::built_in_english(), 0)
    }

    /// The language's numbers and the words around figures.
    pub(super) fn fmt(&self) -> &'a Formatter {
        self.catalog.formatter(self.lang)
    }

    /// The interface string `key`.
    pub(super) fn t(&self, key: &str) -> String {
        self.catalog.text(self.lang, key, None)
    }

    /// The interface string `key` with the variables `vars` (name, text) filled in.
    pub(super) fn t_with(&self, key: &str, vars: &[(&str, String)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in vars {
            args.set(*name, FluentValue::from(value.clone()));
        }
        self.catalog.text(self.lang, key, Some(&args))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::chart::{Overlay, Point, chart, sparkline, target_chart};
    use crate::i18n::Language;
    use crate::model::{Amount, Status, Unit};

    /// The built-in catalog in English, French, Arabic and Chinese.
    fn catalog() -> Catalog {
        let langs: Vec<Language> = ["en", "fr", "ar", "zh"]
            .iter()
            .map(|t| Language::parse(t).unwrap())
            .collect();
        Catalog::load(Path::new(""), None, &langs).unwrap().0
    }

    /// Figures of every kind of mark, so that every word of a chart is drawn.
    fn points() -> Vec<Point> {
        vec![
            Point::new(2022, Amount::Exact(1234.0), Status::Actual),
            Point::new(2023, Amount::Approximately(1500.0), Status::Estimate),
            Point::new(2024, Amount::AtLeast(2000.0), Status::Actual),
            Point::new(2025, Amount::AtMost(2500.0), Status::Projected),
            Point::new(
                2026,
                Amount::Range {
                    low: 2600.0,
                    high: 3000.0,
                },
                Status::Target,
            ),
            Point::new(2024, Amount::Exact(1900.0), Status::Actual).beside("Agency"),
        ]
    }

    fn overlay() -> Overlay {
        Overlay {
            baseline: Some((1000.0, 2020)),
            goal: Some(5000.0),
            deadline: 2030,
        }
    }

    /// Every English word a chart can write, as drawn.
    const ENGLISH: &[&str] = &[
        "stated by",
        "Baseline",
        "Target:",
        "Deadline",
        ">baseline<",
        ">deadline",
        ">target",
        ">est.<",
        ">projected",
        "may be higher",
        "low to high",
        "value<",
        "Trend of",
        "at least",
    ];

    fn all_of(w: &Words<'_>) -> String {
        chart("c", "N", &points(), &Unit::Count, w)
            + &target_chart("t", "N", &points(), &Unit::Count, &overlay(), w)
            + &sparkline("N", &points(), &Unit::Count, w)
    }

    #[test]
    fn a_french_chart_has_french_words_and_numbers_and_no_english() {
        let catalog = catalog();
        let svg = all_of(&Words::new(&catalog, 1));
        for english in ENGLISH.iter().chain(&["1,234"]) {
            assert!(!svg.contains(english), "{english} in {svg}");
        }
        for french in [
            // ICU groups French thousands with a narrow no-break space.
            "2022 : 1\u{202f}234",
            "2024 : au moins 2\u{202f}000",
            "(selon Agency)",
            "Valeur de référence : 1\u{202f}000 en 2020.",
            "Objectif : 5\u{202f}000 (une ligne horizontale en tirets).",
            "Échéance : 2030 (une ligne verticale).",
            ">échéance 2030<",
            ">référence<",
            ">objectif 5\u{202f}000<",
            ">au moins : peut être plus élevé<",
            ">prévision<",
            "Évolution de N : ",
            ">4\u{202f}000<",
        ] {
            assert!(svg.contains(french), "{french} in {svg}");
        }
    }

    #[test]
    fn arabic_and_chinese_charts_are_in_their_language() {
        let catalog = catalog();
        let ar = all_of(&Words::new(&catalog, 2));
        let zh = all_of(&Words::new(&catalog, 3));
        for svg in [&ar, &zh] {
            for english in ENGLISH {
                assert!(!svg.contains(english), "{english} in {svg}");
            }
        }
        for arabic in ["خط الأساس", "بحسب", "الموعد النهائي", "اتجاه", "؛ "]
        {
            assert!(ar.contains(arabic), "{arabic} in {ar}");
        }
        for chinese in ["2022年：1,234", "基线", "截止", "的趋势", "；"] {
            assert!(zh.contains(chinese), "{chinese} in {zh}");
        }
    }

    #[test]
    fn chinese_legend_entries_are_spaced_for_their_wide_characters() {
        assert_eq!(crate::chart::text_width("value"), 35.0);
        assert_eq!(crate::chart::text_width("值"), 14.0);
        let catalog = catalog();
        let svg = chart("c", "N", &points(), &Unit::Count, &Words::new(&catalog, 3));
        // The second entry starts after the first's two wide characters ("数值").
        let xs: Vec<f64> = svg
            .match_indices(r#"<text class="legend-label" x=""#)
            .map(|(at, m)| {
                let rest = &svg[at + m.len()..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert!(xs[1] - xs[0] >= 24.0 + 6.0 + 28.0 + 16.0, "{xs:?}");
    }

    #[test]
    fn english_words_are_the_built_in_ones() {
        let catalog = catalog();
        let svg = all_of(&Words::new(&catalog, 0));
        assert_eq!(svg, all_of(&Words::english()));
        for english in ENGLISH {
            assert!(svg.contains(english), "{english} in {svg}");
        }
    }
}
