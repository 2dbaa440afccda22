"""The pure core: one decoded raw text and its catalog entry in, one essay page out."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property

from . import languages, schema
from .catalog import Entry
from .decode import RawText
from .detect import identify
from .document import Block, Document, plain_text
from .read_plain import is_cjk
from .readers import Hints, format_of, images_shown, prose_of, read_structured, read_text
from .render import render_body, render_page
from .schema import removal
from .urls import essay_id_from_url

_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" ")))
# Latin letters that do not decompose into a base letter and marks.
_LATIN = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}


class NormalizeError(ValueError):
    """The text cannot become a page; the message says why and what to do."""


@dataclass(frozen=True)
class Page:  # frozen, yet cached_property may fill its __dict__ once
    meta: dict
    body: str

    @property
    def path(self) -> str:
        """Where the page goes, relative to docs/."""
        return f"{self.meta['lang']}/essays/{self.meta['essay']}.md"

    @cached_property
    def text(self) -> str:
        return render_page(self.meta, self.body)


def slugify(text: str) -> str:
    """A language-neutral ASCII id: Latin kept without its accents ("für" -> "fur"), Cyrillic transliterated,
    anything else dropped."""
    text = "".join(_CYRILLIC.get(ch, _LATIN.get(ch, ch)) for ch in text.lower().replace("’", "").replace("'", ""))
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-")


def _prose(block: Block, cjk: bool) -> str | None:
    """The text of a paragraph that is prose in the page's language: letters (CJK ones on a CJK page), not mostly
    link text or a bare URL (a credit line, a link list)."""
    if block.kind != "paragraph":
        return None
    text = plain_text(block.spans).strip()
    linked = sum(len(plain_text(s.children)) for s in block.spans if s.kind == "link")
    if not any(ch.isalpha() for ch in text) or linked * 2 > len(text) or re.match(r"^\S+://\S+$", text):
        return None
    if cjk and not any(map(is_cjk, text)):
        return None
    return text


def _first_prose(blocks: list[Block], cjk: bool) -> str | None:
    """The first real paragraph of prose: not a caption (right after an image), not a one-liner such as a greeting
    when a longer one follows; never code, a table, a heading or a quote. A sentence of some length first (not a
    formula, a label or a greeting), then any of 40 characters, then any."""
    first = long = None
    for i, block in enumerate(blocks):
        if i and blocks[i - 1].kind in ("image", "lost-image"):
            continue
        text = _prose(block, cjk)
        if not text:
            continue
        if len(text) >= 100 or (len(text) >= 40 and text[-1] in ".!?…。！？:："):
            return text
        first = first or text
        long = long or (text if len(text) >= 40 else None)
    return long or first


def describe(doc: Document, cjk: bool, limit: int = schema.DESCRIPTION_MAX) -> str | None:
    """A meta description from the first paragraph: whole if it fits, else cut at a word (or character) and '…'."""
    first = _first_prose(doc.blocks, cjk)
    if first is None:
        return None
    text = re.sub(r"\s+", " ", first).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not cjk and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def _lang_of(raw: RawText, entry: Entry) -> str:
    if "lang" in entry.facts:
        return entry.facts["lang"]
    found = identify(raw.text)
    if found is None:
        raise NormalizeError("cannot tell the language (the text has no letters); set 'lang' in raw/catalog.yml")
    if not found.in_archive:
        raise NormalizeError(
            f"written in {found.name} ({found.code}); this archive has {', '.join(languages.CODES)}: "
            "set lang in raw/catalog.yml if that is wrong, or add the language to scripts/archive/languages.py"
        )
    return found.code


# Page fields a text may state about itself; the catalog's value wins over the text's, key by key.
FOUND = ("title", "subtitle", "author", "date", "publication", "original_url", "description")


def merge_facts(facts: dict[str, str], doc: Document) -> dict[str, str]:
    """The one place where what the catalog says meets what the text says: the catalog wins, key by key."""
    found = {**doc.meta, "title": doc.title, "subtitle": doc.subtitle}
    return {key: facts.get(key) or found.get(key) for key in FOUND}


def read_document(raw: RawText, entry: Entry, local_files: frozenset[str]) -> tuple[Document, str]:
    """The text's document and language: the reader picked by the text's content."""
    facts = entry.facts
    hints = Hints(facts.get("title"), facts.get("subtitle"), entry.labels, facts.get("author"))
    kind = format_of(raw.text)
    if kind != "plain":
        doc = read_structured(raw.text, kind, hints, local_files)
        stated = doc.meta.pop("lang", None)
        if "lang" not in facts and stated in languages.CODES:
            return doc, stated
        return doc, _lang_of(replace(raw, text=prose_of(doc)), entry)
    lang = _lang_of(raw, entry)
    return read_text(raw.text, kind, languages.get(lang).cjk, hints), lang


def normalize(raw: RawText, source: str, sha256: str, entry: Entry = Entry(),
              local_files: frozenset[str] = frozenset()) -> Page:
    """Turn a decoded raw text into its page; `source` is the raw file's path as written into the page, and
    `local_files` the project paths of the files beside it (images a text shows)."""
    facts = entry.facts
    doc, lang = read_document(raw, entry, local_files)
    cjk = languages.get(lang).cjk
    merged = merge_facts(facts, doc)
    title = merged["title"]
    if not title:
        raise NormalizeError("no title found; set 'title' in raw/catalog.yml")
    if not doc.blocks:
        raise NormalizeError("no body text after the title")
    original_url = merged["original_url"]
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    # A title in Chinese or Japanese would keep only its digits and Latin words ("合成文章 3" -> "3") and so collide
    # with unrelated texts: such texts take their id from the file name instead.
    title_slug = slugify(title) if not any(map(is_cjk, title)) else ""
    essay = (
        facts.get("essay")
        or (original_url and essay_id_from_url(original_url))
        or title_slug
        or slugify(stem)
        or f"text-{sha256[:12]}"
    )
    description = merged["description"]
    if description and len(description) > schema.DESCRIPTION_MAX:
        description = None  # a source's summary too long for a meta description: the first paragraph, cut, instead
    meta = {
        **merged,
        "lang": lang,
        "essay": essay,
        "description": description or describe(doc, cjk),
        "note": facts.get("note"),
        "source": source,
        "source_sha256": sha256,
        "encoding": raw.encoding,
        "images": sorted(images_shown(doc)),
        "removed": [removal(kind, detail) for kind, detail in list(raw.cleaned) + doc.removed],
    }
    meta = schema.ordered(meta)
    problems = schema.validate(meta)
    if problems:
        raise NormalizeError("; ".join(problems))
    return Page(meta, render_body(doc.blocks, lang))
