"""Hook: at the end of each language pass, one second process (archive.background) for the files this pass's hooks
queued (its search index, citation files, raw sources), so that the next pass renders while they are written.
hooks/background_finish.py waits for them."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from archive import background


@event_priority(-50)  # after the hooks' own post_build (0), before mkdocs-static-i18n (-100) starts the next pass
def on_post_build(config: MkDocsConfig) -> None:
    background.start()
