"""Hook: publish each essay's raw file beside the site, at the path its front-matter `source` names, so a reader can
check the text against it (and its sha256, shown on the page); and the raw images its `images` names, which the page
shows."""

from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from archive import background

_sources: set[str] = set()  # of the current pass's pages (mkdocs-static-i18n builds one language per pass)


def on_pre_build(config: MkDocsConfig) -> None:
    _sources.clear()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "source" in page.meta and "essay" in page.meta:
        # Markup once overrides/hooks/literal_front_matter.py has run
        for source in [page.meta["source"], *page.meta.get("images", [])]:
            _sources.add(source.unescape() if isinstance(source, Markup) else source)
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent.resolve()
    copies = []
    for source in sorted(_sources):
        path = (root / source).resolve()
        if Path(source).is_absolute() or not path.is_relative_to(root) or not path.is_file():
            # it becomes a path under site/ too, so it must be a project-relative path like raw/x.txt
            raise PluginError(f"source: {source!r} is not a project-relative path of a file in the project")
        copies.append((path, Path(config.site_dir) / source))

    def copy() -> None:
        for path, target in copies:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)

    background.run(f"the raw sources in {config.site_dir}", copy)  # checked above; nothing later reads the copies
