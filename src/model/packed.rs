//! Text held deflated in memory: a report's HTML is read once per page that shows it,
//! and its plain text by heading once per search index, but both are held from
//! validation to the end of the build, which at 100,000 reports was a GiB and 0.8 GB
//! of the peak.

use std::cell::RefCell;
use std::fmt;
use std::sync::OnceLock;

use super::deflated::Deflated;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

thread_local! {
    // One of each per thread, reset for each string: making them anew for each
    // report cleared a few hundred KiB of tables each time, which cost more than the
    // packing.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
    static INFLATE: RefCell<Decompress> = RefCell::new(Decompress::new(false));
}

/// Deflate shrinks data at most about 1032 times: bytes said to inflate to more are
/// refused before any inflating or allocating.
const MAX_RATIO: usize = 1032;

/// A string kept deflated; [`Packed::unpack`] gives it back. It serializes as its
/// deflated bytes, read back unchecked: inflating every report's HTML when a build
/// cache is read, only to check it, was an eighth of an incremental build, while a
/// page shows only a few. Whether bytes read back are a whole stream of a string of
/// the length stated is found out when first asked ([`Packed::is_sound`]), which a
/// build does before writing a page made from them.
#[derive(Clone, Default)]
pub struct Packed {
    /// The deflated bytes (in memory, or left in the file they were read back from:
    /// see [`super::deflated`]); empty for the empty string.
    bytes: Deflated,
    /// The length of the string, to unpack it into one allocation.
    len: usize,
    /// Whether the bytes inflate to a string of `len` bytes: known at once for a
    /// string packed here, found out (and kept) for bytes read back.
    sound: OnceLock<bool>,
    /// Set when an unpacking failed, even after the bytes were found sound: bytes left
    /// in the reports file that could not be read again as they were (the file
    /// changed, or a read failed). [`Packed::is_sound`] is false from then on, so a
    /// page rendered from the empty string unpacking gave is refused when checked
    /// after.
    failed: OnceLock<()>,
}

impl PartialEq for Packed {
    /// Alike when their lengths and bytes are, the bytes compared by their XXH3-128
    /// (stored bytes are not read for it).
    fn eq(&self, other: &Packed) -> bool {
        (self.len, self.bytes.len(), self.bytes.digest())
            == (other.len, other.bytes.len(), other.bytes.digest())
    }
}

impl Eq for Packed {}

impl Packed {
    /// Packs `text`, at the fastest level: HTML shrinks about four times even so, and
    /// every report of a build passes through it.
    pub fn new(text: &str) -> Packed {
        if text.is_empty() {
            return Packed {
                sound: OnceLock::from(true),
                ..Packed::default()
            };
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
            bytes: Deflated::Here(bytes.into_boxed_slice()),
            len: text.len(),
            sound: OnceLock::from(true),
            failed: OnceLock::new(),
        }
    }

    /// The string, unpacked. Never panics: bytes read back from a cache that are not
    /// a string's ([`Packed::is_sound`] is false) give the empty string, which no
    /// build shows: it asks, once a page's context unpacked them, before writing the
    /// page.
    pub fn unpack(&self) -> String {
        let text = self
            .inflate()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let _ = self.sound.set(text.is_some());
        if text.is_none() {
            let _ = self.failed.set(());
        }
        text.unwrap_or_default()
    }

    /// Whether the bytes inflate, in full, to UTF-8 text of the length recorded:
    /// always for a string packed here; for bytes read back, inflated once to find
    /// out, and the answer kept; false, too, once an unpacking failed (bytes left in
    /// the reports file that did not read back again).
    pub fn is_sound(&self) -> bool {
        self.failed.get().is_none()
            && *self.sound.get_or_init(|| {
                self.inflate()
                    .is_some_and(|bytes| std::str::from_utf8(&bytes).is_ok())
            })
    }

