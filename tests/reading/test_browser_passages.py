"""Passages in Chromium: a passage link opens at its passage and marks it; switching language from the middle of a
version lands on the aligned passage of the other; the parallel view on a desktop and a phone (screenshots in
tests/artifacts/), axe-clean and usable from the keyboard."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect
from reading_site import Visit
from test_browser import KIRMER, axe_violations, open_switcher, path_of, tab_to

from archive import languages


def alignment(site: Path) -> dict:
    return json.loads((site / "alignments" / f"{KIRMER}.json").read_text(encoding="utf-8"))


def fragment(visit: Visit) -> str:
    return unquote(urlsplit(visit.page.url).fragment)


def test_a_passage_link_opens_at_the_passage_and_marks_it(phone: Visit, site: Path) -> None:
    group = alignment(site)["groups"][8]
    anchor = group["ru"][0]
    phone.open(f"ru/essays/{KIRMER}/#{anchor}")
    passage = phone.page.locator(f"[id='{anchor}']")
    expect(passage).to_be_in_viewport()
    expect(passage).to_have_css("animation-name", "archive-passage-target")
    phone.open(f"ru/essays/{KIRMER}/")
    link = passage.locator("a.archive-passage-link")
    expect(link).to_have_attribute("aria-label", languages.get("ru").ui["passage_link"])
    link.click()
    assert fragment(phone) == anchor
    expect(passage).to_be_in_viewport()
    phone.assert_clean()


def test_the_passage_link_shows_on_keyboard_focus(desktop: Visit) -> None:
    desktop.open(f"ru/essays/{KIRMER}/")
    first = desktop.page.locator("article a.archive-passage-link").first
    expect(first).to_have_css("opacity", "0")
    tab_to(desktop, "article a.archive-passage-link")
    expect(first).to_be_focused()
    expect(first).to_have_css("opacity", "1")
    desktop.assert_clean()


def scroll_to_passage(visit: Visit, anchor: str) -> None:
    """Put a passage at the top of the screen, below the header, as a reader scrolling there would."""
    visit.page.evaluate("""id => {
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const top = document.getElementById(id).getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, top - header - 2);
    }""", anchor)
    visit.page.wait_for_timeout(300)  # the script updates the links on the next animation frame


@pytest.mark.parametrize("source, target", [("ru", "zh"), ("zh", "ru")])
def test_switching_language_in_the_middle_lands_on_the_aligned_passage(phone: Visit, site: Path, source: str,
                                                                       target: str) -> None:
    groups = alignment(site)["groups"]
    middle = next(g for g in groups[len(groups) // 2:] if g[source] and g[target])
    phone.open(f"{languages.url_prefix(source)}essays/{KIRMER}/")
    scroll_to_passage(phone, middle[source][0])
    open_switcher(phone)
    phone.page.locator(".md-select__list").get_by_role("link", name=languages.get(target).name).click()
    phone.page.wait_for_load_state("networkidle")
    assert path_of(phone) == f"/{target}/essays/{KIRMER}/"
    assert fragment(phone) == middle[target][0]
    expect(phone.page.locator(f"[id='{middle[target][0]}']")).to_be_in_viewport()
    # The page's own list of versions leads there too; back at the top, both lead to the top again.
    phone.page.go_back()
    phone.page.wait_for_load_state("networkidle")
    scroll_to_passage(phone, middle[source][0])
    version = phone.page.locator(f".archive-versions a[hreflang='{target}']")
    assert version.get_attribute("href").endswith(f"#{middle[target][0]}")
    phone.page.evaluate("window.scrollTo(0, 0)")
    phone.page.wait_for_timeout(300)
    assert "#" not in version.get_attribute("href")
    phone.assert_clean()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_parallel_view(request: pytest.FixtureRequest, site: Path, artifacts: Path, viewport: str) -> None:
    visit: Visit = request.getfixturevalue(viewport)
    visit.open(f"ru/essays/{KIRMER}/")
    visit.page.locator(".archive-parallel-links a").first.click()
    visit.page.wait_for_load_state("networkidle")
    assert path_of(visit) == f"/ru/essays/{KIRMER}/parallel/zh/"
    table = visit.page.locator("table.archive-parallel")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(alignment(site)["groups"]))
    row = rows.nth(3)
    left, right = row.locator("td[lang=ru]"), row.locator("td[lang=zh]")
    box_left, box_right = left.bounding_box(), right.bounding_box()
    if viewport == "desktop":  # side by side, one row
        assert box_left["x"] + box_left["width"] <= box_right["x"] + 1 and abs(box_left["y"] - box_right["y"]) < 2
    else:  # interleaved: the counterpart below, set apart
        assert box_right["y"] >= box_left["y"] + box_left["height"] - 1
        assert right.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
    visit.page.screenshot(path=artifacts / f"parallel-{viewport}.png", full_page=True)
    assert axe_violations(visit) == []
    # Every row leads to its passages in both single-language pages.
    right.locator("a.archive-parallel__link").first.click()
    visit.page.wait_for_load_state("networkidle")
    assert path_of(visit) == f"/zh/essays/{KIRMER}/"
    expect(visit.page.locator(f"[id='{fragment(visit)}']")).to_be_in_viewport()
    visit.assert_clean()


def test_the_parallel_view_works_from_the_keyboard(desktop: Visit) -> None:
    desktop.open(f"zh/essays/{KIRMER}/parallel/ru/")
    tab_to(desktop, "table.archive-parallel a.archive-parallel__link")
    focused = desktop.page.locator(":focus")
    expect(focused).to_have_attribute("aria-label", languages.get("zh").ui["passage_in"].format(language="中文"))
    desktop.page.keyboard.press("Enter")
    expect(desktop.page).to_have_url(re.compile(f"/zh/essays/{KIRMER}/#p-"))
    desktop.page.wait_for_load_state("networkidle")
    desktop.assert_clean()
