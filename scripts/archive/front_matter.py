"""A source's own front-matter (YAML between '---' or TOML between '+++'): split off first, then mapped to page
fields by the conventions of Hugo, Jekyll, Hexo, VuePress, Zenn, Qiita and dev.to; what does not map is named."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml

from .metadata import date_value
from .urls import clean_url

_YAML = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Page field <- the keys that name it, first found wins.
_FIELDS = {
    "title": ("title",),
    "subtitle": ("subtitle", "sub_title", "subTitle"),
    "author": ("author", "authors", "author_name", "creator"),
    "date": ("date", "published_at", "publishDate", "publish_date", "pubDate", "published", "created_at", "created"),
    "description": ("description", "summary", "excerpt", "abstract"),
    "lang": ("lang", "language", "locale"),
    "original_url": ("canonical_url", "canonicalURL", "canonical", "original_url", "originalUrl", "original", "source_url", "link", "url"),
}


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, str]:
    """(the front-matter as a mapping or None, the text after it, the front-matter source)."""
    for rx, load in ((_YAML, _load_yaml), (_TOML, _load_toml)):
        m = rx.match(text)
        if m:
            data = load(m.group(1) or "")
            if data is not None:
                return data, text[m.end():], m.group(0)
    return None, text, ""


def _load_yaml(source: str) -> dict | None:
    try:
        data = yaml.load(source, Loader=_Loader)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else ({} if data is None else None)


def _load_toml(source: str) -> dict | None:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return None


def _names(value: Any) -> str | None:
    """An author value: a name, a list of names, or mappings with a name (Hugo, VuePress, Jekyll)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("display_name")
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _url(value: Any) -> str | None:
    if isinstance(value, str) and re.match(r"^https?://\S+$", value.strip()):
        return clean_url(value.strip())[0]
    return None


def _lang(value: Any) -> str | None:
    return value.strip().split("-")[0].split("_")[0].lower() or None if isinstance(value, str) else None


_READ = {"author": _names, "date": date_value, "original_url": _url, "lang": _lang}


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    return str(value).lower() if isinstance(value, bool) else str(value)


def map_front_matter(data: dict[str, Any]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Page fields found in a front-matter, and a removal for each key that maps to none."""
    found: dict[str, str] = {}
    used: set[str] = set()
    for name, keys in _FIELDS.items():
        for key in keys:
            if key in data and key not in used:
                value = _READ.get(name, _string)(data[key])
                if value:
                    found[name] = value
                    used.add(key)
                    break
    removed = []
    for key, value in data.items():
        if key not in used:
            detail = f"{key}: {_shown(value)}"
            removed.append(("front-matter-field", detail if len(detail) <= 200 else detail[:199] + "…"))
    return found, removed
