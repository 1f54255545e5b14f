//! The frame's open data: `data/targets.csv` / `.json` (every target with its source,
//! the frameworks it serves, its goal and where it stands) and `data/crosswalk.csv` /
//! `.json` (every sourced link between the frameworks), with their Table Schemas for
//! the data package. A site without a frame has none of these files.

use serde::Serialize;
use serde_json::{Value, json};

use super::package::{constrained, field, foreign_key, year_field};
use crate::format;
use crate::link::Links;
use crate::model::Site;
use crate::model::frame::{Citation, Frame, Goal, Node, Sourced, Standing};
use crate::urls::Page;

/// The crosswalk as CSV, under the output root.
pub(crate) const CROSSWALK_CSV: &str = "data/crosswalk.csv";
/// The crosswalk as JSON, under the output root.
pub(crate) const CROSSWALK_JSON: &str = "data/crosswalk.json";
/// The targets as JSON, under the output root.
pub(crate) const TARGETS_JSON: &str = "data/targets.json";

/// Whether the site has a frame to publish: any document, goal, objective, link or
/// target.
pub(crate) fn has_frame(frame: &Frame) -> bool {
    !(frame.documents.is_empty()
        && frame.sdgs.is_empty()
        && frame.gdc.is_empty()
        && frame.crosswalk.is_empty()
        && frame.targets.is_empty())
}

/// A citation's columns: the document's symbol or the outside source's name, the
/// paragraph (a document's) or the locator (an outside source's), and the absolute
/// address of the paragraph or the source.
struct CitationCells<'a> {
    source: &'a str,
    paragraph: Option<u32>,
    locator: Option<String>,
    url: Option<String>,
}

fn citation<'a>(site: &'a Site, s: &'a Sourced) -> CitationCells<'a> {
    match &s.citation {
        Citation::Paragraph {
            document,
            paragraph,
            item,
        } => {
            let d = site.frame.document(*document);
            let page = format!(
                "{}{}",
                site.config.base_url.root(),
                Page::Document(&d.id).path()
            );
            // The same address as the pages give.
            let url = crate::urls::paragraph_url(page, d, *paragraph);
            CitationCells {
                source: &d.symbol,
                paragraph: Some(*paragraph),
                locator: item.as_ref().map(|i| format!("({i})")),
                url: Some(url),
            }
        }
        Citation::External { name, url, locator } => CitationCells {
            source: name,
            paragraph: None,
            locator: locator.clone(),
            url: url.clone(),
        },
    }
}

/// A crosswalk end as data: its kind and id (`action-line` `C4`, `sdg` `4`,
/// `sdg-target` `4.4`, `gdc` `1`).
fn node(site: &Site, n: Node) -> (&'static str, String) {
    let f = &site.frame;
    match n {
        Node::Line(id) => ("action-line", site.line(id).code.clone()),
        Node::Sdg(id) => ("sdg", f.sdg(id).number.to_string()),
        Node::SdgTarget(id, t) => ("sdg-target", f.sdg(id).targets[t].code.clone()),
        Node::Gdc(id) => ("gdc", f.objective(id).number.to_string()),
    }
}

/// One crosswalk link as a row.
#[derive(Debug, Serialize)]
pub(crate) struct CrosswalkRow<'a> {
    /// `<from kind>:<from id>/<to kind>:<to id>`: a pair is linked once.
    id: String,
    from_kind: &'static str,
    from_id: String,
    to_kind: &'static str,
    to_id: String,
    source: &'a str,
    paragraph: Option<u32>,
    locator: Option<String>,
    quote: Option<&'a str>,
    /// The paragraph or outside source that states the link.
    url: Option<String>,
}

/// Every crosswalk link, in file order.
pub(crate) fn crosswalk_rows(site: &Site) -> Vec<CrosswalkRow<'_>> {
    site.frame
        .crosswalk
        .iter()
        .map(|link| {
            let (from_kind, from_id) = node(site, link.from);
            let (to_kind, to_id) = node(site, link.to);
            let c = citation(site, &link.source);
            CrosswalkRow {
                id: format!("{from_kind}:{from_id}/{to_kind}:{to_id}"),
                from_kind,
                from_id,
                to_kind,
                to_id,
                source: c.source,
                paragraph: c.paragraph,
                locator: c.locator,
                quote: link.source.quote.as_deref(),
                url: c.url,
            }
        })
        .collect()
}

