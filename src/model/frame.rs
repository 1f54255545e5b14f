//! The WSIS+20 frame: the documents the site quotes, the frameworks the action lines
//! serve (the SDGs and the Global Digital Compact), the sourced links between them,
//! and the commitments and targets whose progress the site tracks.
//!
//! All of it is optional content: a site without `content/frameworks.yaml`,
//! `content/crosswalk.yaml`, `content/targets.yaml` or `content/documents/` has an
//! empty [`Frame`] and none of its pages.

use std::fmt;

use super::{Body, LineId, Localized, MetricId, PartialDate};

macro_rules! frame_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) u32);

        impl $name {
            /// The position of the entity in its [`Frame`] vector.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

frame_id!(
    /// A source document of [`Frame::documents`].
    DocId
);
frame_id!(
    /// A goal of [`Frame::sdgs`].
    SdgId
);
frame_id!(
    /// An objective of [`Frame::gdc`].
    GdcId
);
frame_id!(
    /// A target of [`Frame::targets`].
    TargetId
);

/// Everything of the frame, validated. References are typed indexes, as in
/// [`super::Site`].
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// The source documents, sorted by date, then id.
    pub documents: Vec<Document>,
    /// The Sustainable Development Goals the site uses, by number.
    pub sdgs: Vec<Sdg>,
    /// The Global Digital Compact's objectives, by number.
    pub gdc: Vec<GdcObjective>,
    /// The sourced links between action lines, SDG goals and targets and GDC
    /// objectives, in file order.
    pub crosswalk: Vec<Link>,
    /// The commitments and targets, in file order.
    pub targets: Vec<Target>,
}

impl Frame {
    /// The document behind `id`.
    pub fn document(&self, id: DocId) -> &Document {
        &self.documents[id.index()]
    }
    /// The goal behind `id`.
    pub fn sdg(&self, id: SdgId) -> &Sdg {
        &self.sdgs[id.index()]
    }
    /// The objective behind `id`.
    pub fn objective(&self, id: GdcId) -> &GdcObjective {
        &self.gdc[id.index()]
    }
    /// The target behind `id`.
    pub fn target(&self, id: TargetId) -> &Target {
        &self.targets[id.index()]
    }
    /// Every target with its id.
    pub fn target_ids(&self) -> impl Iterator<Item = (TargetId, &Target)> {
        self.targets
            .iter()
            .enumerate()
            .map(|(i, t)| (TargetId(i as u32), t))
    }
}

/// What sort of text a source document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum DocumentKind {
    Resolution,
    OutcomeDocument,
    Declaration,
    PlanOfAction,
    Agenda,
    Report,
}

impl DocumentKind {
    /// A label for readers.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "Resolution",
            DocumentKind::OutcomeDocument => "Outcome document",
            DocumentKind::Declaration => "Declaration",
            DocumentKind::PlanOfAction => "Plan of action",
            DocumentKind::Agenda => "Agenda",
            DocumentKind::Report => "Report",
        }
    }
}

/// A resolution or outcome document whose paragraphs the site quotes, from
/// `content/documents/<id>.md`: `/documents/<id>/`, each numbered paragraph
/// anchored as `#para-<n>`.
#[derive(Debug, Clone)]
pub struct Document {
    /// The id, equal to the file stem (`a-res-80-173`).
    pub id: String,
    /// The official symbol (`A/RES/80/173`, `WSIS-03/GENEVA/DOC/5-E`).
    pub symbol: String,
    /// The official title.
    pub title: String,
    /// What sort of text it is.
    pub kind: DocumentKind,
    /// Who adopted or issued it ("United Nations General Assembly").
    pub issued_by: String,
    /// When it was adopted or issued.
    pub date: PartialDate,
    /// Where the official text is.
    pub source_url: Option<String>,
    /// The numbered paragraphs transcribed, in document order. A site may
    /// transcribe only the paragraphs it quotes.
    pub paragraphs: Vec<Paragraph>,
    /// The text as HTML: each numbered paragraph is an element with the id
    /// `para-<n>`.
    pub body: Body,
}

impl Document {
    /// The paragraph numbered `n`, if transcribed.
    pub fn paragraph(&self, n: u32) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == n)
    }
}

/// A numbered paragraph of a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its number in the document (`113`).
    pub number: u32,
    /// Its text as plain text, for checking quotes and for search.
    pub text: String,
}

/// Where a framework entry, a link or a target is stated.
#[derive(Debug, Clone, PartialEq)]
pub enum Citation {
    /// A paragraph of a document of the site. When the document transcribes that
    /// paragraph, the quote has been checked against it.
    Paragraph {
        /// The document.
        document: DocId,
        /// The paragraph number.
        paragraph: u32,
        /// A sub-item of the paragraph as the document letters it (`a`), if any.
        item: Option<String>,
    },
    /// A document that is not on the site (the WSIS-SDG Matrix, a web page).
    External {
        /// Its name as it is cited, with its translations where a translator gave
        /// them (a report's title in another language, a matrix's official names).
        name: Localized,
        /// Where it is.
        url: Option<String>,
        /// The page, paragraph or section within it, as written (`p. 12`).
        locator: Option<String>,
    },
}

