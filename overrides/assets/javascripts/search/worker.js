// The archive's search worker. It speaks Material's search worker protocol (SETUP 0, READY 1, QUERY 2, RESULT 3),
// so Material's search box, result list and landing-page highlighting stay as they are, but it searches only the
// index of its page's language (?lang= in its URL, see overrides/main.html), with engine.js.
"use strict";
const LANG = new URL(self.location.href).searchParams.get("lang") || "en";
// Fetch at once, while the scripts load: the worker starts with the page, before Material sends SETUP.
const download = fetch(new URL(`../../../search/${LANG}.json`, self.location.href)).then(r => r.json());
// The built site has these prepended to this file (overrides/hooks/search_worker.py): one request, not four.
if (typeof searchEngine === "undefined") importScripts("snowball.js", "tokenize.js", "engine.js");

const ready = download.then(searchEngine.prepare);
let options = { suggest: false };

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
    let result = { items: [] };
    try {
      result = searchEngine.search(await ready, data, options);
    } catch (err) {
      console.warn("search failed", err);
    }
    postMessage({ type: 3, data: result });
  }
});
