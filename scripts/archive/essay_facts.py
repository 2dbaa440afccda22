"""Facts of the original belong to the essay: the language versions of one essay share its author, date,
publication and original URL. Pure: pages in, pages and problems out (files.plan calls it)."""

from __future__ import annotations

from typing import Mapping

from . import schema
from .catalog import Entry
from .normalize import Page

# What a version tells about the original it translates, not about itself.
SHARED = ("author", "date", "publication", "original_url")


def share_facts(
    pages: Mapping[str, tuple[Page, str]], entries: Mapping[str, Entry]
) -> tuple[dict[str, tuple[Page, str]], list[str]]:
    """Fill each version's missing shared facts from its siblings (same essay id).

    `pages`: docs-relative path -> (page, raw source 'raw/<name>'); `entries`: catalog entries by raw file name.
    A value a version's catalog entry states is that archivist's word for that version: it is kept and never
    conflicts. Values its text states must agree across the essay's versions; a version that states nothing takes
    the one value its siblings agree on. Two different values where one is needed is a problem naming both files.
    """
    by_essay: dict[str, list[tuple[str, Page, str]]] = {}
    for rel, (page, source) in pages.items():
        by_essay.setdefault(page.meta["essay"], []).append((rel, page, source))
    result = dict(pages)
    problems: list[str] = []
    for essay, versions in sorted(by_essay.items()):
        if len(versions) < 2:
            continue
        versions.sort(key=lambda v: v[2])  # by raw file: messages and choices do not depend on dict order
        filled: dict[str, dict[str, str]] = {rel: {} for rel, _, _ in versions}
        for key in SHARED:
            stated = [(source, page.meta[key], _from_catalog(entries, source, key))
                      for _, page, source in versions if key in page.meta]
            texts = [(source, value) for source, value, curated in stated if not curated]
            silent = len(stated) < len(versions)  # some version needs the essay's value
            # Texts must agree; catalog statements only matter when a silent version must choose between them.
            conflict = _first_conflict(texts) or (
                silent and not texts and _first_conflict([(source, value) for source, value, _ in stated]))
            if conflict:
                (a, x), (b, y) = conflict
                problems.append(
                    f"{a}: {key} {x!r} conflicts with {b}'s {y!r} for essay {essay!r}; "
                    f"state the right one in raw/catalog.yml for the versions that disagree"
                )
                continue
            if not stated:
                continue
            shared = texts[0][1] if texts else stated[0][1]
            for rel, page, _ in versions:
                if key not in page.meta:
                    filled[rel][key] = shared
        for rel, page, source in versions:
            if filled[rel]:
                result[rel] = (Page(schema.ordered({**page.meta, **filled[rel]}), page.body), source)
    return result, problems


def _from_catalog(entries: Mapping[str, Entry], source: str, key: str) -> bool:
    return key in entries.get(source.rsplit("/", 1)[-1], Entry()).facts


def _first_conflict(stated: list[tuple[str, str]]) -> tuple[tuple[str, str], tuple[str, str]] | None:
    for source, value in stated[1:]:
        if value != stated[0][1]:
            return stated[0], (source, value)
    return None
