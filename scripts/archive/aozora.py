"""Read an Aozora Bunko text (青空文庫形式): header, notation legend, ruby, ［＃…］ notes and the 底本 colophon.

The format is documented by Aozora Bunko (「青空文庫収録ファイルへの記載事項」 and 「注記一覧」): the title and author
head the file, a legend of the notation sits between two rulers, each line of the text is a paragraph, 《…》 gives a
reading (ruby) of the characters before it (from ｜ when it is there), ［＃…］ is the inputter's note, ※［＃…］ a
character outside JIS X 0208, and the colophon from 「底本：」 on says which printed book the text was typed from.

The body comes out as CommonMark Markdown (like html_extract's): one paragraph per line, headings from
［＃「…」は大/中/小見出し］, text escaped. Ruby keeps its base text and drops the reading: 「蓮池《はすいけ》」 is
「蓮池」, as the printed page shows it large (a reading in brackets would split words for search and readers).

`removed` holds (kind, detail) pairs the renderer words per language:
  ("aozora-legend", "")       the notation legend
  ("aozora-colophon", "")     the 底本 colophon (the printed source, inputters, dates)
  ("aozora-ruby", "42")       readings given in 《》 (how many)
  ("aozora-notes", "7")       inputters' ［＃…］ notes on layout and emphasis (how many)
  ("aozora-gaiji", "3")       ※［＃…］ characters and symbols written out from their JIS X 0213 or Unicode code
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["AozoraText", "is_aozora", "read_aozora_header"]


@dataclass
class AozoraText:
    title: str
    author: str
    body: str  # CommonMark Markdown
    removed: list[tuple[str, str]] = field(default_factory=list)
    subtitle: str = ""  # a header line between title and author, when there is one
    translator: str = ""


LEGEND = "【テキスト中に現れる記号について】"
_RULER = re.compile(r"^-{20,}\s*$")
_COLOPHON = re.compile(r"^(?:底本[：:]|［＃本文終わり］)")
_NOTE = re.compile(r"［＃[^］\n]*］")
_GAIJI = re.compile(r"※［＃[^］\n]*］")
# a JIS X 0213 plane-row-cell ("第3水準1-87-71", or "1-2-54" for a symbol) or a Unicode code point
_JIS = re.compile(r"(?<![\d-])([12])-(\d{1,2})-(\d{1,2})(?![\d-])")
_UNICODE = re.compile(r"U\+([0-9A-Fa-f]{4,6})")
_RUBY = re.compile(r"《[^》\n]*》")
_HEADING_NOTE = re.compile(r"［＃「([^」]*)」は(大|中|小)見出し］")
_HEADING_SPAN = re.compile(r"［＃(大|中|小)見出し］(.*?)［＃\1見出し終わり］")
_LEVELS = ("大", "中", "小")


def is_aozora(text: str) -> bool:
    """Whether the text is in Aozora Bunko's format: its legend, or its colophon with ruby or notes."""
    head = text[:4000]
    if LEGEND in head:
        return True
    has_colophon = any(_COLOPHON.match(line) for line in text[-6000:].split("\n"))
    return has_colophon and ("［＃" in text or len(_RUBY.findall(text[:20000])) >= 3)


