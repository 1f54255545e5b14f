//! The frame's framework and document pages: `/frameworks/` (the crosswalk as a table
//! and as a matrix), `/frameworks/sdg/<n>/`, `/frameworks/gdc/<n>/`, `/documents/` and
//! `/documents/<id>/`, and the links block of action line pages. A site without a
//! frame has none of these pages.

use std::collections::{BTreeMap, BTreeSet};

use super::page_context::Context;
use fluent_bundle::FluentValue as V;
use serde::Serialize;

use super::Job;
use super::frame_views::{CitationView, LinkRowView, NodeView, link_anchor};
use super::labels::args;
use super::paragraphs::{self, Mark};
use super::views::Views;
use crate::model::frame::{Citation, DocId, Frame, GdcId, Node, SdgId, Sourced, TargetId};
use crate::model::{LineId, MetricId, ReportId};
use crate::urls::{Page, paragraph_anchor};

/// Reports listed on a goal's or objective's page, the latest first: the linked
/// action lines' pages list them all.
const FRAMEWORK_REPORTS: usize = 20;

/// A page's template, title and description.
pub(super) struct FramePage {
    pub(super) template: &'static str,
    pub(super) title: String,
    pub(super) description: String,
}

/// The frame's pages of `frame`: none for a site without one.
pub(super) fn jobs(frame: &Frame) -> Vec<Job> {
    let mut jobs = Vec::new();
    if has_frameworks_page(frame) {
        jobs.push(Job::Frameworks);
    }
    jobs.extend((0..frame.sdgs.len()).map(|i| Job::Sdg(SdgId(i as u32))));
    jobs.extend((0..frame.gdc.len()).map(|i| Job::Gdc(GdcId(i as u32))));
    if !frame.documents.is_empty() {
        jobs.push(Job::Documents);
    }
    jobs.extend((0..frame.documents.len()).map(|i| Job::Document(DocId(i as u32))));
    jobs
}

/// A goal or objective in lists.
#[derive(Debug, Serialize)]
struct FrameworkView<'a> {
    /// `SDG 4`, `GDC 1`.
    label: String,
    number: u8,
    title: &'a str,
    short: &'a str,
    url: String,
    source: CitationView<'a>,
}

/// An SDG target on its goal's page.
#[derive(Debug, Serialize)]
struct SdgTargetView<'a> {
    code: &'a str,
    anchor: &'a str,
    text: &'a str,
    source: CitationView<'a>,
}

/// A document in lists and on its page.
#[derive(Debug, Serialize)]
struct DocumentView<'a> {
    id: &'a str,
    symbol: &'a str,
    title: &'a str,
    kind: String,
    issued_by: &'a str,
    date: String,
    date_iso: String,
    source_url: Option<&'a str>,
    url: String,
    paragraphs: usize,
    /// "Excerpt: paragraphs 67 and 113" when only some paragraphs are transcribed.
    excerpt: Option<String>,
}

/// What cites a paragraph: a framework entry, a crosswalk link, a target.
#[derive(Debug, Serialize)]
struct CiterView {
    /// `SDG`, `SDG target`, `GDC objective`, `Crosswalk link`, `Target`, `Baseline`.
    kind: String,
    title: String,
    /// The title's language when it is not the page's (a target's untranslated
    /// title): its `lang` attribute.
    title_lang: Option<String>,
    url: String,
}

/// A piece of a document's text, and what follows it: the paragraph's self-link at
/// its start, what cites it at its end.
#[derive(Debug, Serialize)]
struct PieceView<'a> {
    html: &'a str,
    /// The paragraph starting here: its number and anchor.
    start: Option<(u32, String)>,
    /// The paragraph ending here, with what cites it.
    end: Option<Vec<CiterView>>,
}

