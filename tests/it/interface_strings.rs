//! The default theme's interface text in six languages: every key the templates and
//! the code ask for is in en.ftl, every language has every key (and no other), each
//! with the variables English gives it and its language's plural forms, and a string a
//! language lacks is listed by `check` and shown in English.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use common::{Site, guarded, text_of};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ar", "zh", "ru"];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ftl(lang: &str) -> String {
    fs::read_to_string(repo().join(format!("themes/default/i18n/{lang}.ftl"))).unwrap()
}

/// The variables a message's pattern refers to, and the plural categories of each of
/// its select expressions (the variant names, the default among them).
#[derive(Default)]
struct Uses {
    variables: BTreeSet<String>,
    selects: Vec<BTreeSet<String>>,
}

fn walk_pattern(p: &Pattern<&str>, uses: &mut Uses) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, uses);
        }
    }
}

fn walk_expression(e: &Expression<&str>, uses: &mut Uses) {
    match e {
        Expression::Select { selector, variants } => {
            walk_inline(selector, uses);
            uses.selects.push(
                variants
                    .iter()
                    .map(|v| match &v.key {
                        VariantKey::Identifier { name } => name.to_string(),
                        VariantKey::NumberLiteral { value } => value.to_string(),
                    })
                    .collect(),
            );
            for v in variants {
                walk_pattern(&v.value, uses);
            }
        }
        Expression::Inline(i) => walk_inline(i, uses),
    }
}

fn walk_inline(i: &InlineExpression<&str>, uses: &mut Uses) {
    match i {
        InlineExpression::VariableReference { id } => {
            uses.variables.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, uses),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, uses);
            }
        }
        _ => {}
    }
}

/// Each message of a file with what it uses; a file that does not parse fails.
fn messages(lang: &str, text: &str) -> BTreeMap<String, Uses> {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut uses = Uses::default();
                if let Some(value) = &m.value {
                    walk_pattern(value, &mut uses);
                }
                assert!(
                    out.insert(m.id.name.to_string(), uses).is_none(),
                    "{lang}.ftl has `{}` twice",
                    m.id.name
                );
            }
            Entry::Junk { content } => panic!("{lang}.ftl has junk: {content}"),
            _ => {}
        }
    }
    out
}

/// The keys in `t(key="...")` calls of the default templates.
fn template_keys() -> BTreeSet<String> {
    let dir = repo().join("themes/default/templates");
    let mut keys = BTreeSet::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        keys.extend(literals_after(&text, &["t(key="]));
    }
    keys
}

/// The keys of `t("...")` and `t_with("...", ...)` calls in the code.
fn code_keys() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    let mut keys = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        keys.extend(literals_after(&text, &[".t(", " t(", "(t(", "t_with("]));
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals that follow any of `openers`, with only white space between
/// (a call split over lines).
fn literals_after(text: &str, openers: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for opener in openers {
        for (at, _) in text.match_indices(opener) {
            let rest = text[at + opener.len()..].trim_start();
            if let Some(rest) = rest.strip_prefix('"') {
                found.push(rest[..rest.find('"').unwrap()].to_string());
            }
        }
    }
    found
}

#[test]
fn every_key_the_templates_use_is_in_en_ftl() {
    let en = messages("en", &ftl("en"));
    let used = template_keys();
    // The scan finds the calls at all: the templates hold well over a hundred.
    assert!(used.len() > 150, "only {} keys found", used.len());
    let missing: Vec<&String> = used.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing.is_empty(), "not in en.ftl: {missing:?}");
}

#[test]
fn every_key_the_code_uses_is_in_en_ftl() {
    let en = messages("en", &ftl("en"));
    let used = code_keys();
    for expected in [
        "status-on-track",
        "org-kind-un-system",
        "change-since",
        "shared-years",
    ] {
        assert!(used.contains(expected), "the scan missed `{expected}`");
    }
    let missing: Vec<&String> = used.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing.is_empty(), "not in en.ftl: {missing:?}");
}

#[test]
fn every_key_of_en_ftl_is_used() {
    let mut used = template_keys();
    used.extend(code_keys());
    // The language's own name is for the language switcher.
    used.insert("language-name".into());
    // The words around figures, which the formatter of each language reads by key.
    let words = fs::read_to_string(repo().join("src/format/language.rs")).unwrap();
    used.extend(
        literals_after(&words, &["("])
            .into_iter()
            .filter(|k| k.starts_with("figure-")),
    );
    let unused: Vec<String> = messages("en", &ftl("en"))
        .into_keys()
        .filter(|k| !used.contains(k))
        .collect();
    assert!(unused.is_empty(), "in en.ftl, used nowhere: {unused:?}");
}

