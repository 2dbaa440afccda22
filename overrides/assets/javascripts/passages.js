/* Switching language keeps the reader's place: every link to another version of this essay (the header's language
   switcher, the page's list of versions) is pointed at the passage of that version aligned with the passage at the
   top of the screen, kept up to date as the reader scrolls. The alignment is site/alignments/<essay>.json
   (hooks/alignments.py). Without this script the links lead to the top of the other version. */
(function () {
  "use strict";
  var data = document.getElementById("archive-alignment");
  if (!data || !window.fetch) return;
  var lang = document.documentElement.lang;

  fetch(data.getAttribute("data-alignment"))
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(start)
    .catch(function () { /* the links keep leading to the tops of the other versions */ });

  function start(alignment) {
    var groups = alignment.groups;
    var groupOf = {};  // this version's anchor -> group index
    var passages = [];  // this version's passages, in reading order
    groups.forEach(function (group, index) {
      (group[lang] || []).forEach(function (id) {
        groupOf[id] = index;
        var element = document.getElementById(id);
        if (element) passages.push(element);
      });
    });
    var links = [];
    var selector = ".md-select__link[hreflang], .archive-versions a[hreflang]";
    document.querySelectorAll(selector).forEach(function (link) {
      var code = link.getAttribute("hreflang");
      if (code !== lang && alignment.versions[code] && link.pathname.indexOf(alignment.versions[code]) !== -1) {
        links.push({ link: link, code: code, href: link.href.split("#")[0] });
      }
    });

    // The counterpart of group `index` in version `code`: its first passage there, else the nearest before it.
    function target(index, code) {
      for (var i = index; i >= 0; i--) {
        if (groups[i][code] && groups[i][code].length) return groups[i][code][0];
      }
      return null;
    }

    // The first passage whose bottom is below the header: what the reader is reading now.
    function current() {
      var header = document.querySelector(".md-header");
      var top = header ? header.getBoundingClientRect().bottom : 0;
      if (!passages.length || passages[0].getBoundingClientRect().top >= top) return null;
      var low = 0, high = passages.length - 1;
      while (low < high) {  // passages are in reading order: binary search for the first one still on screen
        var mid = (low + high) >> 1;
        if (passages[mid].getBoundingClientRect().bottom > top) high = mid; else low = mid + 1;
      }
      return passages[low].id;
    }

    var shown = undefined;
    function update() {
      var id = current();
      if (id === shown) return;
      shown = id;
      links.forEach(function (entry) {
        var anchor = id === null ? null : target(groupOf[id], entry.code);
        entry.link.href = anchor ? entry.href + "#" + encodeURIComponent(anchor) : entry.href;
      });
    }

    var queued = false;
    window.addEventListener("scroll", function () {
      if (queued) return;
      queued = true;
      window.requestAnimationFrame(function () { queued = false; update(); });
    }, { passive: true });
    window.addEventListener("hashchange", update);
    update();
  }
})();
