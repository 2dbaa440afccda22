"""decode_raw: encodings, newlines, invisible characters, and the bytes that are not text."""

from __future__ import annotations

import codecs
import re

import pytest

from archive.decode import DecodeError, decode_raw

RU = "Инженеры по машинному обучению, что они на самом деле делают? Вопрос с подвохом.\nВторая строка."
JA = "機械学習エンジニアってなんだろう?\nお久しぶりです!私が住んでいるトロント市は現在ロックダウンしており"
ZH = "机器学习工程师——他们实际上做什么？\n这个标题当然是一个圈套问题。就像之前的数据科学家一样。"


@pytest.mark.parametrize(
    "text, encoding",
    [
        (RU, "utf-8"), (RU, "utf-8-sig"), (RU, "utf-16"), (RU, "utf-16-le"), (RU, "utf-16-be"), (RU, "cp1251"),
        (JA, "shift_jis"), (JA, "utf-16"), (ZH, "gb18030"), (ZH, "utf-8-sig"),
    ],
)
def test_encodings_decode_to_the_same_text(text, encoding):
    assert decode_raw(text.encode(encoding)).text == text


def test_detected_encoding_is_recorded():
    assert decode_raw(RU.encode("cp1251")).encoding == "cp1251"
    assert decode_raw(RU.encode("utf-16-le")).encoding == "utf-16-le"
    assert decode_raw(RU.encode("utf-8-sig")).encoding == "utf-8"
    assert decode_raw(JA.encode("shift_jis")).encoding in ("shift_jis", "cp932", "shift_jis_2004")


def test_crlf_zero_width_and_nfc():
    raw = "Title\r\n\r\nma\u200bchine lear\u00adning e\u0301\r\n".encode("utf-8")
    got = decode_raw(raw)
    assert got.text == "Title\n\nmachine learning \u00e9\n"
    assert ("cr-line-ends", "") in got.cleaned and ("zero-width-characters", "2") in got.cleaned


def test_lines_of_no_break_spaces_are_kept_as_marks_and_reported():
    got = decode_raw("a\n\u00a0\nb\n\u3000\u3000\nc".encode())
    assert got.text == "a\n\u00a0\nb\n\u3000\u3000\nc"
    assert ("no-break-space-lines", "2") in got.cleaned


def test_bom_is_reported():
    assert ("byte-order-mark", "") in decode_raw(codecs.BOM_UTF8 + b"hello").cleaned


DE = "Die große Straße ist schön; „Anführungszeichen“ – und ein Gedankenstrich… 5 €."


def latin1_twice(text: str) -> str:
    return text.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")


@pytest.mark.parametrize(
    "broken",
    [
        DE.encode("utf-8").decode("cp1252"),  # UTF-8 read as cp1252 and saved again: "groÃŸe"
        DE.encode("utf-8").decode("latin-1"),  # read as Latin-1: "groÃ\x9fe"
        latin1_twice(DE),  # twice: "groÃ\x83Â\x9fe", shown as "groÃÂe"
        RU.encode("utf-8").decode("latin-1"),  # Cyrillic read as Latin-1: "Ð\x98Ð½Ð¶"
    ],
)
def test_mojibake_is_repaired_and_recorded(broken):
    got = decode_raw(broken.encode("utf-8"))
    assert got.text in (DE, RU) and ("mojibake-repaired", "") in got.cleaned


@pytest.mark.parametrize(
    "text, encoding",
    [
        (DE, "utf-8"), (DE, "cp1252"), (RU, "cp1251"), (JA, "shift_jis"), (ZH, "gb18030"),
        ("São Paulo, l’âge du château, Ðóra á Íslandi, el año, Trần Hưng Đạo, Ålesund, Øre", "utf-8"),
    ],
)
def test_correct_texts_are_not_touched_by_the_mojibake_repair(text, encoding):
    got = decode_raw(text.encode(encoding))
    assert got.text == text and all(kind != "mojibake-repaired" for kind, _ in got.cleaned)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary data: NUL byte at byte 8"),
        (bytes([0x80, 0x81, 0xFE, 0xFF, 0x90]) * 40, "not text"),
        (b"text with a bell \x07 in it", "control character U+0007"),
    ],
)
def test_what_is_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=re.escape(reason)):
        decode_raw(data)
