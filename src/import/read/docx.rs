//! A Word document (DOCX) into a [`Document`]: `word/document.xml` read as a stream of
//! XML events, paragraphs made of their runs' text, headings and lists told by their
//! styles ([`docx_styles`](super::docx_styles)) and numbering, tables one string per
//! cell, footnote references left out; title, author and dates from
//! `docProps/core.xml`. The archive is read within [`Limits`] (see [`Archive`]).

use std::path::Path;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::Limits;
use super::archive::{Archive, damaged};
use super::docx_styles::{Numbering, Role, Styles, value};
use super::footnotes::superscript;
use super::meta::{collapse_spaces, iso_date};
use crate::diagnostic::Diagnostic;
use crate::import::document::{Block, Document};

/// Reads the DOCX in `bytes`.
pub(super) fn read(bytes: &[u8], path: &Path, limits: Limits) -> Result<Document, Diagnostic> {
    let mut archive = Archive::open(bytes, path, limits.max_text)?;
    let body = archive
        .text("word/document.xml")?
        .ok_or_else(|| damaged(path, "it has no word/document.xml"))?;
    let styles = archive
        .text("word/styles.xml")?
        .map(|x| Styles::parse(&x))
        .unwrap_or_default();
    let numbering = archive
        .text("word/numbering.xml")?
        .map(|x| Numbering::parse(&x))
        .unwrap_or_default();
    let core = archive.text("docProps/core.xml")?;
    let mut body_reader = Body::new(&styles, &numbering);
    body_reader.run(&body).map_err(|e| {
        damaged(
            path,
            &format!("word/document.xml is not well-formed XML ({e})"),
        )
    })?;
    let mut document = Document {
        title: body_reader.title,
        blocks: body_reader.blocks,
        ..Document::default()
    };
    if let Some(core) = core {
        core_properties(&core, &mut document);
    }
    Ok(document)
}

/// Title, author and date from `docProps/core.xml`: the title only when the body has no
/// Title paragraph (the visible title is the one the author kept up to date); the date
/// last modified, else created.
fn core_properties(xml: &str, document: &mut Document) {
    let mut reader = Reader::from_str(xml);
    let mut field: Option<Vec<u8>> = None;
    let (mut title, mut creator, mut created, mut modified) = (None, None, None, None);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => field = Some(e.local_name().as_ref().to_vec()),
            Ok(Event::Text(t)) => {
                let text = t.decode().map(|t| collapse_spaces(&t)).unwrap_or_default();
                if text.is_empty() {
                    continue;
                }
                match field.as_deref() {
                    Some(b"title") => title = Some(text),
                    Some(b"creator") => creator = Some(text),
                    Some(b"created") => created = Some(text),
                    Some(b"modified") => modified = Some(text),
                    _ => {}
                }
            }
            Ok(Event::End(_)) => field = None,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    if document.title.is_none() {
        document.title = title;
    }
    document.author = creator;
    document.published = modified.or(created).and_then(|d| iso_date(&d));
}

/// One paragraph being read.
#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    /// `w:numPr`: the list's id and the item's level.
    num: (Option<String>, String),
    outline: Option<u8>,
    text: String,
}

/// One run being read: its text and whether it is set as a superscript.
#[derive(Default)]
struct Run {
    text: String,
    superscript: bool,
}

/// The reading state of `word/document.xml`.
struct Body<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    blocks: Vec<Block>,
    title: Option<String>,
    /// Open paragraphs (a text box's paragraphs sit inside another's run).
    paragraphs: Vec<Paragraph>,
    run: Option<Run>,
    /// Inside `w:t`: its text is the run's.
    in_text: bool,
    /// Open tables, innermost last, each its rows of cells.
    tables: Vec<Vec<Vec<String>>>,
    /// Depth inside content that repeats other content (`mc:Fallback`, `w:moveFrom`).
    skip: usize,
    /// The level of the last list item, for merging nested items into their list.
    last_item_level: Option<String>,
}

impl<'s> Body<'s> {
    fn new(styles: &'s Styles, numbering: &'s Numbering) -> Self {
        Body {
            styles,
            numbering,
            blocks: Vec::new(),
            title: None,
            paragraphs: Vec::new(),
            run: None,
            in_text: false,
            tables: Vec::new(),
            skip: 0,
            last_item_level: None,
        }
    }

