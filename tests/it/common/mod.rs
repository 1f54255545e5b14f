//! Shared helpers for the integration tests: copy a fixture site into a temporary
//! folder, change it, run the real `wsis` binary on it and read what it wrote.

#![allow(dead_code, unreachable_pub)]

pub mod depth;
pub mod incremental;
pub mod node;
pub mod reloads;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The page render limit of loop iterations, lowered so that tests reach it in a
/// second (debug builds only); no test page comes near it.
pub const TEST_MAX_STEPS: &str = "20000";

/// A fixture site copied into a temporary folder, free to be changed.
pub struct Site {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

/// The result of running `wsis`.
pub struct Run {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Site {
    /// The site's validated model, loaded through the library as `build` loads it.
    pub fn model(&self) -> wsis::model::Site {
        let config = wsis::load_config(&self.root, None).expect("the site's config loads");
        wsis::load_site(&self.root, config).expect("the site loads")
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        Site::copy_of(&src)
    }

    /// A copy of `tests/fixtures/<name>` published in `languages` (its `site.toml`
    /// must have a `description` line, before which the list is written).
    #[allow(dead_code)]
    pub fn fixture_in(name: &str, languages: &[&str]) -> Site {
        let site = Site::fixture(name);
        let list: Vec<String> = languages.iter().map(|l| format!("\"{l}\"")).collect();
        site.edit(
            "site.toml",
            "description =",
            &format!("languages = [{}]\ndescription =", list.join(", ")),
        );
        site
    }

    /// A copy of the repository's shipped site (site.toml, content/, themes/).
    pub fn shipped() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::create_dir_all(&root).unwrap();
        fs::copy(repo.join("site.toml"), root.join("site.toml")).unwrap();
        copy_dir(&repo.join("content"), &root.join("content"));
        copy_dir(&repo.join("themes"), &root.join("themes"));
        Site { _dir: dir, root }
    }

    /// A copy of this site's sources, without its output or spare: built, it gives
    /// what a first build of the same sources gives.
    pub fn sources_copy(&self) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        fs::copy(self.root.join("site.toml"), root.join("site.toml")).unwrap();
        for sources in ["content", "themes", "static", "data"] {
            if self.root.join(sources).is_dir() {
                copy_dir(&self.root.join(sources), &root.join(sources));
            }
        }
        Site { _dir: dir, root }
    }

