/* The reading site's service worker (scope: the site root; registered by assets/javascripts/offline.js): every
   same-origin GET goes to the network first and its answer is kept, so a page read once, with its styles, scripts
   and the search data its language's search worker downloaded, opens again without a network. Nothing from another
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

/* The first visit: the page and what it loaded came before this worker controlled it; the page sends their URLs
   (offline.js) and they are fetched again, into the cache. */
self.addEventListener("message", event => {
  if (!event.data || event.data.type !== "archive-cache") return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(event.data.urls.map(async href => {
      const url = new URL(href, self.location.href);
      url.hash = "";
      if (!ours(url) || await cache.match(url.href)) return;
      try {
        await keep(cache, url.href, await fetch(url.href));
      } catch (error) { /* offline again: kept next time */ }
    }));
  })());
});
