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
