//! Open data: the figures of the site as CSV and JSON for analysts, generated from the
//! same model as the pages so the numbers cannot disagree.
//!
//! - `data/metrics.csv`: one row per observation;
//! - `data/metrics.json`: every metric with its series and yearly values;
//! - `data/reports.json`: report metadata with action lines and figure counts;
//! - `metrics/<id>/<id>.csv`: one metric's rows, linked from its page.

use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Kind};
use crate::format;
use crate::link::Links;
use crate::model::Observation;
use crate::model::Site;
use crate::urls::Page;

/// The columns of the CSV files, in order.
pub(crate) const CSV_COLUMNS: [&str; 13] = [
    "metric",
    "title",
    "organization",
    "unit",
    "year",
    "as_of",
    "value",
    "qualifier",
    "year_value",
    "report",
    "published",
    "quote",
    "url",
];

/// One observation as a row of data.
#[derive(Debug, Serialize)]
struct Row<'a> {
    metric: &'a str,
    title: &'a str,
    organization: &'a str,
    unit: &'a str,
    year: i32,
    as_of: Option<String>,
    value: String,
    qualifier: &'static str,
    /// Whether this observation is the value its year stands at.
    year_value: bool,
    report: &'a str,
    published: String,
    quote: &'a str,
    /// The absolute address of the sentence stating the value.
    url: String,
}

fn row<'a>(site: &'a Site, links: &Links, o: Observation) -> Row<'a> {
    let r = site.report(o.report);
    let f = &r.figures[o.figure];
    let m = site.metric(f.metric);
    let root = site.config.base_url.root();
    Row {
        metric: &m.id,
        title: &m.title,
        organization: &site.org(m.organization).id,
        unit: m.unit.name(),
        year: f.year,
        as_of: f.as_of.map(|d| d.to_string()),
        value: format::plain(f.value),
        qualifier: f.qualifier.name(),
        year_value: links.series[f.metric.index()]
            .yearly
            .iter()
            .any(|&(_, y)| y == o),
        report: &r.slug,
        published: r.published.to_string(),
        quote: &f.quote,
        url: format!("{root}{}#{}", Page::Report(&r.slug).path(), f.anchor),
    }
}

fn csv<'a>(rows: impl Iterator<Item = Row<'a>>) -> Result<Vec<u8>, Diagnostic> {
    let fail = |e: csv::Error| Diagnostic::new(Kind::Io, "data/metrics.csv", e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut wrote_header = false;
    for r in rows {
        w.serialize(&r).map_err(fail)?;
        wrote_header = true;
    }
    if !wrote_header {
        w.write_record(CSV_COLUMNS).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Diagnostic::new(Kind::Io, "data/metrics.csv", e.to_string()))
}

#[derive(Debug, Serialize)]
struct MetricJson<'a> {
    id: &'a str,
    title: &'a str,
    unit: &'a str,
    organization: &'a str,
    action_lines: Vec<&'a str>,
    description: Option<&'a str>,
    higher_is_better: Option<bool>,
    url: String,
    csv: String,
    yearly: Vec<YearJson>,
    observations: Vec<Row<'a>>,
}

#[derive(Debug, Serialize)]
struct YearJson {
    year: i32,
    value: f64,
    qualifier: &'static str,
    change: Option<f64>,
    change_relative: Option<f64>,
}

#[derive(Debug, Serialize)]
struct ReportJson<'a> {
    slug: &'a str,
    title: &'a str,
    organization: &'a str,
    year: i32,
    published: String,
    kind: crate::model::ReportKind,
    submitted_to: Option<&'a str>,
    source_url: Option<&'a str>,
    action_lines: Vec<&'a str>,
    sections: Vec<&'a str>,
    figures: usize,
    url: String,
}

/// Every data file, as (path in the output, bytes).
pub(crate) fn files(site: &Site, links: &Links) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostic> {
    let root = site.config.base_url.root();
    let all_rows = links
        .series
        .iter()
        .flat_map(|s| s.observations.iter().map(|&o| row(site, links, o)));
    let mut out = vec![(PathBuf::from("data/metrics.csv"), csv(all_rows)?)];

    let mut metrics = Vec::with_capacity(site.metrics.len());
    for (i, m) in site.metrics.iter().enumerate() {
        let series = &links.series[i];
        let page = Page::Metric(&m.id);
        let file = PathBuf::from(format!("{}{}.csv", page.path(), m.id));
        out.push((
            file.clone(),
            csv(series.observations.iter().map(|&o| row(site, links, o)))?,
        ));
        let yearly = series
            .yearly
            .iter()
            .map(|&(year, o)| {
                let f = &site.report(o.report).figures[o.figure];
                let change = series.change(o);
                YearJson {
                    year,
                    value: f.value,
                    qualifier: f.qualifier.name(),
                    change: change.map(|c| c.absolute),
                    change_relative: change.and_then(|c| c.relative),
                }
            })
            .collect();
        metrics.push(MetricJson {
            id: &m.id,
            title: &m.title,
            unit: m.unit.name(),
            organization: &site.org(m.organization).id,
            action_lines: m
                .action_lines
                .iter()
                .map(|&l| site.line(l).code.as_str())
                .collect(),
            description: m.description.as_deref(),
            higher_is_better: m.higher_is_better,
            url: format!("{root}{}", page.path()),
            csv: format!("{root}{}", file.to_string_lossy()),
            yearly,
            observations: series
                .observations
                .iter()
                .map(|&o| row(site, links, o))
                .collect(),
        });
    }
    out.push((PathBuf::from("data/metrics.json"), json(&metrics)?));

    let reports: Vec<ReportJson<'_>> = site
        .reports
        .iter()
        .map(|r| ReportJson {
            slug: &r.slug,
            title: &r.title,
            organization: &site.org(r.organization).id,
            year: r.year,
            published: r.published.to_string(),
            kind: r.kind,
            submitted_to: r.submitted_to.as_deref(),
            source_url: r.source_url.as_deref(),
            action_lines: r
                .action_lines
                .iter()
                .map(|&l| site.line(l).code.as_str())
                .collect(),
            sections: r
                .body
                .sections
                .iter()
                .flat_map(|s| s.lines.iter().map(|&l| site.line(l).code.as_str()))
                .collect(),
            figures: r.figures.len(),
            url: format!("{root}{}", Page::Report(&r.slug).path()),
        })
        .collect();
    out.push((PathBuf::from("data/reports.json"), json(&reports)?));
    Ok(out)
}

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = serde_json::to_vec_pretty(value)
        .map_err(|e| Diagnostic::new(Kind::Io, "data", e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}
