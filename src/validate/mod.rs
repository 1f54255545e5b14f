//! Stage 2: check the raw documents against each other and build the typed [`Site`].
//!
//! Every rule of the content model is checked here and every failure collected, so
//! one build reports all of a pull request's mistakes. Report bodies are rendered here
//! too, because a figure's quote can only be checked against the rendered text.

mod checks;
mod entities;
mod figure;
mod frame;
mod localized;
mod report;
mod restate;
mod reuse;
mod stated;
mod translations;

pub(crate) use checks::Checks;
pub(crate) use restate::same_figure;
pub(crate) use reuse::Validated;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Kind, suggestion};
use crate::load::number::Refusal;
use crate::load::{Doc, RawReport, Sources};
use crate::model::{ActionLine, LineId, Metric, MetricId, OrgId, Organization, Report, Site, Unit};

/// Is `s` a valid id or slug: lower case ASCII letters, digits and inner hyphens, at
/// most 100 characters, and not a name Windows reserves for a device (`con`, `nul`,
/// `com1`...), which could not be a folder of the output on Windows.
pub(crate) fn is_slug(s: &str) -> bool {
    const DEVICES: &[&str] = &["con", "prn", "aux", "nul"];
    let device = DEVICES.contains(&s)
        || ((s.starts_with("com") || s.starts_with("lpt"))
            && s.len() == 4
            && s.as_bytes()[3].is_ascii_digit());
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !device
}

pub(super) const SLUG_HELP: &str = "ids and slugs use lower case letters a-z, digits and inner hyphens \
     (at most 100), and not a Windows device name such as con or nul";

/// A web address for a link: `http://` or `https://` and a host, nothing that could
/// run script when clicked.
pub(super) fn check_web_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !url.contains(char::is_whitespace) => {
            Ok(())
        }
        _ => Err(format!(
            "`{url}` is not a web address: expected https://... or http://..."
        )),
    }
}

/// The number of an action line code (`C4` -> 4, `C7.e-health` -> 7), if well formed.
fn line_number(code: &str) -> Option<u8> {
    let (main, sub) = match code.split_once('.') {
        Some((m, s)) => (m, Some(s)),
        None => (code, None),
    };
    let n: u8 = main.strip_prefix('C')?.parse().ok()?;
    let sub_ok = sub.is_none_or(is_slug);
    ((1..=11).contains(&n) && sub_ok && !main[1..].starts_with('0')).then_some(n)
}

/// Name -> id lookups for resolving references, with did-you-mean help.
pub(super) struct Lookup<'a, Id> {
    what: &'static str,
    pub(super) by_name: HashMap<&'a str, Id>,
}

impl<'a, Id: Copy> Lookup<'a, Id> {
    fn new(what: &'static str, names: impl Iterator<Item = (&'a str, Id)>) -> Self {
        Lookup {
            what,
            by_name: names.collect(),
        }
    }

    /// Resolves `name` found at `path` of `doc`, or explains why not.
    pub(super) fn resolve<T>(
        &self,
        name: &str,
        doc: &Doc<T>,
        path: &str,
    ) -> Result<Id, Diagnostic> {
        self.by_name.get(name).copied().ok_or_else(|| {
            let mut names: Vec<&str> = self.by_name.keys().copied().collect();
            names.sort_unstable();
            doc.error(
                Kind::Reference,
                path,
                format!("unknown {} `{name}`", self.what),
            )
            .maybe_help(suggestion(name, names.iter().copied()))
        })
    }
}

/// What validation does with a report's Markdown once it is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bodies {
    /// Kept: the dev server validates the same sources again after an edit.
    #[cfg_attr(not(feature = "serve"), allow(dead_code))]
    Keep,
    /// Dropped, each as soon as its report is rendered: a build reads them once, and
    /// at 100,000 reports they are near a GiB, which was held beside every rendered
    /// report at the end of validation.
    Drop,
}

