"""Reading comfort in Chromium: the colour scheme follows the system and the reader's toggle (remembered), axe-clean
in both schemes; print leaves out the controls and keeps the provenance; an essay read once opens again, and a
search asked on it answers again, with the network cut (the service worker), what was still loading when the worker
took over included; and a new build's worker replaces what the old one kept."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from reading_site import DESKTOP, PHONE, Build, Visit, build_site, serve_in_background, visit_in
from serve_site import SiteHandler
from test_browser import KIRMER, axe_violations
from test_search_browser import essay_ids, search

from archive import languages

ESSAY = f"ru/essays/{KIRMER}/"


@pytest.fixture
def dark(browser: object, base_url: str) -> Iterator[Visit]:
    yield from visit_in(browser, base_url, {**PHONE, "color_scheme": "dark"})


def scheme(visit: Visit) -> str:
    return visit.page.locator("body").get_attribute("data-md-color-scheme")


def test_the_scheme_follows_the_system_and_is_axe_clean_in_both(dark: Visit, desktop: Visit) -> None:
    for visit, expected in ((dark, "slate"), (desktop, "default")):
        for url in ("ru/", ESSAY, f"{ESSAY}parallel/zh/"):
            visit.open(url)
            assert scheme(visit) == expected, url
            assert axe_violations(visit) == [], f"{url} ({expected})"
        visit.assert_clean()


def test_the_toggle_changes_the_scheme_and_is_remembered(desktop: Visit, artifacts: Path) -> None:
    ui = languages.get("ru").ui
    desktop.open(ESSAY)

    def toggle() -> object:
        return desktop.page.locator("form[data-md-component=palette] label:visible")

    assert scheme(desktop) == "default"  # the system's (light here) until the reader chooses
    expect(toggle()).to_have_attribute("title", ui["palette_light"])
    toggle().click()
    assert scheme(desktop) == "default"
    expect(toggle()).to_have_attribute("title", ui["palette_dark"])
    toggle().click()
    assert scheme(desktop) == "slate"
    expect(toggle()).to_have_attribute("title", ui["palette_system"])
    desktop.page.screenshot(path=artifacts / "ru-essay-dark.png")
    desktop.open("zh/")  # another page, another language: the choice holds
    assert scheme(desktop) == "slate"
    expect(toggle()).to_have_attribute("title", languages.get("zh").ui["palette_system"])
    desktop.assert_clean()


def test_print_leaves_out_the_controls_and_keeps_the_provenance(desktop: Visit, artifacts: Path) -> None:
    desktop.open(ESSAY)
    provenance = desktop.page.locator("details.archive-provenance dl")
    expect(provenance).to_be_hidden()  # closed on screen
    desktop.page.emulate_media(media="print")
    for hidden in (".md-header", ".md-select", ".md-search", ".archive-versions", ".archive-parallel-links",
                   ".archive-cite"):
        expect(desktop.page.locator(hidden).first).to_be_hidden()
    expect(provenance).to_be_visible()
    expect(desktop.page.locator("article h1")).to_be_visible()
    desktop.page.screenshot(path=artifacts / "ru-essay-print.png", full_page=True)
    desktop.open(f"{ESSAY}parallel/zh/")
    desktop.page.emulate_media(media="print")
    expect(desktop.page.locator("table.archive-parallel td[lang=zh]").first).to_be_visible()
    expect(desktop.page.locator(".archive-parallel-pairs")).to_be_hidden()
    desktop.assert_clean()


def cached_urls(page: object) -> list[str]:
    return page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(name + " " + request.url);
        }
        return urls;
    }""")


def test_an_essay_read_once_opens_and_searches_offline(browser: object, base_url: str) -> None:
    # No request routing here: Playwright's routing and a service worker do not mix, and the worker is the point.
    context = browser.new_context(**DESKTOP)
    try:
        page, errors = first_visit(context, base_url)
        # What the first visit loaded and the whole search data of its language get kept, with no query asked:
        # the manifest, every term chunk and every page's texts (as many as the manifest names).
        until_kept(page, search_files(page, "ru"))
        until_kept(page, loaded(page))  # all the page loaded, what was still on its way when the worker took over too
        kept = cached_urls(page)
        assert kept and all(url.split(" ")[1].startswith(base_url) for url in kept), kept  # nothing from another host
        assert len({url.split(" ")[0] for url in kept}) == 1  # one cache, named after the build
        context.set_offline(True)
        page.reload()
        expect(page.locator("article h1")).to_have_text("Инженеры по машинному обучению — что они на самом деле делают?")
        links = search(SimpleNamespace(page=page), "ветеринария")
        assert essay_ids(links)[:1] == [KIRMER]
        # Opened anew, in a tab of its own, still without a network.
        again = context.new_page()
        again.goto(base_url + ESSAY)
        expect(again.locator("article h1")).to_be_visible()
        assert errors == []
    finally:
        context.close()


