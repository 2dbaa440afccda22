#!/usr/bin/env python3
"""Search benchmark that prints numbers (never assertions): per language, the bytes of search data a reader's browser
loads, and the median time from navigation to the first search result in Chromium.

Usage: python scripts/bench_search.py [SITE] [--runs 5] [--no-browser]
Without SITE it builds the project into a temporary folder first. scripts/bench.py calls report() on its synthetic
archives. Each run opens a fresh browser context (empty cache) at <language home>?q=<query> (Material's deep link,
which types the query as soon as search is ready) served with gzip on 127.0.0.1, and stops the clock when the first
result is in the list: navigation, page, worker start, index download and parse, query, rendering.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from archive import languages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from serve_site import compressed, serve_in_background  # noqa: E402

QUERIES = ROOT / "tests" / "search-queries.tsv"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Set before the page's scripts run: the moment the first result is in Material's list.
FIRST_RESULT = """window.__firstResult = null;
new MutationObserver((_, observer) => {
  const list = document.querySelector(".md-search-result__list");
  if (list && list.children.length) { window.__firstResult = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true});"""


def first_queries() -> dict[str, str]:
    """Each language's first reader query from tests/search-queries.tsv."""
    found: dict[str, str] = {}
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, query, _ = line.split("\t")
            found.setdefault(lang, query)
    return found


def search_files(site: Path, code: str) -> list[Path]:
    """What a reader of one language downloads for search: its index, the worker (one script, see
    overrides/hooks/search_worker.py) and Material's search_index.json (config only)."""
    worker = site / "assets" / "javascripts" / "search" / "worker.js"
    return [site / "search" / f"{code}.json", site / "search" / "search_index.json", worker]


def search_bytes(site: Path, code: str) -> tuple[int, int]:
    """(bytes, gzip bytes) of the language's search files."""
    raw = gz = 0
    for path in search_files(site, code):
        data = path.read_bytes()
        raw += len(data)
        gz += len(gzip.compress(data, mtime=0))
    return raw, gz


def time_first_results(site: Path, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    server, base = serve_in_background(site)
    for code in languages.CODES:  # a static host serves files compressed ahead of time: none is gzipped while timed
        for path in search_files(site, code):
            compressed(path, path.read_bytes())
    times: dict[str, list[float]] = {code: [] for code in languages.CODES}
    queries = first_queries()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm_up = browser.new_page()  # not counted: the browser's own start-up, not the site's
            warm_up.goto(base)
            warm_up.close()
            for _ in range(runs):
                for code in languages.CODES:
                    context = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = context.new_page()
                    page.add_init_script(FIRST_RESULT)
                    page.goto(f"{base}{languages.url_prefix(code)}?q={quote(queries[code])}")
                    page.wait_for_function("window.__firstResult !== null", timeout=60_000)
                    times[code].append(page.evaluate("window.__firstResult"))
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return times


def report(site: Path, browser: bool = True, indent: str = "", runs: int = 5) -> None:
    times = time_first_results(site, runs) if browser else {}
    queries = first_queries()
    for code in languages.CODES:
        raw, gz = search_bytes(site, code)
        line = f"{indent}search {code}: {raw / 1024:,.1f} KiB ({gz / 1024:,.1f} KiB gzip)"
        if code in times:
            ms = ", ".join(f"{t:.0f}" for t in times[code])
            line += f"; first result for {queries[code]!r}: median {statistics.median(times[code]):.0f} ms ({ms})"
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
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
        report(site, browser=not args.no_browser, runs=args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
