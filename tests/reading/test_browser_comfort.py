"""Reading comfort in Chromium: the colour scheme follows the system and the reader's toggle (remembered), axe-clean
in both schemes; print leaves out the controls and keeps the provenance; an essay read once opens again, and a
search asked on it answers again, with the network cut (the service worker)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

import pytest
from playwright.sync_api import expect
from reading_site import DESKTOP, PHONE, Visit, visit_in
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
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base_url + ESSAY)
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        # What the first visit loaded and the whole search data of its language get kept, with no query asked:
        # the manifest, every term chunk and every page's texts (as many as the manifest names).
        manifest = page.evaluate("fetch('/search/ru/index.json').then(r => r.json())")
        wanted = ["/search/ru/index.json", *(f"/search/ru/t/{n}.json" for n in range(len(manifest["chunks"]))),
                  *(f"/search/ru/p/{n}.json" for n in range(manifest["pages"]))]
        page.wait_for_function("""async wanted => {
            const kept = new Set();
            for (const name of await caches.keys())
                for (const r of await (await caches.open(name)).keys()) kept.add(new URL(r.url).pathname);
            return wanted.every(p => kept.has(p));
        }""", arg=wanted)
        page.wait_for_timeout(1000)
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
