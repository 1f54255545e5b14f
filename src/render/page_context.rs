//! A page's template context that remembers what was put in it, so that the
//! incremental build (`crate::cache`) can tell whether a page would render the same
//! as last time without rendering it.
//!
//! Tera's `Context` cannot list its keys, and its maps iterate in a random order: the
//! context is fingerprinted here by walking each value put in it, map entries hashed
//! one by one and added up, so that their order does not count.
//! The page code builds this type under the name `Context`, exactly as it would
//! Tera's, so that the fingerprint sees every value a template can read.

use std::borrow::Cow;

use serde::Serialize;
use tera::Value;
use tera::value::ValueKind;
use xxhash_rust::xxh3::Xxh3;

/// A page's context for Tera, with the names of the values in it.
#[derive(Debug, Default)]
pub(crate) struct Context {
    /// What Tera renders with.
    tera: tera::Context,
    /// The names put in `tera`, in order (a name put twice is listed twice; its
    /// latest value is the one fingerprinted).
    keys: Vec<Cow<'static, str>>,
}

impl Context {
    /// An empty context.
    pub(crate) fn new() -> Context {
        Context::default()
    }

    /// Puts `val` under `key`, as Tera's `Context::insert` does.
    pub(crate) fn insert<S: Into<Cow<'static, str>>, T: Serialize + ?Sized>(
        &mut self,
        key: S,
        val: &T,
    ) {
        let key = key.into();
        self.tera.insert(key.clone(), val);
        self.keys.push(key);
    }

    /// The context Tera renders with.
    pub(crate) fn tera(&self) -> &tera::Context {
        &self.tera
    }

    /// A 128-bit fingerprint of every name and value in the context: two contexts
    /// with the same fingerprint render the same with the same templates.
    ///
    /// The values are written into one reused buffer and hashed in one pass: a page's
    /// context holds thousands of small values, which fed one by one to a streaming
    /// hasher cost more than the bytes they hold.
    pub(crate) fn fingerprint(&self, hasher: &mut Xxh3) {
        let mut keys: Vec<&str> = self.keys.iter().map(|k| k.as_ref()).collect();
        keys.sort_unstable();
        keys.dedup();
        SCRATCH.with_borrow_mut(|out| {
            out.clear();
            for key in keys {
                bytes(out, key.as_bytes());
                match self.tera.get(key) {
                    Some(value) => walk(out, value),
                    None => out.push(0xff),
                }
            }
            hasher.update(out);
            // A page of a few megabytes leaves no such buffer behind on every thread.
            if out.capacity() > 1 << 22 {
                *out = Vec::new();
            }
        });
    }
}

