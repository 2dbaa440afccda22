// The archive's search engine over an index from archive/search_index.py: a query, ranked sections grouped by page
// in the shape Material's search UI renders (SearchResult). It fetches only what the query needs, through the
// load(path) it is given: the term chunks of the words typed, then the texts of the pages it shows. Ranking: BM25
// per section (computed at build time, title words weighted), all query words required (any, if no section has them
// all), the query as typed side by side boosted. No messages (worker.js does those), so tests run it under Node with
// files from memory. Needs tokenize.js.
"use strict";
(function (root) {
const PREFIX_WEIGHT = 0.5;    // the word being typed, completed from the index
const PREFIX_MAX = 64;        // completions considered for it
const PREFIX_CHUNKS = 2;      // chunks read for them
const PHRASE_BOOST = 2;       // the query's words as typed, side by side in the section
const RESULT_PAGES = 20;      // pages shown: their texts are fetched (Material shows 10, then more as one scrolls)
const MAX_CHECKED = 60;       // pages whose texts may be fetched for one query, when checks drop some
const TEASER = 240;           // characters of text shown under a result
const SECTIONS = 65536;       // a section's key: page id * SECTIONS + its number on the page
const SCALE = 100;            // scores are stored * SCALE (search_index.py)

// manifest: the language's index.json; load(path): a promise of the JSON at a path relative to it.
function prepare(manifest, load) {
  return { tk: root.createTokenizer(manifest.tokenizer), bounds: manifest.chunks, load,
           chunks: new Map(), pages: new Map(), folded: new Map() };
}

function lowerBound(terms, key) {
  let lo = 0, hi = terms.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (terms[mid] < key) lo = mid + 1; else hi = mid; }
  return lo;
}

// The chunk a term is in, if anywhere: the last whose first term is not after it.
function chunkOf(idx, term) {
  let lo = 0, hi = idx.bounds.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (idx.bounds[mid] <= term) lo = mid + 1; else hi = mid; }
  return Math.max(0, lo - 1);
}

function once(cache, key, load) {
  let value = cache.get(key);
  if (!value) {
    value = load().catch(err => { cache.delete(key); throw err; });  // a failed fetch is tried again next time
    cache.set(key, value);
  }
  return value;
}
const chunk = (idx, k) => once(idx.chunks, k, () => idx.load(`t/${k}.json`));
const pageTexts = (idx, p) => once(idx.pages, p, () => idx.load(`p/${p}.json`));

// What a one-term word completes to: a single CJK character (its bigrams), or the word still being typed.
const prefixOf = (word, typing) => word.terms.length > 1 ? null : word.cjk ? word.terms[0] : typing ? word.folded : null;

// The chunks a word's terms and completions are in.
function chunksFor(idx, word, typing) {
  const out = new Set(word.terms.map(t => chunkOf(idx, t)));
  const prefix = prefixOf(word, typing);
  if (prefix) {
    const first = chunkOf(idx, prefix);
    for (let k = first; k < idx.bounds.length && k < first + PREFIX_CHUNKS; k++) {
      if (k > first && !idx.bounds[k].startsWith(prefix)) break;
      out.add(k);
    }
  }
  return out;
}

// A term's postings, from the loaded chunks.
function postingsOf(idx, loaded, term) {
  const c = loaded.get(chunkOf(idx, term));
  const t = lowerBound(c.terms, term);
  return c.terms[t] === term ? c.postings[t] : null;
}

// Section key -> score of one index term (the best, where several terms of one word match).
function scoreTerm(list, weight, into) {
  let page = 0;
  for (let k = 0; k < list.length; k += 3) {
    page += list[k];
    const key = page * SECTIONS + list[k + 1], s = weight * list[k + 2] / SCALE;
    into.set(key, Math.max(into.get(key) || 0, s));
  }
}

