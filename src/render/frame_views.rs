//! What templates see of the WSIS+20 frame: citations, the ends of crosswalk links,
//! the links themselves and the targets in lists, built per page like the other
//! views (`views`).

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::labels::args;
use super::views::Views;
use crate::model::frame::{Citation, Frame, Link, Node, SdgId, Sourced};
use crate::urls::Page;

/// Where a framework entry, a crosswalk link or a target is stated, as readers see
/// it: "A/RES/80/173, paragraph 113 (b)" linked to the paragraph, or "WSIS-SDG Matrix, C4"
/// linked to the outside document.
#[derive(Debug, Serialize)]
pub(crate) struct CitationView<'a> {
    /// The citation in a few words: the document's symbol and paragraph, or the
    /// outside source's name and locator.
    pub(crate) text: String,
    /// The language of `text` when it is not the page's (an outside source's name
    /// not translated into it): its `lang` attribute.
    pub(crate) lang: Option<&'a str>,
    /// The document's title, for a paragraph of a document of the site.
    pub(crate) document_title: Option<&'a str>,
    /// The paragraph on its document's page (or the page, when the paragraph is not
    /// transcribed), or the outside source's address.
    pub(crate) url: Option<String>,
    /// Whether `url` leads outside the site.
    pub(crate) external: bool,
    /// The verbatim words, where the source has words to quote.
    pub(crate) quote: Option<&'a str>,
}

/// One end of a crosswalk link: an action line, an SDG or SDG target, a GDC
/// objective.
#[derive(Debug, Serialize)]
pub(crate) struct NodeView<'a> {
    /// `action-line`, `sdg`, `sdg-target` or `gdc`.
    pub(crate) kind: &'static str,
    /// How it is named in tables: `C4`, `SDG 4`, `SDG 4.4`, `GDC 1`.
    pub(crate) label: String,
    /// Its official wording (the action line's title, the goal's, the target's text).
    pub(crate) title: &'a str,
    /// Its page, or its anchor on its goal's page for an SDG target.
    pub(crate) url: String,
}

/// A sourced link of the crosswalk.
#[derive(Debug, Serialize)]
pub(crate) struct LinkRowView<'a> {
    /// The link's anchor on `/frameworks/`: `link-<n>`, numbered from 1 in file order.
    pub(crate) id: String,
    /// Its address on `/frameworks/`.
    pub(crate) url: String,
    pub(crate) from: NodeView<'a>,
    pub(crate) to: NodeView<'a>,
    pub(crate) source: CitationView<'a>,
}

/// The anchor of crosswalk link `i` (an index of `Frame::crosswalk`) on
/// `/frameworks/`.
pub(crate) fn link_anchor(i: usize) -> String {
    format!("link-{}", i + 1)
}

impl<'a> Views<'a> {
    fn frame(&self) -> &'a Frame {
        &self.site.frame
    }

    /// The address of paragraph `n` of `document` ([`crate::urls::paragraph_url`]).
    pub(crate) fn paragraph_url(&self, document: crate::model::frame::DocId, n: u32) -> String {
        let d = self.frame().document(document);
        crate::urls::paragraph_url(self.url(Page::Document(&d.id)), d, n)
    }

    /// How `s` is shown: its citation linked, with its quote.
    pub(crate) fn sourced(&self, s: &'a Sourced) -> CitationView<'a> {
        let quote = s.quote.as_deref();
        match &s.citation {
            Citation::Paragraph {
                document,
                paragraph,
                item,
            } => {
                let d = self.frame().document(*document);
                let item = item.as_ref().map_or(String::new(), |i| format!(" ({i})"));
                CitationView {
                    text: format!(
                        "{}{item}",
                        self.t_with(
                            "citation-paragraph",
                            Some(&args([
                                ("symbol", FluentValue::from(d.symbol.as_str())),
                                ("paragraph", FluentValue::from(paragraph.to_string())),
                            ])),
                        )
                    ),
                    lang: None,
                    document_title: Some(&d.title),
                    url: Some(self.paragraph_url(*document, *paragraph)),
                    external: false,
                    quote,
                }
            }
            Citation::External { name, url, locator } => {
                let (name, lang) = self.text(name);
                CitationView {
                    text: match locator {
                        Some(l) => format!("{name}, {l}"),
                        None => name.to_string(),
                    },
                    lang,
                    document_title: None,
                    url: url.clone(),
                    external: true,
                    quote,
                }
            }
        }
    }

    pub(crate) fn node(&self, node: Node) -> NodeView<'a> {
        let f = self.frame();
        match node {
            Node::Line(id) => {
                let l = self.site.line(id);
                NodeView {
                    kind: "action-line",
                    label: l.code.clone(),
                    title: &l.title,
                    url: self.url(Page::ActionLine(&l.slug)),
                }
            }
            Node::Sdg(id) => {
                let g = f.sdg(id);
                NodeView {
                    kind: "sdg",
                    label: self.sdg_code(&g.number.to_string()),
                    title: &g.title,
                    url: self.url(Page::Sdg(g.number)),
                }
            }
            Node::SdgTarget(id, t) => {
                let g = f.sdg(id);
                let target = &g.targets[t];
                NodeView {
                    kind: "sdg-target",
                    label: self.sdg_code(&target.code),
                    title: &target.text,
                    url: format!("{}#{}", self.url(Page::Sdg(g.number)), target.anchor),
                }
            }
            Node::Gdc(id) => {
                let o = f.objective(id);
                NodeView {
                    kind: "gdc",
                    label: self.gdc_code(&o.number.to_string()),
                    title: &o.title,
                    url: self.url(Page::Gdc(o.number)),
                }
            }
        }
    }

    /// Crosswalk link `i`.
    pub(crate) fn link_row(&self, i: usize) -> LinkRowView<'a> {
        let link: &'a Link = &self.frame().crosswalk[i];
        let id = link_anchor(i);
        LinkRowView {
            url: format!("{}#{id}", self.url(Page::Frameworks)),
            id,
            from: self.node(link.from),
            to: self.node(link.to),
            source: self.sourced(&link.source),
        }
    }

    /// The crosswalk links `indexes` (into `Frame::crosswalk`).
    pub(crate) fn link_rows(&self, indexes: &[usize]) -> Vec<LinkRowView<'a>> {
        indexes.iter().map(|&i| self.link_row(i)).collect()
    }
}

/// Whether `node` is the goal `sdg` or one of its targets.
pub(crate) fn is_sdg(node: Node, sdg: SdgId) -> bool {
    matches!(node, Node::Sdg(g) | Node::SdgTarget(g, _) if g == sdg)
}
