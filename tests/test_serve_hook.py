"""overrides/hooks/normalize_on_serve.py: under `mkdocs serve` a rebuild first normalizes raw/; a build does not."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

from conftest import ROOT
from helpers import load_hook


def project(tmp_path):
    shutil.copytree(ROOT / "raw", tmp_path / "raw")
    (tmp_path / "docs").mkdir()
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), plugins={})


def test_serve_rebuild_normalizes_raw_into_docs(tmp_path):
    hook, config = load_hook("normalize_on_serve"), project(tmp_path)
    hook.on_startup("serve", dirty=False)
    hook.on_pre_build(config)
    page = tmp_path / "docs/ja/essays/kikai-gakushu-engineer-tte-nandarou.md"
    assert "\nsource: raw/004_7c4715a4f00eb2da.txt\n" in page.read_text(encoding="utf-8")
    (tmp_path / "raw/new.txt").write_text("Added while serving\n\nA paragraph.\n")
    hook.on_pre_build(config)
    assert (tmp_path / "docs/en/essays/added-while-serving.md").exists()


def test_bad_raw_file_under_serve_writes_nothing_and_keeps_serving(tmp_path, caplog):
    hook, config = load_hook("normalize_on_serve"), project(tmp_path)
    hook.on_startup("serve", dirty=False)
    (tmp_path / "raw/empty.txt").write_bytes(b"")
    hook.on_pre_build(config)  # no exception: the server stays up and says why
    assert list((tmp_path / "docs").rglob("*.md")) == []
    assert "raw/empty.txt: empty file" in caplog.text


def test_a_plain_build_leaves_normalizing_to_make(tmp_path):
    hook, config = load_hook("normalize_on_serve"), project(tmp_path)
    hook.on_startup("build", dirty=False)
    hook.on_pre_build(config)
    assert list((tmp_path / "docs").rglob("*.md")) == []
