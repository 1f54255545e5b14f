//! The targets of the WSIS+20 frame as pages show them: `/targets/` (every target by
//! framework, with a status summary and the method), `/targets/<id>/`, and the target
//! lists of the home, action line and metric pages.

use super::page_context::Context;
use fluent_bundle::FluentValue as V;
use serde::Serialize;

use super::frame_views::{CitationView, NodeView};
use super::labels::args;
use super::views::{MetricView, ObservationView, ReportView, Views};
use crate::chart::{self, Overlay};
use crate::format;
use crate::frame::Assessment;
use crate::model::frame::{Goal, Node, Standing, Target, TargetId};
use crate::model::{LineId, ReportId};
use crate::urls::Page;

/// The targets nearest their deadline shown on the home page.
const NEAREST_DEADLINES: usize = 5;
/// The report sections shown on a target page: the latest, as the rest are on the
/// action line pages.
const MAX_TARGET_SECTIONS: usize = 10;

/// A status as templates show it: words for readers and a name for the CSS class
/// (`standing-on-track`), so that colour is never all that tells them apart.
#[derive(Debug, Serialize)]
pub(super) struct StandingView {
    name: &'static str,
    label: String,
}

impl StandingView {
    fn new(v: &Views<'_>, s: Standing) -> Self {
        StandingView {
            name: s.name(),
            label: v.standing_label(s),
        }
    }
}

/// The indicator's latest evidence, linked to the sentence that states it.
#[derive(Debug, Serialize)]
pub(super) struct LatestView {
    display: String,
    year: i32,
    url: String,
}

/// A target in lists: title, status, deadline and latest evidence.
#[derive(Debug, Serialize)]
pub(super) struct TargetRow<'a> {
    id: &'a str,
    /// In the page's language where translated.
    title: &'a str,
    /// The title's language when it is not the page's: its `lang` attribute.
    title_lang: Option<&'a str>,
    url: String,
    standing: StandingView,
    deadline: i32,
    /// What it aims at: the value in the indicator's unit ("100%"), or the end
    /// state in words.
    goal: String,
    latest: Option<LatestView>,
}

/// How many targets have one standing.
#[derive(Debug, Serialize)]
pub(super) struct StandingCount {
    standing: StandingView,
    count: usize,
}

/// The targets' status overview of the home page and of `/targets/`.
#[derive(Debug, Serialize)]
pub(super) struct Overview<'a> {
    total: usize,
    counts: Vec<StandingCount>,
    /// The targets due soonest whose deadline has not passed.
    nearest: Vec<TargetRow<'a>>,
    /// The year deadlines are judged against (the latest year a report covers).
    as_of: i32,
    url: String,
}

/// The targets serving one goal, objective or action line.
#[derive(Debug, Serialize)]
pub(super) struct Group<'a> {
    anchor: String,
    heading: String,
    /// The page of the goal, objective or line, where the site has one.
    url: Option<String>,
    targets: Vec<TargetRow<'a>>,
}

/// The groups of one framework on `/targets/`.
#[derive(Debug, Serialize)]
pub(super) struct Framework<'a> {
    anchor: &'static str,
    heading: String,
    groups: Vec<Group<'a>>,
}

/// A report section on a target page: what was reported on its action lines.
#[derive(Debug, Serialize)]
pub(super) struct SectionEntry<'a> {
    #[serde(flatten)]
    section: super::sections::SectionExcerpt<'a>,
    report: ReportView<'a>,
}

/// The target's baseline.
#[derive(Debug, Serialize)]
pub(super) struct BaselineView<'a> {
    display: String,
    year: i32,
    source: CitationView<'a>,
}

/// Where `id` stands, and why.
fn assessment<'a>(v: &Views<'a>, id: TargetId) -> &'a Assessment {
    v.links.frame.assessment(id)
}

/// What `t` aims at, in words.
fn goal(v: &Views<'_>, t: &Target) -> String {
    match &t.goal {
        Goal::Value(g) => match t.indicator {
            Some(m) => v.fmt().value(*g, &v.site.metric(m).unit),
            None => format::plain(*g),
        },
        Goal::EndState(words) => words.clone(),
    }
}

