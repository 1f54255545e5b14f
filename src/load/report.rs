//! A report file as loaded: parsed at once, or, when the build cache holds the report
//! validated from the very same text, parsed only if something asks for its front
//! matter (a warning pointing into it, a report validated again). Parsing every
//! unchanged report's YAML was a seventh of an incremental build at 10,000 reports.
//! When the file's [`Stamp`] is the one recorded as that text was read, the text is
//! not even read until then: reading it was a fifth of an edit build.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::number::RawNumber;
use super::{Doc, FrontMatter, Positions, RawFigure, front, yaml};
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::Report;
use crate::stamp::Stamp;

/// A report file: its front matter and the Markdown after it.
#[derive(Debug)]
pub(crate) struct RawReport {
    /// The slug, from the file stem.
    pub(crate) slug: String,
    /// A hash of the whole file, to tell an edited report from an unchanged one.
    pub(crate) fingerprint: u64,
    /// The file's stamp as it was read, when it may be recorded for the next build.
    pub(crate) stamp: Option<Stamp>,
    parts: Parts,
}

/// What parsing a report file gives besides its slug and fingerprint; a
/// [`RawReport`] dereferences to it, parsing a deferred report on first use.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// The front matter.
    pub(crate) front: Doc<FrontMatter>,
    /// The Markdown body.
    pub(crate) body: String,
    /// The line of the file the body starts on, for positions within it.
    pub(crate) body_line: usize,
    /// The figures marked `review: candidate`, with their index among the file's
    /// figures, taken out of `front.value.figures` so that no later stage can publish
    /// or validate them.
    pub(crate) candidates: Vec<(usize, RawFigure)>,
}

#[derive(Debug)]
enum Parts {
    Parsed(Box<Parsed>),
    Deferred(Box<Deferred>),
}

/// A report whose text the build cache's validated report was made from.
#[derive(Debug)]
struct Deferred {
    file: PathBuf,
    text: Text,
    /// The cached report, which answers what is asked of every report (whether it
    /// lists translations) without parsing.
    cached: Arc<Report>,
    /// The parse, once asked for, and its error: a text that hashes as the cached
    /// report's but does not parse (a cache crafted to match) stands in with the cached
    /// report's values, without positions, and [`RawReport::parse_error`] says so.
    parsed: OnceLock<(Parsed, Option<Diagnostic>)>,
}

/// A deferred report's text.
#[derive(Debug)]
enum Text {
    /// Read while loading.
    Read(String),
    /// Left in the file at `path`, whose stamp was the one recorded when its text was
    /// last read; that text hashed as the report's fingerprint. Read when asked for.
    Unread(PathBuf),
}

impl RawReport {
    /// A report file whose text `text` hashes as `fingerprint`, the text the cached
    /// report `cached` was validated from: parsed only when asked.
    pub(crate) fn deferred(
        rel: &Path,
        text: String,
        fingerprint: u64,
        cached: Arc<Report>,
    ) -> RawReport {
        RawReport::deferred_with(rel, Text::Read(text), fingerprint, cached)
    }

    /// A report file at `path` (`rel` from the site root) left unread: its stamp is
    /// `stamp`, the one recorded when its text was read and hashed as `fingerprint`,
    /// the text the cached report `cached` was validated from.
    pub(crate) fn unread(
        rel: &Path,
        path: PathBuf,
        stamp: Stamp,
        fingerprint: u64,
        cached: Arc<Report>,
    ) -> RawReport {
        let mut report = RawReport::deferred_with(rel, Text::Unread(path), fingerprint, cached);
        report.stamp = Some(stamp);
        report
    }

    fn deferred_with(rel: &Path, text: Text, fingerprint: u64, cached: Arc<Report>) -> RawReport {
        RawReport {
            slug: slug_of(rel),
            fingerprint,
            stamp: None,
            parts: Parts::Deferred(Box::new(Deferred {
                file: rel.to_path_buf(),
                text,
                cached,
                parsed: OnceLock::new(),
            })),
        }
    }

    /// Whether the report's text was read (always, but for [`RawReport::unread`]
    /// reports not asked for since).
    pub(crate) fn is_read(&self) -> bool {
        match &self.parts {
            Parts::Deferred(d) => !matches!(d.text, Text::Unread(_)) || d.parsed.get().is_some(),
            Parts::Parsed(_) => true,
        }
    }

    /// The file, relative to the site root, without parsing.
    pub(crate) fn file(&self) -> &Path {
        match &self.parts {
            Parts::Parsed(p) => &p.front.file,
            Parts::Deferred(d) => &d.file,
        }
    }

    /// Whether the report lists no translations, without parsing a deferred report.
    pub(crate) fn lists_no_translations(&self) -> bool {
        match self.unparsed() {
            Some(cached) => cached.translations.is_empty(),
            None => self.front.value.translations.is_empty(),
        }
    }

    /// The cached report a deferred report stands for, while it is not parsed: what
    /// it answers is what parsing the same text gave when the report was cached.
    pub(crate) fn unparsed(&self) -> Option<&Report> {
        match &self.parts {
            Parts::Deferred(d) if d.parsed.get().is_none() => Some(&d.cached),
            _ => None,
        }
    }

    /// Why a deferred report's text does not parse, parsing it if it was not yet.
    pub(crate) fn parse_error(&self) -> Option<&Diagnostic> {
        match &self.parts {
            Parts::Parsed(_) => None,
            Parts::Deferred(d) => d.parse(self.fingerprint).1.as_ref(),
        }
    }

