//! Citations (`source:` of any entry of the frame): a paragraph of a document of the
//! site, its quote checked against the paragraph when it is transcribed, or an outside
//! source.

use std::cell::RefCell;

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::frame::RawCitation;
use crate::load::{Doc, RawLocalized};
use crate::markdown::{normalise_quote, shorten};
use crate::model::Localized;
use crate::model::frame::{Citation, DocId, Document, Sourced};

use super::super::localized::Texts;
use super::super::{Lookup, check_web_url};

/// The documents of the site, by id, for citations to resolve against.
pub(super) struct Docs<'a> {
    lookup: Lookup<'a, DocId>,
    documents: &'a [Document],
    /// The reader of translatable texts (an outside source's name, a target's title),
    /// carried here because every entry that cites a source has `Docs` at hand. In a
    /// cell: the entries share `Docs`, and reading a text records its warnings.
    texts: RefCell<&'a mut Texts>,
}

impl<'a> Docs<'a> {
    pub(super) fn new(documents: &'a [Document], texts: &'a mut Texts) -> Self {
        Docs {
            texts: RefCell::new(texts),
            lookup: Lookup::new(
                "document",
                documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (d.id.as_str(), DocId(i as u32))),
            ),
            documents,
        }
    }
}

impl Docs<'_> {
    /// The translatable text `raw` at `path` of `doc`, read as every curated title is
    /// ([`Texts::read`]).
    pub(super) fn text<T>(
        &self,
        raw: &RawLocalized,
        doc: &Doc<T>,
        path: &str,
        errors: &mut Vec<Diagnostic>,
    ) -> Localized {
        self.texts.borrow_mut().read(raw, doc, path, errors)
    }
}

/// The wording an entry states in its own field (an SDG's `title`, a target's
/// `wording`): checked against the cited paragraph when the citation has no quote.
pub(super) struct Wording<'w> {
    /// The field's path in the file.
    pub(super) path: &'w str,
    /// The field's name, for messages.
    pub(super) field: &'w str,
    /// The words.
    pub(super) text: &'w str,
}

/// What stands for a citation that failed, in an entry kept so that its references
/// do not fail too: the build reports the citation's errors and stops before any
/// page is written.
pub(super) fn failed() -> Sourced {
    Sourced {
        citation: Citation::External {
            name: Localized::default(),
            url: None,
            locator: None,
        },
        quote: None,
    }
}

/// Resolves the citation at `path` of `doc`, or records why not and returns `None`.
pub(super) fn cite<T>(
    raw: &RawCitation,
    wording: Option<Wording<'_>>,
    doc: &Doc<T>,
    path: &str,
    docs: &Docs<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Sourced> {
    let at = |field: &str| format!("{path}.{field}");
    let before = errors.len();
    if let Some(w) = &wording {
        super::require_words(doc, w.path, w.field, w.text, errors);
    }
    if let Some(locator) = &raw.locator {
        super::require_words(doc, &at("locator"), "locator", locator, errors);
    }
    if let Some(quote) = &raw.quote
        && quote.trim().is_empty()
    {
        errors.push(
            doc.error(Kind::Invalid, &at("quote"), "the quote is empty")
                .help("copy the words from the source, or leave `quote` out"),
        );
    }
    let citation = match (&raw.document, &raw.name) {
        (Some(_), Some(_)) => {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at("name"),
                    "a source has either `document` (a document of the site) or `name` (an outside source), not both",
                )
                .help("cite the site's document with `document` and `paragraph`, and delete `name`, `url` and `locator`"),
            );
            return None;
        }
        (None, None) => {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    path,
                    "a source needs `document` (with `paragraph`) or `name`",
                )
                .help("`{document: a-res-80-173, paragraph: 113}` or `{name: \"WSIS-SDG Matrix\", url: https://...}`"),
            );
            return None;
        }
        (Some(id), None) => paragraph(raw, id, wording, doc, path, docs, errors)?,
        (None, Some(name)) => {
            for (field, set) in [
                ("paragraph", raw.paragraph.is_some()),
                ("item", raw.item.is_some()),
            ] {
                if set {
                    errors.push(
                        doc.error(
                            Kind::Invalid,
                            &at(field),
                            format!("`{field}` belongs to a citation of a `document` of the site"),
                        )
                        .help("for an outside source, say where in it with `locator` (\"p. 12\", \"para. 5\")"),
                    );
                }
            }
            let before_name = errors.len();
            let name = docs.text(name, doc, &at("name"), errors);
            if errors.len() == before_name && name.trim().is_empty() {
                errors.push(doc.error(Kind::Invalid, &at("name"), "the source's name is empty"));
            }
            if let Some(url) = &raw.url
                && let Err(e) = check_web_url(url)
            {
                errors.push(doc.error(Kind::Invalid, &at("url"), e));
            }
            // An outside source's text is not on the site: the quote stands for it,
            // and the entry's own wording must be part of what it quotes.
            if let (Some(q), Some(w)) = (&raw.quote, &wording) {
                let needle = normalise_quote(w.text);
                if !needle.is_empty() && !normalise_quote(q).contains(&needle) {
                    errors.push(
                        doc.error(
                            Kind::Quote,
                            w.path,
                            format!(
                                "{} \"{}\" is not in the source's quote",
                                w.field,
                                shorten(w.text)
                            ),
                        )
                        .help(format!(
                            "copy the words from the quote, which reads \"{}\"",
                            shorten(q)
                        )),
                    );
                }
            }
            Citation::External {
                name,
                url: raw.url.clone(),
                locator: raw.locator.clone(),
            }
        }
    };
    (errors.len() == before).then(|| Sourced {
        citation,
        quote: raw.quote.clone(),
    })
}

