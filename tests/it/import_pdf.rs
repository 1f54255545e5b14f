//! `wsis import` reading PDFs: reading order across columns, page furniture dropped,
//! footnotes set apart, paragraphs re-joined across line and page breaks, metadata,
//! and a clear error for each PDF that cannot be imported. The fixtures are made by
//! tests/fixtures/import/make_pdf.py.

use std::path::{Path, PathBuf};

use wsis::diagnostic::{Diagnostic, Kind};
use wsis::import::read::{Format, Limits, read};
use wsis::import::{Block, Document};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn pdf(name: &str) -> Document {
    let (format, doc) = read(&fixture(name), Limits::default()).expect(name);
    assert_eq!(format, Format::Pdf);
    doc
}

fn refused(path: &Path, limits: Limits) -> Diagnostic {
    let err = read(path, limits).expect_err("the PDF should be refused");
    assert_eq!(err.kind, Kind::Import, "{err}");
    assert_eq!(err.file, path);
    err
}

/// A PDF written into a temporary folder.
fn written(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("submission.pdf");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn p(text: &str) -> Block {
    Block::Paragraph(text.into())
}

fn h(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

#[test]
fn one_column_pdf_gives_headings_paragraphs_list_and_metadata() {
    let doc = pdf("simple.pdf");
    assert_eq!(doc.title.as_deref(), Some("Digital Inclusion Report 2024"));
    assert_eq!(doc.author.as_deref(), Some("Example Organization"));
    assert_eq!(doc.published.as_deref(), Some("2024-03-15"));
    assert_eq!(
        doc.blocks,
        vec![
            h(1, "Digital Inclusion Report 2024"),
            h(2, "1. Introduction"),
            p(
                "This report describes the work of the Example Organization in 2024. We \
               trained more than 3,300 people in digital skills across twelve countries."
            ),
            p(
                "A second paragraph follows after a gap, and it is two lines long so that \
               the reader has to join its lines back together."
            ),
            h(2, "2. Results"),
            p("The programme reached 45 schools. Its results were:"),
            Block::List {
                ordered: false,
                items: vec![
                    "new connections for rural schools;".into(),
                    "a training course for teachers, given in three languages and online \
                     for those who could not travel."
                        .into(),
                ],
            },
            h(3, "2.1 Next steps"),
            p("Work on the programme continues in 2025."),
        ]
    );
}

#[test]
fn two_columns_are_read_left_then_right_under_their_spanning_title() {
    let doc = pdf("two_column.pdf");
    // The metadata title is the word processor's ("Microsoft Word - columns.docx"):
    // the first heading stands in for it.
    assert_eq!(
        doc.title.as_deref(),
        Some("Connecting Schools Across the Region")
    );
    assert_eq!(doc.author, None);
    assert_eq!(
        doc.blocks,
        vec![
            h(1, "Connecting Schools Across the Region"),
            // "connec-" + "tivity" is hyphenation; "long-term" is written whole elsewhere.
            p(
                "Schools in remote areas were connected to the internet during the year, \
               and teachers followed a long-term training plan that improved the \
               connectivity of 120 schools in the region."
            ),
            // Flows from the foot of the left column to the top of the right one.
            p(
                "The second paragraph starts in the left column and it continues at the \
               top of the right column, where it ends with a long-term plan for the next \
               five years."
            ),
            p("A last paragraph stands in the right column alone."),
        ]
    );
}

#[test]
fn furniture_is_dropped_footnotes_set_apart_and_paragraphs_joined_over_pages() {
    let doc = pdf("furniture.pdf");
    assert_eq!(doc.title.as_deref(), Some("Annual Report 2023"));
    assert_eq!(doc.author.as_deref(), Some("Example Foundation"));
    assert_eq!(doc.published.as_deref(), Some("2024-01-02"));
    assert_eq!(
        doc.blocks,
        vec![
            // The superscript markers after "2023" and "12%" are not read as digits.
            p(
                "The foundation connected 230 libraries in 2023 and trained 1,500 \
               librarians. Its budget grew by 12%."
            ),
            p(
                "This paragraph is long enough to run from the foot of the first page onto \
               the second page, where it goes on and ends with its last words here."
            ),
            p("A paragraph on the second page."),
            p("The third page closes the report."),
            p("Source: the foundation's library census."),
            p("Compared with 2022."),
        ]
    );
    let text = doc.plain_text();
    for furniture in ["Annual Report 2023", "Page 1", "of 3"] {
        assert!(!text.contains(furniture), "{furniture} left in:\n{text}");
    }
}

#[test]
fn encrypted_pdf_is_refused() {
    let err = refused(&fixture("encrypted.pdf"), Limits::default());
    assert_eq!(
        err.message,
        "this PDF is encrypted; save a copy without a password"
    );
}

#[test]
fn pdf_without_a_text_layer_is_refused() {
    let err = refused(&fixture("scanned.pdf"), Limits::default());
    assert_eq!(
        err.message,
        "this PDF has no text layer; run OCR first, e.g. ocrmypdf"
    );
}

#[test]
fn truncated_pdf_is_refused() {
    let whole = std::fs::read(fixture("simple.pdf")).unwrap();
    let (_dir, path) = written(&whole[..whole.len() / 2]);
    let err = refused(&path, Limits::default());
    assert!(
        err.message.starts_with("this PDF cannot be read"),
        "{}",
        err.message
    );
}

#[test]
fn garbage_after_the_pdf_magic_is_refused() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    let mut state: u32 = 14;
    for _ in 0..4096 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        bytes.push((state >> 16) as u8);
    }
    let (_dir, path) = written(&bytes);
    let err = refused(&path, Limits::default());
    assert!(
        err.message.starts_with("this PDF cannot be read"),
        "{}",
        err.message
    );
}

