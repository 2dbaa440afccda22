"""overrides/hooks/alignments.py: an essay is aligned from the passages its pages were rendered with; a version no
page rendered in this process (the fallback) is rendered by the hook itself, with the same passages."""

from __future__ import annotations

import os

from conftest import ROOT
from mkdocs.commands.build import build
from mkdocs.config import load_config

from archive.hook_modules import loaded_hook


def test_the_fallback_renders_the_passages_the_pages_have(tmp_path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    hook = loaded_hook(config, "alignments.py")
    assert hook._versions, "the seeds hold an essay with two or more versions"
    from_pages = {essay: hook.aligned_essay(essay, config, render=False) for essay in hook._versions}
    assert all(from_pages.values())  # every version was rendered by its page, nothing left to the fallback
    hook._rendered.clear()
    hook._cache.clear()
    assert all(hook.aligned_essay(essay, config, render=False) is None for essay in hook._versions)
    for essay, aligned in from_pages.items():
        again = hook.aligned_essay(essay, config, render=True)
        assert again.published() == aligned.published()
        assert again.passages == aligned.passages  # ids, kinds, texts and the HTML the parallel pages show
