//! A page's template context that remembers what was put in it, so that the
//! incremental build (`crate::cache`) can tell whether a page would render the same
//! as last time without rendering it.
//!
//! Tera's `Context` cannot list its keys, and its maps iterate in a random order: the
//! context is fingerprinted here by walking each value put in it, map keys sorted.
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
    pub(crate) fn fingerprint(&self, hasher: &mut Xxh3) {
        let mut keys: Vec<&str> = self.keys.iter().map(|k| k.as_ref()).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            bytes(hasher, key.as_bytes());
            match self.tera.get(key) {
                Some(value) => walk(hasher, value),
                None => hasher.update(&[0xff]),
            }
        }
    }
}

/// Feeds `b` to `hasher` with its length first, so that consecutive strings cannot
/// run into each other ("ab" + "c" and "a" + "bc" differ): every fingerprint of the
/// incremental build (contexts, pages, the inputs every page reads) hashes through it.
pub(crate) fn bytes(hasher: &mut Xxh3, b: &[u8]) {
    hasher.update(&(b.len() as u64).to_le_bytes());
    hasher.update(b);
}

/// Feeds a value to `hasher`: its kind, then its content; maps by sorted key.
fn walk(hasher: &mut Xxh3, value: &Value) {
    let kind = value.kind();
    match kind {
        ValueKind::Undefined => hasher.update(&[0]),
        ValueKind::None => hasher.update(&[1]),
        ValueKind::Bool => hasher.update(&[2, u8::from(value.as_bool() == Some(true))]),
        ValueKind::U64 | ValueKind::I64 | ValueKind::U128 | ValueKind::I128 => {
            // Every integer kind fits in one of the two 128-bit readings.
            let n = value
                .as_i128()
                .map(|n| n.to_le_bytes())
                .or_else(|| value.as_u128().map(|n| n.to_le_bytes()))
                .unwrap_or_default();
            hasher.update(&[3]);
            hasher.update(&n);
        }
        ValueKind::F64 => {
            hasher.update(&[4]);
            hasher.update(&value.as_f64().unwrap_or(f64::NAN).to_bits().to_le_bytes());
        }
        ValueKind::String => {
            hasher.update(&[5]);
            // A string marked safe renders unescaped: the kind is part of the value.
            hasher.update(&[u8::from(value.is_safe())]);
            bytes(hasher, value.as_str().unwrap_or_default().as_bytes());
        }
        ValueKind::Array => {
            let items = value.as_array().unwrap_or_default();
            hasher.update(&[6]);
            hasher.update(&(items.len() as u64).to_le_bytes());
            for item in items {
                walk(hasher, item);
            }
        }
        ValueKind::Map => {
            hasher.update(&[7]);
            let mut entries: Vec<_> = value.as_map().into_iter().flatten().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            hasher.update(&(entries.len() as u64).to_le_bytes());
            for (key, item) in entries {
                // A key is a string or a number, told apart by a tag.
                hasher.update(&[u8::from(key.as_str().is_some())]);
                bytes(hasher, key.to_string().as_bytes());
                walk(hasher, item);
            }
        }
        ValueKind::Bytes => {
            hasher.update(&[8]);
            bytes(hasher, value.as_bytes().unwrap_or_default());
        }
        // A kind added by a later Tera: its text stands for it, which is at worst a
        // page rendered again for nothing.
        _ => {
            hasher.update(&[9]);
            bytes(hasher, format!("{kind:?}:{value}").as_bytes());
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
}
