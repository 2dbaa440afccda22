"""Reach another site hook's state: MkDocs keeps every hook module it loaded in config.hooks."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType


def loaded_hook(config: object, file_name: str) -> ModuleType:
    """The module of overrides/hooks/<file_name> as MkDocs loaded it (importing the file again would give a second
    copy with empty globals)."""
    return next(m for m in config["hooks"].values() if Path(m.__file__).name == file_name)
