//! Runs a piece of the default theme's `search.js` in Node.js, to hold the browser's
//! code to the Rust it mirrors. Where Node is missing the caller's check is skipped
//! with a loud line; under CI it fails instead.

/// The part of `search.js` from the line starting `from` up to the line starting
/// `to`, as the test cuts it out to run.
pub fn search_js_part(from: &str, to: &str) -> String {
    let js = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js"),
    )
    .unwrap();
    let start = js
        .find(from)
        .unwrap_or_else(|| panic!("search.js has no {from:?}"));
    let end = start
        + js[start..]
            .find(to)
            .unwrap_or_else(|| panic!("search.js has no {to:?} after {from:?}"));
    js[start..end].to_string()
}

/// Runs `program` with `node -e` and reads what it prints as JSON; `None`, with a
/// line naming `what`, where Node is missing outside CI.
pub fn run_json<T: serde::de::DeserializeOwned>(program: &str, what: &str) -> Option<T> {
    let run = match std::process::Command::new("node")
        .arg("-e")
        .arg(program)
        .output()
    {
        Ok(run) => run,
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI needs Node.js: {e}");
            eprintln!("\n==== SKIPPED {what}: no Node.js ({e}) ====\n");
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
