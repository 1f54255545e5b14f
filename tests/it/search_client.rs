//! `search.js` finds a key's bundle as the build cut them: its own comparison of
//! keys (code points, as Rust orders strings) and search of `meta.json`'s first keys,
//! run in Node.js on keys where UTF-16 order and code point order disagree. And it
//! reads the bundles as the build compressed them, or as a host hands them over.

use crate::common::{self, Site};

/// The bundle `search.js`'s `bundleOf` picks for each of `keys`, given bundles whose
/// first keys are `firsts`. `None`, with a loud line, where Node is missing; CI fails
/// instead.
fn client_bundles(firsts: &[&str], keys: &[&str]) -> Option<Vec<i64>> {
    let part =
        common::node::search_js_part("  // Code point order", "  // The entries of the bundles");
    let program = format!(
        "const meta = {{ terms: {} }};\n{part}\nconsole.log(JSON.stringify({}.map((k) => bundleOf(\"terms\", k))));",
        serde_json::to_string(firsts).unwrap(),
        serde_json::to_string(keys).unwrap(),
    );
    common::node::run_json(&program, "search.js bundles")
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

/// `search.js` reads a bundle as the build wrote it (gzip, inflated with
/// `DecompressionStream`) and as the browser hands it over from a host that sends it
/// with `Content-Encoding: gzip` (inflated already): the same JSON both ways. A bundle
/// cut short is an error, never part of its entries; a browser that cannot inflate is
/// told apart from a broken file.
#[test]
fn search_js_reads_a_bundle_compressed_or_already_inflated() {
    let site = Site::fixture("basic");
    site.build_ok();
    let gz = std::fs::read(site.root.join("public/search/docs/0.json.gz")).unwrap();
    let json = common::inflated(&gz);
    let want: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(want.as_array().is_some_and(|docs| !docs.is_empty()));
    let part = common::node::search_js_part(
        "  // Thrown where the browser has no DecompressionStream",
        "  const cache = new Map();",
    );
    let program = format!(
        "{part}\n(async () => {{\n\
         const gz = new Uint8Array({gz});\n\
         const plain = new Uint8Array({json});\n\
         const read = (b) => parse(b).catch((e) => e === OLD_BROWSER ? \"old\" : \"error: \" + e.message);\n\
         const out = [await read(gz), await read(plain), await read(gz.slice(0, gz.length - 16))];\n\
         globalThis.DecompressionStream = undefined;\n\
         out.push(await read(gz), await read(plain));\n\
         console.log(JSON.stringify(out));\n}})();",
        gz = serde_json::to_string(&gz).unwrap(),
        json = serde_json::to_string(&json).unwrap(),
    );
    let Some(got) = common::node::run_json::<Vec<serde_json::Value>>(&program, "search.js gzip")
    else {
        return;
    };
    assert_eq!(got[0], want, "the bundle as written");
    assert_eq!(got[1], want, "the bundle inflated by the browser");
    assert!(
        got[2].as_str().is_some_and(|e| e.starts_with("error")),
        "a bundle cut short: {}",
        got[2]
    );
    // A browser without `DecompressionStream` is told apart (the page then says so in
    // its language), and still reads a bundle its host sent inflated.
    assert_eq!(got[3], "old");
    assert_eq!(got[4], want);
}

/// `search.js` keeps no failure of a fetch (a network error, a server's 500): the
/// next query fetches the file again, and the error names the file. What it fetched
/// whole is kept.
#[test]
fn search_js_fetches_a_failed_file_again() {
    let part = common::node::search_js_part(
        "  // Thrown where the browser has no DecompressionStream",
        "  let meta = null;",
    );
    let program = format!(
        "const base = \"/s/\";\nlet calls = 0;\n\
         globalThis.fetch = async (url) => {{ calls++; return calls === 1\n\
         ? new Response(\"busy\", {{ status: 503 }}) : new Response('{{\"a\":1}}'); }};\n\
         {part}\n(async () => {{\n\
         const get = () => fetchJson(\"terms/0.json.gz\").catch((e) => \"error: \" + e.message);\n\
         const out = [await get(), await get(), await get()];\n\
         console.log(JSON.stringify([...out, calls]));\n}})();"
    );
    let Some(got) = common::node::run_json::<serde_json::Value>(&program, "search.js fetch") else {
        return;
    };
    assert_eq!(
        got,
        serde_json::json!(["error: terms/0.json.gz: HTTP 503", {"a": 1}, {"a": 1}, 2])
    );
}
