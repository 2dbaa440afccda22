"""The per-language search index and the browser's engine over it: ranking, grouping, highlighting, as Material shows them."""

from __future__ import annotations

import re

from archive.search_index import Section, build_index, utf16_order
from archive import tokenize
from search_node import run


def decode(files: dict) -> dict[str, list[tuple[int, int, int]]]:
    """term -> [(page id, section number, score)] from the delta-encoded postings of every chunk."""
    out = {}
    for k in range(len(files["index.json"]["chunks"])):
        chunk = files[f"t/{k}.json"]
        for term, flat in zip(chunk["terms"], chunk["postings"]):
            page, rows = 0, []
            for delta, section, score in zip(flat[::3], flat[1::3], flat[2::3]):
                page += delta
                rows.append((page, section, score))
            out[term] = rows
    return out


SECTIONS = [
    Section("ru/essays/pay/", "Зарплаты инженеров", "Разговор о зарплате и статусе."),
    Section("ru/essays/pay/#women", "Женщины", "Эффект розовых воротничков: женщины и зарплаты."),
    Section("ru/essays/other/", "Другое", "Объявления на LinkedIn и в других местах."),
]


def test_postings_score_each_term_per_section_and_weigh_title_words():
    files = build_index(SECTIONS)
    postings = decode(files)
    (pay,) = tokenize.query_terms("зарплата")[0]
    (title, text) = postings[pay]
    assert (title[:2], text[:2]) == ((0, 0), (0, 1)) and title[2] > 2 * text[2]  # page 0: its top, then #women
    assert [row[:2] for row in postings["linkedin"]] == [(1, 0)]
    assert files["p/0.json"] == [[s.location, s.title, s.text] for s in SECTIONS[:2]]
    assert files["p/1.json"] == [[SECTIONS[2].location, SECTIONS[2].title, SECTIONS[2].text]]
    assert files["index.json"]["tokenizer"] == tokenize.settings() and files["index.json"]["pages"] == 2


def test_terms_are_in_the_browsers_string_order_within_and_across_chunks():
    # JavaScript compares strings by UTF-16 code units: an astral character sorts before U+FA0E (﨎).
    files = build_index([Section("a/", "", "\U00020001\U00020002 \ufa0e")])
    assert files["t/0.json"]["terms"] == ["\U00020001\U00020002", "\U00020002", "\ufa0e"]
    big = build_index(synthetic(400))
    bounds = big["index.json"]["chunks"]
    terms = [t for k in range(len(bounds)) for t in big[f"t/{k}.json"]["terms"]]
    assert len(bounds) > 3 and terms == sorted(terms, key=utf16_order) and len(set(terms)) == len(terms)
    assert bounds == [big[f"t/{k}.json"]["terms"][0] for k in range(len(bounds))]


def synthetic(pages: int) -> list[Section]:
    """Pages of made-up words, each page with a word of its own ("uniq<n>") and words many pages share."""
    words = [f"w{i}x" for i in range(2000)]
    out = []
    for n in range(pages):
        text = " ".join(words[(n * 7 + k * 13) % len(words)] for k in range(60))
        out.append(Section(f"en/essays/e{n}/", f"Essay {n}", f"uniq{n}a common {text}"))
        out.append(Section(f"en/essays/e{n}/#more", "More", f"Second section of {n}, {text[:200]}"))
    return out


def search(sections, *queries, **options):
    return run({"call": "search", "files": build_index(sections), "queries": list(queries), "options": options})


def pages(result):
    return [group[0]["location"].split("#")[0] for group in result["items"]]


def test_a_query_fetches_the_chunks_of_its_words_and_the_texts_of_the_pages_shown_only():
    small, large = build_index(synthetic(40)), build_index(synthetic(800))
    for files in (small, large):
        (rare, common) = run({"call": "search", "files": files, "queries": ["uniq17a", "common"]})
        assert pages(rare) == ["en/essays/e17/"]
        assert rare["fetched"] == [f"t/{k}.json" for k in sorted(chunks_of(files, "uniq17a"))] + ["p/17.json"]
        # "common" is on every page: the texts of the 20 pages shown are fetched (p/17 is in already), no others
        shown = {f"p/{url.split('/')[-2][1:]}.json" for url in pages(common)}
        assert len(shown) == 20 and {p for p in common["fetched"] if p.startswith("p/")} == shown - {"p/17.json"}
    assert len(large["index.json"]["chunks"]) > 5 * len(small["index.json"]["chunks"])


def chunks_of(files: dict, prefix: str) -> set[int]:
    bounds = files["index.json"]["chunks"]
    first = max(k for k, b in enumerate(bounds) if utf16_order(b) <= utf16_order(prefix))
    return {first} | {k for k, b in enumerate(bounds) if b.startswith(prefix) and first < k < first + 2}


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
