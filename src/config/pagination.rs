//! The `[pagination]` table of `site.toml`: how long lists are cut into pages, so
//! that no page of a large site grows without bound.

use serde::Deserialize;

/// The `[pagination]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaginationConfig {
    /// The most items of one list on one page: reports, figures, metrics, sections or
    /// organizations. A list page of 100 items stays near 100 KB, far below the 1 MB a
    /// page may take on a slow connection, at any size of site.
    #[serde(default = "default_page_size", deserialize_with = "at_least_one")]
    pub page_size: usize,
    /// The most addresses one sitemap file lists (each `<loc>` and each translation's
    /// `<xhtml:link>` counts as one); past it, `sitemap.xml` becomes a sitemap index of
    /// `sitemap-1.xml`, `sitemap-2.xml`, ... An address takes about 80 bytes, so 5,000
    /// keep a file near 400 KB, below the protocol's 50,000 and 50 MB.
    #[serde(default = "default_sitemap_urls", deserialize_with = "at_least_one")]
    pub sitemap_urls: usize,
}

impl Default for PaginationConfig {
    fn default() -> Self {
        PaginationConfig {
            page_size: default_page_size(),
            sitemap_urls: default_sitemap_urls(),
        }
    }
}

/// See [`PaginationConfig::page_size`].
fn default_page_size() -> usize {
    100
}

/// See [`PaginationConfig::sitemap_urls`].
fn default_sitemap_urls() -> usize {
    5000
}

/// A count of at least 1: a page of no items would never end a list.
fn at_least_one<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    d.deserialize_any(Count)
}

/// Reads a count, so that a string or a fraction is refused in words a site's
/// author reads ("expected a whole number of at least 1"), not serde's type names.
struct Count;

impl serde::de::Visitor<'_> for Count {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a whole number of at least 1")
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<usize, E> {
        usize::try_from(n).ok().filter(|&n| n >= 1).ok_or_else(|| {
            E::custom(format!(
                "{n} is not a count of items: write a whole number of at least 1"
            ))
        })
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<usize, E> {
        self.visit_i64(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
