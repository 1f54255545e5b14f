//! Issue 14: `wsis import` reads text, Markdown, HTML and DOCX submissions into the
//! same blocks (fixtures in tests/fixtures/import/, the DOCX built by make_docx.py),
//! tells the format by content, and refuses bad inputs (zip bombs, damaged, encrypted,
//! oversized, non-UTF-8 and special files) with a clear error in bounded time.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use wsis::diagnostic::{Diagnostic, Kind};
use wsis::import::read::{Format, Limits, read, sniff};
use wsis::import::{Block, Document};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read_ok(path: &Path) -> (Format, Document) {
    read(path, Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph(text.into())
}

fn list(ordered: bool, items: &[&str]) -> Block {
    Block::List {
        ordered,
        items: items.iter().map(|s| s.to_string()).collect(),
    }
}

fn table(rows: &[&[&str]]) -> Block {
    Block::Table(
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
    )
}

#[test]
fn text_headings_lists_hyphenation_and_page_numbers() {
    let (format, doc) = read_ok(&fixture("report.txt"));
    assert_eq!(format, Format::Text);
    assert_eq!(
        doc.title.as_deref(),
        Some("Annual Report on WSIS Implementation")
    );
    assert_eq!(
        doc.blocks,
        vec![
            heading(1, "Annual Report on WSIS Implementation"),
            heading(1, "1. Introduction"),
            // "inter-" + "national" is a hyphenation; "multi-stakeholder" is written
            // so on one line, so its line-end hyphen below is kept.
            para(
                "The Agency supports the international community in building an inclusive \
                 information society. Its multi-stakeholder work is described below."
            ),
            heading(1, "2. Capacity building"),
            para(
                "We trained more than 3,300 people in 2024 across 41 countries. The \
                 multi-stakeholder model was kept."
            ),
            para("Our main activities were:"),
            list(
                false,
                &["workshops on cybersecurity for officials", "online courses"]
            ),
            heading(2, "2.1 Regional activities"),
            // A capital after the hyphen: a compound, kept; the page number inside
            // the paragraph dropped and the paragraph re-joined across it.
            para("Activities in the Asia-Pacific region grew in size and reach."),
            heading(1, "RESULTS AND OUTLOOK"),
            para("The programme will continue."),
        ]
    );
    assert_eq!(doc.markdown, None);
}

#[test]
fn markdown_blocks_and_the_markdown_kept() {
    let (format, doc) = read_ok(&fixture("report.md"));
    assert_eq!(format, Format::Markdown);
    assert_eq!(doc.title.as_deref(), Some("Front matter title"));
    assert_eq!(doc.published.as_deref(), Some("2024-03-05"));
    assert_eq!(
        doc.blocks,
        vec![
            heading(1, "Digital inclusion report"),
            // The <sup>1</sup> footnote marker is not glued to "2024.".
            para("We trained 3,300 people in 2024. See our site."),
            heading(2, "Results"),
            list(
                false,
                &["First result", "Second result with code", "Nested result"]
            ),
            table(&[&["Year", "People"], &["2023", "1,200"]]),
            para("A footnote text."),
        ]
    );
    let markdown = doc.markdown.as_deref().unwrap();
    assert!(
        markdown.starts_with("# Digital inclusion report\n"),
        "{markdown}"
    );
    assert!(!markdown.contains("Front matter title"));
    assert_eq!(doc.to_markdown(), markdown);
}

#[test]
fn html_without_furniture_and_with_metadata() {
    let (format, doc) = read_ok(&fixture("page.html"));
    assert_eq!(format, Format::Html);
    assert_eq!(doc.title.as_deref(), Some("Connectivity Report 2024"));
    assert_eq!(doc.author.as_deref(), Some("Example Organization"));
    assert_eq!(doc.published.as_deref(), Some("2024-06-30"));
    assert_eq!(
        doc.blocks,
        vec![
            heading(1, "Connectivity Report"),
            para("We connected 120 schools in 2024. This doubled the previous year's figure."),
            heading(2, "Results"),
            list(true, &["Schools connected", "Teachers trained"]),
            table(&[&["Year", "Schools"], &["2023", "60"], &["2024", "120"]]),
            para("Quoted words."),
            para("First line same paragraph"),
            para("Second paragraph"),
        ]
    );
}

#[test]
fn docx_styles_lists_tables_and_core_properties() {
    let (format, doc) = read_ok(&fixture("report.docx"));
    assert_eq!(format, Format::Docx);
    // The Title paragraph, as shown, over the core properties' stale title.
    assert_eq!(doc.title.as_deref(), Some("Digital Skills Report 2024"));
    assert_eq!(doc.author.as_deref(), Some("Jane Reporter"));
    assert_eq!(doc.published.as_deref(), Some("2024-04-22"));
    assert_eq!(
        doc.blocks,
        vec![
            heading(1, "Digital Skills Report 2024"),
            // A German style id ("berschrift1") named "heading 1".
            heading(1, "Overview"),
            // The footnote reference and the superscript "2" typed as a marker are
            // left out; a tab and a line break separate words.
            para("In 2024 we trained 3,300 people in 41 countries. Tabbed and broken & joined."),
            // A custom style based on a heading style, and one with an outline level.
            heading(1, "Partners"),
            heading(3, "Regional detail"),
            list(
                false,
                &["Workshops", "Online courses", "Mentoring for women"]
            ),
            heading(2, "Plan"),
            list(true, &["Assess needs", "Deliver training"]),
            table(&[&["Year", "People"], &["2023", "1,200"], &["2024", "3,300"]]),
            // The text box's fallback copy is not read twice.
            para("Closing words."),
        ]
    );
}

#[test]
fn sniff_goes_by_content_not_extension() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.txt");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    assert_eq!(
        sniff(&std::fs::read(&pdf).unwrap(), &pdf).unwrap(),
        Format::Pdf
    );
    let docx = dir.path().join("report.pdf");
    std::fs::copy(fixture("report.docx"), &docx).unwrap();
    assert_eq!(read_ok(&docx).0, Format::Docx);
    let html = dir.path().join("page.txt");
    std::fs::copy(fixture("page.html"), &html).unwrap();
    assert_eq!(read_ok(&html).0, Format::Html);
    let md = dir.path().join("notes.txt");
    std::fs::copy(fixture("report.md"), &md).unwrap();
    assert_eq!(read_ok(&md).0, Format::Markdown);
}

