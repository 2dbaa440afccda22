"""MkDocs hook: under `mkdocs serve`, re-run the normalizer before each rebuild, so edits in raw/ show at once."""

from __future__ import annotations

import logging
from pathlib import Path

from archive.files import Memo, apply_plan, plan

log = logging.getLogger("mkdocs.hooks.normalize_on_serve")
_command = None
_memo = Memo()  # files unchanged since the last run are not read or normalized again (archive.files.plan)


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_pre_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if _command != "serve" or (i18n is not None and getattr(i18n, "building", False)):
        return  # `make build` normalizes first itself; static-i18n's per-language passes need no second run
    root = Path(config.config_file_path).parent
    result = plan(root / "raw", Path(config.docs_dir), memo=_memo)
    if result.problems:
        for problem in result.problems:
            log.warning("normalize: %s (nothing written)", problem)
        return
    for line in apply_plan(result, Path(config.docs_dir)):
        log.info("normalize: %s", line)