def test_what_was_still_loading_when_the_worker_took_over_is_kept_too(browser: object, site: Path,
                                                                     artifacts: Path) -> None:
    """On a slow network, Material's search/search_index.json and the essay's alignment are still on their way when
    the service worker takes over: they went past it, and are not yet among what the page has loaded when it hands
    that over. They are kept once they arrive, so offline the page has its alignment and its search still starts
    (Material's search waits for that file, however unused here)."""
    release = threading.Event()
    held = {"/search/search_index.json", f"/alignments/{KIRMER}.json"}

    class SlowNetwork(SiteHandler):
        def respond(self, send_body: bool) -> None:
            if urlsplit(self.path).path in held:
                release.wait(30)
            super().respond(send_body)

    server, base_url = serve_in_background(site, handler=SlowNetwork)
    context = browser.new_context(**DESKTOP)
    try:
        page, errors = first_visit(context, base_url)
        until_kept(page, search_files(page, "ru"))  # the worker has done what the page handed over at the start
        assert held.isdisjoint(loaded(page))  # still on their way
        release.set()
        until_kept(page, held)
        context.set_offline(True)
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.reload()
        links = search(SimpleNamespace(page=page), "ветеринария")
        assert essay_ids(links)[:1] == [KIRMER]
        page.screenshot(path=artifacts / "ru-offline-search-first-visit-slow.png")
        assert failed == [] and errors == []  # the alignment among them: it came from the cache
    finally:
        release.set()
        context.close()
        server.shutdown()


def first_visit(context: object, base_url: str) -> tuple[object, list[str]]:
    """The Russian essay opened in a new tab, once the service worker controls it, and the page's errors as they come."""
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + ESSAY)
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    return page, errors


def loaded(page: object) -> list[str]:
    """What the page has loaded: its own path and those of the resources it fetched, each with its query."""
    return page.evaluate("""[location.href, ...performance.getEntriesByType('resource').map(e => e.name)]
        .map(u => { const url = new URL(u); return url.pathname + url.search; })""")


def search_files(page: object, lang: str) -> list[str]:
    """A language's whole search data, as its manifest names it: the manifest, every term chunk, every page text."""
    manifest = page.evaluate(f"fetch('/search/{lang}/index.json').then(r => r.json())")
    return [f"/search/{lang}/index.json", *(f"/search/{lang}/t/{n}.json" for n in range(len(manifest["chunks"]))),
            *(f"/search/{lang}/p/{n}.json" for n in range(manifest["pages"]))]


def until_kept(page: object, wanted: object, seconds: float = 30) -> None:
    """Wait until the service worker's cache holds every path (with its query) in `wanted`."""
    missing = sorted(wanted)
    for _ in range(int(seconds * 4)):
        missing = page.evaluate("""async wanted => {
            const kept = new Set();
            for (const name of await caches.keys())
                for (const r of await (await caches.open(name)).keys())
                    kept.add(new URL(r.url).pathname + new URL(r.url).search);
            return wanted.filter(p => !kept.has(p));
        }""", missing)
        if not missing:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"not kept after {seconds} s: {missing}")


def until(page: object, script: str, arg: object = None, seconds: float = 30) -> None:
    """Wait until an async page script returns true. (Playwright's wait_for_function does not await a promise: any
    async function counts as true at once.)"""
    for _ in range(int(seconds * 4)):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"still false after {seconds} s: {script}")


def cache_names(page: object) -> list[str]:
    return page.evaluate("caches.keys()")


def test_a_new_build_replaces_what_the_old_one_kept(browser: object, built: Build, tmp_path: Path) -> None:
    """Two real builds served one after the other at one address, as a host serves a redeploy: the second changes
    the Russian essay's text. After a visit online, the new worker has taken over, the old build's cache is gone,
    and offline the reader gets the new text, not the one kept before."""
    served = tmp_path / "served"
    shutil.copytree(built.site, served)
    docs = tmp_path / "docs"
    shutil.copytree(built.docs, docs)
    page_md = docs / "ru" / "essays" / f"{KIRMER}.md"
    page_md.write_text(page_md.read_text(encoding="utf-8").replace(
        "\nНазвание, конечно, вопрос с подвохом.", "\nНовая сборка. Название, конечно, вопрос с подвохом.", 1),
        encoding="utf-8")
    rebuilt = build_site(docs, tmp_path / "rebuilt").site
    old_worker, new_worker = ((site / "sw.js").read_text(encoding="utf-8") for site in (served, rebuilt))
    assert old_worker != new_worker  # the version in it changed with the page
    server, base_url = serve_in_background(served)
    context = browser.new_context(**DESKTOP)
    try:
        page = context.new_page()
        page.goto(base_url + ESSAY)
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        until(page, "async () => (await caches.keys()).length === 1")
        (old_cache,) = cache_names(page)
        until(page, """async name => {
            const kept = await (await caches.open(name)).keys();
            return kept.some(r => new URL(r.url).pathname.endsWith('/essays/' + %r + '/'));
        }""" % KIRMER, old_cache)
        # The host now serves the new build.
        shutil.rmtree(served)
        shutil.copytree(rebuilt, served)
        page.goto(base_url + ESSAY)  # a navigation: the browser checks the worker script and finds it changed
        for _ in range(60):  # the new worker installs, takes over and deletes the old cache: poll for it
            if old_cache not in cache_names(page):
                break
            page.wait_for_timeout(500)
        assert old_cache not in cache_names(page)
        page.reload()  # under the new worker: the page is kept in its cache, named after the new build
        expect(page.locator("article")).to_contain_text("Новая сборка")
        until(page, """async () => {
            for (const name of await caches.keys())
                for (const r of await (await caches.open(name)).keys())
                    if (new URL(r.url).pathname.endsWith('/essays/%s/')) return true;
            return false;
        }""" % KIRMER)
        (new_cache,) = cache_names(page)
        assert new_cache.startswith("archive-") and new_cache != old_cache
        context.set_offline(True)
        page.reload()
        expect(page.locator("article")).to_contain_text("Новая сборка")
        assert cache_names(page) == [new_cache]
    finally:
        context.close()
        server.shutdown()
