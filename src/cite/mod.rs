//! Citations: how to cite a report, a metric (a dataset) or one figure.
//!
//! One [`Citation`] record per thing cited, made from the model, is written in three
//! formats, one file each: plain text for readers (`plain`), BibTeX (`bibtex`) and
//! CSL-JSON (`csl`), the two that reference managers such as Zotero import. The page
//! shows the plain text and the BibTeX, and each report and metric also gets
//! `cite.bib` and `cite.json` next to its page, so a reference manager can import them
//! by URL (the CSL-JSON is linked, not shown: it is for programs, and showing it
//! doubled every report page's citation).
//!
//! Nothing here reads a clock: the same sources give the same citations, byte for
//! byte, so there is no "accessed" date (a reader's reference manager adds its own).

mod bibtex;
mod csl;
mod plain;

use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::link::Links;
use crate::model::{MetricId, Observation, PartialDate, ReportId, Site};
use crate::pipeline::Sink;
use crate::urls::Page;

/// The name of a page's BibTeX file, in the page's folder.
pub(crate) const BIB_FILE: &str = "cite.bib";
/// The name of a page's CSL-JSON file, in the page's folder.
pub(crate) const CSL_FILE: &str = "cite.json";

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
    /// The page's `cite.bib` and `cite.json`, under the site's base path.
    pub(crate) bib_url: String,
    pub(crate) json_url: String,
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
    /// The view of citation `c` of the page `page`, whose original (for a report) is at
    /// `source_url`. `root_base` is the base path of the files every language shares
    /// (`/wsis/`): a page's citation files exist once, beside the default language's
    /// page, and its citation is the same in every language.
    pub(crate) fn new(
        c: &Citation<'_>,
        page: Page<'_>,
        source_url: Option<&str>,
        root_base: &str,
    ) -> Self {
        let folder = page.url(root_base);
        CiteView {
            plain: c.plain(),
            bibtex: c.bibtex(),
            url: c.url.clone(),
            bib_url: format!("{folder}{BIB_FILE}"),
            json_url: format!("{folder}{CSL_FILE}"),
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

/// Writes every report's and metric's `cite.bib` and `cite.json` into `sink`, in
/// parallel and each pair as soon as it is made, rather than holding them all.
pub(crate) fn files(site: &Site, links: &Links, sink: &dyn Sink) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    let put = |folder: String, c: Citation| {
        sink.put(
            &PathBuf::from(format!("{folder}{BIB_FILE}")),
            c.bibtex().into_bytes(),
        )?;
        sink.put(
            &PathBuf::from(format!("{folder}{CSL_FILE}")),
            c.csl().into_bytes(),
        )
    };
    (0..site.reports.len()).into_par_iter().try_for_each(|i| {
        let id = ReportId(i as u32);
        put(
            Page::Report(&site.report(id).slug).path(),
            Citation::report(site, id),
        )
    })?;
    (0..site.metrics.len()).into_par_iter().try_for_each(|i| {
        let id = MetricId(i as u32);
        put(
            Page::Metric(&site.metric(id).id).path(),
            Citation::metric(site, links, id),
        )
    })
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
