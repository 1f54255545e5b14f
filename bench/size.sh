#!/usr/bin/env bash
# Output size: where the bytes of a built site go. Prints two tables: bytes per page
# kind (files, total, mean), then how one report page's bytes split (navigation and
# footer, language switcher and alternates, charts, citations, JSON-LD, whitespace,
# the rest).
#
#   bench/size.sh OUTPUT_DIR [REPORT_SLUG]
#
# OUTPUT_DIR is a built site (`wsis build --output OUTPUT_DIR`); REPORT_SLUG picks the
# report page to split (default: the first in name order). Needs find, awk and
# python3. Exits with 1 when an HTML page is over 1 MB (1,048,576 bytes).
set -euo pipefail
out=${1:?usage: bench/size.sh OUTPUT_DIR [REPORT_SLUG]}
cd "$out"

# One line per file: kind and size. The kind is the file's place in the site.
find . -type f -printf '%P %s\n' | awk '
function kind(p,   n, a) {
  n = split(p, a, "/")
  if (a[n] ~ /^cite\./) return "cite files (cite.json, cite.bib)"
  if (a[1] == "reports") return n > 2 ? "report pages" : "reports index"
  if (a[1] == "organizations") return n > 2 ? "organization pages" : "organizations index"
  if (a[1] == "action-lines") {
    if (n == 2) return "action lines index"
    if (a[3] ~ /^[0-9][0-9][0-9][0-9]$/) return "action line year pages"
    return "action line pages (and their sub-pages)"
  }
  if (a[1] == "metrics") return n > 2 ? "metric pages" : "metrics index"
  if (a[1] == "years") return n > 2 ? "year pages" : "years index"
  if (a[1] == "data") return "data/ (open data)"
  if (a[1] == "search") return "search/ (index and page)"
  if (a[1] == ".wsis-output") return "build manifest (.wsis-output)"
  if (a[1] == "sitemap.xml" || a[1] == "atom.xml" || a[1] == "robots.txt") return "sitemap, feed, robots"
  if (n == 1 && a[1] ~ /\.(css|js)$/) return "style and script"
  if (n == 1) return "home and 404"
  return "other: " a[1]
}
{ k = kind($1); files[k]++; bytes[k] += $2; total += $2; count++ }
END {
  printf "| output part | files | bytes | mean bytes | share |\n| --- | ---: | ---: | ---: | ---: |\n"
  for (k in bytes) rows[k] = bytes[k]
  # Sort by bytes, largest first (portable: selection sort over a few rows).
  m = 0; for (k in rows) keys[++m] = k
  for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (rows[keys[j]] > rows[keys[i]]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
  for (i = 1; i <= m; i++) { k = keys[i]; printf "| %s | %d | %d | %d | %.1f%% |\n", k, files[k], bytes[k], bytes[k] / files[k], 100 * bytes[k] / total }
  printf "| **total** | %d | %d | | |\n", count, total
}'

# Within one report page: each part's bytes, found by its markup in the default theme.
# Parts can nest (a figure's citation is inside the figures table); "rest" is what no
# part covers, counted once.
slug=${2:-$(ls reports | awk 'NR == 1')}
python3 - "reports/$slug/index.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
size = lambda s: len(s.encode())
parts = [
    ("<head> (title, description, Open Graph, citation tags)", r"<head>.*?</head>"),
    ("JSON-LD", r'<script type="application/ld\+json">.*?</script>'),
    ("site header, navigation, language switcher", r'<header class="site-header">.*?</header>'),
    ("breadcrumbs", r'<nav class="breadcrumbs".*?</nav>'),
    ("facts (organization, year, action lines)", r'<dl class="facts">.*?</dl>'),
    ("cite this report", r'<details class="cite-this">.*?</details>'),
    ("figures table", r'<section aria-labelledby="figures">.*?</section>'),
    ("  of which per-figure citations", r'<details class="cite">.*?</details>'),
    ("contents", r'<nav class="toc".*?</nav>'),
    ("report text", r'<div class="report-text".*?\n</div>'),
    ("comparison with the previous report", r'<section class="compare".*?</section>'),
    ("charts (inline SVG)", r"<svg.*?</svg>"),
    ("footer", r'<footer class="site-footer">.*?</footer>'),
]
total = size(html)
print(f"\nReport page {sys.argv[1]}: {total} bytes\n")
print("| part | bytes | share |\n| --- | ---: | ---: |")
covered = 0
for name, pattern in parts:
    n = sum(size(m.group(0)) for m in re.finditer(pattern, html, re.S))
    if not name.startswith(" "):
        covered += n
    print(f"| {name} | {n} | {100 * n / total:.1f}% |")
ws = sum(len(m.group(0)) - 1 for m in re.finditer(r">\s+<", html))
print(f"| whitespace between tags (included above) | {ws} | {100 * ws / total:.1f}% |")
alternates = len(re.findall(r'hreflang=', html))
print(f"| rest | {total - covered} | {100 * (total - covered) / total:.1f}% |")
print(f"\nhreflang attributes: {alternates} (none on a one-language site)")
PY

# No HTML page may be over 1 MB (issue 17): list any that is, and fail.
over=$(find . -name '*.html' -size +1048576c -printf '%s %P\n' | sort -rn)
largest=$(find . -name '*.html' -printf '%s %P\n' | sort -rn | awk 'NR == 1')
echo
echo "Largest HTML page (bytes, path): $largest"
if [ -n "$over" ]; then
  echo "HTML pages over 1 MB:"
  echo "$over"
  exit 1
fi
