//! Heading anchors: slugs, and ids made unique within a page.

use std::collections::{HashMap, HashSet};

/// A URL fragment from a heading: lower case ASCII letters, digits and single `-`.
pub(super) fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// The ids given out on one page, handing out `base`, `base-2`, `base-3`... whichever
/// is free.
///
/// Each base remembers the next number to try: counting up from 2 on every request
/// made a report with 20,000 identical headings (or figures of one metric and year)
/// quadratic. With the counter each candidate id is tried at most once per base, so
/// handing out n ids costs O(n) tries in all.
#[derive(Debug, Default)]
pub(crate) struct IdSet {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl IdSet {
    /// A set with `ids` already taken.
    pub(crate) fn with<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = IdSet::default();
        set.used.extend(ids.into_iter().map(str::to_string));
        set
    }

    /// `base`, or `base-2`, `base-3`... whichever is not taken yet; marks it taken.
    pub(crate) fn unique(&mut self, base: &str) -> String {
        self.unique_counting(base, &mut |_| {})
    }

    /// [`IdSet::unique`], calling `tried` once per candidate looked at (for tests).
    fn unique_counting(&mut self, base: &str, tried: &mut dyn FnMut(&str)) -> String {
        tried(base);
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            tried(&id);
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_count_up_and_skip_taken_ones() {
        let mut ids = IdSet::with(["top", "a-3"]);
        let got: Vec<String> = ["a", "a", "a", "a", "top", "a-2"]
            .iter()
            .map(|b| ids.unique(b))
            .collect();
        assert_eq!(got, ["a", "a-2", "a-4", "a-5", "top-2", "a-2-2"]);
    }

    #[test]
    fn handing_out_identical_ids_is_linear() {
        // Counting up from 2 each time would look at n²/2 candidates.
        for n in [2_000usize, 20_000] {
            let mut ids = IdSet::default();
            let mut tries = 0usize;
            for _ in 0..n {
                ids.unique_counting("overview", &mut |_| tries += 1);
            }
            assert!(tries < 2 * n + 1, "{n} ids took {tries} tries");
        }
    }
}
