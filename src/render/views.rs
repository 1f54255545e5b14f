//! What templates see: small, borrowed views of the model, built per page.
//!
//! A page's context holds only what that page shows, never the whole site, so that
//! rendering stays proportional to the page (Zola's site-wide contexts are what made
//! its large builds slow). The fields here are the template API documented in the
//! README: rename one and themes break.

use fluent_bundle::FluentValue as V;
use serde::Serialize;

use super::labels::args;
use crate::chart::{self, Point, Track};
use crate::link::Links;
use crate::model::Observation;
use crate::model::{LineId, MetricId, OrgId, ReportId, Site, Source, Unit};
use crate::series::{self, Change, Delta, Direction, Sentiment, Series, Standing};
use crate::urls::Page;

/// A titled link.
#[derive(Debug, Serialize)]
pub(crate) struct LinkView<'a> {
    pub(crate) title: &'a str,
    /// The language of the title when it is not the page's (a report in another
    /// language, an untranslated name): its `lang` attribute.
    pub(crate) title_lang: Option<&'a str>,
    pub(crate) url: String,
}

/// An action line in lists: code, titles, link.
#[derive(Debug, Serialize)]
pub(crate) struct LineView<'a> {
    pub(crate) code: &'a str,
    pub(crate) title: &'a str,
    /// The language of `title` when it is not the page's (not yet translated).
    pub(crate) title_lang: Option<&'a str>,
    pub(crate) short: &'a str,
    /// The language of `short` when it is not the page's.
    pub(crate) short_lang: Option<&'a str>,
    pub(crate) url: String,
}

/// An organization in lists.
#[derive(Debug, Serialize)]
pub(crate) struct OrgView<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
    /// The language of `name` when it is not the page's (not yet translated).
    pub(crate) name_lang: Option<&'a str>,
    pub(crate) short_name: &'a str,
    pub(crate) kind: String,
    pub(crate) url: String,
}

/// A report in lists.
#[derive(Debug, Serialize)]
pub(crate) struct ReportView<'a> {
    pub(crate) slug: &'a str,
    pub(crate) title: &'a str,
    /// The report's language (`fr`).
    pub(crate) language: &'a str,
    /// The report's language when it is not the page's: the `lang` of its title,
    /// summary and text.
    pub(crate) lang: Option<&'a str>,
    pub(crate) url: String,
    pub(crate) year: i32,
    pub(crate) published: String,
    pub(crate) published_iso: String,
    pub(crate) kind: String,
    pub(crate) organization: OrgView<'a>,
    pub(crate) summary: &'a str,
}

/// A metric in lists, with its latest value.
#[derive(Debug, Serialize)]
pub(crate) struct MetricView<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    /// The language of `title` when it is not the page's (not yet translated).
    pub(crate) title_lang: Option<&'a str>,
    pub(crate) url: String,
    pub(crate) unit: &'a str,
    pub(crate) organization: OrgView<'a>,
    pub(crate) observations: usize,
    pub(crate) latest: Option<ObservationView<'a>>,
    /// An inline SVG trend (safe HTML) when the metric has values in two years.
    pub(crate) sparkline: Option<String>,
    /// The metric's figures as CSV (`data/metrics/<id>.csv`).
    pub(crate) csv_url: String,
    /// The metric with its series as JSON (`data/metrics/<id>.json`).
    pub(crate) json_url: String,
}

/// A change from the previous year's value, formatted.
#[derive(Debug, Serialize)]
pub(crate) struct ChangeView {
    /// `point` (two single values), `between` (a bound or range on either side, with
    /// the direction known), `not-comparable` or `other-source`.
    pub(crate) kind: &'static str,
    /// The change as a badge: `+52`, `−$900`, `+12 or more`, `+2 to +5`, `not comparable`.
    pub(crate) absolute: String,
    /// `+14.6%`, for a change between single values from a value other than zero.
    pub(crate) relative: Option<String>,
    /// The year compared with.
    pub(crate) from_year: i32,
    /// The value compared with, formatted with its bound and status.
    pub(crate) from_display: String,
    /// Either side is approximate or an estimate.
    pub(crate) approximate: bool,
    /// `up`, `down`, `flat` or `unknown`.
    pub(crate) direction: &'static str,
    /// `good`, `bad` or `neutral`, from the metric's `higher_is_better`.
    pub(crate) sentiment: &'static str,
    /// What follows the badge: "since 2024", or why the change is not comparable.
    pub(crate) note: String,
    /// A sentence for readers: "+52 (+14.6%) since 2024".
    pub(crate) text: String,
}

