//! A document's terms held encoded: the search cache keeps every document's terms
//! from the index to the end of the build, and as three `u32` per posting they were
//! over a GiB at 100,000 reports. Encoded, each stem is the difference from the one
//! before (the postings sorted by stem) and every number a LEB128 varint: most take
//! one or two bytes, a posting about four instead of twelve.
//!
//! Layout: the number of postings, then `[stem delta, section, weight]` for each; the
//! number of inflected words, then `[word delta, stem]` for each (sorted by word).
//! The order of a document's postings never reaches the index: each stem has at
//! most one posting per document, and the vocabulary is sorted by its words.

use rayon::prelude::*;

/// One document's postings and inflected words as indexes into its tree's string
/// table, encoded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Terms {
    bytes: Box<[u8]>,
}

impl Terms {
    /// The terms with `postings` (`[stem, section, weight]`) and `inflected`
    /// (`[word, stem]`), in any order.
    pub(crate) fn new(mut postings: Vec<[u32; 3]>, mut inflected: Vec<[u32; 2]>) -> Terms {
        postings.sort_unstable();
        inflected.sort_unstable();
        let mut out = Vec::with_capacity(4 * postings.len() + 3 * inflected.len() + 4);
        put(&mut out, postings.len() as u32);
        let mut previous = 0;
        for [stem, section, weight] in postings {
            put(&mut out, stem - previous);
            put(&mut out, section);
            put(&mut out, weight);
            previous = stem;
        }
        put(&mut out, inflected.len() as u32);
        let mut previous = 0;
        for [word, stem] in inflected {
            put(&mut out, word - previous);
            put(&mut out, stem);
            previous = word;
        }
        Terms {
            bytes: out.into_boxed_slice(),
        }
    }

    /// The terms `bytes` encode, when they are exactly one whole encoding whose
    /// strings are all under `strings` (a file read back); `None` otherwise.
    pub(crate) fn decode(bytes: Vec<u8>, strings: u32) -> Option<Terms> {
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
        for width in [3, 2] {
            let count = r.next()?;
            let mut previous: u32 = 0;
            for _ in 0..count {
                // Postings: the stem is a running sum; inflected words: the word is,
                // and the stem is as written.
                let first = previous.checked_add(r.next()?)?;
                let second = r.next()?;
                if width == 3 {
                    r.next()?;
                    if first >= strings {
                        return None;
                    }
                } else if first >= strings || second >= strings {
                    return None;
                }
                previous = first;
            }
        }
        (r.at == bytes.len()).then(|| Terms {
            bytes: bytes.into_boxed_slice(),
        })
    }

    /// The encoded bytes, as [`Terms::decode`] reads them.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The postings, `[stem, section, weight]`, by stem.
    pub(crate) fn postings(&self) -> impl Iterator<Item = [u32; 3]> + '_ {
        let mut r = Reader {
            bytes: &self.bytes,
            at: 0,
        };
        let count = r.whole();
        let mut stem = 0;
        (0..count).map(move |_| {
            stem += r.whole();
            [stem, r.whole(), r.whole()]
        })
    }

    /// The inflected words, `[word, stem]`, by word.
    pub(crate) fn inflected(&self) -> impl Iterator<Item = [u32; 2]> + '_ {
        let mut r = Reader {
            bytes: &self.bytes,
            at: 0,
        };
        let postings = r.whole();
        r.skip(3 * postings as usize);
        let count = r.whole();
        let mut word = 0;
        (0..count).map(move |_| {
            word += r.whole();
            [word, r.whole()]
        })
    }

    /// The terms with every string `id` renumbered as `new(id)`.
    pub(crate) fn renumbered(&self, mut new: impl FnMut(u32) -> u32) -> Terms {
        let postings = self
            .postings()
            .map(|[stem, section, weight]| [new(stem), section, weight])
            .collect();
        let inflected = self
            .inflected()
            .map(|[word, stem]| [new(word), new(stem)])
            .collect();
        Terms::new(postings, inflected)
    }
}

