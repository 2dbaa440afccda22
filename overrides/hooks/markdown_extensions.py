"""Hook: the Markdown extensions that keep nothing from one page to the next are made once per process and handed
to every page's Markdown instance, instead of being made anew for each page.

MkDocs makes a Markdown instance per page and hands it mkdocs.yml's extensions by name. For every name, Python-Markdown
looks it up among the installed entry points, imports it and makes the extension (pymdownx.highlight deep-copies its
defaults): 6.5 % of a 20,005-text build (notes/bench.md). An extension object can be handed over instead of its name.
It is shared only where that gives every page what a fresh one gives:

- its extendMarkdown sets up everything it uses on the instance it is given (processors, `self.md`), and
- what it keeps between pages is cleared by its reset(), which every new Markdown instance calls.

That holds for `SHARED`, checked against their code (Python-Markdown 3.11, pymdown-extensions 13.1), and the site
is byte-identical with and without it (tests/test_real_texts.py builds the real texts both ways).
pymdownx.superfences is not shared: its extendMarkdown adds to a list of fences kept on the extension, which would
grow with every page.

A shared extension points at the last page's Markdown instance, so another instance that converts later must have
its own: `by_name()` gives the names back (hooks/alignments.py renders passages with its own instance).
"""

from __future__ import annotations

import markdown
from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig

SHARED = ("toc", "tables", "fenced_code", "footnotes", "pymdownx.details", "pymdownx.highlight", "pymdownx.arithmatex")

_made: dict[str, tuple[dict, Extension]] = {}  # name -> the settings it was made with, and the extension
_names: dict[int, str] = {}  # id(extension) -> its name


def on_config(config: MkDocsConfig) -> None:
    extensions = config.markdown_extensions
    for number, name in enumerate(extensions):
        if isinstance(name, str) and name in SHARED:
            settings = config.mdx_configs.get(name, {})
            if name not in _made or _made[name][0] != settings:  # new settings (mkdocs.yml edited under serve)
                extension = markdown.Markdown().build_extension(name, dict(settings))
                if name in _made:
                    del _names[id(_made[name][1])]
                _made[name] = (settings, extension)
                _names[id(extension)] = name
            extensions[number] = _made[name][1]


def by_name(extensions: list) -> list:
    """The extensions with each shared one given back as its name: for a Markdown instance of one's own."""
    return [_names.get(id(extension), extension) for extension in extensions]
