#!/usr/bin/env python3
"""`make serve`: build the site once, serve it with live reload, and rebuild only what each change touches.

Usage: python scripts/serve.py [--port 8000] [--root PROJECT]

The first build is a full one, into a temporary folder, with the site's own configuration (unlike `mkdocs serve`,
which rewrites site_url, so the pages served are the ones `make build` writes). On a change it re-runs the
normalizer if raw/ changed (reading again only the files whose size, mtime or inode changed, and decoding and
normalizing again only the texts whose bytes, catalog entry or images changed: archive.files.Memo), then: pages
under docs/ changed (by hand or by the normalizer) → a dirty build
that renders the pages the change touches, in the language passes that have such pages
(overrides/hooks/incremental_build.py, language_passes.py); anything else (templates, hooks, scripts, mkdocs.yml,
raw/catalog.yml, files under docs/ that are not pages) → a full build, and every text normalized anew. Either way
what is served is byte for byte what a fresh `make build` of the same files writes (tests/test_serve.py). A bad raw
file or a failed build is reported and the server keeps serving the last good site.

Changes are seen through the operating system's file events (inotify on Linux), not by MkDocs' default of listing
every watched file each 0.5 s (4,000 files at 2,000 texts): an edit starts its rebuild at once. Where there are no
such events (a watch limit reached, an unsupported file system) it falls back to MkDocs' polling and says so. The
events of the server's own writes (the normalizer's pages, Python's bytecode caches) are let pass: they would start a
second rebuild that finds nothing to do, and reload the reader's page a second time.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from archive import languages
from archive.files import Memo, Stat, apply_plan, plan, stat_key, text_digest

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("docs", "raw", "overrides", "scripts", "mkdocs.yml")
HOOK = "overrides/hooks/incremental_build.py"  # as mkdocs.yml names them: MkDocs keys hooks by that path
SEARCH_HOOK = "overrides/hooks/search_index.py"
log = logging.getLogger("serve")

Snapshot = dict[str, Stat]


def quiet_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every dirty build that links may be stale (strict mode would fail on it); here they are not:
    the pages whose links change are the ones rebuilt."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


logging.getLogger("mkdocs.commands.build").addFilter(quiet_dirty_warning)


def snapshot(root: Path) -> Snapshot:
    """Project-relative path -> Stat of every watched file (os.walk: taken twice per rebuild, of 4,000
    files at 2,000 texts)."""
    found: Snapshot = {}

    def add(path: str, rel: str) -> None:
        try:
            stat = os.stat(path)
        except OSError:  # gone meanwhile, or a broken link
            return
        if S_ISREG(stat.st_mode):
            found[rel] = stat_key(stat)

    for name in WATCHED:
        add(str(root / name), name)
        for folder, dirs, files in os.walk(root / name):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            rel = Path(folder).relative_to(root).as_posix()
            for file in files:
                add(os.path.join(folder, file), f"{rel}/{file}")
    return found


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def only_pages(changed: set[str]) -> set[str] | None:
    """The pages (src_uri under docs/) a change is made of, or None when it is more than pages (a full build)."""
    pages = set()
    for path in changed:
        if path.startswith("raw/") and path != "raw/catalog.yml":
            continue  # the normalizer has turned it into page changes already
        if not (path.startswith("docs/") and path.endswith(".md")):
            return None
        pages.add(path.removeprefix("docs/"))
    return pages


@dataclass
class Rebuild:
    kind: str  # "full", "pages", "none" or "failed"
    pages: int  # pages changed (for "pages")
    seconds: float
    languages: tuple[str, ...] = ()  # the language passes run (for "pages")


class Site:
    """The project at `root`, built into `site_dir`."""

    def __init__(self, root: Path, site_dir: Path):
        self.root, self.site_dir = root, site_dir
        self.seen: Snapshot = {}
        self.memo = Memo()  # what the normalizer read and made: unchanged files are not read or normalized again
        self.unsure = False  # the last build failed, having written who knows what: the next one is a full build
        # the pages the normalizer wrote (absolute path -> sha256 of the text) or removed (None) in this rebuild
        self.wrote: dict[str, str | None] = {}

    def normalize(self) -> bool:
        result = plan(self.root / "raw", self.root / "docs", memo=self.memo)
        for problem in result.problems:
            log.warning("normalize: %s (nothing written)", problem)
        if result.problems:
            return False
        docs = self.root / "docs"
        self.wrote = {**{str(docs / rel): text_digest(text) for rel, text in result.write.items()},
                      **{str(docs / rel): None for rel in result.remove}}
        for line in apply_plan(result, docs):
            log.info("normalize: %s", line)
        return True

    def own_write(self, path: str) -> bool:
        """Whether a file event at `path` comes from this process: a page as the normalizer wrote it in the rebuild
        under way (its text is the one written; an archivist's edit is not), a page it removed and still gone, the
        temporary file it replaces a page through, or a Python bytecode cache."""
        folder, name = os.path.split(path)
        if "__pycache__" in Path(folder).parts or name.endswith(".pyc"):
            return True
        if name.startswith(".") and name.endswith(".tmp"):  # archive.files.write_file's
            return os.path.join(folder, name[1:-4]) in self.wrote
        if path not in self.wrote:
            return False
        try:
            return text_digest(Path(path).read_text(encoding="utf-8")) == self.wrote[path]
        except FileNotFoundError:
            return self.wrote[path] is None
        except (OSError, UnicodeDecodeError):
            return False

    def build(self, pages: set[str] | None) -> tuple[str, ...]:
        """Build the site, in full or (pages) dirty; the languages whose pass ran."""
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir))
        config.plugins[HOOK].rebuild_only(pages)
        config.plugins[SEARCH_HOOK].keep_counts()
        dirty = pages is not None
        # mkdocs-static-i18n builds the other languages with dirty=("--dirty" in sys.argv): say it there too.
        argv = sys.argv
        sys.argv = [*argv, "--dirty"] if dirty else [a for a in argv if a != "--dirty"]
        try:
            config.plugins.on_startup(command="build", dirty=dirty)
            try:
                build(config, dirty=dirty)
            finally:
                config.plugins.on_shutdown()
        finally:
            sys.argv = argv
        run = config.plugins[HOOK].passes()
        return tuple(code for code in languages.CODES if run is None or code in run)

    def first_build(self) -> Rebuild:
        start = time.perf_counter()
        self.seen = snapshot(self.root)
        if not self.normalize():
            raise SystemExit(2)
        self.seen = snapshot(self.root)
        self.build(None)
        return Rebuild("full", 0, time.perf_counter() - start)

    def rebuild(self) -> Rebuild:
        """Bring the site up to date with the files, doing as little as the change allows."""
        try:
            return self._rebuild()
        finally:
            # the file events of the normalizer's writes came while the site was built; a later event at one of those
            # pages is an archivist's edit, even one that puts back the text the normalizer wrote
            self.wrote = {}

    def _rebuild(self) -> Rebuild:
        start = time.perf_counter()
        now = snapshot(self.root)
        changed = changed_paths(self.seen, now)
        if not changed:
            return Rebuild("none", 0, 0.0)
        if only_pages(changed) is None:
            self.memo.made.clear()  # more than texts and pages changed (catalog, code): normalize every text anew
        if any(p.startswith("raw/") for p in changed):
            self.normalize()  # on a problem it writes nothing: the pages stay as they were
            now = snapshot(self.root)
            changed |= changed_paths(self.seen, now)
        pages = None if self.unsure else only_pages(changed)
        try:
            run = self.build(pages)
        except (MkDocsException, OSError) as err:
            log.error("build failed: %s (still serving the last good site)", err)
            self.seen, self.unsure = now, True
            return Rebuild("failed", 0, time.perf_counter() - start)
        self.seen, self.unsure = now, False
        if pages is None:
            return Rebuild("full", 0, time.perf_counter() - start, run)
        return Rebuild("pages", len(pages), time.perf_counter() - start, run)


def passing(observer_class: type, ignored: Callable[[str], bool]) -> type:
    """A watchdog observer class that hands on only the events of a change (inotify also reports every file the
    build opens and closes unchanged) and none all of whose paths are `ignored`."""
    from watchdog.events import EVENT_TYPE_CLOSED_NO_WRITE, EVENT_TYPE_OPENED, FileSystemEventHandler

    class Unless(FileSystemEventHandler):
        def __init__(self, handler: FileSystemEventHandler):
            self.handler = handler

        def dispatch(self, event) -> None:
            if event.event_type in (EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE):
                return
            if not all(ignored(os.fsdecode(p)) for p in (event.src_path, event.dest_path) if p):
                self.handler.dispatch(event)

    class Passing(observer_class):
        def schedule(self, event_handler, path, **kwargs):
            return super().schedule(Unless(event_handler), path, **kwargs)

    return Passing


def live_server(builder: Callable[[], None], host: str, port: int, root: str, watched: list[Path],
                ignored: Callable[[str], bool] = lambda path: False):
    """MkDocs' live-reload server watching `watched` through file events, or by polling where events fail; events
    whose paths are all `ignored` start no rebuild."""
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    def start(observer) -> LiveReloadServer:
        server = LiveReloadServer(builder=builder, host=host, port=port, root=root)
        server.observer = observer  # its public attribute
        try:
            for path in watched:
                server.watch(str(path))
        except OSError:
            server.observer.stop()
            server.server_close()
            raise
        return server

    try:
        return start(passing(Observer, ignored)())  # MkDocs' own choice is a PollingObserver
    except OSError as err:  # e.g. inotify's watch limit (fs.inotify.max_user_watches)
        log.warning("no file events (%s): watching by polling every 0.5 s instead", err)
    return start(passing(PollingObserver, ignored)(timeout=0.5))  # as MkDocs makes it


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (default: this one)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix="archive-serve-") as tmp:
        site = Site(args.root.resolve(), Path(tmp))
        done = site.first_build()
        log.info("built in %.1f s", done.seconds)

        def rebuild() -> None:
            done = site.rebuild()
            if done.kind != "none":
                log.info("rebuilt (%s%s%s) in %.2f s", done.kind, f", {done.pages} page(s)" if done.pages else "",
                         f", passes {' '.join(done.languages)}" if done.kind == "pages" else "", done.seconds)

        watched = [site.root / name for name in WATCHED if (site.root / name).exists()]
        server = live_server(rebuild, args.host, args.port, tmp, watched, site.own_write)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("shutting down")
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
