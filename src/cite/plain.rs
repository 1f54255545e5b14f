//! A citation as readers read it, in the author-date order most styles share:
//! "Internet Society (2024). Title. Annual progress report. https://…".

use super::{Citation, Work};

/// Citation `c` as one line of plain text.
pub(super) fn write(c: &Citation<'_>) -> String {
    let year = c
        .issued
        .map_or_else(|| "n.d.".to_string(), |d| d.year.to_string());
    let mut out = format!("{} ({year}). ", c.author);
    match c.work {
        Work::Report => sentence(&mut out, c.title),
        Work::Dataset => sentence(&mut out, &format!("{} [Data set]", c.title)),
    }
    if let Some(part) = &c.part {
        sentence(&mut out, part);
    } else if let Some(genre) = c.genre {
        sentence(&mut out, genre);
    }
    // A report's publisher is its author, said once already.
    if c.publisher != c.author {
        sentence(&mut out, c.publisher);
    }
    out.push_str(&c.url);
    out
}

/// Appends `s` as a sentence: a full stop unless it ends with one of its own.
fn sentence(out: &mut String, s: &str) {
    let s = s.trim();
    out.push_str(s);
    if !s.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out.push(' ');
}
