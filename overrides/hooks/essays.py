"""Hook: the essays catalog, every version of every essay, read from the front-matter of docs/<lang>/essays/*.md.

mkdocs-static-i18n builds each language in a pass of its own that sees only that language's pages, but a home page
lists every essay in every language and an essay page names all its versions, so this hook reads all the pages'
front-matter itself. It caches by file size and mtime: the four passes, and every `mkdocs serve` rebuild, read a
page's front-matter once. Templates get `archive` (see `page_context`); other hooks read `archive.essay` from there.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import languages, schema
from archive.files import Stat, stat_key, stat_of
from archive.render import read_front_matter

SHORT_SHA = 12  # hex digits of sha256 shown to readers; the full digest is one click away
# Essays per catalog page: the home page shows the first ones, /<lang>/catalog/<n>/ the rest, so a home page stays
# light and usable at 2,000 essays (one list of them all weighed 1 MB).
PAGE_SIZE = 50


@dataclass(frozen=True)
class Version:
    lang: str
    essay: str
    meta: dict[str, Any]

    @property
    def url(self) -> str:
        """Site-relative URL: 'essays/<id>/' in the default language, '<lang>/essays/<id>/' in the others."""
        return f"{languages.url_prefix(self.lang)}essays/{self.essay}/"


@dataclass(frozen=True)
class Essay:
    id: str
    versions: tuple[Version, ...]  # in the order of languages.LANGUAGES

    def version(self, lang: str) -> Version | None:
        return next((v for v in self.versions if v.lang == lang), None)

    @property
    def date(self) -> str:
        return next((v.meta["date"] for v in self.versions if "date" in v.meta), "")


_front_matter: dict[Path, tuple[Stat, dict[str, Any] | None, list[str]]] = {}
_catalog: list[Essay] = []
_by_id: dict[str, Essay] = {}


def read_page_front_matter(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """A page's front-matter (the block up to its closing '---') and what is wrong with it (archive.schema), read
    and checked only when the file changed."""
    key = stat_of(path)
    cached = _front_matter.get(path)
    if cached and cached[0] == key:
        return cached[1], cached[2]
    text = path.read_text(encoding="utf-8")  # a page is a few KB: one read beats reading it line by line
    end = text.find("\n---\n", 3) if text.startswith("---\n") else -1
    meta = read_front_matter(text[:end + 5] if end >= 0 else text)  # the block up to its closing line, nothing after
    reasons = schema.validate(meta) if meta is not None else ["front-matter: missing"]
    _front_matter[path] = (key, meta, reasons)
    return meta, reasons


def read_catalog(docs_dir: Path) -> list[Essay]:
    """Every essay with its versions, newest first; every invalid page reported at once."""
    problems: list[str] = []
    by_id: dict[str, list[Version]] = {}
    for lang in languages.LANGUAGES:
        for path in sorted((docs_dir / lang.code / "essays").glob("*.md")):
            meta, reasons = read_page_front_matter(path)
            reasons = list(reasons)
            if not reasons and meta["lang"] != lang.code:
                reasons.append(f"lang: is {meta['lang']!r} but the page is under docs/{lang.code}/")
            if not reasons and meta["essay"] != path.stem:
                reasons.append(f"essay: is {meta['essay']!r} but the file is named {path.name}")
            problems += [f"{os.path.relpath(path)}: {reason}" for reason in reasons]
            if not reasons:
                by_id.setdefault(meta["essay"], []).append(Version(lang.code, meta["essay"], meta))
    if problems:
        raise PluginError("invalid essay pages:\n" + "\n".join(problems))
    essays = [Essay(essay_id, tuple(versions)) for essay_id, versions in by_id.items()]
    essays.sort(key=lambda e: e.id)
    essays.sort(key=lambda e: e.date, reverse=True)  # undated ('') last
    return essays


def all_essays() -> list[Essay]:
    """Every essay of this build, newest first: other hooks (feeds, catalog.json) reach it through config.hooks."""
    return _catalog


def format_iso_date(iso: str, lang: str) -> str:
    return format_date(datetime.date.fromisoformat(iso), "long", locale=lang) if iso else ""


def language_name(code: str, in_lang: str) -> str:
    """A language's name in another language ('Russian', 'ロシア語'), from the CLDR data that Babel ships."""
    return Locale.parse(in_lang).languages[code]


def version_links(essay: Essay, current: str | None) -> list[dict[str, Any]]:
    return [
        {"code": v.lang, "name": languages.get(v.lang).name, "url": v.url, "current": v.lang == current}
        for v in essay.versions
    ]


def catalog_entry(essay: Essay, lang: str) -> dict[str, Any]:
    """One line of a home page: the title in this language when there is a version in it, else the first one's."""
    own = essay.version(lang)
    shown = own or essay.versions[0]
    ui = languages.get(lang).ui
    return {
        "id": essay.id,
        "available": own is not None,
        "title": shown.meta["title"],
        "title_lang": shown.lang,
        "url": shown.url,
        "language_named": None if own else ui["in_language"].format(language=language_name(shown.lang, lang)),
        "author": shown.meta.get("author", ""),
        "date": format_iso_date(essay.date, lang),
        "date_iso": essay.date,
        "versions": version_links(essay, None),
    }


