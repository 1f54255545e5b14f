//! The rows of the data files: one struct per table, built from the model. The CSV
//! and JSON forms of a table serialize the same struct (or, where a CSV cell holds a
//! list, a struct with the same field names), so the two cannot drift apart. The one
//! exception is a metric's own JSON file, whose figures leave out what its record
//! says once (`OwnFigure`, copied from [`Row`] field by field): its test checks
//! every figure of every such file against its CSV row.

use serde::Serialize;

use crate::format;
use crate::link::Links;
use crate::model::{MetricId, Observation, OrgKind, ReportId, ReportKind, Site, Source};
use crate::series::{self, Delta, Series};
use crate::urls::Page;

/// The columns of the figures tables (`data/metrics.csv`, `data/metrics/<id>.csv`), in
/// order: the fields of [`Row`].
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

/// One figure as a row of data.
#[derive(Debug, Serialize)]
pub(crate) struct Row<'a> {
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

/// The row of figure `o`.
pub(crate) fn row<'a>(site: &'a Site, links: &Links, o: Observation) -> Row<'a> {
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
        standing: series.standing(o).name(),
        year_value: series.is_yearly(o),
        restates: restates.map(|x| site.report(x.report).figure_id(x.figure)),
        report: &r.slug,
        published: r.published.to_string(),
        quote: &f.quote,
        url: format!("{root}{}#{}", Page::Report(&r.slug).path(), f.anchor),
    }
}

/// Every figure of a series in series order, each restatement right after the figure
/// it repeats. `Series::observations` leaves restatements out (they are not counted
/// twice), but the data has one row per figure, so that a restatement's `restates`
/// names a row of the same table.
pub(crate) fn figures_of(series: &Series) -> Vec<Observation> {
    let mut repeats: rustc_hash::FxHashMap<Observation, Vec<Observation>> =
        rustc_hash::FxHashMap::default();
    for &(restating, original) in &series.restatements {
        repeats.entry(original).or_default().push(restating);
    }
    let mut out = Vec::with_capacity(series.observations.len() + series.restatements.len());
    // Validation refuses a restatement of a restatement, so this goes one level deep;
    // a stack all the same, so that nothing here depends on that rule.
    let mut stack = Vec::new();
    for &o in &series.observations {
        stack.push(o);
        while let Some(next) = stack.pop() {
            out.push(next);
            if let Some(rs) = repeats.remove(&next) {
                stack.extend(rs.into_iter().rev());
            }
        }
    }
    // Restatements whose original is not in the series (validation prevents it):
    // still one row each, in their curated order.
    let mut rest: Vec<Observation> = repeats.into_values().flatten().collect();
    rest.sort_by_key(|o| (o.report, o.figure));
    out.extend(rest);
    out
}

/// A metric with its series and figures, for `data/metrics/<id>.json`.
#[derive(Debug, Serialize)]
pub(crate) struct MetricJson<'a> {
    /// What `data/metrics.json` lists of the metric.
    #[serde(flatten)]
    pub(super) head: MetricHead<'a>,
    /// The metric's figures, the rows of its CSV file.
    #[serde(serialize_with = "own_figures")]
    pub(super) observations: Vec<Row<'a>>,
}

/// A figure in its metric's own JSON file: the fields of [`Row`] but the four that
/// repeat the metric's record on every figure (`metric`, `title`, `organization`,
/// `unit`), and with no empty optional field (the columns the figures' Table Schema
/// does not require) rather than a `null`. Those were a third of the file's bytes (issue
/// 17); the CSV files keep every column, as their schema requires.
#[derive(Serialize)]
struct OwnFigure<'r> {
    id: &'r str,
    reported_by: &'r str,
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<&'r str>,
    bound: &'r str,
    status: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_url: Option<&'r str>,
    first_party: bool,
    standing: &'r str,
    year_value: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    restates: Option<&'r str>,
    report: &'r str,
    published: &'r str,
    quote: &'r str,
    url: &'r str,
}

