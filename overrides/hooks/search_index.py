"""Write one search index per language, site/search/<lang>/ (a manifest, term chunks, page texts: see
archive/search_index.py), in place of Material's single mixed one.

Pages are cut into sections exactly as Material's search plugin cuts them (its own SearchIndex class), turned into
plain text and handed to archive.search_index; the page is then marked excluded, so Material's search_index.json
keeps only its config (which its landing-page highlighter reads) and no second copy of every text.

In a one-off build, each language's pages are cut, counted and written by a second process (archive.background)
while the next language pass renders; under scripts/serve.py that happens here, and each page's sections and terms
are kept, so that a rebuild redoes only the pages it rendered.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import background, search_index
from archive.files import sync_folder

_TAG = re.compile(r"<[^>]+>")
# Each page's sections as last rendered, by src_uri: a `make serve` rebuild renders only the pages a change touches
# (hooks/incremental_build.py) and takes the others' from here; a full build renders, and so replaces, them all.
_sections: dict[tuple[str, str], list[search_index.Section]] = {}  # by (site_dir, src_uri)
_counted: dict[tuple[str, search_index.Section], search_index.Counted] = {}  # by (language, section)  # the terms of sections, kept under scripts/serve.py
_keep_counts = False


def keep_counts() -> None:
    """Called by scripts/serve.py: keep each section's terms between builds, so a rebuild counts only the sections
    of the pages it rendered. (A one-off build lets them go: at 20,000 essays they would take hundreds of MB.)"""
    global _keep_counts
    _keep_counts = True
_uncut: dict[str, "Rendered"] = {}  # this pass's pages not yet cut into sections (a one-off build), by src_uri
_order: list[str] = []  # this pass's pages, in MkDocs' order (the order their sections are indexed in)
_changed: set[str] = set()  # pages of this pass whose sections are not what the last build indexed
_indexed: dict[Path, list[str]] = {}  # the pages each index folder was last written from


def _plain(markup: str) -> str:
    # Material keeps a few tags (p, li, code…) and escapes the rest; \u200b is its Chinese segmentation, if jieba is
    # installed.
    return " ".join(html.unescape(_TAG.sub(" ", markup)).replace("\u200b", "").split())  # split(): exactly \s


def on_pre_build(config: MkDocsConfig) -> None:
    _uncut.clear()
    _order.clear()
    _changed.clear()


@event_priority(-300)  # after every hook that adds pages (hooks/essays.py adds catalog pages at -200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _order[:] = [file.src_uri for file in files.documentation_pages()]
    return files


@event_priority(10)  # before Material's search plugin (priority 0) reads the same page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    meta_search = page.meta.get("search") or {}
    key = (config.site_dir, page.file.src_uri)
    if meta_search.get("exclude"):
        if _sections.get(key) != []:
            _changed.add(page.file.src_uri)
        _sections[key] = []
        return context
    rendered = Rendered(page.content or "", page.toc, page.url, page.title, dict(page.meta))
    page.meta["search"] = {**meta_search, "exclude": True}  # Material's own index leaves it out
    if not _keep_counts:
        # a one-off build: the page is cut into sections where its language's index is written, in another process
        # (on_post_build), from what Material's cutter reads of it
        _uncut[page.file.src_uri] = rendered
        _changed.add(page.file.src_uri)
        return context
    sections = cut(rendered)
    if _sections.get(key) != sections:
        _changed.add(page.file.src_uri)
    _sections[key] = sections
    lang = config.theme["language"]
    for section in sections:
        if (lang, section) not in _counted:
            _counted[lang, section] = search_index.count_terms(section, lang)
    return context


@dataclass(frozen=True)
class Rendered:
    """What Material's cutter reads of a rendered page."""

    content: str
    toc: object
    url: str
    title: str | None
    meta: dict


def cut(page: Rendered) -> list[search_index.Section]:
    """A page's sections as Material's search plugin cuts them, in plain text."""
    cutter = SearchIndex()
    cutter.add_entry_from_context(page)
    return [search_index.Section(e["location"], _plain(e["title"]), _plain(e["text"])) for e in cutter.entries]


def _counter(lang: str):
    def count(section: search_index.Section) -> search_index.Counted:
        counted = _counted.get((lang, section))
        return counted if counted is not None else search_index.count_terms(section, lang)

    return count


def on_post_build(config: MkDocsConfig) -> None:
    # static-i18n builds each language in turn, each ending here: write this pass's language, unless no page's
    # sections changed and no page came or went (a serve rebuild elsewhere: its files would come out the same).
    out = Path(config.site_dir) / "search" / config.theme["language"]
    if not _changed and out.is_dir() and _indexed.get(out) == _order:
        return
    _indexed[out] = list(_order)
    order, kept, uncut = list(_order), {src: _sections.get((config.site_dir, src), ()) for src in _order}, dict(_uncut)
    _uncut.clear()
    lang = config.theme["language"]
    count = _counter(lang)

    def write() -> None:
        sections = [section for src in order for section in (cut(uncut[src]) if src in uncut else kept[src])]
        index = search_index.build_index(sections, lang, count=count)
        # a page or chunk the index no longer has goes; unchanged files are left alone
        sync_folder(out, {out / path: search_index.dumps(data) for path, data in index.items()})

    # nothing later in the build reads the index: the next language pass goes on while another process writes it
    background.run(f"the search index of {out}", write)
