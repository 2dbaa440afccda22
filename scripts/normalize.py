#!/usr/bin/env python3
"""Turn every raw text in raw/ into its page docs/<lang>/essays/<essay-id>.md: the archive's one import command.

Usage: python scripts/normalize.py [--raw DIR] [--docs DIR] [--check]

Exit 0: pages are up to date (written, or already so). Exit 1 (--check only): some page is stale, missing or
orphaned; nothing is written. Exit 2: some input is bad; every problem is printed as 'path: reason' and
nothing under docs/ is written or removed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive.files import apply_plan, plan
from archive.languages import removal_text
from archive.normalize import Page


def summary(rel: str, page: Page, source: str, docs_dir: Path, status: str) -> str:
    removed = page.meta.get("removed", [])
    what = f"removed {len(removed)}: " + "; ".join(removal_text(r, "en") for r in removed) if removed else "removed nothing"
    return f"{source} -> {(docs_dir / rel).as_posix()} [{page.meta['lang']}] {status}; {what}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", default="raw", type=Path, help="folder of raw texts (default: raw)")
    parser.add_argument("--docs", default="docs", type=Path, help="folder of pages (default: docs)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any page is not up to date")
    parser.add_argument("--quiet", action="store_true", help="print only problems and the final count")
    args = parser.parse_args(argv)

    result = plan(args.raw, args.docs)
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
        if line.endswith("(its raw file is gone)"):
            print(line)
    if not args.quiet:
        for rel, (page, source) in sorted(result.pages.items(), key=lambda kv: kv[1][1]):
            print(summary(rel, page, source, args.docs, "written" if rel in result.write else "unchanged"))
    print(f"normalize: {len(result.pages)} text(s), {len(result.write)} page(s) written, {len(result.remove)} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