def read_aozora_header(text: str) -> AozoraText:
    """Title, author and the body as Markdown, with what was left out."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    removed: list[tuple[str, str]] = []
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    header = []
    while i < len(lines) and lines[i].strip() and not _RULER.match(lines[i]):
        header.append(_plain(lines[i]).strip())
        i += 1
    title, subtitle, author, translator = _read_header(header)
    rest = lines[i:]
    # the legend: from the first ruler to the next one, when the legend heading is between them
    start = next((k for k, line in enumerate(rest[:40]) if _RULER.match(line)), None)
    if start is not None:
        end = next((k for k in range(start + 1, min(len(rest), start + 80)) if _RULER.match(rest[k])), None)
        if end is not None and any(LEGEND in line for line in rest[start:end]):
            rest = rest[end + 1:]
            removed.append(("aozora-legend", ""))
    colophon = next((k for k, line in enumerate(rest) if _COLOPHON.match(line.strip())), None)
    if colophon is not None:
        rest = rest[:colophon]
        removed.append(("aozora-colophon", ""))
    counts = {"ruby": 0, "notes": 0, "gaiji": 0}
    blocks = [_block(line, counts) for line in rest]
    levels = sorted({b[0] for b in blocks if b and b[0]}, key=_LEVELS.index)
    out = []
    for block in blocks:
        if not block or not block[1].strip():
            continue
        level, text_ = block
        out.append("#" * (2 + levels.index(level)) + " " + text_.strip() if level else text_.rstrip())
    for kind in ("ruby", "notes", "gaiji"):
        if counts[kind]:
            removed.append((f"aozora-{kind}", str(counts[kind])))
    body = "\n\n".join(out) + "\n" if out else ""
    return AozoraText(title, author, body, removed, subtitle, translator)


def _read_header(header: list[str]) -> tuple[str, str, str, str]:
    """(title, subtitle, author, translator) from the lines above the legend."""
    if not header:
        return "", "", "", ""
    title, others = header[0], header[1:]
    translator = next((h for h in others if re.search(r"訳$|翻訳$", h)), "")
    others = [h for h in others if h != translator]
    author = others[-1] if others else ""
    subtitle = "　".join(others[:-1])
    return title, subtitle, author, translator


def _block(line: str, counts: dict[str, int]) -> tuple[str, str] | None:
    """One line of the text as (heading level or '', Markdown text)."""
    level = ""
    match = _HEADING_NOTE.search(line) or _HEADING_SPAN.search(line)
    if match:
        level = match.group(2) if match.re is _HEADING_NOTE else match.group(1)
        counts["notes"] += 1
    line = _HEADING_SPAN.sub(lambda m: m.group(2), line)
    line = _HEADING_NOTE.sub("", line)

    # Characters written out from their codes stand in as private-use placeholders until ruby and notes are gone: a
    # restored 《 or ｜ must not be read as notation.
    restored: list[str] = []

    def gaiji(m: re.Match) -> str:
        char = _gaiji_char(m.group())
        if not char:
            return m.group()
        counts["gaiji"] += 1
        restored.append(char)
        return chr(0xF0000 + len(restored) - 1)

    line = _GAIJI.sub(gaiji, line)
    counts["ruby"] += len(_RUBY.findall(line))
    counts["notes"] += len(_NOTE.findall(line))
    text = _plain(line)
    if restored:
        text = re.sub("[\U000f0000-\U000fffff]", lambda m: restored[ord(m.group()) - 0xF0000], text)
    return (level, _escape(text)) if text.strip() else None


def _plain(line: str) -> str:
    """A line without ruby readings, ruby starts and notes."""
    return _NOTE.sub("", _RUBY.sub("", line)).replace("｜", "")


def _gaiji_char(note: str) -> str:
    """The character a ※［＃…、第3水準1-87-71］ or ※［＃…、U+5F45、…］ note stands for, or ''."""
    code = _UNICODE.search(note)
    if code:
        return chr(int(code.group(1), 16))
    jis = _JIS.search(note)
    if jis:
        plane, row, cell = (int(g) for g in jis.groups())
        raw = bytes([0xA0 + row, 0xA0 + cell])
        try:
            return (raw if plane == 1 else b"\x8f" + raw).decode("euc_jisx0213")
        except UnicodeDecodeError:
            return ""
    return ""


def _escape(text: str) -> str:
    """Text as CommonMark that shows exactly these characters."""
    text = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;")
    text = re.sub(r"([`*_\[\]])", r"\\\1", text)
    text = re.sub(r"^(\s*)([#>+\-=|])", r"\1\\\2", text)
    return re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", text)