    fn copy_of(src: &Path) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(src, &root);
        Site { _dir: dir, root }
    }

    /// Replaces `from` with `to` in the file `rel`; panics if `from` is not there, so
    /// a test can never silently test nothing.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let path = self.root.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    /// Replaces `from` with `to` in the file `rel` in one step, as editors save:
    /// written beside the site's sources, then renamed over the file. A watching
    /// server sees one change, never a half-written file.
    pub fn save(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = fs::read_to_string(self.root.join(rel)).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.put(rel, &text.replacen(from, to, 1))
    }

    /// Writes `text` to `rel` in one step (see [`Site::save`]); the folder must exist.
    pub fn put(&self, rel: &str, text: &str) -> &Self {
        // At the site root and not `site.toml`: a file `serve` does not rebuild for.
        let scratch = self.root.join(".saving");
        fs::write(&scratch, text).unwrap();
        fs::rename(&scratch, self.root.join(rel)).unwrap();
        self
    }

    /// Writes `text` to `rel`, creating folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Runs `wsis build --root <root>` with extra arguments.
    pub fn build(&self, args: &[&str]) -> Run {
        self.run("build", args)
    }

    /// Runs `wsis <command> --root <root>` with extra arguments.
    /// `command` may be several words (`new report`); `--root` follows them.
    pub fn run(&self, command: &str, args: &[&str]) -> Run {
        let out: Output = self.command(command, args).output().unwrap();
        Run {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// The command line of `wsis <command> --root <root> <args>`, not started.
    pub fn command(&self, command: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wsis"));
        cmd.env("WSIS_TEST_MAX_STEPS", TEST_MAX_STEPS)
            .args(command.split_whitespace())
            .arg("--root")
            .arg(&self.root)
            .args(args);
        cmd
    }

    /// Starts `wsis build` with its output and errors thrown away: for tests that stop
    /// a build part way.
    pub fn spawn_build(&self) -> std::process::Child {
        self.command("build", &[])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    }

    /// Builds and panics with the errors if the build fails.
    pub fn build_ok(&self) -> &Self {
        let run = self.build(&[]);
        assert!(run.ok, "build failed:\n{}", run.stderr);
        self
    }

    /// A file of the output folder (`public/` under the root), as text: a `.gz` file
    /// (a search index bundle) inflated.
    pub fn output(&self, rel: &str) -> String {
        let path = self.root.join("public").join(rel);
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let bytes = if rel.ends_with(".gz") {
            inflated(&bytes)
        } else {
            bytes
        };
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Whether the output has the file `rel`.
    pub fn has_output(&self, rel: &str) -> bool {
        self.root.join("public").join(rel).is_file()
    }
}

impl Run {
    /// Asserts the run failed with a diagnostic at `file:line:col` containing `message`.
    pub fn assert_error(&self, location: &str, message: &str) {
        assert!(
            !self.ok,
            "expected the build to fail; stdout:\n{}",
            self.stdout
        );
        let found = self
            .stderr
            .lines()
            .any(|l| l.contains(location) && l.contains(message));
        assert!(
            found,
            "expected an error at {location} saying {message:?}; got:\n{}",
            self.stderr
        );
    }
}

/// The text of the output file `rel` holding `bytes`, a `.gz` file (a search index
/// bundle) inflated: a check that the output holds no trace of something must see
/// the index's words, not their compressed bytes.
pub fn readable(rel: &str, bytes: &[u8]) -> String {
    if rel.ends_with(".gz") {
        String::from_utf8_lossy(&inflated(bytes)).into_owned()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// Every file of `site`'s output folder, by path, with its text ([`readable`]): what
/// a check that the output holds no trace of something reads.
pub fn output_texts(site: &Site) -> Vec<(String, String)> {
    walkdir::WalkDir::new(site.root.join("public"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().display().to_string();
            let text = readable(&rel, &fs::read(e.path()).unwrap());
            (rel, text)
        })
        .collect()
}

/// The gzip-compressed `bytes` (a search index bundle, `.json.gz`) inflated; panics
/// where they are not gzip.
pub fn inflated(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    assert!(
        bytes.starts_with(&[0x1f, 0x8b]),
        "not gzip: {:?}",
        &bytes[..bytes.len().min(8)]
    );
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// Every file under `dir` but the output folder (`site/public`) and the build's own
/// folders beside it (`site/.public.wsis-staging`), with its contents; symbolic links
/// as the path they hold. Special files are named, never read.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .filter(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            !rel.starts_with("site/public")
                && !rel.to_string_lossy().starts_with("site/.public.wsis-")
        })
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                fs::read(e.path()).unwrap()
            } else if e.file_type().is_symlink() {
                fs::read_link(e.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
                    .into_bytes()
            } else {
                b"(special file)".to_vec()
            };
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                bytes,
            )
        })
        .collect()
}

/// Runs `cmd` to its end, killing it (and failing the test) if it hangs.
pub fn run_limited(mut cmd: Command) -> Run {
    let limit = Duration::from_secs(60);
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drained on threads so that a chatty child never blocks on a full pipe.
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} still ran after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        ok: status.success(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// Runs `cmd` with a time limit, and checks that nothing outside the site's output
/// folder changed and nothing panicked.
pub fn run_guarded(site: &Site, cmd: Command) -> Run {
    let outer = site.root.parent().unwrap();
    let before = snapshot(outer);
    let run = run_limited(cmd);
    let after = snapshot(outer);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "files outside the output changed"
    );
    assert!(before == after, "file contents outside the output changed");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!run.stderr.contains("overflow"), "{}", run.stderr);
    run
}

/// `wsis <command>` on `site`, guarded as [`run_guarded`] says.
pub fn guarded(site: &Site, command: &str, args: &[&str]) -> Run {
    run_guarded(site, site.command(command, args))
}

/// Builds `site`, guarded as [`run_guarded`] says.
pub fn build_guarded(site: &Site) -> Run {
    guarded(site, "build", &[])
}

/// Copies a folder tree.
pub fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        let target = dst.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The text of an HTML page with tags removed and whitespace folded, for assertions
/// that should not depend on markup.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `wsis serve` process on a free loopback port, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    pub port: u16,
    pub log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Server {
    /// Starts `wsis serve --port 0` on `site` and waits until it listens.
    pub fn start(site: &Site) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_wsis"))
            .env("WSIS_TEST_MAX_STEPS", TEST_MAX_STEPS)
            .args(["serve", "--port", "0", "--root"])
            .arg(&site.root)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let err_log = std::sync::Arc::clone(&log);
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                err_log.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let out_log = std::sync::Arc::clone(&log);
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                    let port: u16 = rest
                        .trim_end_matches(|c: char| !c.is_ascii_digit())
                        .split('/')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap();
                    let _ = tx.send(port);
                }
                out_log.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let port = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the server did not start");
        Server { child, port, log }
    }

    /// GETs `path`; returns the status code, the headers and the body.
    pub fn get(&self, path: &str) -> (u16, String, String) {
        http_get(self.port, path)
    }
}

