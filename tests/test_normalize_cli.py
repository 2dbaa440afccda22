"""scripts/normalize.py as an archivist runs it: summaries, determinism, --check, removals, and bad input."""

from __future__ import annotations

import io
import os
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


def test_only_changed_texts_get_a_line_unless_verbose(project):
    run(project)
    (project / "raw" / "003_5114870dfa22f262.txt").write_text("The engineer of Machine Learning\n\nChanged text.\n")
    out = run(project)
    assert out.stdout.splitlines() == [
        "raw/003_5114870dfa22f262.txt -> docs/en/essays/the-engineer-of-machine-learning.md [en] written; removed nothing",
        "normalize: 5 text(s), 1 page(s) written, 0 removed, 4 unchanged",
    ]
    verbose = run(project, "--verbose").stdout.splitlines()
    assert len(verbose) == 6 and sum(" unchanged; " in line for line in verbose) == 5
    assert run(project, "--quiet").stdout.splitlines() == ["normalize: 5 text(s), 0 page(s) written, 0 removed, 5 unchanged"]


def test_a_progress_bar_runs_on_a_terminal_when_there_are_many_texts(project, monkeypatch, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("normalize_cli", ROOT / "scripts" / "normalize.py")
    cli = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cli)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for many, expect_bar in ((5, True), (6, False)):  # PROGRESS_MIN texts or more: a bar; fewer: none
        monkeypatch.setattr(cli, "PROGRESS_MIN", many)
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        assert cli.main(["--raw", str(project / "raw"), "--docs", str(project / "docs")]) == 0
        assert ("normalize [" + "#" * cli.PROGRESS_WIDTH + "] 5/5" in terminal.getvalue()) is expect_bar
        assert terminal.getvalue().endswith("\r") or not expect_bar  # the bar's line is cleared for what follows
    capsys.readouterr()
    piped = run(project)  # stderr is a pipe: no bar, whatever the number of texts
    assert piped.stderr == ""


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
    "a language the archive lacks": (
        {"de.md": "# Was macht ein ML-Ingenieur?\n\nMaschinelles Lernen verändert die Arbeit von Ingenieurinnen und "
                  "Ingenieuren. Wer heute Modelle baut, verbringt die meiste Zeit mit Daten.\n".encode()},
        None,
        ["raw/de.md: written in German (de); this archive has en, ru, zh, ja: set lang in raw/catalog.yml if that is "
         "wrong, or add the language to scripts/archive/languages.py"],
    ),
    "a text in a folder of raw/": (
        {"drafts/note.txt": b"A draft\n\nIn a folder.\n"}, None,
        ["raw/drafts/note.txt: only images go into folders of raw/; put texts into raw/ itself"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_naming_file_and_reason_and_writes_nothing(project, case):
    files, catalog, expected = BAD_INPUTS[case]
    run(project)
    for name, data in files.items():
        (project / "raw" / name).parent.mkdir(exist_ok=True)
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


def test_every_file_in_raw_is_a_page_or_an_error_and_what_is_ignored_is_ignored(project):
    (project / "raw" / "README.md").write_text("# Notes on this collection\n\nWhere these essays come from, in a few words.\n")
    (project / "raw" / ".DS_Store").write_bytes(b"\x00\x01binary junk")
    (project / "raw" / ".drafts").mkdir()
    (project / "raw" / ".drafts" / "x.txt").write_text("ignored\n")
    (project / "raw" / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    (project / "raw" / "img").mkdir()
    (project / "raw" / "img" / "chart.SVG").write_text("<svg/>")
    out = run(project)
    assert out.returncode == 0, out.stderr
    assert "raw/README.md -> docs/en/essays/notes-on-this-collection.md [en] written" in out.stdout
    assert "normalize: 6 text(s)" in out.stdout


@pytest.mark.parametrize("target", ["/etc/hostname", "../outside.txt", "002_bb1f774ac35e961b.txt"])
def test_a_symbolic_link_is_refused_with_its_own_message_and_nothing_is_written(project, target):
    (project / "outside.txt").write_text("Outside\n\nA text outside raw/.\n")
    run(project)
    (project / "raw" / "link.txt").symlink_to(target)
    (project / "raw" / "catalog.yml").write_text((ROOT / "raw" / "catalog.yml").read_text() + "  link.txt:\n    title: A title\n")
    before = snapshot(project / "docs")
    out = run(project)
    assert out.returncode == 2
    assert f"raw/link.txt: a symbolic link (to {target}); raw/ takes real files only" in out.stderr
    assert snapshot(project / "docs") == before


def test_a_folder_linked_from_outside_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.png").write_bytes(b"\x89PNG")
    os.symlink(outside, project / "raw" / "img")
    out = run(project)
    assert out.returncode == 2 and f"raw/img: a symbolic link (to {outside})" in out.stderr