/// The template, title and description of a frame page, its values put in `ctx`.
pub(super) fn context(v: Views<'_>, job: Job, ctx: &mut Context) -> FramePage {
    let f = &v.site.frame;
    match job {
        Job::Frameworks => {
            ctx.insert(
                "sdgs",
                &(0..f.sdgs.len())
                    .map(|i| sdg(v, SdgId(i as u32)))
                    .collect::<Vec<_>>(),
            );
            ctx.insert(
                "gdc",
                &(0..f.gdc.len())
                    .map(|i| gdc(v, GdcId(i as u32)))
                    .collect::<Vec<_>>(),
            );
            let all: Vec<usize> = (0..f.crosswalk.len()).collect();
            ctx.insert("crosswalk", &v.link_rows(&all));
            ctx.insert("matrix", &super::frame_matrix::matrix(v));
            ctx.insert(
                "documents_url",
                &(!f.documents.is_empty()).then(|| v.url(Page::Documents)),
            );
            ctx.insert(
                "crosswalk_csv",
                &format!("{}{}", v.root_base, crate::data::CROSSWALK_CSV),
            );
            ctx.insert(
                "crosswalk_json",
                &format!("{}{}", v.root_base, crate::data::CROSSWALK_JSON),
            );
            FramePage {
                template: "frameworks.html",
                title: v.t("shared-frameworks"),
                description: v.t("description-frameworks"),
            }
        }
        Job::Sdg(id) => {
            let g = f.sdg(id);
            let targets: Vec<_> = g
                .targets
                .iter()
                .map(|t| SdgTargetView {
                    code: &t.code,
                    anchor: &t.anchor,
                    text: &t.text,
                    source: v.sourced(&t.source),
                })
                .collect();
            ctx.insert("goal", &sdg(v, id));
            ctx.insert("sdg_targets", &targets);
            let fl = &v.links.frame;
            related(
                v,
                ctx,
                &fl.links_by_sdg[id.index()],
                &fl.targets_by_sdg[id.index()],
            );
            FramePage {
                template: "sdg.html",
                title: v.code_titled(&v.sdg_code(&g.number.to_string()), &g.short),
                description: v.t_with(
                    "description-sdg",
                    Some(&args([
                        ("number", V::from(g.number)),
                        ("title", V::from(g.title.as_str())),
                    ])),
                ),
            }
        }
        Job::Gdc(id) => {
            let o = f.objective(id);
            ctx.insert("goal", &gdc(v, id));
            let fl = &v.links.frame;
            related(
                v,
                ctx,
                &fl.links_by_gdc[id.index()],
                &fl.targets_by_gdc[id.index()],
            );
            FramePage {
                template: "gdc.html",
                title: v.t_with(
                    "title-gdc",
                    Some(&args([
                        ("number", V::from(o.number)),
                        ("short", V::from(o.short.as_str())),
                    ])),
                ),
                description: v.t_with(
                    "description-gdc",
                    Some(&args([
                        ("number", V::from(o.number)),
                        ("title", V::from(o.title.as_str())),
                    ])),
                ),
            }
        }
        Job::Documents => {
            let docs: Vec<_> = (0..f.documents.len())
                .map(|i| document(v, DocId(i as u32)))
                .collect();
            ctx.insert("documents", &docs);
            FramePage {
                template: "documents.html",
                title: v.t("shared-documents"),
                description: v.t("description-documents"),
            }
        }
        Job::Document(id) => {
            let d = f.document(id);
            let mut citers = citers_of(v, id);
            let html = d.body.html.unpack();
            let body = v.localized(&html);
            let pieces: Vec<_> = paragraphs::pieces(&body)
                .into_iter()
                .map(|(html, mark)| PieceView {
                    html,
                    start: match mark {
                        Some(Mark::Start(n)) => Some((n, paragraph_anchor(n))),
                        _ => None,
                    },
                    end: match mark {
                        Some(Mark::End(n)) => Some(citers.remove(&n).unwrap_or_default()),
                        _ => None,
                    },
                })
                .collect();
            // What is left cites paragraphs the site has not transcribed.
            let untranscribed: Vec<_> = citers
                .into_iter()
                .map(|(n, c)| serde_json::json!({"number": n, "citers": c}))
                .collect();
            ctx.insert("document", &document(v, id));
            ctx.insert("pieces", &pieces);
            ctx.insert("untranscribed", &untranscribed);
            FramePage {
                template: "document.html",
                title: v.code_titled(&d.symbol, &d.title),
                description: v.t_with(
                    "description-document",
                    Some(&args([
                        ("title", V::from(d.title.as_str())),
                        ("issuer", V::from(d.issued_by.as_str())),
                        ("date", V::from(v.date(d.date))),
                    ])),
                ),
            }
        }
        _ => unreachable!("not a frame page: {job:?}"),
    }
}

