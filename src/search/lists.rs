//! Each stem's postings over a tree's documents, in document order, as the index's
//! `terms/<n>.json` lists them: `[doc, section, weight]` with each document the
//! difference from the one before (the first from 0), every number a varint
//! ([`super::terms`]), all stems' lists in one buffer. A vector of `u32` per stem
//! held twelve bytes a posting and grew by doubling: over a GiB at 100,000 reports,
//! beside the documents' own terms.

use super::terms::{Reader, Terms, put_at, put_len};

/// The postings of every stem of a tree, by stem number.
pub(crate) struct Lists {
    /// Where each stem's list starts in `bytes`, and past the last, the end.
    starts: Vec<usize>,
    bytes: Vec<u8>,
}

impl Lists {
    /// The lists of `docs`, the terms of a tree's documents in order, whose stems
    /// are under `strings`: measured in a first pass, so that the buffer is
    /// allocated once at its size, then written.
    pub(crate) fn new(strings: usize, docs: &[&Terms]) -> Lists {
        Lists::of(strings, docs, |_| true)
    }

    /// The lists of the stems that are `wanted`, as [`Lists::new`] makes them; the
    /// others empty. The edit build's `terms/` bundles need only the stems of the
    /// bundles it writes again.
    pub(crate) fn of(strings: usize, docs: &[&Terms], wanted: impl Fn(usize) -> bool) -> Lists {
        let mut last = vec![0u32; strings];
        let mut starts = vec![0usize; strings + 1];
        for (n, terms) in docs.iter().enumerate() {
            for [stem, section, weight] in terms.postings() {
                let s = stem as usize;
                if !wanted(s) {
                    continue;
                }
                starts[s] += put_len(n as u32 - last[s]) + put_len(section) + put_len(weight);
                last[s] = n as u32;
            }
        }
        let mut total = 0;
        for at in &mut starts {
            (*at, total) = (total, total + *at);
        }
        let mut bytes = vec![0; total];
        let mut at = starts.clone();
        last.fill(0);
        for (n, terms) in docs.iter().enumerate() {
            for [stem, section, weight] in terms.postings() {
                let s = stem as usize;
                if !wanted(s) {
                    continue;
                }
                for v in [n as u32 - last[s], section, weight] {
                    put_at(&mut bytes, &mut at[s], v);
                }
                last[s] = n as u32;
            }
        }
        Lists { starts, bytes }
    }

    /// Whether no document has the stem `stem`.
    pub(crate) fn is_empty(&self, stem: usize) -> bool {
        self.starts[stem] == self.starts[stem + 1]
    }

    /// The postings of `stem`, `[doc difference, section, weight]`.
    pub(crate) fn postings(&self, stem: usize) -> impl Iterator<Item = [u32; 3]> + '_ {
        let end = self.starts[stem + 1];
        let mut r = Reader {
            bytes: &self.bytes[..end],
            at: self.starts[stem],
        };
        std::iter::from_fn(move || (r.at < end).then(|| [r.whole(), r.whole(), r.whole()]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stem_lists_its_documents_from_the_one_before() {
        let a = Terms::new(vec![[0, 0, 20], [2, 1, 5]], Vec::new());
        let b = Terms::new(Vec::new(), vec![[0, 2]]);
        let c = Terms::new(vec![[2, 3, 300], [0, 0, 1]], Vec::new());
        let docs: Vec<&Terms> = vec![&b, &a, &b, &c];
        let lists = Lists::new(4, &docs);
        let of = |s| lists.postings(s).collect::<Vec<_>>();
        assert_eq!(of(0), [[1, 0, 20], [2, 0, 1]]);
        assert_eq!(of(2), [[1, 1, 5], [2, 3, 300]]);
        assert!(lists.is_empty(1) && lists.is_empty(3) && !lists.is_empty(2));
        assert!(of(3).is_empty());
        let some = Lists::of(4, &docs, |s| s == 2);
        assert!(some.is_empty(0));
        assert_eq!(some.postings(2).collect::<Vec<_>>(), of(2));
    }
}