def listing(essay: Essay) -> tuple:
    """All that catalog_entry (and partials/catalog-parallel.html) reads of an essay, in every language: its id, date,
    and each version's language, title and author. A catalog page is rendered anew only when one of its essays'
    listings changed (hooks/incremental_build.py); tests/test_serve.py checks that nothing else changes an entry."""
    return essay.id, essay.date, tuple((v.lang, v.meta.get("title"), v.meta.get("author", "")) for v in essay.versions)


def catalog_listing() -> tuple[tuple, ...]:
    """Every essay's listing, in catalog order."""
    return tuple(listing(essay) for essay in _catalog)


def changed_catalog_pages(before: tuple[tuple, ...], after: tuple[tuple, ...]) -> set[int] | None:
    """The numbers of the catalog pages (in every language) whose entries differ between two catalog listings, or
    None for every page when the number of pages changed (each page links to all of them)."""
    pages = page_count(len(after))
    if page_count(len(before)) != pages:
        return None
    return {n for n in range(1, pages + 1)
            if before[(n - 1) * PAGE_SIZE : n * PAGE_SIZE] != after[(n - 1) * PAGE_SIZE : n * PAGE_SIZE]}


def essay_view(essay: Essay, lang: str) -> dict[str, Any]:
    """What an essay page shows beyond its own front-matter."""
    meta = essay.version(lang).meta
    return {
        "id": essay.id,
        "lang": lang,
        "date": format_iso_date(meta.get("date", ""), lang),
        "versions": version_links(essay, lang),
        "sha_short": meta["source_sha256"][:SHORT_SHA],
        "removed": [languages.removal_text(item, lang) for item in meta.get("removed", [])],
        "essay": essay,
    }


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def catalog_page_url(lang: str, number: int) -> str:
    """Site-relative URL of page `number` of a language's catalog: page 1 is the home page."""
    prefix = languages.url_prefix(lang)
    return prefix if number == 1 else f"{prefix}catalog/{number}/"


def catalog_page(lang: str, number: int) -> dict[str, Any]:
    """One page of a language's catalog: its entries, and links to every page for the pagination bar."""
    pages = page_count(len(_catalog))
    chunk = _catalog[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    return {
        "entries": [catalog_entry(essay, lang) for essay in chunk],
        "number": number,
        "pages": [{"number": n, "url": catalog_page_url(lang, n), "current": n == number} for n in range(1, pages + 1)],
        "previous": catalog_page_url(lang, number - 1) if number > 1 else None,
        "next": catalog_page_url(lang, number + 1) if number < pages else None,
    }


def catalog_number(src_uri: str, lang: str) -> int | None:
    """The catalog page number of a page of this language (1: its home page), None if it is not a catalog page."""
    if src_uri == f"{lang}/index.md":
        return 1
    head, _, tail = src_uri.rpartition("/")
    if head == f"{lang}/catalog" and tail.endswith(".md") and tail[:-3].isdigit():
        return int(tail[:-3])
    return None


_catalog_key: tuple = ()


def page_stats(docs_dir: Path) -> tuple[tuple[str, Stat], ...]:
    """(path, Stat) of every docs/<lang>/essays/*.md: whether the catalog must be read again. Listed with
    os.scandir, not pathlib: 20,000 pages are looked at in each of the four passes."""
    found = []
    for lang in os.scandir(docs_dir):
        if lang.is_dir() and os.path.isdir(essays := os.path.join(lang.path, "essays")):
            for entry in os.scandir(essays):
                if entry.name.endswith(".md"):
                    found.append((entry.path, stat_key(entry.stat())))
    return tuple(sorted(found))


def on_config(config: MkDocsConfig) -> None:
    """Read the catalog once per set of pages: static-i18n's four passes (and unchanged serve rebuilds) reuse it."""
    global _catalog, _by_id, _catalog_key
    docs = Path(config.docs_dir)
    key = page_stats(docs)
    if key != _catalog_key:
        _catalog = read_catalog(docs)
        _by_id = {essay.id: essay for essay in _catalog}
        _catalog_key = key


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Pages 2, 3, … of this language's catalog, made here: each is a title; hooks and templates fill it."""
    lang = config.theme["language"]
    ui = languages.get(lang).ui
    pages = page_count(len(_catalog))
    for number in range(2, pages + 1):
        title = ui["catalog_page"].format(page=number, pages=pages)
        file = File.generated(config, f"{lang}/catalog/{number}.md", content=f"---\ntitle: {json.dumps(title)}\n---\n")
        file.dest_uri = f"{catalog_page_url(lang, number)}index.html"
        files.append(file)
    return files


@event_priority(10)  # after mkdocs-static-i18n (50), before the hooks that read `archive` (0)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    lang = config.theme["language"]
    src = page.file.src_uri
    archive: dict[str, Any] = {"lang": lang, "ui": languages.get(lang).ui, "is_home": src == f"{lang}/index.md"}
    number = catalog_number(src, lang)
    # `alternates`: this page's site-relative URL in every language that has it (the switcher and <head> read it).
    archive["alternates"] = {lang: page.url}
    if number:
        archive["catalog"] = catalog_page(lang, number)
        archive["alternates"] = {code: catalog_page_url(code, number) for code in languages.CODES}
    essay = _by_id.get(page.meta.get("essay", ""))
    if essay and essay.version(lang) and src == f"{lang}/essays/{essay.id}.md":
        archive["essay"] = essay_view(essay, lang)
        archive["alternates"] = {v.lang: v.url for v in essay.versions}
    context["archive"] = archive
    return context
