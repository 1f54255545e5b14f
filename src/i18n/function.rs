//! The `t` template function: `{{ t(key="search-button") }}` is the string
//! `search-button` in the language of the page being rendered;
//! `{{ t(key="reports-in-year", year=2024, count=3) }}` fills in Fluent variables.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};

use super::Catalog;

/// The `t` function of one language's templates: each language's engine registers
/// its own, so a page never has to say which language it is in.
pub(crate) struct Translate {
    catalog: Arc<Catalog>,
    /// The language, as an index into the catalog's languages.
    lang: usize,
}

impl Translate {
    /// The function for the catalog's `lang`-th language.
    pub(crate) fn new(catalog: Arc<Catalog>, lang: usize) -> Self {
        Translate { catalog, lang }
    }
}

impl tera::Function<tera::TeraResult<String>> for Translate {
    fn call(&self, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
        let key = kwargs.must_get::<&str>("key")?;
        let mut args = FluentArgs::new();
        for (name, value) in kwargs.iter() {
            let name = name.to_string();
            if name == "key" {
                continue;
            }
            let value = if let Some(text) = value.as_str() {
                FluentValue::from(text.to_string())
            } else if let Some(number) = value.as_f64() {
                FluentValue::from(number)
            } else {
                return Err(tera::Error::message(format!(
                    "t(key=\"{key}\"): `{name}` must be a string or a number, not {}",
                    value.name()
                )));
            };
            args.set(name, value);
        }
        let args = (args.iter().next().is_some()).then_some(&args);
        self.catalog
            .format(self.lang, key, args)
            .map_err(tera::Error::message)
    }
}