#[test]
fn text_beyond_the_limit_is_refused() {
    let limits = Limits {
        max_text: 100,
        ..Limits::default()
    };
    let err = refused(&fixture("simple.pdf"), limits);
    assert_eq!(
        err.message,
        "this PDF holds more than 100 bytes of text, the most imported"
    );
}

/// A PDF of `objects` (numbered from 1; the first is the catalog) with a correct
/// cross-reference table.
fn built<T: AsRef<[u8]>>(objects: &[T]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body.as_ref());
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A one-page PDF whose font names an encoding no PDF defines: the extractor panics on
/// it, which must come back as an error, not a crash.
fn pdf_with_unknown_encoding() -> Vec<u8> {
    let content = "BT /F1 12 Tf 72 700 Td (Some text on the page.) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /NoSuchEncoding >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    built(&objects)
}

#[test]
fn a_panic_in_the_extractor_is_an_error() {
    let (_dir, path) = written(&pdf_with_unknown_encoding());
    let err = refused(&path, Limits::default());
    assert_eq!(
        err.message,
        "this PDF cannot be read: the PDF reader failed on its content"
    );
    // What the parser said is kept for a bug report.
    let help = err.help.unwrap();
    assert!(help.contains("NoSuchEncoding"), "{help}");
}

#[test]
fn an_absurd_page_count_is_refused() {
    let pages = 5_001;
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages)
                .map(|i| format!("{} 0 R", i + 3))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ];
    objects.extend(
        (0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_string()),
    );
    let (_dir, path) = written(&built(&objects));
    let err = refused(&path, Limits::default());
    assert_eq!(
        err.message,
        "this PDF has 5001 pages, more than the 5000 imported"
    );
}

#[test]
fn a_page_that_unpacks_past_the_bound_is_refused() {
    use std::io::Write;
    // 2 MB of spaces (a valid, empty content stream) packed into a few kilobytes.
    let mut packer = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    packer.write_all(&vec![b' '; 2 << 20]).unwrap();
    let packed = packer.finish().unwrap();
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    stream.extend_from_slice(&packed);
    stream.extend_from_slice(b"\nendstream");
    let objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        stream,
    ];
    let bytes = built(&objects);
    let (_dir, path) = written(&bytes);
    let limits = Limits {
        max_text: 1000,
        ..Limits::default()
    };
    let err = refused(&path, limits);
    assert_eq!(
        err.message,
        "this PDF's page 1 unpacks to more than 1048576 bytes"
    );
}