thread_local! {
    /// The buffer a context is written into to be fingerprinted, one per thread, kept
    /// between pages so that fingerprinting allocates nothing once warm.
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where fingerprinted bytes go: a streaming hasher, or a buffer hashed later.
pub(crate) trait Feed {
    /// Appends `b`.
    fn feed(&mut self, b: &[u8]);
}

impl Feed for Xxh3 {
    fn feed(&mut self, b: &[u8]) {
        self.update(b);
    }
}

impl Feed for Vec<u8> {
    fn feed(&mut self, b: &[u8]) {
        self.extend_from_slice(b);
    }
}

/// Feeds `b` to `to` with its length first, so that consecutive strings cannot run
/// into each other ("ab" + "c" and "a" + "bc" differ): every fingerprint of the
/// incremental build (contexts, pages, the inputs every page reads) hashes through it.
pub(crate) fn bytes(to: &mut impl Feed, b: &[u8]) {
    to.feed(&(b.len() as u64).to_le_bytes());
    to.feed(b);
}

/// Writes a value to `out`: its kind, then its content. A map's entries are each
/// hashed on their own and the hashes added up, which gives the same bytes whatever
/// order Tera's hash map yields them in, without sorting (or allocating) anything.
fn walk(out: &mut Vec<u8>, value: &Value) {
    let kind = value.kind();
    match kind {
        ValueKind::Undefined => out.push(0),
        ValueKind::None => out.push(1),
        ValueKind::Bool => out.extend_from_slice(&[2, u8::from(value.as_bool() == Some(true))]),
        ValueKind::U64 | ValueKind::I64 | ValueKind::U128 | ValueKind::I128 => {
            // Every integer kind fits in one of the two 128-bit readings.
            let n = value
                .as_i128()
                .map(|n| n.to_le_bytes())
                .or_else(|| value.as_u128().map(|n| n.to_le_bytes()))
                .unwrap_or_default();
            out.push(3);
            out.extend_from_slice(&n);
        }
        ValueKind::F64 => {
            out.push(4);
            out.extend_from_slice(&value.as_f64().unwrap_or(f64::NAN).to_bits().to_le_bytes());
        }
        ValueKind::String => {
            // A string marked safe renders unescaped: the kind is part of the value.
            out.extend_from_slice(&[5, u8::from(value.is_safe())]);
            bytes(out, value.as_str().unwrap_or_default().as_bytes());
        }
        ValueKind::Array => {
            let items = value.as_array().unwrap_or_default();
            out.push(6);
            out.extend_from_slice(&(items.len() as u64).to_le_bytes());
            for item in items {
                walk(out, item);
            }
        }
        ValueKind::Map => {
            let map = value.as_map();
            out.push(7);
            out.extend_from_slice(&(map.map_or(0, |m| m.len()) as u64).to_le_bytes());
            let start = out.len();
            let mut sum = 0u128;
            for (key, item) in map.into_iter().flatten() {
                // A key is a string or a number, told apart by a tag.
                match key.as_str() {
                    Some(s) => {
                        out.push(1);
                        bytes(out, s.as_bytes());
                    }
                    None => {
                        out.push(0);
                        bytes(out, key.to_string().as_bytes());
                    }
                }
                walk(out, item);
                sum = sum.wrapping_add(xxhash_rust::xxh3::xxh3_128(&out[start..]));
                out.truncate(start);
            }
            out.extend_from_slice(&sum.to_le_bytes());
        }
        ValueKind::Bytes => {
            out.push(8);
            bytes(out, value.as_bytes().unwrap_or_default());
        }
        // A kind added by a later Tera: its text stands for it, which is at worst a
        // page rendered again for nothing.
        _ => {
            out.push(9);
            bytes(out, format!("{kind:?}:{value}").as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(ctx: &Context) -> u128 {
        let mut h = Xxh3::new();
        ctx.fingerprint(&mut h);
        h.digest128()
    }

    #[test]
    fn equal_contexts_have_equal_fingerprints_and_any_change_shows() {
        let build = |title: &str, n: i64, tags: &[&str]| {
            let mut ctx = Context::new();
            let map: std::collections::HashMap<String, i64> =
                (0..20).map(|i| (format!("k{i}"), i * n)).collect();
            ctx.insert("title", title);
            ctx.insert("n", &n);
            ctx.insert("tags", tags);
            ctx.insert("map", &map);
            ctx.insert("none", &None::<i32>);
            ctx
        };
        let a = print(&build("A", 2, &["x", "y"]));
        assert_eq!(a, print(&build("A", 2, &["x", "y"])));
        assert_ne!(a, print(&build("B", 2, &["x", "y"])));
        assert_ne!(a, print(&build("A", 3, &["x", "y"])));
        assert_ne!(a, print(&build("A", 2, &["xy"])));
        assert_ne!(a, print(&build("A", 2, &["y", "x"])));
        // The same values under other names differ too.
        let mut one = Context::new();
        one.insert("a", "x");
        let mut other = Context::new();
        other.insert("b", "x");
        assert_ne!(print(&one), print(&other));
        // An empty string and no value differ.
        let mut empty = Context::new();
        empty.insert("a", "");
        let mut nothing = Context::new();
        nothing.insert("a", &None::<&str>);
        assert_ne!(print(&empty), print(&nothing));
    }

    #[test]
    fn a_map_counts_its_pairs_not_their_order() {
        let build = |pairs: &[(&str, &str)]| {
            let mut ctx = Context::new();
            let inner: std::collections::BTreeMap<&str, &str> = pairs.iter().copied().collect();
            let mut outer = std::collections::HashMap::new();
            outer.insert("inner", inner);
            ctx.insert("outer", &outer);
            print(&ctx)
        };
        let a = build(&[("a", "1"), ("b", "2"), ("c", "3")]);
        // The same pairs, made in another order, are the same map.
        assert_eq!(a, build(&[("c", "3"), ("a", "1"), ("b", "2")]));
        // Values swapped between keys, a value moved to another key, a pair more or
        // less, a key's text run into its value: each is another map.
        assert_ne!(a, build(&[("a", "2"), ("b", "1"), ("c", "3")]));
        assert_ne!(a, build(&[("a", "1"), ("b", "2"), ("d", "3")]));
        assert_ne!(a, build(&[("a", "1"), ("b", "2")]));
        assert_ne!(a, build(&[("a", "1"), ("b", "2"), ("c", "3"), ("d", "")]));
        assert_ne!(a, build(&[("a1", ""), ("b", "2"), ("c", "3")]));
        // Two equal pairs cannot cancel out: a map of one pair is not the empty map.
        assert_ne!(build(&[("a", "1")]), build(&[]));
    }
}
