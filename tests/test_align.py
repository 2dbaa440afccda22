"""Passage alignment (scripts/archive/align.py) against the gold alignments in tests/align/ (scripts/bench_align.py
reads them), and the shape of its output for two, three and four versions."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from archive import align
from archive.passages import Passage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import bench_align  # noqa: E402

GOLD = sorted(bench_align.GOLD_DIR.glob("*.gold.yml"))


@pytest.fixture(scope="module")
def extensions() -> tuple[list, dict]:
    return bench_align.markdown_config()


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.name for p in GOLD])
def test_gold_pairs_are_aligned(gold_path: Path, extensions: tuple[list, dict]) -> None:
    gold, versions = bench_align.load(gold_path, extensions)
    score = bench_align.evaluate(gold_path.name, gold, versions, align.align_versions(versions))
    assert score.pairs >= 20
    assert score.pairs_right / score.pairs >= 0.9, score.wrong
    assert score.alone_right == score.alone, score.wrong


def test_the_long_real_pair_is_long() -> None:
    for name in ("art-of-command-line.en.md", "art-of-command-line.zh.md"):
        assert (bench_align.GOLD_DIR / name).stat().st_size >= 40_000


def test_lengths_alone_do_worse_than_lengths_and_anchors(extensions: tuple[list, dict]) -> None:
    gold, versions = bench_align.load(bench_align.GOLD_DIR / "art-of-command-line.gold.yml", extensions)
    plain = bench_align.evaluate("", gold, versions, align.align_versions(versions, use_anchors=False))
    anchored = bench_align.evaluate("", gold, versions, align.align_versions(versions))
    assert plain.pairs_right < anchored.pairs_right


def passages(lang: str, n: int, rng: random.Random) -> list[Passage]:
    return [Passage(f"{lang}-{i}", rng.choice(["p", "li", "h2"]), "x" * rng.randint(1, 400)) for i in range(n)]


@pytest.mark.parametrize("langs", [("ru", "zh"), ("en", "ru", "zh"), ("en", "ru", "zh", "ja")])
@pytest.mark.parametrize("seed", range(20))
def test_every_passage_is_in_exactly_one_group_in_reading_order(langs: tuple[str, ...], seed: int) -> None:
    rng = random.Random(seed)
    versions = {lang: passages(lang, rng.randint(0, 12), rng) for lang in langs}
    groups = align.align_versions(versions)
    for lang, own in versions.items():
        assert [pid for group in groups for pid in group[lang]] == [p.id for p in own]
    assert all(set(group) == set(langs) and any(group.values()) for group in groups)
    pair = align.project(groups, langs[-2:])
    for lang in langs[-2:]:
        assert [pid for group in pair for pid in group[lang]] == [p.id for p in versions[lang]]


def test_a_passage_without_counterpart_stands_alone_or_with_a_neighbour() -> None:
    en = [Passage("e1", "p", "The 2023 report from LinkedIn says so."), Passage("e2", "p", "A" * 300),
          Passage("e3", "p", "Is MLOps a job? " + "b" * 100)]
    zh = [Passage("z1", "p", "LinkedIn 的 2023 年报告这样说。"), Passage("z0", "p", "译者注：" + "注" * 30),
          Passage("z2", "p", "甲" * 95), Passage("z3", "p", "MLOps 是一份工作吗？" + "乙" * 30)]
    groups = align.align_versions({"en": en, "zh": zh})
    (note,) = [g for g in groups if "z0" in g["zh"]]
    assert note["en"] == [] or {"z1", "z2"} & set(note["zh"])
    assert {"en": ["e1"], "zh": ["z1"]} in groups
    assert {"en": ["e3"], "zh": ["z3"]} in groups
