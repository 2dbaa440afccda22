"""The hand-written pages under docs/: their front-matter must parse, or MkDocs shows it to readers as text."""

from __future__ import annotations

import pytest
import yaml

from archive import languages
from conftest import ROOT

HAND_WRITTEN = sorted(p for p in (ROOT / "docs").rglob("*.md") if "essays" not in p.relative_to(ROOT / "docs").parts)


def test_every_language_has_a_home_page():
    assert {p.relative_to(ROOT / "docs").as_posix() for p in HAND_WRITTEN} >= {f"{c}/index.md" for c in languages.CODES}


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_front_matter_is_a_mapping_with_title_and_description(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: no front-matter"
    meta = yaml.safe_load(text[4 : text.index("\n---\n", 4)])
    assert isinstance(meta, dict) and meta.get("title") and meta.get("description")
    assert len(meta["description"]) <= 160
