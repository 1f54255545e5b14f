//! `wsis import`: a submission file (text, Markdown, HTML, DOCX, PDF) becomes a draft
//! report with candidate figures for an editor to review.
//!
//! [`read`] turns a file into a [`Document`]; [`sentences`] cuts plain text into
//! sentences (byte spans, lines re-joined inside a paragraph);
//! [`candidates()`](fn@candidates) lists the quantities it states that may be reported
//! figures, each with its unit, bound, status, year, verbatim quote, confidence and the
//! reason it was kept. The rules are general and explainable (no model, no network),
//! one per module: see [`candidates`](mod@crate::import::candidates).

pub mod candidates;
pub mod document;
pub mod read;
pub mod sentences;
mod to_markdown;

pub use candidates::{Candidate, CandidateUnit, candidates};
pub use document::{Block, Document};
pub use sentences::sentences;
