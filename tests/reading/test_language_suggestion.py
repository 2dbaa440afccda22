"""The language suggestion in Chromium with ru-RU, zh-CN and ja-JP browsers: shown once, in that language, where
the page exists in it; in the page's flow, never over the text; dismissed and remembered; never a redirect."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from reading_site import DESKTOP, PHONE, Visit, visit_in

from archive import languages

KIRMER = "machine-learning-engineers-what-do-they-actually-do"
JA_ONLY = "ja/essays/kikai-gakushu-engineer-tte-nandarou/"
LOCALES = {"ru": "ru-RU", "zh": "zh-CN", "ja": "ja-JP"}


def reader(browser: object, base_url: str, locale: str, device: dict = PHONE) -> Iterator[Visit]:
    yield from visit_in(browser, base_url, {**device, "locale": locale})


@pytest.fixture
def russian(browser: object, base_url: str) -> Iterator[Visit]:
    yield from reader(browser, base_url, "ru-RU")


def shown_offers(visit: Visit) -> object:
    return visit.page.locator(".archive-suggest__offer:visible")


def assert_in_flow_above_the_text(visit: Visit) -> None:
    banner = visit.page.locator(".archive-suggest")
    assert banner.evaluate("e => getComputedStyle(e).position") == "static"
    box = banner.bounding_box()
    heading = visit.page.locator("article h1").bounding_box()
    assert box["y"] + box["height"] <= heading["y"], "the suggestion covers the title"


@pytest.mark.parametrize("code", ["ru", "zh", "ja"])
def test_a_reader_preferring_a_language_is_offered_the_page_in_it_once(browser: object, base_url: str, code: str,
                                                                       artifacts: Path) -> None:
    for visit in reader(browser, base_url, LOCALES[code]):
        # Every home page exists in every language: an English home offers the reader's language.
        visit.open("")
        offers = shown_offers(visit)
        expect(offers).to_have_count(1)
        offer = offers.first
        ui = languages.get(code).ui
        expect(offer).to_have_attribute("lang", code)
        expect(offer).to_contain_text(ui["suggest_text"])
        link = offer.get_by_role("link", name=ui["suggest_link"])
        expect(link).to_have_attribute("href", f"{languages.url_prefix(code)}")
        assert urlsplit(visit.page.url).path == "/"  # no redirect
        assert_in_flow_above_the_text(visit)
        visit.page.screenshot(path=artifacts / f"suggest-{code}-phone.png")
        # on its own language's pages nothing is suggested
        visit.open(languages.url_prefix(code))
        expect(visit.page.locator(".archive-suggest")).to_be_hidden()
        visit.assert_clean()


def test_dismissed_and_remembered(russian: Visit) -> None:
    russian.open(f"zh/essays/{KIRMER}/")
    offer = shown_offers(russian)
    expect(offer).to_have_count(1)
    expect(offer).to_have_attribute("lang", "ru")
    dismiss = offer.get_by_role("button", name=languages.get("ru").ui["suggest_dismiss"])
    dismiss.focus()
    russian.page.keyboard.press("Enter")  # from the keyboard
    expect(russian.page.locator(".archive-suggest")).to_be_hidden()
    russian.open(f"zh/essays/{KIRMER}/")
    expect(russian.page.locator(".archive-suggest")).to_be_hidden()
    russian.open("")  # and on every other page
    expect(russian.page.locator(".archive-suggest")).to_be_hidden()
    assert russian.page.evaluate("localStorage.getItem('archive-language-suggestion')") == "dismissed"
    russian.assert_clean()


def test_following_the_suggestion_is_remembered_too(russian: Visit) -> None:
    russian.open(f"zh/essays/{KIRMER}/")
    shown_offers(russian).get_by_role("link").click()
    russian.page.wait_for_load_state("networkidle")
    assert urlsplit(russian.page.url).path == f"/ru/essays/{KIRMER}/"
    expect(russian.page.locator(".archive-suggest")).to_be_hidden()
    russian.open("zh/")
    expect(russian.page.locator(".archive-suggest")).to_be_hidden()
    russian.assert_clean()


def test_never_shown_where_no_version_in_that_language_exists(browser: object, base_url: str) -> None:
    for visit in reader(browser, base_url, "ru-RU"):
        visit.open(JA_ONLY)
        expect(visit.page.locator(".archive-suggest")).to_be_hidden()
        visit.open("essays/what-is-an-ml-engineer/")
        expect(visit.page.locator(".archive-suggest")).to_be_hidden()
    for visit in reader(browser, base_url, "ja-JP"):
        visit.open(f"ru/essays/{KIRMER}/")  # Kirmer's essay has no Japanese version
        expect(visit.page.locator(".archive-suggest")).to_be_hidden()
        visit.assert_clean()


def test_an_english_browser_is_offered_nothing(browser: object, base_url: str) -> None:
    """Browsers ship with English: it is no sign of a preference, and English is the site's root anyway."""
    for visit in reader(browser, base_url, "en-US"):
        for path in ("ru/", f"zh/essays/{KIRMER}/"):
            visit.open(path)
            expect(visit.page.locator(".archive-suggest")).to_be_hidden()


def test_the_first_of_the_readers_languages_decides(browser: object, base_url: str) -> None:
    context = browser.new_context(**PHONE, locale="ja-JP")
    try:
        page = context.new_page()
        page.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['ja-JP', 'ru-RU']})")
        page.goto(base_url + f"zh/essays/{KIRMER}/")  # no Japanese version: no Russian one offered instead
        expect(page.locator(".archive-suggest")).to_be_hidden()
    finally:
        context.close()


def test_screenshot_on_a_desktop(browser: object, base_url: str, artifacts: Path) -> None:
    for visit in reader(browser, base_url, "zh-CN", DESKTOP):
        visit.open(f"ru/essays/{KIRMER}/")
        expect(shown_offers(visit)).to_have_count(1)
        assert_in_flow_above_the_text(visit)
        visit.page.screenshot(path=artifacts / "suggest-zh-desktop.png")
        visit.assert_clean()
