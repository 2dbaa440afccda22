"""Parse a decoded text (plain text or a Medium Markdown export) into an essay's metadata and body blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

# Sentence-final (or clause-final) punctuation: a line ending in one is not a bare-line heading.
_TERMINAL = ".,;:!?…。！？、，；：)）」』\"”'’»"
# Where a wrapped CJK line may end without the sentence going on to the next line.
_CJK_END = "。！？!?」』）)…~〜^"
_BULLET = re.compile(r"^\s*[•·▪●◦‣∙+*\-–]\s+(\S.*)$")
_LETTERED = re.compile(r"^\s*([A-ZА-ЯЁ])[.)]\s+\S")
_ORIGINAL = re.compile(r"^\s*>?\s*(?:原文|Original|Оригинал|元記事|Source)\s*[:：]\s*(.*)$", re.I)
_URL = re.compile(r"https?://[^\s)\]`>]+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE_PLACEHOLDER = re.compile(r"^\s*(?:image for post|\[image\]|\[изображение\]|\[图片\]|\[画像\])\s*$", re.I)
_MEDIUM_HOSTS = ("medium.com", "towardsdatascience.com")
_MEDIUM_POST_ID = re.compile(r"-[0-9a-f]{12}$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EN_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}), (\d{4})\b")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_READING_TIME = re.compile(r"\d+\s*(?:分钟阅读|分で読めます|min read|мин(?:\.|уты?)? чтения)", re.I)
_BYLINE_WORDS = re.compile(r"发表在|发布于|Published in|Опубликовано в|·|--|\bin\b|Follow|关注|Подписаться|フォロー|Listen|Share")
HEADING_MAX = 80
WRAP_MAX = {False: 100, True: 60}  # a block whose lines are all this short was hard-wrapped (Latin/Cyrillic, CJK)


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph", "list" (text: items joined by \n), "missing-image" (text: alt or source)
    text: str
    markdown: bool = False  # text is Markdown already (from a Markdown export), not plain text to escape


@dataclass
class ParsedText:
    title: str | None = None
    subtitle: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # author, date, publication, original_url found in the text
    blocks: list[Block] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


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


def clean_url(url: str) -> tuple[str, str | None]:
    """The URL without its tracking query and fragment, and a YYYY-MM-DD date if the fragment held one."""
    parts = urlsplit(url.strip("`<> "))
    date = _ISO_DATE.search(parts.fragment)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), date.group(0) if date else None


def essay_id_from_url(url: str) -> str | None:
    """The essay id an original URL names: its last path segment without Medium's 12-hex-digit post id."""
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    segment = _MEDIUM_POST_ID.sub("", segment.lower())
    segment = re.sub(r"\.[a-z0-9]+$", "", segment)
    slug = re.sub(r"[^a-z0-9]+", "-", segment).strip("-")
    return slug or None


def strip_markdown(text: str) -> str:
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"(?m)^\s*(?:[+*\-]|#{1,6})\s+", "", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return text.replace("\\", "")


def _ends_sentence(line: str) -> bool:
    return bool(line) and line.rstrip()[-1] in _TERMINAL


def _date_from(text: str) -> str | None:
    if m := _CJK_DATE.search(text):
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    if m := _EN_DATE.search(text):
        return f"{int(m[3]):04d}-{_MONTHS.index(m[1][:3]) + 1:02d}-{int(m[2]):02d}"
    return None


def _take_original(line: str, parsed: ParsedText) -> bool:
    """Read an 'Original: <url>' line into the metadata; whether the line was one."""
    m = _ORIGINAL.match(line)
    url = _URL.search(m.group(1)) if m else None
    if not url:
        return False
    parsed.meta["original_url"], date = clean_url(url.group(0))
    if date:
        parsed.meta.setdefault("date", date)
    note = "original-URL line (URL kept in front-matter"
    parsed.removed.append(note + (", tracking query dropped)" if "?" in url.group(0) else ")"))
    return True


# ---------------------------------------------------------------- Markdown exports


def _is_medium_link(url: str) -> bool:
    host = urlsplit(url).netloc.lower()
    return any(host == h or host.endswith("." + h) for h in _MEDIUM_HOSTS)


