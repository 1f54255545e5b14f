//! The WSIS+20 frame as curated: source documents (`content/documents/<id>.md`),
//! `content/frameworks.yaml`, `content/crosswalk.yaml` and `content/targets.yaml`,
//! each optional. Whether their references resolve, and whether their quotes are in
//! the paragraphs they cite, is validation's job ([`crate::validate`]).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::number::RawNumber;
use super::{Doc, Positions, front, load_doc, read_text, stays_inside, yaml};
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::PartialDate;
use crate::model::frame::DocumentKind;

/// The front matter of a source document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocumentFront {
    pub(crate) symbol: String,
    pub(crate) title: String,
    pub(crate) kind: DocumentKind,
    pub(crate) issued_by: String,
    pub(crate) date: PartialDate,
    pub(crate) source_url: Option<String>,
}

/// A source document file: its front matter and the Markdown transcription after it.
#[derive(Debug)]
pub(crate) struct RawDocument {
    /// The id, from the file stem.
    pub(crate) id: String,
    /// The front matter.
    pub(crate) front: Doc<RawDocumentFront>,
    /// The Markdown body.
    pub(crate) body: String,
    /// The line of the file the body starts on.
    pub(crate) body_line: usize,
}

/// A `source:`: a paragraph of a document of the site (`document`, `paragraph`,
/// `item`) or an outside source (`name`, `url`, `locator`), with an optional quote.
/// One flat shape so that a mix of the two is refused by name, not by serde's
/// "data did not match any variant".
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a source as `{document: <id>, paragraph: <n>}` or `{name: \"...\", url: https://...}`"
)]
pub(crate) struct RawCitation {
    pub(crate) document: Option<String>,
    pub(crate) paragraph: Option<u32>,
    pub(crate) item: Option<String>,
    /// An outside source's name, translatable as other curated titles are.
    pub(crate) name: Option<super::RawLocalized>,
    pub(crate) url: Option<String>,
    pub(crate) locator: Option<String>,
    pub(crate) quote: Option<String>,
}

/// `content/frameworks.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "the frameworks as `sdgs:` and `gdc:` lists"
)]
pub(crate) struct RawFrameworks {
    #[serde(default)]
    pub(crate) sdgs: Vec<RawSdg>,
    #[serde(default)]
    pub(crate) gdc: Vec<RawObjective>,
}

/// A Sustainable Development Goal.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an SDG as `{number: 4, title: \"...\", short: \"...\", source: {...}}`"
)]
pub(crate) struct RawSdg {
    pub(crate) number: u32,
    pub(crate) title: String,
    pub(crate) short: String,
    pub(crate) source: RawCitation,
    #[serde(default)]
    pub(crate) targets: Vec<RawSdgTarget>,
}

/// A target of a goal. The code is read as written, so that `4.10` unquoted is not
/// the number 4.1.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an SDG target as `{code: \"4.4\", text: \"...\", source: {...}}`"
)]
pub(crate) struct RawSdgTarget {
    pub(crate) code: String,
    pub(crate) text: String,
    pub(crate) source: RawCitation,
}

/// An objective of the Global Digital Compact.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a GDC objective as `{number: 1, title: \"...\", short: \"...\", source: {...}}`"
)]
pub(crate) struct RawObjective {
    pub(crate) number: u32,
    pub(crate) title: String,
    pub(crate) short: String,
    pub(crate) source: RawCitation,
}

/// A link of `content/crosswalk.yaml`: two of the three ends.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a crosswalk link as `{action_line: C4, sdg: \"4.4\", source: {...}}`"
)]
pub(crate) struct RawLink {
    pub(crate) action_line: Option<String>,
    /// A goal (`4`) or target (`4.4`), read as written.
    pub(crate) sdg: Option<String>,
    pub(crate) gdc: Option<u32>,
    pub(crate) source: RawCitation,
}

/// A target of `content/targets.yaml`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a target as `{id: ..., title: \"...\", source: {...}, wording: \"...\", deadline: 2030}`"
)]
pub(crate) struct RawTarget {
    pub(crate) id: String,
    /// Translatable as other curated titles are (`{en: ..., fr: ...}`).
    pub(crate) title: super::RawLocalized,
    pub(crate) source: RawCitation,
    pub(crate) wording: String,
    #[serde(default)]
    pub(crate) action_lines: Vec<String>,
    #[serde(default)]
    pub(crate) sdgs: Vec<String>,
    #[serde(default)]
    pub(crate) gdc: Vec<u32>,
    pub(crate) indicator: Option<String>,
    pub(crate) baseline: Option<RawBaseline>,
    #[serde(default, deserialize_with = "super::present")]
    pub(crate) target_value: Option<RawNumber>,
    pub(crate) end_state: Option<String>,
    pub(crate) deadline: RawNumber,
}

