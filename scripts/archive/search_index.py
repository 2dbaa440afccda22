"""A language's search index from its pages' sections, as files the browser fetches only as a query needs them.

Pure: sections in, {relative path: JSON-ready data} out (written by overrides/hooks/search_index.py, read by
search/engine.js). Pagefind's layout, at our size:

- `index.json`, the manifest, fetched when search starts: the tokenizer's tables, the number of pages, and the first
  term of each term chunk (about 6 bytes per chunk; a chunk holds about CHUNK_BYTES of postings).
- `t/<k>.json`, chunk k: `terms` sorted by UTF-16 code units (the browser's string order: a prefix is a range) and
  `postings[i]` for `terms[i]`, a flat list of (page id delta, section number, score) triples. The score is the
  section's BM25 weight for the term (title words weighted), computed here, times 100: the browser adds them up and
  needs no document lengths.
- `p/<page id>.json`, a page's sections [location, title, text], fetched for the results shown: their titles,
  teasers, highlighting, and the checks that need the text (CJK characters side by side, the phrase as typed).

So what a query downloads grows with the words typed and the results shown, not with the archive.
"""

from __future__ import annotations

import json
import math
import operator
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from . import languages, tokenize

VERSION = 2
K1, B = 1.2, 0.75
TITLE_BOOST = 2  # a word in the section's heading counts three times
SCALE = 100  # scores are stored as integers: BM25 * SCALE, at least 1
CHUNK_BYTES = 24_000  # postings per chunk, raw JSON; one term's postings are never split


@dataclass(frozen=True)
class Section:
    location: str  # site-relative URL, "#anchor" for a section below the page's top
    title: str  # plain text
    text: str  # plain text


@dataclass(frozen=True)
class Counted:
    """A section's terms: how often each occurs, which are in its title, how many in all."""

    counts: Counter
    in_title: frozenset[str]
    length: int


def count_terms(section: Section, lang: str = languages.DEFAULT) -> Counted:
    """A section's terms as the index of `lang` stems them."""
    title = tokenize.term_counts(section.title, lang)
    counts = tokenize.term_counts(section.text, lang)
    counts.update(title)
    return Counted(counts, frozenset(title), sum(counts.values()))


def utf16_order(term: str) -> bytes:
    return term.encode("utf-16-be")


def build_index(sections: Iterable[Section], lang: str = languages.DEFAULT,
                count: Callable[[Section], Counted] | None = None) -> dict[str, object]:
    """{path relative to the language's search folder: data} for the sections of one language's pages. `count` may
    be a cached count_terms (a serve rebuild counts only the sections of the pages it rendered)."""
    count = count or (lambda section: count_terms(section, lang))
    pages: list[list[Section]] = []
    page_of: dict[str, int] = {}
    counted: list[tuple[int, int, Counter, frozenset[str], int]] = []  # page, section number, counts, title, length
    for section in sections:
        url = section.location.split("#")[0]
        if url not in page_of:
            page_of[url] = len(pages)
            pages.append([])
        page = page_of[url]
        c = count(section)
        counted.append((page, len(pages[page]), c.counts, c.in_title, c.length))
        pages[page].append(section)

    n = len(counted)
    avgdl = sum(c[4] for c in counted) / max(n, 1)
    df = Counter(term for c in counted for term in c[2])
    idf = {term: math.log(1 + (n - d + 0.5) / (d + 0.5)) for term, d in df.items()}
    postings: dict[str, list[int]] = {}
    k1_plus_1, title_weight = K1 + 1, 1 + TITLE_BOOST
    for page, number, counts, in_title, length in counted:  # about 15 million postings at 20,000 essays: kept lean
        norm = K1 * (1 - B + B * length / avgdl)
        for term, tf in counts.items():
            score = idf[term] * tf * k1_plus_1 / (tf + norm)
            if term in in_title:
                score *= title_weight
            row = postings.get(term)
            if row is None:
                postings[term] = row = []
            row += (page, number, int(score * SCALE + 0.5) or 1)
    for row in postings.values():  # page ids as deltas, in C
        if len(row) > 3:
            ids = row[0::3]
            row[3::3] = list(map(operator.sub, ids[1:], ids))

    files: dict[str, object] = {}
    bounds: list[str] = []
    chunk_terms: list[str] = []
    size = 0
    for term in sorted(postings, key=utf16_order):
        if chunk_terms and size >= CHUNK_BYTES:
            files[f"t/{len(bounds) - 1}.json"] = _chunk(chunk_terms, postings)
            chunk_terms, size = [], 0
        if not chunk_terms:
            bounds.append(term)
        chunk_terms.append(term)
        size += len(term) + 4 * len(postings[term])  # about what the JSON takes: digits and commas
    if chunk_terms:
        files[f"t/{len(bounds) - 1}.json"] = _chunk(chunk_terms, postings)
    for page, page_sections in enumerate(pages):
        files[f"p/{page}.json"] = [[s.location, s.title, s.text] for s in page_sections]
    files["index.json"] = {"version": VERSION, "tokenizer": tokenize.settings(lang), "pages": len(pages), "chunks": bounds}
    return files


def _chunk(terms: list[str], postings: dict[str, list[int]]) -> dict:
    return {"terms": terms, "postings": [postings[t] for t in terms]}


def dumps(data: object) -> str:
    """The one way the index files are written (compact, UTF-8 as is)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