/// Where a cited figure comes from.
#[derive(Debug, Serialize)]
pub(crate) struct SourceView<'a> {
    pub(crate) name: &'a str,
    pub(crate) url: Option<&'a str>,
}

/// One stated value of a metric, with the link to its sentence.
#[derive(Debug, Serialize)]
pub(crate) struct ObservationView<'a> {
    /// The figure's stable id: `<report slug>/<anchor>`.
    pub(crate) id: String,
    /// The id as an HTML id, for the figure's row on a page listing it: `/` becomes
    /// `--` (a slug never ends with `-`, so the join stays visible; were two ids ever to
    /// clash, the build's link check refuses the page's repeated id).
    pub(crate) html_id: String,
    pub(crate) metric: LinkView<'a>,
    /// The value, or the middle of a range (for sorting and scales).
    pub(crate) value: f64,
    /// A range's or a bound's ends as stated: `low` for "at least", `high` for "up
    /// to", both for a range or a single value.
    pub(crate) low: Option<f64>,
    pub(crate) high: Option<f64>,
    /// The value as readers see it: "at least 20 (projected)".
    pub(crate) display: String,
    /// `exact`, `approximately`, `at-least`, `at-most` or `range`.
    pub(crate) bound: &'static str,
    /// `actual`, `estimate`, `projected` or `target`.
    pub(crate) status: &'static str,
    /// The source the report cites the figure from, if it is not its own.
    pub(crate) source: Option<SourceView<'a>>,
    /// Whether it is the metric's organization's own figure (stated in its own report,
    /// not cited from someone else).
    pub(crate) first_party: bool,
    pub(crate) year: i32,
    pub(crate) year_url: String,
    pub(crate) as_of: Option<String>,
    pub(crate) quote: &'a str,
    pub(crate) report: LinkView<'a>,
    /// The organization whose report states it.
    pub(crate) organization: LinkView<'a>,
    /// The report page's anchor on the sentence: `/reports/<slug>/#fig-...`.
    pub(crate) source_url: String,
    /// The change from the previous year's value of the metric.
    pub(crate) change: Option<ChangeView>,
    /// `yearly` (the value its year stands at), `outlook` (the projection or target its
    /// year stands at), `beside` (another figure for its year) or `restatement`.
    pub(crate) standing: &'static str,
    /// Whether this observation is the value its year stands at, on either track.
    pub(crate) year_value: bool,
    /// The figure this one repeats, if it is a restatement: its sentence.
    pub(crate) restates: Option<LinkView<'a>>,
    /// The later figures that repeat this one.
    pub(crate) restated_by: Vec<LinkView<'a>>,
    /// How to cite this one number, as plain text: on its report's page only, where
    /// each figure is cited once; other pages link to that sentence
    /// ([`Views::observation_cited`]).
    pub(crate) citation: Option<String>,
}

/// Builds views with the site's base path.
#[derive(Clone, Copy)]
pub(crate) struct Views<'a> {
    pub(crate) site: &'a Site,
    pub(crate) links: &'a Links,
    /// The base path of the page's language, which links to pages start with
    /// (`/wsis/fr/`).
    pub(crate) base: &'a str,
    /// The base path of the files every language shares: data files (`/wsis/`).
    pub(crate) root_base: &'a str,
    /// The interface text, for labels built here rather than in templates.
    pub(crate) i18n: &'a crate::i18n::Catalog,
    /// The page's language, as an index into the site's languages (0: the default).
    pub(crate) lang: usize,
}

impl<'a> Views<'a> {
    /// The interface string `key` in the page's language (see [`crate::i18n`]).
    pub(crate) fn t(&self, key: &str) -> String {
        self.t_with(key, None)
    }

