"""The per-language search index and the browser's engine over it: ranking, grouping, highlighting, as Material shows them."""

from __future__ import annotations

import re

from archive.search_index import Section, build_index, utf16_order
from archive import tokenize
from search_node import run


def decode(index: dict) -> dict[str, list[tuple[int, int, bool]]]:
    """term -> [(doc id, count, in title)] from the delta-encoded postings."""
    out = {}
    for term, flat in zip(index["terms"], index["postings"]):
        doc, rows = 0, []
        for delta, value in zip(flat[::2], flat[1::2]):
            doc += delta
            rows.append((doc, value >> 1, bool(value & 1)))
        out[term] = rows
    return out


SECTIONS = [
    Section("ru/essays/pay/", "Зарплаты инженеров", "Разговор о зарплате и статусе."),
    Section("ru/essays/pay/#women", "Женщины", "Эффект розовых воротничков: женщины и зарплаты."),
    Section("ru/essays/other/", "Другое", "Объявления на LinkedIn и в других местах."),
]


def test_postings_count_each_term_per_section_and_mark_title_words():
    index = build_index(SECTIONS)
    assert index["terms"] == sorted(index["terms"], key=utf16_order)
    postings = decode(index)
    (pay,) = tokenize.query_terms("зарплата")[0]
    assert postings[pay] == [(0, 2, True), (1, 1, False)]
    assert postings["linkedin"] == [(2, 1, False)]
    assert [d[0] for d in index["docs"]] == [s.location for s in SECTIONS]
    assert index["docs"][0][3] == len(tokenize.index_terms(SECTIONS[0].title + " " + SECTIONS[0].text))
    assert index["tokenizer"] == tokenize.settings()


def test_terms_are_in_the_browsers_string_order():
    # JavaScript compares strings by UTF-16 code units: an astral character sorts before U+FA0E (﨎).
    index = build_index([Section("a/", "", "\U00020001\U00020002 \ufa0e")])
    assert index["terms"] == ["\U00020001\U00020002", "\U00020002", "\ufa0e"]


def search(sections, *queries, **options):
    return run({"call": "search", "index": build_index(sections), "queries": list(queries), "options": options})


def pages(result):
    return [group[0]["location"].split("#")[0] for group in result["items"]]


def test_an_inflected_query_finds_the_section_and_names_the_forms_on_the_page():
    (result,) = search(SECTIONS, "зарплата")
    assert pages(result) == ["ru/essays/pay/"]
    group = result["items"][0]
    article = next(item for item in group if "#" not in item["location"])
    # the page's entry carries every form found in its sections: Material puts them in ?h= for the landing page
    assert {"зарплате", "зарплаты"} <= {term for term, found in article["terms"].items() if found}
    assert "<mark>зарплате</mark>" in article["text"] or "<mark>Зарплаты</mark>" in article["title"]


def test_all_words_are_required_and_a_missing_one_is_named_when_none_has_all():
    (both, fallback) = search(SECTIONS, "женщины зарплаты", "женщины LinkedIn")
    assert pages(both) == ["ru/essays/pay/"] and [i["location"] for i in both["items"][0]][0] == "ru/essays/pay/#women"
    assert set(pages(fallback)) == {"ru/essays/pay/", "ru/essays/other/"}
    for group in fallback["items"]:
        for item in group:
            if item["score"] > 0:
                assert False in item["terms"].values()  # Material shows it struck out: "Missing: …"


def test_every_page_has_its_own_entry_in_its_group():
    (result,) = search(SECTIONS, "воротнички")
    (group,) = result["items"]
    assert [item["location"] for item in group] == ["ru/essays/pay/#women", "ru/essays/pay/"]
    assert group[1]["score"] == 0


def test_a_cjk_query_needs_its_characters_side_by_side():
    sections = [Section("zh/a/", "甲", "非常事态"), Section("zh/b/", "乙", "非常 常事 事态")]
    (result,) = search(sections, "非常事态")
    assert pages(result) == ["zh/a/"]
    assert "<mark>非常事态</mark>" in result["items"][0][0]["text"]


def test_one_cjk_character_finds_every_page_that_has_it():
    sections = [Section("ja/a/", "一", "トロント"), Section("ja/b/", "二", "市場"), Section("ja/c/", "三", "トロント市")]
    (result,) = search(sections, "市")
    assert sorted(pages(result)) == ["ja/b/", "ja/c/"]


def test_the_word_being_typed_is_completed():
    (typing, done) = search(SECTIONS, "воротнич", "воротнич ")
    assert pages(typing) == ["ru/essays/pay/"]
    assert pages(done) == []


def test_the_phrase_as_typed_ranks_first_and_title_words_weigh_more():
    sections = [
        Section("en/a/", "Notes", "Engineers of machine learning: learning machines, machines learning, engineers."),
        Section("en/b/", "Notes", "What machine learning engineers do."),
        Section("en/c/", "Monitoring", "A word on monitoring."),
        Section("en/d/", "Notes", "Monitoring, monitoring, monitoring in a much longer text about many other things."),
    ]
    (phrase, title) = search(sections, "machine learning engineers", "monitoring")
    assert pages(phrase)[0] == "en/b/"
    assert pages(title)[0] == "en/c/"


def test_text_is_escaped_and_suggestions_complete_the_last_word():
    sections = [Section("en/a/", "<b>Tags</b>", "Use <script> tags & statistics; statistical tests.")]
    (result,) = search(sections, "statis", suggest=True)
    item = result["items"][0][0]
    assert "<script>" not in item["text"] and "&lt;script&gt;" in item["text"]
    assert item["title"] == "&lt;b&gt;Tags&lt;/b&gt;"
    assert re.search(r"<mark>statistic", item["text"])
    assert result["suggest"] and result["suggest"][0].startswith("statis")
