"""Search tokenization: what the build indexes and what a reader types must meet, in Python and in the browser."""

from __future__ import annotations

import random
import re
import subprocess
import sys
import sysconfig
import unicodedata
from collections import Counter
from itertools import groupby
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from archive import languages, tokenize
from search_node import ROOT, run

CJK_TEXT = st.text(alphabet=st.sampled_from("機械学習エンジニア求人非常事態宣言粉红领兽医学招聘数据科学家トロントのはを"), min_size=1, max_size=30)


def terms(text: str) -> list[str]:
    return [t for group in tokenize.query_terms(text) for t in group]


# ------------------------------------------------------------------ what the reader types finds what the text says


def test_inflected_forms_share_a_stem():
    assert terms("зарплата") == terms("зарплаты") == terms("зарплате")
    assert terms("женщина") == terms("женщины") == terms("женщин")
    assert terms("poison") == terms("poisoning") == terms("poisoned")
    assert terms("statistics") == terms("statistic")


def test_latin_words_in_other_scripts_are_cut_out_and_stemmed_as_english():
    assert terms("объявления на LinkedIn, ко") == terms("объявления") + terms("на") + ["linkedin", "ко"]
    assert tokenize.query_terms("MLエンジニア") == [["ml"], ["エン", "ンジ", "ジニ", "ニア"]]
    assert tokenize.query_terms("使用TensorFlow框架") == [["使用"], ["tensorflow"], ["框架"]]
    assert terms("postings") == terms("posting")  # English stemming applies in any language's pages


def test_width_and_case_variants_fold_together():
    assert terms("ＬｉｎｋｅｄＩｎ") == terms("linkedin") == terms("LINKEDIN")
    assert terms("ｴﾝｼﾞﾆｱ") == terms("エンジニア")


def test_punctuation_cuts_words_and_cjk_runs():
    assert tokenize.query_terms("инженер-программист") == [["инженер"], ["программист"]]
    assert tokenize.query_terms("機械学習・エンジニア") == [["機械", "械学", "学習"], ["エン", "ンジ", "ジニ", "ニア"]]


def test_a_cjk_run_is_its_bigrams_and_one_character_stands_alone():
    assert tokenize.query_terms("粉红领") == [["粉红", "红领"]]
    assert tokenize.query_terms("猫") == [["猫"]]
    assert tokenize.index_terms("トロント市") == ["トロ", "ロン", "ント", "ト市", "市"]


@given(CJK_TEXT, st.data())
def test_any_stretch_of_a_cjk_text_finds_it(text, data):
    """A compound the reader types is found inside a longer run, however a dictionary would have cut it."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    indexed = set(tokenize.index_terms(text))
    (query,) = tokenize.query_terms(text[start:end])
    if len(query) == 1 and len(query[0]) == 1:  # one character: found as the start of an indexed term
        assert any(term.startswith(query[0]) for term in indexed)
    else:
        assert set(query) <= indexed


MIXED_TEXT = st.text(alphabet=st.sampled_from("ab Ab\u00e9e\u0301 ﬁ２ \t\n.,-зарплатыЗ機械学習エンジニアのは\U00020001\U0001d400①"),
                     max_size=60)


@given(MIXED_TEXT, st.sampled_from(languages.CODES))
def test_term_counts_count_the_index_terms(text, lang):
    """The build counts terms by whitespace-cut run (each distinct run cut once): the same counts as cutting it all."""
    assert tokenize.term_counts(text, lang) == Counter(tokenize.index_terms(text, lang))


@given(st.text(max_size=40) | MIXED_TEXT)
def test_segments_are_the_runs_of_letters_digits_and_marks(text):
    """The build's fast run-finder agrees with the definition, character by character (astral ones are kept in runs
    and judged one by one later)."""
    runs = ["".join(g) for word, g in groupby(text, lambda c: unicodedata.category(c)[0] in "LNM" or ord(c) > 0xFFFF)
            if word]
    assert tokenize._RUNS.findall(text) == runs


def test_scripts_and_stemmers_come_from_the_list_of_languages():
    for code in languages.CODES:
        assert tokenize.stemmers(code) == {"Latin": "english", "Cyrillic": "russian"}
    assert list(tokenize.stemmers("ru")) == ["Cyrillic", "Latin"]  # the index's own language's script first
    for lang in languages.LANGUAGES:
        if lang.cjk:
            assert set(tokenize.SCRIPT_RANGES[lang.script]) <= set(tokenize.CJK_RANGES)


# ------------------------------------------------------------------ the browser computes the same terms


def _corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*/essays/*.md"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "raw").glob("*.txt"))]
    return texts


def test_browser_tokenizer_gives_the_same_terms_as_the_build():
    assigned = [chr(c) for c in range(0x20, 0x32400) if unicodedata.category(chr(c)) not in ("Cn", "Cs", "Co")]
    rnd = random.Random(4)
    texts = _corpus()
    texts += [f"a{char}b {char}語{char}" for char in assigned]  # every character, beside Latin and Han
    texts += ["".join(rnd.choice(assigned) for _ in range(rnd.randint(1, 40))) for _ in range(3000)]
    expected = [tokenize.query_terms(text) for text in texts]
    got = run({"call": "queryTerms", "settings": tokenize.settings(), "texts": texts})
    mismatches = [(text[:40], e, g) for text, e, g in zip(texts, expected, got) if e != g]
    assert not mismatches[:10], f"{len(mismatches)} of {len(texts)} texts tokenized differently"


def _vocabulary() -> dict[str, list[str]]:
    """English: every word of the corpus and of Python's standard library; Russian: the corpus's words and inflections."""
    corpus = "\n".join(_corpus())
    english = set(re.findall(r"[a-z]+", corpus.lower()))
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        english |= set(re.findall(r"[a-z]{2,}", path.read_text(encoding="utf-8", errors="ignore").lower()))
    russian = set(re.findall(r"[а-яё]+", corpus.lower()))
    endings = "а ы е у ой ою ам ами ах ов ей ий ый ая ое ые ого ому ым ыми ых ть л ла ли ет ют ешь ение ения ости ость".split()
    russian |= {word[:-2] + ending for word in russian if len(word) > 5 for ending in endings}
    return {"english": sorted(english), "russian": sorted(russian)}


def test_browser_stemmers_give_the_same_stems_as_the_build():
    vocabulary = _vocabulary()
    assert len(vocabulary["english"]) > 10_000 and len(vocabulary["russian"]) > 5_000
    words = [(algorithm, word) for algorithm, words in vocabulary.items() for word in words]
    got = run({"call": "stem", "words": words})
    mismatches = [(w, tokenize._snowball(a).stemWord(w), g) for (a, w), g in zip(words, got) if tokenize._snowball(a).stemWord(w) != g]
    assert not mismatches[:10], f"{len(mismatches)} of {len(words)} words stemmed differently"


def test_a_stem_starts_as_its_word_does():
    """engine.js stems only the words of a result's text that start like a query word (for highlighting)."""
    def head(word: str) -> str:
        return word[:2].replace("ё", "е")

    for algorithm, words in _vocabulary().items():
        for word in words:
            stem, start = head(tokenize._snowball(algorithm).stemWord(word)), head(word)
            assert stem.startswith(start) or start.startswith(stem), (word, stem)


def test_browser_stemmers_are_ported_from_the_installed_snowball():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "snowball_to_js.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