// Section key -> score for one query word. A CJK run needs all its bigrams; that they are side by side is checked
// on the texts of the pages shown.
function matchWord(idx, loaded, word, typing) {
  if (word.terms.length === 1) {
    const [term] = word.terms, scores = new Map();
    const exact = postingsOf(idx, loaded, term);
    if (exact) scoreTerm(exact, 1, scores);
    const prefix = prefixOf(word, typing);
    if (prefix) {
      let count = 0;
      for (const k of [...loaded.keys()].sort((a, b) => a - b)) {
        const c = loaded.get(k);
        for (let t = lowerBound(c.terms, prefix); t < c.terms.length && c.terms[t].startsWith(prefix)
             && count < PREFIX_MAX; t++, count++)
          if (c.terms[t] !== term) scoreTerm(c.postings[t], word.cjk ? 1 : PREFIX_WEIGHT, scores);
      }
    }
    return scores;
  }
  let result = null;
  for (const term of word.terms) {
    const list = postingsOf(idx, loaded, term);
    if (!list) return new Map();
    const scores = new Map();
    scoreTerm(list, 1 / word.terms.length, scores);
    if (result === null) result = scores;
    else {
      const next = new Map();
      for (const [key, s] of result) if (scores.has(key)) next.set(key, s + scores.get(key));
      result = next;
    }
  }
  return result;
}

// Normalized "title text" of a section, for phrase and CJK adjacency checks.
function folded(idx, key, section) {
  let value = idx.folded.get(key);
  if (value === undefined) {
    value = idx.tk.normalize(`${section[1]} ${section[2]}`).replace(/\s+/g, " ");
    idx.folded.set(key, value);
  }
  return value;
}

async function search(idx, query, options = {}) {
  const words = idx.tk.queryWords(query);
  if (!words.length) return { items: [] };
  const typing = !/\s$/.test(query);
  const typed = i => typing && i === words.length - 1;
  const needed = new Set();
  words.forEach((w, i) => chunksFor(idx, w, typed(i)).forEach(k => needed.add(k)));
  const loaded = new Map(await Promise.all([...needed].map(async k => [k, await chunk(idx, k)])));
  const perWord = words.map((w, i) => matchWord(idx, loaded, w, typed(i)));

  // All words required; if no section has them all, any, ranked by how many it has.
  const all = [...perWord[0].keys()].some(key => perWord.every(m => m.has(key)));
  const scores = new Map();
  for (const m of perWord) for (const [key, s] of m) scores.set(key, (scores.get(key) || 0) + s);
  if (all) for (const key of [...scores.keys()]) if (!perWord.every(m => m.has(key))) scores.delete(key);

  // Pages by their best section, best first.
  const groups = new Map();
  for (const [key, score] of scores) {
    const page = Math.floor(key / SECTIONS);
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(key);
  }
  const best = page => Math.max(...groups.get(page).map(key => scores.get(key)));
  const ordered = [...groups.keys()].map(page => [page, best(page)]).sort((a, b) => b[1] - a[1]).map(([p]) => p);

  // The texts of the best pages: check what needs them, rank again; fetch more if checks dropped some.
  const phrase = words.length > 1 ? idx.tk.normalize(query.trim()).replace(/\s+/g, " ") : null;
  const shown = [];
  for (let next = 0; shown.length < RESULT_PAGES && next < Math.min(ordered.length, MAX_CHECKED);) {
    const batch = ordered.slice(next, next + RESULT_PAGES - shown.length);
    next += batch.length;
    const texts = await Promise.all(batch.map(page => pageTexts(idx, page)));
    batch.forEach((page, b) => {
      const hits = [];
      for (const key of groups.get(page)) {
        const section = texts[b][key % SECTIONS], text = folded(idx, key, section);
        const found = words.map((w, i) => perWord[i].has(key) && (w.terms.length === 1 || text.includes(w.folded)));
        const count = found.filter(Boolean).length;
        if (count === 0 || (all && count < words.length)) continue;
        let score = perWord.reduce((sum, m, i) => sum + (found[i] ? m.get(key) : 0), 0);
        if (!all) score *= (count / words.length) ** 2;
        if (phrase && text.includes(phrase)) score *= PHRASE_BOOST;
        hits.push({ key, section, score });
      }
      if (hits.length) shown.push({ page, texts: texts[b], hits: hits.sort((x, y) => y.score - x.score) });
    });
  }
  shown.sort((a, b) => b.hits[0].score - a.hits[0].score);

  const matchers = words.map((w, i) => matcherFor(w, typed(i)));
  const items = shown.map(({ page, texts, hits }) => {
    const top = texts.findIndex(s => !s[0].includes("#"));
    if (top !== -1 && !hits.some(h => h.key % SECTIONS === top))
      hits.push({ key: page * SECTIONS + top, section: texts[top], score: 0 });
    const group = hits.map(({ key, section, score }) => item(idx, key, section, score, matchers, words, perWord));
    // The page's own entry carries every form found on the page, so landing on it highlights them all.
    const found = {};
    for (const it of group) for (const [term, yes] of Object.entries(it.terms)) found[term] = found[term] || yes;
    const own = group.find(it => !it.location.includes("#"));
    if (own) own.terms = found;
    return group;
  });

  const result = { items };
  if (options.suggest) result.suggest = suggest(words, items);
  return result;
}

