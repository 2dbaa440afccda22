#!/usr/bin/env python3
"""Search benchmark that prints numbers (never assertions): per language, the search bytes a reader's browser
downloads before the first result (median over the reader queries), the median time from navigation to the first
result in Chromium, and how many reader queries find their essay in the top 3; optionally the same for Pagefind.

Usage: python scripts/bench_search.py [SITE] [--runs 5] [--no-browser] [--pagefind]
Without SITE it builds the project into a temporary folder first. scripts/bench.py calls report() on its synthetic
archives. Each run opens a fresh browser context (empty cache) at <language home>?q=<query> (Material's deep link,
which types the query as soon as search is ready) served with gzip by scripts/serve_site.py on 127.0.0.1, and stops
the clock when the first result is in the list: navigation, page, worker start, index download, query, rendering.
Bytes are what the server sent (gzip) for the search worker and search/ files until then.

--pagefind indexes the built site with Pagefind (`pagefind[extended]`, the `bench` extra) into SITE/pagefind/ and
measures it the same way, without Material's box: at DOMContentLoaded the page imports pagefind.js, searches and
loads the first result's data (what Pagefind's own UI needs to show it).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from archive import languages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from serve_site import compressed, serve_in_background  # noqa: E402

QUERIES = ROOT / "tests" / "search-queries.tsv"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SEARCH_PATHS = ("/search/", "/assets/javascripts/search/")  # what our search fetches (and Material's config-only index)
PAGEFIND_PATHS = ("/pagefind/",)
# Set before the page's scripts run: the moment the first result is in Material's list, and the result links.
FIRST_RESULT = """window.__firstResult = null;
new MutationObserver((_, observer) => {
  const list = document.querySelector(".md-search-result__list");
  if (list && list.children.length) { window.__firstResult = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true});
window.__links = () => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")].map(a => a.href);"""
# The same for Pagefind, without a search box: import it, search the ?q= query, load the first result's data.
PAGEFIND_FIRST_RESULT = """window.__firstResult = null;
document.addEventListener("DOMContentLoaded", async () => {
  const q = new URL(location.href).searchParams.get("q");
  const pagefind = await import(new URL("pagefind/pagefind.js", document.querySelector("base")?.href
                                        || location.origin + "/").href);
  const search = await pagefind.search(q);
  const first = search.results.length ? await search.results[0].data() : null;
  window.__firstResult = performance.now();
  const top = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  window.__pagefindLinks = top.map(d => new URL(d.url, location.origin).href);
});
window.__links = () => window.__pagefindLinks || null;"""


def reader_queries() -> dict[str, list[tuple[str, str]]]:
    """Each language's reader queries from tests/search-queries.tsv: (query, essay id expected in the top 3)."""
    found: dict[str, list[tuple[str, str]]] = {code: [] for code in languages.CODES}
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, query, essay = line.split("\t")
            found[lang].append((query, essay))
    return found


def search_files(site: Path, code: str) -> list[Path]:
    """What a reader of one language downloads before any query: the search manifest, the worker (one script, see
    overrides/hooks/search_worker.py) and Material's search_index.json (config only)."""
    worker = site / "assets" / "javascripts" / "search" / "worker.js"
    return [site / "search" / code / "index.json", site / "search" / "search_index.json", worker]


def folder_bytes(folder: Path) -> tuple[int, int]:
    """(bytes, gzip bytes) of every file under a folder."""
    raw = gz = 0
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, compresslevel=6, mtime=0))
    return raw, gz


def essay_ids(links: list[str]) -> list[str]:
    """Essay ids of the result pages, in order, once each."""
    ids: list[str] = []
    for link in links:
        match = re.search(r"/essays/([^/#?]+)/", link)
        if match and match.group(1) not in ids:
            ids.append(match.group(1))
    return ids


@dataclass
class Visit:
    ms: float
    sent: int  # search bytes (gzip) sent before the first result
    links: list[str]


