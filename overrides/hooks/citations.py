"""Hook: how to cite each essay page (archive.cite): context `citation` for the Cite control
(overrides/partials/cite.html) and the citation_* <meta> tags, and the page's cite.bib and cite.json beside it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import background, cite

BIBTEX = "cite.bib"
CSL_JSON = "cite.json"
_files: dict[str, str] = {}  # site-relative path -> content, for this pass's essay pages


def on_pre_build(config: MkDocsConfig) -> None:
    _files.clear()


@event_priority(0)  # after overrides/hooks/essays.py (10), which sets `archive`
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    essay = context["archive"].get("essay")
    if not essay:
        return context
    version = essay["essay"].version(essay["lang"])
    meta, archive, permalink = version.meta, config.site_name, config.site_url + version.url
    _files[version.url + BIBTEX] = cite.bibtex(meta, archive, permalink)
    _files[version.url + CSL_JSON] = cite.csl_json(meta, archive, permalink)
    context["citation"] = {
        "meta": cite.citation_meta(meta, archive, permalink),
        "reference": cite.reference(meta, archive, permalink),
        "key": cite.cite_key(meta),
        "bibtex": BIBTEX,  # relative to the page's own folder
        "csl_json": CSL_JSON,
    }
    return context


def on_post_build(config: MkDocsConfig) -> None:
    site, files = Path(config.site_dir), dict(_files)

    def write() -> None:
        for rel, text in files.items():
            (site / rel).write_text(text, encoding="utf-8")

    background.run(f"the citation files in {site}", write)  # two files an essay page; nothing later reads them
