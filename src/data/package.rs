//! The Frictionless Data Package describing the data files: `data/datapackage.json`
//! lists every CSV table with a Table Schema (types, constraints, keys), and
//! `data/figures.schema.json` is the schema the figures tables share. Tools such as
//! `frictionless validate` check the files against it; analysts' tools read the
//! types from it instead of guessing.
//!
//! Nothing here depends on the time of the build: the package has no `created`, so
//! two builds of the same sources are byte-identical.

use serde_json::{Value, json};

use super::rows::CSV_COLUMNS;
use crate::model::{Bound, OrgKind, ReportKind, Site, Status, YEARS};

/// The schema the figures tables share, relative to the package (`data/`).
pub(crate) const FIGURES_SCHEMA: &str = "figures.schema.json";

/// A partial date as the sources state it: `2024`, `2024-10` or `2024-10-15`. Table
/// Schema's `date` needs a day, so these are strings with this pattern (implicitly
/// anchored).
const PARTIAL_DATE: &str = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

/// Every report kind, for the `kind` enum of `reports`.
const REPORT_KINDS: [ReportKind; 3] = [
    ReportKind::AnnualProgress,
    ReportKind::ReviewSubmission,
    ReportKind::QuestionnaireResponse,
];

/// Every organization kind, for the `kind` enum of `organizations`.
const ORG_KINDS: [OrgKind; 8] = [
    OrgKind::UnSystem,
    OrgKind::Intergovernmental,
    OrgKind::Government,
    OrgKind::CivilSociety,
    OrgKind::TechnicalCommunity,
    OrgKind::PrivateSector,
    OrgKind::Academia,
    OrgKind::Coalition,
];

/// The `standing` of a figure (see [`crate::series`]).
/// The names of every [`crate::series::Standing`].
fn standings() -> Vec<&'static str> {
    crate::series::Standing::ALL
        .iter()
        .map(|s| s.name())
        .collect()
}

/// A field of a Table Schema; `required` adds the constraint.
pub(super) fn field(name: &str, kind: &str, required: bool, description: &str) -> Value {
    let mut f = json!({"name": name, "type": kind, "description": description});
    if required {
        f["constraints"] = json!({"required": true});
    }
    f
}

/// `f` with one more constraint.
pub(super) fn constrained(mut f: Value, key: &str, value: Value) -> Value {
    f["constraints"][key] = value;
    f
}

pub(super) fn year_field(name: &str, description: &str) -> Value {
    let f = field(name, "integer", true, description);
    let f = constrained(f, "minimum", json!(YEARS.start()));
    constrained(f, "maximum", json!(YEARS.end()))
}

fn date_field(name: &str, required: bool, description: &str) -> Value {
    constrained(
        field(name, "string", required, description),
        "pattern",
        json!(PARTIAL_DATE),
    )
}

pub(super) fn foreign_key(field: &str, resource: &str, key: &str) -> Value {
    json!({"fields": [field], "reference": {"resource": resource, "fields": [key]}})
}

