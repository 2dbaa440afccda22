/* Reading offline: registers the site's service worker (sw.js at the site root, see there). On the first visit
   this page loaded before the service worker controlled it, so once it does, the page hands it the URLs it loaded,
   its language's search worker and that language's search manifest: the service worker keeps them and the whole of
   that language's search data, so the page and any search of its language work without a network. A request still
   under way when the worker took over (Material's search/search_index.json, the alignment a slow network has not
   brought yet) went past the worker and is in no list yet: it is handed over when it ends. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var worker = new URL(script.getAttribute("data-worker"), location.href);
  var scope = new URL(script.getAttribute("data-scope"), location.href);
  var controlled = Boolean(navigator.serviceWorker.controller);

  function searchWorker() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return config.search ? new URL(config.search, location.href).href : null;  // as Material resolves it
    } catch (error) {
      return null;
    }
  }

  function warm() {
    var urls = [location.href].concat(performance.getEntriesByType("resource").map(function (e) { return e.name; }));
    var search = searchWorker(), manifest = null;
    if (search) {
      urls.push(search);
      // Where the search worker reads its language's index (search/worker.js: FOLDER, beside the site root).
      var lang = new URL(search).searchParams.get("lang");
      if (lang) manifest = new URL("../../../search/" + lang + "/index.json", search).href;
    }
    navigator.serviceWorker.controller.postMessage({ type: "archive-cache", urls: urls, search: manifest });
    handOverLate(performance.now());
  }

  /* The requests started before `since` (when the worker took over) that end from now on. */
  function handOverLate(since) {
    if (!("PerformanceObserver" in window)) return;
    new PerformanceObserver(function (list) {
      var late = list.getEntries().filter(function (e) { return e.startTime < since; })
        .map(function (e) { return e.name; });
      var controller = navigator.serviceWorker.controller;
      if (late.length && controller) controller.postMessage({ type: "archive-cache", urls: late });
    }).observe({ type: "resource" });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!controlled) {
      controlled = true;
      warm();
    }
  });
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker.href, { scope: scope.pathname }).catch(function () {});
  });
})();
