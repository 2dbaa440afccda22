"""A language's search index from its pages' sections: pure data in, JSON-ready data out (read by search/worker.js).

Layout: `docs` [location, title, text, length] per section, as Material's search plugin cuts pages; `terms` sorted
by UTF-16 code units (the browser's string order, so it can binary-search prefixes); `postings[i]` for `terms[i]`
is a flat list of (doc id delta, 2 * count + in-title) pairs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from . import languages, tokenize

VERSION = 1


@dataclass(frozen=True)
class Section:
    location: str  # site-relative URL, "#anchor" for a section below the page's top
    title: str  # plain text
    text: str  # plain text


def utf16_order(term: str) -> bytes:
    return term.encode("utf-16-be")


def build_index(sections: Iterable[Section], lang: str = languages.DEFAULT) -> dict:
    docs: list[list] = []
    postings: dict[str, list[int]] = {}
    last_doc: dict[str, int] = {}
    for doc_id, section in enumerate(sections):
        title_terms = tokenize.index_terms(section.title, lang)
        counts = Counter(title_terms + tokenize.index_terms(section.text, lang))
        in_title = set(title_terms)
        docs.append([section.location, section.title, section.text, sum(counts.values())])
        for term, count in counts.items():
            postings.setdefault(term, []).extend((doc_id - last_doc.get(term, 0), 2 * count + (term in in_title)))
            last_doc[term] = doc_id
    terms = sorted(postings, key=utf16_order)
    return {
        "version": VERSION,
        "tokenizer": tokenize.settings(lang),
        "docs": docs,
        "terms": terms,
        "postings": [postings[t] for t in terms],
    }
