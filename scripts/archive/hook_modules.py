"""What site hooks need of each other and of the build: another hook's module, and which language pass is on."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType


def loaded_hook(config: object, file_name: str) -> ModuleType:
    """The module of overrides/hooks/<file_name> as MkDocs loaded it (importing the file again would give a second
    copy with empty globals)."""
    return next(m for m in config["hooks"].values() if Path(m.__file__).name == file_name)


def outermost(config: object) -> bool:
    """True in the first of mkdocs-static-i18n's language passes, which runs the others inside its post_build step
    (priority -100): so a post_build handler of lower priority that finds it true runs once, after every pass."""
    i18n = config["plugins"].get("i18n")
    return not (i18n is not None and getattr(i18n, "building", False))