/// The row of target `id`.
pub(super) fn row<'a>(v: &Views<'a>, id: TargetId) -> TargetRow<'a> {
    let t = v.site.frame.target(id);
    let latest = assessment(v, id).latest.map(|o| {
        let ov = v.observation(o);
        LatestView {
            display: ov.display,
            year: ov.year,
            url: ov.source_url,
        }
    });
    let (title, title_lang) = v.text(&t.title);
    TargetRow {
        id: &t.id,
        title,
        title_lang,
        url: v.url(Page::Target(&t.id)),
        standing: StandingView::new(v, assessment(v, id).standing),
        deadline: t.deadline,
        goal: goal(v, t),
        latest,
    }
}

/// The rows of `ids`.
pub(super) fn rows<'a>(v: &Views<'a>, ids: &[TargetId]) -> Vec<TargetRow<'a>> {
    ids.iter().map(|&id| row(v, id)).collect()
}

/// The targets of action line `line`, for its page.
pub(super) fn of_line<'a>(v: &Views<'a>, line: LineId) -> Vec<TargetRow<'a>> {
    rows(v, &v.links.frame.targets_by_line[line.index()])
}

/// The targets metric `metric` is the indicator of, for its page.
pub(super) fn of_metric<'a>(v: &Views<'a>, metric: crate::model::MetricId) -> Vec<TargetRow<'a>> {
    rows(v, &v.links.frame.targets_by_metric[metric.index()])
}

/// The status overview, or none for a site without targets.
pub(super) fn overview<'a>(v: &Views<'a>) -> Option<Overview<'a>> {
    let frame = &v.site.frame;
    if frame.targets.is_empty() {
        return None;
    }
    let ids: Vec<TargetId> = frame.target_ids().map(|(id, _)| id).collect();
    let as_of = v.links.frame.as_of;
    let mut nearest: Vec<TargetId> = ids
        .iter()
        .copied()
        .filter(|&id| frame.target(id).deadline >= as_of)
        .collect();
    nearest.sort_by_key(|&id| (frame.target(id).deadline, id));
    nearest.truncate(NEAREST_DEADLINES);
    Some(Overview {
        total: ids.len(),
        counts: Standing::ALL
            .iter()
            .map(|&s| StandingCount {
                standing: StandingView::new(v, s),
                count: ids
                    .iter()
                    .filter(|&&id| assessment(v, id).standing == s)
                    .count(),
            })
            .collect(),
        nearest: rows(v, &nearest),
        as_of,
        url: v.url(Page::Targets),
    })
}

/// The groups of `/targets/`: by GDC objective, by SDG, by action line, each with
/// the entries that have targets.
fn frameworks<'a>(v: &Views<'a>) -> Vec<Framework<'a>> {
    let (s, fl) = (v.site, &v.links.frame);
    let group = |anchor: String, heading: String, url: Option<String>, ids: &[TargetId]| {
        (!ids.is_empty()).then(|| Group {
            anchor,
            heading,
            url,
            targets: rows(v, ids),
        })
    };
    let gdc = (0..s.frame.gdc.len())
        .filter_map(|i| {
            let o = &s.frame.gdc[i];
            group(
                format!("gdc-{}", o.number),
                v.t_with(
                    "targets-group-gdc",
                    Some(&args([
                        ("number", V::from(o.number)),
                        ("short", V::from(o.short.as_str())),
                    ])),
                ),
                Some(v.url(Page::Gdc(o.number))),
                &fl.targets_by_gdc[i],
            )
        })
        .collect();
    let sdgs = (0..s.frame.sdgs.len())
        .filter_map(|i| {
            let g = &s.frame.sdgs[i];
            group(
                format!("sdg-{}", g.number),
                v.code_titled(&v.sdg_code(&g.number.to_string()), &g.short),
                Some(v.url(Page::Sdg(g.number))),
                &fl.targets_by_sdg[i],
            )
        })
        .collect();
    let lines = (0..s.action_lines.len())
        .filter_map(|i| {
            let l = v.line(LineId(i as u32));
            group(
                l.code.to_lowercase(),
                v.code_titled(l.code, l.short),
                Some(l.url),
                &fl.targets_by_line[i],
            )
        })
        .collect();
    vec![
        Framework {
            anchor: "by-gdc",
            heading: v.t("targets-by-gdc"),
            groups: gdc,
        },
        Framework {
            anchor: "by-sdg",
            heading: v.t("targets-by-sdg"),
            groups: sdgs,
        },
        Framework {
            anchor: "by-action-line",
            heading: v.t("targets-by-action-line"),
            groups: lines,
        },
    ]
}

