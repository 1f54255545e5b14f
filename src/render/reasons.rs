//! The sentence beside a target's status, in the page's language: the method's
//! verdict (`crate::frame::Reason`) with its values written as everywhere else on
//! the page (`crate::format::Formatter`, by the indicator's unit, with bound and status).
//! Each piece is a Fluent message, so a language orders the values its own way.

use fluent_bundle::{FluentArgs, FluentValue};

use super::labels::args;
use crate::format::Formatter;
use crate::frame::{Evidence, NoStart, Reason, Terms, Verdict, readable};
use crate::model::frame::Standing;
use crate::model::{Amount, Localized, Site};

/// Formats an interface string with its variables: the page's language through
/// `Views::t_with`, or English for the open data and tests.
pub(crate) type Translate<'t> = dyn Fn(&str, Option<&FluentArgs<'_>>) -> String + 't;

/// The sentence for `reason`, every word through `t_with`, the indicator's title
/// through `text` (the page's language, else the original).
pub(crate) fn sentence(
    site: &Site,
    fmt: &Formatter,
    text: &dyn Fn(&Localized) -> String,
    reason: &Reason,
    t_with: &Translate<'_>,
) -> String {
    let (terms, verdict) = match reason {
        Reason::Qualitative => return t_with("reason-qualitative", None),
        Reason::NoIndicator => return t_with("reason-no-indicator", None),
        Reason::Measured { terms, verdict } => (terms, verdict),
    };
    let w = Words {
        site,
        fmt,
        text,
        terms,
        t_with,
    };
    w.verdict(verdict)
}

/// The sentence in the built-in English (`catalog` from
/// [`crate::i18n::Catalog::built_in_english`]), as the open data gives it.
pub(crate) fn english(site: &Site, reason: &Reason, catalog: &crate::i18n::Catalog) -> String {
    sentence(
        site,
        Formatter::english(),
        &|l| l.original().to_string(),
        reason,
        &|key, a| catalog.text(0, key, a),
    )
}

impl Reason {
    /// The sentence in the built-in English, as the open data gives it.
    pub fn english(&self, site: &Site) -> String {
        english(site, self, crate::i18n::Catalog::built_in_english())
    }
}

/// What every piece of a sentence needs to write values, figures and the goal.
struct Words<'a, 't> {
    site: &'a Site,
    fmt: &'a Formatter,
    text: &'a dyn Fn(&Localized) -> String,
    terms: &'a Terms,
    t_with: &'a Translate<'t>,
}

impl Words<'_, '_> {
    fn unit(&self) -> &crate::model::Unit {
        &self.site.metric(self.terms.metric).unit
    }

    fn value(&self, v: f64) -> FluentValue<'static> {
        self.fmt.value(v, self.unit()).into()
    }

    fn amount(&self, a: Amount) -> FluentValue<'static> {
        self.fmt.amount(a, self.unit()).into()
    }

    /// A year as text: a number would be grouped ("2,030") in some languages.
    fn year(year: i32) -> FluentValue<'static> {
        year.to_string().into()
    }

    fn goal(&self) -> FluentValue<'static> {
        self.value(self.terms.goal)
    }

    /// A figure with its bound, its status unless actual, and its year.
    fn figure(&self, e: &Evidence) -> FluentValue<'static> {
        let figure = self.fmt.figure(e.amount, self.unit(), e.status);
        let a = args([("figure", figure.into()), ("year", Self::year(e.year))]);
        let t_with = self.t_with;
        t_with("reason-figure", Some(&a)).into()
    }

    fn verdict(&self, verdict: &Verdict) -> String {
        let t = self.terms;
        let metric =
            || -> FluentValue<'static> { (self.text)(&self.site.metric(t.metric).title).into() };
        let t_with = self.t_with;
        match verdict {
            Verdict::NoEvidence { baseline: None } => {
                t_with("reason-no-evidence", Some(&args([("metric", metric())])))
            }
            Verdict::NoEvidence {
                baseline: Some((v, year)),
            } => t_with(
                "reason-baseline-only",
                Some(&args([
                    ("baseline", self.value(*v)),
                    ("year", Self::year(*year)),
                    ("metric", metric()),
                ])),
            ),
            Verdict::Reached { latest, late } => {
                let a = args([
                    ("latest", self.figure(latest)),
                    ("goal", self.goal()),
                    ("deadline", Self::year(t.deadline)),
                ]);
                match late {
                    false => t_with("reason-reached", Some(&a)),
                    true => t_with("reason-reached-late", Some(&a)),
                }
            }
            Verdict::PastDeadline { latest } => t_with(
                "reason-past-deadline",
                Some(&args([
                    ("deadline", Self::year(t.deadline)),
                    ("as-of", Self::year(t.as_of)),
                    ("latest", self.figure(latest)),
                    ("goal", self.goal()),
                ])),
            ),
            Verdict::NoStart {
                latest,
                why: NoStart::OneYear,
            } => t_with(
                "reason-one-year",
                Some(&args([("latest", self.figure(latest))])),
            ),
            Verdict::NoStart {
                latest,
                why: NoStart::BaselineNotEarlier((v, year)),
            } => t_with(
                "reason-baseline-not-earlier",
                Some(&args([
                    ("baseline", self.value(*v)),
                    ("year", Self::year(*year)),
                    ("latest", self.figure(latest)),
                ])),
            ),
            Verdict::Pace {
                start: (from, year),
                from_baseline,
                latest,
                projected,
                standing,
            } => {
                let start = match from_baseline {
                    true => t_with(
                        "reason-start-baseline",
                        Some(&args([("value", self.amount(*from))])),
                    )
                    .into(),
                    false => self.amount(*from),
                };
                let goal = args([("goal", self.goal())]);
                let mut a = args([
                    ("start", start),
                    ("year", Self::year(*year)),
                    ("latest", self.figure(latest)),
                    ("goal", self.goal()),
                    ("deadline", Self::year(t.deadline)),
                ]);
                let Some(p) = projected else {
                    return t_with("reason-pace-open", Some(&a));
                };
                let outcome = match standing {
                    Standing::OnTrack => t_with("reason-outcome-meets", Some(&goal)),
                    Standing::OffTrack if t.rising => t_with("reason-outcome-short", Some(&goal)),
                    Standing::OffTrack => t_with("reason-outcome-above", Some(&goal)),
                    Standing::Insufficient | Standing::NotMeasured => {
                        t_with("reason-outcome-open", Some(&goal))
                    }
                };
                a.set("projected", self.amount(p.map(|v| readable(v, t.goal))));
                a.set("outcome", outcome);
                t_with("reason-pace", Some(&a))
            }
        }
    }
}
