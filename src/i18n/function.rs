//! The `t` template function: `{{ t(key="search-button") }}` is the string
//! `search-button` in the language of the page being rendered;
//! `{{ t(key="reports-in-year", year=2024, count=3) }}` fills in Fluent variables.
//!
//! The text of a `.ftl` file is part of the theme. A string whose key ends in `-html`
//! is output as written, so a sentence that holds a link is one string, its link where
//! the language puts it; any other string is text, escaped as the template's values
//! are. The variables are the site's content: they are escaped as the template
//! would escape them (unless the template marked them safe), so a title holding `<`
//! cannot inject markup and the output is the same as `{{ title }}` would give.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};

use super::{Catalog, Text};

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

impl tera::Function<tera::TeraResult<tera::Value>> for Translate {
    fn call(&self, kwargs: tera::Kwargs, state: &tera::State) -> tera::TeraResult<tera::Value> {
        let key = kwargs.must_get::<&str>("key")?;
        // A string's own text is escaped like the template's values, unless it is one
        // whose markup is the translation's (`-html`): a translator's `"` or `<` in a
        // plain string must not end an attribute or open a tag.
        let text = if state.autoescaping_enabled() && !key.ends_with("-html") {
            Text::Escaped
        } else {
            Text::AsWritten
        };
        let mut args = FluentArgs::new();
        for (name, value) in kwargs.iter() {
            let name = name.to_string();
            if name == "key" {
                continue;
            }
            let value = if value.as_str().is_some() {
                FluentValue::from(state.escape_if_needed(value)?)
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
        let text = self
            .catalog
            .format(self.lang, key, args, text)
            .map_err(tera::Error::message)?;
        Ok(tera::Value::safe_string(&outside_tags_only(text)))
    }
}

/// `text` without the Unicode isolation marks Fluent puts around variables in a
/// right-to-left language where they fell inside a tag: in text they keep an
/// English name or a number from reordering the sentence, but in `href="{ $url }"`
/// they would become part of the address. A variable's own `<` is escaped, so every
/// `<` left is the translation's own markup.
fn outside_tags_only(text: String) -> String {
    const ISOLATION: [char; 2] = ['\u{2068}', '\u{2069}'];
    // Only right-to-left languages have the marks: other strings are kept as they are.
    if !text.contains(ISOLATION) {
        return text;
    }
    let mut in_tag = false;
    text.chars()
        .filter(|&c| {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ => {}
            }
            !(in_tag && ISOLATION.contains(&c))
        })
        .collect()
}
