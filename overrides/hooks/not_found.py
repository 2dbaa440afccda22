"""Hook: one 404 page, at the site root, that speaks all four languages.

A server answers every missing URL with /404.html, whatever language the reader was in. MkDocs renders the theme's
404.html in every mkdocs-static-i18n pass, each overwriting the last (so it would end up Japanese); we keep the
default language's pass, whose <html lang> is English, and give each language its own block on that page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from archive import languages

TEMPLATE = "404.html"


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == TEMPLATE:
        context["not_found"] = [
            {"code": lang.code, "url": languages.url_prefix(lang.code), **lang.ui} for lang in languages.LANGUAGES
        ]
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """An empty result makes MkDocs skip writing the file: only the default language's pass writes 404.html."""
    if template_name == TEMPLATE and config.theme["language"] != languages.DEFAULT:
        return ""
    return output
