"""Hook: the passages of every essay with two or more versions, aligned (scripts/archive/align.py); published as
site/alignments/<essay-id>.json, read by the essay pages' script that keeps the reader's place when they switch
language, and shown side by side on the parallel pages /<lang>/essays/<id>/parallel/<other>/.

The passages are the ones the essay pages themselves are cut into (hooks/passages.py): this hook keeps them as each
version's page is rendered, so every version is rendered once, and aligns an essay once all its versions are in.
mkdocs-static-i18n builds each language in a pass of its own (English first), so a parallel page whose other
version comes in a later pass is held back when MkDocs would write it and written, with its rows, at the end of the
last pass; the others get their rows at once. A version not rendered in this process with its present content (a
`make serve` rebuild that did not touch it, after a change the cache cannot vouch for) is rendered here instead.
ARCHIVE_ALIGN=0 in the environment turns all of it off, ARCHIVE_PARALLEL=0 the parallel pages only (the benchmark
measures the build each way).
"""

from __future__ import annotations

import html
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url, write_file
from mkdocs.utils.meta import get_data

from archive import align, languages
from archive.files import Stat, stat_of, sync_folder
from archive.hook_modules import loaded_hook, outermost
from archive.passages import Passage, PassagesExtension, finished

ROWS = "<!-- archive:parallel-rows -->"  # where partials/parallel.html leaves the rows for on_post_page to fill


@dataclass(frozen=True)
class Aligned:
    essay: str
    passages: dict[str, list[Passage]]  # language -> passages in reading order, with their HTML
    groups: list[dict[str, list[str]]]

    def url(self, lang: str) -> str:
        return f"{languages.url_prefix(lang)}essays/{self.essay}/"

    def published(self) -> dict[str, Any]:
        """The JSON of site/alignments/<essay>.json (README: "Aligned versions")."""
        return {"essay": self.essay, "versions": {lang: self.url(lang) for lang in self.passages},
                "groups": self.groups}


@dataclass(frozen=True)
class Held:
    """A parallel page held back until its essay is aligned."""

    output: str  # the page as the template rendered it, ROWS where the rows go
    path: str  # where MkDocs would have written it
    essay: str
    lang: str
    other: str
    hrefs: dict[str, str]  # language -> its version's URL relative to this page


_versions: dict[str, dict[str, Path]] = {}  # essay -> language -> page, for essays with two or more versions
_titles: dict[str, dict[str, str]] = {}  # essay -> language -> title
_rendered: dict[Path, tuple[Stat, list[Passage]]] = {}  # page -> its passages as last rendered
_cache: dict[str, tuple[tuple, Aligned]] = {}  # essay -> (its versions' keys, alignment)
_held: list[Held] = []
_md: markdown.Markdown | None = None
_pages_extension: PassagesExtension | None = None  # hooks/passages.py's, which essay pages are rendered with
_own = PassagesExtension()  # for versions rendered here (see above)


def _held_back(record: logging.LogRecord) -> bool:
    """MkDocs logs (at info) every page it does not write; the parallel pages held back are written at the end."""
    message = record.getMessage()
    return not (message.startswith("Page skipped: '") and "/parallel/" in message)


logging.getLogger("mkdocs.commands.build").addFilter(_held_back)


def enabled() -> bool:
    return os.environ.get("ARCHIVE_ALIGN", "1") != "0"


def parallel_enabled() -> bool:
    """ARCHIVE_PARALLEL=0: the alignments without the parallel pages (the benchmark tells their costs apart)."""
    return enabled() and os.environ.get("ARCHIVE_PARALLEL", "1") != "0"


def parallel_url(essay: str, lang: str, other: str) -> str:
    return f"{languages.url_prefix(lang)}essays/{essay}/parallel/{other}/"


def on_config(config: MkDocsConfig) -> None:
    """The essays with two or more versions, from hooks/essays.py's catalog (read once for the four passes)."""
    global _versions, _titles, _pages_extension
    docs = Path(config.docs_dir)
    _pages_extension = loaded_hook(config, "passages.py").EXTENSION
    essays = loaded_hook(config, "essays.py").all_essays() if enabled() else []
    multi = [essay for essay in essays if len(essay.versions) > 1]
    _versions = {e.id: {v.lang: docs / v.lang / "essays" / f"{e.id}.md" for v in e.versions} for e in multi}
    _titles = {e.id: {v.lang: str(v.meta.get("title", e.id)) for v in e.versions} for e in multi}


