"""The pure core: one decoded raw text and its catalog entry in, one essay page out."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from . import languages, schema
from .catalog import Entry
from .decode import RawText, describe_cleaned
from .detect import identify
from .parse import ParsedText, essay_id_from_url, is_cjk, parse_text, strip_markdown
from .render import render_body, render_page

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


def describe(parsed: ParsedText, cjk: bool, limit: int = schema.DESCRIPTION_MAX) -> str | None:
    """A meta description from the first paragraph: whole if it fits, else cut at a word (or character) and '…'."""
    # Skip captions (right after an image) and one-liners such as greetings: they do not say what the essay is.
    paragraphs = [
        b for i, b in enumerate(parsed.blocks)
        if b.kind == "paragraph" and not (i and parsed.blocks[i - 1].kind == "missing-image")
    ]
    first = next((b for b in paragraphs if len(b.text) >= 40), paragraphs[0] if paragraphs else None)
    if first is None:
        return None
    text = re.sub(r"\s+", " ", strip_markdown(first.text) if first.markdown else first.text).strip()
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


def normalize(raw: RawText, source: str, sha256: str, entry: Entry = Entry()) -> Page:
    """Turn a decoded raw text into its page; `source` is the raw file's path as written into the page."""
    facts = entry.facts
    lang = _lang_of(raw, entry)
    cjk = languages.get(lang).cjk
    parsed = parse_text(raw.text, cjk, facts.get("title"), facts.get("subtitle"), entry.labels, facts.get("author"))
    title = facts.get("title") or parsed.title
    if not title:
        raise NormalizeError("no title found; set 'title' in raw/catalog.yml")
    if not parsed.blocks:
        raise NormalizeError("no body text after the title")
    found = parsed.meta
    original_url = facts.get("original_url") or found.get("original_url")
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
    meta = {
        "title": title,
        "subtitle": facts.get("subtitle") or parsed.subtitle,
        "lang": lang,
        "essay": essay,
        "author": facts.get("author") or found.get("author"),
        "date": facts.get("date") or found.get("date"),
        "publication": facts.get("publication") or found.get("publication"),
        "original_url": original_url,
        "description": facts.get("description") or describe(parsed, cjk),
        "note": facts.get("note"),
        "source": source,
        "source_sha256": sha256,
        "encoding": raw.encoding,
        "removed": [describe_cleaned(kind, detail) for kind, detail in raw.cleaned] + parsed.removed,
    }
    meta = schema.ordered(meta)
    problems = schema.validate(meta)
    if problems:
        raise NormalizeError("; ".join(problems))
    return Page(meta, render_body(parsed.blocks, lang))
