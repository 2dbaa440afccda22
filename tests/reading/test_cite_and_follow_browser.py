"""The Cite control and the feed link as readers use them, in Chromium: the control opens from the keyboard, is
a named disclosure for screen readers, shows the reference, and its downloads are served from the same host; axe
finds nothing with it open. Screenshots (phone and desktop) go to tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from reading_site import Visit
from test_browser import axe_violations, tab_to

from archive import languages

KIRMER = "machine-learning-engineers-what-do-they-actually-do"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_cite_opens_from_the_keyboard_and_offers_its_files(request: pytest.FixtureRequest, viewport: str,
                                                           artifacts: Path) -> None:
    visit: Visit = request.getfixturevalue(viewport)
    visit.open(f"zh/essays/{KIRMER}/")
    ui = languages.get("zh").ui
    summary = visit.page.locator("details.archive-cite > summary")
    expect(summary).to_have_text(ui["cite"])
    reference = visit.page.locator(".archive-cite__reference")
    expect(reference).to_be_hidden()
    tab_to(visit, "details.archive-cite > summary")
    visit.page.keyboard.press("Enter")
    expect(reference).to_be_visible()
    expect(reference).to_contain_text("Stephanie Kirmer。《机器学习工程师——他们实际上做什么？》（中文版）")
    # a native <details>/<summary>: browsers tell screen readers it is a disclosure and whether it is open
    assert summary.evaluate("e => [e.parentElement.tagName, e.parentElement.open]") == ["DETAILS", True]
    assert axe_violations(visit) == []
    reference.scroll_into_view_if_needed()
    visit.page.screenshot(path=artifacts / f"cite-open-{viewport}.png")
    for name, kind in (("BibTeX", "@online{"), ("CSL-JSON", '"type": "article"')):
        href = visit.page.get_by_role("link", name=name).get_attribute("href")
        response = visit.page.request.get(visit.page.url + href)
        assert response.status == 200 and kind in response.text()
    visit.assert_clean()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_home_page_shows_its_feed(request: pytest.FixtureRequest, viewport: str, artifacts: Path) -> None:
    visit: Visit = request.getfixturevalue(viewport)
    for code in languages.CODES:
        visit.open(languages.url_prefix(code))
        link = visit.page.get_by_role("link", name=languages.get(code).ui["feed"])
        expect(link).to_be_visible()
        if code == "ru":
            link.scroll_into_view_if_needed()
            visit.page.screenshot(path=artifacts / f"home-feed-{viewport}.png")
        response = visit.page.request.get(visit.page.url + link.get_attribute("href"))
        assert response.status == 200 and "<feed" in response.text()
    assert not any(u.endswith("sitemap.xml") for u in visit.requested), "Material's alternate sitemap fetches"
    visit.assert_clean()
