#!/usr/bin/env bash
# Build benchmark, one command: wsis against Hugo on the same synthetic corpus, each
# size built side by side in one run (alternating, medians of several runs), then one
# incremental wsis build after a one-sentence edit. Ratios are only meaningful between
# tools measured in the same run: the machine's speed varies from run to run.
#
#   bench/run.sh [REPORTS ...]          default: 1000 10000 100000
#
# Every comparison build goes into an empty folder (the previous output is moved aside
# first, untimed), its sources read once beforehand (in the page cache, as a site just
# checked out is), as a CI job does; with OVER=1 both tools build over their previous
# output instead, as an editor does. When `wsis build` has a `--fresh` flag (a build
# that ignores any incremental cache) the fresh builds pass it.
#
# The incremental case: after each fresh wsis build, one sentence is appended to one
# report and `wsis build` runs over that output (the report restored after): the
# median of these first edits is printed as a fraction of the fresh builds' median.
# Then, after the comparison runs (and Hugo's last build), another sentence is
# appended, `wsis build` runs once more over its output, and its wall time is printed
# as a fraction of the fresh build's median; then a second sentence and a second build
# (the steady state of an edit loop). The report is restored afterwards.
#
# Then, unless SERVE=0, `wsis serve` on the same corpus: the median time from saving a
# report to its served page showing the edit (bench/edit_latency.py).
#
# Environment: RUNS (default 3; 100,000 reports always run once), BENCH_DIR (corpora,
# default /tmp/wsis-bench), GEN (the generator, default ../shared/bench/gen_corpus.py).
# The wsis builds run with WSIS_TIMINGS=1, their stage lines kept in
# $BENCH_DIR/wsis-N.stages (each build's headed by what it was), to see afterwards
# where a slow run's time went (the lines cost a few milliseconds a build).
# Needs /usr/bin/time and Debian's hugo (installed with apt-get when missing). Uses the
# release binary (built first).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-/tmp/wsis-bench}
GEN=${GEN:-../shared/bench/gen_corpus.py}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)

command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --locked -q
WSIS=$PWD/target/release/wsis
fresh_flag=()
if "$WSIS" build --help | grep -q -- '--fresh'; then fresh_flag=(--fresh); fi
mkdir -p "$DIR"

