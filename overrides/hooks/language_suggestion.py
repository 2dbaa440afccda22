"""Hook: the versions of this page a reader might prefer (context `language_suggestion`): each other language that
has this page, with the suggestion in that language. overrides/partials/language-suggestion.html shows the one the
browser prefers; nothing redirects.

The default language is never suggested: browsers ship with English as their language, so it says little about a
reader, and the English pages are what a reader gets at the site's root anyway.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import languages


def suggestions(current: str, alternates: dict[str, str]) -> list[dict[str, str]]:
    """`alternates`: this page's URL in each language that has it (hooks/essays.py)."""
    return [
        {"code": lang.code, "url": alternates[lang.code], **{k: lang.ui[k] for k in
                                                              ("suggest_text", "suggest_link", "suggest_dismiss")}}
        for lang in languages.LANGUAGES
        if lang.code in alternates and lang.code not in (current, languages.DEFAULT)
    ]


@event_priority(0)  # after overrides/hooks/essays.py (10), which sets `archive`
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    archive = context["archive"]
    context["language_suggestion"] = suggestions(archive["lang"], archive["alternates"])
    return context
