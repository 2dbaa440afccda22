"""Facts of the original belong to the essay (archive.essay_facts): versions share author, date, publication and
original URL; a catalog statement stands for its version; conflicting texts are an error naming both files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from archive.catalog import Entry
from archive.essay_facts import share_facts
from archive.normalize import Page
from archive.render import read_front_matter
from conftest import ROOT


def page(lang: str, essay: str, **facts: str) -> Page:
    meta = {"title": f"T {lang}", "lang": lang, "essay": essay, **facts, "source": f"raw/{lang}.txt",
            "source_sha256": "0" * 64, "encoding": "utf-8"}
    return Page(meta, "Body.")


def pages_of(*pages: Page) -> dict[str, tuple[Page, str]]:
    return {p.path: (p, p.meta["source"]) for p in pages}


def test_a_version_that_states_nothing_takes_its_siblings_facts():
    zh = page("zh", "e", author="Stephanie Kirmer", date="2023-08-09", publication="TDS", original_url="https://x.org/e")
    ja = page("ja", "e")
    out, problems = share_facts(pages_of(zh, ja), {})
    assert problems == []
    meta = out["ja/essays/e.md"][0].meta
    assert (meta["author"], meta["date"], meta["publication"], meta["original_url"]) == (
        "Stephanie Kirmer", "2023-08-09", "TDS", "https://x.org/e")
    assert list(meta) == ["title", "lang", "essay", "author", "date", "publication", "original_url", "source",
                          "source_sha256", "encoding"]  # schema order, so pages stay byte-stable
    assert "author: Stephanie Kirmer" in out["ja/essays/e.md"][0].text
    assert out["zh/essays/e.md"][0] is zh  # untouched


def test_other_essays_share_nothing():
    out, problems = share_facts(pages_of(page("zh", "a", author="A"), page("ja", "b")), {})
    assert problems == [] and "author" not in out["ja/essays/b.md"][0].meta


def test_conflicting_texts_are_an_error_naming_both_files():
    _, problems = share_facts(pages_of(page("en", "e", author="X"), page("ru", "e", author="Y"), page("ja", "e")), {})
    assert problems == ["raw/en.txt: author 'X' conflicts with raw/ru.txt's 'Y' for essay 'e'; "
                        "state the right one in raw/catalog.yml for the versions that disagree"]


def test_a_catalog_statement_stands_for_its_version_only():
    entries = {"ru.txt": Entry({"date": "2024-01-01"})}
    out, problems = share_facts(
        pages_of(page("en", "e", date="2023-08-09"), page("ru", "e", date="2024-01-01"), page("ja", "e")), entries)
    assert problems == []
    assert out["ru/essays/e.md"][0].meta["date"] == "2024-01-01"  # the catalog said otherwise for this version
    assert out["ja/essays/e.md"][0].meta["date"] == "2023-08-09"  # the texts' word is the essay's


def test_disagreeing_catalog_statements_leave_a_silent_version_ambiguous():
    entries = {"en.txt": Entry({"author": "X"}), "ru.txt": Entry({"author": "Y"})}
    _, problems = share_facts(pages_of(page("en", "e", author="X"), page("ru", "e", author="Y"), page("ja", "e")),
                              entries)
    assert problems and problems[0].startswith("raw/en.txt: author 'X' conflicts with raw/ru.txt's 'Y'")


def test_the_seeds_russian_version_takes_the_facts_its_chinese_sibling_states():
    """raw/catalog.yml names no author, date, publication or URL for the Russian seed: the Medium byline of the
    Chinese one gives them. (The Japanese seed is another essay, EM's blog post, so it shares nothing.)"""
    catalog = yaml.safe_load((ROOT / "raw" / "catalog.yml").read_text(encoding="utf-8"))
    assert not {"author", "date", "publication", "original_url"} & set(catalog["texts"]["000_2dcc21649cda4c84.txt"])
    golden = read_front_matter((ROOT / "tests" / "golden" / "000_2dcc21649cda4c84.md").read_text(encoding="utf-8"))
    assert golden["author"] == "Stephanie Kirmer" and golden["date"] == "2023-08-09"
    assert golden["original_url"].startswith("https://towardsdatascience.com/")


def test_a_conflict_in_raw_exits_2_and_writes_nothing(tmp_path: Path):
    """An English text whose 'Original:' line names another URL than the Chinese version's byline does."""
    shutil.copytree(ROOT / "raw", tmp_path / "raw")
    (tmp_path / "raw" / "005.txt").write_text(
        "What do they do?\n\nOriginal: https://example.org/another-essay\n\n" + "A paragraph of body text. " * 5 + "\n")
    with (tmp_path / "raw" / "catalog.yml").open("a") as catalog:
        catalog.write("  005.txt:\n    essay: machine-learning-engineers-what-do-they-actually-do\n")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "normalize.py")], cwd=tmp_path,
                         capture_output=True, text=True)
    assert out.returncode == 2, out.stdout
    assert not (tmp_path / "docs").exists()
    assert ("raw/001_5faba077e677bf86.txt: original_url 'https://towardsdatascience.com/machine-learning-engineers-"
            "what-do-they-actually-do-e666081c3181' conflicts with raw/005.txt's 'https://example.org/another-essay' "
            "for essay 'machine-learning-engineers-what-do-they-actually-do'") in out.stderr, out.stderr
