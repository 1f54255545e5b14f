//! What building the pages' contexts cost, by kind of page, for the timing lines
//! (`WSIS_TIMINGS`): an incremental build keeps most pages without a context, and
//! which kinds it still builds, and at what cost, is what profiling it first asks.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use super::Job;

/// Pages whose context was built, and the time it took, by kind (`Metric`, `Year`).
static COSTS: Mutex<BTreeMap<String, (usize, Duration)>> = Mutex::new(BTreeMap::new());

/// Counts one context of `job` built in `took`.
pub(super) fn add(job: Job, took: Duration) {
    let name = format!("{job:?}");
    let kind = name.split('(').next().unwrap_or_default().to_string();
    let mut costs = crate::pipeline::lock(&COSTS);
    let (count, total) = costs.entry(kind).or_default();
    *count += 1;
    *total += took;
}

/// Prints, and forgets, the contexts counted since the last call, the costliest kind
/// first.
pub(crate) fn report() {
    let mut costs: Vec<(String, (usize, Duration))> =
        std::mem::take(&mut *crate::pipeline::lock(&COSTS))
            .into_iter()
            .collect();
    costs.sort_by_key(|(_, (_, took))| std::cmp::Reverse(*took));
    for (kind, (count, took)) in costs {
        eprintln!(
            "timing:   contexts of {kind} pages: {count} built in {} ms (summed over threads)",
            took.as_millis()
        );
    }
}
