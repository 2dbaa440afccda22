"""scripts/serve.py (`make serve`): after a sequence of edits, rebuilt page by page, the site it serves is byte for byte
what a fresh `make build` of the same files writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from bench import copy_project  # noqa: E402
from serve import Site, only_pages  # noqa: E402

ORIGINAL = "Original: https://example.org/essays/served-edit-0123456789ab"


def project(where: Path) -> Path:
    return copy_project(where / "project")


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_what_serve_serves_after_edits_is_what_a_fresh_build_writes(tmp_path: Path) -> None:
    root = project(tmp_path)
    served = Site(root, tmp_path / "served")
    served.first_build()
    ru_raw = root / "raw" / "000_2dcc21649cda4c84.txt"
    steps = [
        # a raw file's text changes: its page, its versions in the other languages
        lambda: edit(ru_raw, "машинн", "машиннн"),
        # two texts added, an English one and its Russian translation (grouped by their original URL): the catalog
        lambda: [(root / "raw" / name).write_text(f"{title}\n\n{ORIGINAL}\n\n{body}\n", encoding="utf-8")
                 for name, title, body in [
                     ("served-en.txt", "Added while serving", "A paragraph about monitoring models in production."),
                     ("served-ru.txt", "Добавлено во время показа", "Абзац о мониторинге моделей в работе."),
                 ]],
        # one of them deleted: its page and raw copy go, the other's language switcher loses it
        lambda: (root / "raw" / "served-ru.txt").unlink(),
        # a hand-written page
        lambda: edit(root / "docs" / "ru" / "index.md", "\n\n", "\n\nИзменено во время показа.\n\n"),
    ]
    for number, step in enumerate(steps):
        step()
        done = served.rebuild()
        assert done.kind == "pages" and done.pages >= 1, done  # page by page, not the full-build fallback
        if number == 1:
            assert (tmp_path / "served/ru/essays/served-edit/index.html").is_file()
            assert (tmp_path / "served/raw/served-ru.txt").is_file()

    fresh = tmp_path / "fresh"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(fresh)],
                           cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stderr
    want, got = tree(fresh), tree(tmp_path / "served")
    assert sorted(got) == sorted(want)
    assert [path for path in want if got[path] != want[path]] == []
    assert "essays/served-edit/index.html" in want and "ru/essays/served-edit/index.html" not in want
    assert "raw/served-en.txt" in want and "raw/served-ru.txt" not in want


def test_a_change_to_anything_but_pages_is_a_full_build() -> None:
    assert only_pages({"docs/ru/index.md", "raw/x.txt"}) == {"ru/index.md"}
    for other in ("overrides/main.html", "mkdocs.yml", "raw/catalog.yml", "docs/assets/x.png", "scripts/x.py"):
        assert only_pages({"docs/ru/index.md", other}) is None


@pytest.mark.parametrize("bad", [b"", b"\x00\x01binary"])
def test_a_bad_raw_file_keeps_the_last_good_site(tmp_path: Path, bad: bytes) -> None:
    root = project(tmp_path)
    served = Site(root, tmp_path / "served")
    served.first_build()
    before = tree(tmp_path / "served")
    (root / "raw" / "bad.txt").write_bytes(bad)
    served.rebuild()
    assert tree(tmp_path / "served") == before
