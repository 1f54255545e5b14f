//! Where each page lives: one place decides both a page's URL and its output file, so
//! the two can never disagree.

use std::path::{Path, PathBuf};

/// A page of the generated site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page<'a> {
    /// `/`
    Home,
    /// `/action-lines/`
    ActionLines,
    /// `/action-lines/<slug>/`
    ActionLine(&'a str),
    /// `/action-lines/<slug>/<yyyy>/`: one year of a line's sections, for lines with
    /// too many to show on one page.
    ActionLineYear(&'a str, i32),
    /// `/organizations/`
    Organizations,
    /// `/organizations/<id>/`
    Organization(&'a str),
    /// `/reports/`
    Reports,
    /// `/reports/<slug>/`
    Report(&'a str),
    /// `/metrics/`
    Metrics,
    /// `/metrics/<id>/`
    Metric(&'a str),
    /// `/years/`
    Years,
    /// `/years/<yyyy>/`
    Year(i32),
    /// `/targets/`: every target of the WSIS+20 frame, with its status.
    Targets,
    /// `/targets/<id>/`: one target with its status.
    Target(&'a str),
    /// `/frameworks/`: the crosswalk between action lines, SDGs and GDC objectives.
    Frameworks,
    /// `/frameworks/sdg/<n>/`: a Sustainable Development Goal.
    Sdg(u8),
    /// `/frameworks/gdc/<n>/`: a Global Digital Compact objective.
    Gdc(u8),
    /// `/documents/`: the source documents.
    Documents,
    /// `/documents/<id>/`: a source document, its paragraphs anchored `#para-<n>`.
    Document(&'a str),
    /// `/404.html`, served by static hosts for any missing page.
    NotFound,
    /// `/search/`
    Search,
    /// `/atom.xml`, the feed of reports.
    Feed,
    /// `/sitemap.xml`
    Sitemap,
    /// `/robots.txt`
    Robots,
}

impl Page<'_> {
    /// Whether the page is an HTML page (rather than a feed, sitemap or robots.txt).
    pub fn is_html(&self) -> bool {
        !matches!(self, Page::Feed | Page::Sitemap | Page::Robots)
    }

    /// The page's path below the site root, without a leading slash (`reports/x/`).
    pub fn path(&self) -> String {
        match self {
            Page::Home => String::new(),
            Page::ActionLines => "action-lines/".into(),
            Page::ActionLine(s) => format!("action-lines/{s}/"),
            Page::ActionLineYear(s, y) => format!("action-lines/{s}/{y}/"),
            Page::Organizations => "organizations/".into(),
            Page::Organization(s) => format!("organizations/{s}/"),
            Page::Reports => "reports/".into(),
            Page::Report(s) => format!("reports/{s}/"),
            Page::Metrics => "metrics/".into(),
            Page::Metric(s) => format!("metrics/{s}/"),
            Page::Years => "years/".into(),
            Page::Year(y) => format!("years/{y}/"),
            Page::Targets => "targets/".into(),
            Page::Target(id) => format!("targets/{id}/"),
            Page::Frameworks => "frameworks/".into(),
            Page::Sdg(n) => format!("frameworks/sdg/{n}/"),
            Page::Gdc(n) => format!("frameworks/gdc/{n}/"),
            Page::Documents => "documents/".into(),
            Page::Document(id) => format!("documents/{id}/"),
            Page::NotFound => "404.html".into(),
            Page::Search => "search/".into(),
            Page::Feed => "atom.xml".into(),
            Page::Sitemap => "sitemap.xml".into(),
            Page::Robots => "robots.txt".into(),
        }
    }

    /// The page's link under the site's base path (`/wsis/reports/x/`).
    pub fn url(&self, base_path: &str) -> String {
        format!("{base_path}{}", self.path())
    }

    /// The file the page is written to, relative to the output folder.
    pub fn output_file(&self) -> PathBuf {
        file_of(&self.path())
    }
}

/// The anchor of paragraph `n` on a document's page (`para-113`): the page's ids,
/// the links to a paragraph and the link check's messages all take it from here.
pub(crate) fn paragraph_anchor(n: u32) -> String {
    format!("para-{n}")
}

/// The id of the source document whose page is at the page path `rel`
/// (`documents/a-res-80-173/`), the inverse of [`Page::Document`]'s path.
pub(crate) fn document_of_path(rel: &str) -> Option<&str> {
    rel.strip_prefix("documents/")
        .and_then(|d| d.strip_suffix('/'))
        .filter(|d| !d.is_empty() && !d.contains('/'))
}

/// The address of paragraph `n` of `document`, whose page is at `page`: with the
/// paragraph's anchor when the page transcribes it, else the page itself (a site may
/// cite a paragraph it has not transcribed, and a link to a missing anchor would fail
/// the link check).
pub(crate) fn paragraph_url(
    page: String,
    document: &crate::model::frame::Document,
    n: u32,
) -> String {
    match document.paragraph(n) {
        Some(_) => format!("{page}#{}", paragraph_anchor(n)),
        None => page,
    }
}

/// The paragraph number of a document page's anchor (`para-113` gives 113).
pub(crate) fn anchor_paragraph(anchor: &str) -> Option<u32> {
    anchor.strip_prefix("para-")?.parse().ok()
}

/// The output file of a page path: a folder path (`reports/x/`, or `` for the home
/// page) is its `index.html`, anything else is the file itself.
pub fn file_of(path: &str) -> PathBuf {
    if path.is_empty() || path.ends_with('/') {
        PathBuf::from(format!("{path}index.html"))
    } else {
        PathBuf::from(path)
    }
}

/// A relative path written with `/` whatever the platform, as in URLs, theme file names
/// and the output manifest.
pub(crate) fn slash_path(rel: &Path) -> String {
    rel.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_files_agree() {
        let p = Page::Report("isoc-2024");
        assert_eq!(p.url("/wsis/"), "/wsis/reports/isoc-2024/");
        assert_eq!(
            p.output_file(),
            PathBuf::from("reports/isoc-2024/index.html")
        );
        assert_eq!(Page::Home.url("/"), "/");
        assert_eq!(Page::Home.output_file(), PathBuf::from("index.html"));
        assert_eq!(Page::NotFound.output_file(), PathBuf::from("404.html"));
    }
}
