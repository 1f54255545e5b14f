// Layout checks of a built wsis site, run by run.mjs: no page scrolls sideways on a
// phone, in either direction of writing; report pages print without the site's chrome
// and with their charts; right to left mirrors the layout but not the charts.

// Phone widths: a small phone (320, also what 1280 zoomed to 400% gives, WCAG 1.4.10)
// and a common one (390).
const WIDTHS = [390, 320];

// Runs in the page: whether it scrolls sideways and, if so, what widens it: the
// element reaching furthest past the viewport's end edge (the left one, right to
// left; what sticks out at the start cannot be scrolled to), outside any element that
// scrolls by itself.
function overflow() {
  const root = document.documentElement;
  const width = root.clientWidth;
  const rtl = getComputedStyle(root).direction === "rtl";
  if (root.scrollWidth <= width) return null;
  // Whether an ancestor that scrolls or clips holds `el` in: only one it is laid out
  // in does (an absolutely positioned element escapes every box up to its containing
  // block, so a visually hidden label in a scrolled table can still widen the page).
  const scrolls = (el) => {
    let position = getComputedStyle(el).position;
    if (position === "fixed") return false;
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (position === "absolute" && style.position === "static") continue;
      position = style.position === "static" || style.position === "relative" ? "static" : style.position;
      if (position === "fixed") return false;
      const x = style.overflowX;
      if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
    }
    return false;
  };
  let worst = null;
  let by = 0;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const past = rtl ? -r.left : r.right - width;
    // `>=`: of nested elements equally wide, the innermost names the culprit.
    if (past > 0.5 && past >= by && !scrolls(el)) { worst = el; by = past; }
  }
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const path = [];
  for (let el = worst; el && el !== document.body && path.length < 4; el = el.parentElement) path.unshift(name(el));
  return {
    scrollWidth: root.scrollWidth,
    width,
    element: worst ? path.join(" > ") : "(none found)",
    text: worst ? (worst.textContent || "").trim().slice(0, 60) : "",
    by: Math.round(by),
  };
}

async function sideways(page, fail, what) {
  const o = await page.evaluate(overflow);
  if (o) {
    fail(`${what}: scrolls sideways (scrollWidth ${o.scrollWidth} > ${o.width}), widened by `
      + `${o.element} by ${o.by}px: "${o.text}"`);
  }
  return !o;
}

// Every page kind at each phone width, left to right.
export async function checkPhones(browser, site, pages, fail) {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    let ok = 0;
    for (const [kind, rel] of Object.entries(pages)) {
      await page.goto(site + rel, { waitUntil: "load" });
      if (await sideways(page, fail, `${kind} at ${width}px`)) ok++;
    }
    console.log(`phones ${width}px: ${ok} of ${Object.keys(pages).length} page kinds fit`);
    await context.close();
  }
}

// A page printed: no navigation, search, skip link or footer; with `links`, its links
// to other sites followed by their address, in-page links not; with `chart`, its
// chart kept, in its colours.
export async function checkPrint(browser, site, rel, fail, { chart = false, links = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site + rel, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const seen = await page.evaluate(() => {
    const shown = (sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return getComputedStyle(el).display !== "none" && r.width > 0 && r.height > 0;
    };
    const after = (sel) => {
      const el = document.querySelector(sel);
      return el ? getComputedStyle(el, "::after").content : null;
    };
    const chart = document.querySelector("svg.chart");
    return {
      nav: shown(".site-header nav"),
      search: shown(".search-box"),
      skip: shown(".skip-link"),
      footer: shown(".site-footer"),
      chart: shown("svg.chart"),
      chartColours: chart ? getComputedStyle(chart).printColorAdjust : null,
      external: after("main a[href^='http']"),
      externalHref: document.querySelector("main a[href^='http']")?.getAttribute("href"),
      inPage: after("main a[href^='#']"),
    };
  });
  for (const chrome of ["nav", "search", "skip", "footer"]) {
    if (seen[chrome] !== false) fail(`print ${rel}: the ${chrome} is ${seen[chrome] === null ? "missing" : "printed"}`);
  }
  if (chart && seen.chart !== true) fail(`print ${rel}: ${seen.chart === null ? "no chart on the page" : "the chart is not printed"}`);
  if (chart && seen.chartColours !== "exact") fail(`print ${rel}: the chart's colours may be dropped (print-color-adjust: ${seen.chartColours})`);
  if (links && !(seen.external && seen.externalHref && seen.external.includes(seen.externalHref))) {
    fail(`print ${rel}: a link to another site does not show its address (::after ${seen.external})`);
  }
  if (links && seen.inPage === null) fail(`print ${rel}: no in-page link to check`);
  else if (links && seen.inPage !== "none" && seen.inPage !== "normal") fail(`print ${rel}: an in-page link shows ${seen.inPage}`);
  console.log(`print ${rel}: checked`);
  await context.close();
}

// Pages set right to left by script (until the site has Arabic pages): no sideways
// scroll on a phone, the navigation starting on the right, start-side rules and indents on the
// right (on the pages that have one; one page at least must), and charts still drawn
// left to right.
export async function checkRightToLeft(browser, site, rels, fail) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  let ruled = 0;
  for (const rel of rels) {
    await page.goto(site + rel, { waitUntil: "load" });
    await page.evaluate(() => { document.documentElement.dir = "rtl"; });
    await sideways(page, fail, `right to left ${rel} at 390px`);
    const seen = await page.evaluate(() => {
      const items = [...document.querySelectorAll(".site-header nav li")];
      const list = document.querySelector(".site-header nav ul")?.getBoundingClientRect();
      const first = items[0]?.getBoundingClientRect();
      const ruled = document.querySelector(".section-entry, .quote, .notice, .wording, .note, .toc ul, .report-list");
      const style = ruled && getComputedStyle(ruled);
      const svg = document.querySelector("svg.chart");
      return {
        navGap: list && first ? Math.round(list.right - first.right) : null,
        ruled: ruled ? ruled.className || ruled.tagName : null,
        startSide: style ? {
          left: parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
          right: parseFloat(style.borderRightWidth) + parseFloat(style.paddingRight),
        } : null,
        chart: svg ? getComputedStyle(svg).direction : null,
      };
    });
    if (seen.navGap === null || seen.navGap > 1) fail(`right to left ${rel}: the navigation's first item is not on the right (${seen.navGap}px from it)`);
    if (seen.startSide) ruled++;
    if (seen.startSide && !(seen.startSide.right > seen.startSide.left)) {
      fail(`right to left ${rel}: ${seen.ruled} keeps its rule or indent on the left (${JSON.stringify(seen.startSide)})`);
    }
    if (seen.chart !== null && seen.chart !== "ltr") fail(`right to left ${rel}: the chart is drawn ${seen.chart}`);
    console.log(`right to left ${rel}: checked`);
  }
  if (!ruled) fail("right to left: no page with a start-side rule or indent to check");
  await context.close();
}
