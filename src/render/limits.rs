//! Bounds on the work of rendering one page, so that no theme can hang a build or fill
//! the memory: Tera 2 renders a template to the end and cannot be stopped from
//! outside, and a loop that writes nothing is never stopped by a limit on output
//! alone. So every loop iteration and component body calls [`tick`] (inserted by
//! `scan::instrument`), which fails the render past [`MAX_STEPS`] calls or
//! [`MAX_TIME`], and the output goes through a writer that fails past [`MAX_OUTPUT`].

use std::cell::Cell;
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// Loop iterations and component calls one page may make, all loops and included
/// templates together: the default theme's largest loop, the sitemap's, makes one per
/// page of the site, about 110,000 for 100,000 reports.
pub(crate) const MAX_STEPS: u64 = 10_000_000;
/// The size of one rendered page: the largest page of a 100,000-report site, its
/// sitemap, is about 10 MB.
pub(crate) const MAX_OUTPUT: usize = 64 << 20;
/// The time one page may take, for loops whose iterations each do much work; checked
/// every 1,024 loop iterations and component calls.
pub(crate) const MAX_TIME: Duration = Duration::from_secs(30);

/// What one render may still do.
#[derive(Debug, Clone, Copy)]
struct Budget {
    steps: u64,
    steps_left: u64,
    deadline: Instant,
}

thread_local! {
    /// The budget of the page rendering on this thread. A page renders on one thread
    /// from start to end (Tera runs includes and components inline), while several
    /// pages render at once on other threads, so the budget is per thread.
    static BUDGET: Cell<Option<Budget>> = const { Cell::new(None) };
}

/// Why a render stopped.
#[derive(Debug)]
pub(super) enum Failure {
    /// The template failed, or ran out of steps or time (see [`tick`]).
    Template(tera::Error),
    /// The page grew past [`MAX_OUTPUT`].
    TooLarge,
}

/// Renders `template` under the page limits.
pub(super) fn render(
    tera: &tera::Tera,
    template: &str,
    context: &tera::Context,
) -> Result<String, Failure> {
    render_within(tera, template, context, max_steps(), MAX_TIME, MAX_OUTPUT)
}

/// [`MAX_STEPS`]; debug builds take a lower limit from `WSIS_TEST_MAX_STEPS`, so that
/// the integration tests reach it in a second: an unoptimised Tera takes a minute for
/// 10,000,000 steps. Release builds have no such switch.
fn max_steps() -> u64 {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("WSIS_TEST_MAX_STEPS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return n;
    }
    MAX_STEPS
}

fn render_within(
    tera: &tera::Tera,
    template: &str,
    context: &tera::Context,
    steps: u64,
    time: Duration,
    output: usize,
) -> Result<String, Failure> {
    let budget = Budget {
        steps,
        steps_left: steps,
        deadline: Instant::now() + time,
    };
    let outer = BUDGET.replace(Some(budget));
    let mut sink = Capped {
        bytes: Vec::with_capacity(16 * 1024),
        limit: output,
        over: false,
    };
    let result = tera.render_to(template, context, &mut sink);
    BUDGET.set(outer);
    match result {
        Err(_) if sink.over => Err(Failure::TooLarge),
        Err(e) => Err(Failure::Template(e)),
        // Tera writes only UTF-8 text.
        Ok(()) => String::from_utf8(sink.bytes)
            .map_err(|e| Failure::Template(tera::Error::message(e.to_string()))),
    }
}

/// The function every loop iteration and component body calls: counts a step, and
/// fails the render once the page has none or no time left. Writes nothing.
pub(super) fn tick(_: tera::Kwargs, _: &tera::State) -> tera::TeraResult<&'static str> {
    let Some(mut budget) = BUDGET.get() else {
        return Ok("");
    };
    if budget.steps_left == 0 {
        return Err(tera::Error::message(format!(
            "this loop makes the page run more than {} loop iterations and component \
             calls, the limit for one page",
            crate::format::value(budget.steps as f64, &crate::model::Unit::Count)
        )));
    }
    budget.steps_left -= 1;
    // Reading the clock costs more than a step; every 1,024th will do.
    if budget.steps_left % 1024 == 0 && Instant::now() > budget.deadline {
        return Err(tera::Error::message(format!(
            "the page is still rendering after {} seconds, the limit for one page; \
             this loop was running",
            MAX_TIME.as_secs()
        )));
    }
    BUDGET.set(Some(budget));
    Ok("")
}

/// A writer that fails once more than `limit` bytes were written, which stops Tera.
struct Capped {
    bytes: Vec<u8>,
    limit: usize,
    over: bool,
}

impl Write for Capped {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.bytes.len() + data.len() > self.limit {
            self.over = true;
            return Err(io::Error::other("the page is too large"));
        }
        self.bytes.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(template: &str) -> tera::Tera {
        let mut tera = tera::Tera::new();
        tera.register_function(super::super::scan::TICK, tick);
        let text = super::super::scan::instrument(template).unwrap().text;
        tera.add_raw_template("t", &text).unwrap();
        tera
    }

    fn run(template: &str, time: Duration) -> Result<String, Failure> {
        render_within(
            &engine(template),
            "t",
            &tera::Context::new(),
            1000,
            time,
            100,
        )
    }

    #[test]
    fn steps_output_and_time_are_bounded() {
        let day = Duration::from_secs(86_400);
        let nested = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}";
        match run(nested, day) {
            Err(Failure::Template(e)) => assert!(format!("{e:?}").contains("more than")),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            run("{% for i in range(end=50) %}xxx{% endfor %}", day),
            Err(Failure::TooLarge)
        ));
        assert_eq!(
            run("{% for i in range(end=3) %}{{ i }}{% endfor %}", day).unwrap(),
            "012"
        );
        match run(nested, Duration::ZERO) {
            Err(Failure::Template(e)) => assert!(format!("{e:?}").contains("seconds")),
            other => panic!("{other:?}"),
        }
        // A recursive component without loops counts too.
        let tree = "{% component t(n) %}{% if n > 0 %}{{ <t n={n - 1} /> }}{{ <t n={n - 1} /> }}{% endif %}{% endcomponent t %}{{ <t n={19} /> }}";
        assert!(matches!(run(tree, day), Err(Failure::Template(_))));
    }
}
