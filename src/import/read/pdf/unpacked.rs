//! The extractor unpacks each page's content streams whole, in memory; a stream of a
//! few kilobytes can unpack to gigabytes. Before extraction, each page's content is
//! unpacked here through a bounded decoder that counts bytes and keeps none, so such
//! a file is refused instead of exhausting memory.

use std::io::Read;

use pdf_extract::{Document, Object};

/// The most a page's content may unpack to, given the text limit: content streams
/// hold drawing operators besides the text, a few times its size at most on pages
/// of text, and a megabyte leaves room for a page of vector drawing.
pub(super) fn page_cap(max_text: u64) -> u64 {
    max_text.saturating_mul(4).max(1 << 20)
}

/// The first page (numbered from 1) whose content unpacks to more than `cap` bytes.
/// Only Flate-compressed streams (nearly all content streams) are measured unpacked;
/// others count at their stored size.
pub(super) fn oversized_page(doc: &Document, cap: u64) -> Option<u32> {
    for (number, id) in doc.get_pages() {
        let mut total: u64 = 0;
        for content in doc.get_page_contents(id) {
            let Ok(Object::Stream(stream)) = doc.get_object(content) else {
                continue;
            };
            let flate = stream
                .filters()
                .is_ok_and(|f| f.first().is_some_and(|name| *name == b"FlateDecode"));
            total += if flate {
                let mut decoder = flate2::read::ZlibDecoder::new(&stream.content[..]).take(cap + 1);
                // A broken stream counts as far as it unpacks; the extractor reports it.
                std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0)
            } else {
                stream.content.len() as u64
            };
            if total > cap {
                return Some(number);
            }
        }
    }
    None
}
