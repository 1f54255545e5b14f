//! Citations: how to cite a report, a metric (a dataset) or one figure.
//!
//! One [`Citation`] record per thing cited, made from the model, is written in three
//! formats: plain text for readers (`plain`), BibTeX (`bibtex`) and CSL-JSON (`csl`),
//! the two that reference managers such as Zotero import. The page shows the plain
//! text, and offers both BibTeX and CSL-JSON as files to download
//! (`<key>.bib`, `<key>.json`) whose bytes travel in the link itself, a `data:`
//! address: a file of its own for each format beside every report and metric page was
//! most of the files a site had (26,000 of 47,672 at 10,000 reports), and creating
//! files was most of a build's time. Reference managers importing a page read its
//! `citation_*` meta tags.
//!
//! Nothing here reads a clock: the same sources give the same citations, byte for
//! byte, so there is no "accessed" date (a reader's reference manager adds its own).

mod bibtex;
mod csl;
mod plain;

use std::fmt::Write as _;

use base64::Engine as _;
use serde::Serialize;

use crate::link::Links;
use crate::model::{MetricId, Observation, PartialDate, ReportId, Site};
use crate::urls::Page;

/// What sort of work is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Work {
    /// A report an organization published.
    Report,
    /// A metric's series of values, compiled by the site from the reports.
    Dataset,
}

/// Everything a citation says, whatever its format.
#[derive(Debug, Clone)]
pub(crate) struct Citation<'a> {
    /// The entry's key: lower case ASCII letters, digits and `-`.
    pub(crate) key: String,
    pub(crate) work: Work,
    /// The author, an institution: never split into given and family names.
    pub(crate) author: &'a str,
    pub(crate) title: &'a str,
    /// When it was published; a dataset without values has none.
    pub(crate) issued: Option<PartialDate>,
    /// Who published it: a report's organization, or the site for a dataset.
    pub(crate) publisher: &'a str,
    /// A report's kind, such as "Annual progress report".
    pub(crate) genre: Option<&'a str>,
    /// The site that holds it.
    pub(crate) archive: &'a str,
    /// Its stable absolute address: its page, or a figure's anchor on it.
    pub(crate) url: String,
    /// The language of the content, a BCP 47 tag.
    pub(crate) language: &'a str,
    /// What a figure's citation adds to its report's: "Figure <id>: <metric>, <year>:
    /// <value>".
    pub(crate) part: Option<String>,
    /// A line more: who a report was submitted to, what a dataset holds, or the words
    /// of a figure.
    pub(crate) note: Option<String>,
}

impl<'a> Citation<'a> {
    /// The citation of report `id`.
    pub(crate) fn report(site: &'a Site, id: ReportId) -> Self {
        let r = site.report(id);
        Citation {
            key: key("wsis", &r.slug),
            work: Work::Report,
            author: &site.org(r.organization).name,
            title: &r.title,
            issued: Some(r.published),
            publisher: &site.org(r.organization).name,
            genre: Some(r.kind.label()),
            archive: &site.config.title,
            url: absolute(site, Page::Report(&r.slug)),
            language: site.config.language.tag(),
            part: None,
            note: r
                .submitted_to
                .as_ref()
                .map(|to| format!("Submitted to {to}")),
        }
    }

    /// The citation of metric `id`'s series, a dataset the site compiles from the
    /// reports: published when the latest report stating one of its values was.
    pub(crate) fn metric(site: &'a Site, links: &Links, id: MetricId) -> Self {
        let m = site.metric(id);
        let issued = links.series[id.index()]
            .observations
            .iter()
            .map(|o| site.report(o.report).published)
            .max();
        Citation {
            key: key("wsis-metric", &m.id),
            work: Work::Dataset,
            author: &site.org(m.organization).name,
            title: &m.title,
            issued,
            publisher: &site.config.title,
            genre: None,
            archive: &site.config.title,
            url: absolute(site, Page::Metric(&m.id)),
            language: site.config.language.tag(),
            part: None,
            note: Some(
                "Year by year, each value linked to the sentence of the report that states it"
                    .to_string(),
            ),
        }
    }

    /// The citation of one figure: the report stating it, pointed at the figure's
    /// sentence, with the figure named (`display` is its value as readers see it) and
    /// its words as the note.
    pub(crate) fn figure(site: &'a Site, o: Observation, display: &str) -> Self {
        let r = site.report(o.report);
        let f = &r.figures[o.figure];
        let mut c = Citation::report(site, o.report);
        c.url = format!("{}#{}", c.url, f.anchor);
        c.part = Some(format!(
            "Figure {}: {}, {}: {display}",
            r.figure_id(o.figure),
            site.metric(f.metric).title,
            f.year
        ));
        c.note = Some(f.quote.clone());
        c
    }

