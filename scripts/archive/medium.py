"""Medium's shapes, recognised on paragraph nodes: the byline and buttons of its exports and of copied pages, the
'By … on …', 'Canonical link' and 'Exported from Medium' lines of export tools, the ' | by … | Medium' title suffix."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .document import Block, Document, plain_text
from .metadata import date_in
from .urls import clean_url

_HOSTS = ("medium.com", "towardsdatascience.com")
_READING_TIME = re.compile(r"\d+\s*(?:分钟阅读|分で読めます|min read|мин(?:\.|уты?)? чтения|minutes? read)", re.I)
_DATES = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?: \d{4})?\b"
)
# The words of Medium's interface in the languages it is read in; what is left of a line without them is not prose.
_WORDS = re.compile(
    r"发表在|发布于|Published in|Опубликовано в|·|--|\bin\b|Follow(?:ing)?|关注|Подписаться|フォロー|Listen|Share|More|"
    r"Member-only story|Top highlight|Open in app|Sign (?:up|in)|Get started|Write|Responses?|Clap|Save|Press enter or click to view image in full size",
    re.I,
)
_CLAPS = re.compile(r"^\d+(?:\.\d+)?[KkMm]?$")
_SUFFIX = re.compile(r"^(?P<title>.+?)\s+\|\s+by\s+(?P<author>[^|]+?)(?:\s+\|\s+(?P<pub>[^|]+?))?\s*$")
_SUFFIX_MEDIUM = re.compile(r"\s+\|\s+Medium\s*$")
_UNDEFINED = re.compile(r"^\s*(?:undefined\s*)+$")
_POST_ID = re.compile(r"\s+[0-9a-f]{12}$")  # export tools name files (and so titles) '<Title> <post id>'
_EXPORT_TEXT = re.compile(r"^(?:Exported from Medium on\b|Canonical link\.?$|By .+? on .+)", re.I)


def is_medium_link(url: str) -> bool:
    host = urlsplit(url).netloc.lower()
    return any(host == h or host.endswith("." + h) for h in _HOSTS)


def _text_of(block: Block) -> str | None:
    return plain_text(block.spans).strip() if block.kind in ("paragraph", "heading") else None


def interface_line(block: Block, found: dict[str, str]) -> bool:
    """Whether a paragraph is Medium's byline or buttons (nothing else in it); facts in it go into `found`."""
    if block.kind not in ("paragraph", "heading"):
        return False
    links = [s for s in block.spans if s.kind in ("link", "lost-image")]
    residue = "".join(s.text if s.kind == "text" else " " for s in block.spans if s.kind not in ("link", "lost-image"))
    if any(s.kind not in ("text", "link", "lost-image", "break") for s in block.spans):
        return False
    plain = residue.strip()
    residue = _WORDS.sub(" ", _DATES.sub(" ", _READING_TIME.sub(" ", residue)))
    residue = residue.strip(" \t\n·-—–|:：,")
    published = re.match(r"^(?:Published in|发表在|发布于|Опубликовано в)\s+(.{1,80})$", plain)
    if published and not links:
        found.setdefault("publication", published.group(1).strip())
        return True
    if residue and not (_CLAPS.match(residue) and not links):
        return False
    if not (links or plain):
        return False
    if links and not any(is_medium_link(s.href) for s in links):
        return False
    for span in block.spans:
        if span.kind == "link":
            text, path = plain_text(span.children).strip(), urlsplit(span.href).path
            if text and path.startswith("/@"):
                found.setdefault("author", text)
            elif text and is_medium_link(span.href) and path in ("", "/") and "signin" not in span.href:
                found.setdefault("publication", text)
    if m := re.search(r"(?:Published in|发表在|发布于|Опубликовано в)\s+([^·|]+)", plain):
        found.setdefault("publication", m.group(1).strip())
    if date := date_in(_DATES.search(plain).group(0)) if _DATES.search(plain) else None:
        found.setdefault("date", date)
    return True


def _export_line(block: Block, doc: Document) -> bool:
    """A line export tools add: 'By [Name](…) on [date](…).', '[Canonical link](…)', 'Exported from [Medium](…) on …'."""
    if block.kind != "paragraph":
        return False
    text = plain_text(block.spans).strip()
    links = [s for s in block.spans if s.kind == "link"]
    if re.match(r"^Exported from Medium on\b", text, re.I):
        doc.removed.append(("medium-export-line", text))
        return True
    if re.match(r"^Canonical link\.?$", text, re.I) and len(links) == 1:
        doc.meta["original_url"] = clean_url(links[0].href)[0]  # over the short /p/<id> link of a 'By … on' line
        doc.removed.append(("medium-export-line", text))
        return True
    m = re.match(r"^By (?P<author>.+?) on (?P<date>.+?)\.?$", text)
    if m and links and len(text) <= 120:
        doc.meta.setdefault("author", m.group("author").strip())
        if date := date_in(m.group("date")):
            doc.meta.setdefault("date", date)
        for link in links:
            if plain_text(link.children).strip() == m.group("date").strip() and link.href.startswith("http"):
                doc.meta.setdefault("original_url", clean_url(link.href)[0])
        doc.removed.append(("medium-export-line", text))
        return True
    return False


_MARKERS = re.compile(r"^(?:Follow|Listen|Share|关注|フォロー|Подписаться|Member-only story)$", re.I)


