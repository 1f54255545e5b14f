//! The site's languages and the theme's interface text in each of them.
//!
//! `site.toml` names the languages (`languages = ["en", "fr", "ar"]`, the first being
//! `language`, the default); the theme's strings come from Fluent files, one per
//! language ([`catalog`]), and templates read them with the `t` function
//! ([`function`]).

pub(crate) mod catalog;
pub(crate) mod function;
mod language;

pub(crate) use catalog::{Catalog, Text};
pub(crate) use function::Translate;
pub use language::Language;
