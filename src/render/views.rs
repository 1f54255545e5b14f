//! What templates see: small, borrowed views of the model, built per page.
//!
//! A page's context holds only what that page shows, never the whole site, so that
//! rendering stays proportional to the page (Zola's site-wide contexts are what made
//! its large builds slow). The fields here are the template API documented in the
//! README: rename one and themes break.

use serde::Serialize;

use crate::chart::{self, Point};
use crate::format;
use crate::link::Links;
use crate::model::Observation;
use crate::model::{LineId, MetricId, OrgId, ReportId, Site, Unit};
use crate::series::{Change, Direction, Sentiment, Series};
use crate::urls::Page;

/// A titled link.
#[derive(Debug, Serialize)]
pub(crate) struct LinkView<'a> {
    pub(crate) title: &'a str,
    pub(crate) url: String,
}

/// An action line in lists: code, titles, link.
#[derive(Debug, Serialize)]
pub(crate) struct LineView<'a> {
    pub(crate) code: &'a str,
    pub(crate) title: &'a str,
    pub(crate) short: &'a str,
    pub(crate) url: String,
}

/// An organization in lists.
#[derive(Debug, Serialize)]
pub(crate) struct OrgView<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
    pub(crate) short_name: &'a str,
    pub(crate) kind: &'static str,
    pub(crate) url: String,
}

/// A report in lists.
#[derive(Debug, Serialize)]
pub(crate) struct ReportView<'a> {
    pub(crate) slug: &'a str,
    pub(crate) title: &'a str,
    pub(crate) url: String,
    pub(crate) year: i32,
    pub(crate) published: String,
    pub(crate) published_iso: String,
    pub(crate) kind: &'static str,
    pub(crate) organization: OrgView<'a>,
    pub(crate) summary: &'a str,
}

/// A metric in lists, with its latest value.
#[derive(Debug, Serialize)]
pub(crate) struct MetricView<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) url: String,
    pub(crate) unit: &'a str,
    pub(crate) organization: OrgView<'a>,
    pub(crate) observations: usize,
    pub(crate) latest: Option<ObservationView<'a>>,
    /// An inline SVG trend (safe HTML) when the metric has values in two years.
    pub(crate) sparkline: Option<String>,
    /// The metric's own CSV file.
    pub(crate) csv_url: String,
}

/// A change from the previous year's value, formatted.
#[derive(Debug, Serialize)]
pub(crate) struct ChangeView {
    /// `+52`, `−$900`.
    pub(crate) absolute: String,
    /// `+14.6%`, absent when the previous value was zero.
    pub(crate) relative: Option<String>,
    /// The year compared with.
    pub(crate) from_year: i32,
    /// The value compared with, formatted with its qualifier.
    pub(crate) from_display: String,
    /// Either side is not an exact figure.
    pub(crate) approximate: bool,
    /// `up`, `down` or `flat`.
    pub(crate) direction: &'static str,
    /// `good`, `bad` or `neutral`, from the metric's `higher_is_better`.
    pub(crate) sentiment: &'static str,
    /// A sentence for readers: "+52 (+14.6%) since 2024".
    pub(crate) text: String,
}

/// One stated value of a metric, with the link to its sentence.
#[derive(Debug, Serialize)]
pub(crate) struct ObservationView<'a> {
    pub(crate) metric: LinkView<'a>,
    pub(crate) value: f64,
    pub(crate) display: String,
    pub(crate) qualifier: &'static str,
    pub(crate) year: i32,
    pub(crate) year_url: String,
    pub(crate) as_of: Option<String>,
    pub(crate) quote: &'a str,
    pub(crate) report: LinkView<'a>,
    pub(crate) organization: LinkView<'a>,
    /// The report page's anchor on the sentence: `/reports/<slug>/#fig-...`.
    pub(crate) source_url: String,
    /// The change from the previous year's value of the metric.
    pub(crate) change: Option<ChangeView>,
    /// Whether this observation is the value its year stands at (the latest).
    pub(crate) year_value: bool,
}

/// Builds views with the site's base path.
#[derive(Clone, Copy)]
pub(crate) struct Views<'a> {
    pub(crate) site: &'a Site,
    pub(crate) links: &'a Links,
    pub(crate) base: &'a str,
}

impl<'a> Views<'a> {
    pub(crate) fn url(&self, page: Page<'_>) -> String {
        page.url(self.base)
    }

