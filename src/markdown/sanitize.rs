//! Raw HTML and link destinations in report text: what is safe to emit.

/// The URL schemes a link or image may use; anything else (`javascript:`, `data:`,
/// `vbscript:`) is dropped, leaving the link's text.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Whether a link destination is safe to emit: relative, or one of [`SAFE_SCHEMES`].
pub(super) fn safe_url(dest: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside a scheme
    // (`java\tscript:`), so they are removed before looking.
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    match cleaned.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            SAFE_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// The sanitiser for raw HTML in report text: ammonia's safe defaults, plus the ids and
/// classes the renderer itself emits (heading anchors, quote marks, footnotes), and
/// links limited to [`SAFE_SCHEMES`].
pub(super) fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        // `value` keeps a source document's paragraph numbers ([`super::paragraphs`]).
        b.add_generic_attributes(["id", "class"])
            .add_tag_attributes("li", ["value"])
            .url_schemes(SAFE_SCHEMES.iter().copied().collect())
            .link_rel(None);
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes() {
        for ok in [
            "/a/",
            "#x",
            "x.html",
            "https://a.org/",
            "mailto:a@b.org",
            "a/b:c",
        ] {
            assert!(safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:x",
            "JavaScript:x",
            "java\tscript:x",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!safe_url(bad), "{bad}");
        }
    }
}