/// The schema of the figures tables: `data/metrics.csv` and `data/metrics/<id>.csv`.
pub(crate) fn figures_schema() -> Value {
    let number = |name: &str, description: &str| field(name, "number", false, description);
    let fields = vec![
        field(
            "id",
            "string",
            true,
            "The figure's stable id: the slug of the report stating it and the figure's \
             anchor on the report's page (`<report>/<anchor>`). Cite a figure by it.",
        ),
        field(
            "metric",
            "string",
            true,
            "The metric's id (metric-definitions).",
        ),
        field("title", "string", true, "The metric's title."),
        field(
            "organization",
            "string",
            true,
            "The id of the metric's organization (organizations).",
        ),
        field(
            "reported_by",
            "string",
            true,
            "The id of the organization whose report states the figure (organizations).",
        ),
        field(
            "unit",
            "string",
            true,
            "The metric's unit, which `value`, `low` and `high` are in: `count`, `people`, \
             `usd` (US dollars), `percent`, or another unit as curated (`hours`).",
        ),
        year_field("year", "The year the value belongs to."),
        date_field(
            "as_of",
            false,
            "A finer date within the year, as precise as the report states it: YYYY, \
             YYYY-MM or YYYY-MM-DD.",
        ),
        number(
            "value",
            "The single value stated, in the metric's unit; empty for a range.",
        ),
        number(
            "low",
            "The low end of what the words allow, in the metric's unit: the value itself \
             for an exact or approximate figure, empty for `at-most`.",
        ),
        number(
            "high",
            "The high end of what the words allow, in the metric's unit: the value itself \
             for an exact or approximate figure, empty for `at-least`.",
        ),
        constrained(
            field(
                "bound",
                "string",
                true,
                "What the words say about the true number: `exact`, `approximately` \
                 (\"some 150\"), `at-least` (\"over 155\"), `at-most` (\"up to 20\") or \
                 `range` (\"between 3 and 5\").",
            ),
            "enum",
            json!(Bound::ALL.map(Bound::name)),
        ),
        constrained(
            field(
                "status",
                "string",
                true,
                "`actual` (measured or counted), `estimate`, `projected` (expected) or \
                 `target` (aimed at).",
            ),
            "enum",
            json!(Status::ALL.map(Status::name)),
        ),
        field(
            "source",
            "string",
            false,
            "The source the report cites the figure from; empty for the reporting \
             organization's own figure.",
        ),
        field(
            "source_url",
            "string",
            false,
            "Where the cited source is published, if the report says.",
        ),
        field(
            "first_party",
            "boolean",
            true,
            "Whether the figure is the metric's organization's own: stated in its own \
             report and not cited from someone else.",
        ),
        constrained(
            field(
                "standing",
                "string",
                true,
                "Where the figure stands in the metric's series: `yearly` (the value its \
                 year stands at), `outlook` (the projection or target its year stands at), \
                 `beside` (another figure for the year) or `restatement` (repeats an earlier \
                 report's figure).",
            ),
            "enum",
            json!(standings()),
        ),
        field(
            "year_value",
            "boolean",
            true,
            "Whether the figure is the value its year stands at, on either track.",
        ),
        field(
            "restates",
            "string",
            false,
            "For a restatement, the id of the figure it repeats (figures).",
        ),
        field(
            "report",
            "string",
            true,
            "The slug of the report stating it (reports).",
        ),
        date_field(
            "published",
            true,
            "When that report was published: YYYY, YYYY-MM or YYYY-MM-DD.",
        ),
        field(
            "quote",
            "string",
            true,
            "The words of the report that state the value.",
        ),
        constrained(
            field(
                "url",
                "string",
                true,
                "The absolute address of the sentence on the report's page.",
            ),
            "pattern",
            json!("https?://.*"),
        ),
    ];
    debug_assert_eq!(fields.len(), CSV_COLUMNS.len());
    json!({
        "fields": fields,
        "missingValues": [""],
        "primaryKey": ["id"],
        "foreignKeys": [
            foreign_key("metric", "metric-definitions", "id"),
            foreign_key("report", "reports", "slug"),
            foreign_key("organization", "organizations", "id"),
            foreign_key("reported_by", "organizations", "id"),
            foreign_key("restates", "figures", "id"),
        ],
    })
}

fn definitions_schema() -> Value {
    json!({
        "fields": [
            field("id", "string", true, "The metric's id."),
            field("title", "string", true, "What is counted."),
            field(
                "unit",
                "string",
                true,
                "The unit of the metric's values: `count`, `people`, `usd` (US dollars), \
                 `percent`, or another unit as curated (`hours`).",
            ),
            field(
                "organization",
                "string",
                true,
                "The id of the organization whose figure it is (organizations).",
            ),
            field(
                "action_lines",
                "string",
                false,
                "The codes of the WSIS action lines it measures, separated by spaces \
                 (`C1 C4`).",
            ),
            field("description", "string", false, "What the metric counts, in words."),
            field(
                "higher_is_better",
                "boolean",
                false,
                "Whether a rise is good news; empty when it is neither.",
            ),
            field("url", "string", true, "The absolute address of the metric's page."),
        ],
        "missingValues": [""],
        "primaryKey": ["id"],
        "foreignKeys": [foreign_key("organization", "organizations", "id")],
    })
}

fn reports_schema() -> Value {
    json!({
        "fields": [
            field("slug", "string", true, "The report's id, the last part of its page's address."),
            field("title", "string", true, "The report's title."),
            field("organization", "string", true, "The id of its organization (organizations)."),
            year_field("year", "The year it covers."),
            date_field("published", true, "When it was published: YYYY, YYYY-MM or YYYY-MM-DD."),
            constrained(
                field("kind", "string", true, "What sort of document it is."),
                "enum",
                json!(REPORT_KINDS),
            ),
            field("submitted_to", "string", false, "The body it was submitted to, such as the CSTD."),
            field("source_url", "string", false, "Where the original is published."),
            field(
                "action_lines",
                "string",
                false,
                "The codes of the action lines it reports on, separated by spaces.",
            ),
            constrained(
                field("figures", "integer", true, "How many figures it states."),
                "minimum",
                json!(0),
            ),
            field("url", "string", true, "The absolute address of the report's page."),
        ],
        "missingValues": [""],
        "primaryKey": ["slug"],
        "foreignKeys": [foreign_key("organization", "organizations", "id")],
    })
}

fn organizations_schema() -> Value {
    json!({
        "fields": [
            field("id", "string", true, "The organization's id."),
            field("name", "string", true, "Its full name."),
            field("short_name", "string", false, "Its abbreviation, if it has one."),
            constrained(
                field("kind", "string", true, "What sort of body it is."),
                "enum",
                json!(ORG_KINDS),
            ),
            field("website", "string", false, "Its website."),
            field("url", "string", true, "The absolute address of its page on this site."),
        ],
        "missingValues": [""],
        "primaryKey": ["id"],
    })
}

