"""scripts/normalize.py as an archivist runs it: summaries, determinism, --check, removals, and bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "normalize.py"), *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of raw/ with an empty docs/ that holds one hand-written page."""
    shutil.copytree(ROOT / "raw", tmp_path / "raw")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text("# Home, by hand\n")
    return tmp_path


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_writes_one_page_per_text_with_a_summary_line_each(project):
    out = run(project)
    assert out.returncode == 0, out.stderr
    pages = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").glob("*/essays/*.md"))
    assert pages == [
        "en/essays/the-engineer-of-machine-learning.md",
        "en/essays/what-is-an-ml-engineer.md",
        "ja/essays/kikai-gakushu-engineer-tte-nandarou.md",
        "ru/essays/machine-learning-engineers-what-do-they-actually-do.md",
        "zh/essays/machine-learning-engineers-what-do-they-actually-do.md",
    ]
    lines = [l for l in out.stdout.splitlines() if l.startswith("raw/")]
    assert len(lines) == 5
    assert "raw/001_5faba077e677bf86.txt -> docs/zh/essays/machine-learning-engineers-what-do-they-actually-do.md [zh] written; removed 3:" in out.stdout


def test_second_run_changes_no_byte_and_check_passes(project):
    run(project)
    before = snapshot(project / "docs")
    out = run(project)
    assert out.returncode == 0 and "0 page(s) written" in out.stdout
    assert snapshot(project / "docs") == before
    assert run(project, "--check").returncode == 0


def test_check_names_stale_missing_and_orphaned_pages_and_writes_nothing(project):
    run(project)
    docs = project / "docs"
    stale = docs / "en/essays/what-is-an-ml-engineer.md"
    stale.write_text(stale.read_text() + "edited\n")
    (docs / "ja/essays/kikai-gakushu-engineer-tte-nandarou.md").unlink()
    orphan = docs / "ru/essays/gone.md"
    orphan.write_text("---\ntitle: x\nsource_sha256: " + "0" * 64 + "\n---\n\nx\n")
    before = snapshot(docs)
    out = run(project, "--check")
    assert out.returncode == 1
    assert "docs/en/essays/what-is-an-ml-engineer.md: stale" in out.stdout
    assert "docs/ja/essays/kikai-gakushu-engineer-tte-nandarou.md: missing" in out.stdout
    assert "docs/ru/essays/gone.md: orphaned" in out.stdout
    assert snapshot(docs) == before


def test_page_whose_raw_file_is_gone_is_removed_and_hand_written_pages_are_kept(project):
    (project / "raw" / "extra.txt").write_text("An extra essay\n\nIts only paragraph.\n")
    run(project)
    assert (project / "docs/en/essays/an-extra-essay.md").exists()
    (project / "raw" / "extra.txt").unlink()
    hand = project / "docs" / "en" / "essays" / "by-hand.md"
    hand.write_text("---\ntitle: Written by hand\n---\n\nText.\n")
    out = run(project)
    assert out.returncode == 0
    assert "docs/en/essays/an-extra-essay.md: removed" in out.stdout
    assert not (project / "docs/en/essays/an-extra-essay.md").exists()
    assert hand.read_text() == "---\ntitle: Written by hand\n---\n\nText.\n"
    assert (project / "docs/en/index.md").read_text() == "# Home, by hand\n"


def test_a_file_without_catalog_entry_just_works(project):
    (project / "raw" / "new.txt").write_bytes("Новое эссе\r\n\r\nТекст эссе в кодировке cp1251.\r\n".encode("cp1251"))
    out = run(project)
    assert out.returncode == 0, out.stderr
    page = (project / "docs/ru/essays/novoe-esse.md").read_text(encoding="utf-8")
    assert "encoding: cp1251" in page and "Текст эссе в кодировке cp1251." in page and "\r" not in page


BAD_INPUTS = {
    "empty": ({"empty.txt": b""}, None, ["raw/empty.txt: empty file"]),
    "binary": ({"img.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)}, None, ["raw/img.txt: not text (binary data"]),
    "undecodable": ({"bad.txt": bytes([0x80, 0x81, 0xFE, 0xFF, 0x90]) * 40}, None, ["raw/bad.txt: not text"]),
    "two texts one essay one language": (
        {"a.txt": b"Same Title\n\nOne text.", "b.txt": b"Same Title\n\nAnother text."},
        None,
        ["raw/b.txt: essay 'same-title' in 'en' is already made from raw/a.txt"],
    ),
    "catalog not yaml": ({}, "texts: [unclosed\n", ["raw/catalog.yml: not valid YAML at line"]),
    "catalog unknown key and file": (
        {},
        "texts:\n  002_bb1f774ac35e961b.txt:\n    colour: red\n  missing.txt:\n    lang: en\n",
        ["raw/catalog.yml: texts.002_bb1f774ac35e961b.txt: colour: unknown key", "raw/catalog.yml: texts.missing.txt: no such file in raw/"],
    ),
    "catalog wrong values": (
        {},
        "texts:\n  000_2dcc21649cda4c84.txt:\n    lang: de\n    date: August\n    essay: Not An Id\n",
        ["lang: must be one of en, ru, zh, ja", "date: must be a date YYYY-MM-DD", "essay: must be lowercase ASCII words"],
    ),
    "hand-written page in the way": ({}, None, ["docs/en/essays/what-is-an-ml-engineer.md: written by hand"]),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_naming_file_and_reason_and_writes_nothing(project, case):
    files, catalog, expected = BAD_INPUTS[case]
    run(project)
    for name, data in files.items():
        (project / "raw" / name).write_bytes(data)
    if catalog is not None:
        (project / "raw" / "catalog.yml").write_text(catalog)
    if case == "hand-written page in the way":
        page = project / "docs/en/essays/what-is-an-ml-engineer.md"
        page.write_text("---\ntitle: mine\n---\n\nmine\n")
    (project / "raw" / "003_5114870dfa22f262.txt").write_text("The engineer of Machine Learning\n\nChanged text.\n")
    before = snapshot(project / "docs")
    out = run(project)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    for fragment in expected:
        assert any(fragment in line for line in out.stderr.splitlines()), (fragment, out.stderr)
    assert out.stderr.strip().endswith("nothing written")
    assert snapshot(project / "docs") == before


def test_committed_pages_are_up_to_date_with_raw():
    """The pages in docs/ are what raw/ makes: the same check an archivist can run."""
    out = subprocess.run([sys.executable, "scripts/normalize.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_sources_are_named_from_the_project_wherever_the_command_runs(project, tmp_path_factory):
    """`mkdocs serve` and `make bench` pass absolute folders; pages must still say raw/<name>, never a machine path."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    out = run(elsewhere, "--raw", str(project / "raw"), "--docs", str(project / "docs"))
    assert out.returncode == 0, out.stderr
    page = (project / "docs/en/essays/what-is-an-ml-engineer.md").read_text(encoding="utf-8")
    assert "\nsource: raw/002_bb1f774ac35e961b.txt\n" in page
