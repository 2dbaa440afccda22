#!/usr/bin/env python3
"""Turn every raw text in raw/ into its page docs/<lang>/essays/<essay-id>.md: the archive's one import command.

Usage: python scripts/normalize.py [--raw DIR] [--docs DIR] [--check]

Exit 0: pages are up to date (written, or already so). Exit 1 (--check only): some page is stale, missing or
orphaned; nothing is written. Exit 2: some input is bad; every problem is printed as 'path: reason' and
nothing under docs/ is written or removed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from archive.catalog import Entry, parse_catalog
from archive.decode import DecodeError, decode_raw
from archive.normalize import NormalizeError, Page, normalize
from archive.render import read_front_matter

CATALOG = "catalog.yml"
SKIPPED = (CATALOG, "README.md", "README.txt")


@dataclass
class Plan:
    pages: dict[str, tuple[Page, str]]  # docs-relative path -> page, raw source
    write: dict[str, str]  # docs-relative path -> new content (new or changed pages only)
    remove: list[str]  # generated pages whose raw file is gone
    problems: list[str]


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in SKIPPED)


def generated_pages(docs_dir: Path) -> dict[str, str]:
    """Pages this command wrote earlier (they carry source_sha256), by docs-relative path, with their text."""
    found = {}
    for path in sorted(docs_dir.glob("*/essays/*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        meta = read_front_matter(text)
        if meta and "source_sha256" in meta:
            found[path.relative_to(docs_dir).as_posix()] = text
    return found


def plan(raw_dir: Path, docs_dir: Path) -> Plan:
    """Read raw/ and docs/, decide every page; nothing is written here."""
    problems: list[str] = []
    files = raw_files(raw_dir) if raw_dir.is_dir() else []
    if not raw_dir.is_dir():
        problems.append(f"{raw_dir}: no such directory")
    entries: dict[str, Entry] = {}
    catalog_path = raw_dir / CATALOG
    if catalog_path.is_file():
        entries, catalog_problems = parse_catalog(
            catalog_path.read_text(encoding="utf-8"), catalog_path.as_posix(), {p.name for p in files}
        )
        problems += catalog_problems
    pages: dict[str, tuple[Page, str]] = {}
    for path in files:
        source = path.as_posix()
        data = path.read_bytes()
        try:
            page = normalize(decode_raw(data), source, hashlib.sha256(data).hexdigest(), entries.get(path.name, Entry()))
        except (DecodeError, NormalizeError) as e:
            problems.append(f"{source}: {e}")
            continue
        if page.path in pages:
            other = pages[page.path][1]
            problems.append(
                f"{source}: essay '{page.meta['essay']}' in '{page.meta['lang']}' is already made from {other}; "
                "give one of them another 'essay' or 'lang' in the catalog, or remove it"
            )
            continue
        pages[page.path] = (page, source)
    existing = generated_pages(docs_dir) if docs_dir.is_dir() else {}
    for rel in pages:
        target = docs_dir / rel
        if target.exists() and rel not in existing:
            problems.append(f"{target.as_posix()}: written by hand (no source_sha256); not overwriting it with {pages[rel][1]}")
    write = {rel: page.text() for rel, (page, _) in pages.items() if existing.get(rel) != page.text()}
    remove = sorted(set(existing) - set(pages))
    return Plan(pages, write, remove, problems)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, path)


def summary(rel: str, page: Page, source: str, docs_dir: Path, status: str) -> str:
    removed = page.meta.get("removed", [])
    what = f"removed {len(removed)}: " + "; ".join(removed) if removed else "removed nothing"
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
    for rel, text in result.write.items():
        _write(args.docs / rel, text)
    for rel in result.remove:
        (args.docs / rel).unlink()
        print(f"{(args.docs / rel).as_posix()}: removed (its raw file is gone)")
    if not args.quiet:
        for rel, (page, source) in sorted(result.pages.items(), key=lambda kv: kv[1][1]):
            print(summary(rel, page, source, args.docs, "written" if rel in result.write else "unchanged"))
    print(f"normalize: {len(result.pages)} text(s), {len(result.write)} page(s) written, {len(result.remove)} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