def _marker(block: Block) -> bool:
    """A line only Medium's interface writes: reading time, Follow/Listen/Share, a link to Medium."""
    if block.kind not in ("paragraph", "heading"):
        return False
    if len(block.spans) == 1 and block.spans[0].kind == "text":  # most blocks: skip a long paragraph at once
        text = block.spans[0].text.strip()
        return len(text) <= 200 and bool(_READING_TIME.search(text) or _MARKERS.match(text))
    if any(s.kind in ("link", "lost-image") and is_medium_link(s.href) for s in block.spans):
        return True
    text = _text_of(block) or ""
    return len(text) <= 200 and bool(_READING_TIME.search(text) or _MARKERS.match(text))  # interface lines are short


_FOLLOW = ("Follow", "关注", "フォロー", "Подписаться")


def clean_top(doc: Document, start: int, window: int = 16) -> None:
    """Medium's byline and buttons among the first blocks after the title. On a copied page the line before
    'Follow' is the author and a single line above that the subtitle; images there stay."""
    blocks = doc.blocks
    first = next((i for i in range(start, min(len(blocks), start + window)) if _marker(blocks[i])), None)
    if first is None:
        return
    found: dict[str, str] = {}
    head = first
    if _text_of(blocks[first]) in _FOLLOW and first > start and _byline_name(blocks[first - 1]):
        found["author"] = _text_of(blocks[first - 1])
        head = first - 1
    if head - start > 1:  # more than a subtitle above the byline: it is not the page's header
        return
    kept: list[Block] = []
    removed = first - head
    i = first
    while i < len(blocks) and i < start + window + 4:
        block = blocks[i]
        if interface_line(block, found):
            removed += 1
        elif block.kind in ("lost-image", "image"):
            kept.append(block)
        elif not _export_line(block, doc):
            break
        i += 1
    subtitle = blocks[start:head]
    # Only a byline Medium itself draws (reading time, Follow, Listen, Share) says the line above is the subtitle.
    drawn = any(_READING_TIME.search(_text_of(b) or "") or _MARKERS.match(_text_of(b) or "") for b in blocks[first:i])
    if subtitle and drawn and doc.subtitle is None and _text_of(subtitle[0]) and len(_text_of(subtitle[0])) <= 300:
        doc.subtitle = _text_of(subtitle[0])
    elif subtitle:
        kept[:0] = subtitle
    doc.blocks = blocks[:start] + kept + blocks[i:]
    if removed:
        doc.removed.append(("medium-interface", str(removed)))
    for key, value in found.items():
        doc.meta.setdefault(key, value)


def _byline_name(block: Block) -> bool:
    text = _text_of(block)
    return bool(text) and len(text) <= 60 and not re.search(r"[.!?。！？:：]$", text)


def clean_export_lines(doc: Document) -> None:
    """Export tools' lines at either end of the text."""
    n = len(doc.blocks)
    doc.blocks = [b for i, b in enumerate(doc.blocks) if not ((i < 6 or i >= n - 6) and _export_line(b, doc))]


def clean_tail(doc: Document) -> None:
    """A copied page's last lines: claps, Follow, Share…"""
    found: dict[str, str] = {}
    count = 0
    if not any(_marker(b) for b in doc.blocks[-12:]):
        return
    while doc.blocks and count < 12 and interface_line(doc.blocks[-1], found) and not any(
        s.kind == "link" and not is_medium_link(s.href) for s in doc.blocks[-1].spans
    ):
        doc.blocks.pop()
        count += 1
    if count:
        doc.removed.append(("medium-interface", str(count)))


def is_export(doc: Document) -> bool:
    """Whether a document is a Medium post (its links or images point at Medium, or an export tool's lines)."""
    for block in doc.blocks[:8] + doc.blocks[-6:]:
        if block.kind in ("image", "lost-image") and is_medium_link(block.info):
            return True
        if any(s.kind in ("link", "lost-image") and is_medium_link(s.href) for s in block.spans):
            return True
    return any(r[0] in ("medium-export-line", "medium-export-footer", "medium-interface") for r in doc.removed)


def cut_title_suffix(title: str, doc: Document) -> str:
    """'Title | by Name | Medium' (or '| Publication') is 'Title', by Name; 'Title 1a2b3c4d5e6f' is 'Title'."""
    if _POST_ID.search(title) and not _POST_ID.fullmatch(" " + title.strip()):
        doc.removed.append(("title-suffix", title.rsplit(" ", 1)[1]))
        title = _POST_ID.sub("", title)
    m = _SUFFIX.match(title)
    if m:
        doc.meta.setdefault("author", m.group("author").strip())
        if m.group("pub") and m.group("pub").strip().lower() != "medium":
            doc.meta.setdefault("publication", m.group("pub").strip())
        doc.removed.append(("title-suffix", title[len(m.group("title")):].strip()))
        return m.group("title").strip()
    if _SUFFIX_MEDIUM.search(title):
        doc.removed.append(("title-suffix", "| Medium"))
        return _SUFFIX_MEDIUM.sub("", title).strip()
    return title


def drop_undefined_captions(doc: Document) -> None:
    """mediumexporter writes 'undefined' for each image caption (or other field) that was empty."""
    kept: list[Block] = []
    for block in doc.blocks:
        words = "".join(s.text for s in block.spans if s.kind == "text") if block.kind == "paragraph" else ""
        if words and _UNDEFINED.match(words) and all(s.kind in ("text", "break", "image", "lost-image") for s in block.spans):
            doc.removed.append(("medium-export-line", "undefined"))
            kept.extend(Block(s.kind, text=s.text, info=s.href) for s in block.spans if s.kind in ("image", "lost-image"))
            continue
        kept.append(block)
    doc.blocks = kept
