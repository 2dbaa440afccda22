"""What readers do, in Chromium against the built site served on loopback: open pages, switch languages, follow a
permalink, use the keyboard; axe-core on every home and essay. Every visit fails on a request to another host, a
failed request (Material's sitemap fetches used to 404) or a console error. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from reading_site import ROOT, Visit
from playwright.sync_api import expect

from archive import languages

KIRMER = "machine-learning-engineers-what-do-they-actually-do"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def essay_urls(site: Path, code: str) -> list[str]:
    prefix = languages.url_prefix(code)
    return [f"{prefix}essays/{p.parent.name}/" for p in sorted((site / prefix / "essays").glob("*/index.html"))]


def path_of(visit: Visit) -> str:
    return urlsplit(visit.page.url).path


@pytest.mark.parametrize("code", languages.CODES)
def test_every_home_and_essay_opens_cleanly(phone: Visit, site: Path, artifacts: Path, code: str) -> None:
    home = languages.url_prefix(code)
    phone.open(home)
    expect(phone.page.locator("html")).to_have_attribute("lang", code)
    expect(phone.page.locator(".archive-catalog li.archive-entry").first).to_be_visible()
    assert_fits_the_screen(phone)
    phone.page.screenshot(path=artifacts / f"{code}-home.png", full_page=True)
    essays = essay_urls(site, code)
    assert essays, f"no essay in {code}"
    for i, url in enumerate(essays):
        phone.open(url)
        expect(phone.page.locator("html")).to_have_attribute("lang", code)
        expect(phone.page.locator("article h1")).to_be_visible()
        expect(phone.page.locator("article .archive-versions")).to_be_visible()
        assert_fits_the_screen(phone)
        if i == 0:
            phone.page.screenshot(path=artifacts / f"{code}-essay.png", full_page=True)
    phone.assert_clean()
    assert not any(u.endswith("sitemap.xml") for u in phone.requested), "Material's alternate sitemap fetches"


def assert_fits_the_screen(visit: Visit) -> None:
    width = visit.page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"{visit.page.url}: {width[0]}px wide on a {width[1]}px screen"


def open_switcher(visit: Visit) -> None:
    visit.page.locator(".md-select > button").click()
    expect(visit.page.locator(".md-select__inner")).to_have_css("opacity", "1")


def test_switch_from_russian_to_chinese_lands_on_the_chinese_version(phone: Visit) -> None:
    phone.open(f"ru/essays/{KIRMER}/")
    open_switcher(phone)
    phone.page.locator(".md-select__list").get_by_role("link", name="中文").click()
    phone.page.wait_for_load_state("networkidle")
    assert path_of(phone) == f"/zh/essays/{KIRMER}/"
    expect(phone.page.locator("html")).to_have_attribute("lang", "zh")
    expect(phone.page.locator("article h1")).to_have_text("机器学习工程师——他们实际上做什么？")
    phone.assert_clean()


def test_switch_to_english_lands_on_the_english_home_with_the_essay_marked(phone: Visit) -> None:
    phone.open(f"ru/essays/{KIRMER}/")
    open_switcher(phone)
    english = phone.page.locator(".md-select__list").get_by_role(
        "link", name=re.compile("English.*" + re.escape(languages.get("ru").ui["switch_missing"])))
    expect(english).to_be_visible()  # marked for screen readers (its name) and visibly (the same text)
    english.click()
    phone.page.wait_for_load_state("networkidle")
    assert path_of(phone) == "/"
    expect(phone.page.locator("html")).to_have_attribute("lang", "en")
    entry = phone.page.locator(f'li.archive-entry[data-essay="{KIRMER}"]')
    expect(entry).to_have_class(re.compile("archive-entry--missing"))
    expect(entry.locator(".archive-entry__missing")).to_have_text(languages.get("en").ui["not_in_language"])
    expect(entry.locator(".archive-entry__versions").get_by_role("link", name="Русский")).to_be_visible()
    phone.assert_clean()


def test_a_link_to_another_language_goes_where_it_points(phone: Visit) -> None:
    """Material's alternate-language click take-over must stay off: this link once led to the Russian home."""
    phone.open("")
    entry = phone.page.locator(f'li.archive-entry[data-essay="{KIRMER}"]')
    entry.locator(".archive-entry__versions").get_by_role("link", name="Русский").click()
    phone.page.wait_for_load_state("networkidle")
    assert path_of(phone) == f"/ru/essays/{KIRMER}/"
    # the hreflang links are back in <head> once the page has loaded
    expect(phone.page.locator('link[rel="alternate"][hreflang="zh"]')).to_have_count(1)
    phone.assert_clean()


def test_a_heading_permalink_leads_to_its_heading(phone: Visit) -> None:
    phone.open("ru/")
    heading = phone.page.locator("h2", has_text="Как читать этот архив")
    heading.locator("a.headerlink").click()
    assert unquote(urlsplit(phone.page.url).fragment) == "как-читать-этот-архив"
    expect(heading).to_be_in_viewport()
    phone.page.reload()  # a cited link, opened fresh
    phone.page.wait_for_load_state("networkidle")
    expect(heading).to_be_in_viewport()
    phone.assert_clean()