/// One target as a row; `L` is how a list is written: joined by spaces in CSV, an
/// array in JSON.
#[derive(Debug, Serialize)]
pub(crate) struct TargetRow<'a, L> {
    id: &'a str,
    title: &'a str,
    document: &'a str,
    paragraph: Option<u32>,
    locator: Option<String>,
    wording: Option<&'a str>,
    action_lines: L,
    sdgs: L,
    gdc: L,
    indicator: Option<&'a str>,
    baseline_value: Option<String>,
    baseline_year: Option<i32>,
    target_value: Option<String>,
    end_state: Option<&'a str>,
    deadline: i32,
    status: Option<&'static str>,
    reason: Option<String>,
    latest_value: Option<String>,
    latest_year: Option<i32>,
    latest_figure: Option<String>,
    url: String,
}

/// Every target, in file order, with its lists written by `list`.
pub(crate) fn target_rows<'a, L>(
    site: &'a Site,
    links: &'a Links,
    list: impl Fn(Vec<String>) -> L,
) -> Vec<TargetRow<'a, L>> {
    let f = &site.frame;
    // The open data is one for every language: its sentences are in English.
    let english = crate::i18n::Catalog::built_in_english();
    f.target_ids()
        .map(|(id, t)| {
            let c = citation(site, &t.source);
            let assessment = links.frame.assessments.get(id.index());
            let latest = assessment.and_then(|a| a.latest);
            let (target_value, end_state) = match &t.goal {
                Goal::Value(v) => (Some(format::plain(*v)), None),
                Goal::EndState(s) => (None, Some(s.as_str())),
            };
            let sdgs = t.sdgs.iter().map(|&n| node(site, n).1).collect();
            TargetRow {
                id: &t.id,
                title: &t.title,
                document: c.source,
                paragraph: c.paragraph,
                locator: c.locator,
                wording: Some(t.wording.as_str()),
                action_lines: list(
                    t.action_lines
                        .iter()
                        .map(|&l| site.line(l).code.clone())
                        .collect(),
                ),
                sdgs: list(sdgs),
                gdc: list(
                    t.gdc
                        .iter()
                        .map(|&g| f.objective(g).number.to_string())
                        .collect(),
                ),
                indicator: t.indicator.map(|m| site.metric(m).id.as_str()),
                baseline_value: t.baseline.as_ref().map(|b| format::plain(b.value)),
                baseline_year: t.baseline.as_ref().map(|b| b.year),
                target_value,
                end_state,
                deadline: t.deadline,
                status: assessment.map(|a| a.standing.name()),
                reason: assessment
                    .map(|a| crate::render::reasons::english(site, &a.reason, english)),
                latest_value: latest
                    .and_then(|o| site.figure(o).amount.value())
                    .map(format::plain),
                latest_year: latest.map(|o| site.figure(o).year),
                latest_figure: latest.map(|o| site.report(o.report).figure_id(o.figure)),
                url: format!(
                    "{}{}",
                    site.config.base_url.root(),
                    Page::Target(&t.id).path()
                ),
            }
        })
        .collect()
}

/// The kinds of crosswalk ends, for the `from_kind` and `to_kind` enums.
const NODE_KINDS: [&str; 4] = ["action-line", "sdg", "sdg-target", "gdc"];

fn citation_fields(source: &str) -> Vec<Value> {
    vec![
        field(
            "paragraph",
            "integer",
            false,
            &format!(
                "The paragraph of the document in `{source}` that states it; empty for an \
                 outside source."
            ),
        ),
        field(
            "locator",
            "string",
            false,
            "The lettered item of that paragraph (`(b)`), or where in an outside source \
             (`p. 12`).",
        ),
    ]
}

