"""Tell which archive language a text is in from the scripts its letters are written in."""

from __future__ import annotations

import re
from collections import Counter

from . import languages

# A CJK character carries about as much text as a short word; Latin and Cyrillic letters much less.
_WEIGHT = {"Han": 3, "Kana": 3}
# Japanese mixes kanji with kana; any real share of kana means Japanese even where kanji dominate.
_KANA_SHARE = 0.05


# Letters of each script by code-point range, matched in runs: counting with one regex each is fast in C, unlike
# per-character lookups.
_SCRIPTS = {
    "Kana": re.compile("[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+"),
    "Han": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+"),
    "Cyrillic": re.compile("[\u0400-\u04ff\u0500-\u052f]+"),
    "Latin": re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+"),
}


SAMPLE = 2_000  # characters read: enough to tell the language, and the cost stays flat for long texts


def count_scripts(text: str) -> Counter[str]:
    sample = text[:SAMPLE]
    return Counter({name: sum(map(len, rx.findall(sample))) for name, rx in _SCRIPTS.items()})


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
