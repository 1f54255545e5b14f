//! The timing lines `WSIS_TIMINGS` prints: how long each stage of a build took, the
//! memory held after it, and the process's CPU time and page faults during it.
//!
//! Wall time swings with the machine's load (and, for stages run on several threads,
//! says nothing of the work done); the CPU time a stage cost and the pages it touched
//! for the first time do not, so stages can be compared between builds of different
//! sizes on a shared machine. They are the whole process's: a stage running beside
//! another (the pages beside the data files and search index) is charged for both.

use std::time::Instant;

/// Whether `WSIS_TIMINGS` is set: the build then prints how long its stages took.
pub(crate) fn timings() -> bool {
    std::env::var_os("WSIS_TIMINGS").is_some()
}

/// When a stage began: the wall clock and, when the timing lines are printed and
/// `/proc` says, the process's CPU time and faults so far.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Started {
    at: Instant,
    usage: Option<Usage>,
}

impl Started {
    /// Now; `/proc` is read only when the timing lines will be printed.
    pub(crate) fn now() -> Self {
        Started {
            at: Instant::now(),
            usage: timings().then(Usage::now).flatten(),
        }
    }
}

/// The start of a stage [`timing`] measures from: a bare [`Instant`] gives the wall
/// time only, a [`Started`] the CPU time and faults too.
pub(crate) trait Since {
    /// The wall clock at the start.
    fn at(&self) -> Instant;
    /// The process's usage at the start, when it was read.
    fn usage(&self) -> Option<Usage> {
        None
    }
}

impl Since for Instant {
    fn at(&self) -> Instant {
        *self
    }
}

impl Since for Started {
    fn at(&self) -> Instant {
        self.at
    }
    fn usage(&self) -> Option<Usage> {
        self.usage
    }
}

/// Prints how long a stage took when `WSIS_TIMINGS` is set, for profiling builds:
/// `timing: STAGE: N ms (rss N MiB, peak N MiB)`, then, when the stage's start says
/// its usage, `; cpu N ms user, N ms sys, N minor faults, N major faults`. The first
/// part is as it was before the CPU time was added, for scripts that read it.
pub(crate) fn timing(stage: &str, since: impl Since) {
    if timings() {
        let cpu = match (since.usage(), Usage::now()) {
            (Some(before), Some(after)) => after.since(before).to_string(),
            _ => String::new(),
        };
        eprintln!(
            "timing: {stage}: {} ms{}{cpu}",
            since.at().elapsed().as_millis(),
            memory()
        );
    }
}

/// Prints a count the build arrived at when `WSIS_TIMINGS` is set, for profiling.
pub(crate) fn stat(what: &str, n: usize) {
    if timings() {
        eprintln!("timing: {what}: {n}");
    }
}

/// The resident memory now and at its peak so far, as ` (rss N MiB, peak N MiB)`,
/// for the timing lines: which stage raises the peak is what a memory profile of a
/// build first asks. Empty where `/proc` does not say (other systems than Linux).
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let kib = |field: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    };
    match (kib("VmRSS:"), kib("VmHWM:")) {
        (Some(rss), Some(peak)) => format!(" (rss {} MiB, peak {} MiB)", rss / 1024, peak / 1024),
        _ => String::new(),
    }
}

/// The process's CPU time (in clock ticks) and page faults so far, from
/// `/proc/self/stat` (the crate has no `getrusage` without unsafe code).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Usage {
    minor_faults: u64,
    major_faults: u64,
    user_ticks: u64,
    system_ticks: u64,
}

impl Usage {
    /// This process's usage so far; `None` where `/proc` does not say.
    fn now() -> Option<Usage> {
        Usage::parse(&std::fs::read_to_string("/proc/self/stat").ok()?)
    }

    /// Reads a `/proc/PID/stat` line (proc(5)): the fields are counted after the
    /// command's name, which is in parentheses and may hold spaces and parentheses.
    fn parse(stat: &str) -> Option<Usage> {
        let rest = &stat[stat.rfind(')')? + 1..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // After the name: state (3), ..., minflt (10), cminflt, majflt (12), cmajflt,
        // utime (14), stime (15).
        let field = |n: usize| fields.get(n - 3)?.parse::<u64>().ok();
        Some(Usage {
            minor_faults: field(10)?,
            major_faults: field(12)?,
            user_ticks: field(14)?,
            system_ticks: field(15)?,
        })
    }

    /// What was used from `before` to this.
    fn since(self, before: Usage) -> Usage {
        Usage {
            minor_faults: self.minor_faults.saturating_sub(before.minor_faults),
            major_faults: self.major_faults.saturating_sub(before.major_faults),
            user_ticks: self.user_ticks.saturating_sub(before.user_ticks),
            system_ticks: self.system_ticks.saturating_sub(before.system_ticks),
        }
    }
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |ticks: u64| ticks * 1000 / ticks_per_second();
        write!(
            f,
            "; cpu {} ms user, {} ms sys, {} minor faults, {} major faults",
            ms(self.user_ticks),
            ms(self.system_ticks),
            self.minor_faults,
            self.major_faults
        )
    }
}

/// The clock ticks in a second `/proc/self/stat` counts CPU time in (`USER_HZ`).
fn ticks_per_second() -> u64 {
    #[cfg(unix)]
    let hz = rustix::param::clock_ticks_per_second();
    // Linux's USER_HZ everywhere it is not said otherwise.
    #[cfg(not(unix))]
    let hz: u64 = 100;
    hz.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A real line of a process named with a space and parentheses, as proc(5) allows.
    const STAT: &str = "4242 (wsis (x) y) R 1 4242 4242 0 -1 4194304 \
        123456 0 7 0 2500 310 0 0 20 0 3 0 100 2000000 500 18446744073709551615";

    #[test]
    fn a_stat_line_is_read_after_the_name() {
        assert_eq!(
            Usage::parse(STAT),
            Some(Usage {
                minor_faults: 123456,
                major_faults: 7,
                user_ticks: 2500,
                system_ticks: 310,
            })
        );
    }

    #[test]
    fn a_short_or_garbled_line_is_not_read() {
        assert_eq!(Usage::parse("4242 (wsis) R 1 2 3"), None);
        assert_eq!(Usage::parse("no name here"), None);
    }

    #[test]
    fn a_stage_is_charged_what_was_used_during_it() {
        let before = Usage::parse(STAT).unwrap();
        let after = Usage {
            minor_faults: 123500,
            major_faults: 7,
            user_ticks: 2600,
            system_ticks: 320,
        };
        let used = after.since(before);
        assert_eq!(
            (
                used.minor_faults,
                used.major_faults,
                used.user_ticks,
                used.system_ticks
            ),
            (44, 0, 100, 10)
        );
        let hz = ticks_per_second();
        assert_eq!(
            used.to_string(),
            format!(
                "; cpu {} ms user, {} ms sys, 44 minor faults, 0 major faults",
                100 * 1000 / hz,
                10 * 1000 / hz
            )
        );
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn timing_lines_say_the_memory_used() {
        let m = memory();
        assert!(m.starts_with(" (rss ") && m.contains(" MiB, peak "), "{m}");
    }

    #[test]
    fn this_process_says_its_usage_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(Usage::now().is_some());
        }
    }
}
