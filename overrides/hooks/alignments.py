"""Hook: the passages of every essay with two or more versions, aligned (scripts/archive/align.py); published as
site/alignments/<essay-id>.json, read by the essay pages' script that keeps the reader's place when they switch
language, and shown side by side on the parallel pages /<lang>/essays/<id>/parallel/<other>/.

mkdocs-static-i18n builds each language in a pass of its own, but an alignment needs every version, so this hook
renders the versions' Markdown itself (with the site's Markdown extensions, so passages and their ids are the ones
the pages get), once per set of files: the four passes and unchanged `mkdocs serve` rebuilds reuse it.
ARCHIVE_ALIGN=0 in the environment turns all of it off, ARCHIVE_PARALLEL=0 the parallel pages only (the benchmark
measures the build each way).
"""

from __future__ import annotations

import json
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
from mkdocs.utils.meta import get_data

from archive import align, languages
from archive.files import sync_folder
from archive.passages import Passage, PassagesExtension, finish_html


@dataclass(frozen=True)
class Aligned:
    essay: str
    titles: dict[str, str]  # language -> the version's title
    passages: dict[str, list[Passage]]  # language -> passages in reading order, with their HTML
    groups: list[dict[str, list[str]]]

    def url(self, lang: str) -> str:
        return f"{languages.url_prefix(lang)}essays/{self.essay}/"

    def published(self) -> dict[str, Any]:
        """The JSON of site/alignments/<essay>.json (README: "Aligned versions")."""
        return {"essay": self.essay, "versions": {lang: self.url(lang) for lang in self.passages},
                "groups": self.groups}


_cache: dict[str, tuple[tuple, Aligned]] = {}  # essay -> (its files' stats, alignment)
_aligned: dict[str, Aligned] = {}


def enabled() -> bool:
    return os.environ.get("ARCHIVE_ALIGN", "1") != "0"


def parallel_enabled() -> bool:
    """ARCHIVE_PARALLEL=0: the alignments without the parallel pages (the benchmark tells their costs apart)."""
    return enabled() and os.environ.get("ARCHIVE_PARALLEL", "1") != "0"


def parallel_url(essay: str, lang: str, other: str) -> str:
    return f"{languages.url_prefix(lang)}essays/{essay}/parallel/{other}/"


def essay_files(docs: Path) -> dict[str, dict[str, Path]]:
    """Essay id -> language -> page, for essays with two or more versions (hooks/essays.py validates the pages)."""
    by_essay: dict[str, dict[str, Path]] = {}
    for code in languages.CODES:
        for path in sorted((docs / code / "essays").glob("*.md")):
            by_essay.setdefault(path.stem, {})[code] = path
    return {essay: versions for essay, versions in by_essay.items() if len(versions) > 1}


def align_essay(essay: str, versions: dict[str, Path], md: markdown.Markdown, ext: PassagesExtension) -> Aligned:
    titles, passages = {}, {}
    for lang, path in versions.items():
        body, meta = get_data(path.read_text(encoding="utf-8"))
        md.reset()
        md.convert(body)
        titles[lang] = str(meta.get("title", essay))
        passages[lang] = [Passage(p.id, p.kind, p.text, finish_html(md, p.html)) for p in ext.passages]
    return Aligned(essay, titles, passages, align.align_versions(passages))


