//! The interface words for values the model names in English (a target's standing,
//! an organization's or a report's kind), in the page's language. The model's own
//! `label()` stays English: the search index and the open data use it.

use fluent_bundle::{FluentArgs, FluentValue};

use super::views::Views;
use crate::model::frame::{DocumentKind, Standing};
use crate::model::{OrgKind, ReportKind};

/// Fluent variables from name and value pairs.
pub(super) fn args<'a, const N: usize>(pairs: [(&'a str, FluentValue<'a>); N]) -> FluentArgs<'a> {
    pairs.into_iter().collect()
}

impl Views<'_> {
    /// The sentence beside a target's status (see [`super::reasons`]).
    pub(crate) fn reason(&self, r: &crate::frame::Reason) -> String {
        let text = |l: &crate::model::Localized| self.text(l).0.to_string();
        super::reasons::sentence(self.site, self.fmt(), &text, r, &|key, a| {
            self.t_with(key, a)
        })
    }

    /// "SDG 4", "SDG 9.c" (a goal's number or a target's code), as the page's
    /// language writes it: "ODD 4" in French, "ЦУР 4" in Russian.
    pub(crate) fn sdg_code(&self, number: &str) -> String {
        self.t_with(
            "code-sdg",
            Some(&args([("number", FluentValue::from(number))])),
        )
    }

    /// "SDG 4: Quality education", "GDC 2: ...": a code (from [`Self::sdg_code`] or
    /// [`Self::gdc_code`]) with its goal's or objective's short title.
    pub(crate) fn code_titled(&self, code: &str, title: &str) -> String {
        self.t_with(
            "code-titled",
            Some(&args([
                ("code", FluentValue::from(code)),
                ("title", FluentValue::from(title)),
            ])),
        )
    }

    /// "GDC 2": a Global Digital Compact objective's code in the page's language.
    pub(crate) fn gdc_code(&self, number: &str) -> String {
        self.t_with(
            "code-gdc",
            Some(&args([("number", FluentValue::from(number))])),
        )
    }

    /// `items` as a list in the page's language: "a, b and c" in English, "a, b et
    /// c" in French, "a، b وc" in Arabic, "a、b和c" in Chinese.
    pub(crate) fn list(&self, items: &[String]) -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, init)) => self.t_with(
                "list-last",
                Some(&args([
                    (
                        "init",
                        FluentValue::from(init.join(&self.t("list-separator"))),
                    ),
                    ("last", FluentValue::from(last.as_str())),
                ])),
            ),
        }
    }

    /// "On track", "Off track"...
    pub(crate) fn standing_label(&self, s: Standing) -> String {
        match s {
            Standing::OnTrack => self.t("status-on-track"),
            Standing::OffTrack => self.t("status-off-track"),
            Standing::Insufficient => self.t("status-insufficient-data"),
            Standing::NotMeasured => self.t("status-not-measured"),
        }
    }

    /// "UN system", "Civil society"...
    pub(crate) fn org_kind_label(&self, k: OrgKind) -> String {
        match k {
            OrgKind::UnSystem => self.t("org-kind-un-system"),
            OrgKind::Intergovernmental => self.t("org-kind-intergovernmental"),
            OrgKind::Government => self.t("org-kind-government"),
            OrgKind::CivilSociety => self.t("org-kind-civil-society"),
            OrgKind::TechnicalCommunity => self.t("org-kind-technical-community"),
            OrgKind::PrivateSector => self.t("org-kind-private-sector"),
            OrgKind::Academia => self.t("org-kind-academia"),
            OrgKind::Coalition => self.t("org-kind-coalition"),
        }
    }

    /// "Annual progress report"...
    pub(crate) fn report_kind_label(&self, k: ReportKind) -> String {
        match k {
            ReportKind::AnnualProgress => self.t("report-kind-annual-progress"),
            ReportKind::ReviewSubmission => self.t("report-kind-review-submission"),
            ReportKind::QuestionnaireResponse => self.t("report-kind-questionnaire-response"),
        }
    }

    /// "Resolution", "Outcome document"...
    pub(crate) fn document_kind_label(&self, k: DocumentKind) -> String {
        match k {
            DocumentKind::Resolution => self.t("document-kind-resolution"),
            DocumentKind::OutcomeDocument => self.t("document-kind-outcome-document"),
            DocumentKind::Declaration => self.t("document-kind-declaration"),
            DocumentKind::PlanOfAction => self.t("document-kind-plan-of-action"),
            DocumentKind::Agenda => self.t("document-kind-agenda"),
            DocumentKind::Report => self.t("document-kind-report"),
        }
    }
}
