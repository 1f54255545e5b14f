#!/usr/bin/env bash
# Build benchmark: wsis against Hugo on the same synthetic corpus, side by side in one
# run, alternating, medians of several runs. Prints wall time, CPU time and peak RSS
# for both and their ratios.
#
#   bench/build.sh [REPORTS ...]          default: 1000 10000
#
# By default both tools build over their previous output, as an editor does. With
# FRESH=1 every run builds into an empty folder (the previous output is moved aside
# first, untimed), as a CI job does.
#
# Needs ../shared/bench/gen_corpus.py (beside the repository), /usr/bin/time and
# Debian's hugo (installed with apt-get when missing). Uses the release binary
# (built first). Corpora go to ${BENCH_DIR:-/tmp/wsis-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-/tmp/wsis-bench}
GEN=${GEN:-../shared/bench/gen_corpus.py}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --locked -q
WSIS=$PWD/target/release/wsis
mkdir -p "$DIR"

# Runs a command under /usr/bin/time; prints "wall cpu rss_kb". Both tools build over
# their previous output, as an editor does (the first of the runs is a fresh build).
measure() {
    local log
    log=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>&1
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$log"
    rm -f "$log"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf "%-8s %-6s %9s %9s %10s\n" reports tool wall_s cpu_s peak_MiB
for n in "${sizes[@]}"; do
    for fmt in wsis hugo; do
        [ -d "$DIR/$fmt-$n" ] || python3 "$GEN" --seed 42 --reports "$n" --format "$fmt" "$DIR/$fmt-$n" >/dev/null
    done
    : >"$DIR/wsis-$n.times"
    : >"$DIR/hugo-$n.times"
    for _ in $(seq "$RUNS"); do
        if [ -n "${FRESH:-}" ]; then
            for fmt in wsis hugo; do
                for out in "$DIR/$fmt-$n/public" "$DIR/$fmt-$n/$fmt-$n/public"; do
                    [ -d "$out" ] && mv "$out" "$DIR/trash.$RANDOM$RANDOM"
                done
            done
        fi
        measure "$WSIS" build --root "$DIR/wsis-$n" --output "$DIR/wsis-$n/public" >>"$DIR/wsis-$n.times"
        measure hugo --quiet --source "$DIR/hugo-$n" --destination "$DIR/hugo-$n/public" >>"$DIR/hugo-$n.times"
    done
    for tool in wsis hugo; do
        f="$DIR/$tool-$n.times"
        wall=$(cut -d' ' -f1 "$f" | median)
        cpu=$(cut -d' ' -f2 "$f" | median)
        rss=$(cut -d' ' -f3 "$f" | median)
        printf "%-8s %-6s %9s %9s %10.0f\n" "$n" "$tool" "$wall" "$cpu" "$((rss / 1024))"
        eval "${tool}_wall=$wall ${tool}_rss=$rss"
    done
    awk -v a="$wsis_wall" -v b="$hugo_wall" -v c="$wsis_rss" -v d="$hugo_rss" -v n="$n" \
        'BEGIN { printf "%-8s ratio  wall %.2fx Hugo, peak memory %.2fx Hugo\n", n, a / b, c / d }'
    echo "$n $wsis_wall" >>"$DIR/scaling"
done
# The outputs moved aside by FRESH=1 runs, removed once nothing is being measured.
if [ -n "${FRESH:-}" ]; then rm -rf "$DIR"/trash.*; fi
