"""Hook: the service worker (overrides/sw.js, written to the site root by this hook) gets this build's version, so
that its cache is named after the build and a new build's worker replaces what an old one kept.

The version is a hash of what the site is built from: the pages under docs/, the theme overrides and mkdocs.yml;
the same sources give the same version, so rebuilding unchanged sources does not throw readers' caches away.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from archive.files import Stat, file_sha256, tree_files, write_if_changed
from archive.hook_modules import outermost

PLACEHOLDER = "__ARCHIVE_BUILD__"
WORKER = "sw.js"

_digests: dict[str, tuple[Stat, str]] = {}  # path -> its Stat and sha256 when last read (archive.files)
_this_build = ""  # the version, once the first language pass has computed it: the later passes read the same files


def source_files(config: MkDocsConfig) -> list[tuple[str, str]]:
    """(name, path) of every source file; names relative to their folder, so the version does not depend on where
    the project is."""
    found = [("mkdocs.yml", config.config_file_path)]
    for name, root in (("docs", config.docs_dir), ("overrides", config.theme.custom_dir)):
        found += [(f"{name}/{rel}", path) for rel, path in tree_files(Path(root))]
    return found


def build_version(config: MkDocsConfig) -> str:
    """sha256 over every source file's name and sha256; a file's own digest is kept by its Stat, so a `make serve`
    rebuild reads only the files that changed (four passes per build, and 2,000 pages at 2,000 texts)."""
    digest = hashlib.sha256()
    for name, path in source_files(config):
        digest.update(f"{name}\0{file_sha256(path, _digests, path)[0]}".encode())
    return digest.hexdigest()[:16]


def on_config(config: MkDocsConfig) -> None:
    global _this_build
    if outermost(config):
        _this_build = ""


def on_post_build(config: MkDocsConfig) -> None:
    # static-i18n builds each language in turn into one site. The worker is written from its source each time, not
    # from the copy in the site: a `make serve` rebuild (a dirty build) does not copy the theme's files again, yet a
    # page edit changes the version. Written only when it changed.
    global _this_build
    _this_build = _this_build or build_version(config)
    source = Path(config.theme.custom_dir) / WORKER
    text = source.read_text(encoding="utf-8").replace(PLACEHOLDER, _this_build)
    worker = Path(config.site_dir) / WORKER
    write_if_changed(worker, text)