    /// Why a report left unread, whose text was asked for since, is not the report
    /// the cache holds (its file was saved after it was loaded); never reads or parses.
    pub(crate) fn stale(&self) -> Option<&Diagnostic> {
        match &self.parts {
            Parts::Deferred(d) if matches!(d.text, Text::Unread(_)) => {
                d.parsed.get().and_then(|(_, e)| e.as_ref())
            }
            _ => None,
        }
    }

    /// Whether the front matter was parsed (at once, or since, on demand).
    #[cfg(test)]
    pub(crate) fn is_parsed(&self) -> bool {
        match &self.parts {
            Parts::Parsed(_) => true,
            Parts::Deferred(d) => d.parsed.get().is_some(),
        }
    }

    /// Lets go of the Markdown body once it is rendered (a deferred report keeps its
    /// text, which a warning may still need parsed).
    pub(crate) fn drop_body(&mut self) {
        match &mut self.parts {
            Parts::Parsed(p) => p.body = String::new(),
            Parts::Deferred(d) => {
                if let Some((p, _)) = d.parsed.get_mut() {
                    p.body = String::new();
                }
            }
        }
    }
}

impl Deferred {
    /// The report parsed, reading its text first if it was left unread (it must
    /// still hash as `fingerprint`).
    fn parse(&self, fingerprint: u64) -> &(Parsed, Option<Diagnostic>) {
        self.parsed.get_or_init(|| {
            let parsed = match &self.text {
                Text::Read(text) => parse(text, &self.file),
                Text::Unread(path) => self
                    .read(path, fingerprint)
                    .and_then(|t| parse(&t, &self.file)),
            };
            match parsed {
                Ok(parsed) => (parsed, None),
                Err(e) => (stand_in(&self.file, &self.cached), Some(e)),
            }
        })
    }

    /// The text of the file at `path`, left unread while loading, which must hash as
    /// `fingerprint`: a file saved since it was loaded is not the report this build
    /// holds (the next build reads it).
    fn read(&self, path: &Path, fingerprint: u64) -> Result<String, Diagnostic> {
        let text = super::read_text(path, &self.file)?;
        if self::fingerprint(&text) == fingerprint {
            return Ok(text);
        }
        Err(Diagnostic::new(
            Kind::Io,
            &self.file,
            "the file changed while the site was built",
        )
        .help("build again to publish its new text"))
    }
}

/// Parses a deferred report on first use: only its slug, file and fingerprint are
/// known without it.
impl Deref for RawReport {
    type Target = Parsed;

    fn deref(&self) -> &Parsed {
        match &self.parts {
            Parts::Parsed(p) => p,
            Parts::Deferred(d) => &d.parse(self.fingerprint).0,
        }
    }
}

impl DerefMut for RawReport {
    fn deref_mut(&mut self) -> &mut Parsed {
        let fingerprint = self.fingerprint;
        if let Parts::Deferred(d) = &mut self.parts {
            d.parse(fingerprint);
        }
        match &mut self.parts {
            Parts::Parsed(p) => p,
            Parts::Deferred(d) => match d.parsed.get_mut() {
                Some((p, _)) => p,
                None => unreachable!("parsed just above"),
            },
        }
    }
}

/// The front matter a cached report stands for, when its text does not parse after
/// all: never shown but in a diagnostic, which then has no position.
fn stand_in(file: &Path, cached: &Report) -> Parsed {
    Parsed {
        front: Doc {
            file: file.to_path_buf(),
            value: FrontMatter {
                title: cached.title.clone(),
                organization: String::new(),
                year: RawNumber(cached.year.to_string()),
                published: cached.published,
                kind: cached.kind,
                submitted_to: cached.submitted_to.clone(),
                source_url: cached.source_url.clone(),
                summary: cached.summary.clone(),
                language: Some(cached.language.tag().to_string()),
                translations: cached.translations.clone(),
                action_lines: Vec::new(),
                figures: Vec::new(),
            },
            positions: Positions::default(),
        },
        body: String::new(),
        body_line: 1,
        candidates: Vec::new(),
    }
}

fn slug_of(rel: &Path) -> String {
    rel.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

/// Splits a report into front matter and body, and parses the front matter.
pub(crate) fn parse_report(text: &str, rel: &Path) -> Result<RawReport, Diagnostic> {
    Ok(RawReport {
        slug: slug_of(rel),
        fingerprint: fingerprint(text),
        stamp: None,
        parts: Parts::Parsed(Box::new(parse(text, rel)?)),
    })
}

/// The hash of a report's text that tells an edited report from an unchanged one.
pub(crate) fn fingerprint(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

fn parse(text: &str, rel: &Path) -> Result<Parsed, Diagnostic> {
    let front::Split {
        yaml: yaml_text,
        body,
        body_line,
    } = front::split(text, rel, "a report")?;
    // The YAML starts on line 2 of the file; the body after the closing `---`.
    let mut value = yaml::parse::<FrontMatter>(yaml_text, rel, 2)?;
    // Candidates leave the figures list here; the positions of the figures that stay
    // are renumbered so that errors still point at their entries in the file.
    let (mut kept, mut candidates, mut file_index) = (Vec::new(), Vec::new(), Vec::new());
    for (i, f) in std::mem::take(&mut value.figures).into_iter().enumerate() {
        if f.review.is_some() {
            candidates.push((i, f));
        } else {
            kept.push(f);
            file_index.push(i);
        }
    }
    value.figures = kept;
    Ok(Parsed {
        front: Doc {
            file: rel.to_path_buf(),
            value,
            positions: Positions::new(yaml_text, 2).renumbered("figures", file_index),
        },
        candidates,
        body: body.to_string(),
        body_line,
    })
}
