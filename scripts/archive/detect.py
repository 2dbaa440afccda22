"""Tell which archive language a text is in from the scripts its letters are written in."""

from __future__ import annotations

import unicodedata
from collections import Counter

from . import languages

# A CJK character carries about as much text as a short word; Latin and Cyrillic letters much less.
_WEIGHT = {"Han": 3, "Kana": 3}
# Japanese mixes kanji with kana; any real share of kana means Japanese even where kanji dominate.
_KANA_SHARE = 0.05


def script_of(ch: str) -> str | None:
    """The script of one letter, among those the archive's languages are told apart by."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith(("HIRAGANA", "KATAKANA")) or "KATAKANA" in name:
        return "Kana"
    if name.startswith("CJK") :
        return "Han"
    if name.startswith("CYRILLIC"):
        return "Cyrillic"
    if name.startswith("LATIN"):
        return "Latin"
    return None


def count_scripts(text: str) -> Counter[str]:
    return Counter(s for s in map(script_of, text) if s)


def detect_language(text: str) -> str | None:
    """The language code whose script dominates the text, or None when no archive language's script appears."""
    counts = count_scripts(text)
    if counts["Kana"] and counts["Kana"] >= _KANA_SHARE * (counts["Kana"] + counts["Han"]):
        counts["Kana"] += counts.pop("Han", 0)
    else:
        counts.pop("Kana", None)
    by_script = {lang.script: lang.code for lang in languages.LANGUAGES}
    weighted = {s: n * _WEIGHT.get(s, 1) for s, n in counts.items() if s in by_script and n}
    if not weighted:
        return None
    return by_script[max(sorted(weighted), key=weighted.__getitem__)]