/// The fewest documents a worker pairs at once: enough that each worker's table of
/// the words it has seen is filled from many documents before it is read back.
const PAIRS_AT_ONCE: usize = if cfg!(test) { 64 } else { 1024 };
/// The most runs of documents paired: each has its table ([`Distinct`]) of four bytes
/// a string of the site's table (millions on a large site of many languages).
const MOST_RUNS: usize = 8;

/// Word -> its stems, several when pages of several languages disagree: each pair
/// once (a document twice gives its pairs twice), `word << 32 | stem`, sorted. `strings`
/// is the size of the string table the words and stems are numbered in.
///
/// Each worker takes a run of documents and notes each word's first stem in a table
/// by word number ([`Distinct`]), so that a pair seen again (nearly all of them: every
/// document repeats the vocabulary) costs one load; only the distinct pairs are sorted.
/// Gathering every document's pairs and sorting them, a slice of documents at a time,
/// was most of an edit build's search index at 10,000 reports (80-170 ms of CPU, a
/// third of it the kernel handing over the pages of the slices' pairs).
pub(crate) fn word_stems(docs: &[&Terms], strings: usize) -> Vec<u64> {
    let per = run_length(docs.len(), rayon::current_num_threads());
    let runs: Vec<Vec<u64>> = docs
        .par_chunks(per)
        .map_init(
            || Distinct::new(strings),
            |seen, some| {
                some.iter()
                    .flat_map(|t| t.inflected())
                    .for_each(|p| seen.add(p));
                seen.take()
            },
        )
        .collect();
    let mut pairs = runs.concat();
    drop(runs);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.shrink_to_fit();
    pairs
}

/// The most pairs of a word stemmed two ways a worker lists before it makes them one
/// (then twice as many as are left).
const OTHERS_AT_ONCE: usize = if cfg!(test) { 16 } else { 1024 };

/// The distinct `[word, stem]` pairs of a run of documents: each word's first stem
/// by word number, the others (a word stemmed two ways) listed beside.
struct Distinct {
    /// The first stem of each word plus one, 0 for a word not seen: zeroed memory,
    /// fresh from the system untouched until a word is seen (a block the allocator
    /// reuses is cleared first).
    first: Vec<u32>,
    /// The words whose first stem is noted, in the order seen.
    words: Vec<u32>,
    /// Pairs of a word whose first stem is another, `word << 32 | stem`; made one
    /// when they double, so that a disagreement in every document stays a few.
    others: Vec<u64>,
    others_at_most: usize,
}

impl Distinct {
    fn new(strings: usize) -> Distinct {
        Distinct {
            first: vec![0; strings],
            words: Vec::new(),
            others: Vec::new(),
            others_at_most: OTHERS_AT_ONCE,
        }
    }

    fn add(&mut self, [word, stem]: [u32; 2]) {
        let first = &mut self.first[word as usize];
        if *first == 0 {
            *first = stem + 1;
            self.words.push(word);
        } else if *first != stem + 1 {
            self.others.push(word_stem([word, stem]));
            if self.others.len() > self.others_at_most {
                self.others.sort_unstable();
                self.others.dedup();
                self.others_at_most = self.others_at_most.max(2 * self.others.len());
            }
        }
    }

