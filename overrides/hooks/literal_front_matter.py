"""Hook: front-matter strings reach readers as literal text.

Material prints `page.meta.*` and `page.title` without escaping (MkDocs' Jinja has no autoescape), and an essay's
title or subtitle comes from a raw text that may contain `<script>` or `&amp;`. Marking the values as escaped Markup
once, here, makes every template show them as written; `| e` leaves Markup alone, so nothing is escaped twice.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def escape_value(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape_value(v) for v in value]
    return value


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta = {key: escape_value(value) for key, value in page.meta.items()}
    return markdown
