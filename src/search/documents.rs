//! The pages the index covers, each as a [`Doc`]: reports, action lines,
//! organizations, metrics, and the frame's targets, goals, objectives and source
//! documents.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Kind};
use crate::i18n::Language;
use crate::model::{Localized, Organization, Report, Site};
use crate::nfc::nfc;
use crate::urls::Page;

/// What sort of page a document is: the code `docs/<n>.json.gz` carries, which the search
/// page turns into a label (`data-kind-<code>` on the results list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocKind {
    Report,
    ActionLine,
    Organization,
    Metric,
    Target,
    Sdg,
    Gdc,
    Document,
}

impl DocKind {
    /// The code in the index and in the template's `data-kind-<code>` attribute.
    pub(crate) fn code(self) -> &'static str {
        match self {
            DocKind::Report => "report",
            DocKind::ActionLine => "action-line",
            DocKind::Organization => "organization",
            DocKind::Metric => "metric",
            DocKind::Target => "target",
            DocKind::Sdg => "sdg",
            DocKind::Gdc => "gdc",
            DocKind::Document => "document",
        }
    }
}

/// A page to index: where it is, what it is, and its text by section.
pub(crate) struct Doc<'a> {
    pub(crate) url: String,
    pub(crate) title: Cow<'a, str>,
    pub(crate) kind: DocKind,
    /// A few words beside the kind: the organization of a report or metric, the
    /// symbol of a document.
    pub(crate) detail: Cow<'a, str>,
    /// The year the page is about: a report's, a target's deadline, a metric's latest
    /// figure, a document's adoption.
    pub(crate) year: Option<i32>,
    /// The language of its text (a BCP 47 tag), which picks the stemmer.
    pub(crate) lang: &'a str,
    /// Section anchors with their headings.
    pub(crate) sections: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Text of the page itself (section 0), then of each section.
    pub(crate) text: Vec<Cow<'a, str>>,
    /// What the page says of itself in a sentence, shown when no passage of its text
    /// holds the words searched.
    pub(crate) summary: Option<Cow<'a, str>>,
    /// The report whose packed text `text` is, while it is not unpacked
    /// ([`Doc::unpack`]): a report's text is unpacked only while its slice of the
    /// documents is indexed.
    pub(crate) packed: Option<(&'a Report, &'a Organization)>,
}

impl<'a> Doc<'a> {
    /// Unpacks a report's text into `text` (in normalization form C, as [`Doc::composed`]
    /// makes the rest), with its organization, year and summary added to the text before
    /// its first heading; other documents hold their text already. Refuses a report
    /// whose text, read back from the build cache, does not unpack.
    pub(crate) fn unpack(&mut self) -> Result<(), Diagnostic> {
        let Some((r, org)) = self.packed else {
            return Ok(());
        };
        // [0] before the first heading, [i + 1] under heading i.
        let Some(mut text) = r.body.text.unpack_as(self.sections.len() + 1) else {
            return Err(Diagnostic::new(
                Kind::Cache,
                &r.source,
                "the build cache's copy of this report is damaged: its text does not unpack",
            )
            .help("run `wsis build --fresh`, which validates every report again"));
        };
        if let Some(first) = text.first_mut() {
            first.push_str(&appended(r, org));
        }
        self.text = text.into_iter().map(|t| nfc(Cow::Owned(t))).collect();
        Ok(())
    }

    /// How many bytes of text the document holds, or holds once unpacked.
    pub(crate) fn text_len(&self) -> usize {
        match self.packed {
            Some((r, _)) => r.body.text.text_len(),
            None => self.text.iter().map(|t| t.len()).sum(),
        }
    }

    /// Lets go of a report's unpacked text, once its slice is indexed.
    pub(crate) fn repack(&mut self) {
        if self.packed.is_some() {
            self.text = Vec::new();
        }
    }

    /// The document with its text in Unicode normalization form C, the form readers
    /// type in: report text reaches the index decomposed (`e` and a combining accent),
    /// and a combining mark is not a letter, so the tokenizer would cut the word.
    fn composed(self) -> Doc<'a> {
        Doc {
            title: nfc(self.title),
            sections: self
                .sections
                .into_iter()
                .map(|(anchor, heading)| (anchor, nfc(heading)))
                .collect(),
            text: self.text.into_iter().map(nfc).collect(),
            summary: self.summary.map(nfc),
            ..self
        }
    }
}

