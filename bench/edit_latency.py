#!/usr/bin/env python3
"""Edit-to-visible latency of `wsis serve`: the time from saving a report to the
served page showing the change, as a browser's reload would fetch it.

    bench/edit_latency.py [--edits 7] [--wsis target/release/wsis] [--log FILE] SITE_ROOT

Starts `wsis serve --port 0` on a copy-free site root (it edits one report in place and
restores it at the end), appends a unique sentence to a report several times, and
polls the report's page until the sentence is there. Prints each latency and the
median. `--log FILE` keeps the server's error output (with `WSIS_TIMINGS=1` in the
environment, where each rebuild's time goes). Python 3 standard library only.
"""

import argparse
import pathlib
import re
import statistics
import subprocess
import sys
import time
import urllib.request


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=pathlib.Path)
    ap.add_argument("--edits", type=int, default=7)
    ap.add_argument("--wsis", default="target/release/wsis")
    ap.add_argument("--log", type=pathlib.Path, help="file for the server's error output")
    args = ap.parse_args()

    reports = sorted((args.root / "content" / "reports").glob("*.md"))
    if not reports:
        print("no reports under", args.root, file=sys.stderr)
        return 2
    report = reports[len(reports) // 2]
    original = report.read_text(encoding="utf-8")
    slug = report.stem

    started = time.monotonic()
    log = open(args.log, "w", encoding="utf-8") if args.log else subprocess.DEVNULL
    server = subprocess.Popen(
        [args.wsis, "serve", "--port", "0", "--root", str(args.root)],
        stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        port = None
        for line in server.stdout:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        if port is None:
            print("the server did not start", file=sys.stderr)
            return 1
        print(f"initial build and start: {time.monotonic() - started:.2f} s")
        url = f"http://127.0.0.1:{port}/reports/{slug}/"
        latencies = []
        for i in range(args.edits):
            token = f"Benchmark edit {i} {time.time_ns()}."
            t0 = time.monotonic()
            report.write_text(original + f"\n{token}\n", encoding="utf-8")
            while True:
                with urllib.request.urlopen(url) as r:
                    if token in r.read().decode("utf-8"):
                        break
                if time.monotonic() - t0 > 30:
                    print("the edit did not show within 30 s", file=sys.stderr)
                    return 1
                time.sleep(0.002)
            latencies.append(time.monotonic() - t0)
            print(f"edit {i + 1}: {latencies[-1] * 1000:.0f} ms")
            # Let the server settle (the rest of the partial rebuild, the data files and
            # the search index) before the next save, as between an editor's saves.
            time.sleep(2.5)
        print(f"median edit-to-visible latency: {statistics.median(latencies) * 1000:.0f} ms "
              f"({len(reports)} reports, report {slug})")
    finally:
        report.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
