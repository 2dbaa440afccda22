"""How to cite an essay version: the reference readers copy, BibTeX, CSL-JSON and Google Scholar's citation_* tags.

Pure: a page's front-matter in, text out (hooks/citations.py puts them on the page and beside it). The reference is
formatted by hand, from strings in languages.py, not by citeproc-py: one reference shape (a version of an essay in
an archive) needs no CSL engine, and CSL's locale files would be a second place for our four languages' wording.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from babel.dates import format_date

from . import languages

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_BIBTEX_RX = re.compile("|".join(map(re.escape, _BIBTEX_SPECIAL)))


def long_date(iso: str, lang: str) -> str:
    return format_date(datetime.date.fromisoformat(iso), "long", locale=lang)


def original_part(meta: dict[str, Any], lang: str) -> str | None:
    """'Original: Towards Data Science, August 9, 2023, https://…' in the reader's language, or None."""
    ui = languages.get(lang).ui
    bits = [meta.get("publication"), long_date(meta["date"], lang) if "date" in meta else None, meta.get("original_url")]
    bits = [b for b in bits if b]
    return f"{ui['original']}{ui['colon']}{ui['cite_list'].join(bits)}" if bits else None


def reference(meta: dict[str, Any], archive: str, permalink: str) -> str:
    """A ready reference in the page's language; the access date is left for the reader to fill in."""
    ui = languages.get(meta["lang"]).ui
    parts = [
        meta.get("author"),
        ui["cite_quote"].format(meta["title"]) + ui["cite_version"],
        original_part(meta, meta["lang"]),
        archive,
        f"{permalink} {ui['cite_accessed']}",
    ]
    sep = ui["cite_separator"]
    return sep.join(p for p in parts if p) + sep.strip()


def cite_key(meta: dict[str, Any]) -> str:
    return f"{meta['essay']}-{meta['lang']}"


def bibtex_escape(text: str) -> str:
    return _BIBTEX_RX.sub(lambda m: _BIBTEX_SPECIAL[m.group()], text)


def bibtex(meta: dict[str, Any], archive: str, permalink: str) -> str:
    """A biblatex @online entry for this version (langid names its language, note the original)."""
    fields = [
        ("author", meta.get("author")),
        ("title", meta["title"]),
        ("date", meta.get("date")),
        ("langid", languages.get(meta["lang"]).english_name.lower()),
        ("organization", archive),
        ("url", permalink),
        ("note", original_part(meta, languages.DEFAULT)),
    ]
    lines = [f"@online{{{cite_key(meta)},"]
    for name, value in fields:
        if value:
            value = value if name == "url" else bibtex_escape(value)
            lines.append(f"  {name} = {{{value}}},")
    return "\n".join(lines) + "\n}\n"


def date_parts(iso: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(x) for x in iso.split("-")]]}


def csl_item(meta: dict[str, Any], archive: str, permalink: str) -> dict[str, Any]:
    """One CSL-JSON item (schemas/csl-data.json); authors as literal names, never split into given and family."""
    item: dict[str, Any] = {"id": cite_key(meta), "type": "article", "title": meta["title"], "language": meta["lang"],
                            "URL": permalink, "publisher": archive}
    if "author" in meta:
        item["author"] = [{"literal": meta["author"]}]
    if "date" in meta:
        item["issued"] = date_parts(meta["date"])
        item["original-date"] = date_parts(meta["date"])
    if "publication" in meta:
        item["original-publisher"] = meta["publication"]
    if "original_url" in meta:
        item["note"] = f"Original: {meta['original_url']}"
    if "description" in meta:
        item["abstract"] = meta["description"]
    return item


def csl_json(meta: dict[str, Any], archive: str, permalink: str) -> str:
    return json.dumps([csl_item(meta, archive, permalink)], ensure_ascii=False, indent=2) + "\n"


def citation_meta(meta: dict[str, Any], archive: str, permalink: str) -> list[tuple[str, str]]:
    """The <meta name="citation_*"> tags Zotero and Google Scholar read, from the front-matter."""
    tags = [("citation_title", meta["title"])]
    if "author" in meta:
        tags.append(("citation_author", meta["author"]))
    if "date" in meta:
        tags.append(("citation_publication_date", meta["date"].replace("-", "/")))
    tags += [("citation_language", meta["lang"]), ("citation_publisher", archive),
             ("citation_public_url", permalink)]
    if "description" in meta:
        tags.append(("citation_abstract", meta["description"]))
    return tags
