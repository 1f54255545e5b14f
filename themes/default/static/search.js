// wsis offline search: reads the bundled index under search/ (its layout is in
// src/search/mod.rs) and shows results on the search page. No server, no third-party
// requests, no stemmer here: a typed word is looked up in the vocabulary the build
// wrote, which maps each word of the site to the stem it is indexed under.
(() => {
  "use strict";
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;
  const base = form.dataset.index; // ends with "search/"
  // Interface text comes from the page, so that it can be translated there.
  const say = (name, vars = {}) => (status.dataset[name] || "")
    .replace(/\{(\w+)\}/g, (_, v) => (v in vars ? String(vars[v]) : ""));
  const kindLabel = (code) => list.dataset["kind" + code.replace(/(^|-)(\w)/g, (_, d, c) => c.toUpperCase())] || code;

  // Must match src/search/tokenize.rs and src/search/ngram.rs: words are runs of
  // Alphabetic or Numeric characters (Rust's char::is_alphanumeric), Han runs are
  // cut into overlapping pairs.
  const HAN = "\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{2FFFF}";
  const WORD = /[\p{Alphabetic}\p{N}]+/gu;
  const RUNS = new RegExp(`[${HAN}]+|[^${HAN}]+`, "gu");
  const IS_HAN = new RegExp(`^[${HAN}]`, "u");
  const pairs = (run) => {
    const c = [...run];
    return c.length < 2 ? [run] : c.slice(1).map((ch, i) => c[i] + ch);
  };
  // Cut, then lower-case, as tokenize.rs does: "İ" lower-cases to "i" and a
  // combining dot, which is no letter, so the other order splits "İstanbul".
  const tokens = (text, stop) => {
    const out = [];
    for (const word of text.normalize("NFC").match(WORD) || []) {
      for (const run of word.match(RUNS)) {
        if (IS_HAN.test(run)) out.push(...pairs(run));
        else if ([...run].length >= 2) {
          const term = run.toLowerCase();
          if (!stop.has(term)) out.push(term);
        }
      }
    }
    return out;
  };

  // How far into an unknown word a stem may start (the length of the longest common
  // prefix, such as Arabic "وال").
  const FALLBACK_OFFSET = 3;
  // Thrown where the browser has no DecompressionStream (before 2023): the page then
  // says so in its language, rather than an error of the script's.
  const OLD_BROWSER = new Error("this browser cannot read the search index (it has no DecompressionStream)");
  // The JSON in `bytes` (a Uint8Array), which is gzip-compressed when it starts with
  // gzip's magic number: the bundles are written compressed (`.json.gz`), and a host
  // that sends them with `Content-Encoding: gzip` has the browser inflate them before
  // they get here, which JSON never starts like.
  const parse = async (bytes) => {
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
    if (typeof DecompressionStream !== "function") throw OLD_BROWSER;
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
  };
  const cache = new Map();
  const fetchJson = (path) => {
    if (!cache.has(path)) {
      // A file cut short or damaged fails whole, and the error names it. A failure is
      // not kept (the next query fetches the file again), but for a browser that
      // cannot inflate.
      cache.set(path, fetch(base + path).then(async (r) => {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return parse(new Uint8Array(await r.arrayBuffer()));
      }).catch((e) => {
        if (e === OLD_BROWSER) throw e;
        cache.delete(path);
        throw new Error(path + ": " + e.message);
      }));
    }
    return cache.get(path);
  };
  let meta = null;
  let stop = new Set();
  // Code point order, which is Rust's order of strings (by UTF-8 bytes) and so the
  // order of the bundles' keys; JavaScript's own < compares UTF-16 units, which put
  // characters above U+FFFF before U+E000-U+FFFF.
  const cmp = (a, b) => {
    for (let i = 0; ; ) {
      if (i >= a.length) return i >= b.length ? 0 : -1;
      if (i >= b.length) return 1;
      const x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
    }
  };
  // The last code point: `p + LAST` is after every key that starts with `p`.
  const LAST = "\u{10FFFF}";
  // The bundle of `kind` ("terms" or "vocab") that holds `key`: the last whose first
  // key (meta.terms, meta.vocab) is not after it; -1 when `key` is before them all.
  const bundleOf = (kind, key) => {
    const firsts = meta[kind];
    let lo = 0, hi = firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(firsts[mid], key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  // The entries of the bundles of `kind` that hold the keys from `lo` to `hi`, as a
  // Map (an object would take "__proto__" or "constructor" for its own).
  const entries = async (kind, lo, hi) => {
    const parts = [];
    for (let n = Math.max(bundleOf(kind, lo), 0); n <= bundleOf(kind, hi); n++) {
      parts.push(fetchJson(kind + "/" + n + ".json.gz"));
    }
    const out = new Map();
    for (const part of await Promise.all(parts)) {
      for (const [k, v] of Object.entries(part)) out.set(k, v);
    }
    return out;
  };
  // The first characters of a term (three, or one of a Han term) that the index
  // groups on: the other forms of a word are looked for among the words that start
  // like it, a completion or a stem inside a word among the stems that do.
  const keyOf = (term) => [...term].slice(0, IS_HAN.test(term) ? 1 : 3).join("");
  const LONG = (term) => IS_HAN.test(term) || [...term].length >= 3;
  // The stems a word is indexed under: its vocabulary entry, else itself.
  const stemsOf = async (word) => {
    const v = (await entries("vocab", word, word)).get(word);
    return v === undefined ? [word] : [].concat(v);
  };

  // For one query word: doc -> {score, section, best}, and the terms it matched.
  async function lookup(word) {
    const found = new Map();
    const terms = new Set();
    const add = (term, postings, factor) => {
      terms.add(term);
      // Each document is counted from the one before (src/search/bundle.rs).
      let doc = 0;
      for (let i = 0; i < postings.length; i += 3) {
        doc += postings[i];
        const section = postings[i + 1], weight = postings[i + 2] * factor;
        const hit = found.get(doc);
        if (!hit) found.set(doc, { score: weight, section, best: weight });
        else {
          hit.score += weight;
          if (weight > hit.best) { hit.best = weight; hit.section = section; }
        }
      }
    };
    for (const stem of await stemsOf(word)) {
      const postings = (await entries("terms", stem, stem)).get(stem);
      if (postings) add(stem, postings, 2);
    }
    // A word of two letters completes to nothing but itself.
    const own = await entries("terms", word, LONG(word) ? word + LAST : word);
    // Completion of a word being typed: the stems that start with it ("netw").
    for (const [term, postings] of own) {
      if (!terms.has(term) && term.startsWith(word)) add(term, postings, 1);
    }
    // A word the site never has: the longest stem found at its start or a few
    // characters in ("networked" finds "network", "الشبكة" finds "شبك"), without
    // knowing the language's affixes.
    if (terms.size === 0) {
      const chars = [...word];
      let best = null;
      for (let at = 0; at <= FALLBACK_OFFSET && chars.length - at >= 3; at++) {
        const rest = chars.slice(at).join("");
        for (const [term, postings] of await entries("terms", keyOf(rest), rest)) {
          const n = [...term].length;
          if (n >= 3 && rest.startsWith(term) && (!best || n > best.n)) best = { term, postings, n };
        }
      }
      if (best) add(best.term, best.postings, 1);
    }
    return { found, terms };
  }

  // Whether a word of a passage (lower case) is one the query matched.
  const matcher = async (words, terms) => {
    // The vocabulary pieces of the matched stems and of the typed words hold most of
    // the stems' other forms (in Arabic, those with an article are in the latter).
    const vocabs = await Promise.all([...new Set([...terms, ...words])].map((t) => {
      const key = keyOf(t);
      return LONG(key) ? entries("vocab", key, key + LAST) : entries("vocab", t, t);
    }));
    const forms = new Set([...words, ...terms]);
    for (const v of vocabs) {
      for (const [w, s] of v) {
        if ([].concat(s).some((x) => terms.has(x))) forms.add(w);
      }
    }
    return (w) => forms.has(w) || words.some((q) => q.length >= 3 && w.startsWith(q));
  };

  // `text` split into [piece, marked] runs: whole matching words, and in Han runs the
  // characters of matching pairs.
  const highlight = (text, isHit, terms) => {
    const out = [];
    let at = 0;
    const push = (s, marked) => {
      if (!s) return;
      const last = out[out.length - 1];
      if (last && last[1] === marked) last[0] += s;
      else out.push([s, marked]);
    };
    for (const m of text.matchAll(WORD)) {
      push(text.slice(at, m.index), false);
      at = m.index + m[0].length;
      for (const run of m[0].match(RUNS)) {
        if (IS_HAN.test(run)) {
          const c = [...run];
          const on = c.map(() => false);
          c.forEach((ch, i) => {
            if (terms.has(ch) || (i + 1 < c.length && terms.has(ch + c[i + 1]))) {
              on[i] = true;
              if (i + 1 < c.length && terms.has(ch + c[i + 1])) on[i + 1] = true;
            }
          });
          c.forEach((ch, i) => push(ch, on[i]));
        } else push(run, isHit(run.toLowerCase()));
      }
    }
    push(text.slice(at), false);
    return out;
  };
  const hits = (runs) => runs.filter(([, marked]) => marked).length;

  // The passage to show for a result: the one with the most matched words, the
  // section the link lands on first among equals.
  const snippet = (passages, section, isHit, terms) => {
    let best = null;
    const order = [section, ...passages.keys()].filter((i) => i < passages.length);
    for (const i of order) {
      const runs = highlight(passages[i], isHit, terms);
      if (!best || hits(runs) > hits(best)) best = runs;
    }
    if (!best) return null;
    const p = document.createElement("p");
    p.className = "search-snippet";
    // A passage may be in a script of the other direction than the page's.
    p.dir = "auto";
    for (const [s, marked] of best) {
      if (marked) {
        const m = document.createElement("mark");
        m.textContent = s;
        p.append(m);
      } else p.append(document.createTextNode(s));
    }
    return p;
  };

  async function search(query) {
    list.replaceChildren();
    meta = meta || await fetchJson("meta.json");
    if (meta.version !== 4) throw new Error("index version " + meta.version);
    // The stop words of this tree's language, the list its index was cut with
    // (src/search/stop.rs).
    stop = new Set(meta.stop);
    const words = [...new Set(tokens(query, stop))];
    if (words.length === 0) {
      // Words were typed but all are stop words: "type a longer word" would not
      // tell the reader why "the of" finds nothing.
      const common = tokens(query, new Set()).length > 0;
      status.textContent = common ? say("common", { query }) : query.trim() ? say("short") : "";
      return;
    }
    status.textContent = say("searching");
    // A pair of Han characters that straddles two words of the query may be nowhere
    // in the text: it does not veto the others (src/search/ngram.rs).
    const looked = await Promise.all(words.map(lookup));
    const perWord = looked.filter((w, i) => w.found.size > 0 || !IS_HAN.test(words[i]));
    if (perWord.length === 0) perWord.push(looked[0]);
    // Every word must match: intersect, summing scores.
    let found = perWord[0].found;
    for (const other of perWord.slice(1)) {
      const next = new Map();
      for (const [doc, h] of found) {
        const o = other.found.get(doc);
        if (o) next.set(doc, { score: h.score + o.score, section: o.best > h.best ? o.section : h.section, best: Math.max(h.best, o.best) });
      }
      found = next;
    }
    const ranked = [...found.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, 30);
    if (ranked.length === 0) {
      status.textContent = say("none", { query });
      return;
    }
    const terms = new Set(perWord.flatMap((w) => [...w.terms]));
    const [isHit, chunks] = await Promise.all([
      matcher(words, terms),
      Promise.all([...new Set(ranked.map(([d]) => Math.floor(d / meta.chunk)))]
        .map(async (c) => [c, await fetchJson("docs/" + c + ".json.gz")])).then((c) => new Map(c)),
    ]);
    ranked.forEach(([doc, hit]) => {
      const [url, title, kind, detail, year, sections, passages] = chunks.get(Math.floor(doc / meta.chunk))[doc % meta.chunk];
      const li = document.createElement("li");
      const a = document.createElement("a");
      const section = hit.section > 0 ? sections[hit.section - 1] : null;
      a.href = section ? url + "#" + section[0] : url;
      a.textContent = title;
      a.dir = "auto";
      li.append(a);
      const info = document.createElement("p");
      info.className = "search-meta";
      const field = (cls, text) => {
        const s = document.createElement("span");
        s.className = cls;
        s.textContent = text;
        if (info.childNodes.length) info.append(" · ");
        info.append(s);
      };
      field("search-kind", kindLabel(kind));
      if (detail) field("search-detail", detail);
      if (year !== null) field("search-year", String(year));
      if (section && kind === "report") field("search-section", section[1]);
      li.append(info);
      const p = snippet(passages, hit.section, isHit, terms);
      if (p) li.append(p);
      list.append(li);
    });
    const total = found.size;
    status.textContent = say("count", { query, count: total })
      + (total > ranked.length ? " " + say("best", { shown: ranked.length }) : "");
  }

  const run = () => search(input.value).catch((e) => {
    // A theme's own search page may lack the sentence for an old browser.
    status.textContent = (e === OLD_BROWSER && say("old")) || say("failed", { error: e.message });
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run();
  });

  // Arrow keys move between the results (and back up to the field); Enter follows a
  // link as it always does, and Tab still walks through them in order.
  const links = () => [...list.querySelectorAll("li > a")];
  const move = (e, from) => {
    const all = links();
    if (all.length === 0) return;
    const i = from === input ? -1 : all.indexOf(from);
    let next = null;
    if (e.key === "ArrowDown") next = all[Math.min(i + 1, all.length - 1)];
    else if (e.key === "ArrowUp") next = i <= 0 ? input : all[i - 1];
    else if (e.key === "Home" && from !== input) next = all[0];
    else if (e.key === "End" && from !== input) next = all[all.length - 1];
    else if (e.key === "Escape" && from !== input) next = input;
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  input.addEventListener("keydown", (e) => move(e, input));
  list.addEventListener("keydown", (e) => {
    if (e.target instanceof HTMLAnchorElement) move(e, e.target);
  });

  const q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