def test_the_404_page_leads_home_in_every_language(phone: Visit, base_url: str) -> None:
    missing = base_url + "ja/essays/no-such-essay/"
    response = phone.page.goto(missing)
    assert response.status == 404
    assert phone.failed == [f"404 {missing}"] and len(phone.errors) == 1  # the page itself, and only it
    phone.failed.clear()
    phone.errors.clear()
    for lang in languages.LANGUAGES:
        expect(phone.page.get_by_role("link", name=lang.ui["not_found_home"])).to_be_visible()
    phone.page.get_by_role("link", name=languages.get("ja").ui["not_found_home"]).click()
    phone.page.wait_for_load_state("networkidle")
    assert path_of(phone) == "/ja/"
    phone.assert_clean()


def axe_violations(visit: Visit) -> list[str]:
    visit.page.add_script_tag(path=str(AXE))
    # A transition still running (Material's language menu fading out after the keyboard passed it) has colours
    # between two states; axe measures whatever is on screen, so it waits for every finite animation to end.
    violations = visit.page.evaluate("""async () => {
        const running = document.getAnimations().filter(a => a.effect.getComputedTiming().endTime !== Infinity);
        await Promise.all(running.map(a => a.finished.catch(() => null)));
        return (await axe.run()).violations;
    }""")
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in violations]


@pytest.mark.parametrize("code", languages.CODES)
def test_axe_finds_no_violation(phone: Visit, desktop: Visit, site: Path, code: str) -> None:
    for visit in (phone, desktop):
        for url in (languages.url_prefix(code), essay_urls(site, code)[0]):
            visit.open(url)
            assert axe_violations(visit) == [], f"{url} ({visit.page.viewport_size})"
    phone.assert_clean()
    desktop.assert_clean()


def tab_to(visit: Visit, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_switcher_works_from_the_keyboard(request: pytest.FixtureRequest, viewport: str) -> None:
    visit: Visit = request.getfixturevalue(viewport)
    visit.open(f"ru/essays/{KIRMER}/")
    tab_to(visit, ".md-select > button")
    visit.page.keyboard.press("Tab")
    focused = visit.page.locator(":focus")
    expect(focused).to_have_attribute("hreflang", "en")
    expect(visit.page.locator(".md-select__inner")).to_have_css("opacity", "1")  # the list shows while in it
    visit.page.keyboard.press("Tab")
    visit.page.keyboard.press("Tab")
    expect(focused).to_have_attribute("hreflang", "zh")
    visit.page.keyboard.press("Enter")
    expect(visit.page).to_have_url(re.compile(f"/zh/essays/{KIRMER}/$"))
    visit.page.wait_for_load_state("networkidle")
    visit.assert_clean()


def test_search_works_from_the_keyboard(desktop: Visit) -> None:
    desktop.open("")
    tab_to(desktop, "input.md-search__input")
    expect(desktop.page.get_by_role("dialog", name=re.compile(".+"))).to_have_count(1)  # the dialog has a name
    desktop.page.keyboard.type("Fortune")
    # Wait for the answer to the whole word, not to "F" or "Fo": Material redraws the list for each answer, and a
    # late redraw would take the focus from the highlighted result.
    expect(desktop.page.locator(".md-search-result__item a").first).to_have_attribute(
        "href", re.compile("what-is-an-ml-engineer")
    )
    result = desktop.page.locator(".md-search-result__item a").first
    desktop.page.keyboard.press("ArrowDown")
    expect(result).to_be_focused()
    desktop.page.keyboard.press("Enter")
    expect(desktop.page).to_have_url(re.compile("/essays/what-is-an-ml-engineer/"))
    desktop.page.wait_for_load_state("networkidle")
    desktop.assert_clean()


def test_search_opens_from_the_keyboard_on_a_phone(phone: Visit) -> None:
    phone.open("ja/")
    phone.page.keyboard.press("/")
    expect(phone.page.locator("input.md-search__input")).to_be_focused()
    expect(phone.page.locator("input.md-search__input")).to_be_visible()
    phone.page.keyboard.press("Escape")
    expect(phone.page.locator("input.md-search__input")).not_to_be_focused()
    phone.assert_clean()


def test_chinese_and_japanese_pages_put_their_own_fonts_first(phone: Visit) -> None:
    """Han characters take Japanese shapes on Japanese pages and Chinese ones on Chinese pages, from fonts readers
    already have (Noto CJK on this machine, PingFang/Hiragino/YaHei/Yu Gothic elsewhere)."""
    pairs = (("ja", "Noto Sans CJK JP", "Noto Sans CJK SC"), ("zh", "Noto Sans CJK SC", "Noto Sans CJK JP"))
    for code, own, other in pairs:
        phone.open(languages.url_prefix(code))
        families = phone.page.evaluate("() => getComputedStyle(document.querySelector('article p')).fontFamily")
        assert families.index(own) < families.index(other), families
    phone.assert_clean()
