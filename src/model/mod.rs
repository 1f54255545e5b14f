//! The validated site: what the templates are allowed to rely on.
//!
//! Everything here has passed validation. References between entities are typed
//! indexes ([`OrgId`], [`LineId`], [`MetricId`], [`ReportId`]) into the [`Site`]'s
//! vectors, so a dangling reference cannot be represented, and closed vocabularies
//! (report kinds, bounds, statuses, organization kinds) are enums.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Config;

mod deflated;
mod figure;
pub mod frame;
mod localized;
mod packed;

pub(crate) use deflated::{Store, decoding_from};
pub use figure::{Amount, Bound, Hedge, Source, Status};
pub use localized::Localized;
pub use packed::{Packed, Sections};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(pub(crate) u32);

        impl $name {
            /// The position of the entity in its [`Site`] vector.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// An action line of [`Site::action_lines`].
    LineId
);
id_type!(
    /// An organization of [`Site::organizations`].
    OrgId
);
id_type!(
    /// A metric of [`Site::metrics`].
    MetricId
);
id_type!(
    /// A report of [`Site::reports`].
    ReportId
);

/// A value of a metric as a report states it: figure `figure` of report `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Observation {
    /// The report stating it.
    pub report: ReportId,
    /// The figure's position in the report's figures.
    pub figure: usize,
}

/// The whole validated site.
#[derive(Debug)]
pub struct Site {
    /// The settings from `site.toml`.
    pub config: Config,
    /// The action lines, in code order (C1, C2, ... C11).
    pub action_lines: Vec<ActionLine>,
    /// The organizations, sorted by id.
    pub organizations: std::sync::Arc<Vec<Organization>>,
    /// The metric definitions, sorted by id.
    pub metrics: std::sync::Arc<Vec<Metric>>,
    /// The reports, sorted by year, then organization, then slug. Shared, so that the
    /// dev server can keep a report that did not change across rebuilds.
    pub reports: Vec<Arc<Report>>,
    /// The WSIS+20 frame: source documents, SDGs, GDC objectives, the crosswalk and
    /// the targets (empty when the site curates none).
    pub frame: frame::Frame,
    /// Files left out of the site, such as symbolic links to outside it.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

impl Site {
    /// The action line behind `id`.
    pub fn line(&self, id: LineId) -> &ActionLine {
        &self.action_lines[id.index()]
    }
    /// The organization behind `id`.
    pub fn org(&self, id: OrgId) -> &Organization {
        &self.organizations[id.index()]
    }
    /// The metric behind `id`.
    pub fn metric(&self, id: MetricId) -> &Metric {
        &self.metrics[id.index()]
    }
    /// The report behind `id`.
    pub fn report(&self, id: ReportId) -> &Report {
        &self.reports[id.index()]
    }
    /// The figure behind `o`.
    pub fn figure(&self, o: Observation) -> &Figure {
        &self.reports[o.report.index()].figures[o.figure]
    }
    /// Every report with its id.
    pub fn report_ids(&self) -> impl Iterator<Item = (ReportId, &Report)> {
        self.reports
            .iter()
            .enumerate()
            .map(|(i, r)| (ReportId(i as u32), &**r))
    }
}

/// One WSIS action line, such as C4 "Capacity building".
#[derive(Debug, Clone)]
pub struct ActionLine {
    /// The code as curated: `C4`, or a sub-line such as `C7.e-health`.
    pub code: String,
    /// The URL slug: the code in lower case with `.` as `-` (`c4`, `c7-e-health`).
    pub slug: String,
    /// The official Geneva Plan of Action title.
    pub title: Localized,
    /// A few words for menus.
    pub short: Localized,
    /// The UN agencies facilitating the line.
    pub facilitators: Vec<OrgId>,
    /// Optional longer description.
    pub description: Option<Localized>,
    /// Related Sustainable Development Goals, 1 to 17.
    pub sdgs: Vec<u8>,
    /// Where the action line is stated (`source:` in `action-lines.yaml`), if cited.
    pub source: Option<frame::Sourced>,
}

/// What sort of body an organization is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum OrgKind {
    UnSystem,
    Intergovernmental,
    Government,
    CivilSociety,
    TechnicalCommunity,
    PrivateSector,
    Academia,
    Coalition,
}