/// The column names of the table `name` (`figures` for a metric's table), from its
/// schema.
pub(crate) fn columns(name: &str) -> Vec<String> {
    let schema = match name {
        "metric-definitions" => definitions_schema(),
        "reports" => reports_schema(),
        "organizations" => organizations_schema(),
        "targets" => super::frame::targets_schema(),
        "crosswalk" => super::frame::crosswalk_schema(),
        _ => figures_schema(),
    };
    schema["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .filter_map(|f| f["name"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// A CSV resource of the package.
fn resource(name: &str, path: &str, title: &str, description: &str, schema: Value) -> Value {
    json!({
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    })
}

/// The package's name: the site's title in lower case, words joined by `-`, as the
/// specification's pattern (`^[-a-z0-9._/]+$`) allows.
fn package_name(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "wsis-data".into()
    } else {
        words.join("-")
    }
}

/// The contents of `data/datapackage.json`. Resource paths are relative to `data/`,
/// so the package can be downloaded and read as a folder.
pub(crate) fn descriptor(site: &Site) -> Value {
    let schema = json!(FIGURES_SCHEMA);
    let mut resources = vec![
        resource(
            "figures",
            "metrics.csv",
            "Figures",
            "Every figure the reports state, one row per figure, restatements included. The \
             file keeps its historical name, metrics.csv.",
            schema.clone(),
        ),
        resource(
            "metric-definitions",
            "metric-definitions.csv",
            "Metric definitions",
            "What each metric counts, its unit and its organization.",
            definitions_schema(),
        ),
        resource(
            "reports",
            "reports.csv",
            "Reports",
            "The reports the figures come from.",
            reports_schema(),
        ),
        resource(
            "organizations",
            "organizations.csv",
            "Organizations",
            "The organizations that report or whose figures are tracked.",
            organizations_schema(),
        ),
    ];
    if super::frame::has_frame(&site.frame) {
        resources.push(resource(
            "targets",
            "targets.csv",
            "Targets",
            "The WSIS+20 commitments and targets: the document and paragraph that set each, \
             the frameworks it serves, its goal and deadline, and where it stands.",
            super::frame::targets_schema(),
        ));
        resources.push(resource(
            "crosswalk",
            "crosswalk.csv",
            "Crosswalk",
            "The links between the WSIS action lines, the Sustainable Development Goals and \
             the Global Digital Compact's objectives, each with the source that states it.",
            super::frame::crosswalk_schema(),
        ));
    }
    for m in site.metrics.iter() {
        resources.push(resource(
            // `figures-` cannot clash with the fixed names, whatever the metric's id.
            &format!("figures-{}", m.id),
            &format!("metrics/{}.csv", m.id),
            &m.title,
            &format!(
                "The figures of the metric `{}`, in its unit `{}`: the rows of `figures` whose \
                 metric is `{}`.",
                m.id,
                m.unit.name(),
                m.id
            ),
            schema.clone(),
        ));
    }
    let mut package = json!({
        "profile": "tabular-data-package",
        "name": package_name(&site.config.title),
        "title": site.config.title,
        "homepage": site.config.base_url.root(),
        "resources": resources,
    });
    if !site.config.description.is_empty() {
        package["description"] = json!(site.config.description);
    }
    package
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_schema_lists_the_csv_columns_in_order() {
        let schema = figures_schema();
        let names: Vec<&str> = schema["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, CSV_COLUMNS);
    }

    /// Fails to compile when a kind is added, as a reminder to list it in the enums.
    fn report_kind_index(k: ReportKind) -> usize {
        match k {
            ReportKind::AnnualProgress => 0,
            ReportKind::ReviewSubmission => 1,
            ReportKind::QuestionnaireResponse => 2,
        }
    }

    fn org_kind_index(k: OrgKind) -> usize {
        match k {
            OrgKind::UnSystem => 0,
            OrgKind::Intergovernmental => 1,
            OrgKind::Government => 2,
            OrgKind::CivilSociety => 3,
            OrgKind::TechnicalCommunity => 4,
            OrgKind::PrivateSector => 5,
            OrgKind::Academia => 6,
            OrgKind::Coalition => 7,
        }
    }

    #[test]
    fn every_kind_is_in_its_enum() {
        for (i, k) in REPORT_KINDS.into_iter().enumerate() {
            assert_eq!(report_kind_index(k), i);
        }
        for (i, k) in ORG_KINDS.into_iter().enumerate() {
            assert_eq!(org_kind_index(k), i);
        }
        assert_eq!(json!(ORG_KINDS)[0], "un-system");
    }

    #[test]
    fn package_names_follow_the_pattern() {
        assert_eq!(
            package_name("WSIS implementation tracker"),
            "wsis-implementation-tracker"
        );
        assert_eq!(package_name("Été: 2025!"), "t-2025");
        assert_eq!(package_name("—"), "wsis-data");
    }
}
