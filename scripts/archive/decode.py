"""Turn a raw file's bytes into clean Unicode text: detect the encoding, repair mojibake, normalise newlines, spaces
and NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Invisible characters that only get in the way of search and line handling (ZWJ is kept: emoji need it).
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad]")
# Control characters other than tab and newline mean the bytes are not text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANKISH = re.compile(r"^[\s\u00a0\u3000]+$", re.M)
# UTF-8 read as Latin-1 or cp1252: a lead byte's character (Â Ã Ð Ñ â ã …) followed by a continuation byte's
# (U+0080-U+00BF, or what cp1252 puts at 0x80-0x9F). Only a text with such a pair goes to ftfy, which decides.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


class DecodeError(ValueError):
    """The bytes are not a text the archive can take; the message says why."""


@dataclass(frozen=True)
class RawText:
    text: str  # NFC, LF line ends, no zero-width characters; lines of no-break spaces kept (they can mark paragraphs)
    encoding: str
    # What decoding changed, for the page's provenance, as (kind, detail) that the site words in each language:
    # ("byte-order-mark", ""), ("cr-line-ends", ""), ("zero-width-characters", "3"), ("no-break-space-lines", "2"),
    # ("mojibake-repaired", "")
    cleaned: tuple[tuple[str, str], ...] = field(default=())


def repair_mojibake(text: str) -> str:
    """The text with UTF-8 that was decoded as Latin-1 or cp1252 (once or more) decoded right; else unchanged."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy  # here: 0.1 s to import, and only a text that looks broken needs it

    # ftfy's encoding repairs only: quotes, widths, ligatures, entities and line breaks stay as the author wrote them
    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
    )
    return ftfy.fix_text(text, config)


def _plausible(text: str) -> bool:
    """Whether decoded characters look like prose: letters, digits, punctuation and spaces, no controls."""
    if _CONTROL.search(text):
        return False
    common = sum(1 for ch in text if unicodedata.category(ch)[0] in "LMNPZS" or ch in "\n\t")
    return common * 100 >= len(text) * 98


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and not any(unicodedata.category(ch) in ("Cn", "Co", "Cs") for ch in text):
            return text, name
    return None


def _detect(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not text (no encoding decodes it)")
    return str(best), best.encoding.replace("_", "-")


def decode_raw(data: bytes) -> RawText:
    """Decode and clean one raw file's bytes, or raise DecodeError saying why they are not an archive text."""
    if not data.strip():
        raise DecodeError("empty file")
    if b"\x00" in data and not data.startswith(_UTF16_BOMS):
        # A NUL byte is binary data unless the whole file is BOM-less UTF-16 text.
        found = _bomless_utf16(data)
        if found is None:
            raise DecodeError(f"not text (binary data: NUL byte at byte {data.index(0)})")
        text, encoding = found
    else:
        text, encoding = _detect(data)
    control = _CONTROL.search(text)
    if control:
        raise DecodeError(f"not text (control character U+{ord(control.group()):04X} at character {control.start()})")
    cleaned: list[tuple[str, str]] = []
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        cleaned.append(("byte-order-mark", ""))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        cleaned.append(("cr-line-ends", ""))
    repaired = repair_mojibake(text)
    if repaired != text:
        text = repaired
        cleaned.append(("mojibake-repaired", ""))
    zero_width = len(_ZERO_WIDTH.findall(text))
    if zero_width:
        text = _ZERO_WIDTH.sub("", text)
        cleaned.append(("zero-width-characters", str(zero_width)))
    blankish = sum(1 for m in _BLANKISH.finditer(text) if m.group().strip(" \t\n"))
    if blankish:
        cleaned.append(("no-break-space-lines", str(blankish)))
    text = unicodedata.normalize("NFC", text)
    # Valid UTF-8 (with or without BOM) is text by construction; a guessed legacy encoding must also look like it.
    odd = 0 if encoding.startswith("utf-") else sum(1 for ch in text if unicodedata.category(ch) in ("Cn", "Co", "Cs"))
    if odd * 100 > len(text):
        raise DecodeError(f"not text ({odd} unassigned or private-use characters as {encoding})")
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    return RawText(text=text, encoding=encoding, cleaned=tuple(cleaned))
