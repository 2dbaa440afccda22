"""Project Gutenberg plain texts: the title and author from the header, the text between the START and END lines
(the banner, the header and the licence are not the work)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_START = re.compile(r"^\*{3}\s*START OF (?:THIS|THE) PROJECT GUTENBERG E(?:BOOK|TEXT)\b.*$", re.M | re.I)
_END = re.compile(r"^(?:\*{3}\s*END OF (?:THIS|THE) PROJECT GUTENBERG E(?:BOOK|TEXT)\b.*|End of (?:the )?Project Gutenberg'?’?s? .*)$",
                  re.M | re.I)
_FIELD = re.compile(r"^(Title|Author|Translator):[ \t]*(.+(?:\n[ \t]+\S.*)*)$", re.M)


@dataclass
class GutenbergText:
    title: str | None
    author: str | None
    body: str
    removed: list[tuple[str, str]] = field(default_factory=list)


def is_gutenberg(text: str) -> bool:
    return bool(_START.search(text, 0, 20_000))


def read_gutenberg(text: str) -> GutenbergText:
    start = _START.search(text, 0, 20_000)
    header = text[: start.start()]
    fields = {m.group(1).lower(): " ".join(m.group(2).split()) for m in _FIELD.finditer(header)}
    end = _END.search(text, start.end())
    body = text[start.end() : end.start() if end else len(text)]
    removed = [("gutenberg-header", "")] + ([("gutenberg-licence", "")] if end else [])
    return GutenbergText(fields.get("title"), fields.get("author"), body, removed)
