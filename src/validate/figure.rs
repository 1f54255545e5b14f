//! What one figure says: its amount (a value with its bound, or a range), its status
//! and its source, read from the front matter fields that state them, old and new.

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::number::{self};
use crate::load::{Doc, FrontMatter, RawFigure};
use crate::model::{Amount, Bound, Source, Status};

use super::{check_web_url, is_slug, read};

/// The parts of a figure that say what its number means.
pub(super) struct Meaning {
    pub(super) amount: Amount,
    /// Whether the amount was read as written (else it is a stand-in, and not held to
    /// the quote).
    pub(super) amount_read: bool,
    pub(super) status: Status,
    pub(super) source: Source,
}

/// Reads figure `j` of `doc`'s front matter, pushing a diagnostic for each problem.
pub(super) fn meaning(
    f: &RawFigure,
    j: usize,
    doc: &Doc<FrontMatter>,
    errors: &mut Vec<Diagnostic>,
) -> Meaning {
    let at = |field: &str| format!("figures.{j}.{field}");
    let (bound, status) = bound_and_status(f, &at, doc, errors);
    let before = errors.len();
    let amount = amount(f, bound, &at, doc, errors);
    let amount_read = errors.len() == before;
    let source = match &f.source {
        None => Source::Own,
        Some(s) => {
            if s.name.trim().is_empty() {
                errors.push(
                    doc.error(Kind::Invalid, &at("source.name"), "the source's name is empty")
                        .help("name the source as the report does, or leave out `source` for the reporting organization's own figure"),
                );
            }
            if let Some(url) = &s.url
                && let Err(e) = check_web_url(url)
            {
                errors.push(doc.error(Kind::Invalid, &at("source.url"), e));
            }
            Source::Cited {
                name: s.name.trim().to_string(),
                url: s.url.clone(),
            }
        }
    };
    if let Some(slug) = &f.restates
        && !is_slug(slug)
    {
        errors.push(
            doc.error(
                Kind::Invalid,
                &at("restates"),
                format!(
                    "restates `{}`: not a report slug",
                    crate::diagnostic::cut(slug, 60)
                ),
            )
            .help("name the earlier report by its file name without `.md`, such as igf-2024"),
        );
    }
    Meaning {
        amount,
        amount_read,
        status,
        source,
    }
}

/// The bound and status, from `bound:` and `status:` or from the old `qualifier:`,
/// which may not be mixed with them: a file saying `qualifier: exact` and
/// `bound: at-least` does not say which it means.
fn bound_and_status(
    f: &RawFigure,
    at: &dyn Fn(&str) -> String,
    doc: &Doc<FrontMatter>,
    errors: &mut Vec<Diagnostic>,
) -> (Option<Bound>, Status) {
    match f.qualifier {
        Some(q) if f.bound.is_some() || f.status.is_some() => {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at("qualifier"),
                    "`qualifier` cannot be used with `bound` or `status`",
                )
                .help("`qualifier` is the old single field; state the bound and the status instead (`qualifier: projected` is `status: projected`)"),
            );
            let (b, s) = q.split();
            (Some(b), s)
        }
        Some(q) => {
            let (b, s) = q.split();
            (Some(b), s)
        }
        None => (f.bound, f.status.unwrap_or_default()),
    }
}

/// The amount: `value` with its bound, or `low` and `high` for a range (the bound
/// may then be left out).
fn amount(
    f: &RawFigure,
    bound: Option<Bound>,
    at: &dyn Fn(&str) -> String,
    doc: &Doc<FrontMatter>,
    errors: &mut Vec<Diagnostic>,
) -> Amount {
    let has_ends = f.low.is_some() || f.high.is_some();
    let bound = bound.unwrap_or(if has_ends { Bound::Range } else { Bound::Exact });
    if bound == Bound::Range {
        return range(f, at, doc, errors);
    }
    for (field, given) in [("low", &f.low), ("high", &f.high)] {
        if given.is_some() {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at(field),
                    format!("`{field}` is for a range, but the bound is {}", bound.name()),
                )
                .help("a range is `bound: range` with `low` and `high`; any other bound has one `value`"),
            );
        }
    }
    let Some(raw) = &f.value else {
        errors.push(
            doc.error(Kind::Invalid, &at("metric"), "the figure has no `value`")
                .help("state the value as the report does, such as `value: 28`; a range is `low` and `high`"),
        );
        return Amount::Exact(0.0);
    };
    let v = read(number::figure_value(raw), doc, &at("value"), errors);
    // A range returned above; every other bound has a single amount.
    bound.single(v).unwrap_or(Amount::Exact(v))
}

/// A range's two ends, `low` below `high`.
fn range(
    f: &RawFigure,
    at: &dyn Fn(&str) -> String,
    doc: &Doc<FrontMatter>,
    errors: &mut Vec<Diagnostic>,
) -> Amount {
    if f.value.is_some() {
        errors.push(
            doc.error(
                Kind::Invalid,
                &at("value"),
                "a range has `low` and `high`, not `value`",
            )
            .help("write the range's ends as `low: 3` and `high: 5`"),
        );
    }
    let (Some(low), Some(high)) = (&f.low, &f.high) else {
        let missing = if f.low.is_none() { "low" } else { "high" };
        errors.push(
            doc.error(
                Kind::Invalid,
                &at("metric"),
                format!("the range has no `{missing}`"),
            )
            .help("a range states both ends: `low: 3` and `high: 5`"),
        );
        return Amount::Exact(0.0);
    };
    let (lo, hi) = match (number::figure_value(low), number::figure_value(high)) {
        (Ok(lo), Ok(hi)) => (lo, hi),
        (lo, hi) => {
            // Each refused end is reported; comparing a refused end would add noise.
            let lo = read(lo, doc, &at("low"), errors);
            read(hi, doc, &at("high"), errors);
            return Amount::Exact(lo);
        }
    };
    if lo >= hi {
        errors.push(
            doc.error(
                Kind::Invalid,
                &at("high"),
                format!(
                    "the range's high end {} is not above its low end {}",
                    crate::format::plain(hi),
                    crate::format::plain(lo)
                ),
            )
            .help("`low` is the smaller end; a single value is `value` (with `bound: approximately` if the report hedges it)"),
        );
        return Amount::Exact(lo);
    }
    Amount::Range { low: lo, high: hi }
}