    /// The bytes inflated, when they are one whole stream of exactly the length
    /// recorded (the empty string has no bytes); `None` otherwise.
    fn inflate(&self) -> Option<Vec<u8>> {
        if self.bytes.is_empty() || self.len == 0 {
            return (self.bytes.is_empty() && self.len == 0).then(Vec::new);
        }
        // A length no stream of these bytes can reach: not allocated for.
        if self.len / MAX_RATIO > self.bytes.len() {
            return None;
        }
        let bytes = self.bytes.get()?;
        INFLATE.with_borrow_mut(|d| {
            d.reset(false);
            // Asked for, not demanded: a crafted length within the ratio can still be
            // more than the machine has, which must make the text unsound, not abort.
            let mut out = Vec::new();
            out.try_reserve_exact(self.len + 1).ok()?;
            loop {
                let read = usize::try_from(d.total_in()).unwrap_or(usize::MAX);
                let rest = &bytes[read.min(bytes.len())..];
                let before = (d.total_in(), d.total_out());
                match d.decompress_vec(rest, &mut out, FlushDecompress::Finish) {
                    Ok(Status::StreamEnd) => {
                        let whole = read_all(d.total_in(), bytes.len());
                        return (whole && out.len() == self.len).then_some(out);
                    }
                    // More than the length recorded, or no progress: not this string.
                    Ok(_) if out.len() >= self.len => return None,
                    Ok(_) if before == (d.total_in(), d.total_out()) => return None,
                    Ok(_) => {}
                    Err(_) => return None,
                }
                // Room for the one byte past the recorded length that tells a longer
                // stream from this one.
                out.try_reserve_exact(self.len + 1 - out.len()).ok()?;
            }
        })
    }

    /// Bytes as a crafted cache could hold them, said to unpack to `len` bytes, not
    /// yet checked.
    #[cfg(test)]
    pub(crate) fn crafted(bytes: &[u8], len: usize) -> Packed {
        Packed {
            bytes: Deflated::Here(bytes.into()),
            len,
            sound: OnceLock::new(),
            failed: OnceLock::new(),
        }
    }

    /// Whether the bytes are left in the file they were read back from.
    #[cfg(test)]
    pub(crate) fn is_stored(&self) -> bool {
        self.bytes.is_stored()
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
        if self.is_sound() {
            fmt::Debug::fmt(&self.unpack(), f)
        } else {
            write!(f, "<{} bytes that do not unpack>", self.bytes.len())
        }
    }
}

impl Serialize for Packed {
    /// The deflated bytes and the string's length, as held: the build cache stores
    /// reports so, rather than deflating every report's HTML again.
    /// Bytes left in a file that cannot be read back as they were fail it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bytes = self.bytes.get().ok_or_else(|| {
            serde::ser::Error::custom("a packed string's bytes could not be read back")
        })?;
        (self.len as u64, serde_bytes_of(&bytes)).serialize(serializer)
    }
}

/// Bytes serialized as bytes (one length and the bytes), not as a sequence of numbers.
fn serde_bytes_of(bytes: &[u8]) -> impl Serialize + '_ {
    struct Bytes<'a>(&'a [u8]);
    impl Serialize for Bytes<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(self.0)
        }
    }
    Bytes(bytes)
}

impl<'de> Deserialize<'de> for Packed {
    /// The bytes and length as stored, not inflated: [`Packed::is_sound`] checks them
    /// when a page is to show them.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Packed, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Deflated;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("deflated bytes")
            }
            // Bytes borrowed from the input may be left where they are (a file's).
            fn visit_borrowed_bytes<E: serde::de::Error>(
                self,
                v: &'de [u8],
            ) -> Result<Deflated, E> {
                Ok(Deflated::decoded(v))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Deflated, E> {
                Ok(Deflated::Here(v.into()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Deflated, E> {
                Ok(Deflated::Here(v.into_boxed_slice()))
            }
        }
        struct Bytes(Deflated);
        impl<'de> Deserialize<'de> for Bytes {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
                d.deserialize_bytes(Visitor).map(Bytes)
            }
        }
        let (len, Bytes(bytes)) = <(u64, Bytes)>::deserialize(deserializer)?;
        let len = usize::try_from(len)
            .map_err(|_| serde::de::Error::custom("a packed string too long"))?;
        Ok(Packed {
            bytes,
            len,
            sound: OnceLock::new(),
            failed: OnceLock::new(),
        })
    }
}

/// Text by section (a report's plain text by heading, for search) packed as one
/// string, with where each section ends: held from validation to the search index,
/// which unpacks a slice of reports at a time. Plain, it was 0.8 GB of the peak at
/// 100,000 reports; it shrinks about three times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sections {
    /// The sections one after the other.
    text: Packed,
    /// The byte offset in `text` each section ends at, in order.
    ends: Box<[usize]>,
}

