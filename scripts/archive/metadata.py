"""Facts a text states about itself in its own words: dates, 'Original: <url>' lines; shared by every reader."""

from __future__ import annotations

import datetime as dt
import re

from .document import Document
from .urls import clean_url

ORIGINAL = re.compile(
    r"^\s*>?\s*[*_]*\s*(?:"
    # a label and a colon: "Original: <url>", "原文：…", "Оригинал статьи: …"
    r"(?:(?:英文)?原文(?:链接|地址|出处)?|原文リンク|Original(?: (?:post|article|text|link))?|Оригинал(?: статьи)?|"
    r"Источник|元記事|Source|Canonical link)\s*[:：]"
    # or a sentence that says so: "Originally published at …", "本文翻译自 …", "Перевод статьи …"
    r"|Originally (?:published|posted|written) (?:at|on|in)\b|(?:本文)?(?:翻译|译)自|Перевод статьи\b"
    r")\s*(.*)$",
    re.I | re.S,
)
URL = re.compile(r"https?://[^\s)\]`>\"'，。）]+")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EN_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? (\d{4})\b")
_EN_DATE_DMY = re.compile(r"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,? (\d{4})\b")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def date_in(text: str) -> str | None:
    """A YYYY-MM-DD date written in the text (ISO, '2023年8月9日', 'Aug 9, 2023', '9 Aug 2023'), or None."""
    text = text.strip()
    if m := _ISO.match(text):
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    if m := _CJK_DATE.search(text):
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    if m := _EN_DATE.search(text):
        return _ymd(int(m[3]), _MONTHS.index(m[1][:3]) + 1, int(m[2]))
    if m := _EN_DATE_DMY.search(text):
        return _ymd(int(m[3]), _MONTHS.index(m[2][:3]) + 1, int(m[1]))
    return None


def date_value(value: object) -> str | None:
    """A front-matter date (a YAML/TOML date or datetime, or a string) as YYYY-MM-DD."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return date_in(value) if isinstance(value, str) else None


def take_original(text: str, urls: list[str], doc: Document) -> bool:
    """Read an 'Original: <url>' line (its text, and the link targets in it) into doc.meta; whether it was one."""
    m = ORIGINAL.match(text)
    if not m:
        return False
    found = [u for u in urls if u.startswith(("http://", "https://"))] or URL.findall(m.group(1))
    if not found:
        return False
    url, date = clean_url(found[0])
    doc.meta.setdefault("original_url", url)  # a front-matter's canonical URL says it first
    if date:
        doc.meta.setdefault("date", date)
    doc.removed.append(("original-line", ""))
    return True
