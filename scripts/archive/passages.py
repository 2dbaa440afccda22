"""Passages of an essay page: stable anchor ids, a "link to this passage" mark, and the list the aligner reads.

A passage is a paragraph, list item, heading or block quote. Its id is a short hash of its normalized text, so it
stays the same across rebuilds while the text does not change; a repeat of the same text gets a counter suffix, and
an element that already has an id (a heading's table-of-contents id, a footnote) keeps it. The work is done by a
Python-Markdown treeprocessor that runs after the table of contents and only while `enabled`, which
overrides/hooks/passages.py switches on for essay pages.
"""

from __future__ import annotations

import copy
import hashlib
import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
PASSAGE_TAGS = frozenset({"p", "li", "blockquote"}) | HEADINGS
SKIPPED = frozenset({"pre", "script", "style", "table"})  # never passages, nor inside one
BLOCKS = PASSAGE_TAGS | {"ul", "ol", "dl", "div", "pre", "table", "hr", "details"}
LINK_CLASS = "archive-passage-link"
ID_PREFIX = "p-"
HASH_DIGITS = 8  # 32 bits: a collision between two different passages of one page is a 1-in-10^8 event per pair

_STASH = re.compile(r"\x02wzxhzdk:(\d+)\x03")
_ESCAPED = re.compile(r"\x02(\d+)\x03")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Passage:
    id: str
    kind: str  # "p", "li", "blockquote" or "h2" … "h6"
    text: str  # its own text: without nested passages (a nested list, the paragraphs of a block quote)
    html: str = ""  # its own inline content as HTML, when collected (the parallel view shows it)


def normalize_text(text: str) -> str:
    """What a passage's id depends on: NFC, whitespace collapsed, trimmed."""
    # str.split() cuts at exactly the characters `\s` matches (str.isspace), 3.4 x faster than re.sub and strip
    return " ".join(unicodedata.normalize("NFC", text).split())


def passage_id(text: str) -> str:
    digest = hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()
    return ID_PREFIX + digest[:HASH_DIGITS]


def unique_ids(texts: list[str]) -> list[str]:
    """Ids for passages in reading order: the second passage with the same text gets '-2', the third '-3'."""
    seen: dict[str, int] = {}
    ids = []
    for text in texts:
        base = passage_id(text)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _is_mark(el: etree.Element) -> bool:
    cls = el.get("class", "")
    return el.tag == "a" and (LINK_CLASS in cls.split() or "headerlink" in cls.split())


class PassageAnchors(Treeprocessor):
    def __init__(self, md: Markdown, ext: "PassagesExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def _resolve(self, text: str) -> str:
        """Placeholders back to text: stashed raw HTML and entities (as text), backslash escapes."""
        stash = self.md.htmlStash.rawHtmlBlocks

        def stashed(m: re.Match) -> str:
            i = int(m.group(1))
            return html.unescape(_TAG.sub("", str(stash[i]))) if i < len(stash) else ""

        return _ESCAPED.sub(lambda m: chr(int(m.group(1))), _STASH.sub(stashed, text))

    def _text(self, el: etree.Element, own: bool) -> str:
        """An element's text without passage marks; `own`: without nested blocks (lists, paragraphs, quotes)."""
        if el.tag == "code":  # Markdown keeps code spans' text escaped (&lt;) until it writes the page
            return html.unescape("".join(el.itertext()))
        parts = [el.text or ""]
        for child in el:
            if not _is_mark(child) and not (own and child.tag in BLOCKS):
                parts.append(self._text(child, own))
            parts.append(child.tail or "")
        return "".join(parts)

    def _elements(self, el: etree.Element):
        for child in el:
            if child.tag in SKIPPED:
                continue
            if child.tag in PASSAGE_TAGS:
                yield child
            yield from self._elements(child)

    def run(self, root: etree.Element) -> None:
        self.ext.passages = []
        if not self.ext.enabled:
            return
        elements, full = [], []
        for el in self._elements(root):
            if _STASH.fullmatch((el.text or "").strip()) and not len(el):
                continue  # a raw HTML block's placeholder: Markdown swaps the whole <p> back later
            text = normalize_text(self._resolve(self._text(el, own=False)))
            if text:
                elements.append(el)
                full.append(text)
        ids = iter(unique_ids([t for el, t in zip(elements, full) if not el.get("id")]))
        for el, text in zip(elements, full):
            if not el.get("id"):
                el.set("id", next(ids))
            if any(child.tag in BLOCKS for child in el):
                own = normalize_text(self._resolve(self._text(el, own=True)))
            else:  # nothing nested to leave out: its own text is its whole text
                own = text
            if not own:
                continue  # a block quote or a loose list item: its paragraphs are the passages
            markup = self._own_html(el) if self.ext.collect else ""
            if el.tag not in HEADINGS:  # headings have the table of contents' permalink
                self._add_link(el)
            self.ext.passages.append(Passage(el.get("id"), el.tag, own, markup))

    def _add_link(self, el: etree.Element) -> None:
        link = etree.Element("a", {"class": LINK_CLASS, "href": f"#{el.get('id')}", "aria-label": self.ext.label})
        link.text = "¶"
        blocks = [i for i, child in enumerate(el) if child.tag in BLOCKS]
        el.insert(blocks[0] if blocks else len(el), link)
        link.tail = "\n" if blocks else None

    def _own_html(self, el: etree.Element) -> str:
        shallow = etree.Element("span")
        shallow.text = el.text
        for child in el:
            if child.tag in BLOCKS or _is_mark(child):
                if len(shallow):
                    shallow[-1].tail = (shallow[-1].tail or "") + (child.tail or "")
                else:
                    shallow.text = (shallow.text or "") + (child.tail or "")
                continue
            shallow.append(copy.deepcopy(child))
        markup = self.md.serializer(shallow)
        return markup[len("<span>") : -len("</span>")]


class PassagesExtension(Extension):
    """Registers PassageAnchors. `enabled`, `label` and `collect` are set per page by the code that renders it."""

    def __init__(self, **kwargs) -> None:
        self.enabled = False
        self.collect = False  # keep each passage's HTML (for the parallel view); pages do not need it
        self.label = "Link to this passage"
        self.passages: list[Passage] = []
        self.md: Markdown | None = None  # the Markdown instance it last joined: finish_html needs its stash
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        self.md = md
        # Priority 5 like toc, registered after it (toc comes first in mkdocs.yml): headings have their ids by then;
        # and before MkDocs' own anchor collector (also 5, registered last), so links to passages validate.
        md.treeprocessors.register(PassageAnchors(md, self), "archive_passages", 5)


def finished(passages: list[Passage], md: Markdown) -> list[Passage]:
    """Passages collected while `md` converted a page, their HTML finished (see finish_html)."""
    return [Passage(p.id, p.kind, p.text, finish_html(md, p.html)) if p.html else p for p in passages]


def finish_html(md: Markdown, markup: str) -> str:
    """A passage's HTML as the page shows it: what Markdown's postprocessors do to the whole page (stashed raw HTML
    and entities put back)."""
    for processor in md.postprocessors:
        markup = processor.run(markup)
    return markup.strip()
