"""Hook: wait for the files written by second processes (archive.background, started by hooks/background_start.py)
once every language pass is done, and fail the build if any of that failed; also when the build fails, so that
nothing is still writing into the site when MkDocs exits."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from archive import background
from archive.hook_modules import outermost


@event_priority(-150)  # after mkdocs-static-i18n's passes (-100), before the hooks that list the site's files (-200)
def on_post_build(config: MkDocsConfig) -> None:
    if outermost(config):
        try:
            background.finish()
        except background.BackgroundError as err:
            raise PluginError(f"writing the site: {err}") from None


def on_build_error(error: Exception) -> None:
    try:
        background.finish()
    except background.BackgroundError:
        pass  # the build's own error is the one reported
