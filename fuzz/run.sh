#!/usr/bin/env bash
# Fuzzes each target for a bounded time on stable Rust; exits non-zero on a crash,
# a timeout (hang) or an out-of-memory input.
#
#   bash fuzz/run.sh [SECONDS_PER_TARGET]    (default 60)
#
# Stable Rust has no -Zsanitizer, so targets are built with `--sanitizer none`:
# libFuzzer's coverage instrumentation (-Cpasses=sancov-module, -Cllvm-args) is
# stable, so no nightly and no RUSTC_BOOTSTRAP are needed. Panics abort and are
# caught as crashes; a stack overflow aborts too. Crash inputs land in
# fuzz/artifacts/<target>/; full logs in fuzz/artifacts/<target>.log.
# Honours CARGO_TARGET_DIR (default: fuzz/target).
set -euo pipefail

CARGO_FUZZ_VERSION=0.13.2
TARGETS=(report organization chart nested import)
secs=${1:-60}
[[ $secs =~ ^[0-9]+$ && $secs -gt 0 ]] || { echo "usage: $0 [SECONDS_PER_TARGET]" >&2; exit 2; }

cd "$(dirname "$0")"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
fi
echo "fuzz: $(cargo fuzz --version), $(rustc --version)"

# Build against the versions the main package pins (plus libfuzzer-sys).
cp ../Cargo.lock Cargo.lock

export RUST_BACKTRACE=1
echo "fuzz: building targets (sanitizer none)"
cargo fuzz build --sanitizer none

mkdir -p artifacts
status=0
for target in "${TARGETS[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    log="artifacts/$target.log"
    rc=0
    # The outer timeout is a backstop only: libFuzzer stops itself at -max_total_time.
    timeout --kill-after=30 $((secs + 300)) \
        cargo fuzz run --sanitizer none "$target" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1 || rc=$?
    runs=$(sed -n 's/^Done \([0-9]*\) runs in .*/\1/p' "$log" | tail -n 1)
    if [[ $rc -eq 0 ]]; then
        echo "fuzz $target: ${runs:-?} runs, no crash"
    else
        status=1
        kind=$(grep -m1 -oE "ERROR: libFuzzer: .*|thread '.*' panicked at .*|has overflowed its stack" "$log" || true)
        echo "fuzz $target: FAILED (exit $rc) ${kind:-see log}"
        grep -E 'Test unit written to|panicked at|has overflowed its stack' "$log" | head -n 5 || true
        echo "--- last lines of $log ---"
        # Skip progress lines, the dictionary and the input's byte dump.
        grep -vE '^(#[0-9]+|")|^\s*\[[0-9, ]*\]?$' "$log" | cut -c1-300 | tail -n 60
        echo "--- reproduce: cd fuzz && cargo fuzz run --sanitizer none $target artifacts/$target/<file>"
    fi
done
exit "$status"
