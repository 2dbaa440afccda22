"""The disk edge: read raw/ and docs/, plan every page, and write or remove pages; the only module touching files."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .catalog import Entry, parse_catalog
from .decode import DecodeError, decode_raw
from .normalize import NormalizeError, Page, normalize

CATALOG = "catalog.yml"
_OWNED = re.compile(r"^source_sha256: ", re.M)
SKIPPED = (CATALOG, "README.md", "README.txt")
# Files a text may show as images (a relative path from the text); they are published with its page, not read as
# texts. SVG is not among them: opened on its own, it could run script on the site's origin.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")


@dataclass
class Plan:
    pages: dict[str, tuple[Page, str]]  # docs-relative path -> page, raw source
    write: dict[str, str]  # docs-relative path -> new content (new or changed pages only)
    remove: list[str]  # generated pages whose raw file is gone
    problems: list[str]


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in SKIPPED
                  and not is_image(p))


def is_image(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def raw_images(raw_dir: Path) -> frozenset[str]:
    """Image files under raw/ (in sub-folders too, none behind a symbolic link), as project paths 'raw/…'."""
    found = set()
    for folder, dirs, names in os.walk(raw_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (Path(folder) / d).is_symlink()]
        for name in names:
            path = Path(folder) / name
            if is_image(path) and not name.startswith(".") and not path.is_symlink() and path.is_file():
                found.add(f"{raw_dir.resolve().name}/{path.relative_to(raw_dir).as_posix()}")
    return frozenset(found)


def generated_pages(docs_dir: Path) -> dict[str, str]:
    """Pages this command wrote earlier (they carry source_sha256), by docs-relative path, with their text."""
    found = {}
    for path in sorted(docs_dir.glob("*/essays/*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        # A key line inside the front-matter block, not a YAML parse: 2,000 pages are looked at on every run.
        end = text.find("\n---\n", 4) if text.startswith("---\n") else -1
        if end > 0 and _OWNED.search(text, 4, end + 1):
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
    images = raw_images(raw_dir) if raw_dir.is_dir() else frozenset()
    for path in files:
        # The raw file as the project names it ("raw/<name>"), wherever the command runs from: pages are byte-stable.
        source = f"{raw_dir.resolve().name}/{path.name}"
        data = path.read_bytes()
        try:
            page = normalize(decode_raw(data), source, hashlib.sha256(data).hexdigest(), entries.get(path.name, Entry()),
                             images)
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
    write = {rel: page.text for rel, (page, _) in pages.items() if existing.get(rel) != page.text}
    remove = sorted(set(existing) - set(pages))
    return Plan(pages, write, remove, problems)


def write_file(path: Path, text: str) -> None:
    """Replace a page atomically, so a reader (or mkdocs serve) never sees half of one; a new page is written in
    place (no old version to protect, and half the file-system work when 2,000 pages are new)."""
    data = text.encode("utf-8")
    try:
        with open(path, "xb") as f:
            f.write(data)
        return
    except FileExistsError:
        pass
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def apply_plan(result: Plan, docs_dir: Path) -> list[str]:
    """Write the new and changed pages, remove the orphaned ones; one line per page touched."""
    done = []
    for folder in {(docs_dir / rel).parent for rel in result.write}:
        folder.mkdir(parents=True, exist_ok=True)
    for rel, text in result.write.items():
        write_file(docs_dir / rel, text)
        done.append(f"{(docs_dir / rel).as_posix()}: written")
    for rel in result.remove:
        (docs_dir / rel).unlink()
        done.append(f"{(docs_dir / rel).as_posix()}: removed (its raw file is gone)")
    return done
