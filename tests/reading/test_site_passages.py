"""The built site's passages (files only): anchors on every passage of an essay page, the published alignments
(site/alignments/<essay>.json, documented in the README), the parallel pages and the links to them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from site_html import Element, parse_file

from archive import languages

KIRMER = "machine-learning-engineers-what-do-they-actually-do"
ESSAY_URL = {code: f"{languages.url_prefix(code)}essays/{KIRMER}/" for code in ("ru", "zh")}


def article(site: Path, url: str) -> Element:
    return parse_file(site / url / "index.html").find("article")


def passage_ids(site: Path, url: str) -> list[str]:
    """Ids of the passages of an essay page's text, in reading order: elements with a passage link, and headings."""
    body = article(site, url)
    return [el["id"] for el in body.iter()
            if el.get("id") and (el.find_all("a", cls="archive-passage-link", href=f"#{el['id']}")
                                 or re.fullmatch(r"h[2-6]", el.tag))]


def test_every_passage_of_an_essay_has_an_anchor_and_a_link(site: Path) -> None:
    for code in languages.CODES:
        for page in sorted((site / languages.url_prefix(code) / "essays").glob("*/index.html")):
            body = parse_file(page).find("article")
            text = [el for el in body.find_all(where=lambda e: e.tag in {"p", "li", "blockquote"})
                    if not any(a.tag == "header" for a in ancestors(el))]  # the essay's own header is not its text
            assert text
            for el in text:
                assert el.get("id"), f"{page}: <{el.tag}> {el.squashed_text()[:40]!r} has no id"
            links = body.find_all("a", cls="archive-passage-link")
            assert links and all(link.get("aria-label") == languages.get(code).ui["passage_link"] for link in links)


def ancestors(el: Element) -> list[Element]:
    out = []
    while el.parent is not None:
        el = el.parent
        out.append(el)
    return out


def test_the_alignment_is_published_with_every_passage_once(site: Path) -> None:
    data = json.loads((site / "alignments" / f"{KIRMER}.json").read_text(encoding="utf-8"))
    assert set(data) == {"essay", "versions", "groups"}
    assert data["essay"] == KIRMER
    assert data["versions"] == ESSAY_URL
    for group in data["groups"]:
        assert set(group) == {"ru", "zh"} and any(group.values())
    for code, url in data["versions"].items():
        assert [pid for group in data["groups"] for pid in group[code]] == passage_ids(site, url)
    # Only essays with two or more versions are aligned.
    assert sorted(p.name for p in (site / "alignments").iterdir()) == [f"{KIRMER}.json"]


@pytest.mark.parametrize("left, right", [("ru", "zh"), ("zh", "ru")])
def test_the_parallel_page_pairs_the_versions_row_by_row(site: Path, left: str, right: str) -> None:
    """Both directions: Russian is built before Chinese, so ru|zh is held back until the Chinese version is rendered
    and written at the end of the build, while zh|ru gets its rows at once (hooks/alignments.py)."""
    data = json.loads((site / "alignments" / f"{KIRMER}.json").read_text(encoding="utf-8"))
    url = f"/{ESSAY_URL[left]}parallel/{right}/"
    page = parse_file(site / url.strip("/") / "index.html")
    assert page.find("html")["lang"] == left
    table = page.find("table", cls="archive-parallel")
    assert [th["lang"] for th in table.find_all("th", scope="col")] == [left, right]
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(data["groups"])
    for row, group in zip(rows, data["groups"]):
        cells = row.find_all("td")
        assert [cell["lang"] for cell in cells] == [left, right]
        for cell, code in zip(cells, (left, right)):
            hrefs = [a["href"] for a in cell.find_all("a", cls="archive-parallel__link")]
            assert [h.split("#")[1] for h in hrefs] == group[code]
            assert {urljoin(url, h).split("#")[0] for h in hrefs} <= {f"/{ESSAY_URL[code]}"}
            # each passage shows its text as its own page has it
            own = {el["id"]: el for el in article(site, ESSAY_URL[code]).iter() if el.get("id")}
            for passage, pid in zip(cell.find_all("div", cls="archive-parallel__passage"), group[code]):
                shown, on_page = (" ".join(el.text().replace("¶", "").split()) for el in (passage, own[pid]))
                assert shown and shown in on_page


def test_essay_pages_and_home_catalogs_link_to_the_parallel_view(site: Path) -> None:
    essay = article(site, ESSAY_URL["ru"])
    links = essay.find("p", cls="archive-parallel-links").find_all("a")
    assert [a["href"] for a in links] == ["parallel/zh/"]
    for code in languages.CODES:
        home = parse_file(site / languages.url_prefix(code) / "index.html")
        entry = home.find("li", data_essay=KIRMER)
        (link,) = entry.find("p", cls="archive-entry__parallel").find_all("a")
        left = code if code in ESSAY_URL else "ru"
        home_url = f"/{languages.url_prefix(code)}"
        assert urljoin(home_url, link["href"]) == f"/{ESSAY_URL[left]}parallel/{'ru' if left == 'zh' else 'zh'}/"
        other = home.find("li", data_essay="what-is-an-ml-engineer")
        assert other.find_all("p", cls="archive-entry__parallel") == []