def index_with_pagefind(site: Path) -> float:
    """Run Pagefind (extended: it segments Chinese and Japanese) over the built site; seconds taken."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article",
                    "--exclude-selectors", ".headerlink", "--quiet"], check=True)
    return time.perf_counter() - start


class Browser:
    """Chromium on the site served with gzip; one fresh context per visit."""

    def __init__(self, site: Path, pagefind: bool = False):
        from playwright.sync_api import sync_playwright

        self.sent: list[tuple[str, int]] = []
        self.server, self.base = serve_in_background(site, self.sent)
        for path in site.rglob("*"):  # a static host serves files compressed ahead of time: none is gzipped while timed
            if path.is_file() and path.suffix in (".json", ".js", ".html", ".css", ".pf_meta", ".pf_index"):
                compressed(path, path.read_bytes())
        self.paths = PAGEFIND_PATHS if pagefind else SEARCH_PATHS
        self.script = PAGEFIND_FIRST_RESULT if pagefind else FIRST_RESULT
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm_up = self.browser.new_page()  # not counted: the browser's own start-up, not the site's
        warm_up.goto(self.base)
        warm_up.close()

    def visit(self, code: str, query: str, links: bool = False) -> Visit:
        context = self.browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.add_init_script(self.script)
        self.sent.clear()
        page.goto(f"{self.base}{languages.url_prefix(code)}?q={quote(query)}")
        page.wait_for_function("window.__firstResult !== null", timeout=120_000)
        sent = sum(n for path, n in list(self.sent) if path.startswith(self.paths))
        ms = page.evaluate("window.__firstResult")
        found: list[str] = []
        if links:
            page.wait_for_function("window.__links() !== null", timeout=120_000)
            found = page.evaluate("window.__links()")
        context.close()
        return Visit(ms, sent, found)

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()
        self.server.shutdown()


def report(site: Path, browser: bool = True, indent: str = "", runs: int = 5, pagefind: bool = False) -> dict:
    """Print (and return) per language: bytes before the first result, time to it, reader queries in the top 3."""
    engines = ["ours"] + (["pagefind"] if pagefind else [])
    results: dict = {}
    if pagefind:
        seconds = index_with_pagefind(site)
        raw, gz = folder_bytes(site / "pagefind")
        print(f"{indent}pagefind: indexed in {seconds:.1f} s, {raw / 2**20:,.1f} MiB on disk ({gz / 2**20:,.1f} MiB gzip)")
    raw, gz = folder_bytes(site / "search")
    print(f"{indent}search/ on disk: {raw / 2**20:,.1f} MiB ({gz / 2**20:,.1f} MiB gzip), "
          f"{sum(1 for p in (site / 'search').rglob('*') if p.is_file()):,} files")
    if not browser:
        for code in languages.CODES:
            start = sum(len(gzip.compress(p.read_bytes(), mtime=0)) for p in search_files(site, code))
            print(f"{indent}search {code}: {start / 1024:,.1f} KiB gzip before any query (manifest, worker)")
        return results
    queries = reader_queries()
    for engine in engines:
        session = Browser(site, pagefind=engine == "pagefind")
        try:
            for code in languages.CODES:
                visits = [session.visit(code, q, links=True) for q, _ in queries[code]]
                top3 = sum(essay in essay_ids(v.links)[:3] for v, (_, essay) in zip(visits, queries[code]))
                timed = [session.visit(code, queries[code][0][0]).ms for _ in range(runs)]
                kb = statistics.median(v.sent for v in visits) / 1024
                results[(engine, code)] = {"kb": kb, "ms": statistics.median(timed), "top3": top3,
                                           "queries": len(visits)}
                print(f"{indent}{engine} {code}: {kb:,.1f} KiB gzip before the first result (median over "
                      f"{len(visits)} reader queries, max {max(v.sent for v in visits) / 1024:,.1f}); first result "
                      f"for {queries[code][0][0]!r}: median {statistics.median(timed):.0f} ms "
                      f"({', '.join(f'{t:.0f}' for t in timed)}); top 3: {top3}/{len(visits)}")
        finally:
            session.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--pagefind", action="store_true", help="also index with Pagefind and measure it")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                           cwd=ROOT, env=env, check=True)
        report(site, browser=not args.no_browser, runs=args.runs, pagefind=args.pagefind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
