//! Where a [`super::Packed`] string's deflated bytes are: in memory, or still in the
//! file a report was read back from.
//!
//! The build cache's reports file holds every report's HTML and plain text deflated
//! (about 100 MB at 10,000 reports, a GB at 100,000). An incremental build reads every
//! report back from it but shows the text of only the few whose pages it renders
//! again: copying all of it into memory was most of reading the cache (the kernel
//! zeroing fresh pages for it) and a third of the edit build's peak at 100,000
//! reports. So bytes decoded from a file ([`decoding_from`]) stay there: the string
//! keeps the file, where its bytes start, how many there are and their XXH3-128, and
//! reads them when asked, refusing bytes that no longer hash as they did.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_128;

/// A file that deflated bytes can be read back from, by offset.
pub(crate) trait Store: Send + Sync + fmt::Debug {
    /// The `len` bytes at `offset`.
    fn read_at(&self, offset: u64, len: usize) -> std::io::Result<Vec<u8>>;
}

/// Deflated bytes, in memory or in a [`Store`].
#[derive(Clone)]
pub(super) enum Deflated {
    /// Held: made by this build, or decoded from memory.
    Here(Box<[u8]>),
    /// Left in the file they were decoded from.
    Stored(Stored),
}

/// Bytes left in a [`Store`]: where, how many, and what they hashed to when decoded.
#[derive(Clone)]
pub(super) struct Stored {
    store: Arc<dyn Store>,
    offset: u64,
    len: usize,
    digest: u128,
}

impl Default for Deflated {
    fn default() -> Deflated {
        Deflated::Here(Box::default())
    }
}

impl Deflated {
    /// The bytes: read from their store, `None` when they cannot be read or no
    /// longer hash as they did when decoded (the file was changed since).
    pub(super) fn get(&self) -> Option<Cow<'_, [u8]>> {
        match self {
            Deflated::Here(bytes) => Some(Cow::Borrowed(bytes)),
            Deflated::Stored(s) => {
                let bytes = s.store.read_at(s.offset, s.len).ok()?;
                (bytes.len() == s.len && xxh3_128(&bytes) == s.digest).then_some(Cow::Owned(bytes))
            }
        }
    }

    /// How many bytes there are.
    pub(super) fn len(&self) -> usize {
        match self {
            Deflated::Here(bytes) => bytes.len(),
            Deflated::Stored(s) => s.len,
        }
    }

    /// Whether there are none.
    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The XXH3-128 of the bytes, the same wherever they are, known without reading
    /// stored ones.
    pub(super) fn digest(&self) -> u128 {
        match self {
            Deflated::Here(bytes) => xxh3_128(bytes),
            Deflated::Stored(s) => s.digest,
        }
    }

    /// Whether the bytes are left in their store (for tests).
    #[cfg(test)]
    pub(super) fn is_stored(&self) -> bool {
        matches!(self, Deflated::Stored(_))
    }

    /// `bytes`, decoded from the input: left in the store when that input is the
    /// bytes of a file being decoded on this thread ([`decoding_from`]), copied
    /// otherwise.
    pub(super) fn decoded(bytes: &[u8]) -> Deflated {
        if bytes.is_empty() {
            return Deflated::default();
        }
        let stored = FROM.with_borrow(|from| {
            let from = from.as_ref()?;
            let start = (bytes.as_ptr() as usize).checked_sub(from.base)?;
            let end = start.checked_add(bytes.len())?;
            (end <= from.len).then(|| Stored {
                store: Arc::clone(&from.store),
                offset: from.offset + start as u64,
                len: bytes.len(),
                digest: xxh3_128(bytes),
            })
        });
        match stored {
            Some(s) => Deflated::Stored(s),
            None => Deflated::Here(bytes.into()),
        }
    }
}

/// The input being decoded on this thread, when it is bytes of a [`Store`].
struct Input {
    store: Arc<dyn Store>,
    /// The address of the input's first byte (compared, never read through).
    base: usize,
    /// The input's length.
    len: usize,
    /// The input's offset in the store.
    offset: u64,
}

thread_local! {
    static FROM: RefCell<Option<Input>> = const { RefCell::new(None) };
}

