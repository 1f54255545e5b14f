//! PDF submissions: the text layer read in reading order, page furniture dropped,
//! paragraphs, headings and lists recovered, the Info dictionary's metadata kept.
//!
//! [`glyphs`] collects each character with its position and size (pdf-extract decodes
//! the fonts), [`layout`] groups them into lines and columns, [`furniture`] drops
//! running headers, footers and page numbers and sets footnotes apart, [`blocks`]
//! makes blocks of the lines, [`meta`] reads Title, Author and CreationDate, and
//! [`unpacked`] refuses pages whose content would unpack past a bound.
//!
//! The parser runs on a worker thread: a panic in it (pdf-extract panics on fonts it
//! does not support) becomes an error, and a file that keeps it busy past
//! [`TIME_LIMIT`] is given up on (the thread is left to finish on its own; the
//! command exits without waiting for it).

mod blocks;
mod furniture;
mod glyphs;
mod layout;
mod meta;
mod unpacked;

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::{Once, mpsc};
use std::thread;
use std::time::Duration;

use super::Limits;
use crate::diagnostic::{Diagnostic, Kind};
use crate::import::document::Document;
use glyphs::Collector;
use layout::Line;

/// The most pages imported: more is no submission (a report runs to a few hundred).
const MAX_PAGES: usize = 5_000;
/// The most objects a PDF may hold: bounds the parsed tree of a hostile file.
const MAX_OBJECTS: usize = 2_000_000;
/// How long reading one PDF may take.
const TIME_LIMIT: Duration = Duration::from_secs(120);
/// Fewer visible characters than this per page, on average, is a scan: page numbers
/// or a stamp, not a text layer.
const MIN_CHARS_PER_PAGE: usize = 10;

/// Why a PDF could not be read.
#[derive(Debug)]
enum Failure {
    Encrypted,
    NoText,
    Corrupt(String),
    Pages(usize),
    Objects(usize),
    TooMuchText(u64),
    /// A page (numbered from 1) whose content unpacks past the cap (in bytes).
    Unpacks(u32, u64),
    /// The parser panicked, with what it said.
    Panicked(String),
    TimedOut,
}

impl Failure {
    fn diagnostic(self, path: &Path) -> Diagnostic {
        let (message, help) = match self {
            Failure::Encrypted => (
                "this PDF is encrypted; save a copy without a password".to_string(),
                "open it with its password and save (or print) it to a new PDF".to_string(),
            ),
            Failure::NoText => (
                "this PDF has no text layer; run OCR first, e.g. ocrmypdf".to_string(),
                "`ocrmypdf scan.pdf text.pdf` adds a text layer; then import text.pdf".to_string(),
            ),
            Failure::Corrupt(why) => (
                format!("this PDF cannot be read: {why}"),
                "the file may be truncated or damaged; export it again from its source".to_string(),
            ),
            Failure::Panicked(why) => (
                "this PDF cannot be read: the PDF reader failed on its content".to_string(),
                format!(
                    "the reader stopped at: {why}; export the file again (e.g. print it to \
                     PDF) and import the new file"
                ),
            ),
            Failure::Pages(n) => (
                format!("this PDF has {n} pages, more than the {MAX_PAGES} imported"),
                "import the report itself rather than a compilation".to_string(),
            ),
            Failure::Objects(n) => (
                format!("this PDF holds {n} objects, more than the {MAX_OBJECTS} read"),
                "export it again from its source; a report needs far fewer".to_string(),
            ),
            Failure::TooMuchText(max) => (
                format!("this PDF holds more than {max} bytes of text, the most imported"),
                "import the report itself rather than a compilation".to_string(),
            ),
            Failure::Unpacks(page, cap) => (
                format!("this PDF's page {page} unpacks to more than {cap} bytes"),
                "export it again from its source; a page of a report needs far less".to_string(),
            ),
            Failure::TimedOut => (
                format!(
                    "this PDF cannot be read: reading it took more than {} seconds",
                    TIME_LIMIT.as_secs()
                ),
                "export it again (e.g. print it to PDF) and import the new file".to_string(),
            ),
        };
        Diagnostic::new(Kind::Import, path, message).help(help)
    }
}

