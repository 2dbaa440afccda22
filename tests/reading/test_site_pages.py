"""The built site, read as files: paths, languages, <head> metadata, the switcher, home catalogs, essay headers, 404."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from reading_site import ROOT, Build, build_site
from site_html import Element, parse_file

from archive import languages
from archive.render import read_front_matter

SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["site_url"]
KIRMER = "machine-learning-engineers-what-do-they-actually-do"


def essays_in(docs: Path) -> dict[tuple[str, str], dict]:
    """(lang, essay id) -> front-matter of every essay page the normalizer wrote."""
    pages = {}
    for code in languages.CODES:
        for path in sorted((docs / code / "essays").glob("*.md")):
            meta = read_front_matter(path.read_text(encoding="utf-8"))
            pages[(code, meta["essay"])] = meta
    return pages


def essay_url(code: str, essay: str) -> str:
    return f"{languages.url_prefix(code)}essays/{essay}/"


def page(site: Path, url: str) -> Element:
    return parse_file(site / url / "index.html")


def head_links(doc: Element, rel: str) -> dict[str, str]:
    return {el["hreflang"]: el["href"] for el in doc.find_all("link", rel=rel) if el.get("hreflang")}


@pytest.fixture(scope="module")
def essays(built: Build) -> dict[tuple[str, str], dict]:
    found = essays_in(built.docs)
    assert found, "the normalizer wrote no essay pages"
    return found


def test_every_page_is_where_people_cite_it(site: Path, essays: dict) -> None:
    for code in languages.CODES:
        assert (site / languages.url_prefix(code) / "index.html").is_file(), f"no home page for {code}"
    for code, essay in essays:
        assert (site / essay_url(code, essay) / "index.html").is_file()
    assert essay_url("en", "x") == "essays/x/" and essay_url("ru", "x") == "ru/essays/x/"


def test_a_page_exists_only_in_the_language_of_its_text(site: Path, essays: dict) -> None:
    for code in languages.CODES:
        built = {p.parent.name for p in (site / languages.url_prefix(code) / "essays").glob("*/index.html")}
        assert built == {essay for c, essay in essays if c == code}, f"{code}: copies of other languages' essays"
    assert not (site / "en").exists(), "English is served at the root only"


def test_html_lang_is_the_language_of_the_text(site: Path, essays: dict) -> None:
    for code in languages.CODES:
        assert page(site, languages.url_prefix(code)).find("html")["lang"] == code
    for code, essay in essays:
        assert page(site, essay_url(code, essay)).find("html")["lang"] == code


def test_hreflang_lists_real_translations_and_x_default(site: Path, essays: dict) -> None:
    for (code, essay), meta in essays.items():
        doc = page(site, essay_url(code, essay))
        versions = [c for c in languages.CODES if (c, essay) in essays]
        links = head_links(doc, "alternate")
        if len(versions) == 1:
            assert links == {}, f"{essay_url(code, essay)}: hreflang for a page with no translation"
            continue
        expected = {c: SITE_URL + essay_url(c, essay) for c in versions}
        default = expected.get(languages.DEFAULT, expected[versions[0]])
        assert links == {**expected, "x-default": default}
    kirmer = head_links(page(site, essay_url("ru", KIRMER)), "alternate")
    assert set(kirmer) == {"ru", "zh", "x-default"}


def test_home_pages_are_alternates_of_each_other(site: Path) -> None:
    homes = {c: SITE_URL + languages.url_prefix(c) for c in languages.CODES}
    for code in languages.CODES:
        assert head_links(page(site, languages.url_prefix(code)), "alternate") == {**homes, "x-default": SITE_URL}


def test_canonical_description_and_open_graph(site: Path, essays: dict) -> None:
    urls = [languages.url_prefix(c) for c in languages.CODES] + [essay_url(c, e) for c, e in essays]
    for url in urls:
        doc = page(site, url)
        assert doc.find("link", rel="canonical")["href"] == SITE_URL + url
        assert doc.find("meta", name="description")["content"].strip(), f"{url}: empty meta description"
        og = {el["property"]: el["content"] for el in doc.find_all("meta") if el.get("property")}
        assert og["og:url"] == SITE_URL + url
        assert og["og:title"] and og["og:description"] and og["og:locale"]
    zh = page(site, essay_url("zh", KIRMER))
    og = {el["property"]: el["content"] for el in zh.find_all("meta") if el.get("property")}
    assert og["og:type"] == "article" and og["og:locale"] == "zh_CN" and og["og:locale:alternate"] == "ru_RU"


def json_ld(doc: Element) -> dict:
    (script,) = doc.find_all("script", type="application/ld+json")
    return json.loads(script.text())


def test_json_ld_article_links_the_versions_of_an_essay(site: Path, essays: dict) -> None:
    for (code, essay), meta in essays.items():
        data = json_ld(page(site, essay_url(code, essay)))
        assert data["@type"] == "Article" and data["inLanguage"] == code
        assert data["headline"] == meta["title"] and data["url"] == SITE_URL + essay_url(code, essay)
        if "author" in meta:
            assert data["author"] == {"@type": "Person", "name": meta["author"]}
        if "date" in meta:
            assert data["datePublished"] == meta["date"]
    for code in ("ru", "zh"):
        data = json_ld(page(site, essay_url(code, KIRMER)))
        work = data["translationOfWork"]
        assert work["@id"] == essays[(code, KIRMER)]["original_url"]
        assert [(t["@id"], t["inLanguage"]) for t in work["workTranslation"]] == [
            (SITE_URL + essay_url("ru", KIRMER), "ru"), (SITE_URL + essay_url("zh", KIRMER), "zh")]
    single = json_ld(page(site, essay_url("en", "the-engineer-of-machine-learning")))
    assert "translationOfWork" not in single and "workTranslation" not in single


def switcher(doc: Element) -> dict[str, Element]:
    return {a["hreflang"]: a for a in doc.find("ul", cls="md-select__list").find_all("a")}


def test_switcher_offers_every_language_and_marks_the_missing_ones(site: Path) -> None:
    doc = page(site, essay_url("ru", KIRMER))
    entries = switcher(doc)
    assert list(entries) == list(languages.CODES)
    assert entries["ru"].get("aria-current") == "page"
    assert entries["zh"]["href"] == f"../../../{essay_url('zh', KIRMER)}"
    assert "archive-switch--missing" not in entries["zh"].classes
    for missing, home in (("en", "../../.."), ("ja", "../../../ja/")):
        assert entries[missing]["href"] == home
        assert "archive-switch--missing" in entries[missing].classes
        # the mark is text inside the link: visible, and part of the name a screen reader announces
        assert languages.get("ru").ui["switch_missing"] in entries[missing].text()
    for code in languages.CODES:  # a home page: every language has one
        entries = switcher(page(site, languages.url_prefix(code)))
        assert list(entries) == list(languages.CODES)
        assert not any("archive-switch--missing" in a.classes for a in entries.values())


def test_every_home_lists_every_essay_with_every_version(site: Path, essays: dict) -> None:
    ids = sorted({essay for _, essay in essays})
    for code in languages.CODES:
        doc = page(site, languages.url_prefix(code))
        items = {li["data-essay"]: li for li in doc.find_all("li", cls="archive-entry")}
        assert sorted(items) == ids
        for essay, li in items.items():
            versions = [c for c in languages.CODES if (c, essay) in essays]
            links = li.find("p", cls="archive-entry__versions").find_all("a")
            assert [a["hreflang"] for a in links] == versions
            title = li.find("h3").find("a")
            if code in versions:
                assert title.text() == essays[(code, essay)]["title"]
                assert "archive-entry--missing" not in li.classes
            else:  # the first version's title, its language named, and marked as not in this language
                assert title.text() == essays[(versions[0], essay)]["title"] and title["lang"] == versions[0]
                assert li.find("span", cls="archive-entry__language").text()
                assert li.find("p", cls="archive-entry__missing").text() == languages.get(code).ui["not_in_language"]
    ja = page(site, "ja/").find("li", data_essay=KIRMER)
    assert ja.find("span", cls="archive-entry__language").text() == "（ロシア語版）"
    assert "Stephanie Kirmer" in ja.text() and "2023年8月9日" in ja.text()


def test_essay_header_says_what_the_text_is_and_where_it_came_from(site: Path, essays: dict) -> None:
    for (code, essay), meta in essays.items():
        doc = page(site, essay_url(code, essay))
        header = doc.find("header", cls="archive-essay-header")
        assert header.find("h1").text() == meta["title"]
        assert len(doc.find_all("h1")) == 1
        if "subtitle" in meta:
            assert header.find("p", cls="archive-subtitle").text() == meta["subtitle"]
        if "author" in meta:
            assert meta["author"] in header.find("p", cls="archive-byline").text()
        if "original_url" in meta:
            assert header.find("p", cls="archive-original").find("a")["href"] == meta["original_url"]
        versions = header.find("nav", cls="archive-versions").find_all("a")
        assert [a["hreflang"] for a in versions] == [c for c in languages.CODES if (c, essay) in essays]
        if "note" in meta:
            assert header.find("aside", cls="archive-note").find_all("p")[1].text() == meta["note"]
        provenance = header.find("details", cls="archive-provenance")
        assert meta["source"] in provenance.find("summary").text()
        assert meta["source_sha256"][:12] in provenance.find("summary").text()
        assert provenance.find("code").text() == meta["source_sha256"]
        removed = [li.text() for li in provenance.find_all("li")]
        assert removed == [languages.removal_text(item, code) for item in meta.get("removed", [])]
    note = page(site, essay_url("en", "what-is-an-ml-engineer")).find("aside", cls="archive-note")
    assert "machine-paraphrased" in note.text()
    date = page(site, essay_url("ru", KIRMER)).find("p", cls="archive-byline").find("time")
    assert date["datetime"] == "2023-08-09"
    assert date.text() == "9 августа 2023\u202fг."  # CLDR's narrow no-break space


def test_raw_files_are_published_with_the_checksum_the_page_shows(site: Path, essays: dict) -> None:
    for meta in essays.values():
        published = site / meta["source"]
        assert published.read_bytes() == (ROOT / meta["source"]).read_bytes()
        assert hashlib.sha256(published.read_bytes()).hexdigest() == meta["source_sha256"]


def test_a_404_page_per_language_speaks_every_language_its_own_first(site: Path) -> None:
    found = sorted(p.relative_to(site).as_posix() for p in site.rglob("404.html"))
    assert found == sorted(f"{languages.url_prefix(c)}404.html" for c in languages.CODES)
    for code in languages.CODES:
        doc = parse_file(site / f"{languages.url_prefix(code)}404.html")
        assert doc.find("html")["lang"] == code
        assert doc.find("meta", name="robots")["content"] == "noindex"
        blocks = doc.find_all("div", cls="archive-not-found")
        assert [b["lang"] for b in blocks] == [code] + [c for c in languages.CODES if c != code]
        assert blocks[0].find("h1").text() == languages.get(code).ui["not_found_title"]
        # no <section>: an h1 inside one, and an article whose heading sits in a section, are what vnu warned about
        assert doc.find_all("section", cls="archive-not-found") == []
        for block in blocks:
            lang = languages.get(block["lang"])
            assert lang.ui["not_found_title"] in block.text()
            link = block.find("a")
            assert urlsplit(link["href"]).path in ("/" + languages.url_prefix(lang.code), "/.")  # absolute: any URL


def test_headings_get_readable_anchors_in_every_script(site: Path) -> None:
    ids = {code: [h["id"] for h in page(site, languages.url_prefix(code)).find_all("h2") if h.get("id")]
           for code in languages.CODES}
    assert "как-читать-этот-архив" in ids["ru"]
    assert "如何阅读本档案" in ids["zh"]
    assert "このアーカイブの読み方" in ids["ja"]
    assert "how-to-read-this-archive" in ids["en"]


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    for html in site.rglob("*.html"):
        doc = parse_file(html)
        loaded = [el.get("src") for el in doc.find_all("script") + doc.find_all("img") if el.get("src")]
        loaded += [el["href"] for el in doc.find_all("link") if el.get("rel") in ("stylesheet", "preconnect", "icon",
                                                                                   "preload", "modulepreload")]
        external = [url for url in loaded if re.match(r"^(https?:)?//", url)]
        assert external == [], f"{html.relative_to(site)} loads {external}"
        assert "fonts.googleapis" not in html.read_text(encoding="utf-8")


def test_front_matter_markup_reaches_readers_as_text(tmp_path: Path, built: Build) -> None:
    """A title with HTML in it (from a raw text) is shown as written, never run: in Material's header too."""
    docs = tmp_path / "docs"
    for code in languages.CODES:
        (docs / code).mkdir(parents=True)
        (docs / code / "index.md").write_text((built.docs / code / "index.md").read_text(encoding="utf-8"))
    raw = next(iter(essays_in(built.docs).values()))
    meta = {**raw, "lang": "en", "essay": "markup", "title": "<script>alert(1)</script> & {{ x }}",
            "subtitle": "<b>bold</b>", "note": "<img src=x onerror=alert(1)>"}
    (docs / "en" / "essays").mkdir()
    (docs / "en" / "essays" / "markup.md").write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nBody.\n", encoding="utf-8")
    site = build_site(docs, tmp_path / "site").site
    html = (site / "essays" / "markup" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<b>bold</b>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ x }}" in html
    doc = parse_file(site / "essays" / "markup" / "index.html")
    assert doc.find("h1").text() == meta["title"]
    assert json_ld(doc)["headline"] == meta["title"]


def test_the_site_takes_its_languages_from_languages_py() -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    i18n = config.plugins["i18n"].config
    assert [(lang.locale, lang.name, lang.default) for lang in i18n.languages] == [
        (lang.code, lang.name, lang.code == languages.DEFAULT) for lang in languages.LANGUAGES]
    assert i18n.docs_structure == "folder" and i18n.fallback_to_default is False