/// A citation of paragraph `paragraph` of document `id` of the site.
fn paragraph<T>(
    raw: &RawCitation,
    id: &str,
    wording: Option<Wording<'_>>,
    doc: &Doc<T>,
    path: &str,
    docs: &Docs<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Citation> {
    let at = |field: &str| format!("{path}.{field}");
    for (field, set) in [
        ("url", raw.url.is_some()),
        ("locator", raw.locator.is_some()),
    ] {
        if set {
            errors.push(
                doc.error(
                    Kind::Invalid,
                    &at(field),
                    format!("`{field}` belongs to an outside source (`name`)"),
                )
                .help("a document of the site is cited by `document`, `paragraph` and `item`"),
            );
        }
    }
    if let Some(item) = &raw.item
        && (item.is_empty() || !item.bytes().all(|b| b.is_ascii_lowercase()))
    {
        errors.push(
            doc.error(Kind::Invalid, &at("item"), format!("invalid item `{item}`"))
                .help(
                    "an item is written as the document letters it, in lower case: `a`, `b`, `iv`",
                ),
        );
    }
    let document = match docs.lookup.resolve(id, doc, &at("document")) {
        Ok(d) => d,
        Err(e) => {
            let file = format!("each document is a file content/documents/{id}.md");
            let help = match &e.help {
                Some(known) => format!("{known}; {file}"),
                None => file,
            };
            errors.push(e.help(help));
            return None;
        }
    };
    let Some(number) = raw.paragraph else {
        errors.push(
            doc.error(
                Kind::Invalid,
                path,
                format!("a citation of `{id}` needs its `paragraph`"),
            )
            .help("the paragraph's number as the document numbers it: `paragraph: 113`"),
        );
        return None;
    };
    if number == 0 {
        errors.push(
            doc.error(Kind::Invalid, &at("paragraph"), "there is no paragraph 0")
                .help("paragraphs are numbered from 1 as the document numbers them"),
        );
        return None;
    }
    let d = &docs.documents[document.index()];
    // A document with no transcribed paragraph is cited by number alone; one that
    // transcribes some must have the paragraphs it is cited for.
    if !d.paragraphs.is_empty() {
        let Some(p) = d.paragraph(number) else {
            let mut have: Vec<String> = d.paragraphs.iter().map(|p| p.number.to_string()).collect();
            if have.len() > 12 {
                have.truncate(12);
                have.push("...".into());
            }
            errors.push(
                doc.error(
                    Kind::Reference,
                    &at("paragraph"),
                    format!("paragraph {number} of `{id}` is not transcribed"),
                )
                .help(format!(
                    "add it to content/documents/{id}.md as `{number}. ...`; transcribed: {}",
                    have.join(", ")
                )),
            );
            return None;
        };
        // A transcribed paragraph shows its lettered items as `(a)` or `a)`: an item the
        // paragraph does not have is a typo the page would cite as if it existed.
        if let Some(item) = raw
            .item
            .as_deref()
            .filter(|i| i.bytes().all(|b| b.is_ascii_lowercase()))
            && !item.is_empty()
            && !letters(&p.text, item)
        {
            errors.push(
                    doc.error(
                        Kind::Reference,
                        &at("item"),
                        format!("paragraph {number} of `{id}` has no item ({item})"),
                    )
                    .help(format!(
                        "name an item the paragraph letters, or leave `item` out; the paragraph reads \"{}\"",
                        shorten(&p.text)
                    )),
                );
        }
        // Both the quote and the entry's own wording are the source's words: each
        // must be in the paragraph.
        let quote = raw.quote.as_deref().map(|q| (q, at("quote"), "quote"));
        let own = wording
            .as_ref()
            .map(|w| (w.text, w.path.to_string(), w.field));
        for (words, field_path, field) in quote.into_iter().chain(own) {
            let needle = normalise_quote(words);
            if !needle.is_empty() && !p.text.contains(&needle) {
                errors.push(
                    doc.error(
                        Kind::Quote,
                        &field_path,
                        format!(
                            "{field} \"{}\" is not in paragraph {number} of `{id}`",
                            shorten(words)
                        ),
                    )
                    .help(format!(
                        "copy the words from the paragraph, which reads \"{}\"",
                        shorten(&p.text)
                    )),
                );
            }
        }
    }
    Some(Citation::Paragraph {
        document,
        paragraph: number,
        item: raw.item.clone(),
    })
}

/// Whether `text` letters an item `item`, as `(item)` or as `item)` at the start of a
/// word (the Geneva Plan of Action writes `a)`, the General Assembly `(a)`).
fn letters(text: &str, item: &str) -> bool {
    let marker = format!("{item})");
    text.match_indices(&marker).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c == '(' || c.is_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::letters;

    #[test]
    fn items_are_found_as_the_documents_letter_them() {
        assert!(letters("resolve that: (a) one; (b) two", "b"));
        assert!(letters("targets a) to connect; b) to adapt", "a"));
        assert!(letters("i) first", "i"));
        assert!(!letters("resolve that: (a) one; (b) two", "z"));
        // `xi)` is item xi, not item i.
        assert!(!letters("(xi) eleventh", "i"));
    }
}