# Runs a command under /usr/bin/time; prints "wall cpu rss_kb". Its standard error
# goes to the file named by $STAGES (default: nowhere). Returns the command's status,
# printing nothing when it failed.
measure() {
    local log status=0
    log=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>>"${STAGES:-/dev/null}" || status=$?
    [ "$status" -ne 0 ] || awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$log"
    rm -f "$log"
    return "$status"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Appends the text $2 (and a newline) to $report, then builds corpus $n over its
# output with its stage lines headed "== $1"; prints what `measure` prints.
edit_build() {
    printf '%s\n' "$2" >>"$report"
    echo "== $1" >>"$stages"
    WSIS_TIMINGS=1 STAGES=$stages measure "$WSIS" build --root "$DIR/wsis-$n" \
        --output "$DIR/wsis-$n/public"
}

# Moves tool $1's output for corpus size $2 aside, so the next build starts empty: with
# wsis's spare tree and incremental cache beside it, which a build would otherwise
# reuse (writing only the files that changed).
set_aside() {
    local out
    for out in "$DIR/$1-$2/public" "$DIR/$1-$2/.public.wsis-staging" "$DIR/$1-$2/.public.wsis-cache" \
        "$DIR/$1-$2/.public.wsis-spare"; do
        if [ -e "$out" ]; then mv "$out" "$DIR/trash.$RANDOM$RANDOM"; fi
    done
}

# Reads every source file under the folders given (not their outputs) into the page cache.
warm() {
    local d
    for d in "$@"; do
        find "$d" -path "$d/public" -prune -o -path "$d/.public*" -prune -o -type f -print0 |
            xargs -0 cat >/dev/null
    done
}

printf "%-8s %-6s %9s %9s %10s\n" reports tool wall_s cpu_s peak_MiB
for n in "${sizes[@]}"; do
    for fmt in wsis hugo; do
        [ -d "$DIR/$fmt-$n" ] || python3 "$GEN" --seed 42 --reports "$n" --format "$fmt" "$DIR/$fmt-$n" >/dev/null
    done
    runs=$RUNS
    [ "$n" -lt 100000 ] || runs=1
    # Both corpora read once, untimed, so neither tool's first build waits for the
    # disk: 100,000 reports are built once, and a corpus last read before Hugo's
    # 20 GiB build of them may have left the page cache (the load stage of a cold
    # 100,000-report build was 20-34 s against 8-16 s warm on this machine).
    warm "$DIR/wsis-$n" "$DIR/hugo-$n"
    : >"$DIR/wsis-$n.times"
    : >"$DIR/hugo-$n.times"
    : >"$DIR/hugo-$n.log"
    stages="$DIR/wsis-$n.stages"
    : >"$stages"
    : >"$DIR/wsis-$n.first"
    # The report the edits append to. (sed reads to the end: `head` would stop `sort`
    # with SIGPIPE, a failure under pipefail.)
    report=$(find "$DIR/wsis-$n/content/reports" -name '*.md' | sort | sed -n 1p)
    saved=$(mktemp)
    cp -p "$report" "$saved"
    # Should a build fail (set -e), the report is restored all the same.
    trap 'cp -p "$saved" "$report"; rm -f "$saved"' EXIT
    for _ in $(seq "$runs"); do
        if [ -z "${OVER:-}" ]; then
            set_aside wsis "$n"
            set_aside hugo "$n"
        fi
        echo "== fresh build" >>"$stages"
        WSIS_TIMINGS=1 STAGES=$stages measure "$WSIS" build --root "$DIR/wsis-$n" \
            --output "$DIR/wsis-$n/public" "${fresh_flag[@]}" >>"$DIR/wsis-$n.times"
        # The first edit after each fresh build, as an editor's: one sentence appended
        # to one report, a build over the output, the report restored.
        edit_build "one report edited after the fresh build" \
            $'\nA sentence appended by the benchmark after a fresh build.' >>"$DIR/wsis-$n.first"
        cp -p "$saved" "$report"
        # Hugo failing does not stop the run (at 100,000 reports it needs over 20 GiB,
        # and the kernel may kill it): its row says so, and wsis's rows still print.
        status=0
        STAGES="$DIR/hugo-$n.log" measure hugo --quiet --source "$DIR/hugo-$n" \
            --destination "$DIR/hugo-$n/public" >>"$DIR/hugo-$n.times" || status=$?
        [ "$status" -eq 0 ] || echo "failed $status" >>"$DIR/hugo-$n.times"
    done
    for tool in wsis hugo; do
        f="$DIR/$tool-$n.times"
        if grep -q '^failed' "$f"; then
            code=$(grep -m1 '^failed' "$f" | cut -d' ' -f2)
            why=""
            [ "$code" != 137 ] || why=" (killed, as by the out-of-memory killer)"
            # One failed run of several leaves no median: the row says it failed.
            printf "%-8s %-6s failed: exit status %s%s, its messages in %s\n" \
                "$n" "$tool" "$code" "$why" "$DIR/$tool-$n.log"
            eval "${tool}_wall= ${tool}_rss="
            continue
        fi
        wall=$(cut -d' ' -f1 "$f" | median)
        cpu=$(cut -d' ' -f2 "$f" | median)
        rss=$(cut -d' ' -f3 "$f" | median)
        printf "%-8s %-6s %9s %9s %10.0f\n" "$n" "$tool" "$wall" "$cpu" "$((rss / 1024))"
        eval "${tool}_wall=$wall ${tool}_rss=$rss"
    done
    if [ -n "$hugo_wall" ]; then
        awk -v a="$wsis_wall" -v b="$hugo_wall" -v c="$wsis_rss" -v d="$hugo_rss" -v n="$n" \
            'BEGIN { printf "%-8s ratio  wall %.2fx Hugo, peak memory %.2fx Hugo\n", n, a / b, c / d }'
    else
        printf "%-8s ratio  none: Hugo failed\n" "$n"
    fi
    first=$(cut -d' ' -f1 "$DIR/wsis-$n.first" | median)
    awk -v n="$n" -v first="$first" -v fresh="$wsis_wall" -v runs="$runs" 'BEGIN {
        printf "%-8s incremental  first edit after each fresh build: %s s (median of %d), %.2fx the fresh build\n",
            n, first, runs, first / fresh
    }'

    # Incremental, after Hugo's last build: one sentence appended to one report (not
    # the one the edit after the fresh build appended, which the output still shows),
    # then a build over the output. The sources read again: Hugo's build of the same size,
    # just before, may have pushed them out of the page cache.
    warm "$DIR/wsis-$n"
    inc=$(edit_build "one report edited" $'\nOne sentence appended by the benchmark.')
    # A second edit, as an editor's next save.
    again=$(edit_build "edited again" 'A second sentence appended by the benchmark.')
    cp -p "$saved" "$report"
    rm -f "$saved"
    trap - EXIT
    awk -v n="$n" -v inc="$inc" -v again="$again" -v fresh="$wsis_wall" 'BEGIN {
        split(inc, m, " ")
        printf "%-8s incremental  one report edited: %s s, %.2fx the fresh build, peak %.0f MiB\n",
            n, m[1], m[1] / fresh, m[3] / 1024
        split(again, m, " ")
        printf "%-8s incremental  edited again: %s s, %.2fx the fresh build, peak %.0f MiB\n",
            n, m[1], m[1] / fresh, m[3] / 1024
    }'
    # The dev server: the time from saving a report to its served page showing the
    # edit (bench/edit_latency.py); SERVE=0 skips it.
    if [ "${SERVE:-1}" != 0 ]; then
        { python3 bench/edit_latency.py --edits 5 --wsis "$WSIS" "$DIR/wsis-$n" 2>&1 ||
            echo "median edit-to-visible latency: failed"; } |
            sed -n 's/^median edit-to-visible latency: /serve    edit to visible page, median of 5: /p' |
            sed "s/^/$n /"
    fi
    echo "$n $wsis_wall" >>"$DIR/scaling"
done
# The ratios of build time between sizes, from this run's fresh builds.
awk '{ t[$1] = $2 } END {
    for (a in t) for (b in t) if (b + 0 == 10 * a)
        printf "%s/%s reports: time ratio %.1f\n", b, a, t[b] / t[a]
}' <(tail -n ${#sizes[@]} "$DIR/scaling")
# The outputs moved aside, removed once nothing is being measured.
rm -rf "$DIR"/trash.*
