"""Hook: the language switcher's entries: always every language; this page's version where one exists, else that
language's home page, marked unavailable (rendered by overrides/partials/alternate.html).

mkdocs-static-i18n rewrites `extra.alternate` per page too, but a language without the page silently keeps its home
link, indistinguishable from a real translation; this list says which is which.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import languages


def switcher_entries(current: str, versions: dict[str, str] | None) -> list[dict[str, Any]]:
    """One entry per language; `versions` maps language to this page's URL there, None when every language has it."""
    entries = []
    for lang in languages.LANGUAGES:
        home = languages.url_prefix(lang.code)
        url = home if versions is None else versions.get(lang.code, home)
        available = versions is None or lang.code in versions
        entries.append({"code": lang.code, "name": lang.name, "url": url, "available": available,
                        "current": lang.code == current})
    return entries


@event_priority(0)  # after overrides/hooks/essays.py (10), which sets `archive`
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    archive = context["archive"]
    essay = archive.get("essay")
    if essay:
        versions = {v["code"]: v["url"] for v in essay["versions"]}
    elif archive["is_home"]:
        versions = None
    else:  # a hand-written page other than a home: only its own language is known to have it
        versions = {archive["lang"]: page.url}
    context["language_switcher"] = switcher_entries(archive["lang"], versions)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """Static templates (the 404 page) offer every language's home page."""
    context["language_switcher"] = switcher_entries(config.theme["language"], None)
    return context