/// Polls `path` of `server` until its body satisfies `want`, for at most `limit`.
pub fn wait_for(
    server: &Server,
    path: &str,
    limit: std::time::Duration,
    want: impl Fn(&str) -> bool,
) -> std::time::Duration {
    let started = std::time::Instant::now();
    loop {
        let (_, _, body) = server.get(path);
        if want(&body) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < limit,
            "{path} did not change within {limit:?}; log:\n{}",
            server.log.lock().unwrap()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.1 GET on 127.0.0.1:`port`, read to the end.
pub fn http_get(port: u16, path: &str) -> (u16, String, String) {
    http(port, "GET", path, &[("Host", "127.0.0.1")], "")
}

/// An HTTP/1.1 request on 127.0.0.1:`port` with the given headers (none added but
/// `Content-Length` for a body and `Connection: close`), read to the end; returns
/// the status code, the headers and the body.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str(&format!("Connection: close\r\n\r\n{body}"));
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

/// A report with the fixture's organization, extra front matter and a body.
pub fn minimal_report(front: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"T\"\norganization: alpha\nyear: 2024\npublished: 2024\nkind: annual-progress\n{front}---\n\n{body}\n"
    )
}

/// The spare tree beside the output: the build before the last one, which the next
/// build updates into its own tree.
pub fn spare(site: &Site) -> PathBuf {
    site.root.join(".public.wsis-staging")
}

/// The build's own names beside the output that a finished build must not leave: any
/// name containing `.wsis-` but the spare, which must be a folder (not a link) with a
/// marker, and the incremental build's cache and reports file and the output's lock,
/// which must be regular files, and the record of the trees' folders, a folder.
pub fn leftovers(site: &Site) -> Vec<String> {
    let spare = spare(site);
    let valid_spare = fs::symlink_metadata(&spare).is_ok_and(|m| m.is_dir())
        && fs::symlink_metadata(spare.join(".wsis-output")).is_ok_and(|m| m.is_file());
    let valid_cache =
        fs::symlink_metadata(site.root.join(".public.wsis-cache")).is_ok_and(|m| m.is_file());
    fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".wsis-"))
        .filter(|n| !(valid_spare && n == ".public.wsis-staging"))
        .filter(|n| !(valid_cache && n == ".public.wsis-cache"))
        .filter(|n| {
            !((n == ".public.wsis-reports"
                || n == ".public.wsis-search"
                || n == ".public.wsis-cache-data"
                || n == ".public.wsis-lock")
                && fs::symlink_metadata(site.root.join(n)).is_ok_and(|m| m.is_file()))
        })
        .filter(|n| {
            !(n == ".public.wsis-folders"
                && fs::symlink_metadata(site.root.join(n)).is_ok_and(|m| m.is_dir()))
        })
        .collect()
}

/// The files of the spare (see [`snapshot`]), but its marker.
pub fn spare_state(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let mut files = snapshot(&spare(site));
    files.remove(".wsis-output");
    files
}

/// The output's files and contents, but the marker, whose manifest records times.
pub fn output_state(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let mut files = snapshot(&site.root.join("public"));
    assert!(
        files.remove(".wsis-output").is_some(),
        "the output has no marker"
    );
    files
}

/// The citation files a page offers for download, decoded from the `data:` addresses
/// that carry them, in base64 or percent-encoded: its BibTeX and its CSL-JSON. Panics
/// unless the page offers exactly one of each.
pub fn cite_files(html: &str) -> (String, String) {
    use base64::Engine as _;
    let one = |mime: &str| {
        let start = format!("href=\"data:{mime};charset=utf-8");
        let found: Vec<&str> = html
            .match_indices(&start)
            .map(|(at, _)| {
                let rest = &html[at + start.len()..];
                &rest[..rest.find('"').expect("a closing quote")]
            })
            .collect();
        assert_eq!(found.len(), 1, "one {mime} file offered");
        let bytes = match found[0].strip_prefix(";base64,") {
            Some(b64) => base64::engine::general_purpose::STANDARD
                .decode(b64)
                .unwrap_or_else(|e| panic!("{mime}: not base64: {e}")),
            None => {
                let text = found[0].strip_prefix(',').expect("a comma after the type");
                percent_encoding::percent_decode_str(text).collect()
            }
        };
        String::from_utf8(bytes).expect("UTF-8")
    };
    (
        one("application/x-bibtex"),
        one("application/vnd.citationstyles.csl+json"),
    )
}
