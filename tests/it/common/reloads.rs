//! The dev server's live-reload events as a page receives them: a test waits for the
//! event that names a page, rather than polling the page and guessing how long the
//! rest of a rebuild takes.

use std::io::{BufRead, BufReader, Write};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// An open `/__wsis/events` stream, as the live-reload script of the page `viewing`
/// opens it; every `reload` event's data (a JSON list of paths, or `"*"`) is kept in
/// the order received.
pub struct Reloads {
    events: Arc<(Mutex<Vec<String>>, Condvar)>,
    /// How many events the test has taken.
    taken: usize,
}

impl Reloads {
    /// Opens the stream on `port` as the script of the page `viewing` does (without
    /// naming a page if `None`), and returns once the server has answered: from then
    /// on no event is missed.
    pub fn open(port: u16, viewing: Option<&str>) -> Reloads {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let query: String = match viewing {
            Some(page) => format!("?page={}", encode(page)),
            None => String::new(),
        };
        write!(
            stream,
            "GET /__wsis/events{query} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.contains(" 200 "), "the event stream: {status}");
        let events = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
        let sink = Arc::clone(&events);
        std::thread::spawn(move || {
            let mut name = String::new();
            for line in reader.lines().map_while(Result::ok) {
                // The body is chunked: chunk sizes and blank lines are not fields.
                if let Some(v) = line.strip_prefix("event:") {
                    name = v.trim().to_string();
                } else if let Some(v) = line.strip_prefix("data:")
                    && name == "reload"
                {
                    let (list, ready) = &*sink;
                    list.lock().unwrap().push(v.trim().to_string());
                    ready.notify_all();
                }
            }
        });
        Reloads { events, taken: 0 }
    }

    /// Waits at most `limit` for an event naming `page` (or every page, `"*"`);
    /// returns the events received since the last call, that one last.
    pub fn wait_for(&mut self, page: &str, limit: Duration) -> Vec<String> {
        self.take(limit, &format!("a reload of {page}"), |e| names(e, page))
    }

    /// Waits at most `limit` for the next event, whatever it names.
    pub fn next(&mut self, limit: Duration) -> String {
        self.take(limit, "an event", |_| true).remove(0)
    }

    /// Waits at most `limit` for an event `want` accepts, among those not yet taken;
    /// takes it and those before it.
    fn take(&mut self, limit: Duration, what: &str, want: impl Fn(&str) -> bool) -> Vec<String> {
        let (list, ready) = &*self.events;
        let started = Instant::now();
        let mut events = list.lock().unwrap();
        loop {
            if let Some(at) = events[self.taken..].iter().position(|e| want(e)) {
                let taken = events[self.taken..=self.taken + at].to_vec();
                self.taken += at + 1;
                return taken;
            }
            let left = limit
                .checked_sub(started.elapsed())
                .unwrap_or_else(|| panic!("no {what} within {limit:?}; events so far: {events:?}"));
            events = ready.wait_timeout(events, left).unwrap().0;
        }
    }
}

/// `text` percent-encoded as `encodeURIComponent` does, but for `/`, kept.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Whether the reload event `data` names `page`.
pub fn names(data: &str, page: &str) -> bool {
    if data == "\"*\"" {
        return true;
    }
    serde_json::from_str::<Vec<String>>(data).is_ok_and(|pages| pages.iter().any(|p| p == page))
}