impl OrgKind {
    /// A label for readers.
    pub fn label(self) -> &'static str {
        match self {
            OrgKind::UnSystem => "UN system",
            OrgKind::Intergovernmental => "Intergovernmental",
            OrgKind::Government => "Government",
            OrgKind::CivilSociety => "Civil society",
            OrgKind::TechnicalCommunity => "Technical community",
            OrgKind::PrivateSector => "Private sector",
            OrgKind::Academia => "Academia",
            OrgKind::Coalition => "Coalition",
        }
    }
}

/// A reporting organization.
#[derive(Debug, Clone)]
pub struct Organization {
    /// The id, equal to its file stem.
    pub id: String,
    /// Full name.
    pub name: Localized,
    /// Abbreviation, if it has one.
    pub short_name: Option<String>,
    /// What sort of body it is.
    pub kind: OrgKind,
    /// Its website.
    pub website: Option<String>,
    /// Optional description.
    pub description: Option<Localized>,
}

impl Organization {
    /// The short name where there is one, else the full name.
    pub fn display_short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// A tracked figure's definition; its values come from reports.
#[derive(Debug, Clone)]
pub struct Metric {
    /// The id.
    pub id: String,
    /// What is counted.
    pub title: Localized,
    /// The unit, which decides formatting.
    pub unit: Unit,
    /// Whose figure it is.
    pub organization: OrgId,
    /// The action lines it measures.
    pub action_lines: Vec<LineId>,
    /// Optional description.
    pub description: Option<Localized>,
    /// Whether a rise is good news; `None` when it is neither.
    pub higher_is_better: Option<bool>,
}

/// The unit of a metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// A number of things.
    Count,
    /// A number of people.
    People,
    /// An amount in US dollars.
    Usd,
    /// A percentage.
    Percent,
    /// Any other unit, named as curated (`hours`, `gbps`); shown after the number.
    Other(String),
}

impl Unit {
    /// Parses a curated unit name.
    pub fn parse(s: &str) -> Unit {
        match s {
            "count" => Unit::Count,
            "people" => Unit::People,
            "usd" => Unit::Usd,
            "percent" => Unit::Percent,
            other => Unit::Other(other.to_string()),
        }
    }

    /// The unit's name as curated.
    pub fn name(&self) -> &str {
        match self {
            Unit::Count => "count",
            Unit::People => "people",
            Unit::Usd => "usd",
            Unit::Percent => "percent",
            Unit::Other(s) => s,
        }
    }
}

/// What sort of document a report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum ReportKind {
    AnnualProgress,
    ReviewSubmission,
    QuestionnaireResponse,
}

impl ReportKind {
    /// A label for readers.
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::AnnualProgress => "Annual progress report",
            ReportKind::ReviewSubmission => "Review submission",
            ReportKind::QuestionnaireResponse => "Questionnaire response",
        }
    }
}

/// The years a report, a figure or a date may have: outside them a year is a typo
/// (`20024`, `0001`), not a report on the WSIS (1990 allows for the history before the
/// 2003 and 2005 summits; 2100 for targets).
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A date as precise as the source states it: `2024`, `2024-10` or `2024-10-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1-12, if stated.
    pub month: Option<u8>,
    /// The day, if stated (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year_s = parts.next()?;
        if year_s.len() != 4 {
            return None;
        }
        let year: i32 = year_s.parse().ok()?;
        let mut two = |max: u8| -> Option<Option<u8>> {
            match parts.next() {
                None => Some(None),
                Some(p) if p.len() == 2 => {
                    let n: u8 = p.parse().ok()?;
                    (1..=max).contains(&n).then_some(Some(n))
                }
                Some(_) => None,
            }
        };
        let month = two(12)?;
        let day = if month.is_some() {
            two(days_in_month(year, month?))?
        } else {
            None
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// An RFC 3339 timestamp at the start of the date, for feeds and sitemaps.
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }

    /// A reader's form in English: "October 2024", "15 November 2024", "2024"
    /// (pages use their language's, [`crate::format::Formatter::date`]).
    pub fn human(&self) -> String {
        crate::format::Formatter::english().date(*self)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Written as it is read, `2024-10`: for the incremental build's cache.
impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).ok_or_else(|| {
                    E::custom(format!(
                        "`{v}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
                    ))
                })
            }
        }
        // The scalar's text as written: read as a number first, `0x7E8` would pass
        // for 2024.
        d.deserialize_str(V)
    }
}