/// A citation with the words it quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced {
    /// Where it is stated.
    pub citation: Citation,
    /// The verbatim words, where the source has words to quote.
    pub quote: Option<String>,
}

/// A Sustainable Development Goal (A/RES/70/1) with the targets the site uses.
#[derive(Debug, Clone)]
pub struct Sdg {
    /// The goal's number, 1 to 17.
    pub number: u8,
    /// The goal's official wording.
    pub title: String,
    /// A few words for menus ("Quality education").
    pub short: String,
    /// Where the goal is stated.
    pub source: Sourced,
    /// The targets of this goal the site uses.
    pub targets: Vec<SdgTarget>,
}

/// An SDG target such as 4.4 or 9.c.
#[derive(Debug, Clone)]
pub struct SdgTarget {
    /// The code as the 2030 Agenda numbers it: `4.4`, `9.c`.
    pub code: String,
    /// The anchor on the goal's page: `target-4-4`, `target-9-c`.
    pub anchor: String,
    /// The official wording.
    pub text: String,
    /// Where it is stated.
    pub source: Sourced,
}

/// One of the Global Digital Compact's objectives (A/RES/79/1, annex I).
#[derive(Debug, Clone)]
pub struct GdcObjective {
    /// The objective's number, 1 to 5.
    pub number: u8,
    /// The official wording.
    pub title: String,
    /// A few words for menus ("Digital divides").
    pub short: String,
    /// Where it is stated.
    pub source: Sourced,
}

/// One end of a crosswalk link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// An action line.
    Line(LineId),
    /// A goal as a whole.
    Sdg(SdgId),
    /// A target of a goal: the goal and the target's position in its `targets`.
    SdgTarget(SdgId, usize),
    /// A GDC objective.
    Gdc(GdcId),
}

/// A sourced link of the crosswalk between two frameworks.
#[derive(Debug, Clone)]
pub struct Link {
    /// One end: always of a different framework than `to`.
    pub from: Node,
    /// The other end.
    pub to: Node,
    /// The document that states the link.
    pub source: Sourced,
}

/// What a target aims at.
#[derive(Debug, Clone, PartialEq)]
pub enum Goal {
    /// A value of the indicator to reach (or, with `higher_is_better: false` on the
    /// metric or a baseline above it, to get down to).
    Value(f64),
    /// A state described in words, without a number: its progress is shown as the
    /// reports that speak to it, never as a computed status.
    EndState(String),
}

/// A value a target starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The value.
    pub value: f64,
    /// The year it describes.
    pub year: i32,
    /// Where it is stated.
    pub source: Sourced,
}

/// A commitment or target set by a document, from `content/targets.yaml`.
#[derive(Debug, Clone)]
pub struct Target {
    /// The id (`schools-connected-2030`): `/targets/<id>/`.
    pub id: String,
    /// A short title for lists, in the site's languages where translated: it is the
    /// site's own wording, unlike `wording`, which is the source's.
    pub title: Localized,
    /// The verbatim words that set it, checked against its source paragraph when the
    /// site transcribes it, and against the source's quote when there is one.
    pub wording: String,
    /// The document and paragraph (or outside source) that set it.
    pub source: Sourced,
    /// The action lines it serves.
    pub action_lines: Vec<LineId>,
    /// The SDG targets (or whole goals) it serves.
    pub sdgs: Vec<Node>,
    /// The GDC objectives it serves.
    pub gdc: Vec<GdcId>,
    /// The metric that measures it, if the site has one.
    pub indicator: Option<MetricId>,
    /// Where it starts from, if stated.
    pub baseline: Option<Baseline>,
    /// What it aims at.
    pub goal: Goal,
    /// The year by which it is due (the end of that year).
    pub deadline: i32,
}

/// Where a target stands, computed from its indicator's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// The figures show the target reached, or reached by the deadline at the pace
    /// they show.
    OnTrack,
    /// The figures show that it will not be reached at their pace, or the deadline
    /// passed without it.
    OffTrack,
    /// Too few figures, or figures whose bounds cannot tell.
    Insufficient,
    /// A qualitative target: no status is computed.
    NotMeasured,
}

impl Standing {
    /// Every standing, in the order summaries list them.
    pub const ALL: [Standing; 4] = [
        Standing::OnTrack,
        Standing::OffTrack,
        Standing::Insufficient,
        Standing::NotMeasured,
    ];

    /// The name used in data files, CSS classes and URLs: `on-track`, `off-track`,
    /// `insufficient-data`, `not-measured`.
    pub fn name(self) -> &'static str {
        match self {
            Standing::OnTrack => "on-track",
            Standing::OffTrack => "off-track",
            Standing::Insufficient => "insufficient-data",
            Standing::NotMeasured => "not-measured",
        }
    }
    /// A label for readers.
    pub fn label(self) -> &'static str {
        match self {
            Standing::OnTrack => "On track",
            Standing::OffTrack => "Off track",
            Standing::Insufficient => "Insufficient data",
            Standing::NotMeasured => "Not measured",
        }
    }
}

impl fmt::Display for Standing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
