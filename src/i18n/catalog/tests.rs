use super::*;

fn langs(tags: &[&str]) -> Vec<Language> {
    tags.iter().map(|t| Language::parse(t).unwrap()).collect()
}

/// A site folder with a theme `t` holding the given translation files.
fn theme(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let i18n = dir.path().join("themes/t/i18n");
    std::fs::create_dir_all(&i18n).unwrap();
    for (name, text) in files {
        std::fs::write(i18n.join(name), text).unwrap();
    }
    dir
}

fn load(
    files: &[(&str, &str)],
    tags: &[&str],
) -> Result<(Catalog, Vec<Diagnostic>), Vec<Diagnostic>> {
    let dir = theme(files);
    Catalog::load(dir.path(), Some(Path::new("themes/t")), &langs(tags))
}

#[test]
fn every_language_has_its_own_name_built_in() {
    let (c, _) = load(&[], &["en", "fr", "es", "ar", "zh", "ru"]).unwrap();
    let names: Vec<String> = (0..6)
        .map(|i| c.format(i, "language-name", None, Text::AsWritten).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "English",
            "Français",
            "Español",
            "العربية",
            "中文",
            "Русский"
        ]
    );
}

#[test]
fn a_missing_string_falls_back_to_english_and_is_listed() {
    let (c, warnings) = load(
        &[
            ("en.ftl", "greeting = Hello\nfarewell = Goodbye\n"),
            ("fr.ftl", "greeting = Bonjour\n"),
        ],
        &["en", "fr"],
    )
    .unwrap();
    assert_eq!(
        c.format(1, "greeting", None, Text::AsWritten).unwrap(),
        "Bonjour"
    );
    assert_eq!(
        c.format(1, "farewell", None, Text::AsWritten).unwrap(),
        "Goodbye"
    );
    let fr: Vec<&Diagnostic> = warnings
        .iter()
        .filter(|w| w.message.contains(" fr "))
        .collect();
    assert_eq!(fr.len(), 1, "{warnings:?}");
    assert!(fr[0].message.contains("farewell"), "{}", fr[0].message);
    assert!(!fr[0].message.contains("greeting,"), "{}", fr[0].message);
    assert_eq!(fr[0].file, Path::new("themes/t/i18n/fr.ftl"));
    assert!(
        warnings.iter().all(|w| !w.message.contains(" en ")),
        "English lacks nothing"
    );
}

#[test]
fn a_theme_overrides_one_string_and_keeps_the_others() {
    let (c, _) = load(&[("en.ftl", "search-button = Find\n")], &["en"]).unwrap();
    assert_eq!(
        c.format(0, "search-button", None, Text::AsWritten).unwrap(),
        "Find"
    );
    assert_eq!(
        c.format(0, "skip-to-content", None, Text::AsWritten)
            .unwrap(),
        "Skip to content"
    );
}

#[test]
fn a_key_no_file_has_is_an_error_naming_it() {
    let (c, _) = load(&[], &["en"]).unwrap();
    let e = c
        .format(0, "no-such-string", None, Text::AsWritten)
        .unwrap_err();
    assert!(e.contains("no-such-string") && e.contains("en.ftl"), "{e}");
}

#[test]
fn variables_and_plurals_are_filled_in() {
    let ftl = "reports = { $count ->\n    [one] one report\n   *[other] { $count } reports\n} in { $year }\n";
    let (c, _) = load(&[("en.ftl", ftl)], &["en"]).unwrap();
    let mut args = FluentArgs::new();
    args.set("count", 1);
    args.set("year", "2024");
    assert_eq!(
        c.format(0, "reports", Some(&args), Text::AsWritten)
            .unwrap(),
        "one report in 2024"
    );
    args.set("count", 3);
    assert_eq!(
        c.format(0, "reports", Some(&args), Text::AsWritten)
            .unwrap(),
        "3 reports in 2024"
    );
    let e = c.format(0, "reports", None, Text::AsWritten).unwrap_err();
    assert!(e.contains("reports"), "{e}");
}

