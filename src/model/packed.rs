//! Text held deflated in memory: a report's HTML is read once per page that shows it,
//! but held from validation to the end of the build, which at 100,000 reports was a
//! GiB of the peak.

use std::cell::RefCell;
use std::fmt;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

thread_local! {
    // One of each per thread, reset for each string: making them anew for each
    // report cleared a few hundred KiB of tables each time, which cost more than the
    // packing.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
    static INFLATE: RefCell<Decompress> = RefCell::new(Decompress::new(false));
}

/// A string kept deflated; [`Packed::unpack`] gives it back. It serializes as the
/// string itself, so the caches that hold it read as before.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Packed {
    /// The deflated bytes; empty for the empty string.
    bytes: Box<[u8]>,
    /// The length of the string, to unpack it into one allocation.
    len: usize,
}

impl Packed {
    /// Packs `text`, at the fastest level: HTML shrinks about four times even so, and
    /// every report of a build passes through it.
    pub fn new(text: &str) -> Packed {
        if text.is_empty() {
            return Packed::default();
        }
        let input = text.as_bytes();
        let bytes = DEFLATE.with_borrow_mut(|c| {
            c.reset();
            let mut out = Vec::with_capacity(input.len() / 2 + 64);
            loop {
                let read = usize::try_from(c.total_in()).unwrap_or(usize::MAX);
                // Deflating memory into memory fails only on a bug of the library.
                let status = c
                    .compress_vec(
                        &input[read.min(input.len())..],
                        &mut out,
                        FlushCompress::Finish,
                    )
                    .expect("deflating in memory");
                if status == Status::StreamEnd {
                    return out;
                }
                out.reserve(out.capacity());
            }
        });
        Packed {
            bytes: bytes.into_boxed_slice(),
            len: text.len(),
        }
    }

    /// The string, unpacked.
    pub fn unpack(&self) -> String {
        if self.bytes.is_empty() {
            return String::new();
        }
        let out = INFLATE.with_borrow_mut(|d| {
            d.reset(false);
            // One byte more than the string, so the end of the stream is read with
            // room left.
            let mut out = Vec::with_capacity(self.len + 1);
            loop {
                let read = usize::try_from(d.total_in()).unwrap_or(usize::MAX);
                let rest = &self.bytes[read.min(self.bytes.len())..];
                // Only [`Packed::new`] made the bytes: they are a whole stream.
                let status = d
                    .decompress_vec(rest, &mut out, FlushDecompress::Finish)
                    .expect("inflating what was deflated in memory");
                match status {
                    Status::StreamEnd => return out,
                    _ if out.len() < out.capacity() && rest.is_empty() => {
                        panic!("a packed string ended early")
                    }
                    _ => out.reserve(out.capacity().max(64)),
                }
            }
        });
        String::from_utf8(out).expect("a packed string unpacks to the string packed")
    }

    /// The length of the string, in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl From<&str> for Packed {
    fn from(text: &str) -> Packed {
        Packed::new(text)
    }
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.unpack(), f)
    }
}

impl Serialize for Packed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.unpack())
    }
}

impl<'de> Deserialize<'de> for Packed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Packed, D::Error> {
        String::deserialize(deserializer).map(|s| Packed::new(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_what_it_packed_and_serializes_as_the_string() {
        let html = "<p>Caf\u{e9} <mark id=\"q-1\">155</mark> sites.</p>\n".repeat(50);
        let packed = Packed::new(&html);
        assert_eq!(packed.unpack(), html);
        assert_eq!(packed.len(), html.len());
        assert!(
            packed.bytes.len() < html.len() / 4,
            "{}",
            packed.bytes.len()
        );
        assert_eq!(Packed::new("").unpack(), "");
        assert!(Packed::new("").is_empty());
        // The cache's encoding of a packed string is that of the string.
        let bytes = postcard::to_stdvec(&packed).unwrap();
        assert_eq!(bytes, postcard::to_stdvec(&html).unwrap());
        let back: Packed = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.unpack(), html);
    }
}
