"""The service worker's cache version (overrides/hooks/offline.py): the same sources give the same version wherever
the project is, any change to a page, the theme or mkdocs.yml gives a new one (so a new build replaces the cache)."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from helpers import load_hook

offline = load_hook("offline")


class Config(SimpleNamespace):
    def __getitem__(self, key: str):  # MkDocs' config reads both ways
        return getattr(self, key)


def project(where: Path) -> SimpleNamespace:
    (where / "docs" / "ru").mkdir(parents=True)
    (where / "docs" / "ru" / "index.md").write_text("Привет\n", encoding="utf-8")
    (where / "overrides").mkdir()
    (where / "overrides" / "sw.js").write_text("const VERSION = '__ARCHIVE_BUILD__';\n", encoding="utf-8")
    (where / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return Config(docs_dir=str(where / "docs"), theme=SimpleNamespace(custom_dir=str(where / "overrides")),
                           config_file_path=str(where / "mkdocs.yml"), site_dir=str(where / "site"), plugins={})


def test_the_version_follows_the_sources(tmp_path: Path) -> None:
    one = project(tmp_path / "one")
    version = offline.build_version(one)
    assert len(version) == 16 and int(version, 16) >= 0
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    two = SimpleNamespace(**{**vars(one), "docs_dir": str(tmp_path / "two" / "docs"),
                             "theme": SimpleNamespace(custom_dir=str(tmp_path / "two" / "overrides")),
                             "config_file_path": str(tmp_path / "two" / "mkdocs.yml")})
    assert offline.build_version(two) == version  # elsewhere, same sources
    for changed in ("docs/ru/index.md", "overrides/sw.js", "mkdocs.yml"):
        path = tmp_path / "two" / changed
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert offline.build_version(two) != version, changed
        version = offline.build_version(two)


def test_the_built_worker_carries_the_version(tmp_path: Path) -> None:
    config = project(tmp_path)
    (tmp_path / "site").mkdir()
    shutil.copy(tmp_path / "overrides" / "sw.js", tmp_path / "site" / "sw.js")
    offline.on_post_build(config)
    offline.on_post_build(config)  # static-i18n's next pass: written once
    assert (tmp_path / "site" / "sw.js").read_text() == f"const VERSION = '{offline.build_version(config)}';\n"


def test_a_page_edit_rewrites_the_worker_the_site_already_holds(tmp_path: Path) -> None:
    # A `make serve` rebuild is a dirty build: the theme's sw.js is not copied again, the versioned one stays.
    config = project(tmp_path)
    (tmp_path / "site").mkdir()
    offline.on_config(config)
    offline.on_post_build(config)
    page = tmp_path / "docs" / "ru" / "index.md"
    page.write_text("Привет, мир\n", encoding="utf-8")
    offline.on_config(config)  # the rebuild begins
    offline.on_post_build(config)
    assert (tmp_path / "site" / "sw.js").read_text() == f"const VERSION = '{offline.build_version(config)}';\n"
