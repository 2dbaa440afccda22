"""Hook: a `make serve` rebuild (scripts/serve.py) renders only the pages a change touches.

scripts/serve.py builds once in full, then, for a change to pages under docs/, calls `rebuild_only(changed)` and
builds "dirty": MkDocs renders a page only when its File says it is modified, and this hook says so for the pages the
change touches — the pages changed, added or removed; every language's version of each (the language switcher,
hreflang and JSON-LD name them); the pages other hooks make from an essay's versions in its folder, in every
language (hooks/alignments.py: the parallel pages of every pair, whose rows come from every version's passages); and
every catalog page of every language when an essay came, went, or changed what the catalog lists of it (title,
author, date: titles and order are on every catalog page). It also deletes what a removed page left (its HTML, its
raw file's copy). Everything else the last build wrote stays as it was (the hooks that write files beside the pages —
search index, alignments, service worker — rewrite what changed and remove what is gone), so the site is what a full
build writes: tests/test_serve.py compares them byte for byte. Outside scripts/serve.py (`mkdocs build`,
`mkdocs serve`) this hook changes nothing.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from archive import languages
from archive.hook_modules import outermost
from archive.render import read_front_matter

CATALOG_FIELDS = ("essay", "lang", "title", "author", "date")  # what a catalog page lists of an essay



@dataclass
class Built:
    """What the last build of one site folder rendered (a process may build several: the tests do)."""

    listed: dict[str, tuple | None] = field(default_factory=dict)  # src_uri -> catalog_fields() when last rendered
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> the raw file its front-matter names
    dests: set[str] = field(default_factory=set)  # every page's output (dest_uri)


_built: dict[str, Built] = {}  # by site_dir
_serving = False  # scripts/serve.py drives the builds: remember what they rendered
_changed: set[str] | None = None  # src_uris changed since the last build; None: render everything
_touched: set[str] = set()  # src_uris to render in this build
_touched_under: set[str] = set()  # and every page whose src_uri starts with one of these
_catalog_touched = False
_dests_now: set[str] = set()


def rebuild_only(changed: set[str] | None) -> None:
    """Called by scripts/serve.py before a build: the pages (src_uri under docs/) changed since the last build, or
    None for a full build."""
    global _changed, _serving
    _changed, _serving = changed, True


def catalog_fields(path: str | None) -> tuple | None:
    """What the catalog pages show of a page (hooks/essays.py: catalog_entry), None if it is gone; its whole
    front-matter text when that cannot be read (then any change counts)."""
    if path is None or not os.path.isfile(path):
        return None
    head = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f):
            head.append(line)
            if number and line == "---\n" or head[0] != "---\n":
                break
    meta = read_front_matter("".join(head))
    return tuple(meta.get(key) for key in CATALOG_FIELDS) if isinstance(meta, dict) else ("".join(head),)


def is_catalog_page(src_uri: str) -> bool:
    lang, _, rest = src_uri.partition("/")
    return lang in languages.CODES and (rest == "index.md" or rest.startswith("catalog/"))


def on_pre_build(config: MkDocsConfig) -> None:
    global _touched, _catalog_touched
    if not outermost(config):
        return
    _dests_now.clear()
    if _changed is None:
        return
    _touched = set()
    _touched_under.clear()
    _catalog_touched = False
    docs, built = Path(config.docs_dir), _built.get(config.site_dir, Built())
    for src in _changed:
        lang, _, rest = src.partition("/")
        _touched |= {src} | {f"{code}/{rest}" for code in languages.CODES}  # the page in every language
        if rest.startswith("essays/"):
            # and the pages made from the essay's versions, in its folder: the parallel pages of every pair
            _touched_under.update(f"{code}/{rest.removesuffix('.md')}/" for code in languages.CODES)
        if rest.startswith("essays/") and catalog_fields(str(docs / src)) != built.listed.get(src):
            _catalog_touched = True


@event_priority(-300)  # after every hook that adds pages (hooks/essays.py adds catalog pages at -200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        _dests_now.add(file.dest_uri)
        if _changed is not None:
            touched = (file.src_uri in _touched or (_catalog_touched and is_catalog_page(file.src_uri))
                       or any(file.src_uri.startswith(folder) for folder in _touched_under))
            file.is_modified = (lambda: True) if touched else (lambda: False)
    return files


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _serving:
        return markdown  # a one-off build: nothing to remember (it would read every page's front-matter again)
    built = _built.setdefault(config.site_dir, Built())
    built.listed[page.file.src_uri] = catalog_fields(page.file.abs_src_path)
    source = page.meta.get("source")
    if isinstance(source, str):
        built.sources[page.file.src_uri] = str(source)
    return markdown


@event_priority(-200)  # after mkdocs-static-i18n's post_build (-100), which runs the other languages' passes
def on_post_build(config: MkDocsConfig) -> None:
    global _changed
    if not outermost(config):
        return
    site, built = Path(config.site_dir), _built.setdefault(config.site_dir, Built())
    if _changed is not None:
        for dest in sorted(built.dests - _dests_now):  # removed pages, and what other hooks wrote beside them
            _remove_page(site, dest, _dests_now)
        for src in [s for s in _changed if not (Path(config.docs_dir) / s).is_file()]:  # their raw files' copies
            source = built.sources.pop(src, None)
            built.listed.pop(src, None)
            if source and source not in built.sources.values():
                _remove(site, site / source)
    built.dests = set(_dests_now)
    _changed = None


def _remove_page(site: Path, dest: str, kept: set[str]) -> None:
    """A removed page's output: its folder (/essays/<id>/ holds cite.bib and cite.json too) unless another page's
    output is in it."""
    folder = (site / dest).parent
    if dest.endswith("/index.html") and not any((site / other).is_relative_to(folder) for other in kept):
        shutil.rmtree(folder, ignore_errors=True)
        _remove(site, folder / "index.html")  # the folders it leaves empty
    else:
        _remove(site, site / dest)


def _remove(site: Path, path: Path) -> None:
    """A file, and the folders it leaves empty, up to the site's root."""
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site or not folder.is_relative_to(site):
            break
        if folder.exists():
            if any(folder.iterdir()):
                break
            folder.rmdir()
