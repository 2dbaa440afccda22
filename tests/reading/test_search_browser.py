"""Search as a reader uses it, in Chromium on the built site: Material's search box, our per-language worker behind it.

Every query of tests/search-queries.tsv is typed into the search box of its language's site and must put its essay
in the top 3; results stay in the reader's language; the page a result leads to highlights what was found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from reading_site import ROOT, Visit

from archive import languages, tokenize
from bench_search import essay_ids  # scripts/: the benchmark counts reader queries in the top 3 the same way

QUERIES = [
    tuple(line.split("\t"))
    for line in (ROOT / "tests" / "search-queries.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
# Words that occur in pages of several languages: a search must still stay within the reader's own.
SHARED_WORDS = ["LinkedIn", "Machine Learning", "Data Scientist"]
# A query per language whose highlighted form on the landing page differs from what was typed, where it can.
HIGHLIGHT = {"ru": ("зарплата", "зарплат"), "en": ("poisoning", "poison"), "zh": ("招聘", "招聘"), "ja": ("求人", "求人")}


def search(visit: Visit, query: str) -> list[str]:
    """Type the query into the search box as a reader does; the result links, in order (each page's own first)."""
    page = visit.page
    text = page.evaluate("JSON.parse(document.querySelector('#__config').textContent).translations")
    meta = page.locator(".md-search-result__meta")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.press("End")  # Material reads the box on keyup
    # Wait until the empty box's answer is shown, or it could arrive after the query and read as "no results".
    expect(meta).to_have_text(text["search.result.placeholder"])
    # The whole query at once, then a key, as an IME commits Cyrillic or CJK text: Material searches once, for it
    # (typed letter by letter, each prefix is searched too, and an earlier answer could be taken for the last).
    box.fill(query)
    page.keyboard.press("End")
    page.wait_for_function(
        """none => document.querySelector('.md-search-result__list').children.length > 0
                  || document.querySelector('.md-search-result__meta').textContent === none""",
        arg=text["search.result.none"],
    )
    return page.eval_on_selector_all(".md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)")


def read_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def index_terms(site: Path, code: str) -> set[str]:
    """Every term of a language's index, from all its chunks."""
    chunks = len(read_json(site / "search" / code / "index.json")["chunks"])
    return {t for k in range(chunks) for t in read_json(site / "search" / code / f"t/{k}.json")["terms"]}


def outside(links: list[str], base_url: str, code: str) -> list[str]:
    """Links that are not pages of the language's own site."""
    own = base_url + languages.url_prefix(code)
    others = [base_url + languages.url_prefix(c) for c in languages.CODES if c != code and languages.url_prefix(c)]
    return [link for link in links if not link.startswith(own) or any(link.startswith(o) for o in others)]


@pytest.fixture(scope="module")
def tabs(browser: object, base_url: str):
    """One tab per language, on its home page, reused by the queries of that language."""
    opened: dict[str, Visit] = {}
    contexts = []
    for code in languages.CODES:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        opened[code] = Visit(context, base_url)
        opened[code].open(languages.url_prefix(code))
    try:
        yield opened
        for visit in opened.values():
            visit.assert_clean()
    finally:
        for context in contexts:
            context.close()


@pytest.mark.parametrize(("code", "query", "essay"), QUERIES, ids=[f"{c}-{q}" for c, q, _ in QUERIES])
def test_a_reader_query_finds_its_essay_in_the_top_three(tabs: dict[str, Visit], base_url: str, code: str,
                                                        query: str, essay: str) -> None:
    links = search(tabs[code], query)
    assert essay in essay_ids(links)[:3], f"{query!r} on /{languages.url_prefix(code)}: {essay_ids(links)}"
    assert outside(links, base_url, code) == []


def test_the_query_file_has_the_shared_queries_and_ten_more_per_language() -> None:
    shared = ROOT.parent / "shared" / "search-queries.tsv"
    ours = {(c, q) for c, q, _ in QUERIES}
    if shared.exists():  # beside the project as the team works; the copy in tests/ is what CI reads
        theirs = {tuple(line.split("\t")[:2]) for line in shared.read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")}
        assert theirs <= ours
    for code in languages.CODES:
        assert sum(1 for c, _, _ in QUERIES if c == code) >= 13


@pytest.mark.parametrize("code", languages.CODES)
def test_search_returns_only_pages_of_the_readers_language(tabs: dict[str, Visit], site: Path, base_url: str,
                                                           code: str) -> None:
    terms = {c: index_terms(site, c) for c in languages.CODES}
    for word in SHARED_WORDS:
        wanted = {t for group in tokenize.query_terms(word) for t in group}
        holders = [c for c, held in terms.items() if wanted <= held]
        assert len(holders) >= 2, f"{word!r} is in the pages of {holders} only: it cannot show a leak"
        links = search(tabs[code], word)
        assert outside(links, base_url, code) == [], f"{word!r} on /{languages.url_prefix(code)}"
        assert bool(links) == (code in holders), f"{word!r} on /{languages.url_prefix(code)}: {links}"


def test_each_language_has_its_own_index_and_materials_holds_no_text(site: Path) -> None:
    material = read_json(site / "search" / "search_index.json")
    assert material["docs"] == [] and "separator" in material["config"]  # its highlighter still reads the config
    for code in languages.CODES:
        prefix = languages.url_prefix(code)
        others = tuple(languages.url_prefix(c) for c in languages.CODES if c != code and languages.url_prefix(c))
        manifest = read_json(site / "search" / code / "index.json")
        locations = [s[0] for p in range(manifest["pages"]) for s in read_json(site / "search" / code / f"p/{p}.json")]
        assert any("/essays/" in f"/{location}" for location in locations)
        assert all(location.startswith(prefix) and not location.startswith(others) for location in locations)


@pytest.mark.parametrize("code", languages.CODES)
def test_the_landing_page_highlights_what_was_found(desktop: Visit, code: str) -> None:
    query, form = HIGHLIGHT[code]
    desktop.open(languages.url_prefix(code))
    assert essay_ids(search(desktop, query))
    desktop.page.locator(".md-search-result__list a.md-search-result__link[href*='/essays/']").first.click()
    desktop.page.wait_for_url(re.compile(r"/essays/[^/]+/\?h="))
    marks = desktop.page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    found = [text.lower() for text in marks.all_inner_texts()]
    assert any(text.startswith(form) for text in found), found
    desktop.assert_clean()
