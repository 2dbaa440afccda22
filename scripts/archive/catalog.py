"""Read raw/catalog.yml: curated facts about raw texts that the texts cannot tell about themselves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import schema

# Front-matter fields an archivist may state for a text; the rest are computed.
CURATED = ("lang", "essay", "title", "subtitle", "author", "date", "publication", "original_url", "description", "note")
# Parsing hints: lines at the top of the text that are section labels (e.g. "Opinion"), not the title.
HINTS = ("labels",)


@dataclass(frozen=True)
class Entry:
    facts: dict[str, str] = field(default_factory=dict)  # curated front-matter values
    labels: tuple[str, ...] = ()


def parse_catalog(text: str, where: str, raw_names: set[str]) -> tuple[dict[str, Entry], list[str]]:
    """Entries by raw file name, and every problem as 'where: reason' (entries with problems are left out)."""
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        return {}, [f"{where}: not valid YAML{line}: {getattr(e, 'problem', e)}"]
    data = data or {}
    if not isinstance(data, dict) or set(data) - {"texts"}:
        return {}, [f"{where}: must be a mapping with one key, 'texts'"]
    texts = data.get("texts") or {}
    if not isinstance(texts, dict):
        return {}, [f"{where}: 'texts' must map raw file names to entries"]
    entries: dict[str, Entry] = {}
    problems: list[str] = []
    for name, raw_entry in texts.items():
        here = f"{where}: texts.{name}"
        if name not in raw_names:
            problems.append(f"{here}: no such file in raw/")
            continue
        entry, entry_problems = _parse_entry(raw_entry)
        problems.extend(f"{here}: {p}" for p in entry_problems)
        if not entry_problems:
            entries[name] = entry
    return entries, problems


def _parse_entry(raw: Any) -> tuple[Entry, list[str]]:
    if not isinstance(raw, dict):
        return Entry(), ["must be a mapping of facts"]
    problems = []
    facts: dict[str, str] = {}
    for key, value in raw.items():
        if isinstance(value, dt.date):  # YAML reads 2023-08-09 as a date
            value = value.isoformat()
        if key in CURATED:
            reason = schema.BY_NAME[key].check(value)
            if reason:
                problems.append(f"{key}: {reason}")
            else:
                facts[key] = value
        elif key not in HINTS:
            problems.append(f"{key}: unknown key (known: {', '.join(CURATED + HINTS)})")
    labels = raw.get("labels", [])
    if not (isinstance(labels, list) and all(isinstance(l, str) and l.strip() for l in labels)):
        problems.append("labels: must be a list of strings")
        labels = []
    return Entry(facts, tuple(labels)), problems
