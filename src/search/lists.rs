//! Each stem's postings over a tree's documents, in document order, as the index's
//! `terms/<n>.json.gz` lists them: `[doc, section, weight]` with each document the
//! difference from the one before (the first from 0), every number a varint
//! ([`super::terms`]), all stems' lists in one buffer. A vector of `u32` per stem
//! held twelve bytes a posting and grew by doubling: over a GiB at 100,000 reports,
//! beside the documents' own terms.

use rayon::prelude::*;

use super::bundle::number_len;
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
        let mut sizes = vec![0u32; strings];
        for (n, terms) in docs.iter().enumerate() {
            for [stem, section, weight] in terms.postings() {
                let s = stem as usize;
                if !wanted(s) {
                    continue;
                }
                sizes[s] +=
                    (put_len(n as u32 - last[s]) + put_len(section) + put_len(weight)) as u32;
                last[s] = n as u32;
            }
        }
        Lists::sized(&sizes, docs, wanted)
    }

    /// The lists of the stems that are `wanted`, each `sizes[stem]` bytes long (as
    /// [`Sizes::bytes`] counts them), the others empty: written in one pass over the
    /// documents.
    pub(crate) fn sized(sizes: &[u32], docs: &[&Terms], wanted: impl Fn(usize) -> bool) -> Lists {
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0;
        for (s, &size) in sizes.iter().enumerate() {
            starts.push(total);
            if wanted(s) {
                total += size as usize;
            }
        }
        starts.push(total);
        let mut bytes = vec![0; total];
        let mut at = starts.clone();
        let mut last = vec![0u32; sizes.len()];
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

/// The fewest documents a worker measures at once.
const MEASURED_AT_ONCE: usize = if cfg!(test) { 2 } else { 1024 };
/// The most runs measured at once, whatever the cores: each holds five numbers a
/// string of the site's table (20 bytes each, millions of strings on a large site of
/// many languages), all of them until they are added up.
const MOST_RUNS: usize = 4;

/// Each stem's postings over a tree's documents, by stem number, counted without
/// being made: how many, the decimal digits of their numbers as a `terms/` entry
/// writes them, and the bytes of their varints as [`Lists`] holds them.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Sizes {
    pub(crate) count: Vec<u32>,
    pub(crate) digits: Vec<u32>,
    pub(crate) bytes: Vec<u32>,
}

impl Sizes {
    /// The sizes of the postings of `docs` of the stems that are `wanted` (0 for the
    /// others), whose stems are under `strings`: a run of documents per core, each
    /// run's first posting of a stem then counted from the run before. The edit
    /// build's `terms/` bundles measured the entries, then measured and wrote the
    /// lists, three passes over every posting on one thread. Only the stems wanted:
    /// the sizes of every stem took three times as long as a pass that passes most
    /// postings by.
    pub(crate) fn of(strings: usize, docs: &[&Terms], wanted: &[bool]) -> Sizes {
        let per = run_length(docs.len(), rayon::current_num_threads());
        Sizes::in_runs(strings, docs, wanted, per)
    }

    /// [`Sizes::of`] with runs of `per` documents.
    fn in_runs(strings: usize, docs: &[&Terms], wanted: &[bool], per: usize) -> Sizes {
        let runs: Vec<Run> = docs
            .par_chunks(per)
            .enumerate()
            .map(|(k, some)| Run::of(strings, some, wanted, (k * per) as u32))
            .collect();
        let mut runs = runs.into_iter();
        let mut all = runs.next().unwrap_or_else(|| Run::new(strings));
        runs.for_each(|next| all.then(next));
        all.sizes
    }
}

/// The documents of a run when `docs` are measured on `threads` threads: one run a
/// thread, no more than [`MOST_RUNS`], none shorter than [`MEASURED_AT_ONCE`].
fn run_length(docs: usize, threads: usize) -> usize {
    docs.div_ceil(threads.clamp(1, MOST_RUNS))
        .max(MEASURED_AT_ONCE)
}

/// The sizes of the postings of a run of documents, each stem's first document
/// counted from 0, with each stem's first and last document (the tree's numbers).
struct Run {
    sizes: Sizes,
    first: Vec<u32>,
    last: Vec<u32>,
}

impl Run {
    fn new(strings: usize) -> Run {
        Run {
            sizes: Sizes {
                count: vec![0; strings],
                digits: vec![0; strings],
                bytes: vec![0; strings],
            },
            first: vec![0; strings],
            last: vec![0; strings],
        }
    }

