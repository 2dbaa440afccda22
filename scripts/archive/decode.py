"""Turn a raw file's bytes into clean Unicode text: detect the encoding, normalise newlines, spaces and NFC."""

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


class DecodeError(ValueError):
    """The bytes are not a text the archive can take; the message says why."""


@dataclass(frozen=True)
class RawText:
    text: str  # NFC, LF line ends, no zero-width characters; lines of no-break spaces kept (they can mark paragraphs)
    encoding: str
    cleaned: tuple[tuple[str, str], ...] = field(default=())  # what decoding removed: (kind, detail), for provenance


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
    cleaned = []
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        cleaned.append(("byte-order-mark", ""))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        cleaned.append(("cr-line-ends", ""))
    zero_width = len(_ZERO_WIDTH.findall(text))
    if zero_width:
        text = _ZERO_WIDTH.sub("", text)
        cleaned.append(("zero-width-characters", str(zero_width)))
    blankish = sum(1 for m in _BLANKISH.finditer(text) if m.group().strip(" \t\n"))
    if blankish:
        cleaned.append(("space-only-lines", str(blankish)))
    text = unicodedata.normalize("NFC", text)
    # Valid UTF-8 (with or without BOM) is text by construction; a guessed legacy encoding must also look like it.
    odd = 0 if encoding.startswith("utf-") else sum(1 for ch in text if unicodedata.category(ch) in ("Cn", "Co", "Cs"))
    if odd * 100 > len(text):
        raise DecodeError(f"not text ({odd} unassigned or private-use characters as {encoding})")
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    return RawText(text=text, encoding=encoding, cleaned=tuple(cleaned))
