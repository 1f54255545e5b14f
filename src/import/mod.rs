//! `wsis import`: a submission file (text, Markdown, HTML, DOCX, PDF) becomes a draft
//! report with candidate figures for an editor to review.
//!
//! [`read`] turns a file into a [`Document`]; [`sentences`] cuts plain text into
//! sentences (byte spans, lines re-joined inside a paragraph);
//! [`candidates()`](fn@candidates) lists the quantities it states that may be reported
//! figures, each with its unit, bound, status, year, verbatim quote, confidence and the
//! reason it was kept. The rules are general and explainable (no model, no network),
//! one per module: see [`candidates`](mod@crate::import::candidates).
//!
//! [`draft`](mod@draft) assembles the draft report: [`meta`] finds its title, date
//! and organization, [`action_lines`] suggests action lines for each section,
//! [`metrics`] an existing or new metric for each candidate; [`write`] turns the
//! draft into a report file and [`command`] runs the whole for `wsis import`.

pub mod action_lines;
pub mod candidates;
pub mod command;
pub mod document;
pub mod draft;
pub mod meta;
pub mod metrics;
pub mod read;
pub mod sentences;
pub mod site;
mod to_markdown;
mod words;
pub mod write;

pub use candidates::{Candidate, CandidateUnit, candidates};
pub use command::{ImportOptions, import};
pub use document::{Block, Document};
pub use draft::Draft;
pub use sentences::sentences;
