"""The plain-text reader: paragraphs, hard-wrapped lines joined, bare-line headings, bullet and lettered lists."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .document import Block, Document, paragraph
from .metadata import take_original

# Sentence-final (or clause-final) punctuation: a line ending in one is not a bare-line heading.
_TERMINAL = ".,;:!?…。！？、，；：)）」』\"”'’»"
# Where a wrapped CJK line may end without the sentence going on to the next line.
_CJK_END = "。！？!?」』）)…~〜^"
BULLET = re.compile(r"^\s*[•·▪●◦‣∙+*\-–]\s+(\S.*)$")
_LETTERED = re.compile(r"^\s*([A-ZА-ЯЁ])[.)]\s+\S")
_IMAGE_PLACEHOLDER = re.compile(r"^\s*(?:image for post|\[image\]|\[изображение\]|\[图片\]|\[画像\])\s*$", re.I)
# A character reference with its semicolon: '&amp;', '&#8212;', '&#x2014;'. Bare '&copy' stays text.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+\S")
HEADING_MAX = 80
WRAP_MAX = {False: 100, True: 60}  # a block whose lines are all this short was hard-wrapped (Latin/Cyrillic, CJK)
WRAP_WIDTHS = {False: (60, 160), True: (20, 80)}  # a wrap width found in a text must lie in this range


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FFFF


def join_wrapped(left: str, right: str, cjk: bool) -> str:
    """Join two pieces of one wrapped sentence: no space between CJK characters, one space elsewhere."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if cjk and (is_cjk(left[-1]) or is_cjk(right[0])):
        return left + right
    if cjk and not (left[-1].isalnum() and right[0].isalnum()):
        return left + right
    return f"{left} {right}"


def decode_entities(text: str) -> tuple[str, int]:
    """HTML character references decoded once ('&amp;lt;' becomes '&lt;', not '<'), and how many there were."""
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        decoded = html.unescape(m.group())
        count += decoded != m.group()
        return decoded

    return _ENTITY.sub(one, text), count