/// Where a target starts from, in its indicator's unit.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a baseline as `{value: 40, year: 2023, source: {...}}`"
)]
pub(crate) struct RawBaseline {
    pub(crate) value: RawNumber,
    pub(crate) year: RawNumber,
    pub(crate) source: RawCitation,
}

/// The frame's files, parsed.
#[derive(Debug, Default)]
pub(crate) struct RawFrame {
    pub(crate) documents: Vec<RawDocument>,
    pub(crate) frameworks: Option<Doc<RawFrameworks>>,
    pub(crate) crosswalk: Option<Doc<Vec<RawLink>>>,
    pub(crate) targets: Option<Doc<Vec<RawTarget>>>,
}

/// Splits a source document into front matter and body, and parses the front matter.
pub(crate) fn parse_document(text: &str, rel: &Path) -> Result<RawDocument, Diagnostic> {
    let id = rel
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let split = front::split(text, rel, "a document")?;
    let value = yaml::parse::<RawDocumentFront>(split.yaml, rel, 2)?;
    Ok(RawDocument {
        id,
        front: Doc {
            file: rel.to_path_buf(),
            value,
            positions: Positions::new(split.yaml, 2),
        },
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

/// Reads the frame's files: `documents` are the files listed under
/// `content/documents/`; the three YAML files are read when they exist.
pub(crate) fn load(
    root: &Path,
    content: &Path,
    documents: &[PathBuf],
    errors: &mut Vec<Diagnostic>,
) -> RawFrame {
    let mut frame = RawFrame::default();
    let parsed: Vec<_> = documents
        .par_iter()
        .map(|rel| read_text(&root.join(rel), rel).and_then(|text| parse_document(&text, rel)))
        .collect();
    for d in parsed {
        match d {
            Ok(d) => frame.documents.push(d),
            Err(e) => errors.push(e),
        }
    }
    frame.frameworks = optional(root, &content.join("frameworks.yaml"), errors);
    frame.crosswalk = optional(root, &content.join("crosswalk.yaml"), errors);
    frame.targets = optional(root, &content.join("targets.yaml"), errors);
    frame
}

/// The file `rel` parsed, or `None` when the site has no such file (or it could not
/// be read, with the reason in `errors`).
fn optional<T: for<'de> Deserialize<'de>>(
    root: &Path,
    rel: &Path,
    errors: &mut Vec<Diagnostic>,
) -> Option<Doc<T>> {
    let path = root.join(rel);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Ok(_) if path.exists() && !stays_inside(root, rel) => {
            errors.push(
                Diagnostic::new(
                    Kind::Io,
                    rel,
                    "is a symbolic link to outside the site: it is not read",
                )
                .help("copy the file into the site instead of linking to it"),
            );
            return None;
        }
        // Anything else is reported by the read, with its reason.
        _ => {}
    }
    load_doc(root, rel).map_err(|e| errors.push(e)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_split_like_reports() {
        let text = "---\nsymbol: \"A/RES/1\"\ntitle: T\nkind: resolution\nissued_by: GA\ndate: 2025-12\n---\n\n1. Text.\n";
        let d = parse_document(text, Path::new("content/documents/test-one.md")).unwrap();
        assert_eq!(d.id, "test-one");
        assert_eq!(d.body, "\n1. Text.\n");
        assert_eq!(d.body_line, 8);
        let err = parse_document(
            &text.replace("kind: resolution", "kind: resolution\nauthor: x"),
            Path::new("d.md"),
        )
        .unwrap_err();
        assert!(err.message.contains("unknown field `author`"), "{err}");
        assert_eq!(err.location.map(|l| l.line), Some(5));
        let err = parse_document("1. Text.\n", Path::new("d.md")).unwrap_err();
        assert!(err.message.starts_with("a document must start"), "{err}");
    }

    #[test]
    fn codes_are_read_as_written() {
        let t: RawSdgTarget = yaml::parse(
            "code: 4.10\ntext: x\nsource: {name: n}\n",
            Path::new("f"),
            1,
        )
        .unwrap();
        assert_eq!(t.code, "4.10");
        let l: RawLink =
            yaml::parse("sdg: 4\ngdc: 1\nsource: {name: n}\n", Path::new("f"), 1).unwrap();
        assert_eq!(l.sdg.as_deref(), Some("4"));
    }
}
