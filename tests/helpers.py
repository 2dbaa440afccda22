"""Small helpers the tests share: what a page says, as plain text."""

from __future__ import annotations

import html
import re
import unicodedata

from archive.render import read_front_matter


def page_plain_text(page: str) -> str:
    """Title, subtitle and body of a rendered page with Markdown markup and character references undone."""
    meta = read_front_matter(page) or {}
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    body = re.sub(r"(?m)^(?:#{1,6} |- |\+ {3})", "", body)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    body = re.sub(r"</?(?:em|strong|s|sup|sub|code|a|br|img)\b[^>]*>", "", body)  # the inline markup render writes
    text = "\n".join([meta.get("title", ""), meta.get("subtitle", ""), html.unescape(body)])
    return text


def squash(text: str) -> str:
    """Text with markup characters and all whitespace removed, for 'is this sentence on the page' checks."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"[\s*`\[\]]+", "", text)
