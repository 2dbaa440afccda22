"""Ship the search worker as one script: the built site's worker.js is worker.js followed by snowball.js,
tokenize.js and engine.js, so the worker starts after one request instead of four (about 100 ms sooner to the first
result on this machine, see notes/search.md), and its index download starts before the rest is run. The parts stay
separate in overrides/ for the tests, which run them under Node."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

FOLDER = Path("assets") / "javascripts" / "search"
PARTS = ("snowball.js", "tokenize.js", "engine.js")  # in load order, after worker.js
MARK = "// One file: " + " + ".join(("worker.js", *PARTS)) + ", joined by overrides/hooks/search_worker.py\n"


def on_post_build(config: MkDocsConfig) -> None:
    # static-i18n builds each language in turn into one site, and each build copies the theme's files again.
    folder = Path(config.site_dir) / FOLDER
    worker = folder / "worker.js"
    text = worker.read_text(encoding="utf-8")
    if text.startswith(MARK):
        return
    parts = [(folder / name).read_text(encoding="utf-8") for name in PARTS]
    worker.write_text(MARK + "\n".join([text, *parts]), encoding="utf-8")