// Which stretches of a text a query word matches: stemmed words equal to (or, while typing, starting like) its
// terms; for CJK, the run itself.
function matcherFor(word, typing) {
  if (word.cjk) return { cjk: true, folded: word.folded, word };
  const prefix = typing ? word.folded : null;
  const heads = [word.terms[0], prefix].filter(Boolean).map(head);
  return { cjk: false, stems: new Set(word.terms), prefix, heads, word };
}

// A word's first two letters, ё read as е: a Snowball stem (English, Russian) starts as its word does
// (tests/test_search_tokenize.py checks it), so only words that start like a query word need stemming.
const head = folded => folded.slice(0, 2).replace(/ё/g, "е");

function marks(idx, text, matchers) {
  const ranges = [];
  const found = new Map();  // query word -> forms of it in the text
  const add = (word, form) => { if (!found.has(word)) found.set(word, new Set()); found.get(word).add(form); };
  for (const m of matchers) {
    if (!m.cjk) continue;  // CJK has no case: find the run as typed (NFKC-folded)
    for (let at = text.indexOf(m.folded); at !== -1; at = text.indexOf(m.folded, at + m.folded.length)) {
      ranges.push([at, at + m.folded.length]);
      add(m.word, m.folded);
    }
  }
  const words = matchers.filter(m => !m.cjk);
  if (words.length) {
    for (const s of idx.tk.segments(text)) {
      if (s.cjk) continue;
      const start = head(idx.tk.normalize(s.text.slice(0, 4)));
      if (!words.some(m => m.heads.some(h => h.startsWith(start) || start.startsWith(h)))) continue;
      const form = idx.tk.normalize(s.text);
      const stem = idx.tk.stem(form);
      for (const m of words) {
        if (m.stems.has(stem) || (m.prefix && (form.startsWith(m.prefix) || stem.startsWith(m.prefix)))) {
          ranges.push([s.start, s.end]);
          add(m.word, form);
        }
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return { ranges, found };
}

const escape = s => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function render(text, ranges, from, to) {
  let out = "", at = from;
  for (const [a, b] of ranges) {
    if (b <= at || a >= to) continue;
    const s = Math.max(a, at), e = Math.min(b, to);
    out += escape(text.slice(at, s)) + "<mark>" + escape(text.slice(s, e)) + "</mark>";
    at = e;
  }
  return out + escape(text.slice(at, to));
}

function item(idx, key, section, score, matchers, words, perWord) {
  const [location, title, text] = section;
  const terms = {};
  const t = marks(idx, title, matchers);
  const b = marks(idx, text, matchers);
  for (const found of [t.found, b.found])
    for (const forms of found.values()) for (const form of forms) terms[form] = true;
  for (let i = 0; i < words.length; i++)
    if (!perWord[i].has(key) && !t.found.has(words[i]) && !b.found.has(words[i])) terms[words[i].folded] = false;
  // Teaser: from a little before the first match.
  let from = 0;
  if (b.ranges.length && b.ranges[0][0] > TEASER / 3) {
    from = b.ranges[0][0] - Math.floor(TEASER / 6);
    const space = text.lastIndexOf(" ", from);
    if (space > from - 20) from = space + 1;
  }
  const to = Math.min(text.length, from + TEASER);
  const teaser = (from > 0 ? "…" : "") + render(text, b.ranges, from, to) + (to < text.length ? "…" : "");
  return { location, title: render(title, t.ranges, 0, title.length), text: teaser, score, terms };
}

// Completion of the word being typed, from the forms found in the best result.
function suggest(words, items) {
  const last = words[words.length - 1];
  if (!items.length || last.cjk) return [];
  const forms = Object.keys(items[0][0].terms).filter(f => f.startsWith(last.folded) && f !== last.folded);
  return forms.length ? [forms.sort((a, b) => a.length - b.length)[0]] : [];
}

root.searchEngine = { prepare, search };
})(typeof self !== "undefined" ? self : globalThis);