    pub(crate) fn line(&self, id: LineId) -> LineView<'a> {
        let l = self.site.line(id);
        LineView {
            code: &l.code,
            title: &l.title,
            short: &l.short,
            url: self.url(Page::ActionLine(&l.slug)),
        }
    }

    pub(crate) fn lines(&self, ids: &[LineId]) -> Vec<LineView<'a>> {
        ids.iter().map(|&l| self.line(l)).collect()
    }

    pub(crate) fn org(&self, id: OrgId) -> OrgView<'a> {
        let o = self.site.org(id);
        OrgView {
            id: &o.id,
            name: &o.name,
            short_name: o.display_short(),
            kind: o.kind.label(),
            url: self.url(Page::Organization(&o.id)),
        }
    }

    pub(crate) fn org_link(&self, id: OrgId) -> LinkView<'a> {
        let o = self.site.org(id);
        LinkView {
            title: &o.name,
            url: self.url(Page::Organization(&o.id)),
        }
    }

    pub(crate) fn report(&self, id: ReportId) -> ReportView<'a> {
        let r = self.site.report(id);
        ReportView {
            slug: &r.slug,
            title: &r.title,
            url: self.url(Page::Report(&r.slug)),
            year: r.year,
            published: r.published.human(),
            published_iso: r.published.to_string(),
            kind: r.kind.label(),
            organization: self.org(r.organization),
            summary: r.summary.as_deref().unwrap_or(&r.body.lead),
        }
    }

    pub(crate) fn report_link(&self, id: ReportId) -> LinkView<'a> {
        let r = self.site.report(id);
        LinkView {
            title: &r.title,
            url: self.url(Page::Report(&r.slug)),
        }
    }

    pub(crate) fn reports(&self, ids: &[ReportId]) -> Vec<ReportView<'a>> {
        ids.iter().map(|&r| self.report(r)).collect()
    }

    pub(crate) fn observation(&self, o: Observation) -> ObservationView<'a> {
        let r = self.site.report(o.report);
        let f = &r.figures[o.figure];
        let m = self.site.metric(f.metric);
        let report_url = self.url(Page::Report(&r.slug));
        let series = &self.links.series[f.metric.index()];
        let change = series.change(o).map(|c| self.change(c, &m.unit));
        ObservationView {
            metric: LinkView {
                title: &m.title,
                url: self.url(Page::Metric(&m.id)),
            },
            value: f.value,
            display: format::qualified(f.value, &m.unit, f.qualifier),
            qualifier: f.qualifier.name(),
            year: f.year,
            year_url: self.url(Page::Year(f.year)),
            as_of: f.as_of.map(|d| d.human()),
            quote: &f.quote,
            source_url: format!("{report_url}#{}", f.anchor),
            report: LinkView {
                title: &r.title,
                url: report_url,
            },
            organization: self.org_link(r.organization),
            change,
            year_value: series.is_yearly(o, f.year),
        }
    }

    /// Formats a change of a metric in `unit`.
    pub(crate) fn change(&self, c: Change, unit: &Unit) -> ChangeView {
        let r = self.site.report(c.from.report);
        let from = &r.figures[c.from.figure];
        let absolute = format::signed(c.absolute, unit);
        let relative = c.relative.map(format::percent_change);
        let text = match &relative {
            Some(rel) => format!("{absolute} ({rel}) since {}", c.from_year),
            None => format!("{absolute} since {}", c.from_year),
        };
        ChangeView {
            absolute,
            relative,
            from_year: c.from_year,
            from_display: format::qualified(from.value, unit, from.qualifier),
            approximate: c.approximate,
            direction: match c.direction {
                Direction::Up => "up",
                Direction::Down => "down",
                Direction::Flat => "flat",
            },
            sentiment: match c.sentiment {
                Sentiment::Good => "good",
                Sentiment::Bad => "bad",
                Sentiment::Neutral => "neutral",
            },
            text,
        }
    }

    /// The yearly values of a series as chart points.
    pub(crate) fn points(&self, series: &Series) -> Vec<Point> {
        series
            .yearly
            .iter()
            .map(|&(year, o)| {
                let f = &self.site.report(o.report).figures[o.figure];
                Point {
                    year,
                    value: f.value,
                    qualifier: f.qualifier,
                }
            })
            .collect()
    }

    pub(crate) fn metric(&self, id: MetricId) -> MetricView<'a> {
        let m = self.site.metric(id);
        let series = &self.links.series[id.index()];
        MetricView {
            id: &m.id,
            title: &m.title,
            url: self.url(Page::Metric(&m.id)),
            unit: m.unit.name(),
            organization: self.org(m.organization),
            observations: series.observations.len(),
            latest: series.latest().map(|o| self.observation(o)),
            sparkline: (series.yearly.len() >= 2)
                .then(|| chart::sparkline(&m.title, &self.points(series), &m.unit)),
            csv_url: format!("{}{}.csv", self.url(Page::Metric(&m.id)), m.id),
        }
    }

    pub(crate) fn metrics(&self, ids: &[MetricId]) -> Vec<MetricView<'a>> {
        ids.iter().map(|&m| self.metric(m)).collect()
    }
}
