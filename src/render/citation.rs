//! A citation of the WSIS+20 frame as templates show it: where a target, a goal or a
//! crosswalk link is stated, linked to the paragraph on the site's document page when
//! the site has the document.

use serde::Serialize;

use super::views::Views;
use crate::model::frame::{Citation, Sourced};
use crate::urls::Page;

/// Where something is stated, in words and as a link.
#[derive(Debug, Serialize)]
pub(super) struct CitationView<'a> {
    /// The citation as readers see it: "A/RES/80/173, paragraph 23 (b)",
    /// "WSIS-SDG Matrix, p. 12".
    pub(super) text: String,
    /// The paragraph on the document page (`/documents/<id>/#para-23`), or the
    /// outside source's address; none for an outside source without one.
    pub(super) url: Option<String>,
    /// The document's full title, for a paragraph of a document of the site.
    pub(super) document_title: Option<&'a str>,
    /// The verbatim words quoted from the source, if any.
    pub(super) quote: Option<&'a str>,
}

impl<'a> Views<'a> {
    /// The view of `sourced`.
    pub(super) fn citation(&self, sourced: &'a Sourced) -> CitationView<'a> {
        let quote = sourced.quote.as_deref();
        match &sourced.citation {
            Citation::Paragraph {
                document,
                paragraph,
                item,
            } => {
                let d = self.site.frame.document(*document);
                let mut text = format!("{}, paragraph {paragraph}", d.symbol);
                if let Some(item) = item {
                    text.push_str(&format!(" ({item})"));
                }
                CitationView {
                    text,
                    url: Some(format!(
                        "{}#para-{paragraph}",
                        self.url(Page::Document(&d.id))
                    )),
                    document_title: Some(&d.title),
                    quote,
                }
            }
            Citation::External { name, url, locator } => CitationView {
                text: match locator {
                    Some(l) => format!("{name}, {l}"),
                    None => name.clone(),
                },
                url: url.clone(),
                document_title: None,
                quote,
            },
        }
    }
}