/// `rows` as a metric's own JSON file writes them (see [`OwnFigure`]).
fn own_figures<S: serde::Serializer>(rows: &[Row<'_>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(rows.iter().map(|r| OwnFigure {
        id: &r.id,
        reported_by: r.reported_by,
        year: r.year,
        as_of: r.as_of.as_deref(),
        value: r.value.as_deref(),
        low: r.low.as_deref(),
        high: r.high.as_deref(),
        bound: r.bound,
        status: r.status,
        source: r.source,
        source_url: r.source_url,
        first_party: r.first_party,
        standing: r.standing,
        year_value: r.year_value,
        restates: r.restates.as_deref(),
        report: r.report,
        published: &r.published,
        quote: r.quote,
        url: &r.url,
    }))
}

/// A metric with its series, for `data/metrics.json`: its figures are left out there,
/// as they are the rows of `data/metrics.csv` and are in the metric's own JSON file
/// (`json`); written in both JSON files, they were a third of the open data (issue 17).
#[derive(Debug, Serialize)]
pub(crate) struct MetricHead<'a> {
    id: &'a str,
    title: &'a str,
    unit: &'a str,
    organization: &'a str,
    action_lines: Vec<&'a str>,
    description: Option<&'a str>,
    higher_is_better: Option<bool>,
    url: String,
    /// The metric's figures as CSV.
    csv: String,
    /// This metric alone as JSON.
    json: String,
    /// What happened: one value per year.
    yearly: Vec<YearJson>,
    /// What is expected: one projection or target per year.
    outlook: Vec<YearJson>,
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
    /// `point`, `between`, `not-comparable` (the bounds leave the direction open) or
    /// `other-source` (the two figures come from different sources).
    kind: &'static str,
    /// The id of the figure compared with.
    from: String,
    /// For `point`: the difference and the fraction of the previous value.
    absolute: Option<f64>,
    relative: Option<f64>,
    /// For `between`: the interval the change lies in (an open end is null).
    low: Option<f64>,
    high: Option<f64>,
    /// Whether either figure is approximate or an estimate (the change is indicative).
    approximate: bool,
}

/// The path of metric `id`'s figures as CSV, below the output folder.
pub(crate) fn metric_csv(id: &str) -> String {
    format!("data/metrics/{id}.csv")
}

/// The path of metric `id` as JSON, below the output folder.
pub(crate) fn metric_json_path(id: &str) -> String {
    format!("data/metrics/{id}.json")
}

/// Metric `id` with its series.
pub(crate) fn metric_json<'a>(site: &'a Site, links: &Links, id: MetricId) -> MetricJson<'a> {
    let m = site.metric(id);
    let series = &links.series[id.index()];
    let root = site.config.base_url.root();
    let track = |track: &[(i32, Observation)]| -> Vec<YearJson> {
        track
            .iter()
            .map(|&(year, o)| year_json(site, series, year, o))
            .collect()
    };
    let head = MetricHead {
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
        url: format!("{root}{}", Page::Metric(&m.id).path()),
        csv: format!("{root}{}", metric_csv(&m.id)),
        json: format!("{root}{}", metric_json_path(&m.id)),
        yearly: track(&series.yearly),
        outlook: track(&series.outlook),
    };
    MetricJson {
        head,
        observations: figures_of(series)
            .into_iter()
            .map(|o| row(site, links, o))
            .collect(),
    }
}

