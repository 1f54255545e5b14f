// Browser checks of a built wsis site, run by tests/browser.rs:
//
//   node run.mjs OUTPUT_DIR BASE_PATH
//
// Serves OUTPUT_DIR under BASE_PATH (a sub-path such as /wsis/) on 127.0.0.1, then in
// headless Chromium: runs axe-core (WCAG 2.1 A and AA) on every page kind in light and
// dark mode, and on every page kind of every other language; follows
// the language switcher from a report to the same report in French and Arabic; checks
// that no page kind scrolls sideways on a phone, and that pages print and read right to
// left (layout.mjs); searches for "encryption" and follows a result; runs the search
// checks (relevance queries, a stemmed match with its snippet, ?q=, keyboard); and
// validates every HTML file (every language's) with the Nu Html Checker (vnu-jar, run by
// Java). Prints a report and exits 1 on any failure.

import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";
import { checkPhones, checkPrint, checkRightToLeft } from "./layout.mjs";

const require = createRequire(import.meta.url);
const [outDir, basePath] = process.argv.slice(2);
if (!outDir || !basePath || !basePath.startsWith("/") || !basePath.endsWith("/")) {
  console.error("usage: node run.mjs OUTPUT_DIR /BASE/PATH/");
  process.exit(2);
}
const failures = [];
const fail = (what) => { failures.push(what); console.log("FAIL " + what); };

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv", ".txt": "text/plain" };

// A static host serving the output under the sub-path, with the site's 404 page.
const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let p = decodeURIComponent(url.pathname);
  if (!p.startsWith(basePath) || p.includes("..")) { res.writeHead(404); res.end(); return; }
  p = p.slice(basePath.length);
  if (p === "" || p.endsWith("/")) p += "index.html";
  const file = path.join(outDir, p);
  try {
    const body = await readFile(file);
    const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream" };
    // The search index's bundles (`.json.gz`) both ways static hosts send them: as
    // they are (most hosts), and the `terms/` ones with `Content-Encoding: gzip` (as
    // Apache's `AddEncoding gzip .gz` does), which the browser inflates itself.
    if (file.endsWith(".gz") && file.includes(`${path.sep}terms${path.sep}`)) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    const body = await readFile(path.join(outDir, "404.html")).catch(() => "not found");
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(body);
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const site = origin + basePath;

// Every HTML file through the Nu Html Checker, started first: Java runs on the second
// core while Chromium works through the pages (awaited at the end).
async function htmlFiles(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const p = path.join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...await htmlFiles(p));
    else if (name.endsWith(".html")) out.push(p);
  }
  return out;
}
const files = await htmlFiles(outDir);
const vnu = require.resolve("vnu-jar/build/dist/vnu.jar");
const vnuMessages = new Promise((ok) => {
  execFile("java", ["-jar", vnu, "--errors-only", "--format", "json", ...files], { maxBuffer: 64 << 20 },
    (err, stdout, stderr) => {
      try { ok(JSON.parse(stderr || stdout).messages); } catch { ok([{ type: "error", message: "vnu did not run: " + (err && err.message) }]); }
    });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

const pages = {
  home: "",
  "action line": "action-lines/c4/",
  "action lines": "action-lines/",
  organizations: "organizations/",
  organization: "organizations/isoc/",
  reports: "reports/",
  report: "reports/isoc-2025/",
  metrics: "metrics/",
  metric: "metrics/igf-nris/",
  years: "years/",
  year: "years/2024/",
  "year, later page": "years/2024/page/2/",
  search: "search/",
  "search results": "search/?q=community+networks",
  targets: "targets/",
  target: "targets/wsis-target-villages-2015/",
  frameworks: "frameworks/",
  "sdg goal": "frameworks/sdg/4/",
  "gdc objective": "frameworks/gdc/1/",
  documents: "documents/",
  document: "documents/wsis-03-geneva-doc-5/",
  "not found": "no/such/page/",
};

// Runs axe-core (WCAG 2.1 A and AA, and best practices) on the page as it stands; a
// serious or critical violation is a failure named by `label`.
async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of bad) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
    fail(`axe ${label}: ${v.id} (${v.impact}): ${v.help} at ${where}`);
  }
  console.log(`axe ${label}: ${bad.length} serious or critical of ${result.violations.length} violations`);
}