/// Runs `decode`, which decodes `input`, the bytes at `offset` of `store`: the
/// deflated strings it decodes borrowed from `input` are left in the store rather
/// than copied (see the module). Bytes decoded from anything else are copied.
pub(crate) fn decoding_from<T>(
    store: &Arc<dyn Store>,
    offset: u64,
    input: &[u8],
    decode: impl FnOnce() -> T,
) -> T {
    /// Puts back the input decoded before (none, unless decoding nests) when
    /// decoding ends, even by a panic.
    struct Reset(Option<Input>);
    impl Drop for Reset {
        fn drop(&mut self) {
            FROM.set(self.0.take());
        }
    }
    let before = FROM.replace(Some(Input {
        store: Arc::clone(store),
        base: input.as_ptr() as usize,
        len: input.len(),
        offset,
    }));
    let _reset = Reset(before);
    decode()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// A store in memory, whose bytes a test can change.
    #[derive(Debug)]
    struct Memory(Mutex<Vec<u8>>);

    impl Store for Memory {
        fn read_at(&self, offset: u64, len: usize) -> std::io::Result<Vec<u8>> {
            let bytes = self.0.lock().unwrap();
            let start = offset as usize;
            bytes
                .get(start..start + len)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| std::io::ErrorKind::UnexpectedEof.into())
        }
    }

    #[test]
    fn bytes_of_the_input_are_left_in_the_store_and_others_copied() {
        let file = b"headerDEFLATED-BYTES-tail".to_vec();
        let memory = Arc::new(Memory(Mutex::new(file.clone())));
        let store: Arc<dyn Store> = memory.clone();
        // The input is the file from offset 6, as a pack's report is.
        let input = file[6..].to_vec();
        let elsewhere = b"DEFLATED".to_vec();
        let (inside, outside) = decoding_from(&store, 6, &input, || {
            (
                Deflated::decoded(&input[..14]),
                Deflated::decoded(&elsewhere),
            )
        });
        assert!(inside.is_stored());
        assert!(!outside.is_stored(), "not the input's bytes: copied");
        assert_eq!(inside.get().as_deref(), Some(&b"DEFLATED-BYTES"[..]));
        assert_eq!(inside.len(), 14);
        assert_eq!(
            inside.digest(),
            Deflated::Here(b"DEFLATED-BYTES"[..].into()).digest()
        );
        // A slice ending where the input does is the input's; one running past it,
        // or starting before it, is not.
        let (last, across) = decoding_from(&store, 6, &input[..14], || {
            (
                Deflated::decoded(&input[10..14]),
                Deflated::decoded(&input[10..16]),
            )
        });
        assert!(last.is_stored());
        assert_eq!(last.get().as_deref(), Some(&b"YTES"[..]));
        assert!(!across.is_stored());
        let before = decoding_from(&store, 7, &input[1..], || Deflated::decoded(&input[..4]));
        assert!(!before.is_stored());
        // Nested, the inner input is forgotten and the outer one put back.
        let (inner, outer) = decoding_from(&store, 6, &input, || {
            let inner = decoding_from(&store, 6, &input[..4], || Deflated::decoded(&input[..4]));
            (inner, Deflated::decoded(&input[4..14]))
        });
        assert!(inner.is_stored() && outer.is_stored());
        assert_eq!(outer.get().as_deref(), Some(&b"ATED-BYTES"[..]));
        // Outside of `decoding_from`, nothing is left in a store.
        assert!(!Deflated::decoded(&input[..14]).is_stored());
        // The file changed since: its bytes are refused, never returned.
        memory.0.lock().unwrap()[8] = b'X';
        assert_eq!(inside.get(), None);
        // Cut short: refused too.
        memory.0.lock().unwrap().truncate(10);
        assert_eq!(inside.get(), None);
    }

    #[test]
    fn a_panic_while_decoding_leaves_nothing_to_store_into() {
        let store: Arc<dyn Store> = Arc::new(Memory(Mutex::new(vec![1, 2, 3])));
        let input = vec![1u8, 2, 3];
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            decoding_from(&store, 0, &input, || panic!("x"))
        }));
        assert!(caught.is_err());
        assert!(!Deflated::decoded(&input).is_stored());
    }
}
