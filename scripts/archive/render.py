"""Render an essay page: YAML front-matter in schema order, then the body as Markdown that shows text literally."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

import yaml

from . import languages, schema
from .parse import Block

# Characters Markdown (and the pymdownx extensions) would read as markup; as numeric references they show as
# themselves. '&' first so that the references made here are not escaped again.
_INLINE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;",
           "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;", "~": "&#126;", "^": "&#94;",
           "=": "&#61;", "$": "&#36;"}
_INLINE_RX = re.compile("|".join(map(re.escape, _INLINE)))
_LINE_START = re.compile(r"^(\s*)(#|[+\-]\s|-+$|\d+[.)]|!|:)")
# libyaml when present (PyYAML's wheels carry it): 2,000 pages are dumped by every normalize and read by every build.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_EMOJI = re.compile(r":(?=[a-z0-9_+\-]+:)")


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders it character for character: no HTML, no links, no markup."""
    text = _INLINE_RX.sub(lambda m: _INLINE[m.group()], text)
    text = _EMOJI.sub("&#58;", text)
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)


def render_block(block: Block, lang: str) -> str:
    text = block.text if block.markdown else escape_text(block.text)
    if block.kind == "heading":
        return f"## {text}"
    if block.kind == "list":
        items = text.split("\n")
        return "\n".join(f"- {item}" for item in items)
    if block.kind == "missing-image":
        note = languages.get(lang).missing_image
        alt = f": {escape_text(block.text)}" if block.text else ""
        return f"*&#91;{note}{alt}&#93;*"
    return text


def render_body(blocks: Iterable[Block], lang: str) -> str:
    return "\n\n".join(render_block(b, lang) for b in blocks)


def render_page(meta: dict, body: str) -> str:
    """The page file: deterministic bytes (schema key order, LF, NFC, one trailing newline)."""
    front = yaml.dump(schema.ordered(meta), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    page = f"---\n{front}---\n\n{body.strip()}\n"
    return unicodedata.normalize("NFC", page)


def read_front_matter(text: str) -> dict | None:
    """The front-matter of a page, or None when the text has none (or it is not a mapping)."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    try:
        meta = yaml.load(text[4:end], Loader=_Loader)
    except yaml.YAMLError:
        return None
    return meta if isinstance(meta, dict) else None