/// Reads `path`, which must be refused as an import error whose message contains
/// each of `words`, within a few seconds.
fn refused(path: &Path, limits: Limits, words: &[&str]) -> Diagnostic {
    let start = Instant::now();
    let err = read(path, limits).expect_err("the file must be refused");
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(err.kind, Kind::Import, "{err}");
    let text = format!("{} {}", err.message, err.help.clone().unwrap_or_default());
    for word in words {
        assert!(text.contains(word), "{word:?} not in {text:?}");
    }
    err
}

/// A zip archive holding `word/document.xml` as `megabytes` MB of zeros, deflated: one
/// megabyte deflated with a sync flush repeats as a valid stream, so the archive is
/// made in milliseconds whatever it unpacks to.
fn zip_bomb(megabytes: u32) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut deflate = Compress::new(Compression::best(), false);
    let mut chunk = Vec::with_capacity(64 * 1024);
    deflate
        .compress_vec(&vec![0; 1 << 20], &mut chunk, FlushCompress::Sync)
        .unwrap();
    assert_eq!(deflate.total_in(), 1 << 20);
    let mut data = chunk.repeat(megabytes as usize);
    // An empty final block ends the stream.
    data.extend_from_slice(&[0x03, 0x00]);
    let name = b"word/document.xml";
    let size = megabytes << 20;
    let header = |central: bool| {
        let mut h = Vec::new();
        h.extend_from_slice(if central {
            b"PK\x01\x02"
        } else {
            b"PK\x03\x04"
        });
        if central {
            h.extend_from_slice(&20u16.to_le_bytes()); // made by
        }
        h.extend_from_slice(&20u16.to_le_bytes()); // version needed
        h.extend_from_slice(&0u16.to_le_bytes()); // flags
        h.extend_from_slice(&8u16.to_le_bytes()); // deflated
        h.extend_from_slice(&[0; 4]); // time, date
        h.extend_from_slice(&0u32.to_le_bytes()); // CRC: never reached
        h.extend_from_slice(&(data.len() as u32).to_le_bytes());
        h.extend_from_slice(&size.to_le_bytes());
        h.extend_from_slice(&(name.len() as u16).to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes()); // extra
        if central {
            h.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
            h.extend_from_slice(&[0; 4]); // external attributes
            h.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        }
        h.extend_from_slice(name);
        h
    };
    let mut zip = header(false);
    zip.extend_from_slice(&data);
    let central_at = zip.len() as u32;
    let central = header(true);
    zip.extend_from_slice(&central);
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&(central.len() as u32).to_le_bytes());
    zip.extend_from_slice(&central_at.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

#[test]
fn a_zip_bomb_is_refused_early() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.docx");
    std::fs::write(&path, zip_bomb(400)).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 2 << 20);
    refused(&path, Limits::default(), &["zip bomb", "word/document.xml"]);
    // With no ratio to give it away, the cap on unpacked text still holds.
    let small = Limits {
        max_bytes: 10 << 20,
        max_text: 100 << 10,
    };
    refused(&path, small, &["more than the 102400 bytes"]);
}

#[test]
fn a_truncated_docx_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.docx");
    let bytes = std::fs::read(fixture("report.docx")).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() * 2 / 3]).unwrap();
    refused(
        &path,
        Limits::default(),
        &["damaged", "save it as .docx again"],
    );
}

#[test]
fn encrypted_and_legacy_office_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let utf16 = |s: &str| {
        s.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>()
    };
    let encrypted = dir.path().join("secret.docx");
    let mut bytes = ole2.to_vec();
    bytes.extend(vec![0; 500]);
    bytes.extend(utf16("EncryptedPackage"));
    std::fs::write(&encrypted, &bytes).unwrap();
    refused(
        &encrypted,
        Limits::default(),
        &["encrypted", "without a password"],
    );
    let legacy = dir.path().join("old.doc");
    let mut bytes = ole2.to_vec();
    bytes.extend(vec![0; 500]);
    bytes.extend(utf16("WordDocument"));
    std::fs::write(&legacy, &bytes).unwrap();
    refused(
        &legacy,
        Limits::default(),
        &["legacy Word document (.doc)", "save it as .docx"],
    );
}

#[test]
fn a_200_mb_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: no disk space used, and reading it would take seconds.
    file.set_len(200 * 1024 * 1024).unwrap();
    let start = Instant::now();
    refused(
        &path,
        Limits::default(),
        &["200.0 MB", "50.0 MB", "209715200 bytes"],
    );
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn non_utf8_text_names_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Participants from Cura\xe7ao joined.").unwrap();
    refused(
        &path,
        Limits::default(),
        &["not valid UTF-8", "offset 22", "UTF-8"],
    );
    // UTF-16 with a byte-order mark is read.
    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Curaçao joined.".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    assert_eq!(read_ok(&utf16).1.blocks, vec![para("Curaçao joined.")]);
}

#[test]
fn a_zip_that_is_not_a_docx_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.odt");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<office:document-content/>").unwrap();
    zip.finish().unwrap();
    refused(&path, Limits::default(), &["not a Word document", ".docx"]);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pipe.txt");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    refused(
        &path,
        Limits::default(),
        &["named pipe (FIFO)", "not a regular file"],
    );
}

#[test]
fn empty_files_have_no_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, "\n\n").unwrap();
    refused(&path, Limits::default(), &["no text found"]);
}
