"""aozora: a real Aozora Bunko text in Shift_JIS (tests/real/aozora/) and the notation's corner cases."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from archive.aozora import is_aozora, read_aozora_header
from archive.decode import decode_raw

KUMO = Path(__file__).parent / "real" / "aozora" / "kumo_no_ito.txt"


@pytest.fixture(scope="module")
def kumo():
    raw = decode_raw(KUMO.read_bytes())
    assert raw.encoding in ("shift_jis", "cp932", "shift_jis_2004")  # the file is Shift_JIS with CRLF, as published
    return read_aozora_header(raw.text)


def test_real_text_is_recognised():
    assert is_aozora(decode_raw(KUMO.read_bytes()).text)


def test_real_text_header(kumo):
    assert (kumo.title, kumo.author, kumo.subtitle, kumo.translator) == ("蜘蛛の糸", "芥川龍之介", "", "")


def test_real_text_body_start_middle_end(kumo):
    body = kumo.body
    assert body.startswith("## 一\n\n　ある日の事でございます。御釈迦様は極楽の蓮池のふちを、独りでぶらぶら御歩きになって")
    assert "　こちらは地獄の底の血の池で、ほかの罪人と一しょに、浮いたり沈んだりしていた犍陀多でございます。" in body
    assert body.endswith("極楽ももう午に近くなったのでございましょう。\n\n（大正七年四月十六日）\n")


def test_real_text_legend_notes_ruby_and_colophon_leave_the_body(kumo):
    body = kumo.body
    for gone in ("テキスト中に現れる記号", "《", "》", "｜", "［＃", "※", "底本", "入力：", "青空文庫", "-----"):
        assert gone not in body, gone
    assert [line for line in body.split("\n") if line.startswith("#")] == ["## 一", "## 二", "## 三"]
    assert dict(kumo.removed) == {
        "aozora-legend": "", "aozora-colophon": "", "aozora-ruby": "68", "aozora-notes": "7", "aozora-gaiji": "17",
    }


def test_real_text_renders_one_paragraph_per_line(kumo):
    html = markdown.markdown(kumo.body)
    assert html.count("<h2>") == 3 and html.count("<p>") == kumo.body.count("\n\n") - 2


def test_gaiji_by_jis_x_0213_and_unicode():
    text = "題\n著者\n\n　※［＃「特のへん＋廴＋聿」、第3水準1-87-71］陀多と※［＃「弓＋椁のつくり」、U+5F34、12-3］。\n\n底本：「本」\n"
    got = read_aozora_header(text)
    assert got.body == "　犍陀多と弴。\n" and ("aozora-gaiji", "2") in got.removed


def test_unknown_gaiji_keeps_its_mark():
    got = read_aozora_header("題\n著者\n\n　字※［＃「木＋口」、ページ数-行数］あり。\n\n底本：「本」\n")
    assert got.body == "　字※あり。\n"


def test_translator_subtitle_and_heading_spans():
    text = (
        "はつ恋\n初恋の話\nツルゲーネフ\n二葉亭四迷訳\n\n"
        "［＃大見出し］第一章［＃大見出し終わり］\n"
        "　｜一人《ひとり》の男が*星*を見た。\n"
        "［＃５字下げ］一［＃「一」は中見出し］\n"
        "1. これは番号ではない <b>タグ</b> & [括弧]\n"
        "［＃改ページ］\n"
        "底本：「テスト全集」テスト書房\n入力：誰か\n"
    )
    got = read_aozora_header(text)
    assert (got.title, got.subtitle, got.author, got.translator) == ("はつ恋", "初恋の話", "ツルゲーネフ", "二葉亭四迷訳")
    assert got.body == (
        "## 第一章\n\n　一人の男が\\*星\\*を見た。\n\n### 一\n\n"
        "1\\. これは番号ではない &lt;b>タグ&lt;/b> &amp; \\[括弧\\]\n"
    )
    html = markdown.markdown(got.body)
    assert "<ol>" not in html and "<b>" not in html and "&lt;b&gt;タグ" in html and "*星*" in html


@pytest.mark.parametrize(
    "text",
    [
        "機械学習エンジニアとは何か\n\n　本文です。《強調》のつもりの括弧。\n",
        "タイトル\n\n本文。\n\n底本は特にありません。\n",
        "Title\n\n----------------------------------------\n\nA plain text with a ruler.\n",
    ],
)
def test_other_texts_are_not_aozora(text):
    assert not is_aozora(text)


def test_colophon_alone_with_ruby_is_aozora():
    text = "題\n著者\n\n　蓮池《はすいけ》の蓮《はす》の花《はな》。\n\n底本：「本」\n"
    assert is_aozora(text) and read_aozora_header(text).body == "　蓮池の蓮の花。\n"


def test_symbols_written_as_notes_come_back_and_are_not_read_as_notation():
    text = ("題\n著者\n\n　聖書だった。※［＃始め二重括弧、1-2-54］その頃※［＃終わり二重括弧、1-2-55］。"
            "※［＃始め二重山括弧、1-1-52］本※［＃終わり二重山括弧、1-1-53］と漢字《かんじ》。\n\n底本：「本」\n")
    got = read_aozora_header(text)
    assert got.body == "　聖書だった。⦅その頃⦆。《本》と漢字。\n"
    assert ("aozora-gaiji", "4") in got.removed and ("aozora-ruby", "1") in got.removed