try {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const external = [];
    page.on("request", (r) => { if (!r.url().startsWith(origin)) external.push(r.url()); });
    for (const [kind, rel] of Object.entries(pages)) {
      const response = await page.goto(site + rel, { waitUntil: "load" });
      const expected = kind === "not found" ? 404 : 200;
      if (response.status() !== expected) fail(`${kind}: status ${response.status()}`);
      if (rel.includes("?q=")) await page.waitForSelector("#search-results li mark", { timeout: 10000 });
      await axe(page, `${scheme} ${kind}`);
    }
    if (external.length) fail(`requests outside the site: ${external.slice(0, 5).join(", ")}`);
    await context.close();
  }

  // The other languages: axe on every page kind of each, in light mode (their layout
  // differs: right to left in Arabic, Chinese text, longer French and Russian words).
  // A static host serves the root 404.html for a missing path whatever its language, so
  // each language's own not-found page is opened by its name.
  const languages = await languagesOf(site);
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const lang of languages.slice(1)) {
      for (const kind of Object.keys(pages)) {
        const path = kind === "not found" ? "404.html" : pages[kind];
        const response = await page.goto(site + lang.tag + "/" + path, { waitUntil: "load" });
        if (response.status() !== 200) fail(`${lang.tag} ${kind}: status ${response.status()}`);
        const [htmlLang, dir] = await page.$eval("html", (h) => [h.lang, h.dir]);
        if (htmlLang !== lang.tag || dir !== lang.dir) fail(`${lang.tag} ${kind}: <html lang="${htmlLang}" dir="${dir}">`);
        if (path.includes("?q=")) await page.waitForSelector("#search-results li mark", { timeout: 10000 });
        await axe(page, `${lang.tag} ${kind}`);
      }
    }
    await context.close();
  }

  // The language switcher keeps the reader on the same report: English to French to
  // Arabic and back, by clicking its links.
  if (languages.length > 1) {
    const page = await browser.newPage();
    const report = pages.report;
    await page.goto(site + report, { waitUntil: "load" });
    for (const tag of ["fr", "ar", languages[0].tag]) {
      if (!languages.some((l) => l.tag === tag)) continue;
      const link = `nav.languages a[hreflang="${tag}"]`;
      const folder = tag === languages[0].tag ? "" : tag + "/";
      await Promise.all([page.waitForURL(site + folder + report), page.click(link)]);
      const [htmlLang, current] = await Promise.all([
        page.$eval("html", (h) => h.lang),
        page.$eval(`nav.languages a[aria-current="page"]`, (a) => a.getAttribute("hreflang")),
      ]);
      if (htmlLang !== tag || current !== tag) fail(`switching to ${tag}: lang ${htmlLang}, current ${current}`);
      console.log("switched to", tag, "at", page.url());
    }
    await page.close();
  }

  await checkPhones(browser, site, pages, fail);
  await checkPrint(browser, site, pages.report, fail, { links: true });
  await checkPrint(browser, site, pages.metric, fail, { chart: true });
  // Right to left: every page kind set to rtl by script, and the pages of each
  // right-to-left language of the site as they are.
  const rtl = languages.filter((l) => l.dir === "rtl");
  await checkRightToLeft(browser, site, [
    ...Object.values(pages),
    ...rtl.flatMap((l) => Object.values(pages).map((rel) => `${l.tag}/${rel}`)),
  ], fail);

  // Search for a word and follow a result, as a reader would.
  const page = await browser.newPage();
  await page.goto(site, { waitUntil: "load" });
  await page.fill("#site-search", "encryption");
  await Promise.all([page.waitForURL(/search\/\?q=encryption/), page.press("#site-search", "Enter")]);
  await page.waitForSelector("#search-results li a", { timeout: 10000 });
  const hrefs = await page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
  console.log("search results:", hrefs.join(" "));
  for (const slug of ["isoc-2024", "isoc-2025"]) {
    if (!hrefs.some((h) => h.includes(`/reports/${slug}/`))) fail(`search "encryption" does not find ${slug}`);
  }
  const target = hrefs.find((h) => h.includes("/reports/"));
  if (target) {
    await Promise.all([page.waitForURL((u) => u.pathname.includes("/reports/")), page.click(`#search-results a[href="${target}"]`)]);
    const title = await page.title();
    if (!page.url().startsWith(site + "reports/")) fail(`following a result led to ${page.url()}`);
    console.log("followed a result to", page.url(), "—", title);
  } else {
    fail("no report in the search results");
  }
  await searchChecks(page);
  // Without JavaScript the search page says so.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await noJs.newPage();
  await p2.goto(site + "search/");
  const text = await p2.textContent("body");
  if (!text.includes("needs JavaScript")) fail("search page without JavaScript does not say it needs it");
  await noJs.close();
} finally {
  await browser.close();
  server.close();
}

