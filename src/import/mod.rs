//! Importing a report's text: the first stage of `wsis import`.
//!
//! [`sentences`] cuts plain text into sentences (byte spans, lines re-joined inside a
//! paragraph); [`candidates`] lists the quantities it states that may be reported
//! figures, each with its unit, bound, status, year, verbatim quote, confidence and the
//! reason it was kept. The rules are general and explainable (no model, no network):
//! see [`candidates`](mod@candidates) for them.

pub mod candidates;
pub mod sentences;

pub use candidates::{Candidate, CandidateUnit, candidates};
pub use sentences::sentences;