def on_config(config: MkDocsConfig) -> None:
    global _aligned
    if not enabled():
        _aligned = {}
        return
    ext = PassagesExtension()
    ext.enabled = True
    ext.collect = parallel_enabled()  # the passages' HTML is for the parallel pages only
    md = None
    aligned = {}
    for essay, versions in essay_files(Path(config.docs_dir)).items():
        key = tuple((lang, path.stat().st_mtime_ns, path.stat().st_size) for lang, path in versions.items())
        cached = _cache.get(essay)
        if cached and cached[0] == key:
            aligned[essay] = cached[1]
            continue
        if md is None:
            others = [e for e in config.markdown_extensions if not isinstance(e, PassagesExtension)]
            md = markdown.Markdown(extensions=[*others, ext], extension_configs=config.mdx_configs)
        aligned[essay] = align_essay(essay, versions, md, ext)
        _cache[essay] = (key, aligned[essay])
    _aligned = aligned


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files (it refuses generated ones)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """This language's parallel pages: one per other version of each of its essays; the template fills them.
    Made after static-i18n, they stay out of its sitemap: derived views of pages the sitemap lists."""
    lang = config.theme["language"]
    for essay, aligned in _aligned.items() if parallel_enabled() else ():
        if lang not in aligned.passages:
            continue
        title = languages.get(lang).ui["parallel_title"].format(title=aligned.titles[lang])
        for other in aligned.passages:
            if other == lang:
                continue
            front = {"title": title, "search": {"exclude": True}, "hide": ["navigation", "toc"],
                     "parallel": {"essay": essay, "other": other}}
            file = File.generated(config, f"{lang}/essays/{essay}/parallel/{other}.md",
                                  content=f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n")
            file.dest_uri = f"{parallel_url(essay, lang, other)}index.html"
            files.append(file)
    return files


def parallel_links(aligned: Aligned, current: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """Every ordered pair of versions, each a link to its parallel page."""
    return [
        {"left": lang, "right": other, "left_name": languages.get(lang).name,
         "right_name": languages.get(other).name, "url": parallel_url(aligned.essay, lang, other),
         "current": (lang, other) == current}
        for lang in aligned.passages for other in aligned.passages if lang != other
    ]


def parallel_view(aligned: Aligned, lang: str, other: str) -> dict[str, Any]:
    by_id = {code: {p.id: p for p in passages} for code, passages in aligned.passages.items()}

    def column(code: str) -> dict[str, Any]:
        return {"code": code, "name": languages.get(code).name, "url": aligned.url(code),
                "title": aligned.titles[code]}

    rows = [
        {side: [by_id[code][pid] for pid in group[code]] for side, code in (("left", lang), ("right", other))}
        for group in align.project(aligned.groups, (lang, other))
    ]
    return {"essay": aligned.essay, "left": column(lang), "right": column(other), "rows": rows,
            "pairs": parallel_links(aligned, (lang, other))}


@event_priority(5)  # after hooks/essays.py (10) sets `archive`, before the switcher and <head> (0) read it
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    archive = context["archive"]
    lang = archive["lang"]
    essay = archive.get("essay")
    if essay and essay["id"] in _aligned:
        aligned = _aligned[essay["id"]]
        pairs = [p for p in parallel_links(aligned) if p["left"] == lang] if parallel_enabled() else []
        archive["alignment"] = {"json": f"alignments/{aligned.essay}.json", "pairs": pairs}
    for entry in archive.get("catalog", {}).get("entries", []) if parallel_enabled() else ():
        # a home page's catalog links each parallel view
        aligned = _aligned.get(entry["id"])
        if aligned:
            left = lang if lang in aligned.passages else next(iter(aligned.passages))
            entry["parallel"] = parallel_url(aligned.essay, left, next(c for c in aligned.passages if c != left))
    spec = page.meta.get("parallel")
    if spec and spec["essay"] in _aligned:
        aligned = _aligned[spec["essay"]]
        archive["parallel"] = parallel_view(aligned, lang, spec["other"])
        archive["alternates"] = {lang: page.url, spec["other"]: parallel_url(aligned.essay, spec["other"], lang)}
    return context


def on_post_build(config: MkDocsConfig) -> None:
    # Every language pass sees every alignment; the default language's pass (static-i18n's first) writes them. The
    # folder holds exactly this build's: a `make serve` rebuild removes the file of an essay no longer aligned (gone,
    # or down to one version) and rewrites only the files that changed.
    if config.theme["language"] != languages.DEFAULT:
        return
    out = Path(config.site_dir) / "alignments"
    sync_folder(out, {out / f"{essay}.json": json.dumps(aligned.published(), ensure_ascii=False,
                                                         separators=(",", ":")) + "\n"
                      for essay, aligned in _aligned.items()})