/// Checks everything and builds the site, or returns every problem found.
///
/// `reuse` may hand back the already validated version of a raw report that has not
/// changed since (the dev server's cache); it is only asked while organizations,
/// metrics, action lines and settings are the ones that report was validated with.
/// With [`Bodies::Drop`] the reports of `sources` are left without their `body`.
pub(crate) fn validate(
    config: Config,
    sources: &mut Sources,
    reuse: &(dyn Fn(&RawReport) -> Option<Arc<Report>> + Sync),
    bodies: Bodies,
) -> Result<Site, Vec<Diagnostic>> {
    validate_since(config, sources, reuse, bodies, &mut Checks::default())
}

/// [`validate`], checking the reports against each other again only where `checks`,
/// from the last validation of the same site, may no longer hold (the dev server after
/// an edit), and keeping this validation's findings there for the next. The warnings
/// and errors are those of a validation from scratch. A report of `checks` whose text
/// is the same is taken as validated, like one `reuse` hands back: the holder starts
/// from a fresh [`Checks`] when organizations, metrics, action lines or settings change.
pub(crate) fn validate_since(
    config: Config,
    sources: &mut Sources,
    reuse: &(dyn Fn(&RawReport) -> Option<Arc<Report>> + Sync),
    bodies: Bodies,
    checks: &mut Checks,
) -> Result<Site, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut texts = localized::Texts::new(&config);
    let t = std::time::Instant::now();

    let entities = entities::entities(sources, checks.entities(), &mut texts, &mut errors);
    if errors.is_empty() {
        checks.keep_entities(Arc::clone(&entities));
    }
    let organizations = Arc::clone(&entities.organizations);
    let orgs = entities::org_lookup(&organizations);
    let action_lines = entities.action_lines.clone();
    let lines = entities::line_lookup(&action_lines);
    let metrics = Arc::clone(&entities.metrics);
    let metric_lookup = Lookup::new(
        "metric",
        metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), MetricId(i as u32))),
    );

    crate::pipeline::timing("validate: organizations, action lines, metrics", t);
    let t = std::time::Instant::now();
    let mut seen_slugs: rustc_hash::FxHashMap<&str, &Path> = rustc_hash::FxHashMap::default();
    seen_slugs.reserve(sources.reports.len());
    for r in &sources.reports {
        if let Some(first) = seen_slugs.insert(&r.slug, r.file()) {
            errors.push(
                Diagnostic::new(
                    Kind::Duplicate,
                    r.file(),
                    format!(
                        "report slug `{}` is also used by {}: both would be written to reports/{}/",
                        r.slug,
                        first.display(),
                        r.slug
                    ),
                )
                .help("rename one of the files"),
            );
        }
    }

    let count = sources.reports.len();
    let results: Vec<Result<Arc<Report>, Vec<Diagnostic>>> = sources
        .reports
        .par_iter_mut()
        .enumerate()
        .map(|(i, raw)| {
            // Unchanged since the last validation: at 100,000 reports, looking each
            // up by file and checking it again took a good part of a save.
            if let Some(kept) = checks.kept(i, raw, count) {
                if bodies == Bodies::Drop {
                    raw.drop_body();
                }
                return Ok(Arc::clone(kept));
            }
            let done = match reuse(raw) {
                Some(done)
                    if reuse::refers_within(
                        &done,
                        organizations.len(),
                        action_lines.len(),
                        metrics.len(),
                    ) =>
                {
                    Ok(done)
                }
                // Not cached, or cached naming what the site has not; a report left
                // unparsed for the cache whose text does not parse after all is
                // refused as loading would have.
                _ => match raw.parse_error() {
                    Some(e) => Err(vec![e.clone()]),
                    None => {
                        report::report(raw, &orgs, &lines, &metric_lookup, &config).map(Arc::new)
                    }
                },
            };
            if bodies == Bodies::Drop {
                raw.drop_body();
            }
            done
        })
        .collect();
    let mut reports = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(r) => reports.push(r),
            Err(mut e) => errors.append(&mut e),
        }
    }
    crate::pipeline::timing("validate: reports", t);
    let t = std::time::Instant::now();
    translations::check(sources, &config, &mut errors);
    let refs = frame::Refs {
        lines: &lines,
        metrics: &metric_lookup,
    };
    let (frame, line_sources) = frame::frame(sources, &refs, &config, &mut texts, &mut errors);
    let mut action_lines = action_lines;
    for (id, source) in line_sources {
        action_lines[id.index()].source = Some(source);
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    crate::pipeline::timing("validate: translations and the frame", t);
    let t = std::time::Instant::now();
    let mut warnings = sources.warnings.clone();
    warnings.append(&mut texts.warnings);
    warnings.extend(checks.run(&sources.reports, &reports, &metrics, &mut errors));
    // A report left unread and read since for a finding, whose text no longer hashes
    // as it did: the site holds the report as it was, and the finding has no place in
    // the file. The next build reads the file.
    errors.extend(sources.reports.iter().filter_map(|r| r.stale().cloned()));
    crate::pipeline::timing("validate: checks across reports", t);
    if !errors.is_empty() {
        return Err(errors);
    }
    sort_reports(&mut reports, &organizations);
    Ok(Site {
        config,
        action_lines,
        organizations,
        metrics,
        reports,
        frame,
        warnings,
    })
}