/// One report: its metadata, its rendered text and the figures it states. Serde
/// stores it in the incremental build's cache, so that an unchanged report is not
/// validated (its Markdown rendered) again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// The URL slug, equal to the file stem.
    pub slug: String,
    /// The source file, relative to the site root.
    pub source: PathBuf,
    /// The title.
    pub title: String,
    /// Who wrote it.
    pub organization: OrgId,
    /// The year it covers.
    pub year: i32,
    /// When it was published.
    pub published: PartialDate,
    /// What sort of document it is.
    pub kind: ReportKind,
    /// The body it was submitted to, such as the CSTD.
    pub submitted_to: Option<String>,
    /// Where the original is published.
    pub source_url: Option<String>,
    /// A short summary, for lists and feeds.
    pub summary: Option<String>,
    /// The language it is written in (`language:`, else the site's default).
    pub language: crate::i18n::Language,
    /// The slugs of the same report in other languages, as listed (`translations:`);
    /// validation checks each names another report in another language.
    pub translations: Vec<String>,
    /// The action lines it reports on.
    pub action_lines: Vec<LineId>,
    /// The figures it states, in front matter order; accepted ones only.
    pub figures: Vec<Figure>,
    /// How many of its figures are candidates waiting for review (`review:
    /// candidate`): counted, never published.
    pub candidates: usize,
    /// The rendered text.
    pub body: Body,
}

impl Report {
    /// The stable id of figure `i`: the report's slug and the figure's anchor on its
    /// page (`isoc-2025/fig-isoc-nris-funded-2025`). The same id names the figure in
    /// the CSV and JSON data, on its page and in its citation, so one number can be
    /// cited. It changes if the report is renamed or the figure's metric or year, and
    /// the numbered ones (`-2`) when figures of the same metric and year in the report
    /// are added, removed or reordered.
    pub fn figure_id(&self, i: usize) -> String {
        format!("{}/{}", self.slug, self.figures[i].anchor)
    }
}

/// A value a report states for a metric, tied to its sentence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Figure {
    /// The metric it is a value of.
    pub metric: MetricId,
    /// The value, with the bound its words put on it.
    pub amount: Amount,
    /// The year the value belongs to.
    pub year: i32,
    /// A finer date within the year, if stated.
    pub as_of: Option<PartialDate>,
    /// Whether it happened, is estimated, expected or aimed at.
    pub status: Status,
    /// Whose number it is.
    pub source: Source,
    /// The slug of the earlier report this figure repeats (same metric, year and
    /// amount), checked by validation: a restatement is shown beside the figure it
    /// repeats, never counted as a second observation.
    pub restates: Option<String>,
    /// The words of the report that state it.
    pub quote: String,
    /// The id of the anchor on the report page that marks the quote.
    pub anchor: String,
    /// The words right before the number in the quote that bound it ("more than 155"),
    /// if any: read once, when the report is checked, so that a rebuild reusing the
    /// report compares bounds without reading its quotes again.
    pub hedge: Option<Hedge>,
}

/// A report's Markdown rendered to HTML, with its action line sections.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Body {
    /// The whole text as HTML, with heading and quote anchors; packed, since it is
    /// held for the whole build and read only to render the page showing it.
    pub html: Packed,
    /// The headings of the text, for a table of contents.
    pub toc: Vec<Heading>,
    /// The sections tagged with action lines.
    pub sections: Vec<Section>,
    /// The first paragraph as plain text, the fallback summary.
    pub lead: String,
    /// The plain text by heading, for search: `[0]` before the first heading, `[i + 1]`
    /// under `toc[i]`; packed, since it is held for the whole build and read only by
    /// the search index.
    pub text: Sections,
}

/// A heading of a report's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// The level, 2 to 6 (the report title is the level 1 heading).
    pub level: u8,
    /// The heading's text.
    pub text: String,
    /// The id of the heading on the report page.
    pub anchor: String,
    /// The line of the report file the heading is on, for errors about its id.
    pub line: usize,
}

/// A part of a report opened by a heading that names one or more action lines.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    /// The heading that opens it.
    pub heading: Heading,
    /// The action lines its heading names.
    pub lines: Vec<LineId>,
    /// How many words its text has.
    pub words: usize,
    /// The first sentence of its text, as plain text.
    pub lead: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_order() {
        let a = PartialDate::parse("2024").unwrap();
        let b = PartialDate::parse("2024-10").unwrap();
        let c = PartialDate::parse("2024-10-15").unwrap();
        assert!(a < b && b < c);
        assert_eq!(c.to_string(), "2024-10-15");
        assert_eq!(c.human(), "15 October 2024");
        assert_eq!(b.human(), "October 2024");
        for bad in ["24", "2024-13", "2024-02-30", "2024-1", "2024-10-15-1", "x"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert!(PartialDate::parse("2024-02-29").is_some());
    }
}