def wrap_width(text: str, cjk: bool) -> int:
    """The width the text was hard-wrapped at, read from its line lengths; the default when it shows none.
    A wrapped text's lines that go on to a next line cluster just under one width; lines that are paragraphs
    each vary widely."""
    lengths = []
    lines = text.split("\n")
    for line, following in zip(lines, lines[1:]):
        if line.strip() and following.strip():
            lengths.append(len(line.strip()))
    low, high = WRAP_WIDTHS[cjk]
    if len(lengths) < 4:
        return WRAP_MAX[cjk]
    lengths.sort()
    width = lengths[int(len(lengths) * 0.95)]
    near = sum(1 for n in lengths if width - max(12, width // 5) <= n <= width)
    if low <= width <= high and near * 10 >= len(lengths) * 6:
        return max(width, WRAP_MAX[cjk])
    return WRAP_MAX[cjk]


@dataclass
class _Unit:
    text: str
    after: str  # what separated it from the previous unit: "line", "blank" or "spacer" (a line of no-break spaces)


def _units(text: str, cjk: bool) -> list[_Unit]:
    """Split plain text into units: a hard-wrapped block joined into one, otherwise one unit per line."""
    units: list[_Unit] = []
    block: list[str] = []
    block_sep = pending = "blank"
    limit = wrap_width(text, cjk)

    def flush() -> None:
        wrapped = len(block) > 1 and all(len(l) <= limit for l in block[:-1])
        if wrapped and not any(BULLET.match(l) or _LETTERED.match(l) for l in block):
            joined = block[0]
            for line in block[1:]:
                joined = join_wrapped(joined, line, cjk)
            units.append(_Unit(joined, block_sep))
        else:
            units.extend(_Unit(line, block_sep if i == 0 else "line") for i, line in enumerate(block))
        block.clear()

    for line in text.split("\n"):
        if line.strip():
            if not block:
                block_sep, pending = pending, "blank"
            block.append(line.strip())
            continue
        flush()
        if line.strip(" \t"):  # only no-break or ideographic spaces: the text's own paragraph mark
            pending = "spacer"
    flush()
    return units


def _ends_sentence(line: str) -> bool:
    return bool(line) and line.rstrip()[-1] in _TERMINAL


def _is_heading(unit: _Unit, following: _Unit | None) -> bool:
    t = unit.text
    return (
        following is not None
        and len(t) <= HEADING_MAX
        and not _ends_sentence(t)
        and any(ch.isalpha() for ch in t)
        and (t[0].isupper() or not t[0].isalpha())
        and not BULLET.match(t)
        and not _LETTERED.match(t)
        and len(following.text) > len(t)
        and not _IMAGE_PLACEHOLDER.match(following.text)
    )


def same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"[\s\"'“”‘’«»]+", " ", s).strip().casefold()
    return norm(a) == norm(b)


def _append_item(doc: Document, text: str) -> None:
    """An item of a list: consecutive items (plain texts often put blank lines between them) are one list."""
    last = doc.blocks[-1] if doc.blocks else None
    item = (paragraph(text),)
    if last and last.kind == "list" and not last.ordered:
        doc.blocks[-1] = Block("list", items=last.items + (item,))
    else:
        doc.blocks.append(Block("list", items=(item,)))


def _text(block: Block) -> str:
    return block.spans[0].text if block.spans else ""


def read_plain(
    text: str,
    cjk: bool,
    title: str | None = None,
    subtitle: str | None = None,
    labels: tuple[str, ...] = (),
    signature: str | None = None,
) -> Document:
    """Read a plain text; hints (from the catalog) say what the text cannot tell about itself."""
    doc = Document()
    text, entities = decode_entities(text)
    if entities:
        doc.removed.append(("html-entities", str(entities)))
    lines = text.rstrip().split("\n")
    while lines and signature and same(lines[-1], signature):
        doc.removed.append(("signature", lines.pop().strip()))
    units = _units("\n".join(lines), cjk)
    # The title block: section labels, the title, the subtitle, as the first lines.
    while units and units[0].text in labels:
        doc.removed.append(("section-label", units.pop(0).text))
    if units and (title is None or same(units[0].text, title)) and len(units[0].text) <= 200:
        doc.title = units.pop(0).text
    if units and subtitle is not None and same(units[0].text, subtitle):
        doc.subtitle = units.pop(0).text
    for i, unit in enumerate(units[:3]):  # an "Original: <url>" line near the top
        if take_original(unit.text, [], doc):
            del units[i]
            break
    for i, unit in enumerate(units):
        following = units[i + 1] if i + 1 < len(units) else None
        if _IMAGE_PLACEHOLDER.match(unit.text):
            doc.removed.append(("image-placeholder", unit.text))
            doc.blocks.append(Block("lost-image"))
        elif BULLET.match(unit.text):
            _append_item(doc, BULLET.match(unit.text).group(1))
        elif _LETTERED.match(unit.text) and _lettered_run(units, i):
            _append_item(doc, unit.text)
        elif not cjk and _is_heading(unit, following):
            doc.blocks.append(Block("heading", paragraph(unit.text).spans, level=1))
        else:
            last = doc.blocks[-1] if doc.blocks else None
            continues = (
                cjk
                and unit.after == "blank"
                and last is not None
                and last.kind == "paragraph"
                and _text(last)[-1] not in _CJK_END
                and _mostly_cjk(unit.text)
            )
            if continues:
                doc.blocks[-1] = paragraph(join_wrapped(_text(last), unit.text, cjk))
            else:
                doc.blocks.append(paragraph(unit.text))
    doc.blocks = _colon_lists(doc.blocks)
    return doc


def _mostly_cjk(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(map(is_cjk, letters)) * 2 > len(letters)


def _lettered_run(units: list[_Unit], i: int) -> bool:
    """Whether units[i] is in a run of lettered items A., B., … (one alone is just a sentence)."""
    letter = lambda k: _LETTERED.match(units[k].text).group(1) if 0 <= k < len(units) and _LETTERED.match(units[k].text) else None
    here = letter(i)
    return bool(here) and (letter(i + 1) == chr(ord(here) + 1) or letter(i - 1) == chr(ord(here) - 1))


def _is_item(block: Block, ending: str) -> bool:
    return block.kind == "paragraph" and _text(block).endswith(ending)


def _colon_lists(blocks: list[Block]) -> list[Block]:
    """Paragraphs after one ending in ':' that end in ';' (the last in '.') are the items of a list. The last item
    is one sentence no longer than twice the longest other: a paragraph after the list stays a paragraph."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        out.append(blocks[i])
        if _is_item(blocks[i], ":"):
            j = i + 1
            while j < len(blocks) and _is_item(blocks[j], ";"):
                j += 1
            if j > i + 1 and j < len(blocks) and _is_item(blocks[j], "."):
                last = _text(blocks[j])
                longest = max(len(_text(b)) for b in blocks[i + 1 : j])
                end = j + 1 if len(last) <= 2 * longest and not _SENTENCE_INSIDE.search(last[:-1]) else j
                out.append(Block("list", items=tuple((b,) for b in blocks[i + 1 : end])))
                i = end - 1
        i += 1
    return out
