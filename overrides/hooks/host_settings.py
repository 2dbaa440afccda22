"""Hook: write site/_redirects and site/_headers (archive.host), once every language's pass has written its files.

mkdocs-static-i18n builds the other languages inside the default language's post-build step, so the build that
ends last is the one that began first (archive.hook_modules.outermost); this hook comes last in mkdocs.yml's list of
those that write at that point (hooks/alignments.py writes site/alignments/ there), so it sees every file.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from archive import host
from archive.hook_modules import outermost


@event_priority(-200)  # after mkdocs-static-i18n's post-build step (-100), which runs the other languages' passes
def on_post_build(config: MkDocsConfig) -> None:
    if not outermost(config):
        return
    site = Path(config.site_dir)
    (site / "_redirects").write_text(host.redirects(), encoding="utf-8")
    settings = {"_redirects", "_headers"}  # read by the host, never served
    files: list[str] = []
    for folder, _, names in os.walk(site):  # one directory read per folder, no stat per file (2,000 essays make 10,000)
        rel = os.path.relpath(folder, site).replace(os.sep, "/")
        files += [f"{rel}/{name}" for name in names] if rel != "." else [n for n in names if n not in settings]
    (site / "_headers").write_text(host.headers(files), encoding="utf-8")
