//! A report's `translations:`: the slugs of the same document in other languages.
//! Each must name another report, in a language other than this one's and than the
//! other translations', so that the page's "also in" links each lead somewhere new.

use std::collections::HashMap;

use super::Lookup;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Kind};
use crate::i18n::Language;
use crate::load::Sources;

/// Checks every report's translations against every report's slug and language.
pub(super) fn check(sources: &Sources, config: &Config, errors: &mut Vec<Diagnostic>) {
    // Only reports listing translations have anything to check: most sites list none,
    // and the lookup below costs a save in `wsis serve` time on a large site.
    if sources.reports.iter().all(|r| r.lists_no_translations()) {
        return;
    }
    // A tag that is no language is reported by the report's own checks.
    let language_of = |front: &crate::load::FrontMatter| -> Language {
        front
            .language
            .as_deref()
            .and_then(|tag| Language::parse(tag).ok())
            .unwrap_or_else(|| config.language.clone())
    };
    let languages: HashMap<&str, Language> = sources
        .reports
        .iter()
        .map(|r| (r.slug.as_str(), language_of(&r.front.value)))
        .collect();
    let reports = Lookup::new("report", languages.keys().map(|&s| (s, ())));
    for raw in &sources.reports {
        let doc = &raw.front;
        let own = language_of(&doc.value);
        let mut seen: Vec<(&str, &Language)> = Vec::new();
        for (j, slug) in doc.value.translations.iter().enumerate() {
            let at = format!("translations.{j}");
            if *slug == raw.slug {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at,
                        format!("`{slug}` is this report: a report is not its own translation"),
                    )
                    .help("list the slugs of the same report in other languages"),
                );
                continue;
            }
            if let Err(e) = reports.resolve(slug, doc, &at) {
                errors.push(e);
                continue;
            }
            let theirs = &languages[slug.as_str()];
            if *theirs == own {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at,
                        format!("`{slug}` is in `{own}` too: a translation is in another language"),
                    )
                    .help(format!(
                        "set `language:` in {slug}'s front matter to the language it is written in"
                    )),
                );
                continue;
            }
            if let Some((first, _)) = seen.iter().find(|(_, l)| *l == theirs) {
                let message = if first == slug {
                    format!("`{slug}` is listed twice")
                } else {
                    format!("`{slug}` and `{first}` are both translations into `{theirs}`")
                };
                errors.push(
                    doc.error(Kind::Duplicate, &at, message)
                        .help("list one translation per language"),
                );
                continue;
            }
            seen.push((slug, theirs));
        }
    }
}
