// wsis offline search: reads the sharded index under search/ (see src/search.rs) and
// shows results on the search page. No server, no third-party requests.
(() => {
  "use strict";
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;
  const base = form.dataset.index; // ends with "search/"
  // Must match the tokenizer of src/search.rs.
  const STOP = new Set(["an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
    "it", "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were", "which", "with"]);
  const tokens = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 2 && !STOP.has(w));
  const cache = new Map();
  const fetchJson = (path) => {
    if (!cache.has(path)) {
      cache.set(path, fetch(base + path).then((r) => {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.json();
      }));
    }
    return cache.get(path);
  };
  let meta = null;
  // Must match shard_file in src/search.rs.
  const shardName = (key) => /^[a-z0-9]+$/.test(key) ? key
    : "x" + [...new TextEncoder().encode(key)].map((b) => b.toString(16).padStart(2, "0")).join("");

  // doc -> {score, section} for one query word, matching terms that start with it.
  async function lookup(word) {
    const key = [...word].slice(0, 3).join("");
    const found = new Map();
    if (!meta.shards.includes(key)) return found;
    const shard = await fetchJson("shards/" + shardName(key) + ".json");
    for (const [term, postings] of Object.entries(shard)) {
      if (!term.startsWith(word)) continue;
      const exact = term === word ? 2 : 1;
      for (let i = 0; i < postings.length; i += 3) {
        const doc = postings[i], section = postings[i + 1], weight = postings[i + 2] * exact;
        const hit = found.get(doc);
        if (!hit) found.set(doc, { score: weight, section, best: weight });
        else {
          hit.score += weight;
          if (weight > hit.best) { hit.best = weight; hit.section = section; }
        }
      }
    }
    return found;
  }

  async function search(query) {
    const words = [...new Set(tokens(query))];
    list.replaceChildren();
    if (words.length === 0) {
      status.textContent = query.trim() ? "Type a longer word." : "";
      return;
    }
    status.textContent = "Searching…";
    meta = meta || await fetchJson("meta.json");
    const perWord = await Promise.all(words.map(lookup));
    // Every word must match: intersect, summing scores.
    let hits = perWord[0];
    for (const other of perWord.slice(1)) {
      const next = new Map();
      for (const [doc, h] of hits) {
        const o = other.get(doc);
        if (o) next.set(doc, { score: h.score + o.score, section: o.best > h.best ? o.section : h.section, best: Math.max(h.best, o.best) });
      }
      hits = next;
    }
    const ranked = [...hits.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, 30);
    if (ranked.length === 0) {
      status.textContent = `No results for “${query}”.`;
      return;
    }
    const chunks = await Promise.all([...new Set(ranked.map(([d]) => Math.floor(d / meta.chunk)))]
      .map(async (c) => [c, await fetchJson("docs-" + c + ".json")]));
    const byChunk = new Map(chunks);
    for (const [doc, hit] of ranked) {
      const [url, title, kind, sections] = byChunk.get(Math.floor(doc / meta.chunk))[doc % meta.chunk];
      const li = document.createElement("li");
      const a = document.createElement("a");
      const section = hit.section > 0 ? sections[hit.section - 1] : null;
      a.href = section ? url + "#" + section[0] : url;
      a.textContent = title;
      li.append(a);
      const info = document.createElement("span");
      info.className = "meta";
      info.textContent = section ? `${kind} · ${section[1]}` : kind;
      li.append(document.createElement("br"), info);
      list.append(li);
    }
    const total = hits.size;
    status.textContent = `${total} result${total === 1 ? "" : "s"} for “${query}”` + (total > ranked.length ? `, the best ${ranked.length} shown.` : ".");
  }

  const run = () => search(input.value).catch((e) => { status.textContent = "Search failed: " + e.message; });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run();
  });
  const q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