// The queries of tests/search/relevance.toml marked `browser = true` (on the shipped
// site), opened as `search/?q=...` without typing; the stemmed match of "community
// networks" with its highlighted snippet, kind and year; keyboard navigation.
async function searchChecks(page) {
  const set = await readFile(new URL("../search/relevance.toml", import.meta.url), "utf8");
  const queries = set.split(/^\[\[query\]\]$/m).slice(1).map((block) => {
    const q = {};
    for (const [, key, value] of block.matchAll(/^(\w+) = (.+)$/gm)) q[key] = JSON.parse(value);
    return q;
  }).filter((q) => q.browser && q.site === "shipped");
  if (queries.length === 0) fail("no browser query in tests/search/relevance.toml");
  const hrefsOf = () => page.$$eval("#search-results li > a", (as) => as.map((a) => a.getAttribute("href").split("#")[0]));
  for (const q of queries) {
    await page.goto(site + "search/?q=" + encodeURIComponent(q.query), { waitUntil: "load" });
    await page.waitForSelector("#search-results li", { timeout: 10000 }).catch(() => {});
    const top = (await hrefsOf()).slice(0, q.first.length).map((h) => h.slice(basePath.length)).sort();
    const want = [...q.first].sort();
    if (top.join(" ") !== want.join(" ")) fail(`search "${q.query}": first ${top.join(" ")}, wanted ${want.join(" ")}`);
    else console.log(`search "${q.query}": first ${top.join(" ")}`);
  }

  // "community networks" finds "Community Network" and "communities", marked.
  await page.goto(site + "search/?q=community+networks", { waitUntil: "load" });
  await page.waitForSelector("#search-results li", { timeout: 10000 });
  if (await page.inputValue("#search-input") !== "community networks") fail("search/?q= does not fill the search field");
  const first = await page.$eval("#search-results li", (li) => ({
    kind: li.querySelector(".search-kind")?.textContent,
    year: li.querySelector(".search-year")?.textContent,
    marks: [...li.querySelectorAll(".search-snippet mark")].map((m) => m.textContent.toLowerCase()),
  }));
  console.log("search \"community networks\" first result:", JSON.stringify(first));
  if (first.kind !== "Report") fail(`first result's kind is ${first.kind}, not Report`);
  if (first.year !== "2024") fail(`first result's year is ${first.year}, not 2024`);
  if (!first.marks.some((m) => m.startsWith("communit")) || !first.marks.some((m) => m.startsWith("network"))) {
    fail(`the snippet marks ${first.marks.join(", ")}, not both words`);
  }

  // Arrow keys move between results and back to the field; Enter follows a result.
  const links = await hrefsOf();
  if (links.length < 2) fail("too few results to try the arrow keys");
  const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.getAttribute("href"));
  const fullHref = (i) => page.$$eval("#search-results li > a", (as, i) => as[i].getAttribute("href"), i);
  await page.focus("#search-input");
  await page.keyboard.press("ArrowDown");
  if (await focused() !== await fullHref(0)) fail("ArrowDown from the field does not reach the first result");
  await page.keyboard.press("ArrowDown");
  if (await focused() !== await fullHref(1)) fail("ArrowDown does not reach the second result");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  if (await focused() !== "search-input") fail("ArrowUp from the first result does not return to the field");
  // Tab still walks: field, button, first result.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  if (await focused() !== await fullHref(0)) fail("Tab from the search button does not reach the first result");
  await page.keyboard.press("ArrowDown");
  const expected = await fullHref(1);
  await Promise.all([page.waitForURL((u) => u.href.startsWith(origin + expected.split("#")[0])), page.keyboard.press("Enter")]);
  console.log("keyboard: followed the second result to", page.url());
}

// The site's languages, the default first, from the home page's language switcher
// (none: the default language alone).
async function languagesOf(home) {
  const page = await browser.newPage();
  await page.goto(home, { waitUntil: "load" });
  const listed = await page.$$eval("nav.languages a", (as) => as.map((a) => (
    { tag: a.getAttribute("hreflang"), dir: a.getAttribute("dir") })));
  const own = await page.$eval("html", (h) => ({ tag: h.lang, dir: h.dir }));
  await page.close();
  return listed.length ? listed : [own];
}

const messages = await vnuMessages;
const errors = messages.filter((m) => m.type === "error");
for (const m of errors.slice(0, 30)) fail(`vnu ${m.url ? m.url.replace(/^file:/, "") : ""}:${m.lastLine || ""}: ${m.message}`);
console.log(`vnu: ${errors.length} errors in ${files.length} HTML files`);

console.log(failures.length ? `${failures.length} failures` : "all browser checks passed");
process.exit(failures.length ? 1 : 0);
