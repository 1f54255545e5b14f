//! Every figure's value must be stated by its quote (issue 13): the build reads the
//! numbers a quote writes, in the forms reports use, and refuses a value its quote does
//! not state, naming the closest number it does.

use crate::common;

use common::Site;

/// The fixture with the "People trained" figure of own-2023 (its quote on line 16) set
/// to `value`, stated by `sentence` in both the quote and the text.
fn trained(value: &str, sentence: &str) -> Site {
    let site = Site::fixture("figures");
    let file = "content/reports/own-2023.md";
    site.edit(
        file,
        "    value: 100\n    year: 2023",
        &format!("    value: {value}\n    year: 2023"),
    );
    site.edit(
        file,
        "quote: \"We trained 100 people.\"",
        &format!("quote: \"{sentence}\""),
    );
    site.edit(file, "We trained 100 people.", sentence);
    site
}

#[test]
fn values_written_in_the_forms_reports_use_are_stated() {
    for (value, sentence) in [
        ("1150", "We trained 1,150 people."),
        ("1150", "We trained 1 150 people."),
        ("1150", "We trained 1\u{a0}150 people."),
        ("3300", "We trained 3’300 people."),
        ("3300", "We trained 3'300 people."),
        ("3300000", "We trained 3.3 million people."),
        ("2500000000", "We spent USD 2.5 billion on training."),
        ("2500000000", "We spent $2.5bn on training."),
        ("20", "We trained twenty people."),
        ("25", "We trained Twenty-five people."),
        ("150", "We trained one hundred and fifty people."),
        ("33", "We trained a third of the staff."),
        ("0.5", "We trained half of the staff."),
        ("75", "We trained three quarters of the staff."),
        ("43", "We trained 43 per cent of the staff."),
        ("43", "We trained 43% of the staff."),
        ("12.5", "We trained 12.5 percent of the staff."),
        ("13500", "We trained 13.500 people."),
    ] {
        let site = trained(value, sentence);
        let run = site.run("check", &[]);
        assert!(run.ok, "{value} in {sentence:?}: {}", run.stderr);
    }
}

#[test]
fn a_quote_that_states_another_number_is_refused_with_the_closest() {
    let site = trained("1500", "We trained 1,150 people.");
    site.run("check", &[]).assert_error(
        "content/reports/own-2023.md:16:12",
        "quote \"We trained 1,150 people.\" does not state the value 1500",
    );
    let run = site.run("check", &[]);
    assert!(
        run.stderr
            .contains("the closest number it states is 1150 (\"1,150\")"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_quote_with_no_number_is_refused() {
    let site = trained("100", "We trained many people.");
    let run = site.run("build", &[]);
    run.assert_error(
        "content/reports/own-2023.md:16:12",
        "does not state the value 100",
    );
    assert!(run.stderr.contains("it states no number"), "{}", run.stderr);
    assert!(
        !site.has_output("index.html"),
        "a failed build writes nothing"
    );
}

#[test]
fn each_end_of_a_range_and_each_bound_must_be_stated() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    high: 15",
        "    high: 16",
    );
    site.run("check", &[]).assert_error(
        "content/reports/own-2024.md:32:12",
        "does not state the value 16",
    );
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    value: 430",
        "    value: 431",
    );
    site.run("check", &[]).assert_error(
        "content/reports/own-2024.md:17:12",
        "does not state the value 431",
    );
}

#[test]
fn a_fall_may_be_written_without_its_sign() {
    let site = trained("-5", "We trained 5 fewer people.");
    // "fewer" says the number fell.
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
}

#[test]
fn a_fraction_states_its_rounding_only() {
    // "a third" is 33 or 33.3 per cent, or 0.33; not 30 or 34.
    for wrong in ["30", "34", "3"] {
        let site = trained(wrong, "We trained a third of the staff.");
        site.run("check", &[]).assert_error(
            "content/reports/own-2023.md:16:12",
            &format!("does not state the value {wrong}"),
        );
    }
}

#[test]
fn wrong_values_that_read_like_the_quote_are_refused() {
    // A comma before three digits groups them: 1.15 is not "1,150".
    let site = trained("1.15", "We trained 1,150 people.");
    site.run("check", &[]).assert_error(
        "content/reports/own-2023.md:16:12",
        "does not state the value 1.15",
    );
    // A sign needs writing, or a word of falling: "a 10-year plan" is not -10.
    let site = trained("-10", "We trained people under a 10-year plan.");
    let run = site.run("check", &[]);
    run.assert_error(
        "content/reports/own-2023.md:16:12",
        "does not state the value -10",
    );
    assert!(
        run.stderr
            .contains("a negative value is written with its sign"),
        "{}",
        run.stderr
    );
    // "half" is 0.5 or 50%, never 1.
    let site = trained("1", "We trained half of the staff.");
    site.run("check", &[]).assert_error(
        "content/reports/own-2023.md:16:12",
        "does not state the value 1",
    );
}

#[test]
fn french_and_spanish_scale_words_are_read() {
    for (value, sentence) in [
        ("2500000", "Formamos a 2,5 millones de personas."),
        ("2500000000", "Invertimos 2.500 millones de dólares."),
        ("3300000", "Nous avons formé 3,3 millions de personnes."),
        ("1200000000", "Un investissement de 1,2 milliard."),
    ] {
        let site = trained(value, sentence);
        let run = site.run("check", &[]);
        assert!(run.ok, "{value} in {sentence:?}: {}", run.stderr);
    }
}