    fn run(&mut self, xml: &str) -> Result<(), quick_xml::Error> {
        let mut reader = Reader::from_str(xml);
        loop {
            match reader.read_event()? {
                Event::Start(e) => self.start(&e, false),
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Text(t) if self.in_text && self.skip == 0 => {
                    let text = t.decode().map_err(quick_xml::Error::from)?;
                    self.push_text(&text);
                }
                Event::GeneralRef(r) if self.in_text && self.skip == 0 => {
                    let resolved = match r.resolve_char_ref()? {
                        Some(c) => c.to_string(),
                        None => {
                            let name = r.decode().map_err(quick_xml::Error::from)?;
                            resolve_predefined_entity(&name)
                                .unwrap_or_default()
                                .to_string()
                        }
                    };
                    self.push_text(&resolved);
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(run) = &mut self.run {
            run.text.push_str(text);
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        // A fallback repeats its alternative; text moved away is also at its new place.
        if self.skip > 0 || name == b"Fallback" || name == b"moveFrom" {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            b"p" if !empty => self.paragraphs.push(Paragraph::default()),
            b"pStyle" => self.paragraph(|p| p.style = Some(value(e))),
            b"numId" => self.paragraph(|p| p.num.0 = Some(value(e))),
            b"ilvl" => self.paragraph(|p| p.num.1 = value(e)),
            b"outlineLvl" => self.paragraph(|p| p.outline = value(e).parse().ok()),
            b"r" if !empty => self.run = Some(Run::default()),
            b"vertAlign" => {
                if let Some(run) = &mut self.run {
                    run.superscript = value(e) == "superscript";
                }
            }
            b"t" if !empty => self.in_text = true,
            // Tabs and breaks inside a run separate words; a tab elsewhere is a tab
            // stop's definition.
            b"tab" | b"br" | b"cr" => self.push_text(" "),
            b"noBreakHyphen" => self.push_text("-"),
            b"tbl" if !empty => self.tables.push(Vec::new()),
            b"tr" if !empty => {
                if let Some(table) = self.tables.last_mut() {
                    table.push(Vec::new());
                }
            }
            b"tc" if !empty => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.last_mut()) {
                    row.push(String::new());
                }
            }
            _ => {}
        }
    }

    fn paragraph(&mut self, f: impl FnOnce(&mut Paragraph)) {
        if let Some(p) = self.paragraphs.last_mut() {
            f(p);
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"r" => {
                let Some(run) = self.run.take() else { return };
                let Some(p) = self.paragraphs.last_mut() else {
                    return;
                };
                if run.superscript {
                    // A superscript number is a footnote marker typed by hand.
                    if let Some(kept) = superscript(&p.text, &run.text) {
                        p.text.push_str(&kept);
                    }
                } else {
                    p.text.push_str(&run.text);
                }
            }
            b"p" => {
                if let Some(p) = self.paragraphs.pop() {
                    self.end_paragraph(p);
                }
            }
            b"tbl" => {
                let Some(rows) = self.tables.pop() else {
                    return;
                };
                let rows: Vec<Vec<String>> = rows
                    .into_iter()
                    .filter(|r| r.iter().any(|c| !c.is_empty()))
                    .collect();
                if let Some(cell) = self.cell() {
                    // A table inside a cell: its text is the cell's.
                    let text = rows.iter().flatten().filter(|c| !c.is_empty());
                    for c in text {
                        join(cell, c);
                    }
                } else if !rows.is_empty() {
                    self.last_item_level = None;
                    self.blocks.push(Block::Table(rows));
                }
            }
            _ => {}
        }
    }

    /// The cell being read, when inside a table.
    fn cell(&mut self) -> Option<&mut String> {
        self.tables.last_mut()?.last_mut()?.last_mut()
    }

    fn end_paragraph(&mut self, p: Paragraph) {
        let text = collapse_spaces(&p.text);
        if text.is_empty() {
            return;
        }
        if let Some(cell) = self.cell() {
            join(cell, &text);
            return;
        }
        let role = match p.outline.filter(|l| *l < 9) {
            Some(level) => Some(Role::Heading((level + 1).min(6))),
            None => p.style.as_deref().and_then(|s| self.styles.role(s)),
        };
        // An item with no level is at the first.
        let level = if p.num.1.is_empty() {
            "0".to_string()
        } else {
            p.num.1.clone()
        };
        let list = match &p.num.0 {
            Some(id) if id != "0" => Some(self.numbering.ordered(id, &level)),
            Some(_) => None,
            None => p
                .style
                .as_deref()
                .filter(|s| self.styles.numbered(s))
                .map(|_| false),
        };
        let last_level = self.last_item_level.take();
        match (role, list) {
            (Some(Role::Title), _) => {
                self.title.get_or_insert_with(|| text.clone());
                self.blocks.push(Block::Heading { level: 1, text });
            }
            (Some(Role::Heading(level)), _) => self.blocks.push(Block::Heading { level, text }),
            (None, Some(ordered)) => {
                self.last_item_level = Some(level.clone());
                if let Some(Block::List { ordered: o, items }) = self.blocks.last_mut()
                    && last_level.is_some()
                    // Sub-items join their parent's list, whatever their own kind.
                    && (*o == ordered || level != "0" || last_level.as_deref() != Some("0"))
                {
                    items.push(text);
                    return;
                }
                self.blocks.push(Block::List {
                    ordered,
                    items: vec![text],
                });
            }
            (None, None) => self.blocks.push(Block::Paragraph(text)),
        }
    }
}

fn join(out: &mut String, text: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(text);
}
