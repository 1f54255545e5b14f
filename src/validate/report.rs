//! One report: its front matter checked and its text rendered, with each figure's
//! quote found in the text.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Kind};
use crate::i18n::Language;
use crate::load::number;
use crate::load::{Doc, FrontMatter, RawReport};
use crate::markdown::{self, QuoteRequest, RenderSettings};
use crate::model::{Figure, LineId, MetricId, OrgId, Report};

use super::{Lookup, SLUG_HELP, check_web_url, figure, is_slug, read, stated};

/// Checks one report and renders its text.
pub(super) fn report(
    raw: &RawReport,
    orgs: &Lookup<'_, OrgId>,
    lines: &Lookup<'_, LineId>,
    metrics: &Lookup<'_, MetricId>,
    config: &Config,
) -> Result<Report, Vec<Diagnostic>> {
    let base_path = config.base_url.path();
    let doc = &raw.front;
    let fm = &doc.value;
    let mut errors = Vec::new();
    let language = language(doc, config, &mut errors);
    if let Some(url) = &fm.source_url
        && let Err(e) = check_web_url(url)
    {
        errors.push(doc.error(Kind::Invalid, "source_url", e));
    }

    if !is_slug(&raw.slug) {
        errors.push(
            Diagnostic::new(
                Kind::Invalid,
                &doc.file,
                format!("invalid report file name `{}`", raw.slug),
            )
            .help(format!(
                "{SLUG_HELP}; name reports <organization>-<year>[-<kind>].md"
            )),
        );
    }
    let organization = orgs.resolve(&fm.organization, doc, "organization");
    let year = read(number::year(&fm.year), doc, "year", &mut errors);
    let published = format!("published {}", fm.published);
    let published = number::year_in_range(fm.published.year, &published);
    read(published, doc, "published", &mut errors);
    let mut action_lines = Vec::new();
    for (j, code) in fm.action_lines.iter().enumerate() {
        match lines.resolve(code, doc, &format!("action_lines.{j}")) {
            Ok(id) if !action_lines.contains(&id) => action_lines.push(id),
            Ok(_) => {}
            Err(e) => errors.push(e),
        }
    }

    // Figures: references first; anchors are `fig-<metric>-<year>`, stable across
    // builds so links into a report keep working when figures are added.
    let mut anchors_used = markdown::IdSet::default();
    let mut figures = Vec::with_capacity(fm.figures.len());
    for (j, f) in fm.figures.iter().enumerate() {
        let at = |field: &str| format!("figures.{j}.{field}");
        if f.proposed_metric.is_some() {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at("proposed_metric"),
                    "`proposed_metric` belongs only on a candidate (`review: candidate`): this figure is accepted, so its metric must exist",
                )
                .help(format!(
                    "create it with `wsis new metric {} --title ... --unit ...`, then delete `proposed_metric`",
                    f.metric
                )),
            );
        }
        let metric = match metrics.resolve(&f.metric, doc, &at("metric")) {
            Ok(m) => m,
            Err(e) => {
                // A misspelling gets its "did you mean"; a new metric, how to add it.
                let create = format!(
                    "`wsis new metric {} --title ... --unit ...` creates a new metric",
                    f.metric
                );
                let help = match &e.help {
                    Some(known) => format!("{known}; {create}"),
                    None => create,
                };
                errors.push(e.help(help));
                continue;
            }
        };
        let meaning = figure::meaning(f, j, doc, &mut errors);
        let amount_ok = meaning.amount_read;
        let figure_year = number::year(&f.year);
        let year_ok = figure_year.is_ok();
        let year = read(figure_year, doc, &at("year"), &mut errors);
        if let Some(as_of) = f.as_of {
            let in_range = number::year_in_range(as_of.year, &format!("as_of {as_of}"));
            if in_range.is_err() {
                read(in_range, doc, &at("as_of"), &mut errors);
            } else if year_ok && as_of.year != year {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at("as_of"),
                        format!("as_of {as_of} is not in the figure's year {year}"),
                    )
                    .help("as_of dates the value within its year"),
                );
            }
        }
        let anchor = anchors_used.unique(&format!("fig-{}-{}", f.metric, year));
        let figure = Figure {
            metric,
            amount: meaning.amount,
            year,
            as_of: f.as_of,
            status: meaning.status,
            source: meaning.source,
            restates: f.restates.clone(),
            quote: f.quote.clone(),
            anchor,
            hedge: None,
        };
        // A refused value would be checked as 0: only a value read is held to its quote.
        if amount_ok {
            stated::check(&figure, j, doc, &mut errors);
        }
        let figure = Figure {
            hedge: stated::hedge(&figure),
            ..figure
        };
        figures.push((j, figure));
    }

    let line_code = |code: &str| lines.by_name.get(code).copied();
    let settings = RenderSettings {
        base_path,
        line_code: &line_code,
        allow_unsafe_html: config.build.allow_unsafe_html,
        first_line: raw.body_line,
    };
    let requests: Vec<QuoteRequest<'_>> = figures
        .iter()
        .map(|(_, f)| QuoteRequest {
            text: &f.quote,
            anchor: &f.anchor,
        })
        .collect();
    let rendered = markdown::render(&raw.body, &requests, &settings);
    for ((j, _), result) in figures.iter().zip(&rendered.quotes) {
        if let Err(miss) = result {
            let quote = &fm.figures[*j].quote;
            errors.push(
                doc.error(
                    Kind::Quote,
                    &format!("figures.{j}.quote"),
                    format!(
                        "quote \"{}\" is not in the report's text",
                        markdown::shorten(quote)
                    ),
                )
                .help(miss.help()),
            );
        }
    }

    let organization = match organization {
        Ok(o) => o,
        Err(e) => {
            errors.push(e);
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Report {
        slug: raw.slug.clone(),
        source: doc.file.clone(),
        title: fm.title.clone(),
        organization,
        year,
        published: fm.published,
        kind: fm.kind,
        submitted_to: fm.submitted_to.clone(),
        source_url: fm.source_url.clone(),
        summary: fm.summary.clone(),
        language,
        translations: fm.translations.clone(),
        action_lines,
        figures: figures.into_iter().map(|(_, f)| f).collect(),
        candidates: raw.candidates.len(),
        body: rendered.body,
    })
}

/// The language a report is written in: its `language:`, else the site's default.
fn language(doc: &Doc<FrontMatter>, config: &Config, errors: &mut Vec<Diagnostic>) -> Language {
    match doc.value.language.as_deref().map(Language::parse) {
        None => config.language.clone(),
        Some(Ok(lang)) => lang,
        Some(Err(e)) => {
            errors.push(doc.error(Kind::Invalid, "language", e));
            config.language.clone()
        }
    }
}