/// What [`Doc::unpack`] adds to a report's text before its first heading: its
/// organization, year and summary, which a search for them should find.
pub(crate) fn appended(r: &Report, org: &Organization) -> String {
    format!(
        " {} {} {} {}",
        org.name,
        org.display_short(),
        r.year,
        r.summary.as_deref().unwrap_or("")
    )
}

/// The documents of `site`'s pages under the base path `base`, their interface text
/// in `lang`. A report's own text is in its `language`, which picks its stemmer.
pub(crate) fn documents<'a>(site: &'a Site, base: &str, tree: &'a Language) -> Vec<Doc<'a>> {
    let mut docs = Vec::new();
    let pick = In {
        tree,
        default: &site.config.language,
    };
    reports(site, base, &mut docs);
    for l in &site.action_lines {
        let facilitators: Vec<&str> = l
            .facilitators
            .iter()
            .map(|&f| site.org(f).name.original())
            .collect();
        let (title, lang) = pick.text(&l.title);
        let description = l.description.as_ref().map(|d| pick.text(d).0);
        docs.push(Doc {
            url: Page::ActionLine(&l.slug).url(base),
            title: Cow::Owned(format!("{} {title}", l.code)),
            kind: DocKind::ActionLine,
            detail: Cow::Borrowed(&l.code),
            year: None,
            lang,
            sections: Vec::new(),
            text: vec![Cow::Owned(format!(
                "{} {} {}",
                pick.text(&l.short).0,
                description.unwrap_or(""),
                facilitators.join(" ")
            ))],
            summary: description.map(Cow::Borrowed),
            packed: None,
        });
    }
    for o in site.organizations.iter() {
        let (name, lang) = pick.text(&o.name);
        let description = o.description.as_ref().map(|d| pick.text(d).0);
        docs.push(Doc {
            url: Page::Organization(&o.id).url(base),
            title: Cow::Borrowed(name),
            kind: DocKind::Organization,
            detail: Cow::Borrowed(o.display_short()),
            year: None,
            lang,
            sections: Vec::new(),
            text: vec![Cow::Owned(format!(
                "{} {}",
                o.short_name.as_deref().unwrap_or(""),
                description.unwrap_or("")
            ))],
            summary: description.map(Cow::Borrowed),
            packed: None,
        });
    }
    metrics(site, base, pick, &mut docs);
    frame(site, base, pick, &mut docs);
    docs.into_iter().map(Doc::composed).collect()
}

/// The language a tree's documents are written in: a curated text's translation into
/// the tree's language where there is one, else its original.
#[derive(Debug, Clone, Copy)]
struct In<'a> {
    /// The tree's language.
    tree: &'a Language,
    /// The site's default language, the originals' language.
    default: &'a Language,
}

impl<'a> In<'a> {
    /// The text of `l` for the tree, with the language it is in (which picks its
    /// stemmer): French titles on the French search page, as on its other pages.
    fn text(self, l: &'a Localized) -> (&'a str, &'a str) {
        match l.get(self.tree, self.default) {
            (text, None) => (text, self.tree.tag()),
            (text, Some(original)) => (text, original.tag()),
        }
    }
}

/// A report's text is stemmed in its own language, whichever language tree lists it.
/// It is left packed ([`Doc::unpack`]).
fn reports<'a>(site: &'a Site, base: &str, docs: &mut Vec<Doc<'a>>) {
    for r in &site.reports {
        let org = site.org(r.organization);
        docs.push(Doc {
            url: Page::Report(&r.slug).url(base),
            title: Cow::Borrowed(&r.title),
            kind: DocKind::Report,
            detail: Cow::Borrowed(org.display_short()),
            year: Some(r.year),
            lang: r.language.tag(),
            sections: r
                .body
                .toc
                .iter()
                .map(|h| section(&h.anchor, &h.text))
                .collect(),
            text: Vec::new(),
            summary: Some(Cow::Borrowed(r.summary.as_deref().unwrap_or(&r.body.lead))),
            packed: Some((r, org)),
        });
    }
}