    /// The interface string `key` with Fluent variables `args` filled in.
    pub(crate) fn t_with(&self, key: &str, args: Option<&fluent_bundle::FluentArgs<'_>>) -> String {
        self.i18n.text(self.lang, key, args)
    }

    /// The words and numbers of the page's language, for the charts drawn on it.
    pub(crate) fn chart_words(&self) -> chart::Words<'a> {
        chart::Words::new(self.i18n, self.lang)
    }

    pub(crate) fn url(&self, page: Page<'_>) -> String {
        page.url(self.base)
    }

    /// HTML written from Markdown, its links to pages in the page's language.
    pub(crate) fn localized<'h>(&self, html: &'h str) -> std::borrow::Cow<'h, str> {
        super::languages::localize(html, self.root_base, self.base)
    }

    pub(crate) fn line(&self, id: LineId) -> LineView<'a> {
        let l = self.site.line(id);
        let (title, title_lang) = self.text(&l.title);
        let (short, short_lang) = self.text(&l.short);
        LineView {
            code: &l.code,
            title,
            title_lang,
            short,
            short_lang,
            url: self.url(Page::ActionLine(&l.slug)),
        }
    }

    pub(crate) fn lines(&self, ids: &[LineId]) -> Vec<LineView<'a>> {
        ids.iter().map(|&l| self.line(l)).collect()
    }

    pub(crate) fn org(&self, id: OrgId) -> OrgView<'a> {
        let o = self.site.org(id);
        let (name, name_lang) = self.text(&o.name);
        OrgView {
            id: &o.id,
            name,
            name_lang,
            short_name: o.display_short(),
            kind: self.org_kind_label(o.kind),
            url: self.url(Page::Organization(&o.id)),
        }
    }

    pub(crate) fn org_link(&self, id: OrgId) -> LinkView<'a> {
        let o = self.site.org(id);
        let (title, title_lang) = self.text(&o.name);
        LinkView {
            title,
            title_lang,
            url: self.url(Page::Organization(&o.id)),
        }
    }

    pub(crate) fn report(&self, id: ReportId) -> ReportView<'a> {
        let r = self.site.report(id);
        ReportView {
            slug: &r.slug,
            title: &r.title,
            language: r.language.tag(),
            lang: self.report_lang(r),
            url: self.url(Page::Report(&r.slug)),
            year: r.year,
            published: self.date(r.published),
            published_iso: r.published.to_string(),
            kind: self.report_kind_label(r.kind),
            organization: self.org(r.organization),
            summary: r.summary.as_deref().unwrap_or(&r.body.lead),
        }
    }

    pub(crate) fn report_link(&self, id: ReportId) -> LinkView<'a> {
        let r = self.site.report(id);
        LinkView {
            title: &r.title,
            title_lang: self.report_lang(r),
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
        let display = self.fmt().figure(f.amount, &m.unit, f.status);
        let change = series
            .change(o)
            .map(|c| self.change_from(c, o, &m.unit, display.clone()));
        let (low, high) = f.amount.interval();
        let sentence = |o: Observation| {
            let r = self.site.report(o.report);
            LinkView {
                title: &r.title,
                title_lang: self.report_lang(r),
                url: format!(
                    "{}#{}",
                    self.url(Page::Report(&r.slug)),
                    r.figures[o.figure].anchor
                ),
            }
        };
        let restates = series.original_of(o);
        let standing = series.standing(o).name();
        let id = r.figure_id(o.figure);
        ObservationView {
            html_id: id.replace('/', "--"),
            id,
            metric: {
                let (title, title_lang) = self.text(&m.title);
                LinkView {
                    title,
                    title_lang,
                    url: self.url(Page::Metric(&m.id)),
                }
            },
            value: f.amount.middle(),
            low,
            high,
            display,
            bound: f.amount.bound().name(),
            status: f.status.name(),
            source: match &f.source {
                Source::Own => None,
                Source::Cited { name, url } => Some(SourceView {
                    name,
                    url: url.as_deref(),
                }),
            },
            first_party: series::first_party(self.site, o),
            year: f.year,
            year_url: self.url(Page::Year(f.year)),
            as_of: f.as_of.map(|d| self.date(d)),
            quote: &f.quote,
            source_url: format!("{report_url}#{}", f.anchor),
            report: LinkView {
                title: &r.title,
                title_lang: self.report_lang(r),
                url: report_url,
            },
            organization: self.org_link(r.organization),
            change,
            standing,
            year_value: series.is_yearly(o),
            restates: restates.map(sentence),
            restated_by: series.restated_by(o).map(sentence).collect(),
            citation: None,
        }
    }

    /// [`Views::observation`] with the figure's citation, for its report's page.
    pub(crate) fn observation_cited(&self, o: Observation) -> ObservationView<'a> {
        let view = self.observation(o);
        let citation = crate::cite::Citation::figure(self.site, o, &view.display).plain();
        ObservationView {
            citation: Some(citation),
            ..view
        }
    }

    /// Formats the change `c` of observation `o`, a figure of a metric in `unit`.
    pub(crate) fn change(&self, c: Change, o: Observation, unit: &Unit) -> ChangeView {
        let this = self.site.figure(o);
        self.change_from(
            c,
            o,
            unit,
            self.fmt().figure(this.amount, unit, this.status),
        )
    }

    /// [`Views::change`] to the figure shown as `this_display`: an observation's view
    /// has formatted it already, and formatting figures was a tenth of building the
    /// views of a page's figures.
    fn change_from(
        &self,
        c: Change,
        o: Observation,
        unit: &Unit,
        this_display: String,
    ) -> ChangeView {
        let figure = |o: Observation| self.site.figure(o);
        let (from, this) = (figure(c.from), figure(o));
        let from_display = self.fmt().figure(from.amount, unit, from.status);
        let vars = args([
            ("year", V::from(c.from_year)),
            ("from", V::from(from_display.clone())),
            ("this", V::from(this_display)),
        ]);
        let (kind, absolute, relative, approximate, note) = match c.delta {
            Delta::Point {
                absolute,
                relative,
                approximate,
            } => {
                let note = if approximate {
                    self.t_with("change-since-indicative", Some(&vars))
                } else {
                    self.t_with("change-since", Some(&vars))
                };
                (
                    "point",
                    self.fmt().signed(absolute, unit),
                    relative.map(|r| self.fmt().percent_change(r)),
                    approximate,
                    note,
                )
            }
            Delta::Between {
                low,
                high,
                approximate,
            } => {
                let or_more = |x| {
                    self.t_with(
                        "change-or-more",
                        Some(&args([("value", V::from(self.fmt().signed(x, unit)))])),
                    )
                };
                let badge = match (low, high) {
                    (Some(l), Some(h)) => self.t_with(
                        "change-range",
                        Some(&args([
                            ("low", V::from(self.fmt().signed(l, unit))),
                            ("high", V::from(self.fmt().signed(h, unit))),
                        ])),
                    ),
                    (Some(x), None) | (None, Some(x)) => or_more(x),
                    (None, None) => self.t("change-not-comparable"),
                };
                let note = if approximate {
                    self.t_with("change-since-from-indicative", Some(&vars))
                } else {
                    self.t_with("change-since-from", Some(&vars))
                };
                ("between", badge, None, approximate, note)
            }
            Delta::OtherSource => {
                let whose = |f: &crate::model::Figure, o: Observation| match &f.source {
                    Source::Cited { name, .. } => name.clone(),
                    Source::Own => self
                        .site
                        .org(self.site.report(o.report).organization)
                        .display_short()
                        .to_string(),
                };
                let mut vars = vars;
                vars.set("this_source", whose(this, o));
                vars.set("from_source", whose(from, c.from));
                (
                    "other-source",
                    self.t("change-not-comparable"),
                    None,
                    false,
                    self.t_with("change-other-source", Some(&vars)),
                )
            }
            Delta::NotComparable => (
                "not-comparable",
                self.t("change-not-comparable"),
                None,
                false,
                self.t_with("change-not-comparable-note", Some(&vars)),
            ),
        };
        let text = match &relative {
            Some(rel) => format!("{absolute} ({rel}) {note}"),
            None => format!("{absolute} {note}"),
        };
        ChangeView {
            kind,
            absolute,
            relative,
            from_year: c.from_year,
            from_display,
            approximate,
            direction: match c.direction {
                Direction::Up => "up",
                Direction::Down => "down",
                Direction::Flat => "flat",
                Direction::Unknown => "unknown",
            },
            sentiment: match c.sentiment {
                Sentiment::Good => "good",
                Sentiment::Bad => "bad",
                Sentiment::Neutral => "neutral",
            },
            note,
            text,
        }
    }

    /// A series as chart points: the yearly track (what happened), the outlook track
    /// (projections and targets), then the figures standing beside the track that are
    /// third-party (another organization's report, or a source a report cites), each
    /// labelled with who states it: the cited source's name, else the reporting
    /// organization's short name. The metric's own organization's other figures for a
    /// year (less certain or older ones) are not drawn: the chart shows what it says,
    /// and the table lists them all. A third-party figure equal to one already beside
    /// its year is drawn once, and at most three a year, so that thousands of
    /// figures for one year keep the chart readable and its size bounded.
    pub(crate) fn points(&self, series: &Series) -> Vec<Point> {
        /// The most third-party figures drawn beside one year.
        const MAX_BESIDE: usize = 3;
        let figure = |o: Observation| self.site.figure(o);
        // Who states a figure that is not the metric's organization's own.
        let stated_by = |o: Observation| -> Option<&str> {
            if series::first_party(self.site, o) {
                return None;
            }
            Some(match &figure(o).source {
                Source::Cited { name, .. } => name.as_str(),
                Source::Own => self
                    .site
                    .org(self.site.report(o.report).organization)
                    .display_short(),
            })
        };
        // A track made of others' figures (no own figure stands on it) is labelled
        // with who states each, as the table is.
        let on_track = |track: Track| {
            move |&(year, o): &(i32, Observation)| {
                let f = figure(o);
                Point {
                    year,
                    amount: f.amount,
                    status: f.status,
                    track,
                    stated_by: stated_by(o).map(str::to_string),
                }
            }
        };
        let mut points: Vec<Point> = series
            .yearly
            .iter()
            .map(on_track(Track::Actual))
            .chain(series.outlook.iter().map(on_track(Track::Outlook)))
            .collect();
        let tracks = points.len();
        for (&o, &standing) in series.observations.iter().zip(&series.standings) {
            let Some(by) = stated_by(o).filter(|_| standing == Standing::Beside) else {
                continue;
            };
            let f = figure(o);
            let p = Point::new(f.year, f.amount, f.status).beside(by);
            // Observations come in year order: the year's beside points are the last.
            let same_year: Vec<&Point> = points[tracks..]
                .iter()
                .rev()
                .take_while(|q| q.year == p.year)
                .collect();
            if same_year.len() < MAX_BESIDE && !same_year.contains(&&p) {
                points.push(p);
            }
        }
        points
    }

    pub(crate) fn metric(&self, id: MetricId) -> MetricView<'a> {
        let m = self.site.metric(id);
        let series = &self.links.series[id.index()];
        let (title, title_lang) = self.text(&m.title);
        MetricView {
            id: &m.id,
            title,
            title_lang,
            url: self.url(Page::Metric(&m.id)),
            unit: m.unit.name(),
            organization: self.org(m.organization),
            observations: series.observations.len(),
            latest: series.latest().map(|o| self.observation(o)),
            sparkline: (series.yearly.len() >= 2).then(|| {
                chart::sparkline(title, &self.points(series), &m.unit, &self.chart_words())
            }),
            csv_url: format!("{}{}", self.root_base, crate::data::metric_csv(&m.id)),
            json_url: format!("{}{}", self.root_base, crate::data::metric_json_path(&m.id)),
        }
    }

    pub(crate) fn metrics(&self, ids: &[MetricId]) -> Vec<MetricView<'a>> {
        ids.iter().map(|&m| self.metric(m)).collect()
    }
}