    /// The citation as readers read it.
    pub(crate) fn plain(&self) -> String {
        plain::write(self)
    }

    /// The citation as a BibTeX entry.
    pub(crate) fn bibtex(&self) -> String {
        bibtex::write(self)
    }

    /// The citation as a CSL-JSON file: an array of one item.
    pub(crate) fn csl(&self) -> String {
        csl::write(self)
    }
}

/// A citation as a page shows it.
#[derive(Debug, Serialize)]
pub(crate) struct CiteView {
    pub(crate) plain: String,
    pub(crate) bibtex: String,
    /// The stable address.
    pub(crate) url: String,
    /// The BibTeX and CSL-JSON files as `data:` addresses, and the names they are
    /// downloaded under (`<key>.bib`, `<key>.json`).
    pub(crate) bib_url: String,
    pub(crate) json_url: String,
    pub(crate) bib_name: String,
    pub(crate) json_name: String,
    /// The values of the `citation_*` meta tags that scholarly search engines and
    /// reference managers read from a report's page.
    pub(crate) meta: Meta,
}

/// The `citation_*` meta tags' values (Highwire Press tags, as Google Scholar and
/// Zotero read them).
#[derive(Debug, Serialize)]
pub(crate) struct Meta {
    pub(crate) title: String,
    pub(crate) author: String,
    /// `2024/10/15`, `2024/10` or `2024`.
    pub(crate) date: Option<String>,
    pub(crate) publisher: String,
    /// The language of the content (not of the page's interface), a BCP 47 tag.
    pub(crate) language: String,
    /// The original's address, only when it is a PDF.
    pub(crate) pdf_url: Option<String>,
}

impl CiteView {
    /// The view of citation `c`, of a work whose original (for a report) is at
    /// `source_url`. The same in every language.
    pub(crate) fn new(c: &Citation<'_>, source_url: Option<&str>) -> Self {
        let bibtex = c.bibtex();
        CiteView {
            plain: c.plain(),
            bib_url: data_url("application/x-bibtex", &bibtex),
            json_url: data_url("application/vnd.citationstyles.csl+json", &c.csl()),
            bib_name: format!("{}.bib", c.key),
            json_name: format!("{}.json", c.key),
            bibtex,
            url: c.url.clone(),
            meta: Meta {
                title: c.title.to_string(),
                author: c.author.to_string(),
                date: c.issued.map(|d| d.to_string().replace('-', "/")),
                publisher: c.publisher.to_string(),
                language: c.language.to_string(),
                pdf_url: source_url.filter(|u| is_pdf(u)).map(str::to_string),
            },
        }
    }
}

/// A `data:` address holding the UTF-8 text `text` of media type `mime`: percent-encoded
/// or in base64, whichever is shorter (the address is written on every page that offers
/// the file). Base64 wins for most citation files (their spaces, line breaks and
/// braces take three characters each percent-encoded) and for text outside ASCII;
/// percent-encoding for text mostly of letters, digits and punctuation. Either way
/// no character of it needs escaping in an attribute or a URL.
fn data_url(mime: &str, text: &str) -> String {
    let mut url = format!("data:{mime};charset=utf-8,");
    let head = url.len();
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$()*,;:@=+/?".contains(&b) {
            url.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(url, "%{b:02X}");
        }
    }
    let base64_len = ";base64".len() + text.len().div_ceil(3) * 4;
    if base64_len < url.len() - head {
        url.truncate(head - 1);
        url.push_str(";base64,");
        base64::engine::general_purpose::STANDARD.encode_string(text, &mut url);
    }
    url
}

/// The absolute address of `page`.
fn absolute(site: &Site, page: Page<'_>) -> String {
    format!("{}{}", site.config.base_url.root(), page.path())
}

/// An entry key from `prefix` and an id. Ids and slugs are already lower case ASCII
/// letters, digits and `-` (validation sees to it), so this only guards the rule
/// that keys keep to those, which BibTeX tools and LaTeX need.
fn key(prefix: &str, id: &str) -> String {
    let mut k = String::with_capacity(prefix.len() + 1 + id.len());
    for c in prefix.chars().chain(std::iter::once('-')).chain(id.chars()) {
        let c = c.to_ascii_lowercase();
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            c
        } else {
            '-'
        };
        if !(c == '-' && k.ends_with('-')) {
            k.push(c);
        }
    }
    k.trim_end_matches('-').to_string()
}

/// Whether `url` is a PDF's address: its path, without query or fragment, ends with
/// `.pdf`.
fn is_pdf(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.len() > 4
        && path
            .get(path.len() - 4..)
            .is_some_and(|end| end.eq_ignore_ascii_case(".pdf"))
}

#[cfg(test)]
mod tests;