/// Puts reports in the site's order: by year, then organization, then slug (the order
/// of [`Site::reports`], which their ids index).
pub(crate) fn sort_reports(reports: &mut [Arc<Report>], organizations: &[Organization]) {
    // The organizations are in the order of their ids ([`organizations`]): their
    // numbers order the reports as the ids do, without comparing strings, which at
    // 100,000 reports took a good part of validating a save.
    debug_assert!(organizations.is_sorted_by(|a, b| a.id < b.id));
    reports
        .sort_by(|a, b| (a.year, a.organization, &a.slug).cmp(&(b.year, b.organization, &b.slug)));
}

fn organizations(
    sources: &Sources,
    texts: &mut localized::Texts,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Organization> {
    let mut out: Vec<Organization> = Vec::new();
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for doc in &sources.organizations {
        let raw = &doc.value;
        let stem = doc.file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if !is_slug(&raw.id) {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    "id",
                    format!("invalid organization id `{}`", raw.id),
                )
                .help(SLUG_HELP),
            );
            continue;
        }
        if raw.id != stem {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    "id",
                    format!(
                        "organization id `{}` differs from its file name `{stem}`",
                        raw.id
                    ),
                )
                .help(format!(
                    "rename the file to {}.yaml or set `id: {stem}`",
                    raw.id
                )),
            );
            continue;
        }
        if let Some(first) = seen.insert(raw.id.clone(), &doc.file) {
            errors.push(doc.error(
                Kind::Duplicate,
                "id",
                format!(
                    "organization `{}` is also defined by {}: both would be written to organizations/{}/",
                    raw.id,
                    first.display(),
                    raw.id
                ),
            ));
            continue;
        }
        if let Some(url) = &raw.website
            && let Err(e) = check_web_url(url)
        {
            errors.push(doc.error(Kind::Invalid, "website", e));
        }
        out.push(Organization {
            id: raw.id.clone(),
            name: texts.read(&raw.name, doc, "name", errors),
            short_name: raw.short_name.clone(),
            kind: raw.kind,
            website: raw.website.clone(),
            description: raw
                .description
                .as_ref()
                .map(|d| texts.read(d, doc, "description", errors)),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn action_lines(
    sources: &Sources,
    orgs: &Lookup<'_, OrgId>,
    texts: &mut localized::Texts,
    errors: &mut Vec<Diagnostic>,
) -> Vec<ActionLine> {
    let Some(doc) = &sources.action_lines else {
        return Vec::new();
    };
    let mut out: Vec<(u8, ActionLine)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, raw) in doc.value.iter().enumerate() {
        let at = |field: &str| format!("{i}.{field}");
        let Some(number) = line_number(&raw.code) else {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at("code"),
                    format!("invalid action line code `{}`", raw.code),
                )
                .help("codes are C1 to C11, or a sub-line such as C7.e-health"),
            );
            continue;
        };
        if !seen.insert(raw.code.clone()) {
            errors.push(doc.error(
                Kind::Duplicate,
                &at("code"),
                format!("action line `{}` is listed twice", raw.code),
            ));
            continue;
        }
        let mut facilitators = Vec::new();
        for (j, f) in raw.facilitators.iter().enumerate() {
            match orgs.resolve(f, doc, &at(&format!("facilitators.{j}"))) {
                Ok(id) => facilitators.push(id),
                Err(e) => errors.push(e.help(format!(
                    "each facilitator needs a file content/organizations/{f}.yaml"
                ))),
            }
        }
        for (j, sdg) in raw.sdgs.iter().enumerate() {
            if !(1..=17).contains(sdg) {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at(&format!("sdgs.{j}")),
                        format!("there is no SDG {sdg}"),
                    )
                    .help("SDGs are numbered 1 to 17"),
                );
            }
        }
        out.push((
            number,
            ActionLine {
                slug: raw.code.to_lowercase().replace('.', "-"),
                code: raw.code.clone(),
                title: texts.read(&raw.title, doc, &at("title"), errors),
                short: texts.read(&raw.short, doc, &at("short"), errors),
                facilitators,
                description: raw
                    .description
                    .as_ref()
                    .map(|d| texts.read(d, doc, &at("description"), errors)),
                sdgs: raw.sdgs.clone(),
                // Cited once the frame's documents are read ([`frame::frame`]).
                source: None,
            },
        ));
    }
    out.sort_by(|a, b| (a.0, &a.1.code).cmp(&(b.0, &b.1.code)));
    out.into_iter().map(|(_, l)| l).collect()
}

