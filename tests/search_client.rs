//! `search.js` finds a key's bundle as the build cut them: its own comparison of
//! keys (code points, as Rust orders strings) and search of `meta.json`'s first keys,
//! run in Node.js on keys where UTF-16 order and code point order disagree.

/// The bundle `search.js`'s `bundleOf` picks for each of `keys`, given bundles whose
/// first keys are `firsts`. `None`, with a loud line, where Node is missing; CI fails
/// instead.
fn client_bundles(firsts: &[&str], keys: &[&str]) -> Option<Vec<i64>> {
    let js = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js"),
    )
    .unwrap();
    let start = js
        .find("  // Code point order")
        .expect("search.js defines cmp");
    let end = start
        + js[start..]
            .find("  // The entries of the bundles")
            .expect("bundleOf ends");
    let program = format!(
        "const meta = {{ terms: {} }};\n{}\nconsole.log(JSON.stringify({}.map((k) => bundleOf(\"terms\", k))));",
        serde_json::to_string(firsts).unwrap(),
        &js[start..end],
        serde_json::to_string(keys).unwrap(),
    );
    let run = match std::process::Command::new("node")
        .arg("-e")
        .arg(&program)
        .output()
    {
        Ok(run) => run,
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI needs Node.js: {e}");
            eprintln!("\n==== SKIPPED search.js bundles: no Node.js ({e}) ====\n");
            return None;
        }
    };
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    Some(serde_json::from_slice(&run.stdout).unwrap())
}

#[test]
fn search_js_finds_each_key_in_the_bundle_the_build_put_it_in() {
    // In Rust's order: U+F900-U+FFFF sort before characters past U+FFFF (UTF-16 puts
    // the latter, as surrogates, first).
    let mut keys = vec![
        "ab", "abc", "network", "zz", "é", "сеть", "社区", "社会", "兀", "ｚｚ", "𠀀", "𠀀𠀁", "𠀂",
    ];
    keys.sort();
    assert!(keys.iter().position(|k| *k == "ｚｚ") < keys.iter().position(|k| *k == "𠀀"));
    // Bundles of two keys each; a key before them all is in none.
    let firsts: Vec<&str> = keys.iter().step_by(2).copied().collect();
    let mut asked = keys.clone();
    asked.push("a");
    asked.push("\u{10FFFF}");
    let want: Vec<i64> = asked
        .iter()
        .map(|k| firsts.partition_point(|f| f <= k) as i64 - 1)
        .collect();
    assert_eq!(want[want.len() - 2], -1);
    if let Some(got) = client_bundles(&firsts, &asked) {
        assert_eq!(got, want, "{asked:?}");
    }
}