    /// The run of `docs`, the first numbered `from`, of the stems `wanted`.
    fn of(strings: usize, docs: &[&Terms], wanted: &[bool], from: u32) -> Run {
        let mut run = Run::new(strings);
        let Sizes {
            count,
            digits,
            bytes,
        } = &mut run.sizes;
        for (n, terms) in docs.iter().enumerate() {
            let n = from + n as u32;
            for [stem, section, weight] in terms.postings() {
                let s = stem as usize;
                if !wanted[s] {
                    continue;
                }
                let doc = n - run.last[s];
                if count[s] == 0 {
                    run.first[s] = n;
                }
                count[s] += 1;
                digits[s] += (number_len(doc) + number_len(section) + number_len(weight)) as u32;
                bytes[s] += (put_len(doc) + put_len(section) + put_len(weight)) as u32;
                run.last[s] = n;
            }
        }
        run
    }

    /// This run followed by `next`: a stem's first document in `next` is counted from
    /// its last in this one, not from 0.
    fn then(&mut self, next: Run) {
        let now = &mut self.sizes;
        for s in 0..now.count.len() {
            if next.sizes.count[s] == 0 {
                continue;
            }
            let (mut digits, mut bytes) = (next.sizes.digits[s], next.sizes.bytes[s]);
            if now.count[s] > 0 {
                let (first, last) = (next.first[s], self.last[s]);
                digits = digits - number_len(first) as u32 + number_len(first - last) as u32;
                bytes = bytes - put_len(first) as u32 + put_len(first - last) as u32;
            } else {
                self.first[s] = next.first[s];
            }
            now.count[s] += next.sizes.count[s];
            now.digits[s] += digits;
            now.bytes[s] += bytes;
            self.last[s] = next.last[s];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Many cores make no more runs (each five numbers a string) than MOST_RUNS.
    #[test]
    fn runs_are_few_whatever_the_cores() {
        let docs = 100 * MEASURED_AT_ONCE;
        for threads in [0, 1, 2, 3, 4, 8, 64, 1024] {
            let per = run_length(docs, threads);
            let runs = docs.div_ceil(per);
            assert!((1..=MOST_RUNS).contains(&runs), "{threads}: {runs}");
            assert_eq!(runs, threads.clamp(1, MOST_RUNS), "{threads}");
        }
        assert_eq!(run_length(3, 64), MEASURED_AT_ONCE);
    }

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

    /// Documents whose stems come, go and change weight, with gaps between a stem's
    /// documents of one and several digits and varint bytes: in runs of any length
    /// (a run's edge falling at every place), the sizes are those of the lists made.
    #[test]
    fn sizes_in_runs_are_those_of_the_lists() {
        let all: Vec<Terms> = (0..400u32)
            .map(|n| {
                let mut postings = vec![[0, n % 3, 1 + n % 200]];
                if n % 7 == 0 {
                    postings.push([1, 0, 20]);
                }
                if n % 150 == 0 || n == 399 {
                    postings.push([2, 1, 130 * n]);
                }
                if (5..9).contains(&n) {
                    postings.push([4, 2, 9]);
                }
                Terms::new(postings, Vec::new())
            })
            .collect();
        let docs: Vec<&Terms> = all.iter().collect();
        let lists = Lists::of(5, &docs, |_| true);
        let mut expected = Run::new(5).sizes;
        for s in 0..5 {
            for [doc, section, weight] in lists.postings(s) {
                expected.count[s] += 1;
                expected.digits[s] +=
                    (number_len(doc) + number_len(section) + number_len(weight)) as u32;
            }
            expected.bytes[s] = (lists.starts[s + 1] - lists.starts[s]) as u32;
        }
        assert_eq!(expected.count, [400, 58, 4, 0, 4]);
        let all = [true; 5];
        for per in [1, 2, 3, 7, 100, 149, 150, 151, 399, 400, 1000] {
            assert_eq!(
                Sizes::in_runs(5, &docs, &all, per),
                expected,
                "runs of {per}"
            );
        }
        assert_eq!(Sizes::of(5, &docs, &all), expected);
        // A stem not wanted is passed by, as if no document had it.
        let some = [true, false, true, true, true];
        let mut without = Sizes::of(5, &docs, &all);
        (without.count[1], without.digits[1], without.bytes[1]) = (0, 0, 0);
        assert_eq!(Sizes::in_runs(5, &docs, &some, 3), without);
        let sized = Lists::sized(&expected.bytes, &docs, |s| s != 1);
        assert!(sized.is_empty(1));
        for s in [0, 2, 4] {
            let made: Vec<_> = sized.postings(s).collect();
            assert_eq!(made, lists.postings(s).collect::<Vec<_>>(), "stem {s}");
        }
        assert_eq!(Sizes::of(3, &[], &[true; 3]), Run::new(3).sizes);
    }
}