impl Sections {
    /// Packs `sections`, in order.
    pub fn new<S: AsRef<str>>(sections: &[S]) -> Sections {
        let mut text = String::with_capacity(sections.iter().map(|s| s.as_ref().len()).sum());
        let ends = sections
            .iter()
            .map(|s| {
                text.push_str(s.as_ref());
                text.len()
            })
            .collect();
        Sections {
            text: Packed::new(&text),
            ends,
        }
    }

    /// The sections, unpacked; `None` when the bytes (read back from a cache) do not
    /// unpack to text cut where the ends say, which never panics.
    pub fn unpack(&self) -> Option<Vec<String>> {
        self.unpack_as(self.ends.len())
    }

    /// [`Sections::unpack`], `None` too, before any inflating, unless there are
    /// `count` sections: a crafted cache entry listing millions of empty sections
    /// was as many strings, and the search index takes a number per section for
    /// every word of the document.
    pub fn unpack_as(&self, count: usize) -> Option<Vec<String>> {
        if self.ends.len() != count {
            return None;
        }
        let text = self.text.unpack();
        if !self.text.is_sound() || self.ends.last().copied().unwrap_or(0) != text.len() {
            return None;
        }
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let section = text.get(start..end)?.to_string();
                start = end;
                Some(section)
            })
            .collect()
    }

    /// Whether the text is left in the file it was read back from.
    #[cfg(test)]
    pub(crate) fn is_stored(&self) -> bool {
        self.text.is_stored()
    }

    /// Feeds to `h` all that [`Sections::unpack`] makes the sections from: the
    /// deflated bytes (by their XXH3-128), the length and the ends. Inflating is
    /// lossless, so sections fed alike unpack alike, and the search index keys a
    /// report by them without unpacking it (or reading it from the reports file).
    pub fn hash_into(&self, h: &mut xxhash_rust::xxh3::Xxh3) {
        h.update(&(self.text.len as u64).to_le_bytes());
        h.update(&(self.text.bytes.len() as u64).to_le_bytes());
        // Their XXH3-128, the same whether they are held or left in the reports file:
        // keying every report's text reads none of it.
        h.update(&self.text.bytes.digest().to_le_bytes());
        h.update(&(self.ends.len() as u64).to_le_bytes());
        for &end in &self.ends {
            h.update(&(end as u64).to_le_bytes());
        }
    }

    /// How many bytes the text is said to unpack to: what unpacking it may take
    /// (inflating stops one byte past it), known without unpacking.
    pub fn text_len(&self) -> usize {
        self.text.len
    }

    /// How many sections there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Whether an inflate that read `read` bytes read all `len` of them.
