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
use crate::model::{Observation, Site, Source};
use crate::series::{self, Delta, Standing};
use crate::urls::Page;

/// The columns of the CSV files, in order.
pub(crate) const CSV_COLUMNS: [&str; 23] = [
    "id",
    "metric",
    "title",
    "organization",
    "reported_by",
    "unit",
    "year",
    "as_of",
    "value",
    "low",
    "high",
    "bound",
    "status",
    "source",
    "source_url",
    "first_party",
    "standing",
    "year_value",
    "restates",
    "report",
    "published",
    "quote",
    "url",
];

/// One observation as a row of data.
#[derive(Debug, Serialize)]
struct Row<'a> {
    /// The figure's stable id (`<report>/<anchor>`).
    id: String,
    metric: &'a str,
    title: &'a str,
    /// The metric's organization.
    organization: &'a str,
    /// The organization whose report states the figure.
    reported_by: &'a str,
    unit: &'a str,
    year: i32,
    as_of: Option<String>,
    /// The single value stated; empty for a range.
    value: Option<String>,
    /// The interval as stated: both ends for a single value or a range, one for a bound.
    low: Option<String>,
    high: Option<String>,
    bound: &'static str,
    status: &'static str,
    /// The source the report cites, empty for the reporting organization's own figure.
    source: Option<&'a str>,
    source_url: Option<&'a str>,
    first_party: bool,
    /// `yearly`, `outlook`, `beside` or `restatement` (see [`crate::series`]).
    standing: &'static str,
    /// Whether this observation is the value its year stands at, on either track.
    year_value: bool,
    /// The id of the figure this one repeats.
    restates: Option<String>,
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
    let series = &links.series[f.metric.index()];
    let root = site.config.base_url.root();
    let (low, high) = f.amount.interval();
    let (source, source_url) = match &f.source {
        Source::Own => (None, None),
        Source::Cited { name, url } => (Some(name.as_str()), url.as_deref()),
    };
    let restates = series.original_of(o);
    Row {
        id: r.figure_id(o.figure),
        metric: &m.id,
        title: &m.title,
        organization: &site.org(m.organization).id,
        reported_by: &site.org(r.organization).id,
        unit: m.unit.name(),
        year: f.year,
        as_of: f.as_of.map(|d| d.to_string()),
        value: f.amount.value().map(format::plain),
        low: low.map(format::plain),
        high: high.map(format::plain),
        bound: f.amount.bound().name(),
        status: f.status.name(),
        source,
        source_url,
        first_party: series::first_party(site, o),
        standing: match (restates, series.standing(o)) {
            (Some(_), _) | (None, None) => "restatement",
            (None, Some(Standing::Yearly)) => "yearly",
            (None, Some(Standing::Outlook)) => "outlook",
            (None, Some(Standing::Beside)) => "beside",
        },
        year_value: series.is_yearly(o),
        restates: restates.map(|x| site.report(x.report).figure_id(x.figure)),
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
    /// What happened: one value per year.
    yearly: Vec<YearJson>,
    /// What is expected: one projection or target per year.
    outlook: Vec<YearJson>,
    observations: Vec<Row<'a>>,
}

/// A year's value on one track.
#[derive(Debug, Serialize)]
struct YearJson {
    year: i32,
    /// The id of the figure standing for the year.
    id: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    bound: &'static str,
    status: &'static str,
    change: Option<ChangeJson>,
}

/// A change from the previous year's value.
#[derive(Debug, Serialize)]
struct ChangeJson {
    /// `point`, `between` or `not-comparable`.
    kind: &'static str,
    /// The id of the figure compared with.
    from: String,
    /// For `point`: the difference and the fraction of the previous value.
    absolute: Option<f64>,
    relative: Option<f64>,
    /// For `between`: the interval the change lies in (an open end is null).
    low: Option<f64>,
    high: Option<f64>,
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
        let track = |track: &[(i32, Observation)]| -> Vec<YearJson> {
            track
                .iter()
                .map(|&(year, o)| year_json(site, series, year, o))
                .collect()
        };
        let (yearly, outlook) = (track(&series.yearly), track(&series.outlook));
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
            outlook,
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

fn year_json(site: &Site, series: &crate::series::Series, year: i32, o: Observation) -> YearJson {
    let r = site.report(o.report);
    let f = &r.figures[o.figure];
    let (low, high) = f.amount.interval();
    let change = series.change(o).map(|c| {
        let from = site.report(c.from.report).figure_id(c.from.figure);
        let (kind, absolute, relative, low, high) = match c.delta {
            Delta::Point {
                absolute, relative, ..
            } => ("point", Some(absolute), relative, None, None),
            Delta::Between { low, high } => ("between", None, None, low, high),
            Delta::NotComparable => ("not-comparable", None, None, None, None),
        };
        ChangeJson {
            kind,
            from,
            absolute,
            relative,
            low,
            high,
        }
    });
    YearJson {
        year,
        id: r.figure_id(o.figure),
        value: f.amount.value(),
        low,
        high,
        bound: f.amount.bound().name(),
        status: f.status.name(),
        change,
    }
}

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = serde_json::to_vec_pretty(value)
        .map_err(|e| Diagnostic::new(Kind::Io, "data", e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}
