//! What a DOCX's paragraph styles and numbering mean: which styles are headings (by
//! the built-in name, which Word writes in English whatever the interface language,
//! so a German "berschrift1" style id named "heading 1" is found, or by an outline
//! level, through the chain of `basedOn` styles), and which lists are numbered.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The longest `basedOn` chain followed: a loop in a damaged file must not hang.
const MAX_BASED_ON: usize = 16;

/// What a paragraph style says about its paragraphs.
#[derive(Debug, Default, Clone)]
struct Style {
    /// The style's name, lower-cased ("heading 1", "title", "my heading").
    name: String,
    based_on: Option<String>,
    /// `w:outlineLvl`: 0 for a top-level heading, 9 for body text.
    outline: Option<u8>,
    /// Whether the style numbers or bullets its paragraphs (`w:numPr`).
    numbered: bool,
}

/// The styles of a document (`word/styles.xml`).
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
}

/// What a style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The document's title.
    Title,
    /// A heading of this level (1 to 6).
    Heading(u8),
}

impl Styles {
    /// Reads `word/styles.xml`; a part that does not parse gives what was read of it.
    pub(super) fn parse(xml: &str) -> Styles {
        let mut reader = Reader::from_str(xml);
        let mut styles = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        loop {
            let (e, start) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, true),
                Ok(Event::Empty(e)) => (e, false),
                Ok(Event::End(e)) if e.local_name().as_ref() == b"style" => {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            match e.local_name().as_ref() {
                b"style" if start => {
                    let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                    current = attr(&e, b"styleId")
                        .filter(|_| paragraph)
                        .map(|id| (id, Style::default()));
                }
                b"name" => with(&mut current, |s| s.name = value(&e).to_lowercase()),
                b"basedOn" => with(&mut current, |s| s.based_on = Some(value(&e))),
                b"outlineLvl" => with(&mut current, |s| s.outline = value(&e).parse().ok()),
                b"numPr" => with(&mut current, |s| s.numbered = true),
                _ => {}
            }
        }
        Styles { styles }
    }

    /// The role the style `id` gives its paragraphs, through its `basedOn` chain.
    pub(super) fn role(&self, id: &str) -> Option<Role> {
        let mut id = id.to_string();
        for _ in 0..MAX_BASED_ON {
            let Some(style) = self.styles.get(&id) else {
                // No styles part, or a style it lacks: the id itself may say.
                return role_of_name(&id.to_lowercase().replace(' ', ""));
            };
            if let Some(role) = role_of_name(&style.name.replace(' ', "")) {
                return Some(role);
            }
            if let Some(level) = style.outline.filter(|l| *l < 9) {
                return Some(Role::Heading((level + 1).min(6)));
            }
            id = style.based_on.clone()?;
        }
        None
    }

    /// Whether the style `id` (or one it is based on) makes list items.
    pub(super) fn numbered(&self, id: &str) -> bool {
        let mut id = id;
        for _ in 0..MAX_BASED_ON {
            let Some(style) = self.styles.get(id) else {
                return false;
            };
            if style.numbered {
                return true;
            }
            let Some(next) = style.based_on.as_deref() else {
                return false;
            };
            id = next;
        }
        false
    }
}

/// "title" or "heading1".."heading9" (spaces removed): the built-in names.
fn role_of_name(name: &str) -> Option<Role> {
    if name == "title" {
        return Some(Role::Title);
    }
    let level: u8 = name.strip_prefix("heading")?.parse().ok()?;
    (1..=9)
        .contains(&level)
        .then(|| Role::Heading(level.min(6)))
}

fn with(current: &mut Option<(String, Style)>, f: impl FnOnce(&mut Style)) {
    if let Some((_, style)) = current {
        f(style);
    }
}

/// The numbering definitions (`word/numbering.xml`): whether a list is numbered or
/// bulleted, per list and level.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// `w:num` id to its abstract definition's id.
    nums: HashMap<String, String>,
    /// (abstract id, level) to the number format ("decimal", "bullet", ...).
    formats: HashMap<(String, String), String>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub(super) fn parse(xml: &str) -> Numbering {
        let mut reader = Reader::from_str(xml);
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<String> = None;
        let mut num: Option<String> = None;
        loop {
            let e = match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) => e,
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                b"lvl" => level = attr(&e, b"ilvl"),
                b"numFmt" => {
                    if let (Some(a), Some(l)) = (&abstract_id, &level) {
                        out.formats.insert((a.clone(), l.clone()), value(&e));
                    }
                }
                b"num" => num = attr(&e, b"numId"),
                b"abstractNumId" => {
                    if let Some(n) = num.take() {
                        out.nums.insert(n, value(&e));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Whether list `num_id` at level `ilvl` is numbered (not bulleted); unknown lists
    /// are bulleted, the more common kind.
    pub(super) fn ordered(&self, num_id: &str, ilvl: &str) -> bool {
        self.nums
            .get(num_id)
            .and_then(|a| self.formats.get(&(a.clone(), ilvl.to_string())))
            .is_some_and(|f| !matches!(f.as_str(), "bullet" | "none"))
    }
}

/// The attribute with local name `name` (any prefix), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The `w:val` attribute, or empty.
pub(super) fn value(e: &BytesStart<'_>) -> String {
    attr(e, b"val").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localized_and_custom_heading_styles() {
        let xml = r#"<w:styles xmlns:w="w">
          <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
          <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Heading"/><w:basedOn w:val="berschrift1"/></w:style>
          <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Outline"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
          <w:style w:type="paragraph" w:styleId="Bul"><w:name w:val="Bullets"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let styles = Styles::parse(xml);
        assert_eq!(styles.role("berschrift1"), Some(Role::Heading(1)));
        assert_eq!(styles.role("Mine"), Some(Role::Heading(1)));
        assert_eq!(styles.role("Outline"), Some(Role::Heading(3)));
        assert_eq!(styles.role("Loop"), None);
        assert_eq!(styles.role("Heading2"), Some(Role::Heading(2)));
        assert_eq!(styles.role("Title"), Some(Role::Title));
        assert!(styles.numbered("Bul"));
        assert!(!styles.numbered("Mine"));
    }
}