fn read_all(read: u64, len: usize) -> bool {
    usize::try_from(read).is_ok_and(|r| r == len)
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
        // The cache holds the deflated bytes, read back as they were.
        let bytes = postcard::to_stdvec(&packed).unwrap();
        assert!(bytes.len() < html.len() / 4, "{}", bytes.len());
        let back: Packed = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, packed);
        assert_eq!(back.unpack(), html);
        let empty: Packed =
            postcard::from_bytes(&postcard::to_stdvec(&Packed::new("")).unwrap()).unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn sections_unpack_as_they_were_packed_and_refuse_ends_that_cut_the_text_wrong() {
        let parts = ["Caf\u{e9} networks", "", "155 sites \u{0} in 2024", "x"];
        let sections = Sections::new(&parts);
        assert_eq!(sections.len(), 4);
        assert_eq!(sections.unpack().unwrap(), parts);
        assert_eq!(
            Sections::new::<&str>(&[]).unpack().unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(Sections::new(&[""]).unpack().unwrap(), [""]);
        let bytes = postcard::to_stdvec(&sections).unwrap();
        let back: Sections = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.unpack().unwrap(), parts);
        // Ends read back that do not fit the text: past it, short of it, backwards,
        // or inside a character; and a text that does not unpack.
        let text = Packed::new(&parts.concat());
        for ends in [
            vec![3, 40],
            vec![3, 10],
            vec![10, 3, parts.concat().len()],
            vec![4, parts.concat().len()],
            vec![],
        ] {
            let crafted = Sections {
                text: text.clone(),
                ends: ends.clone().into(),
            };
            let read: Sections =
                postcard::from_bytes(&postcard::to_stdvec(&crafted).unwrap()).unwrap();
            assert_eq!(read.unpack(), None, "{ends:?}");
        }
        let damaged = Sections {
            text: Packed::crafted(b"not deflate", 11),
            ends: vec![11].into(),
        };
        assert_eq!(damaged.unpack(), None);
    }

    /// From a red-team read: a crafted entry listing many more sections than the
    /// report has headings was as many strings, each a number per word in the index.
    #[test]
    fn sections_unpacked_as_a_count_they_do_not_have_are_refused() {
        let sections = Sections::new(&["before", "under the heading"]);
        assert_eq!(
            sections.unpack_as(2).unwrap(),
            ["before", "under the heading"]
        );
        assert_eq!(sections.unpack_as(1), None);
        assert_eq!(sections.unpack_as(3), None);
        let many = Sections {
            text: Packed::new(""),
            ends: vec![0; 100_000].into(),
        };
        assert_eq!(many.unpack_as(2), None);
    }

    #[test]
    fn sections_hash_alike_exactly_when_they_are_packed_alike() {
        let hash = |s: &Sections| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            s.hash_into(&mut h);
            h.digest128()
        };
        let a = Sections::new(&["Caf\u{e9} networks", "155 sites"]);
        let back: Sections = postcard::from_bytes(&postcard::to_stdvec(&a).unwrap()).unwrap();
        assert_eq!(hash(&a), hash(&back), "read back from a cache");
        // The same text cut elsewhere, another text, another section.
        for other in [
            Sections::new(&["Caf\u{e9} network", "s155 sites"]),
            Sections::new(&["Caf\u{e9} networks", "156 sites"]),
            Sections::new(&["Caf\u{e9} networks", "155 sites", ""]),
        ] {
            assert_ne!(hash(&a), hash(&other), "{other:?}");
        }
    }

    #[test]
    fn packed_bytes_read_back_that_do_not_inflate_to_the_string_are_found_unsound() {
        let html = "<p>Caf\u{e9} 155 sites.</p>\n".repeat(20);
        let packed = Packed::new(&html);
        // Read back as a cache would: never inflated on reading, found out when asked,
        // and never a panic, unpacked or shown.
        let read = |bytes: Box<[u8]>, len: usize| {
            let stored = Packed::crafted(&bytes, len);
            postcard::from_bytes::<Packed>(&postcard::to_stdvec(&stored).unwrap())
                .expect("read back unchecked")
        };
        let unsound = |p: Packed| {
            assert!(
                !p.is_sound(),
                "{} bytes, length {} accepted",
                p.bytes.len(),
                p.len
            );
            assert_eq!(p.unpack(), "");
            assert!(format!("{p:?}").contains("do not unpack"));
        };
        let deflated = packed.bytes.get().unwrap().to_vec();
        // Another length than the string's, longer or shorter, or past any stream.
        for len in [html.len() - 1, html.len() + 1, 0, 1, usize::MAX, 1 << 40] {
            unsound(read(deflated.clone().into_boxed_slice(), len));
        }
        // Damaged or cut bytes, bytes past the stream's end, and no deflate at all.
        let mut damaged = deflated.clone();
        let middle = damaged.len() / 2;
        damaged[middle] ^= 0x55;
        let mut longer = deflated.clone();
        longer.push(0);
        let cut = deflated[..deflated.len() - 2].to_vec();
        for bytes in [damaged, longer, cut, b"not deflate".to_vec(), Vec::new()] {
            unsound(read(bytes.into_boxed_slice(), html.len()));
        }
        // Bytes that inflate to something that is not UTF-8.
        let not_text = {
            let mut c = Compress::new(Compression::fast(), false);
            let mut out = Vec::with_capacity(64);
            c.compress_vec(&[0xff, 0xfe, 0x41], &mut out, FlushCompress::Finish)
                .unwrap();
            out.into_boxed_slice()
        };
        unsound(read(not_text, 3));
        // The right bytes read back are sound, and unpack.
        let right = read(deflated.into_boxed_slice(), html.len());
        assert!(right.is_sound());
        assert_eq!(right.unpack(), html);
    }
}
