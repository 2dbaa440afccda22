"""Tell which language a text is written in: scripts decide Chinese, Japanese and Korean, py3langid the rest.

The text is first reduced to prose (no front-matter, code, URLs, link targets, HTML tags or Aozora notes), then the
letters' scripts are counted. Han with a real share of kana is Japanese, Han without kana Chinese, Hangul Korean:
a statistical model confuses Japanese written mostly in kanji with Chinese, scripts do not. For any other script,
py3langid (97 languages; its model ships inside the package) reads a sample of the paragraphs written in the
dominant script, so an English quotation in a Russian text does not decide its language. The comparison with lingua
that chose py3langid, with its accuracy and speed, is in notes/import.md ("Language identification").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import languages

# A CJK character carries about as much text as a short word; Latin and Cyrillic letters much less.
_WEIGHT = {"Han": 3, "Kana": 3, "Hangul": 2}
# Japanese mixes kanji with kana; any real share of kana means Japanese even where kanji dominate.
_KANA_SHARE = 0.05

# Letters of each script by code-point range, matched in runs: counting with one regex each is fast in C, unlike
# per-character lookups.
_SCRIPTS = {
    "Kana": re.compile("[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+"),
    "Han": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+"),
    "Hangul": re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+"),
    "Cyrillic": re.compile("[\u0400-\u04ff\u0500-\u052f]+"),
    "Latin": re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+"),
    "Greek": re.compile("[\u0370-\u03ff]+"),
    "Arabic": re.compile("[\u0600-\u06ff\u0750-\u077f]+"),
    "Hebrew": re.compile("[\u0590-\u05ff]+"),
    "Other": re.compile("[\u0900-\u0dff\u0e00-\u0eff\u10a0-\u10ff\u0530-\u058f]+"),  # Indic, Thai, Lao, Georgian, Armenian
}
# Scripts that name their language by themselves.
_SCRIPT_LANGUAGE = {"Kana": "ja", "Han": "zh", "Hangul": "ko"}

SAMPLE = 2_000  # characters of the text looked at: enough to find its prose, and the cost stays flat for long texts
MODEL_SAMPLE = 300  # characters of prose the model reads: 99.6 % right at 100 (notes/import.md)
# Log-probability per character by which a language outside the archive must beat the archive's language of the
# same script: Bulgarian beats Russian by 0.25 on a sentence, German beats English by 1.5, Afrikaans beats English
# by 0.09 on "word word word …" (notes/import.md)
NEAR = 0.15
MIN_LETTERS = 15  # a text with fewer letters takes the archive language of its script: the model would guess

_FRONT_MATTER = re.compile(r"\A\ufeff?(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
# What is not prose, each with a substring that must be there for it to match: most texts skip most of them.
_NOISE = (
    ("<", re.compile(r"<(?i:script|style|pre|code)\b.*?</(?i:script|style|pre|code)\s*>|<!--.*?-->|<[^>\n]{1,400}>", re.S)),
    ("`", re.compile(r"`[^`\n]*`")),  # inline code
    ("]", re.compile(r"\]\([^)\n]*\)|\]:[ \t]*\S+")),  # Markdown link targets and reference definitions
    ("&", re.compile(r"&[#\w]+;")),  # character references
    ("［＃", re.compile(r"［＃[^］\n]*］")),  # Aozora Bunko notes
    ("《", re.compile(r"《[^》\n]*》")),  # and readings
    ("://", re.compile(r"\S+://\S+")),  # URLs
    ("www.", re.compile(r"www\.\S+")),
    ("@", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),  # e-mail addresses
)
# Markdown's indented code: lines indented by four spaces or a tab after a blank line
_INDENTED_CODE = re.compile(r"(?:^|\n)[ \t]*\n((?: {4}|\t)[^\n]*(?:\n|$))+")
_LETTERS = re.compile(r"[^\W\d_]+")
_CODE_SYMBOLS = frozenset("{}()[]=<>;_#/\\*|$")  # one in 25 characters of an indented block makes it code


@dataclass(frozen=True)
class Identified:
    code: str  # ISO 639-1 where there is one (py3langid's codes)
    name: str  # the language's English name, for messages

    @property
    def in_archive(self) -> bool:
        return self.code in languages.BY_CODE


def prose(text: str) -> str:
    """The part of a text that is written language: no front-matter, code, URLs, link targets, tags or notes."""
    text = text[:SAMPLE]
    if text.startswith(("---", "+++", "\ufeff")):
        text = _FRONT_MATTER.sub("", text)
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(" ", text)
    if "\n    " in text or "\n\t" in text:
        text = _INDENTED_CODE.sub(_drop_code, text)
    for needle, rx in _NOISE:
        if needle in text:
            text = rx.sub(" ", text)
    return text


def _drop_code(block: re.Match) -> str:
    """An indented block that reads as code goes; prose set with indented paragraphs stays."""
    text = block.group()
    symbols = sum(1 for ch in text if ch in _CODE_SYMBOLS)
    return "\n\n" if symbols * 25 >= len(text.strip()) else text


def count_scripts(text: str) -> Counter[str]:
    """Letters per script; a script is counted only when the text has a character of it (one search, then a count)."""
    return Counter({name: sum(map(len, rx.findall(text))) for name, rx in _SCRIPTS.items() if rx.search(text)})


def _dominant(counts: Counter[str]) -> str | None:
    counts = Counter(counts)
    if counts["Kana"] and counts["Kana"] >= _KANA_SHARE * (counts["Kana"] + counts["Han"]):
        counts["Kana"] += counts.pop("Han", 0)
    else:
        counts.pop("Kana", None)
    weighted = {s: n * _WEIGHT.get(s, 1) for s, n in counts.items() if n}
    return max(sorted(weighted), key=weighted.__getitem__) if weighted else None


def _sample(text: str, script: str) -> str:
    """Up to MODEL_SAMPLE characters of the paragraphs written mostly in the text's dominant script."""
    rx = _SCRIPTS[script]
    other = _SCRIPTS["Cyrillic" if script == "Latin" else "Latin"]
    picked, size = [], 0
    for para in re.split(r"\n\s*\n|\n(?=\S)", text):
        mine = sum(map(len, rx.findall(para)))
        if mine and mine > sum(map(len, other.findall(para))):
            para = " ".join(para.split())
            picked.append(para)
            size += len(para)
            if size >= MODEL_SAMPLE:
                break
    return " ".join(picked)[:MODEL_SAMPLE]


