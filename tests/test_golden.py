"""Golden pages: each seed in raw/ beside the page it must become (tests/golden/), plus fidelity to the raw text."""

from __future__ import annotations

import re

import pytest

from archive.decode import decode_raw
from archive.files import plan
from conftest import ROOT
from helpers import page_plain_text, squash

RAW = ROOT / "raw"
GOLDEN = ROOT / "tests" / "golden"
SEEDS = sorted(p.name for p in RAW.glob("*.txt"))


def _page(name: str) -> str:
    """The page plan() makes of a seed, with its siblings' shared facts (archive.essay_facts); writes nothing."""
    result = plan(RAW, ROOT / "tests" / "no-docs-here")
    assert result.problems == []
    return next(page.text for page, source in result.pages.values() if source == f"raw/{name}")


def test_all_five_seeds_are_here():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("name", SEEDS)
def test_seed_becomes_its_golden_page(name, regen_golden):
    golden = GOLDEN / name.replace(".txt", ".md")
    page = _page(name)
    if regen_golden:
        golden.write_text(page, encoding="utf-8", newline="\n")
    assert page == golden.read_text(encoding="utf-8"), f"{name}: page differs from {golden}; review, then --regen-golden"


# Lines of the raw texts that are not body text: the normalizer moves or removes them by design.
NOT_BODY = re.compile(
    r"^(Opinion|tripulação ET|Image for post|> 原文.*|\[\]\(https://medium.*|·|--|\[关注\].*|!\[\]\(img/.*)$"
)


@pytest.mark.parametrize("name", SEEDS)
def test_every_line_of_the_raw_body_is_on_the_page(name):
    """Fidelity: the wording is never changed, so every raw line (as plain text) is found on the page."""
    raw = decode_raw((RAW / name).read_bytes()).text
    page = squash(page_plain_text(_page(name)))
    missing = []
    for line in raw.splitlines():
        line = line.strip()
        if not line or NOT_BODY.match(line) or "medium.com/@" in line:
            continue
        plain = re.sub(r"\]\([^)]*\)", "]", line.lstrip("#+•> ").strip())
        if squash(plain) not in page:
            missing.append(line)
    assert missing == []


def test_curated_and_found_metadata():
    zh = _page("001_5faba077e677bf86.txt")
    assert "author: Stephanie Kirmer" in zh
    assert "publication: Towards Data Science" in zh
    assert "date: '2023-08-09'" in zh
    assert "original_url: https://towardsdatascience.com/machine-learning-engineers-what-do-they-actually-do-e666081c3181\n" in zh
    assert "source=" not in zh and "medium.com/m/signin" not in zh
    spun = _page("002_bb1f774ac35e961b.txt")
    assert "note: " in spun and "machine-paraphrased" in spun
    assert "\nOpinion" not in spun
