//! The review page's HTML: plain forms that work without JavaScript, every value
//! from a report file escaped (quotes come from untrusted submissions), headings and
//! labels for screen readers. It does not use the site's theme: it is a tool for
//! editors, not a page of the site.

use crate::load::RawFigure;
use crate::markdown::{escape, normalise_quote};
use crate::model::{Bound, Status};
use crate::review::Draft;

use super::review::INDEX;

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}\
section{border-top:1px solid #ccd;padding:1rem 0}mark{background:#ffe58a}\
blockquote{margin:0;padding:.5rem 1rem;background:#f4f5f7;border-left:4px solid #99a}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
label{display:block;margin-top:.5rem;font-weight:600}input,select,textarea{font:inherit;width:100%;max-width:36rem}\
button{font:inherit;margin:.5rem .5rem 0 0;padding:.3rem 1rem}.none{color:#666}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>",
        escape(title)
    )
}

/// A page saying what happened, with a link back to `back` (a path of this server).
pub(super) fn message(title: &str, message: &str, back: &str) -> String {
    page(
        title,
        &format!(
            "<h1>{}</h1><pre>{}</pre><p><a href=\"{}\">Back</a></p>",
            escape(title),
            escape(message),
            escape(back)
        ),
    )
}

/// The list of reports with candidates.
pub(super) fn index(waiting: &[(String, usize)]) -> String {
    let mut body = String::from("<h1>Candidate figures to review</h1>");
    if waiting.is_empty() {
        body.push_str("<p>No report has candidate figures waiting for review.</p>");
    } else {
        body.push_str("<ul>");
        for (slug, n) in waiting {
            body.push_str(&format!(
                "<li><a href=\"{INDEX}{slug}/\">{slug}</a>: {n} candidate{}</li>",
                if *n == 1 { "" } else { "s" },
                slug = escape(slug)
            ));
        }
        body.push_str("</ul>");
    }
    page("Review candidate figures", &body)
}

/// One report's candidates, each with its passage and its forms.
pub(super) fn report(slug: &str, draft: &Draft, token: &str) -> String {
    let front = &draft.report.front.value;
    let mut body = format!(
        "<p><a href=\"{INDEX}\">All reports to review</a></p><h1>{}</h1><p>{} candidate figure{} in <code>{}</code>. Accepting one deletes its <code>review:</code> line; rejecting deletes the entry.</p>",
        escape(&front.title),
        draft.report.candidates.len(),
        if draft.report.candidates.len() == 1 {
            ""
        } else {
            "s"
        },
        escape(&draft.file.display().to_string())
    );
    let action = format!("{INDEX}{}/act", escape(slug));
    for ((index, f), comment) in draft.report.candidates.iter().zip(&draft.comments) {
        let hidden = format!(
            "<input type=\"hidden\" name=\"token\" value=\"{}\"><input type=\"hidden\" name=\"fingerprint\" value=\"{}\"><input type=\"hidden\" name=\"index\" value=\"{index}\">",
            escape(token),
            escape(&draft.fingerprint)
        );
        body.push_str(&format!(
            "<section aria-labelledby=\"c{index}\"><h2 id=\"c{index}\">Figure {}: {}</h2>{}{}\
             <form method=\"post\" action=\"{action}\">{hidden}<button name=\"action\" value=\"accept\">Accept</button><button name=\"action\" value=\"reject\">Reject</button></form>\
             <details><summary>Edit</summary><form method=\"post\" action=\"{action}\">{hidden}{}<button name=\"action\" value=\"edit\">Save changes</button></form></details></section>",
            index + 1,
            escape(&f.metric),
            passage(&draft.report.body, &f.quote),
            facts(f, comment.as_deref()),
            edit_fields(f, *index),
        ));
    }
    page(&format!("Review {}", front.title), &body)
}

/// The paragraph of `body` holding `quote`, with the quote marked; or the quote alone,
/// said not to be in the text.
fn passage(body: &str, quote: &str) -> String {
    // Folded as the build folds quotes and text (escapes, spaces, typographic quotes,
    // Unicode normalization, invisible characters), so that the page finds every quote
    // the build verifies.
    let quote = normalise_quote(quote);
    for paragraph in body.split("\n\n") {
        let paragraph = normalise_quote(paragraph);
        if let Some(at) = paragraph.find(&quote).filter(|_| !quote.is_empty()) {
            return format!(
                "<blockquote><p>{}<mark>{}</mark>{}</p></blockquote>",
                escape(&paragraph[..at]),
                escape(&quote),
                escape(&paragraph[at + quote.len()..])
            );
        }
    }
    format!(
        "<p><strong>The quote is not in the report's text:</strong></p><blockquote><p>{}</p></blockquote>",
        escape(&quote)
    )
}

/// The candidate's fields, as a definition list.
fn facts(f: &RawFigure, comment: Option<&str>) -> String {
    let value = match (&f.value, &f.low, &f.high) {
        (Some(v), ..) => escape(&v.0),
        (None, Some(l), Some(h)) => format!("{} to {}", escape(&l.0), escape(&h.0)),
        _ => "<span class=\"none\">none</span>".into(),
    };
    let metric = match &f.proposed_metric {
        Some(p) => format!(
            "<code>{}</code> (new: “{}”, unit {}{})",
            escape(&f.metric),
            escape(&p.title),
            escape(&p.unit),
            p.description
                .as_deref()
                .map(|d| format!("; {}", escape(d)))
                .unwrap_or_default()
        ),
        None => format!("<code>{}</code>", escape(&f.metric)),
    };
    format!(
        "<dl><dt>Value</dt><dd>{value}</dd><dt>Bound</dt><dd>{}</dd><dt>Status</dt><dd>{}</dd><dt>Year</dt><dd>{}</dd><dt>Metric</dt><dd>{metric}</dd><dt>Why it was found</dt><dd>{}</dd></dl>",
        f.bound.unwrap_or_default().name(),
        f.status.unwrap_or_default().name(),
        escape(&f.year.0),
        comment
            .map(escape)
            .unwrap_or_else(|| "<span class=\"none\">no note</span>".into())
    )
}

/// The edit form's fields, filled with the candidate's values; ids unique on the page.
fn edit_fields(f: &RawFigure, index: usize) -> String {
    let input = |name: &str, label: &str, value: &str| {
        format!(
            "<label for=\"{name}-{index}\">{label}</label><input id=\"{name}-{index}\" name=\"{name}\" value=\"{}\">",
            escape(value)
        )
    };
    let select = |name: &str, label: &str, names: &[&str], chosen: &str| {
        let options: String = names
            .iter()
            .map(|n| {
                let selected = if *n == chosen { " selected" } else { "" };
                format!("<option{selected}>{n}</option>")
            })
            .collect();
        format!(
            "<label for=\"{name}-{index}\">{label}</label><select id=\"{name}-{index}\" name=\"{name}\">{options}</select>"
        )
    };
    let number = |n: &Option<crate::load::number::RawNumber>| {
        n.as_ref().map(|n| n.0.clone()).unwrap_or_default()
    };
    let bounds: Vec<&str> = Bound::ALL
        .iter()
        .filter(|b| **b != Bound::Range)
        .map(|b| b.name())
        .collect();
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
    format!(
        "{}{}{}{}{}{}{}<label for=\"quote-{index}\">Quote</label><textarea id=\"quote-{index}\" name=\"quote\" rows=\"3\">{}</textarea>",
        input("metric", "Metric id", &f.metric),
        input(
            "value",
            "Value (or low and high for a range)",
            &number(&f.value)
        ),
        input("low", "Low", &number(&f.low)),
        input("high", "High", &number(&f.high)),
        select(
            "bound",
            "Bound (not for a range)",
            &bounds,
            f.bound.unwrap_or_default().name()
        ),
        select(
            "status",
            "Status",
            &statuses,
            f.status.unwrap_or_default().name()
        ),
        input("year", "Year", &f.year.0),
        escape(&f.quote)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passage_marks_the_quote_and_escapes_everything() {
        let body = "# Title\n\nFirst <b>para</b>.\n\nWe spent \\$5 & trained\n3,300 <people>. Then more.\n";
        let html = passage(body, "trained 3,300 <people>.");
        assert_eq!(
            html,
            "<blockquote><p>We spent $5 &amp; <mark>trained 3,300 &lt;people&gt;.</mark> Then more.</p></blockquote>"
        );
        let missing = passage(body, "<script>x</script>");
        assert!(missing.contains("not in the report's text"));
        assert!(missing.contains("&lt;script&gt;x&lt;/script&gt;"));
    }

    #[test]
    fn the_passage_finds_what_the_build_finds() {
        // Typographic apostrophes, a no-break space and a soft hyphen in the text; the
        // quote typed plainly, as the build's quote check accepts it.
        let body = "Intro.\n\nThe world\u{2019}s 2,000\u{a0}com\u{ad}munity networks grew.\n";
        let html = passage(body, "world's 2,000 community networks");
        assert!(
            html.contains("<mark>world&#39;s 2,000 community networks</mark>"),
            "{html}"
        );
    }

    #[test]
    fn the_index_links_each_report() {
        let html = index(&[("isoc-2025".into(), 12), ("igf-2025".into(), 1)]);
        assert!(
            html.contains("<a href=\"/__wsis/review/isoc-2025/\">isoc-2025</a>: 12 candidates")
        );
        assert!(html.contains("igf-2025</a>: 1 candidate</li>"));
        assert!(index(&[]).contains("No report has candidate figures"));
    }
}