def _byline(block: str, parsed: ParsedText) -> bool:
    """Read a Medium byline/interface block into the metadata; whether the block was one (nothing else in it)."""
    links = [(m.group(1), m.group(2)) for m in re.finditer(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)", block)]
    residue = re.sub(r"!?\[[^\]]*\]\([^)]*\)", " ", block)
    residue = _READING_TIME.sub(" ", residue)
    residue = _CJK_DATE.sub(" ", _EN_DATE.sub(" ", residue))
    residue = _BYLINE_WORDS.sub(" ", residue)
    if residue.strip(" \t\n·-—–|:：,") or not (links or block.strip() in ("·", "--")):
        return False
    if links and not any(_is_medium_link(url) for _, url in links):
        return False
    for text, url in links:
        path = urlsplit(url).path
        if text and path.startswith("/@"):
            parsed.meta.setdefault("author", text.strip())
        elif text and _is_medium_link(url) and path in ("", "/") and "signin" not in url:
            parsed.meta.setdefault("publication", text.strip())
    if date := _date_from(block):
        parsed.meta.setdefault("date", date)
    return True


def _sanitize_markdown(line: str) -> str:
    """Markdown from an export, made inert: raw HTML shown as text, only http(s)/mailto links stay links."""
    line = line.replace("<", "&lt;")
    return _MD_LINK.sub(
        lambda m: m.group(0) if re.match(r"^(https?:|mailto:|#)", m.group(2), re.I) else m.group(1), line
    )


def _markdown_image_blocks(line: str, parsed: ParsedText) -> list[Block] | None:
    """A line that holds images (and empty Medium links) only: one missing-image note per image."""
    rest = re.sub(r"(?<!!)\[\]\([^)]*\)", "", line)  # empty links are Medium's clap/bookmark buttons
    images = _MD_IMAGE.findall(rest)
    if not images or _MD_IMAGE.sub("", rest).strip():
        return None
    if rest != line:
        parsed.removed.append("Medium interface buttons (empty links)")
    for alt, src in images:
        parsed.removed.append(f"image {src} (not in the export; replaced by a note)")
    return [Block("missing-image", alt.strip()) for alt, _src in images]


def parse_markdown(text: str) -> ParsedText:
    parsed = ParsedText()
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]
    body_started = False
    interface_lines = 0
    for para in paragraphs:
        first = para.strip()
        heading = _MD_HEADING.match(first) if "\n" not in first else None
        if not body_started:
            if heading and len(heading.group(1)) == 1 and parsed.title is None:
                parsed.title = strip_markdown(heading.group(2)).strip()
                continue
            if _take_original(first, parsed):
                continue
            if heading and parsed.subtitle is None and parsed.title is not None:
                parsed.subtitle = strip_markdown(heading.group(2)).strip()
                continue
        images = _markdown_image_blocks(first, parsed)
        if images is not None:
            parsed.blocks.extend(images)
            continue
        if not body_started and _byline(first, parsed):
            interface_lines += 1
            continue
        body_started = True
        if heading:
            parsed.blocks.append(Block("heading", _sanitize_markdown(heading.group(2)), markdown=True))
        elif all(_BULLET.match(line) for line in para.splitlines()):
            items = [_BULLET.match(line).group(1) for line in para.splitlines()]
            _append_list(parsed, [_sanitize_markdown(i) for i in items], markdown=True)
        else:
            parsed.blocks.append(Block("paragraph", _sanitize_markdown(para.strip()), markdown=True))
    if interface_lines:
        parsed.removed.append(
            f"Medium byline and buttons ({interface_lines} lines: author, publication, reading time, date, follow/clap/bookmark links)"
        )
    return parsed


def _append_list(parsed: ParsedText, items: list[str], markdown: bool) -> None:
    """Items of one list: consecutive list blocks (Medium puts blank lines between items) merge."""
    last = parsed.blocks[-1] if parsed.blocks else None
    if last and last.kind == "list" and last.markdown == markdown:
        parsed.blocks[-1] = Block("list", last.text + "\n" + "\n".join(items), markdown)
    else:
        parsed.blocks.append(Block("list", "\n".join(items), markdown))


# ---------------------------------------------------------------- plain text


@dataclass
class _Unit:
    text: str
    after: str  # what separated it from the previous unit: "line", "blank" or "spacer" (a line of no-break spaces)


def _units(text: str, cjk: bool) -> list[_Unit]:
    """Split plain text into units: a hard-wrapped block joined into one, otherwise one unit per line."""
    units: list[_Unit] = []
    block: list[str] = []
    block_sep = pending = "blank"

    def flush() -> None:
        wrapped = len(block) > 1 and all(len(l) <= WRAP_MAX[cjk] for l in block[:-1])
        if wrapped and not any(_BULLET.match(l) or _LETTERED.match(l) for l in block):
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