fn sdg(v: Views<'_>, id: SdgId) -> FrameworkView<'_> {
    let g = v.site.frame.sdg(id);
    FrameworkView {
        label: v.sdg_code(&g.number.to_string()),
        number: g.number,
        title: &g.title,
        short: &g.short,
        url: v.url(Page::Sdg(g.number)),
        source: v.sourced(&g.source),
    }
}

fn gdc(v: Views<'_>, id: GdcId) -> FrameworkView<'_> {
    let o = v.site.frame.objective(id);
    FrameworkView {
        label: v.gdc_code(&o.number.to_string()),
        number: o.number,
        title: &o.title,
        short: &o.short,
        url: v.url(Page::Gdc(o.number)),
        source: v.sourced(&o.source),
    }
}

/// What a goal's or objective's page lists beside it: the crosswalk links that touch
/// it (`links`, from the frame's indexes), the targets that serve it, and the metrics
/// and latest reports of the action lines linked to it.
fn related(v: Views<'_>, ctx: &mut Context, links: &[usize], targets: &[TargetId]) {
    let crosswalk = &v.site.frame.crosswalk;
    let lines: BTreeSet<LineId> = links
        .iter()
        .map(|&i| &crosswalk[i])
        .flat_map(|l| [l.from, l.to])
        .filter_map(|n| match n {
            Node::Line(id) => Some(id),
            _ => None,
        })
        .collect();
    let metrics: BTreeSet<MetricId> = lines
        .iter()
        .flat_map(|l| v.links.metrics_by_line[l.index()].iter().copied())
        .collect();
    let mut reports: Vec<ReportId> = lines
        .iter()
        .flat_map(|l| v.links.reports_by_line[l.index()].iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    reports.sort_by_key(|&r| {
        let r = v.site.report(r);
        std::cmp::Reverse((r.published, r.year))
    });
    reports.truncate(FRAMEWORK_REPORTS);
    let lines: Vec<LineId> = lines.into_iter().collect();
    ctx.insert("links", &v.link_rows(links));
    ctx.insert("action_lines", &v.lines(&lines));
    ctx.insert("targets", &super::targets::rows(&v, targets));
    ctx.insert(
        "metrics",
        &v.metrics(&metrics.into_iter().collect::<Vec<_>>()),
    );
    ctx.insert("reports", &v.reports(&reports));
}

fn document(v: Views<'_>, id: DocId) -> DocumentView<'_> {
    let d = v.site.frame.document(id);
    let numbers: Vec<u32> = d.paragraphs.iter().map(|p| p.number).collect();
    DocumentView {
        id: &d.id,
        symbol: &d.symbol,
        title: &d.title,
        kind: v.document_kind_label(d.kind),
        issued_by: &d.issued_by,
        date: v.date(d.date),
        date_iso: d.date.to_string(),
        source_url: d.source_url.as_deref(),
        url: v.url(Page::Document(&d.id)),
        paragraphs: numbers.len(),
        excerpt: paragraphs::is_excerpt(&numbers).then(|| {
            v.t_with(
                "document-excerpt",
                Some(&args([
                    ("count", V::from(numbers.len())),
                    (
                        "list",
                        V::from(v.list(&paragraphs::paragraph_items(&numbers))),
                    ),
                ])),
            )
        }),
    }
}

/// Per paragraph of `doc`: the framework entries, crosswalk links and targets whose
/// source it is.
fn citers_of(v: Views<'_>, doc: DocId) -> BTreeMap<u32, Vec<CiterView>> {
    let f = &v.site.frame;
    let mut out: BTreeMap<u32, Vec<CiterView>> = BTreeMap::new();
    let mut add =
        |s: &Sourced, kind: String, (title, title_lang): (String, Option<&str>), url: String| {
            if let Citation::Paragraph {
                document,
                paragraph,
                ..
            } = &s.citation
                && *document == doc
            {
                out.entry(*paragraph).or_default().push(CiterView {
                    kind,
                    title,
                    title_lang: title_lang.map(str::to_string),
                    url,
                });
            }
        };
    for (i, g) in f.sdgs.iter().enumerate() {
        let node = v.node(Node::Sdg(SdgId(i as u32)));
        add(
            &g.source,
            v.t("citer-sdg"),
            (v.code_titled(&node.label, &g.short), None),
            node.url,
        );
        for (t, target) in g.targets.iter().enumerate() {
            let node = v.node(Node::SdgTarget(SdgId(i as u32), t));
            add(
                &target.source,
                v.t("citer-sdg-target"),
                (node.label, None),
                node.url,
            );
        }
    }
    for (i, o) in f.gdc.iter().enumerate() {
        let node = v.node(Node::Gdc(GdcId(i as u32)));
        add(
            &o.source,
            v.t("citer-gdc-objective"),
            (v.code_titled(&node.label, &o.short), None),
            node.url,
        );
    }
    for (i, link) in f.crosswalk.iter().enumerate() {
        let row: LinkRowView<'_> = v.link_row(i);
        add(
            &link.source,
            v.t("citer-crosswalk-link"),
            (
                v.t_with(
                    "crosswalk-which",
                    Some(&args([
                        ("from", V::from(row.from.label.as_str())),
                        ("to", V::from(row.to.label.as_str())),
                    ])),
                ),
                None,
            ),
            row.url,
        );
    }
    for t in &f.targets {
        let url = v.url(Page::Target(&t.id));
        let (title, title_lang) = v.text(&t.title);
        if let Some(b) = &t.baseline {
            // Inside a sentence of the page's language, the title is not marked.
            add(
                &b.source,
                v.t("citer-baseline"),
                (
                    v.t_with(
                        "citer-baseline-of",
                        Some(&args([("target", V::from(title))])),
                    ),
                    None,
                ),
                url.clone(),
            );
        }
        add(
            &t.source,
            v.t("citer-target"),
            (title.to_string(), title_lang),
            url,
        );
    }
    out
}

/// Whether the site has a `/frameworks/` page: it has goals, objectives or links.
fn has_frameworks_page(frame: &Frame) -> bool {
    !frame.sdgs.is_empty() || !frame.gdc.is_empty() || !frame.crosswalk.is_empty()
}

/// A crosswalk link seen from one of its ends.
#[derive(Debug, Serialize)]
struct LinkedView<'a> {
    /// The other end.
    to: NodeView<'a>,
    source: CitationView<'a>,
    /// The link's row of the crosswalk table.
    url: String,
}

/// The crosswalk links of action line `id`, for its page: to SDGs and to GDC
/// objectives, each with its source.
pub(super) fn line_links(v: Views<'_>, id: LineId) -> serde_json::Value {
    let here = Node::Line(id);
    let mut sdgs = Vec::new();
    let mut gdc = Vec::new();
    for &i in &v.links.frame.links_by_line[id.index()] {
        let link = &v.site.frame.crosswalk[i];
        let other = match (link.from, link.to) {
            (a, b) if a == here => b,
            (a, b) if b == here => a,
            _ => continue,
        };
        let view = LinkedView {
            to: v.node(other),
            source: v.sourced(&link.source),
            url: format!("{}#{}", v.url(Page::Frameworks), link_anchor(i)),
        };
        match other {
            Node::Gdc(_) => gdc.push(view),
            _ => sdgs.push(view),
        }
    }
    serde_json::json!({
        "sdgs": sdgs,
        "gdc": gdc,
        "frameworks_url": has_frameworks_page(&v.site.frame).then(|| v.url(Page::Frameworks)),
    })
}
