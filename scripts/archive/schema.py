"""The essay page's front-matter schema, declared and validated in one place (normalizer and site hooks alike)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from . import languages

ESSAY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
DESCRIPTION_MAX = 160


def _str(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _pattern(rx: re.Pattern[str], what: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if isinstance(value, str) and rx.match(value) else f"must be {what}"

    return check


def _lang(value: Any) -> str | None:
    return None if value in languages.CODES else f"must be one of {', '.join(languages.CODES)}"


def _description(value: Any) -> str | None:
    if _str(value):
        return _str(value)
    return None if len(value) <= DESCRIPTION_MAX else f"must be at most {DESCRIPTION_MAX} characters"


def _url(value: Any) -> str | None:
    ok = isinstance(value, str) and re.match(r"^https?://[^\s]+$", value)
    return None if ok else "must be an http(s) URL"


def _paths(value: Any) -> str | None:
    ok = isinstance(value, list) and all(isinstance(v, str) and re.match(r"^raw/(?!.*(?:^|/)\.\.(?:/|$))[^\n]+$", v) for v in value)
    return None if ok else "must be a list of paths of files under raw/"


def _removals(value: Any) -> str | None:
    def ok(item: Any) -> bool:
        return (isinstance(item, dict) and set(item) <= {"kind", "detail"} and item.get("kind") in languages.REMOVAL_KINDS
                and (("detail" not in item) or (isinstance(item["detail"], str) and item["detail"].strip() != "")))

    if isinstance(value, list) and all(ok(v) for v in value):
        return None
    return f"must be a list of {{kind, detail}} mappings, kind one of {', '.join(languages.REMOVAL_KINDS)}"


def removal(kind: str, detail: str = "") -> dict[str, str]:
    """One `removed` entry: what kind of thing was removed (worded per language in languages.py), and optionally
    the removed text itself or a count."""
    return {"kind": kind, "detail": detail} if detail else {"kind": kind}


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    check: Callable[[Any], str | None]
    doc: str


# Order here is the order keys are written in, so pages are byte-stable.
FIELDS: tuple[Field, ...] = (
    Field("title", True, _str, "the essay's title in this language"),
    Field("subtitle", False, _str, "the subtitle or standfirst"),
    Field("lang", True, _lang, "language code, also the folder under docs/"),
    Field("essay", True, _pattern(ESSAY_ID, "lowercase ASCII words joined by '-'"), "essay id, shared by every language version; the file name and URL"),
    Field("author", False, _str, "author's name as published"),
    Field("date", False, _pattern(DATE, "a date YYYY-MM-DD"), "publication date of the original"),
    Field("publication", False, _str, "where the original appeared"),
    Field("original_url", False, _url, "the original's URL, tracking query removed"),
    Field("description", False, _description, f"summary for meta description and search results, at most {DESCRIPTION_MAX} characters"),
    Field("note", False, _str, "editorial note shown above the text"),
    Field("source", True, _str, "the raw file this page was made from, relative to the project"),
    Field("source_sha256", True, _pattern(SHA256, "64 lowercase hex digits"), "sha256 of the raw file's bytes"),
    Field("encoding", True, _str, "the raw file's detected encoding"),
    Field("images", False, _paths, "files beside the raw text that the page shows (project paths, published with it)"),
    Field("removed", False, _removals, "what normalization removed from the raw text: {kind, detail} entries"),
)
BY_NAME = {f.name: f for f in FIELDS}
NAMES = tuple(f.name for f in FIELDS)


def validate(meta: Any) -> list[str]:
    """Every problem with one page's front-matter, as 'key: reason' strings; empty when valid."""
    if not isinstance(meta, dict):
        return ["front-matter: must be a mapping"]
    problems = [f"{key}: unknown key" for key in meta if key not in BY_NAME]
    for f in FIELDS:
        if f.name not in meta:
            if f.required:
                problems.append(f"{f.name}: missing")
            continue
        reason = f.check(meta[f.name])
        if reason:
            problems.append(f"{f.name}: {reason}")
    return problems


def ordered(meta: dict[str, Any]) -> dict[str, Any]:
    """The same mapping with keys in schema order and empty optional values dropped."""
    return {name: meta[name] for name in NAMES if meta.get(name) not in (None, "", [])}