/// The schema of `data/crosswalk.csv`.
pub(crate) fn crosswalk_schema() -> Value {
    let kind = |name: &str, description: &str| {
        constrained(
            field(name, "string", true, description),
            "enum",
            json!(NODE_KINDS),
        )
    };
    let mut fields = vec![
        field(
            "id",
            "string",
            true,
            "The link: `<from_kind>:<from_id>/<to_kind>:<to_id>`.",
        ),
        kind(
            "from_kind",
            "What one end is: `action-line`, `sdg` (a goal), `sdg-target` or `gdc` (a Global \
             Digital Compact objective).",
        ),
        field(
            "from_id",
            "string",
            true,
            "That end: an action line's code (`C4`), a goal's number (`4`), a target's code \
             (`4.4`) or an objective's number (`1`).",
        ),
        kind("to_kind", "What the other end is, as `from_kind`."),
        field("to_id", "string", true, "The other end, as `from_id`."),
        field(
            "source",
            "string",
            true,
            "The document that states the link: its symbol (`A/RES/80/173`) or, for a \
             document not on the site, its name.",
        ),
    ];
    fields.extend(citation_fields("source"));
    fields.push(field(
        "quote",
        "string",
        false,
        "The source's words, verbatim.",
    ));
    fields.push(field(
        "url",
        "string",
        false,
        "The absolute address of the paragraph on the site, or of the outside source.",
    ));
    json!({"fields": fields, "missingValues": [""], "primaryKey": ["id"]})
}

/// The schema of `data/targets.csv`.
pub(crate) fn targets_schema() -> Value {
    let number = |name: &str, description: &str| field(name, "number", false, description);
    let mut fields = vec![
        field(
            "id",
            "string",
            true,
            "The target's id, the last part of its page's address.",
        ),
        field("title", "string", true, "A short title."),
        field(
            "document",
            "string",
            true,
            "The document that sets it: its symbol (`A/RES/80/173`), or a name.",
        ),
    ];
    fields.extend(citation_fields("document"));
    fields.extend([
        field(
            "wording",
            "string",
            false,
            "The words that set the target, verbatim.",
        ),
        field(
            "action_lines",
            "string",
            false,
            "The codes of the action lines it serves, separated by spaces (`C2 C4`).",
        ),
        field(
            "sdgs",
            "string",
            false,
            "The SDG goals (`4`) and targets (`4.a`) it serves, separated by spaces.",
        ),
        field(
            "gdc",
            "string",
            false,
            "The numbers of the Global Digital Compact objectives it serves, separated by \
             spaces.",
        ),
        field(
            "indicator",
            "string",
            false,
            "The id of the metric that measures it (metric-definitions).",
        ),
        number(
            "baseline_value",
            "The value it starts from, in the indicator's unit.",
        ),
        constrained(
            field(
                "baseline_year",
                "integer",
                false,
                "The year of the baseline.",
            ),
            "minimum",
            json!(crate::model::YEARS.start()),
        ),
        number(
            "target_value",
            "The value to reach, in the indicator's unit; empty for a qualitative target.",
        ),
        field(
            "end_state",
            "string",
            false,
            "The state to reach, in words, for a qualitative target.",
        ),
        year_field(
            "deadline",
            "The year by which it is due (the end of that year).",
        ),
        constrained(
            field(
                "status",
                "string",
                true,
                "Where it stands, computed from the indicator's actual figures: `on-track`, \
                 `off-track`, `insufficient-data`, or `not-measured` for a qualitative target.",
            ),
            "enum",
            json!(Standing::ALL.map(Standing::name)),
        ),
        field(
            "reason",
            "string",
            true,
            "Which values and years were compared, and what followed.",
        ),
        number(
            "latest_value",
            "The latest actual or estimated figure of the indicator, when a single value.",
        ),
        field("latest_year", "integer", false, "The year of that figure."),
        field(
            "latest_figure",
            "string",
            false,
            "The id of that figure (figures).",
        ),
        field(
            "url",
            "string",
            true,
            "The absolute address of the target's page.",
        ),
    ]);
    json!({
        "fields": fields,
        "missingValues": [""],
        "primaryKey": ["id"],
        "foreignKeys": [
            foreign_key("indicator", "metric-definitions", "id"),
            foreign_key("latest_figure", "figures", "id"),
        ],
    })
}