def _is_heading(unit: _Unit, following: _Unit | None) -> bool:
    t = unit.text
    return (
        following is not None
        and len(t) <= HEADING_MAX
        and not _ends_sentence(t)
        and any(ch.isalpha() for ch in t)
        and (t[0].isupper() or not t[0].isalpha())
        and not _BULLET.match(t)
        and not _LETTERED.match(t)
        and len(following.text) > len(t)
        and not _IMAGE_PLACEHOLDER.match(following.text)
    )


def parse_plain(text: str, cjk: bool, title: str | None, subtitle: str | None, labels: tuple[str, ...], signature: str | None) -> ParsedText:
    parsed = ParsedText()
    lines = text.rstrip().split("\n")
    while lines and signature and _same(lines[-1], signature):
        parsed.removed.append(f"signature line '{lines.pop().strip()}'")
    units = _units("\n".join(lines), cjk)
    # The title block: section labels, the title, the subtitle, as the first lines.
    while units and units[0].text in labels:
        parsed.removed.append(f"section label '{units.pop(0).text}'")
    if units and (title is None or _same(units[0].text, title)) and len(units[0].text) <= 200:
        parsed.title = units.pop(0).text
    if units and subtitle is not None and _same(units[0].text, subtitle):
        parsed.subtitle = units.pop(0).text
    if units:  # an "Original: <url>" line near the top
        for i, unit in enumerate(units[:3]):
            if _take_original(unit.text, parsed):
                del units[i]
                break
    i = 0
    while i < len(units):
        unit = units[i]
        following = units[i + 1] if i + 1 < len(units) else None
        if _IMAGE_PLACEHOLDER.match(unit.text):
            parsed.removed.append(f"placeholder '{unit.text}' (replaced by a note)")
            parsed.blocks.append(Block("missing-image", ""))
        elif _BULLET.match(unit.text):
            _append_list(parsed, [_BULLET.match(unit.text).group(1)], markdown=False)
        elif _LETTERED.match(unit.text) and _lettered_run(units, i):
            _append_list(parsed, [unit.text], markdown=False)
        elif not cjk and _is_heading(unit, following):
            parsed.blocks.append(Block("heading", unit.text))
        else:
            last = parsed.blocks[-1] if parsed.blocks else None
            continues = (
                cjk
                and unit.after == "blank"
                and last is not None
                and last.kind == "paragraph"
                and last.text[-1] not in _CJK_END
                and _mostly_cjk(unit.text)
            )
            if continues:
                parsed.blocks[-1] = Block("paragraph", join_wrapped(last.text, unit.text, cjk))
            else:
                parsed.blocks.append(Block("paragraph", unit.text))
        i += 1
    _colon_lists(parsed)
    return parsed


def _mostly_cjk(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(map(is_cjk, letters)) * 2 > len(letters)


def _lettered_run(units: list[_Unit], i: int) -> bool:
    """Whether units[i] is in a run of lettered items A., B., … (one alone is just a sentence)."""
    letter = lambda k: _LETTERED.match(units[k].text).group(1) if 0 <= k < len(units) and _LETTERED.match(units[k].text) else None
    here = letter(i)
    return bool(here) and (letter(i + 1) == chr(ord(here) + 1) or letter(i - 1) == chr(ord(here) - 1))


def _colon_lists(parsed: ParsedText) -> None:
    """Paragraphs after one ending in ':' that end in ';' (the last in '.') are the items of a list."""
    out: list[Block] = []
    blocks = parsed.blocks
    i = 0
    while i < len(blocks):
        out.append(blocks[i])
        if blocks[i].kind == "paragraph" and blocks[i].text.endswith(":"):
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "paragraph" and blocks[j].text.endswith(";"):
                j += 1
            if j > i + 1 and j < len(blocks) and blocks[j].kind == "paragraph" and blocks[j].text.endswith("."):
                out.append(Block("list", "\n".join(b.text for b in blocks[i + 1 : j + 1])))
                i = j
        i += 1
    parsed.blocks = out


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"[\s\"'“”‘’«»]+", " ", s).strip().casefold()
    return norm(a) == norm(b)


def looks_like_markdown(text: str) -> bool:
    first = next((l for l in text.splitlines() if l.strip()), "")
    links = len(re.findall(r"\]\((?:https?://|img/|/)", text))
    return first.startswith("# ") or links >= 3


def parse_text(
    text: str,
    cjk: bool,
    title: str | None = None,
    subtitle: str | None = None,
    labels: tuple[str, ...] = (),
    signature: str | None = None,
) -> ParsedText:
    """Parse a decoded text; hints (from the catalog) say what the text cannot tell about itself."""
    if looks_like_markdown(text):
        parsed = parse_markdown(text)
    else:
        parsed = parse_plain(text, cjk, title, subtitle, labels, signature)
    return parsed
