use super::bibtex::escape;
use super::{Citation, Work, data_url, is_pdf, key};
use crate::model::PartialDate;

fn citation(title: &'static str) -> Citation<'static> {
    Citation {
        key: key("wsis", "isoc-2024"),
        work: Work::Report,
        author: "Internet Society",
        title,
        issued: PartialDate::parse("2024-10"),
        publisher: "Internet Society",
        genre: Some("Annual progress report"),
        archive: "WSIS tracker",
        url: "https://example.org/wsis/reports/isoc-2024/".into(),
        language: "en",
        part: None,
        note: None,
    }
}

#[test]
fn keys_keep_to_lower_case_letters_digits_and_hyphens() {
    assert_eq!(key("wsis", "isoc-2024"), "wsis-isoc-2024");
    assert_eq!(key("wsis-metric", "A_b..c-"), "wsis-metric-a-b-c");
    assert_eq!(key("wsis", "تقرير"), "wsis");
}

#[test]
fn every_tex_special_character_is_escaped() {
    let hostile = r"50% of {all} & $1 #2 a_b ~c ^d \e";
    let out = escape(hostile);
    assert_eq!(
        out,
        r"50\% of \{all\} \& \$1 \#2 a\_b \textasciitilde{}c \textasciicircum{}d \textbackslash{}e"
    );
    // No brace is left unescaped, so none can close the field.
    let unescaped = out
        .char_indices()
        .filter(|&(i, c)| (c == '{' || c == '}') && !out[..i].ends_with('\\'))
        .count();
    assert_eq!(unescaped % 2, 0);
    assert_eq!(escape("a\nb\tc"), "a b c");
}

#[test]
fn a_report_reads_as_author_year_title_kind_address() {
    let c = citation("Impact report 2024");
    assert_eq!(
        c.plain(),
        "Internet Society (2024). Impact report 2024. Annual progress report. \
         https://example.org/wsis/reports/isoc-2024/"
    );
    let mut d = c.clone();
    d.work = Work::Dataset;
    d.genre = None;
    d.issued = None;
    d.publisher = "WSIS tracker";
    assert_eq!(
        d.plain(),
        "Internet Society (n.d.). Impact report 2024 [Data set]. WSIS tracker. \
         https://example.org/wsis/reports/isoc-2024/"
    );
}

#[test]
fn a_title_ending_in_a_question_mark_gets_no_full_stop() {
    assert!(citation("Connected?").plain().contains("Connected? Annual"));
}

#[test]
fn bibtex_braces_the_institutional_author_and_writes_the_date() {
    let bib = citation("A {braced} 100% title").bibtex();
    assert!(bib.starts_with("@report{wsis-isoc-2024,\n"), "{bib}");
    assert!(bib.contains("  author = {{Internet Society}},\n"), "{bib}");
    assert!(
        bib.contains(r"  title = {A \{braced\} 100\% title},"),
        "{bib}"
    );
    assert!(
        bib.contains("  date = {2024-10},\n  year = {2024},\n"),
        "{bib}"
    );
    assert!(bib.ends_with("}\n"));
}

#[test]
fn csl_json_dates_have_as_many_parts_as_stated() {
    let json: serde_json::Value = serde_json::from_str(&citation("T").csl()).unwrap();
    assert_eq!(
        json[0]["issued"]["date-parts"],
        serde_json::json!([[2024, 10]])
    );
    assert_eq!(
        json[0]["author"],
        serde_json::json!([{"literal": "Internet Society"}])
    );
    assert_eq!(json[0]["type"], "report");
    let mut day = citation("T");
    day.issued = PartialDate::parse("2024-10-05");
    let text = day.csl();
    assert!(text.contains("\"date-parts\":[[2024,10,5]]"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json[0]["publisher"], "Internet Society");
}

#[test]
fn a_title_that_spells_the_date_key_stays_as_it_is() {
    let title = "\"date-parts\": [[1, 2]] ]";
    let json: serde_json::Value = serde_json::from_str(&citation(title).csl()).unwrap();
    assert_eq!(json[0]["title"], title);
    assert_eq!(
        json[0]["issued"]["date-parts"],
        serde_json::json!([[2024, 10]])
    );
}

#[test]
fn the_csl_json_file_is_one_line() {
    // A title with the separator a pretty printer writes after a key.
    let text = citation("WSIS Forum 2024: Outcome").csl();
    assert_eq!(text.lines().count(), 1, "{text}");
    // Compact: as long as the same value written compactly (keys in another order).
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_string(&value).unwrap().len(),
        text.trim_end_matches('\n').len(),
        "{text}"
    );
}

#[test]
fn a_data_address_is_the_shorter_of_base64_and_percent_encoding() {
    // Latin text with few reserved characters: percent-encoded, readable and shorter.
    let latin = data_url("text/plain", "Alpha, beta (2024).");
    assert_eq!(
        latin,
        "data:text/plain;charset=utf-8,Alpha,%20beta%20(2024)."
    );
    // Text mostly outside ASCII takes 9 bytes a character percent-encoded: base64.
    let arabic = data_url("text/plain", "تقرير التقدم");
    assert!(
        arabic.starts_with("data:text/plain;charset=utf-8;base64,"),
        "{arabic}"
    );
    // No character that HTML escapes or a URL reserves is left as it is.
    let hostile = data_url("text/plain", "{a} \"b\" <c> & 'd' #1 100% /e\n");
    let body = hostile.split_once(',').unwrap().1;
    assert!(
        body.chars()
            .all(|c| c.is_ascii_alphanumeric() || "%-._~!$()*,;:@=+/?".contains(c)),
        "{hostile}"
    );
}

/// Latin text long enough for percent-encoding to win, with every character HTML
/// escapes or a URL reserves: each is encoded, and the address decodes to the text.
#[test]
fn a_percent_encoded_data_address_encodes_what_html_and_urls_reserve() {
    let text = "Internationalization,accessibility,interoperability,sustainability;\
                participation/cooperation:evaluation=#1 100% \"q\" & 'd' <c> é\n";
    let url = data_url("text/plain", text);
    let body = url
        .strip_prefix("data:text/plain;charset=utf-8,")
        .unwrap_or_else(|| panic!("not percent-encoded: {url}"));
    assert!(
        body.chars()
            .all(|c| c.is_ascii_alphanumeric() || "%-._~!$()*,;:@=+/?".contains(c)),
        "{url}"
    );
    for reserved in [
        "%23", "%25", "%22", "%26", "%27", "%3C", "%3E", "%0A", "%C3%A9",
    ] {
        assert!(body.contains(reserved), "{reserved} in {url}");
    }
    let mut bytes = Vec::new();
    let mut rest = body.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    assert_eq!(String::from_utf8(bytes).unwrap(), text);
}

#[test]
fn only_a_pdf_address_is_a_pdf() {
    assert!(is_pdf("https://example.org/r.pdf"));
    assert!(is_pdf("https://example.org/R.PDF?download=1#page=2"));
    assert!(!is_pdf("https://example.org/report"));
    assert!(!is_pdf("https://example.org/pdf"));
    assert!(!is_pdf("https://example.org/é.pd"));
}
