"""Hook: a `make serve` rebuild (scripts/serve.py) renders only the pages a change touches.

scripts/serve.py builds once in full, then, for a change to pages under docs/, calls `rebuild_only(changed)` and
builds "dirty": MkDocs renders a page only when its File says it is modified, and this hook says so for the pages the
change touches — the pages changed, added or removed; every language's version of an essay changed, and of any page
added or removed (the language switcher, hreflang and JSON-LD name the versions, and an essay page states facts of its
siblings); the pages other hooks make from an essay's versions in its folder, in every language
(hooks/alignments.py: the parallel pages of every pair, whose rows come from every version's passages); and, in every
language, the catalog pages whose essays changed: an essay came, went, moved, or changed what the catalog shows of it
(hooks/essays.py: `listing`, compared page by page with the last build's; every catalog page when their number
changed), so a title edit renders one catalog page per language, not all of them. A hand-written page whose text
changed is the only page it touches (the sidebar's home entry is titled by hooks/navigation.py, not by the page).

It also says which of mkdocs-static-i18n's language passes the build needs (`passes()`, read by
hooks/language_passes.py): the default language's, which always runs, and those of the languages that have a touched
page; only when no page came or went and the catalog pages stay, so the other languages' pages and their alternates
are what the last build made. Their pass would have rendered nothing, but it writes sitemap.xml (every language's
pages, from the passes that ran): the last build's copy is put back, as it would come out the same (same pages, same
day). All passes run when in doubt.

It also deletes what a removed page left (its HTML, its raw file's copy). Everything else the last build wrote stays
as it was (the hooks that write files beside the pages — search index, alignments, service worker — rewrite what
changed and remove what is gone), so the site is what a full build writes: tests/test_serve.py compares them byte
for byte. Outside scripts/serve.py (`mkdocs build`, `mkdocs serve`) this hook changes nothing.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from archive import languages
from archive.hook_modules import loaded_hook, outermost

SITEMAP = ("sitemap.xml", "sitemap.xml.gz")  # written by every language pass, from the pages of the passes run so far


@dataclass
class Built:
    """What the last build of one site folder rendered (a process may build several: the tests do)."""

    catalog: tuple[tuple, ...] = ()  # hooks/essays.py's catalog_listing(): what the catalog pages showed
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> the raw file its front-matter names
    pages: dict[str, set[str]] = field(default_factory=dict)  # language -> its pass's pages (src_uri)
    dests: dict[str, set[str]] = field(default_factory=dict)  # language -> its pages' output (dest_uri)
    date: str = ""  # MkDocs' build date (the sitemap's lastmod)


_built: dict[str, Built] = {}  # by site_dir
_serving = False  # scripts/serve.py drives the builds: remember what they rendered
_changed: set[str] | None = None  # src_uris changed since the last build; None: render everything
_touched: set[str] = set()  # src_uris to render in this build
_touched_under: set[str] = set()  # and every page whose src_uri starts with one of these
_catalog_pages: set[int] | None = set()  # the catalog pages to render, by number, in every language; None: all
_passes: set[str] | None = None  # the languages whose pass this build runs; None: all
_kept: dict[str, bytes] = {}  # sitemap files of the last build, put back when passes are left out
_pages_now: dict[str, set[str]] = {}
_dests_now: dict[str, set[str]] = {}


def rebuild_only(changed: set[str] | None) -> None:
    """Called by scripts/serve.py before a build: the pages (src_uri under docs/) changed since the last build, or
    None for a full build."""
    global _changed, _serving
    _changed, _serving = changed, True


def passes() -> set[str] | None:
    """The languages whose mkdocs-static-i18n pass this build needs, or None for all (hooks/language_passes.py)."""
    return _passes


def passes_needed(docs: Path, built: Built, before: set[str]) -> set[str] | None:
    """The default language and every language with a touched page; None (all) when a page came or went (the other
    languages' alternates, sitemap.xml), a catalog page changes (every language has one), or the day changed (the
    sitemap's dates). `before`: every page of the last build."""
    if _catalog_pages != set() or built.date != get_build_date() or set(built.pages) != set(languages.CODES):
        return None
    if any((docs / src).is_file() != (src in before) for src in _changed or ()):
        return None
    needed = {languages.DEFAULT}
    for src in _touched:
        lang = src.partition("/")[0]
        if lang not in languages.CODES:
            return None
        if src in before:
            needed.add(lang)
    for folder in _touched_under:
        lang = folder.partition("/")[0]
        if any(src.startswith(folder) for src in built.pages[lang]):
            needed.add(lang)
    return needed if needed != set(languages.CODES) else None


def on_pre_build(config: MkDocsConfig) -> None:
    global _touched, _catalog_pages, _passes
    if not outermost(config):
        return
    _pages_now.clear()
    _dests_now.clear()
    _kept.clear()
    _passes = None
    if _changed is None:
        return
    _touched = set()
    _touched_under.clear()
    docs, built = Path(config.docs_dir), _built.get(config.site_dir, Built())
    before = set().union(*built.pages.values())
    for src in _changed:
        lang, _, rest = src.partition("/")
        essay = rest.startswith("essays/")
        if essay or (docs / src).is_file() != (src in before):
            _touched |= {src} | {f"{code}/{rest}" for code in languages.CODES}  # the page in every language
        else:
            _touched.add(src)  # a hand-written page's text: no other page shows it
        if essay:
            # and the pages made from the essay's versions, in its folder: the parallel pages of every pair
            _touched_under.update(f"{code}/{rest.removesuffix('.md')}/" for code in languages.CODES)
    essays = loaded_hook(config, "essays.py")  # its on_config has read this build's catalog
    _catalog_pages = essays.changed_catalog_pages(built.catalog, essays.catalog_listing())
    _passes = passes_needed(docs, built, before)
    if _passes is not None:
        site = Path(config.site_dir)
        _kept.update({name: (site / name).read_bytes() for name in SITEMAP if (site / name).is_file()})


@event_priority(-300)  # after every hook that adds pages (hooks/essays.py adds catalog pages at -200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = config.theme["language"]
    catalog_number = loaded_hook(config, "essays.py").catalog_number
    pages, dests = _pages_now.setdefault(lang, set()), _dests_now.setdefault(lang, set())
    for file in files.documentation_pages():
        pages.add(file.src_uri)
        dests.add(file.dest_uri)
        if _changed is not None:
            number = catalog_number(file.src_uri, lang)
            touched = (file.src_uri in _touched
                       or number is not None and (_catalog_pages is None or number in _catalog_pages)
                       or any(file.src_uri.startswith(folder) for folder in _touched_under))
            file.is_modified = (lambda: True) if touched else (lambda: False)
    return files


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _serving:
        return markdown  # a one-off build: nothing to remember
    built = _built.setdefault(config.site_dir, Built())
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
    for lang in set(built.pages) - set(_pages_now):  # passes left out: their pages are the last build's
        _pages_now[lang], _dests_now[lang] = built.pages[lang], built.dests[lang]
    for name, data in _kept.items():
        (site / name).write_bytes(data)
    if _changed is not None:
        dests_now = set().union(*_dests_now.values())
        for dest in sorted(set().union(*built.dests.values()) - dests_now):  # removed pages, and what was beside them
            _remove_page(site, dest, dests_now)
        for src in [s for s in _changed if not (Path(config.docs_dir) / s).is_file()]:  # their raw files' copies
            source = built.sources.pop(src, None)
            if source and source not in built.sources.values():
                _remove(site, site / source)
    built.pages, built.dests = dict(_pages_now), dict(_dests_now)
    built.catalog = loaded_hook(config, "essays.py").catalog_listing()
    built.date = get_build_date()
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