#[test]
fn a_file_that_does_not_parse_names_its_line_and_column() {
    let errors = load(
        &[("fr.ftl", "greeting = Bonjour\n\nbad line without equals\n")],
        &["en", "fr"],
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, Path::new("themes/t/i18n/fr.ftl"));
    assert_eq!(
        errors[0].location.map(|l| l.line),
        Some(3),
        "{:?}",
        errors[0]
    );
}

#[test]
fn a_regional_tag_reads_its_language_file_then_its_own() {
    let (c, _) = load(
        &[("fr-CA.ftl", "search-button = Chercher\n")],
        &["en", "fr-CA"],
    )
    .unwrap();
    assert_eq!(
        c.format(1, "search-button", None, Text::AsWritten).unwrap(),
        "Chercher"
    );
    assert_eq!(
        c.format(1, "language-name", None, Text::AsWritten).unwrap(),
        "Français"
    );
}

#[test]
fn right_to_left_text_isolates_its_variables_left_to_right_text_does_not() {
    let files = [("en.ftl", "x = n { $n }\n"), ("ar.ftl", "x = ع { $n }\n")];
    let (c, _) = load(&files, &["en", "ar"]).unwrap();
    let mut args = FluentArgs::new();
    args.set("n", "42");
    assert_eq!(
        c.format(0, "x", Some(&args), Text::AsWritten).unwrap(),
        "n 42"
    );
    assert_eq!(
        c.format(1, "x", Some(&args), Text::AsWritten).unwrap(),
        "ع \u{2068}42\u{2069}"
    );
}

#[test]
fn a_theme_string_stored_decomposed_is_composed_on_load() {
    // French: "e" then a combining acute; Arabic: shadda before fatha, the order
    // people type, which is not the canonical one; Russian: "е" and a combining
    // diaeresis.
    let (c, _) = load(
        &[
            ("fr.ftl", "search-button = Cherche\u{0301}\n"),
            ("ar.ftl", "search-button = \u{0627}\u{0644}\u{0634}\u{0651}\u{064E}\u{0628}\u{0643}\u{0629}\n"),
            ("ru.ftl", "search-button = \u{0435}\u{0308}\n"),
        ],
        &["fr", "ar", "ru"],
    )
    .unwrap();
    let text = |i: usize| c.format(i, "search-button", None, Text::AsWritten).unwrap();
    assert_eq!(text(0), "Cherché");
    assert_eq!(
        text(1),
        "\u{0627}\u{0644}\u{0634}\u{064E}\u{0651}\u{0628}\u{0643}\u{0629}"
    );
    assert_eq!(text(2), "ё");
}

#[test]
fn every_built_in_string_is_composed() {
    use unicode_normalization::UnicodeNormalization;
    for (tag, text) in BUILT_IN {
        assert_eq!(text.nfc().collect::<String>(), *text, "{tag}.ftl");
    }
}

#[test]
fn a_string_without_variables_formatted_once_reads_as_fluent_formats_it() {
    let (c, _) = load(
        &[
            ("en.ftl", "only-en = Only <b>\"here\"</b>\n"),
            ("ar.ftl", "greeting = مرحبا { $name }\n"),
        ],
        &["en", "fr", "es", "ar", "zh", "ru"],
    )
    .unwrap();
    let mut checked = 0;
    for lang in 0..6 {
        for key in &c.keys {
            for text in [Text::AsWritten, Text::Escaped] {
                let fluent = c.format_pattern(lang, key, None, text);
                assert_eq!(c.format(lang, key, None, text), fluent, "{lang} {key}");
                checked += usize::from(fluent.is_ok());
            }
        }
    }
    // Most strings take no variables: they were all looked up, not formatted.
    assert!(checked > 6 * 2 * 100, "{checked}");
    // A string given variables, or one that needs them, is formatted each time.
    let mut args = FluentArgs::new();
    args.set("name", "<Sam>");
    assert!(c.format(3, "greeting", None, Text::AsWritten).is_err());
    assert_eq!(
        c.format(3, "greeting", Some(&args), Text::Escaped).unwrap(),
        "مرحبا \u{2068}<Sam>\u{2069}"
    );
    assert_eq!(
        c.format(0, "only-en", None, Text::Escaped).unwrap(),
        "Only &lt;b&gt;&quot;here&quot;&lt;/b&gt;"
    );
}
