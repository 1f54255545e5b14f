//! The glyphs of each page with their position and size, collected through
//! pdf-extract's `OutputDev` (which decodes fonts, encodings and ToUnicode maps; we
//! only keep where each character lands).

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One character as drawn: its baseline origin in points from the page's top-left
/// corner, the advance it covers, its rendered size and its text.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    /// Left edge, in points from the page's left.
    pub(super) x: f64,
    /// Baseline, in points from the page's top (text rise included, so a superscript
    /// sits higher, that is at a smaller `y`).
    pub(super) y: f64,
    /// How far the glyph advances the pen.
    pub(super) width: f64,
    /// The rendered font size (the font size scaled by the text and page matrices).
    pub(super) size: f64,
    /// The decoded text (usually one character; a ligature gives several).
    pub(super) text: String,
}

impl Glyph {
    /// Where the glyph ends on the right.
    pub(super) fn end(&self) -> f64 {
        self.x + self.width
    }

    /// Whether the glyph is a space (it separates words but is not text to place).
    pub(super) fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// One page's glyphs, in drawing order.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// The page's height in points (for telling its top and foot bands).
    pub(super) height: f64,
    /// The glyphs drawn on the page.
    pub(super) glyphs: Vec<Glyph>,
}

/// Collects glyphs page by page, refusing to hold more than `max_text` bytes of text
/// so that a hostile file cannot make us buffer without bound.
pub(super) struct Collector {
    pub(super) pages: Vec<Page>,
    /// Bytes of text collected so far.
    text_bytes: u64,
    max_text: u64,
    /// Set when the cap stopped extraction (the error pdf-extract passes back up is
    /// generic, so this says why).
    pub(super) over_limit: bool,
    /// The flip from PDF space (origin at the bottom) to top-down page space.
    top: f64,
}

impl Collector {
    pub(super) fn new(max_text: u64) -> Self {
        Collector {
            pages: Vec::new(),
            text_bytes: 0,
            max_text,
            over_limit: false,
            top: 0.0,
        }
    }
}

/// Ligatures spelled out, so that "ﬁnancing" is found by a search for "financing".
fn expand_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            // A soft hyphen marks where a word may break; it is never text.
            '\u{00AD}' => {}
            _ => out.push(c),
        }
    }
    out
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.pages.push(Page {
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.text_bytes += char.len() as u64;
        if self.text_bytes > self.max_text {
            self.over_limit = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // Rotated text (margin labels, stamps) is not part of the reading flow.
        if trm.m12.abs() > 1e-3 * trm.m11.abs().max(1e-9) || trm.m11 <= 0.0 {
            return Ok(());
        }
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let text = expand_ligatures(char);
        if text.is_empty() || !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph {
                x: trm.m31,
                y: self.top - trm.m32,
                width: width * size,
                size,
                text,
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
