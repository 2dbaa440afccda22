"""Hook: compile each Jinja template once per process, not once per language.

mkdocs-static-i18n builds the site in four passes, and MkDocs makes a new Jinja environment for each: every one of
Material's templates was compiled four times (149 compilations, 6 % of a 2,000-page build, notes/bench.md). A
bytecode cache shared by the passes hands the later ones the compiled code. Jinja checks each entry against its
template's source, so an edited template (under `make serve`) is compiled anew.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_cache = MemoryBytecodeCache()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _cache
    return env
