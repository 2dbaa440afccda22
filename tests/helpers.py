"""Small helpers the tests share: what a page says, as plain text; a built site's files; a hook module."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

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


HOOKS = Path(__file__).resolve().parent.parent / "overrides" / "hooks"


def site_tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by site-relative path, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def load_hook(name: str) -> ModuleType:
    """A fresh module of overrides/hooks/<name>.py, as MkDocs loads a hook: its own state, not the one of a build run
    by the same process. It is registered under its name while it runs (dataclasses look their module up there)."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", HOOKS / f"{name}.py")
    hook = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook
