/* The reading site's service worker (scope: the site root; registered by assets/javascripts/offline.js): every
   same-origin GET goes to the network first and its answer is kept, so a page read once, with its styles and
   scripts, opens again without a network; the search data of that page's language is kept whole, so its search
   answers offline too. Nothing from another
   host is touched. The cache is named after the build (overrides/hooks/offline.py writes the version below), and a
   new build's worker deletes the old caches when it takes over. */
"use strict";
const VERSION = "__ARCHIVE_BUILD__";
const CACHE = `archive-${VERSION}`;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("archive-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

function ours(url) {
  return url.origin === self.location.origin;
}

async function keep(cache, request, response) {
  if (response.ok && response.type === "basic") await cache.put(request, response);
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    await keep(cache, request, response.clone());
    return response;
  } catch (error) {
    // Offline. A page may be asked for with another query (?h= from a search result) than it was kept with.
    const cached = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", event => {
  const request = event.request;
  if (request.method !== "GET" || !ours(new URL(request.url))) return;  // the browser handles it, uncached
  event.respondWith(networkFirst(request));
});

/* Fetch each URL not kept yet into the cache, a few at a time (a language's search data is many small files). */
async function keepAll(cache, hrefs) {
  const todo = hrefs.map(href => { const url = new URL(href, self.location.href); url.hash = ""; return url; })
    .filter(ours);
  const next = async () => {
    for (let url = todo.shift(); url; url = todo.shift()) {
      if (await cache.match(url.href)) continue;
      try {
        await keep(cache, url.href, await fetch(url.href));
      } catch (error) { /* offline again: kept next time */ }
    }
  };
  await Promise.all([next(), next(), next(), next()]);
}

/* The search data of one language, search/<lang>/: its manifest names how many term chunks (t/<n>.json) and page
   texts (p/<n>.json) there are (archive/search_index.py), so every query of that language answers offline, not
   only the ones asked before. */
async function keepSearch(cache, manifestHref) {
  const manifest = new URL(manifestHref, self.location.href);
  if (!ours(manifest)) return;
  let data;
  try {
    const response = await fetch(manifest.href);
    await keep(cache, manifest.href, response.clone());
    data = await response.json();
  } catch (error) {
    return;  // offline, or no index here: kept on a later visit
  }
  const files = [];
  for (let n = 0; n < (data.chunks || []).length; n++) files.push(new URL(`t/${n}.json`, manifest).href);
  for (let n = 0; n < (data.pages || 0); n++) files.push(new URL(`p/${n}.json`, manifest).href);
  await keepAll(cache, files);
}

/* The first visit: the page and what it loaded came before this worker controlled it; the page sends their URLs
   and its language's search manifest (offline.js), and they are fetched again, into the cache. */
self.addEventListener("message", event => {
  if (!event.data || event.data.type !== "archive-cache") return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await keepAll(cache, event.data.urls);
    if (event.data.search) await keepSearch(cache, event.data.search);
  })());
});
