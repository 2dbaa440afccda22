// The archive's search engine: an index from overrides/hooks/search_index.py, a query, ranked sections grouped by
// page in the shape Material's search UI renders (SearchResult). Ranking: BM25 per section, title words weighted,
// all query words required (any, if no section has them all), the query as typed side by side boosted. Pure: no
// fetching, no messages (worker.js does those), so tests can run it under Node. Needs tokenize.js.
"use strict";
(function (root) {
const K1 = 1.2, B = 0.75;
const TITLE_BOOST = 2;        // a word in the section's heading counts three times
const PREFIX_WEIGHT = 0.5;    // the word being typed, completed from the index
const PREFIX_MAX = 64;        // completions considered for it
const PHRASE_BOOST = 2;       // the query's words as typed, side by side in the section
const HIGHLIGHTED_PAGES = 20; // pages whose sections get marked teasers; later ones get plain ones
const TEASER = 240;           // characters of text shown under a result

function prepare(raw) {
  const tk = root.createTokenizer(raw.tokenizer);
  const docs = raw.docs.map(([location, title, text, length]) => ({ location, title, text, length }));
  const articles = new Map();
  docs.forEach((doc, i) => { if (!doc.location.includes("#")) articles.set(doc.location, i); });
  const total = docs.reduce((sum, d) => sum + d.length, 0);
  return { tk, docs, articles, terms: raw.terms, postings: raw.postings, avgdl: total / Math.max(docs.length, 1),
           folded: new Map() };
}

// Normalized "title text" of a doc, for phrase and CJK adjacency checks.
function folded(idx, i) {
  let value = idx.folded.get(i);
  if (value === undefined) {
    const doc = idx.docs[i];
    value = idx.tk.normalize(`${doc.title} ${doc.text}`).replace(/\s+/g, " ");
    idx.folded.set(i, value);
  }
  return value;
}

function lowerBound(terms, key) {
  let lo = 0, hi = terms.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (terms[mid] < key) lo = mid + 1; else hi = mid; }
  return lo;
}

// Doc id -> BM25 contribution of one index term.
function scoreTerm(idx, t, weight, into) {
  const list = idx.postings[t];
  const df = list.length / 2, n = idx.docs.length;
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  let doc = 0;
  for (let k = 0; k < list.length; k += 2) {
    doc += list[k];
    const tf = list[k + 1] >> 1, inTitle = list[k + 1] & 1;
    const dl = idx.docs[doc].length;
    const s = weight * idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * dl / idx.avgdl)) * (inTitle ? 1 + TITLE_BOOST : 1);
    into.set(doc, Math.max(into.get(doc) || 0, s));
  }
}

// The index terms a one-term query word stands for: [term index, weight].
function expand(idx, word, typing) {
  const [term] = word.terms;
  const exact = lowerBound(idx.terms, term);
  const out = idx.terms[exact] === term ? [[exact, 1]] : [];
  // a single CJK character (its bigrams), or the word still being typed: its completions too
  const prefix = word.cjk ? term : (typing ? word.folded : null);
  if (prefix)
    for (let t = lowerBound(idx.terms, prefix), k = 0;
         t < idx.terms.length && idx.terms[t].startsWith(prefix) && k < PREFIX_MAX; t++, k++)
      if (idx.terms[t] !== term) out.push([t, word.cjk ? 1 : PREFIX_WEIGHT]);
  return out;
}

// Doc id -> score for one query word (a CJK run needs all its bigrams, adjacent).
function matchWord(idx, word, typing) {
  if (word.terms.length === 1) {
    const scores = new Map();
    for (const [t, weight] of expand(idx, word, typing)) scoreTerm(idx, t, weight, scores);
    return scores;
  }
  let result = null;
  for (const term of word.terms) {
    const t = lowerBound(idx.terms, term);
    if (idx.terms[t] !== term) return new Map();
    const scores = new Map();
    scoreTerm(idx, t, 1 / word.terms.length, scores);
    if (result === null) result = scores;
    else {
      const next = new Map();
      for (const [doc, s] of result) if (scores.has(doc)) next.set(doc, s + scores.get(doc));
      result = next;
    }
  }
  for (const doc of [...result.keys()])
    if (!folded(idx, doc).includes(word.folded)) result.delete(doc);
  return result;
}

function search(idx, query, options = {}) {
  const words = idx.tk.queryWords(query);
  if (!words.length) return { items: [] };
  const typing = !/\s$/.test(query);
  const perWord = words.map((w, i) => matchWord(idx, w, typing && i === words.length - 1));

  // All words required; if no section has them all, any, ranked by how many it has.
  let scores = new Map();
  for (const doc of perWord[0].keys())
    if (perWord.every(m => m.has(doc))) scores.set(doc, perWord.reduce((sum, m) => sum + m.get(doc), 0));
  if (scores.size === 0 && words.length > 1) {
    for (const m of perWord) for (const [doc, s] of m) scores.set(doc, (scores.get(doc) || 0) + s);
    for (const [doc, s] of scores) {
      const found = perWord.filter(m => m.has(doc)).length;
      scores.set(doc, s * (found / words.length) ** 2);
    }
  }
  if (words.length > 1) {
    const phrase = idx.tk.normalize(query.trim()).replace(/\s+/g, " ");
    for (const [doc, s] of scores) if (folded(idx, doc).includes(phrase)) scores.set(doc, s * PHRASE_BOOST);
  }

  // Group sections by page, pages by their best section.
  const groups = new Map();
  for (const [doc, score] of scores) {
    const page = idx.docs[doc].location.split("#")[0];
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push({ doc, score });
  }
  const ordered = [...groups.entries()]
    .map(([page, hits]) => ({ page, hits: hits.sort((a, b) => b.score - a.score) }))
    .sort((a, b) => b.hits[0].score - a.hits[0].score);

  const matchers = words.map((w, i) => matcherFor(w, typing && i === words.length - 1));
  const items = ordered.map(({ page, hits }, rank) => {
    const article = idx.articles.get(page);
    if (article !== undefined && !hits.some(h => h.doc === article)) hits.push({ doc: article, score: 0 });
    const marked = rank < HIGHLIGHTED_PAGES;
    const group = hits.map(({ doc, score }) => item(idx, doc, score, marked ? matchers : null, words, perWord));
    // The page's own entry carries every form found on the page, so landing on it highlights them all.
    const all = {};
    for (const it of group) for (const [term, found] of Object.entries(it.terms)) all[term] = all[term] || found;
    const top = group.find(it => !it.location.includes("#"));
    if (top) top.terms = all;
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

function item(idx, doc, score, matchers, words, perWord) {
  const { location, title, text } = idx.docs[doc];
  const terms = {};
  if (!matchers) {
    for (let i = 0; i < words.length; i++) terms[words[i].folded] = perWord[i].has(doc);
    const cut = text.length > TEASER ? text.slice(0, TEASER) + "…" : text;
    return { location, title: escape(title), text: escape(cut), score, terms };
  }
  const t = marks(idx, title, matchers);
  const b = marks(idx, text, matchers);
  for (const found of [t.found, b.found])
    for (const forms of found.values()) for (const form of forms) terms[form] = true;
  for (let i = 0; i < words.length; i++)
    if (!perWord[i].has(doc) && !t.found.has(words[i]) && !b.found.has(words[i])) terms[words[i].folded] = false;
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
