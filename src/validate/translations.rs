//! A report's `translations:`: the slugs of the same document in other languages.
//! Each must name another report, in a language other than this one's and than the
//! other translations', so that the page's "also in" links each lead somewhere new.

use std::collections::HashMap;

use super::Lookup;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Kind};
use crate::i18n::Language;
use crate::load::{RawReport, Sources};

/// Checks every report's translations against every report's slug and language.
pub(super) fn check(sources: &Sources, config: &Config, errors: &mut Vec<Diagnostic>) {
    // Only reports listing translations have anything to check: most sites list none,
    // and the lookup below costs a save in `wsis serve` time on a large site.
    if sources.reports.iter().all(|r| r.lists_no_translations()) {
        return;
    }
    // A tag that is no language is reported by the report's own checks. A report
    // left unparsed for the cache answers from its cached self: a multilingual site
    // lists translations in every report, and parsing them all here, on one thread,
    // undid what leaving them unparsed saves.
    let language_of = |raw: &RawReport| -> Language {
        match raw.unparsed() {
            Some(cached) => cached.language.clone(),
            None => raw
                .front
                .value
                .language
                .as_deref()
                .and_then(|tag| Language::parse(tag).ok())
                .unwrap_or_else(|| config.language.clone()),
        }
    };
    let languages: HashMap<&str, Language> = sources
        .reports
        .iter()
        .map(|r| (r.slug.as_str(), language_of(r)))
        .collect();
    let reports = Lookup::new("report", languages.keys().map(|&s| (s, ())));
    for raw in &sources.reports {
        let listed: &[String] = match raw.unparsed() {
            Some(cached) => &cached.translations,
            None => &raw.front.value.translations,
        };
        let own = &languages[raw.slug.as_str()];
        // A finding points into the front matter, which is parsed for it.
        let error = |at: &str, kind: Kind, message: String, help: String| {
            raw.front.error(kind, at, message).help(help)
        };
        let mut seen: Vec<(&str, &Language)> = Vec::new();
        for (j, slug) in listed.iter().enumerate() {
            let at = format!("translations.{j}");
            if *slug == raw.slug {
                errors.push(error(
                    &at,
                    Kind::Invalid,
                    format!("`{slug}` is this report: a report is not its own translation"),
                    "list the slugs of the same report in other languages".into(),
                ));
                continue;
            }
            let Some(theirs) = languages.get(slug.as_str()) else {
                if let Err(e) = reports.resolve(slug, &raw.front, &at) {
                    errors.push(e);
                }
                continue;
            };
            if theirs == own {
                errors.push(error(
                    &at,
                    Kind::Invalid,
                    format!("`{slug}` is in `{own}` too: a translation is in another language"),
                    format!(
                        "set `language:` in {slug}'s front matter to the language it is written in"
                    ),
                ));
                continue;
            }
            if let Some((first, _)) = seen.iter().find(|(_, l)| *l == theirs) {
                let message = if first == slug {
                    format!("`{slug}` is listed twice")
                } else {
                    format!("`{slug}` and `{first}` are both translations into `{theirs}`")
                };
                errors.push(error(
                    &at,
                    Kind::Duplicate,
                    message,
                    "list one translation per language".into(),
                ));
                continue;
            }
            seen.push((slug, theirs));
        }
    }
}
