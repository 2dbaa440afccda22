#!/usr/bin/env python3
"""How well passages are aligned: each gold file in tests/align/ (*.gold.yml) against scripts/archive/align.py.

Usage: python scripts/bench_align.py [--dump GOLD] [--no-anchors]

A gold file names two or more versions (Markdown files, relative to the project) and lists
  pairs:  one phrase from each of two versions; the passages that contain them must be in one group;
  alone:  a phrase of a passage with no counterpart; its group must hold nothing of the other versions, or also
          a neighbour of it (the passage before or after it in its version).
Passages are cut exactly as the site cuts them: the page's Markdown rendered with mkdocs.yml's extensions.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml

from archive import align
from archive.passages import Passage, PassagesExtension

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "align"


def markdown_config() -> tuple[list, dict]:
    """mkdocs.yml's Markdown extensions and their settings, as the site renders pages with them."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def render_passages(text: str, extensions: tuple[list, dict]) -> list[Passage]:
    from mkdocs.utils.meta import get_data

    body, _ = get_data(text)
    ext = PassagesExtension()
    ext.enabled = True
    names, configs = extensions
    md = markdown.Markdown(extensions=[*(e for e in names if not isinstance(e, PassagesExtension)), ext],
                           extension_configs=configs)
    md.convert(body)
    return ext.passages


def squash(text: str) -> str:
    return re.sub(r"[\s*`\[\]]+", "", unicodedata.normalize("NFC", text)).lower()


@dataclass
class Score:
    name: str
    pairs_right: int = 0
    pairs: int = 0
    alone_right: int = 0
    alone: int = 0
    wrong: list[str] | None = None


def locate(passages: list[Passage], phrase: str, where: str) -> int:
    hits = [i for i, p in enumerate(passages) if squash(phrase) in squash(p.text)]
    if len(hits) != 1:
        raise SystemExit(f"{where}: phrase {phrase!r} is in {len(hits)} passages, not 1")
    return hits[0]


def evaluate(name: str, gold: dict, versions: dict[str, list[Passage]], groups: list[dict[str, list[str]]]) -> Score:
    group_of = {(lang, pid): g for g, group in enumerate(groups) for lang, ids in group.items() for pid in ids}
    score = Score(name, wrong=[])
    for item in gold.get("pairs", []):
        (la, pa), (lb, pb) = item.items()
        ia, ib = locate(versions[la], pa, name), locate(versions[lb], pb, name)
        score.pairs += 1
        if group_of[la, versions[la][ia].id] == group_of[lb, versions[lb][ib].id]:
            score.pairs_right += 1
        else:
            score.wrong.append(f"pair {pa[:30]!r} / {pb[:30]!r}")
    for item in gold.get("alone", []):
        ((lang, phrase),) = item.items()
        own = versions[lang]
        i = locate(own, phrase, name)
        group = groups[group_of[lang, own[i].id]]
        others = any(ids for other, ids in group.items() if other != lang)
        neighbours = {own[k].id for k in (i - 1, i + 1) if 0 <= k < len(own)}
        score.alone += 1
        if not others or neighbours & set(group[lang]):
            score.alone_right += 1
        else:
            score.wrong.append(f"alone {phrase[:30]!r}")
    return score


def load(gold_path: Path, extensions: tuple[list, dict]) -> tuple[dict, dict[str, list[Passage]]]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    versions = {lang: render_passages((ROOT / path).read_text(encoding="utf-8"), extensions)
                for lang, path in gold["versions"].items()}
    return gold, versions


def run(use_anchors: bool = True, quiet: bool = False) -> list[Score]:
    extensions = markdown_config()
    scores = []
    for path in sorted(GOLD_DIR.glob("*.gold.yml")):
        gold, versions = load(path, extensions)
        start = time.perf_counter()
        groups = align.align_versions(versions, use_anchors=use_anchors)
        seconds = time.perf_counter() - start
        score = evaluate(path.name, gold, versions, groups)
        scores.append(score)
        if not quiet:
            sizes = " + ".join(f"{len(v)} {lang}" for lang, v in versions.items())
            print(f"  {path.name}: {sizes} passages, {len(groups)} groups, aligned in {seconds * 1000:.0f} ms")
            print(f"    gold pairs in one group: {score.pairs_right}/{score.pairs} = "
                  f"{100 * score.pairs_right / max(score.pairs, 1):.1f} %")
            print(f"    no-counterpart passages alone or with a neighbour: {score.alone_right}/{score.alone}")
            for line in score.wrong:
                print(f"      wrong: {line}")
    return scores


def dump(gold_path: Path) -> None:
    """Both versions' passages and the current alignment, side by side: for writing and checking gold."""
    gold, versions = load(gold_path, markdown_config())
    langs = list(versions)
    index = {lang: {p.id: (k, p) for k, p in enumerate(v)} for lang, v in versions.items()}
    for group in align.align_versions(versions):
        print("----")
        for lang in langs:
            for pid in group[lang]:
                k, p = index[lang][pid]
                print(f"{lang} {k:3d} {p.kind:3s} {p.text[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="print a gold file's versions as currently aligned")
    parser.add_argument("--no-anchors", action="store_true", help="lengths only (plain Gale-Church)")
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.dump)
        return 0
    print("alignment against gold (tests/align/*.gold.yml):")
    run(use_anchors=not args.no_anchors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