fn year_json(site: &Site, series: &Series, year: i32, o: Observation) -> YearJson {
    let r = site.report(o.report);
    let f = &r.figures[o.figure];
    let (low, high) = f.amount.interval();
    let change = series.change(o).map(|c| {
        let from = site.report(c.from.report).figure_id(c.from.figure);
        let (kind, absolute, relative, low, high, approximate) = match c.delta {
            Delta::Point {
                absolute,
                relative,
                approximate,
            } => ("point", Some(absolute), relative, None, None, approximate),
            Delta::Between {
                low,
                high,
                approximate,
            } => ("between", None, None, low, high, approximate),
            Delta::NotComparable => ("not-comparable", None, None, None, None, false),
            Delta::OtherSource => ("other-source", None, None, None, None, false),
        };
        ChangeJson {
            kind,
            from,
            absolute,
            relative,
            low,
            high,
            approximate,
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

/// A metric's definition, for `data/metric-definitions.csv`: the fields of
/// [`MetricJson`] that are not its series, with the action lines in one cell.
#[derive(Debug, Serialize)]
pub(crate) struct DefinitionRow<'a> {
    id: &'a str,
    title: &'a str,
    unit: &'a str,
    organization: &'a str,
    /// The action line codes, separated by spaces (codes never hold one).
    action_lines: String,
    description: Option<&'a str>,
    higher_is_better: Option<bool>,
    url: String,
}

/// The definition row of metric `id`.
pub(crate) fn definition_row(site: &Site, id: MetricId) -> DefinitionRow<'_> {
    let m = site.metric(id);
    DefinitionRow {
        id: &m.id,
        title: &m.title,
        unit: m.unit.name(),
        organization: &site.org(m.organization).id,
        action_lines: codes(site, &m.action_lines),
        description: m.description.as_deref(),
        higher_is_better: m.higher_is_better,
        url: format!(
            "{}{}",
            site.config.base_url.root(),
            Page::Metric(&m.id).path()
        ),
    }
}

fn codes(site: &Site, lines: &[crate::model::LineId]) -> String {
    lines
        .iter()
        .map(|&l| site.line(l).code.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A report's metadata, for `data/reports.json`.
#[derive(Debug, Serialize)]
pub(crate) struct ReportJson<'a> {
    #[serde(flatten)]
    row: ReportRow<'a>,
    /// The action lines of the report's sections, in text order.
    sections: Vec<&'a str>,
}

/// A report's metadata, for `data/reports.csv`; in `data/reports.json` with its
/// sections' action lines too.
#[derive(Debug, Serialize)]
pub(crate) struct ReportRow<'a> {
    slug: &'a str,
    title: &'a str,
    organization: &'a str,
    year: i32,
    published: String,
    kind: ReportKind,
    submitted_to: Option<&'a str>,
    source_url: Option<&'a str>,
    /// The action line codes the report states it covers (a list in JSON, separated
    /// by spaces in CSV).
    action_lines: Lines<'a>,
    /// How many figures it states.
    figures: usize,
    url: String,
}

/// Action line codes: a list in JSON, one space-separated cell in CSV (a CSV cell
/// cannot hold a list).
#[derive(Debug)]
pub(crate) struct Lines<'a> {
    codes: Vec<&'a str>,
    joined: bool,
}

impl Serialize for Lines<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.joined {
            s.serialize_str(&self.codes.join(" "))
        } else {
            self.codes.serialize(s)
        }
    }
}

/// The metadata of report `id`; `csv` joins its action lines into one cell.
pub(crate) fn report_row(site: &Site, id: ReportId, csv: bool) -> ReportRow<'_> {
    let r = site.report(id);
    ReportRow {
        slug: &r.slug,
        title: &r.title,
        organization: &site.org(r.organization).id,
        year: r.year,
        published: r.published.to_string(),
        kind: r.kind,
        submitted_to: r.submitted_to.as_deref(),
        source_url: r.source_url.as_deref(),
        action_lines: Lines {
            codes: r
                .action_lines
                .iter()
                .map(|&l| site.line(l).code.as_str())
                .collect(),
            joined: csv,
        },
        figures: r.figures.len(),
        url: format!(
            "{}{}",
            site.config.base_url.root(),
            Page::Report(&r.slug).path()
        ),
    }
}

/// Report `id` for `data/reports.json`.
pub(crate) fn report_json(site: &Site, id: ReportId) -> ReportJson<'_> {
    let r = site.report(id);
    ReportJson {
        row: report_row(site, id, false),
        sections: r
            .body
            .sections
            .iter()
            .flat_map(|s| s.lines.iter().map(|&l| site.line(l).code.as_str()))
            .collect(),
    }
}

/// An organization, for `data/organizations.csv` and `data/organizations.json`.
#[derive(Debug, Serialize)]
pub(crate) struct OrgRow<'a> {
    id: &'a str,
    name: &'a str,
    short_name: Option<&'a str>,
    kind: OrgKind,
    website: Option<&'a str>,
    url: String,
}

/// Every organization's row.
pub(crate) fn org_rows(site: &Site) -> Vec<OrgRow<'_>> {
    let root = site.config.base_url.root();
    site.organizations
        .iter()
        .map(|o| OrgRow {
            id: &o.id,
            name: &o.name,
            short_name: o.short_name.as_deref(),
            kind: o.kind,
            website: o.website.as_deref(),
            url: format!("{root}{}", Page::Organization(&o.id).path()),
        })
        .collect()
}
