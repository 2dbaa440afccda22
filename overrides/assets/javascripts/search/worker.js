// The archive's search worker. It speaks Material's search worker protocol (SETUP 0, READY 1, QUERY 2, RESULT 3),
// so Material's search box, result list and landing-page highlighting stay as they are, but it searches only the
// index of its page's language (?lang= in its URL, see overrides/main.html), with engine.js, which fetches the
// parts of that index a query needs from search/<lang>/. In the built site
// snowball.js, tokenize.js and engine.js follow this file in one script (overrides/hooks/search_worker.py): they
// are defined by the time any callback below runs.
"use strict";
const LANG = new URL(self.location.href).searchParams.get("lang") || "en";
const FOLDER = new URL(`../../../search/${LANG}/`, self.location.href);
const load = path => fetch(new URL(path, FOLDER)).then(r => {
  if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
  return r.json();
});
// Fetch first: the worker starts with the page, before Material sends SETUP, and before the rest of this script.
const download = load("index.json");

const ready = download.then(manifest => searchEngine.prepare(manifest, load));
let options = { suggest: false };
let latest = 0;       // the newest query's number
let onScreen = null;  // the last answer sent, as JSON

// READY as soon as the index is in, without waiting for SETUP (which brings only Material's options and its own
// index, unused here), and again after SETUP: Material acts on the first and ignores the rest.
ready.then(() => postMessage({ type: 1 }));

addEventListener("message", async ev => {
  const { type, data } = ev.data;
  if (type === 0) {
    options = (data && data.options) || options;
    await ready;
    postMessage({ type: 1 });
  } else if (type === 2) {
    const index = await ready;
    // Material sends a query per keystroke and redraws the list for every answer (a focused result loses its
    // focus). Answer only the newest query once the queued keystrokes are in (and its parts of the index are
    // fetched), and not at all when the list on screen already shows the same results.
    const id = ++latest;
    await new Promise(resolve => setTimeout(resolve, 0));
    if (id !== latest) return;
    let result = { items: [] };
    try {
      result = await searchEngine.search(index, data, options);
    } catch (err) {
      console.warn("search failed", err);
    }
    if (id !== latest) return;
    const shown = JSON.stringify(result);
    if (result.items.length && shown === onScreen) return;  // no results: always answer, the count text says so
    onScreen = shown;
    postMessage({ type: 3, data: result });
  }
});