#[test]
fn every_language_has_every_key_and_no_other() {
    let en = messages("en", &ftl("en"));
    for lang in &LANGUAGES[1..] {
        let own = messages(lang, &ftl(lang));
        let missing: Vec<&String> = en.keys().filter(|k| !own.contains_key(*k)).collect();
        let unknown: Vec<&String> = own.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
        assert!(
            unknown.is_empty(),
            "{lang}.ftl has keys en.ftl lacks: {unknown:?}"
        );
    }
}

#[test]
fn translations_use_only_the_variables_english_gives() {
    let en = messages("en", &ftl("en"));
    for lang in &LANGUAGES[1..] {
        for (key, uses) in messages(lang, &ftl(lang)) {
            let given = &en[&key].variables;
            let extra: Vec<&String> = uses.variables.difference(given).collect();
            assert!(
                extra.is_empty(),
                "{lang}.ftl `{key}` uses {extra:?}, never given"
            );
        }
    }
}

/// The plural categories a language's whole numbers fall in (CLDR), apart from
/// `other`, which the default variant stands for.
fn plural_categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "ar" => &["zero", "one", "two", "few", "many"],
        "ru" => &["one", "few", "many"],
        "zh" => &[],
        _ => &["one"],
    }
}

#[test]
fn every_plural_selector_has_its_languages_forms() {
    const ALL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    let mut selects = 0;
    for lang in LANGUAGES {
        for (key, uses) in messages(lang, &ftl(lang)) {
            for variants in &uses.selects {
                // A selector with a variant that is no plural category nor a number
                // (`[en]` of `content-not-translated`) selects on something else.
                if variants
                    .iter()
                    .any(|v| !ALL.contains(&v.as_str()) && v.parse::<f64>().is_err())
                {
                    continue;
                }
                selects += 1;
                let needed = plural_categories(lang);
                let missing: Vec<&&str> =
                    needed.iter().filter(|c| !variants.contains(**c)).collect();
                assert!(missing.is_empty(), "{lang}.ftl `{key}` lacks {missing:?}");
                let foreign: Vec<&String> = variants
                    .iter()
                    .filter(|v| ALL.contains(&v.as_str()) && v.as_str() != "other")
                    .filter(|v| !needed.contains(&v.as_str()))
                    .collect();
                assert!(
                    foreign.is_empty(),
                    "{lang}.ftl `{key}`: {foreign:?} never applies"
                );
            }
        }
    }
    assert!(selects > 50, "only {selects} selectors found");
}

