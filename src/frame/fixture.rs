//! A validated site built in memory for the frame's unit tests: one metric (of the
//! first of two organizations), two action lines, one SDG with two targets, one GDC
//! objective, and the reports, figures, targets and links a test adds. Each figure
//! gets a report of its own, so that a test states only what its rule needs.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::model::frame::{
    Baseline, Citation, Frame, GdcObjective, Goal, Link, Node, Sdg, SdgTarget, Sourced, Target,
};
use crate::model::{
    ActionLine, Amount, Body, Figure, Metric, MetricId, OrgId, OrgKind, Organization, PartialDate,
    Report, ReportKind, Site, Source, Status, Unit,
};

/// What a test adds before building the site.
pub(super) struct Fixture {
    /// Per report: its organization, the year it covers and its figure, if any.
    reports: Vec<(OrgId, i32, Option<Figure>)>,
    /// The metric's unit.
    pub(super) unit: Unit,
    /// The metric's `higher_is_better`.
    pub(super) higher_is_better: Option<bool>,
    targets: Vec<Target>,
    crosswalk: Vec<Link>,
}

impl Fixture {
    pub(super) fn new() -> Fixture {
        Fixture {
            reports: Vec::new(),
            unit: Unit::Percent,
            higher_is_better: None,
            targets: Vec::new(),
            crosswalk: Vec::new(),
        }
    }

    /// An actual figure of the metric's own organization for `year`, in a report
    /// covering that year. Its report's slug is `r<n>`, `n` counting every report
    /// added before it.
    pub(super) fn figure(&mut self, year: i32, amount: Amount) -> &mut Figure {
        self.figure_by(OrgId(0), year, year, amount)
    }

    /// A figure stated by `org` in a report covering `report_year`.
    pub(super) fn figure_by(
        &mut self,
        org: OrgId,
        report_year: i32,
        year: i32,
        amount: Amount,
    ) -> &mut Figure {
        let n = self.reports.len();
        let figure = Figure {
            metric: MetricId(0),
            amount,
            year,
            as_of: None,
            status: Status::Actual,
            source: Source::Own,
            restates: None,
            quote: format!("figure {n}"),
            anchor: format!("fig-{n}"),
            hedge: None,
        };
        self.reports.push((org, report_year, Some(figure)));
        self.reports[n].2.as_mut().expect("just added")
    }

    /// A report covering `year` without figures.
    pub(super) fn report(&mut self, year: i32) {
        self.reports.push((OrgId(0), year, None));
    }

    /// A target measured by the metric, with no baseline.
    pub(super) fn value_target(&mut self, goal: f64, deadline: i32) -> &mut Target {
        let n = self.targets.len();
        self.targets.push(Target {
            id: format!("target-{n}"),
            title: format!("Target {n}").into(),
            wording: format!("the words that set target {n}"),
            source: outside(),
            action_lines: vec![crate::model::LineId(0)],
            sdgs: Vec::new(),
            gdc: Vec::new(),
            indicator: Some(MetricId(0)),
            baseline: None,
            goal: Goal::Value(goal),
            deadline,
        });
        &mut self.targets[n]
    }

    /// A crosswalk link.
    pub(super) fn link(&mut self, from: Node, to: Node) {
        self.crosswalk.push(Link {
            from,
            to,
            source: outside(),
        });
    }

    /// The site, its reports sorted as validation sorts them.
    pub(super) fn site(self) -> Site {
        let config = Config::parse(
            "title = \"Test\"\nbase_url = \"https://example.org/\"\n",
            Path::new("site.toml"),
        )
        .expect("a valid site.toml");
        let mut reports: Vec<Report> = self
            .reports
            .into_iter()
            .enumerate()
            .map(|(n, (org, year, figure))| report(n, org, year, figure))
            .collect();
        reports.sort_by(|a, b| {
            (a.year, a.organization, &a.slug).cmp(&(b.year, b.organization, &b.slug))
        });
        Site {
            config,
            action_lines: ["C1", "C2"].map(line).into(),
            organizations: std::sync::Arc::new(["own", "other"].map(org).into()),
            metrics: std::sync::Arc::new(vec![Metric {
                id: "m".into(),
                title: "Schools connected".into(),
                unit: self.unit,
                organization: OrgId(0),
                action_lines: Vec::new(),
                description: None,
                higher_is_better: self.higher_is_better,
            }]),
            reports: reports.into_iter().map(Arc::new).collect(),
            frame: Frame {
                documents: Vec::new(),
                sdgs: vec![Sdg {
                    number: 4,
                    title: "Quality education".into(),
                    short: "Education".into(),
                    source: outside(),
                    targets: ["4.4", "4.a"].map(sdg_target).into(),
                }],
                gdc: vec![GdcObjective {
                    number: 1,
                    title: "Close all digital divides".into(),
                    short: "Digital divides".into(),
                    source: outside(),
                }],
                crosswalk: self.crosswalk,
                targets: self.targets,
            },
            warnings: Vec::new(),
        }
    }
}

/// A baseline with an outside source.
pub(super) fn baseline(value: f64, year: i32) -> Baseline {
    Baseline {
        value,
        year,
        source: outside(),
    }
}

/// Report `r{n}` of `organization` for `year`, stating `figure`, with no text.
pub(crate) fn report(n: usize, organization: OrgId, year: i32, figure: Option<Figure>) -> Report {
    Report {
        slug: format!("r{n}"),
        source: format!("content/reports/r{n}.md").into(),
        title: format!("Report {n}"),
        organization,
        year,
        published: PartialDate {
            year: year + 1,
            month: None,
            day: None,
        },
        kind: ReportKind::AnnualProgress,
        submitted_to: None,
        source_url: None,
        summary: None,
        language: crate::i18n::Language::parse("en").expect("a language tag"),
        translations: Vec::new(),
        action_lines: Vec::new(),
        figures: figure.into_iter().collect(),
        candidates: 0,
        body: Body::default(),
    }
}

fn line(code: &str) -> ActionLine {
    ActionLine {
        code: code.into(),
        slug: code.to_lowercase(),
        title: format!("Action line {code}").into(),
        short: code.into(),
        facilitators: Vec::new(),
        description: None,
        sdgs: Vec::new(),
        source: None,
    }
}

fn org(id: &str) -> Organization {
    Organization {
        id: id.into(),
        name: id.into(),
        short_name: None,
        kind: OrgKind::UnSystem,
        website: None,
        description: None,
    }
}

fn sdg_target(code: &str) -> SdgTarget {
    SdgTarget {
        code: code.into(),
        anchor: format!("target-{}", code.replace('.', "-")),
        text: format!("Target {code}"),
        source: outside(),
    }
}

fn outside() -> Sourced {
    Sourced {
        citation: Citation::External {
            name: "Test source".into(),
            url: None,
            locator: None,
        },
        quote: None,
    }
}