/// A section as a document lists it: its anchor and its heading.
fn section<'a>(anchor: &'a str, heading: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
    (Cow::Borrowed(anchor), Cow::Borrowed(heading))
}

fn metrics<'a>(site: &'a Site, base: &str, pick: In<'a>, docs: &mut Vec<Doc<'a>>) {
    let mut latest: HashMap<usize, i32> = HashMap::default();
    for r in &site.reports {
        for f in &r.figures {
            let y = latest.entry(f.metric.index()).or_insert(f.year);
            *y = (*y).max(f.year);
        }
    }
    for (i, m) in site.metrics.iter().enumerate() {
        let org = site.org(m.organization);
        let (title, lang) = pick.text(&m.title);
        let description = m.description.as_ref().map(|d| pick.text(d).0);
        docs.push(Doc {
            url: Page::Metric(&m.id).url(base),
            title: Cow::Borrowed(title),
            kind: DocKind::Metric,
            detail: Cow::Borrowed(org.display_short()),
            year: latest.get(&i).copied(),
            lang,
            sections: Vec::new(),
            text: vec![Cow::Owned(format!(
                "{} {} {}",
                pick.text(&org.name).0,
                org.display_short(),
                description.unwrap_or("")
            ))],
            summary: description.map(Cow::Borrowed),
            packed: None,
        });
    }
}

/// The frame's pages: targets, goals with their targets, objectives, and source
/// documents by numbered paragraph.
fn frame<'a>(site: &'a Site, base: &str, pick: In<'a>, docs: &mut Vec<Doc<'a>>) {
    let frame = &site.frame;
    // Goals, objectives and documents are curated in the default language alone.
    let lang = pick.default.tag();
    for t in &frame.targets {
        // The title may be translated; the wording is verbatim, in its source's words.
        let (title, _) = pick.text(&t.title);
        docs.push(Doc {
            url: Page::Target(&t.id).url(base),
            title: Cow::Borrowed(title),
            kind: DocKind::Target,
            detail: Cow::Borrowed(""),
            year: Some(t.deadline),
            lang,
            sections: Vec::new(),
            text: vec![Cow::Borrowed(&t.wording)],
            summary: Some(Cow::Borrowed(&t.wording)),
            packed: None,
        });
    }
    for g in &frame.sdgs {
        let mut text = vec![Cow::Borrowed(g.short.as_str())];
        text.extend(g.targets.iter().map(|t| Cow::Borrowed(t.text.as_str())));
        docs.push(Doc {
            url: Page::Sdg(g.number).url(base),
            title: Cow::Borrowed(&g.title),
            kind: DocKind::Sdg,
            detail: Cow::Owned(g.number.to_string()),
            year: None,
            lang,
            sections: g
                .targets
                .iter()
                .map(|t| section(&t.anchor, &t.code))
                .collect(),
            text,
            summary: Some(Cow::Borrowed(&g.short)),
            packed: None,
        });
    }
    for o in &frame.gdc {
        docs.push(Doc {
            url: Page::Gdc(o.number).url(base),
            title: Cow::Borrowed(&o.title),
            kind: DocKind::Gdc,
            detail: Cow::Owned(o.number.to_string()),
            year: None,
            lang,
            sections: Vec::new(),
            text: vec![Cow::Borrowed(&o.short)],
            summary: Some(Cow::Borrowed(&o.short)),
            packed: None,
        });
    }
    for d in &frame.documents {
        let mut text = vec![Cow::Owned(format!("{} {}", d.symbol, d.issued_by))];
        text.extend(d.paragraphs.iter().map(|p| Cow::Borrowed(p.text.as_str())));
        docs.push(Doc {
            url: Page::Document(&d.id).url(base),
            title: Cow::Borrowed(&d.title),
            kind: DocKind::Document,
            detail: Cow::Borrowed(&d.symbol),
            year: Some(d.date.year),
            lang,
            // A paragraph is a section: a result lands on the paragraph that matches.
            sections: d
                .paragraphs
                .iter()
                .map(|p| {
                    (
                        Cow::Owned(crate::urls::paragraph_anchor(p.number)),
                        Cow::Owned(p.number.to_string()),
                    )
                })
                .collect(),
            text,
            summary: None,
            packed: None,
        });
    }
}