#[test]
fn every_message_formats_in_every_language_for_every_count() {
    let en = messages("en", &ftl("en"));
    for lang in LANGUAGES {
        let mut bundle: FluentBundle<FluentResource> =
            FluentBundle::new(vec![lang.parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(FluentResource::try_new(ftl(lang)).unwrap())
            .unwrap();
        for (key, uses) in &en {
            let message = bundle.get_message(key).unwrap();
            let pattern = message.value().unwrap();
            for n in [0, 1, 2, 5, 21] {
                let mut args = FluentArgs::new();
                for name in &uses.variables {
                    // Variables a selector switches on are numbers; the others are
                    // given as text, which is how templates give them.
                    let counted = !en[key].selects.is_empty() || name == "year";
                    args.set(
                        name.as_str(),
                        if counted {
                            FluentValue::from(n)
                        } else {
                            FluentValue::from(format!("⟨{name}⟩"))
                        },
                    );
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang} `{key}` with {n}: {errors:?}");
                assert!(!text.trim().is_empty(), "{lang} `{key}` is empty");
                assert!(!text.contains('{'), "{lang} `{key}`: {text}");
            }
        }
    }
}

#[test]
fn english_plurals_say_one_and_many() {
    let mut bundle: FluentBundle<FluentResource> = FluentBundle::new(vec!["en".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(FluentResource::try_new(ftl("en")).unwrap())
        .unwrap();
    let say = |key: &str, n: i32| {
        let mut args = FluentArgs::new();
        args.set("count", n);
        args.set("year", 2024);
        let pattern = bundle.get_message(key).unwrap().value().unwrap();
        bundle
            .format_pattern(pattern, Some(&args), &mut Vec::new())
            .into_owned()
    };
    assert_eq!(say("reports-covering-year", 1), "1 report covering 2024");
    assert_eq!(say("reports-covering-year", 3), "3 reports covering 2024");
    assert_eq!(say("documents-paragraphs", 1), "1 paragraph");
    assert_eq!(say("documents-paragraphs", 0), "0 paragraphs");
}

/// The basic fixture published in `lang`.
fn site_in(lang: &str) -> Site {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "[build]",
        &format!("language = {lang:?}\n\n[build]"),
    );
    site
}

#[test]
fn a_string_the_themes_french_lacks_is_listed_and_shown_in_english() {
    let site = site_in("fr");
    site.edit("site.toml", "[build]", "theme = \"t\"\n\n[build]");
    site.write(
        "themes/t/i18n/en.ftl",
        "theme-motto = Counted by hand\nnot-found-title = Nothing here\n",
    );
    // The theme's French overrides one built-in string and lacks its new one.
    site.write("themes/t/i18n/fr.ftl", "not-found-title = Rien ici\n");
    site.write(
        "themes/t/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ t(key=\"not-found-title\") }}</h1>\
         <p>{{ t(key=\"theme-motto\") }}</p>{% endblock content %}",
    );
    let check = guarded(&site, "check", &[]);
    assert!(check.ok, "{}", check.stderr);
    let said = format!("{}{}", check.stdout, check.stderr);
    assert!(said.contains("theme-motto"), "{said}");
    assert!(said.contains("themes/t/i18n/fr.ftl"), "{said}");
    assert!(
        said.contains("1 of "),
        "only the theme's string is missing: {said}"
    );
    site.build_ok();
    let page = site.output("404.html");
    assert!(page.contains("<html lang=\"fr\""), "{page}");
    let text = text_of(&page);
    assert!(text.contains("Rien ici Counted by hand"), "{text}");
    // The built-in French is there around it.
    assert!(text.contains("Aller au contenu"), "{text}");
}

#[test]
fn a_site_in_each_language_builds_with_no_string_missing() {
    for lang in LANGUAGES {
        let site = site_in(lang);
        let check = guarded(&site, "check", &[]);
        assert!(check.ok, "{lang}: {}", check.stderr);
        let said = format!("{}{}", check.stdout, check.stderr);
        assert!(!said.contains("interface strings"), "{lang}: {said}");
        site.build_ok();
    }
}

#[test]
fn a_french_page_is_french_down_to_the_labels_built_in_code() {
    let site = site_in("fr");
    site.build_ok();
    let text = text_of(&site.output("index.html"));
    for french in [
        "Aller au contenu",
        "Derniers rapports",
        "Grandes orientations",
        "Indicateurs",
    ] {
        assert!(text.contains(french), "{french}: {text}");
    }
    for english in [
        "Skip to content",
        "Latest reports",
        "Action lines",
        " since ",
    ] {
        assert!(!text.contains(english), "{english}: {text}");
    }
}

#[test]
fn arabic_pages_keep_isolation_marks_out_of_addresses() {
    let site = site_in("ar");
    site.build_ok();
    for page in [
        "index.html",
        "metrics/index.html",
        "reports/index.html",
        "search/index.html",
    ] {
        let html = site.output(page);
        assert!(html.contains("dir=\"rtl\""), "{page}");
        for attribute in ["href=\"", "src=\"", "action=\""] {
            for (at, _) in html.match_indices(attribute) {
                let rest = &html[at + attribute.len()..];
                let address = &rest[..rest.find('"').unwrap()];
                assert!(
                    !address.contains(['\u{2068}', '\u{2069}']),
                    "{page}: isolation mark in the address {address:?}"
                );
            }
        }
        // In text they stay: a number inside an Arabic sentence keeps its place.
        if page == "reports/index.html" {
            assert!(html.contains('\u{2068}'), "{page}");
        }
    }
}

#[test]
fn each_language_of_a_site_gets_its_own_words_on_its_own_pages() {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "[build]",
        "languages = [\"en\", \"fr\", \"ar\"]\n\n[build]",
    );
    site.build_ok();
    let words = |page: &str| text_of(&site.output(page));
    let en = words("reports/index.html");
    let fr = words("fr/reports/index.html");
    let ar = words("ar/reports/index.html");
    assert!(
        en.contains("Skip to content") && en.contains("Years"),
        "{en}"
    );
    assert!(
        fr.contains("Aller au contenu") && fr.contains("Années"),
        "{fr}"
    );
    assert!(
        ar.contains("انتقل إلى المحتوى") && ar.contains("السنوات"),
        "{ar}"
    );
    for english in ["Skip to content", "Report metadata as JSON"] {
        assert!(!fr.contains(english) && !ar.contains(english), "{english}");
    }
}

/// Every string of every theme shipped is stored composed (Unicode NFC): the catalog
/// composes a theme's file on load, but the repository's own files should not need
/// it, and a decomposed string would show in a diff as an invisible change.
#[test]
fn every_theme_file_is_in_normalization_form_c() {
    use unicode_normalization::UnicodeNormalization;
    let mut files = Vec::new();
    for theme in fs::read_dir(repo().join("themes")).unwrap() {
        let i18n = theme.unwrap().path().join("i18n");
        for f in fs::read_dir(&i18n).into_iter().flatten() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "ftl") {
                files.push(f);
            }
        }
    }
    assert!(
        files.len() >= 6,
        "the six languages of the default theme: {files:?}"
    );
    let mut decomposed = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.nfc().collect::<String>() != line {
                decomposed.push(format!("{}:{}: {line}", f.display(), n + 1));
            }
        }
    }
    assert!(decomposed.is_empty(), "not NFC:\n{}", decomposed.join("\n"));
}