    /// The distinct pairs seen since the last call, sorted; the table emptied for the
    /// next run.
    fn take(&mut self) -> Vec<u64> {
        let mut out = std::mem::take(&mut self.others);
        out.reserve(self.words.len());
        for word in self.words.drain(..) {
            let stem = std::mem::take(&mut self.first[word as usize]) - 1;
            out.push(word_stem([word, stem]));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The documents of a run when `docs` are paired on `threads` threads: a few runs a
/// thread, so that a worker done early takes another, but no more than
/// [`MOST_RUNS`], each a table of the whole string table while it runs; none
/// shorter than [`PAIRS_AT_ONCE`].
fn run_length(docs: usize, threads: usize) -> usize {
    docs.div_ceil((4 * threads).clamp(1, MOST_RUNS))
        .max(PAIRS_AT_ONCE)
}

/// A word and its stem as one number, the word first: [`word_stems`]' order.
fn word_stem([word, stem]: [u32; 2]) -> u64 {
    u64::from(word) << 32 | u64::from(stem)
}

/// Appends `n` as a LEB128 varint: seven bits a byte, the high bit set on all but
/// the last.
pub(crate) fn put(out: &mut Vec<u8>, n: u32) {
    each_byte(n, |b| out.push(b));
}

/// Writes `n` as [`put`] does into `out` at `at`, moving `at` past it.
pub(crate) fn put_at(out: &mut [u8], at: &mut usize, n: u32) {
    each_byte(n, |b| {
        out[*at] = b;
        *at += 1;
    });
}

/// The bytes of `n` as a varint, in order.
fn each_byte(mut n: u32, mut byte: impl FnMut(u8)) {
    while n >= 0x80 {
        byte(n as u8 | 0x80);
        n >>= 7;
    }
    byte(n as u8);
}

/// The length of `n` as [`put`] writes it.
pub(crate) fn put_len(n: u32) -> usize {
    // One byte per started seven bits, at least one.
    (32 - (n | 1).leading_zeros() as usize).div_ceil(7)
}

/// Reads varints from `bytes` on from `at`.
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl Reader<'_> {
    /// The next varint, `None` when the bytes end inside it or it does not fit a
    /// `u32`.
    pub(crate) fn next(&mut self) -> Option<u32> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            let bits = u32::from(b & 0x7f);
            if shift == 28 && bits > 0x0f {
                return None;
            }
            n |= bits << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// Moves past the next `n` varints of bytes this build encoded itself: the
    /// vocabulary reads every document's inflected words, after its postings, on each
    /// build. A varint ends at each byte whose high bit is clear, counted eight bytes
    /// at a time.
    pub(crate) fn skip(&mut self, mut n: usize) {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        while n > 0 {
            if let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                let ends = (!word & HIGH).count_ones() as usize;
                // Fewer ends than varints left: the whole chunk is passed over.
                if ends < n {
                    n -= ends;
                    self.at += 8;
                    continue;
                }
            }
            let b = self.bytes[self.at];
            self.at += 1;
            if b & 0x80 == 0 {
                n -= 1;
            }
        }
    }

    /// The next varint of bytes this build encoded itself (or checked with
    /// [`Terms::decode`]).
    pub(crate) fn whole(&mut self) -> u32 {
        self.next().expect("terms encoded by this build decode")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Many cores make no more runs (each a table of the string table) than MOST_RUNS.
    #[test]
    fn runs_are_few_whatever_the_cores() {
        let docs = 100 * PAIRS_AT_ONCE;
        for threads in [0, 1, 2, 3, 64, 1024] {
            let runs = docs.div_ceil(run_length(docs, threads));
            assert!((1..=MOST_RUNS).contains(&runs), "{threads}: {runs}");
        }
        assert_eq!(docs.div_ceil(run_length(docs, 2)), 8);
        assert_eq!(run_length(3, 64), PAIRS_AT_ONCE);
    }

    #[test]
    fn terms_read_back_as_given_sorted() {
        let postings = vec![[300, 2, 20], [5, 0, 1], [70_000, 4_000_000_000, 7]];
        let inflected = vec![[9, 5], [2, 300], [u32::MAX - 1, 0]];
        let t = Terms::new(postings.clone(), inflected.clone());
        let mut sorted = postings;
        sorted.sort_unstable();
        assert_eq!(t.postings().collect::<Vec<_>>(), sorted);
        let mut sorted = inflected;
        sorted.sort_unstable();
        assert_eq!(t.inflected().collect::<Vec<_>>(), sorted);
        // Small numbers take a byte each: [count, 5, 0, 1] and so on.
        assert!(t.bytes().len() < 4 * 12, "{}", t.bytes().len());
        let back = Terms::decode(t.bytes().to_vec(), u32::MAX).unwrap();
        assert_eq!(back, t);
        let empty = Terms::new(Vec::new(), Vec::new());
        assert_eq!(empty.postings().count() + empty.inflected().count(), 0);
        let renumbered = t.renumbered(|id| id / 2);
        assert_eq!(renumbered.postings().next(), Some([2, 0, 1]));
    }

    #[test]
    fn damaged_terms_do_not_decode() {
        let t = Terms::new(vec![[3, 0, 20], [7, 1, 5]], vec![[1, 3]]);
        let good = t.bytes().to_vec();
        assert!(Terms::decode(good.clone(), 8).is_some());
        // A string past the table's end, whether stem, word or stem of a word.
        assert!(Terms::decode(good.clone(), 7).is_none());
        assert!(Terms::decode(Terms::new(Vec::new(), vec![[1, 9]]).bytes().to_vec(), 8).is_none());
        // Cut short, or with bytes after the end.
        assert!(Terms::decode(good[..good.len() - 1].to_vec(), 8).is_none());
        let mut longer = good.clone();
        longer.push(0);
        assert!(Terms::decode(longer, 8).is_none());
        // A varint of more than 32 bits, or never ending.
        assert!(Terms::decode(vec![1, 0xff, 0xff, 0xff, 0xff, 0x1f, 0, 0, 0], u32::MAX).is_none());
        assert!(Terms::decode(vec![0x80; 3], u32::MAX).is_none());
    }

    #[test]
    fn skipping_varints_lands_where_reading_them_does() {
        let numbers: Vec<u32> = (0..200u32)
            .map(|i| i.wrapping_mul(2_654_435_761) >> (i % 32))
            .collect();
        let mut out = Vec::new();
        numbers.iter().for_each(|&n| put(&mut out, n));
        for n in 0..=numbers.len() {
            let mut read = Reader { bytes: &out, at: 0 };
            (0..n).for_each(|_| {
                read.whole();
            });
            let mut skipped = Reader { bytes: &out, at: 0 };
            skipped.skip(n);
            assert_eq!(skipped.at, read.at, "{n}");
        }
    }

    /// More documents than a worker pairs at once, sharing pairs across runs, words
    /// with several stems (more than the others' first bound), stems numbered 0 and
    /// the last string: each pair once, in order, as all of them gathered at once
    /// and made one.
    #[test]
    fn words_and_stems_are_paired_once_across_runs() {
        let count = 40 * PAIRS_AT_ONCE as u32 + 5;
        let all: Vec<Terms> = (0..count)
            .map(|n| {
                let pairs = vec![[n % 50, n % 7], [n % 3, 1], [n, n], [n % 2, 0], [7, n]];
                Terms::new(Vec::new(), pairs)
            })
            .collect();
        let docs: Vec<&Terms> = all.iter().collect();
        let mut expected: Vec<u64> = docs
            .iter()
            .flat_map(|t| t.inflected().map(word_stem))
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(word_stems(&docs, count as usize), expected);
        assert!(word_stems(&[], 0).is_empty());
    }

    /// One run seen, taken, then another: the second lists its own pairs only, the
    /// table left as new.
    #[test]
    fn distinct_pairs_are_taken_run_by_run() {
        let mut seen = Distinct::new(10);
        for p in [[3, 4], [3, 4], [3, 5], [9, 0], [3, 5], [0, 9]] {
            seen.add(p);
        }
        let pairs = |ps: &[[u32; 2]]| ps.iter().map(|&p| word_stem(p)).collect::<Vec<_>>();
        assert_eq!(seen.take(), pairs(&[[0, 9], [3, 4], [3, 5], [9, 0]]));
        seen.add([3, 5]);
        assert_eq!(seen.take(), pairs(&[[3, 5]]));
        assert!(seen.first.iter().all(|&f| f == 0) && seen.take().is_empty());
    }

    #[test]
    fn varint_lengths_are_the_bytes_written() {
        for n in [0, 1, 127, 128, 16_383, 16_384, 1 << 21, 1 << 28, u32::MAX] {
            let mut out = Vec::new();
            put(&mut out, n);
            assert_eq!(out.len(), put_len(n), "{n}");
            assert_eq!(Reader { bytes: &out, at: 0 }.next(), Some(n));
        }
    }
}
