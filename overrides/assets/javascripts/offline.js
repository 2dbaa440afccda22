/* Reading offline: registers the site's service worker (sw.js at the site root, see there). On the first visit
   this page and its search worker were loaded before the service worker controlled them, so once it does, the page
   hands it the URLs it loaded and starts its language's search worker once more, under its control: whatever that
   worker downloads (its manifest, search/<lang>/index.json; a query's files when it is asked) is kept, without
   this script knowing the files' names. */
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
    navigator.serviceWorker.controller.postMessage({ type: "archive-cache", urls: urls });
    var search = searchWorker();
    if (search && window.Worker) {
      var again = new Worker(search);
      setTimeout(function () { again.terminate(); }, 30000);  // long enough to download the index
    }
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