fn metrics(
    sources: &Sources,
    orgs: &Lookup<'_, OrgId>,
    lines: &Lookup<'_, LineId>,
    texts: &mut localized::Texts,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Metric> {
    let Some(doc) = &sources.metrics else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, raw) in doc.value.iter().enumerate() {
        let at = |field: &str| format!("{i}.{field}");
        if !is_slug(&raw.id) {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at("id"),
                    format!("invalid metric id `{}`", raw.id),
                )
                .help(SLUG_HELP),
            );
            continue;
        }
        if !seen.insert(raw.id.clone()) {
            errors.push(doc.error(
                Kind::Duplicate,
                &at("id"),
                format!("metric `{}` is defined twice", raw.id),
            ));
            continue;
        }
        if raw.unit.trim().is_empty() {
            errors.push(
                doc.error(Kind::Invalid, &at("unit"), "a metric needs a unit")
                    .help("count, people, usd, percent, or another unit name"),
            );
        }
        let organization = orgs.resolve(&raw.organization, doc, &at("organization"));
        let mut action_lines = Vec::new();
        for (j, code) in raw.action_lines.iter().enumerate() {
            match lines.resolve(code, doc, &at(&format!("action_lines.{j}"))) {
                Ok(id) => action_lines.push(id),
                Err(e) => errors.push(e),
            }
        }
        match organization {
            Ok(organization) => out.push(Metric {
                id: raw.id.clone(),
                title: texts.read(&raw.title, doc, &at("title"), errors),
                unit: Unit::parse(raw.unit.trim()),
                organization,
                action_lines,
                description: raw
                    .description
                    .as_ref()
                    .map(|d| texts.read(d, doc, &at("description"), errors)),
                higher_is_better: raw.higher_is_better,
            }),
            Err(e) => errors.push(e),
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The value `result` read, or after recording why it was refused (at `path` of
/// `doc`) a stand-in 0, so that the rest of the document is still checked: one build
/// reports every mistake.
pub(super) fn read<T: Default, D>(
    result: Result<T, Refusal>,
    doc: &Doc<D>,
    path: &str,
    errors: &mut Vec<Diagnostic>,
) -> T {
    result.unwrap_or_else(|refusal| {
        errors.push(refusal.at(doc, path));
        T::default()
    })
}

#[cfg(test)]
mod tests;
