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


def switcher_entries(current: str, alternates: dict[str, str]) -> list[dict[str, Any]]:
    """One entry per language; `alternates` maps a language to this page's URL there (hooks/essays.py)."""
    return [
        {
            "code": lang.code,
            "name": lang.name,
            "url": alternates.get(lang.code, languages.url_prefix(lang.code)),
            "available": lang.code in alternates,
            "current": lang.code == current,
        }
        for lang in languages.LANGUAGES
    ]


@event_priority(0)  # after overrides/hooks/essays.py (10), which sets `archive`
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    archive = context["archive"]
    context["language_switcher"] = switcher_entries(archive["lang"], archive["alternates"])
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """Static templates (the 404 page) offer every language's home page."""
    homes = {code: languages.url_prefix(code) for code in languages.CODES}
    context["language_switcher"] = switcher_entries(config.theme["language"], homes)
    return context
