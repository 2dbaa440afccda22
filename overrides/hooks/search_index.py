"""Write one search index per language, site/search/<lang>.json, in place of Material's single mixed one.

Pages are cut into sections exactly as Material's search plugin cuts them (its own SearchIndex class), turned into
plain text and handed to archive.search_index; the page is then marked excluded, so Material's search_index.json
keeps only its config (which its landing-page highlighter reads) and no second copy of every text.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import search_index

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_sections: dict[str, list[search_index.Section]] = {}


def _plain(markup: str) -> str:
    # Material keeps a few tags (p, li, code…) and escapes the rest; \u200b is its Chinese segmentation, if jieba is
    # installed.
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup)).replace("\u200b", "")).strip()


def on_pre_build(config: MkDocsConfig) -> None:
    _sections.clear()  # a failed build under `mkdocs serve` leaves nothing behind


@event_priority(10)  # before Material's search plugin (priority 0) reads the same page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    meta_search = page.meta.get("search") or {}
    if meta_search.get("exclude"):
        return context
    cutter = SearchIndex()
    cutter.add_entry_from_context(page)
    lang = config.theme["language"]
    _sections.setdefault(lang, []).extend(
        search_index.Section(e["location"], _plain(e["title"]), _plain(e["text"])) for e in cutter.entries
    )
    page.meta["search"] = {**meta_search, "exclude": True}
    return context


def on_post_build(config: MkDocsConfig) -> None:
    # static-i18n builds each language in turn, each ending here: write what this build collected (its language).
    out = Path(config.site_dir) / "search"
    out.mkdir(parents=True, exist_ok=True)
    for lang, sections in _sections.items():
        data = search_index.build_index(sections, lang)
        (out / f"{lang}.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    _sections.clear()