@lru_cache(maxsize=1)
def _model():
    # Loading the model takes most of a second: only texts that need it pay, once per process.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _classify(sample: str, preferred: list[str]) -> str:
    """The model's language for the sample; an archive language of its script when that is nearly as likely."""
    ranked = _model().rank(sample)
    top, score = ranked[0]
    if top in languages.BY_CODE:
        return top
    scores = dict(ranked)
    close = [code for code in preferred if (score - scores.get(code, float("-inf"))) < NEAR * len(sample)]
    return close[0] if close else top


@lru_cache(maxsize=None)
def language_name(code: str) -> str:
    """The English name of a language code ("German" for de), from babel's CLDR data."""
    from babel import Locale

    return Locale("en").languages.get(code) or code


# Evidence that settles an archive language without the model (which costs 0.5 s to load and 0.3 ms a text; 2,005
# texts must normalize within 3 s). Each says only "surely this language", never "surely not"; the model decides the
# rest. English: a tenth of the words are English function words that other Latin-script languages do not use (in
# 300-character windows of real texts: English 14-49 %, German, Portuguese, Spanish, French, Czech 0-5 %), and no
# letter is accented (German, French, Spanish, Portuguese, Czech: 1-4 % are), so that a German text quoting English,
# or an English one with a "café", goes to the model.
# Russian: ы or э, which Ukrainian, Bulgarian, Serbian and Macedonian lack, and none of the letters of the
# Cyrillic languages that have them too (Belarusian і ў, Kazakh, Kyrgyz, Tatar, Tajik, Mongolian ө ү, …).
_ENGLISH_WORDS = frozenset(
    "the and of to that with this from which you they have has were their been would there what will about when who "
    "into than them these its our also other how only your some could should because does just like most such those "
    "through very where while why after before it is are be by not but or we his her can".split()
)
_RUSSIAN_LETTERS = re.compile("[ыэЫЭ]")
_OTHER_CYRILLIC = re.compile("[іїєґўђјљњћџѓќѕәғқңөұүһҗҡҙҫӣӯҳҷӑӗӳӏІЇЄҐЎЂЈЉЊЋЏЃЌЅӘҒҚҢӨҰҮҺҖҠҘҪӢӮҲҶӐӖӲӀ]")
_WORDS = re.compile(r"[a-z]+")
_ACCENTED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def _surely(code: str, sample: str) -> bool:
    if code == "en":
        words = _WORDS.findall(sample.lower())
        return (len(words) >= 10 and sum(w in _ENGLISH_WORDS for w in words) * 10 >= len(words)
                and not _ACCENTED.search(sample))
    if code == "ru":
        return bool(_RUSSIAN_LETTERS.search(sample)) and not _OTHER_CYRILLIC.search(sample)
    return False


def identify(text: str) -> Identified | None:
    """The language a text is written in, or None when it has no letters at all."""
    body = prose(text)
    counts = count_scripts(body)
    script = _dominant(counts)
    if script is None:
        return None
    if script in _SCRIPT_LANGUAGE:
        code = _SCRIPT_LANGUAGE[script]
    else:
        sample = _sample(body, script)
        by_script = [lang.code for lang in languages.LANGUAGES if lang.script == script]
        surely = next((code for code in by_script if _surely(code, sample)), None)
        if surely:
            code = surely
        elif sum(map(len, _LETTERS.findall(sample))) < MIN_LETTERS and len(by_script) == 1:
            code = by_script[0]  # a line or two: the model would guess; the script says which archive language
        else:
            code = _classify(sample or body, by_script)
    return Identified(code, language_name(code))


def detect_language(text: str) -> str | None:
    """The archive language a text is written in; None when it has no letters or its language is not archived."""
    found = identify(text)
    return found.code if found and found.in_archive else None
