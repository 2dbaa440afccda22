"""Search terms of a text: one definition for the build (this module) and the browser (search/tokenize.js).

A word is a run of letters, digits and marks. Runs of Han and kana become overlapping character bigrams, so the
index and a query agree whatever a dictionary would have cut; other words are lower-cased, NFKC-normalized and
stemmed by the Snowball algorithm of the language written in their script — the index's own language for its own
script, else the first language declared with that script (in the Russian index Latin words by English's) — so
"LinkedIn" inside a Russian sentence is found as it is in an English one, and a German index stems German.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from itertools import chain
from typing import Iterator

import snowballstemmer

from . import languages

# Letters of each script named in languages.py. A word is stemmed by the Snowball algorithm of the language written
# in its script; the scripts of the languages written without spaces (cjk) are searched by character bigrams.
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Latin": ((0x41, 0x5A), (0x61, 0x7A), (0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0x24F), (0x1E00, 0x1EFF)),
    "Cyrillic": ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "Han": ((0x3005, 0x3007), (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
            (0xF900, 0xFAFF), (0x20000, 0x323AF)),
    "Kana": ((0x3031, 0x3035), (0x303C, 0x303C), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF),
             (0xFF66, 0xFF9F), (0x1B000, 0x1B16F)),
}


def stemmers(lang: str = languages.DEFAULT) -> dict[str, str]:
    """Script -> Snowball algorithm in the index of `lang`: its own stemmer first, then the first declared per script."""
    own = languages.get(lang)
    table = {own.script: own.stemmer} if own.stemmer else {}
    for language in languages.LANGUAGES:
        if language.stemmer:
            table.setdefault(language.script, language.stemmer)
    return table


CJK_RANGES: tuple[tuple[int, int], ...] = tuple(
    sorted({r for lang in languages.LANGUAGES if lang.cjk for r in SCRIPT_RANGES[lang.script]})
)


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def _char_class(chars: list[int]) -> str:
    """A regular expression's character class, as ranges, of the given sorted code points."""
    ranges: list[list[int]] = []
    for code in chars:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)


# A word is a run of letters, digits and marks (\p{L}\p{N}\p{M} in tokenize.js). Fast path for the build: one
# regular expression finds the runs of such characters of the BMP; astral characters are rare, taken into the runs
# as they come and checked one by one (_segments_by_char).
_RUNS = re.compile(f"[{_char_class([c for c in range(0x10000) if _is_word_char(chr(c))])}\\U00010000-\\U0010ffff]+")
_CJK_BMP = "".join(f"\\u{lo:04x}-\\u{min(hi, 0xFFFF):04x}" for lo, hi in CJK_RANGES if lo <= 0xFFFF)
_CJK_RUNS = re.compile(f"([{_CJK_BMP}]+)|([^{_CJK_BMP}]+)")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def stemmer_for(word: str, lang: str = languages.DEFAULT) -> str | None:
    """The Snowball algorithm for a normalized word: that of the script of its first letter, if any is declared."""
    for char in word:
        if unicodedata.category(char)[0] == "L":
            for script, algorithm in stemmers(lang).items():
                if _within(ord(char), SCRIPT_RANGES[script]):
                    return algorithm
            return None
    return None


@functools.lru_cache(maxsize=None)
def _snowball(algorithm: str) -> snowballstemmer.BaseStemmer:
    return snowballstemmer.stemmer(algorithm)


@functools.lru_cache(maxsize=200_000)
def stem(word: str, lang: str = languages.DEFAULT) -> str:
    """A normalized word's search term in the index of `lang`."""
    algorithm = stemmer_for(word, lang)
    return _snowball(algorithm).stemWord(word) if algorithm else word


def segments(text: str) -> Iterator[tuple[str, bool]]:
    """The text's words, as (raw segment, is CJK): a run of word characters, cut where CJK meets other scripts."""
    for run in _RUNS.findall(text):
        if run.isascii():
            yield run, False
        elif max(run) <= "\uffff":
            for cjk, other in _CJK_RUNS.findall(run):
                yield (cjk, True) if cjk else (other, False)
        else:
            yield from _segments_by_char(run)


def _segments_by_char(run: str) -> Iterator[tuple[str, bool]]:
    start, kind = None, None
    for i, char in enumerate(run):
        here = _within(ord(char), CJK_RANGES) if _is_word_char(char) else None
        if here != kind:
            if kind is not None:
                yield run[start:i], kind
            start, kind = i, here
    if kind is not None:
        yield run[start:], kind


def bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[k:k + 2] for k in range(len(run) - 1)]


def query_terms(text: str, lang: str = languages.DEFAULT) -> list[list[str]]:
    """A query's terms, one group per word: a stemmed word alone, or a CJK run's bigrams (all of them required)."""
    groups = []
    for segment, cjk in segments(text):
        word = normalize(segment)
        groups.append(bigrams(word) if cjk else [stem(word, lang)])
    return groups


def index_terms(text: str, lang: str = languages.DEFAULT) -> list[str]:
    """A page's terms in order: the query's, plus each CJK run's last character, so one typed character finds it."""
    terms: list[str] = []
    for segment, cjk in segments(text):
        word = normalize(segment)
        if cjk:
            terms.extend(bigrams(word))
            if len(word) > 1:
                terms.append(word[-1])
        else:
            terms.append(stem(word, lang))
    return terms


_run_terms: dict[str, dict[str, tuple[str, ...]]] = {}  # by index language: a run of word characters -> its terms


def term_counts(text: str, lang: str = languages.DEFAULT) -> Counter:
    """How often each of index_terms(text) occurs, counted fast: index_terms of a text is that of each of its runs of
    word characters in turn, so each distinct run is cut and stemmed once (and kept), and the counting is done in C."""
    runs = _RUNS.findall(text)
    known = _run_terms.setdefault(lang, {})
    try:
        return Counter(chain.from_iterable(map(known.__getitem__, runs)))
    except KeyError:
        for run in set(runs).difference(known):
            known[run] = tuple(index_terms(run, lang))
        return Counter(chain.from_iterable(map(known.__getitem__, runs)))


def settings(lang: str = languages.DEFAULT) -> dict:
    """What the browser's tokenizer needs from here, shipped inside each index so the two cannot drift."""
    return {
        "cjk": [list(r) for r in CJK_RANGES],
        "stemmers": [[algorithm, [list(r) for r in SCRIPT_RANGES[script]]] for script, algorithm in stemmers(lang).items()],
    }
