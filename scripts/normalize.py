#!/usr/bin/env python3
"""Turn every raw text in raw/ into its page docs/<lang>/essays/<essay-id>.md: the archive's one import command.

Usage: python scripts/normalize.py [--raw DIR] [--docs DIR] [--check] [--verbose | --quiet]

Prints one line per text whose page changed (written, or removed because its raw file is gone) and a summary;
--verbose prints every text, --quiet only the summary. On a terminal, a progress bar runs on stderr while many
texts are read. Exit 0: pages are up to date (written, or already so). Exit 1 (--check only): some page is stale,
missing or orphaned; nothing is written. Exit 2: some input is bad; every problem is printed as 'path: reason' and
nothing under docs/ is written or removed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from archive.files import apply_plan, plan
from archive.languages import removal_text
from archive.normalize import Page

PROGRESS_MIN = 200  # texts: below this a run takes well under a second and a bar would only flicker
PROGRESS_WIDTH = 30


def summary(rel: str, page: Page, source: str, docs_dir: Path, status: str) -> str:
    removed = page.meta.get("removed", [])
    what = f"removed {len(removed)}: " + "; ".join(removal_text(r, "en") for r in removed) if removed else "removed nothing"
    return f"{source} -> {(docs_dir / rel).as_posix()} [{page.meta['lang']}] {status}; {what}"


class ProgressBar:
    """A one-line bar on a terminal's stderr: `normalize [#####-----] 1,234/2,005`, redrawn at most 10 times a second."""

    def __init__(self, stream):
        self.stream = stream
        self.shown = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total < PROGRESS_MIN or (done < total and now - self.shown < 0.1):
            return
        self.shown = now
        filled = PROGRESS_WIDTH * done // total
        bar = "#" * filled + "-" * (PROGRESS_WIDTH - filled)
        self.stream.write(f"\rnormalize [{bar}] {done:,}/{total:,}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:  # leave the line empty for what is printed next
            self.stream.write("\r" + " " * (PROGRESS_WIDTH + 40) + "\r")
            self.stream.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", default="raw", type=Path, help="folder of raw texts (default: raw)")
    parser.add_argument("--docs", default="docs", type=Path, help="folder of pages (default: docs)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any page is not up to date")
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("--verbose", action="store_true", help="a line for every text, unchanged ones too")
    talk.add_argument("--quiet", action="store_true", help="print only problems and the summary")
    args = parser.parse_args(argv)

    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = plan(args.raw, args.docs, progress=bar)
    finally:
        if bar:
            bar.close()
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"normalize: {len(result.problems)} problem(s); nothing written", file=sys.stderr)
        return 2
    if args.check:
        for rel in sorted(result.write):
            state = "missing" if not (args.docs / rel).exists() else "stale"
            print(f"{(args.docs / rel).as_posix()}: {state} (run scripts/normalize.py)")
        for rel in result.remove:
            print(f"{(args.docs / rel).as_posix()}: orphaned (its raw file is gone)")
        stale = len(result.write) + len(result.remove)
        print(f"normalize --check: {len(result.pages)} page(s), {stale} not up to date")
        return 1 if stale else 0
    for line in apply_plan(result, args.docs):
        if line.endswith("(its raw file is gone)") and not args.quiet:
            print(line)
    if not args.quiet:
        for rel, (page, source) in sorted(result.pages.items(), key=lambda kv: kv[1][1]):
            if rel in result.write or args.verbose:
                print(summary(rel, page, source, args.docs, "written" if rel in result.write else "unchanged"))
    unchanged = len(result.pages) - len(result.write)
    print(f"normalize: {len(result.pages)} text(s), {len(result.write)} page(s) written, {len(result.remove)} removed, "
          f"{unchanged} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