/// Reads a PDF's text layer into a [`Document`].
pub(crate) fn read(bytes: &[u8], path: &Path, limits: Limits) -> Result<Document, Diagnostic> {
    quiet_worker_panics();
    let owned = bytes.to_vec();
    let (tx, rx) = mpsc::sync_channel(1);
    let worker = thread::Builder::new()
        .name(WORKER.into())
        // Deeply nested objects recurse in the parser; a large stack (reserved, not
        // committed) keeps that from overflowing, which could not be caught.
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| extract(&owned, limits)))
                .unwrap_or_else(|payload| Err(Failure::Panicked(panic_text(payload.as_ref()))));
            // The receiver is gone when reading timed out; nobody needs the result then.
            let _ = tx.send(outcome);
        });
    if let Err(e) = worker {
        return Err(Diagnostic::io(path, "start reading", &e));
    }
    let outcome = match rx.recv_timeout(TIME_LIMIT) {
        Ok(outcome) => outcome,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::TimedOut),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Failure::Panicked("the reading thread ended".into()))
        }
    };
    outcome.map_err(|f| f.diagnostic(path))
}

/// The name of the thread that parses PDFs.
const WORKER: &str = "wsis-pdf";

/// Keeps the parser's panics off stderr: each becomes an error that says what the
/// parser said (see [`Failure::Panicked`]), so the user sees one clear message rather
/// than a crash report. Panics on any other thread still go to the usual hook.
fn quiet_worker_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let usual = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if thread::current().name() != Some(WORKER) {
                usual(info);
            }
        }));
    });
}

/// What a panic said, when it said it with a string.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".into())
}

/// Parses, checks and extracts; runs on the worker thread.
fn extract(bytes: &[u8], limits: Limits) -> Result<Document, Failure> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::Decryption(_) => Failure::Encrypted,
        other => Failure::Corrupt(other.to_string()),
    })?;
    // A PDF with only an owner password (restrictions on printing or copying) opens
    // with the empty password, as in any viewer; one with a user password does not.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Failure::Encrypted);
    }
    if doc.objects.len() > MAX_OBJECTS {
        return Err(Failure::Objects(doc.objects.len()));
    }
    let page_count = doc.get_pages().len();
    if page_count == 0 {
        return Err(Failure::Corrupt("it has no pages".into()));
    }
    if page_count > MAX_PAGES {
        return Err(Failure::Pages(page_count));
    }
    let cap = unpacked::page_cap(limits.max_text);
    if let Some(page) = unpacked::oversized_page(&doc, cap) {
        return Err(Failure::Unpacks(page, cap));
    }
    let info = meta::info(&doc);

    let mut collector = Collector::new(limits.max_text);
    let extracted = pdf_extract::output_doc(&doc, &mut collector);
    if collector.over_limit {
        return Err(Failure::TooMuchText(limits.max_text));
    }
    extracted.map_err(|e| Failure::Corrupt(e.to_string()))?;

    let pages = collector.pages;
    let visible: usize = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| !g.is_space())
        .count();
    if visible < MIN_CHARS_PER_PAGE * pages.len().max(1) {
        return Err(Failure::NoText);
    }

    let heights: Vec<f64> = pages.iter().map(|p| p.height).collect();
    let mut lines: Vec<Vec<Line>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| layout::page_lines(p, i))
        .collect();
    furniture::drop_running(&mut lines, &heights);
    let body = body_size(lines.iter().flatten());
    let notes = furniture::take_footnotes(&mut lines, &heights, body);
    let flow: Vec<Line> = lines.into_iter().flatten().collect();
    let blocks = blocks::blocks(&flow, &notes, body);

    // Without a title in the metadata, a first heading at the top level is the title.
    let title = info.title.or_else(|| match blocks.first() {
        Some(crate::import::document::Block::Heading { level: 1, text }) => Some(text.clone()),
        _ => None,
    });
    Ok(Document {
        title,
        published: info.created,
        author: info.author,
        blocks,
        markdown: None,
    })
}

/// The body text's font size: the size (to half a point) most characters have.
fn body_size<'a>(lines: impl Iterator<Item = &'a Line>) -> f64 {
    let mut counts: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for line in lines {
        *counts.entry((line.size * 2.0).round() as i64).or_default() += line.text.len();
    }
    counts
        .into_iter()
        .max_by_key(|&(size, count)| (count, size))
        .map_or(10.0, |(size, _)| size as f64 / 2.0)
}
