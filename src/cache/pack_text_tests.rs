//! Issue 17: the text of reports read back from the pack is left there, read when
//! shown (`model::deflated`). Unix only: elsewhere it is read into memory.

use super::*;
use crate::model::{Packed as Text, Sections};

/// A report whose HTML and plain text are long enough to deflate to real bytes.
fn report_with_text(n: usize) -> Report {
    let mut r = crate::frame::fixture::report(n, crate::model::OrgId(0), 2024, None);
    let html = format!("<p>Report {n}: 155 community networks supported.</p>\n").repeat(40);
    r.body.html = Text::new(&html);
    r.body.text = Sections::new(&[format!("Lead {n}."), "Section text. ".repeat(50)]);
    r
}

use super::tests::dir as folder;

/// A pack at `path` holding `reports`: its id and where each report is.
fn pack_of(path: &Path, reports: &[&Report]) -> (u128, Vec<Packed>) {
    let mut w = Writer::anew(path).unwrap();
    let id = w.id;
    let list: Vec<(u64, &Report)> = reports.iter().map(|r| (1, *r)).collect();
    let at = w.write(&list).unwrap();
    w.finish().unwrap();
    (id, at)
}

/// A folder holding a pack of one report with text, read back: the folder, the
/// pack, the report as written, where it is, and the report read back.
fn one_read_back() -> (PathBuf, PathBuf, Report, Vec<Packed>, Arc<Report>) {
    let d = folder();
    let pack = d.join(".public.wsis-reports");
    let a = report_with_text(1);
    let (id, at) = pack_of(&pack, &[&a]);
    let back = read(&pack, id, &at).unwrap().remove(0);
    (d, pack, a, at, back)
}

/// The search index keys a report's text by [`Sections::hash_into`]: a report read
/// back must key as the report it was written from, or every edit build indexes
/// every report again.
fn key(s: &Sections) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    s.hash_into(&mut h);
    h.digest128()
}

#[test]
fn reports_read_back_leave_their_text_in_the_pack_and_read_it_when_asked() {
    let d = folder();
    let pack = d.join(".public.wsis-reports");
    let (a, b) = (report_with_text(1), report_with_text(2));
    let (id, at) = pack_of(&pack, &[&a, &b]);
    let back = read(&pack, id, &at).unwrap();
    for (was, r) in [&a, &b].into_iter().zip(&back) {
        assert!(r.body.html.is_stored(), "the HTML was copied into memory");
        assert!(
            r.body.text.is_stored(),
            "the plain text was copied into memory"
        );
        assert_eq!(r.body.html.unpack(), was.body.html.unpack());
        assert!(r.body.html.is_sound());
        assert_eq!(r.body.text.unpack(), was.body.text.unpack());
        assert_eq!(key(&r.body.text), key(&was.body.text));
        assert_eq!(r.body.html, was.body.html);
    }
    assert_ne!(key(&back[0].body.text), key(&back[1].body.text));
    // Written again (a pack written anew from reports read back), they read back alike.
    let again = d.join("again");
    let (id2, at2) = pack_of(&again, &[&back[0], &back[1]]);
    let twice = read(&again, id2, &at2).unwrap();
    assert_eq!(twice[1].body.html.unpack(), b.body.html.unpack());
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn text_changed_in_the_pack_after_it_was_read_is_refused_before_a_page_shows_it() {
    let (d, pack, _, at, back) = one_read_back();
    // Every byte of the report after its first quarter changed in place, where its
    // HTML is: the bytes read back no longer hash as they did when read.
    let mut bytes = fs::read(&pack).unwrap();
    let start = at[0].offset as usize + at[0].len as usize / 4;
    let end = (at[0].offset + at[0].len) as usize;
    bytes[start..end].iter_mut().for_each(|b| *b ^= 0x5a);
    fs::OpenOptions::new()
        .write(true)
        .open(&pack)
        .unwrap()
        .write_all(&bytes)
        .unwrap();
    assert!(!back.body.html.is_sound());
    assert_eq!(back.body.html.unpack(), "", "no panic, nothing shown");
    assert_eq!(back.body.text.unpack(), None);
    let cache = super::super::Incremental::open(&d.join("public"), None, true, Default::default());
    assert!(cache.sound(&back).is_err());
    // Nor written into another pack: the write fails, naming the report (rather than
    // writing an empty report for it).
    let mut w = Writer::anew(&d.join("other")).unwrap();
    let failed = w.write(&[(1, &back)]).expect_err("written");
    assert!(failed.to_string().contains("r1.md"), "{failed}");
    // The failed pack's temporary file goes with its writer.
    let tmp = super::super::staged::temporary(&d.join("other"));
    assert!(tmp.exists());
    drop(w);
    assert!(
        !tmp.exists(),
        "the temporary file of a failed pack was left"
    );
    assert!(!d.join("other").exists());
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_pack_written_anew_leaves_the_old_one_readable_by_reports_read_from_it() {
    let (d, pack, a, _, back) = one_read_back();
    assert!(back.body.html.is_stored());
    // The next pack takes the name, as a build that rewrites it does (from the very
    // reports it replaces the file of); then is removed.
    pack_of(&pack, &[&back, &report_with_text(7)]);
    fs::remove_file(&pack).unwrap();
    assert_eq!(back.body.html.unpack(), a.body.html.unpack());
    assert_eq!(back.body.text.unpack(), a.body.text.unpack());
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn text_that_reads_back_once_then_not_again_is_refused_after_the_page_is_made() {
    let (d, pack, a, _, back) = one_read_back();
    let cache = super::super::Incremental::open(&d.join("public"), None, true, Default::default());
    // Found sound once (by a page in another language, say): read once.
    assert!(cache.sound(&back).is_ok());
    // The file changed before the page reads the HTML again: the last byte of the
    // HTML as the pack holds it (its length, then its deflated bytes).
    let html = postcard::to_stdvec(&a.body.html).unwrap();
    let mut bytes = fs::read(&pack).unwrap();
    let at = bytes
        .windows(html.len())
        .position(|w| w == html.as_slice())
        .expect("the HTML in the pack");
    bytes[at + html.len() - 1] ^= 0x5a;
    fs::write(&pack, &bytes).unwrap();
    assert_eq!(back.body.html.unpack(), "");
    // Checked once the page's context is made: refused, not written empty.
    assert!(!back.body.html.is_sound());
    assert!(cache.sound(&back).is_err());
    assert_ne!(a.body.html.unpack(), "");
    fs::remove_dir_all(&d).unwrap();
}