def _version_of(page: Page) -> str | None:
    """The essay a page is a version of, if that essay has two or more versions."""
    essay = page.meta.get("essay")
    lang, _, rest = page.file.src_uri.partition("/")
    return essay if essay in _versions and rest == f"essays/{essay}.md" and lang in _versions[essay] else None


@event_priority(-50)  # after hooks/passages.py has set up the page's passages extension
def on_page_markdown(markdown_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # the passages' HTML is for the parallel pages
    _pages_extension.collect = parallel_enabled() and _version_of(page) is not None
    return markdown_text


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _version_of(page):
        path = Path(page.file.abs_src_path)
        _rendered[path] = (stat_of(path), finished(_pages_extension.passages, _pages_extension.md))
    return content


def _passages(path: Path, config: MkDocsConfig, render: bool) -> list[Passage] | None:
    """A version's passages as its page has them: as rendered in this process if its file has not changed since,
    else (if `render`) rendered here with the site's Markdown extensions, else None."""
    global _md
    key = stat_of(path)
    rendered = _rendered.get(path)
    if rendered and rendered[0] == key:
        return rendered[1]
    if not render:
        return None
    if _md is None:
        _own.enabled = True
        # its own extensions: the shared ones (hooks/markdown_extensions.py) follow the last page's instance
        others = loaded_hook(config, "markdown_extensions.py").by_name(
            [e for e in config.markdown_extensions if not isinstance(e, PassagesExtension)])
        _md = markdown.Markdown(extensions=[*others, _own], extension_configs=config.mdx_configs)
    _own.collect = parallel_enabled()
    body, _ = get_data(path.read_text(encoding="utf-8"))
    _md.reset()
    _md.convert(body)
    passages = finished(_own.passages, _md)
    _rendered[path] = (key, passages)
    return passages


def aligned_essay(essay: str, config: MkDocsConfig, render: bool) -> Aligned | None:
    """The essay's alignment, once every version's passages are in (see _passages); cached by the versions' files."""
    versions = _versions[essay]
    key = tuple((lang, stat_of(path)) for lang, path in versions.items())
    cached = _cache.get(essay)
    if cached and cached[0] == key:
        return cached[1]
    passages = {}
    for lang, path in versions.items():
        found = _passages(path, config, render)
        if found is None:
            return None
        passages[lang] = found
    aligned = Aligned(essay, passages, align.align_versions(passages))
    _cache[essay] = (key, aligned)
    return aligned


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files (it refuses generated ones)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """This language's parallel pages: one per other version of each of its essays; the template fills them.
    Made after static-i18n, they stay out of its sitemap: derived views of pages the sitemap lists."""
    lang = config.theme["language"]
    for essay, versions in _versions.items() if parallel_enabled() else ():
        if lang not in versions:
            continue
        title = languages.get(lang).ui["parallel_title"].format(title=_titles[essay][lang])
        for other in versions:
            if other == lang:
                continue
            front = {"title": title, "search": {"exclude": True}, "hide": ["navigation", "toc"],
                     "parallel": {"essay": essay, "other": other}}
            file = File.generated(config, f"{lang}/essays/{essay}/parallel/{other}.md",
                                  content=f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n")
            file.dest_uri = f"{parallel_url(essay, lang, other)}index.html"
            files.append(file)
    return files


def parallel_links(essay: str, current: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """Every ordered pair of the essay's versions, each a link to its parallel page."""
    versions = _versions[essay]
    return [
        {"left": lang, "right": other, "left_name": languages.get(lang).name,
         "right_name": languages.get(other).name, "url": parallel_url(essay, lang, other),
         "current": (lang, other) == current}
        for lang in versions for other in versions if lang != other
    ]


def parallel_view(essay: str, lang: str, other: str) -> dict[str, Any]:
    """What partials/parallel.html shows above the rows (which rows_html makes)."""

    def column(code: str) -> dict[str, Any]:
        return {"code": code, "name": languages.get(code).name, "url": f"{languages.url_prefix(code)}essays/{essay}/",
                "title": _titles[essay][code]}

    return {"essay": essay, "left": column(lang), "right": column(other), "rows": ROWS,
            "pairs": parallel_links(essay, (lang, other))}


def rows_html(aligned: Aligned, lang: str, other: str, hrefs: dict[str, str]) -> str:
    """The table rows of a parallel page: a row per group of the two versions' passages, a cell per version in its
    own language, each passage with a link to it on its own page. `hrefs`: each version's URL from this page."""
    ui = languages.get(lang).ui
    by_id = {code: {p.id: p for p in aligned.passages[code]} for code in (lang, other)}
    cells = {}
    for code in (lang, other):
        name = html.escape(languages.get(code).name)
        label = html.escape(ui["passage_in"].format(language=languages.get(code).name))
        link = f'<a class="archive-parallel__link" href="{html.escape(hrefs[code])}#{{id}}" hreflang="{code}" ' \
               f'aria-label="{label}">¶</a>'
        cells[code] = (f'<td lang="{code}" data-language="{name}">', link)
    rows = []
    for group in align.project(aligned.groups, (lang, other)):
        row = ["<tr>"]
        for code in (lang, other):
            opening, link = cells[code]
            row.append(opening)
            for pid in group[code]:
                passage = by_id[code][pid]
                row.append(f'<div class="archive-parallel__passage archive-parallel__passage--{passage.kind[:1]}">'
                           f'{passage.html} {link.format(id=html.escape(pid))}</div>')
            row.append("</td>")
        row.append("</tr>")
        rows.append("".join(row))
    return "\n".join(rows)


@event_priority(5)  # after hooks/essays.py (10) sets `archive`, before the switcher and <head> (0) read it
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    archive = context["archive"]
    lang = archive["lang"]
    essay = archive.get("essay")
    if essay and essay["id"] in _versions:
        pairs = [p for p in parallel_links(essay["id"]) if p["left"] == lang] if parallel_enabled() else []
        archive["alignment"] = {"json": f"alignments/{essay['id']}.json", "pairs": pairs}
    for entry in archive.get("catalog", {}).get("entries", []) if parallel_enabled() else ():
        # a home page's catalog links each parallel view
        versions = _versions.get(entry["id"])
        if versions:
            left = lang if lang in versions else next(iter(versions))
            entry["parallel"] = parallel_url(entry["id"], left, next(c for c in versions if c != left))
    spec = page.meta.get("parallel")
    if spec and spec["essay"] in _versions:
        archive["parallel"] = parallel_view(spec["essay"], lang, spec["other"])
        archive["alternates"] = {lang: page.url, spec["other"]: parallel_url(spec["essay"], spec["other"], lang)}
    return context


@event_priority(-500)  # last: the page as every other hook left it
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A parallel page gets its rows now if every version of its essay is rendered, else it is held back (MkDocs
    writes nothing for an empty page) and written at the end of the build."""
    spec = page.meta.get("parallel")
    if not spec or spec["essay"] not in _versions:
        return output
    essay, lang, other = spec["essay"], config.theme["language"], spec["other"]
    hrefs = {code: normalize_url(f"{languages.url_prefix(code)}essays/{essay}/", page) for code in (lang, other)}
    aligned = aligned_essay(essay, config, render=False)
    if aligned:
        return output.replace(ROWS, rows_html(aligned, lang, other, hrefs), 1)
    _held.append(Held(output, page.file.abs_dest_path, essay, lang, other, hrefs))
    return ""


@event_priority(-200)  # after mkdocs-static-i18n's post_build (-100), which runs the other languages' passes
def on_post_build(config: MkDocsConfig) -> None:
    """At the end of the last pass: every essay aligned (a version no page rendered is rendered here), the parallel
    pages held back written, and site/alignments/ made to hold exactly this build's files (a `make serve` rebuild
    removes the file of an essay no longer aligned and rewrites only the files that changed)."""
    if not outermost(config):
        return
    aligned = {essay: aligned_essay(essay, config, render=True) for essay in _versions}
    for held in _held:
        rows = rows_html(aligned[held.essay], held.lang, held.other, held.hrefs)
        write_file(held.output.replace(ROWS, rows, 1).encode("utf-8", errors="xmlcharrefreplace"), held.path)
    _held.clear()
    out = Path(config.site_dir) / "alignments"
    sync_folder(out, {out / f"{essay}.json": json.dumps(one.published(), ensure_ascii=False,
                                                         separators=(",", ":")) + "\n"
                      for essay, one in aligned.items()})
