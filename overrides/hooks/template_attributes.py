"""Hook: the data templates read (the page's front-matter, every dict our hooks put into its context, the palette) is
handed over as dicts whose keys are also attributes, so `entry.url` costs Jinja a lookup, not an exception.

Jinja reads `x.url` as getattr(x, "url") first and x["url"] only when that raises: on a plain dict every such read
raised and caught an AttributeError, about 340 per page (most of the 3.7 % of a 20,000-text build that Jinja's
getattr took, notes/bench.md). A View answers the same reads in the same order (a dict's own attributes first, then
its keys, else undefined).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


class View(dict):
    """A dict whose keys are attributes too (a dict's own attributes, like `items`, come first, as in Jinja)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def as_view(value: Any) -> Any:
    """Every dict inside dicts and lists as a View; anything else as it is."""
    if isinstance(value, dict):
        return View({key: as_view(item) for key, item in value.items()})
    if type(value) is list:
        return [as_view(item) for item in value]
    return value


@event_priority(-1000)  # after every hook that fills the context
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    for key, value in context.items():
        # Our lists of dicts (the switcher's entries, the 404 page's languages) hold dicts only, so the first item
        # tells. Looking further made every page scan MkDocs' `pages`, a list of every page of the site: 3.8 % of a
        # 20,005-text build, growing with the square of the archive.
        if type(value) is dict or (type(value) is list and value and type(value[0]) is dict):
            context[key] = as_view(value)
    page.meta = as_view(page.meta)
    return context


def on_pre_build(config: MkDocsConfig) -> None:
    # Material's templates read the palette's settings on every page; each pass has its own (mkdocs-static-i18n's)
    config.theme["palette"] = as_view(config.theme["palette"])
