"""Hook: a `make serve` rebuild runs only the language passes that have something to render
(hooks/incremental_build.py decides which: `passes()`).

mkdocs-static-i18n builds the default language first and, at the end of that pass (its post_build), each other
language whose `build` is true, in a list it makes once. Just before that, this hook turns `build` off for the
languages left out, and turns it back on when the next pass begins (its config event) or the build ends, so every pass
that runs sees every language as a full build does (the switcher's languages, each page's alternates, the search
languages). Outside scripts/serve.py, and in its full builds, this hook changes nothing.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from archive.hook_modules import loaded_hook, outermost

_off: list = []  # static-i18n's language configs turned off for this build


@event_priority(-90)  # after the other hooks' post_build, just before static-i18n's (-100) starts the other passes
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    passes = loaded_hook(config, "incremental_build.py").passes()
    if i18n is None or not outermost(config) or passes is None:
        return
    for lang in i18n.config.languages:
        if lang.build and lang.locale not in passes:
            lang.build = False
            _off.append(lang)


def on_config(config: MkDocsConfig) -> None:
    _restore()


def on_shutdown() -> None:
    _restore()


def _restore() -> None:
    for lang in _off:
        lang.build = True
    _off.clear()