/// The context of `/targets/`.
pub(super) fn index(v: &Views<'_>, ctx: &mut Context) {
    let all: Vec<TargetId> = v.site.frame.target_ids().map(|(id, _)| id).collect();
    ctx.insert("overview", &overview(v));
    ctx.insert("targets", &rows(v, &all));
    ctx.insert("frameworks", &frameworks(v));
}

/// The SDG goals and targets and the GDC objectives `t` serves, linked to their pages.
fn serves<'a>(v: &Views<'a>, t: &'a Target) -> Vec<NodeView<'a>> {
    let gdc = t.gdc.iter().map(|&o| Node::Gdc(o));
    t.sdgs
        .iter()
        .copied()
        .chain(gdc)
        .map(|n| v.node(n))
        .collect()
}

/// The latest report sections on `t`'s action lines, at most
/// [`MAX_TARGET_SECTIONS`], the latest report first.
fn sections<'a>(v: &Views<'a>, t: &Target) -> Vec<SectionEntry<'a>> {
    let s = v.site;
    let mut refs: Vec<(ReportId, usize)> = t
        .action_lines
        .iter()
        .flat_map(|l| &v.links.sections_by_line[l.index()])
        .map(|r| (r.report, r.section))
        .collect();
    refs.sort_by_key(|&(r, sec)| {
        let report = s.report(r);
        (std::cmp::Reverse((report.year, report.published, r)), sec)
    });
    // A section naming two of the target's lines is listed once.
    refs.dedup();
    refs.truncate(MAX_TARGET_SECTIONS);
    refs.into_iter()
        .map(|(r, i)| {
            let report = s.report(r);
            let sec = &report.body.sections[i];
            SectionEntry {
                section: super::sections::SectionExcerpt::new(
                    &v.url(Page::Report(&report.slug)),
                    sec,
                ),
                report: v.report(r),
            }
        })
        .collect()
}

/// The context of `/targets/<id>/`.
pub(super) fn page(v: &Views<'_>, id: TargetId, ctx: &mut Context) {
    let t = v.site.frame.target(id);
    let a = assessment(v, id);
    let indicator: Option<MetricView<'_>> = t.indicator.map(|m| v.metric(m));
    let (chart, figures): (Option<String>, Vec<ObservationView<'_>>) = match t.indicator {
        Some(m) => {
            let metric = v.site.metric(m);
            let series = &v.links.series[m.index()];
            let points = v.points(series);
            let overlay = Overlay {
                baseline: t.baseline.as_ref().map(|b| (b.value, b.year)),
                goal: match t.goal {
                    Goal::Value(g) => Some(g),
                    Goal::EndState(_) => None,
                },
                deadline: t.deadline,
            };
            // A deadline and a target line alone say nothing a sentence does not.
            let chart = (!points.is_empty() || overlay.baseline.is_some()).then(|| {
                chart::target_chart(
                    &format!("chart-target-{}", t.id),
                    v.text(&metric.title).0,
                    &points,
                    &metric.unit,
                    &overlay,
                    &v.chart_words(),
                )
            });
            let figures = series
                .observations
                .iter()
                .map(|&o| v.observation(o))
                .collect();
            (chart, figures)
        }
        None => (None, Vec::new()),
    };
    let baseline = t.baseline.as_ref().map(|b| BaselineView {
        display: match t.indicator {
            Some(m) => v.fmt().value(b.value, &v.site.metric(m).unit),
            None => format::plain(b.value),
        },
        year: b.year,
        source: v.sourced(&b.source),
    });
    ctx.insert("target", &row(v, id));
    ctx.insert("end_state", &matches!(t.goal, Goal::EndState(_)));
    ctx.insert("wording", &t.wording);
    ctx.insert("source", &v.sourced(&t.source));
    ctx.insert("reason", &v.reason(&a.reason));
    ctx.insert("method_url", &format!("{}#method", v.url(Page::Targets)));
    ctx.insert("action_lines", &v.lines(&t.action_lines));
    ctx.insert("serves", &serves(v, t));
    ctx.insert("indicator", &indicator);
    ctx.insert("baseline", &baseline);
    ctx.insert("chart", &chart);
    ctx.insert("figures", &figures);
    ctx.insert("sections", &sections(v, t));
    ctx.insert("as_of", &v.links.frame.as_of);
}
