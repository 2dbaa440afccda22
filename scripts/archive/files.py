"""The disk edge: read raw/ and docs/, plan every page, and write or remove pages; the only module touching files."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Entry, parse_catalog
from .decode import DecodeError, decode_raw
from .essay_facts import share_facts
from .normalize import NormalizeError, Page, normalize

CATALOG = "catalog.yml"
_OWNED = re.compile(r"^source_sha256: ", re.M)
# Files in raw/ that are not texts: images the texts show (published beside their page), in raw/ or a folder of it.
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
# The images a page may show. Not SVG: opened on its own from the site, an SVG could run script on its origin.
SHOWN_SUFFIXES = tuple(s for s in ASSET_SUFFIXES if s != ".svg")


@dataclass
class Plan:
    pages: dict[str, tuple[Page, str]]  # docs-relative path -> page, raw source
    write: dict[str, str]  # docs-relative path -> new content (new or changed pages only)
    remove: list[str]  # generated pages whose raw file is gone
    problems: list[str]


def raw_files(raw_dir: Path) -> tuple[list[Path], list[str]]:
    """The texts in raw/, and a problem for every file that is neither a text nor ignored on purpose.

    Ignored: dotfiles and dot-folders, raw/catalog.yml, and images (ASSET_SUFFIXES) in raw/ or its folders. Every
    other file directly in raw/ is a text, README.md included. A symbolic link is refused (a path that is not one, in
    a folder that is not one, is inside raw/): a site built from contributed files must publish nothing from
    elsewhere on the machine. Listed with os.scandir, which tells links, folders and files apart without a system
    call per file (scripts/serve.py lists raw/ on every change).
    """
    texts: list[Path] = []
    problems: list[str] = []
    shown = raw_dir.resolve().name

    def walk(folder: Path, rel: str) -> None:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            name = f"{rel}{entry.name}"
            where = f"{shown}/{name}"
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                problems.append(f"{where}: a symbolic link (to {os.readlink(entry.path)}); raw/ takes real files only, "
                                "so that nothing outside it is published: put a copy of the file here instead")
            elif entry.is_dir(follow_symlinks=False):
                walk(folder / entry.name, f"{name}/")
            elif os.path.splitext(entry.name)[1].lower() in ASSET_SUFFIXES or (not rel and entry.name == CATALOG):
                continue
            elif rel:
                problems.append(f"{where}: only images go into folders of raw/; put texts into raw/ itself")
            elif entry.is_file(follow_symlinks=False):
                texts.append(folder / entry.name)
            else:
                problems.append(f"{where}: not a regular file")

    walk(raw_dir, "")
    return texts, problems


Stat = tuple[int, int, int]  # mtime (ns), size and inode: while all three stay, a file's bytes are taken as the same


def stat_key(st: os.stat_result) -> Stat:
    return st.st_mtime_ns, st.st_size, st.st_ino


def stat_of(path: str | Path) -> Stat:
    return stat_key(os.stat(path))


def raw_images(raw_dir: Path) -> frozenset[str]:
    """The images under raw/ that pages may show (none behind a symbolic link), as project paths 'raw/…'."""
    found = set()
    for folder, dirs, names in os.walk(raw_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (Path(folder) / d).is_symlink()]
        for name in names:
            path = Path(folder) / name
            if path.suffix.lower() in SHOWN_SUFFIXES and not name.startswith(".") and not path.is_symlink():
                found.add(f"{raw_dir.resolve().name}/{path.relative_to(raw_dir).as_posix()}")
    return frozenset(found)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# What normalize made of each raw text (its page, or the problem), by the project path "raw/<name>", with what it was
# made from: the bytes' sha256, the catalog entry and the images under raw/. Everything normalize reads is in that
# key (it is a pure function of them); what depends on other texts (shared facts, two texts claiming one page, pages
# whose text is gone) plan() decides afresh every time.
Made = dict[str, tuple[tuple[str, Entry, frozenset[str]], "Page | str"]]


@dataclass
class Memo:
    """What a process that plans again and again (scripts/serve.py) keeps from one plan to the next, so that a plan
    reads and normalizes only the files that changed and still decides what a fresh one decides.

    `made`: what normalize made of each raw text (Made). `digests`: each raw text's sha256, by project path, with the
    Stat it was read at. `pages`: each page under docs/<lang>/essays/, by docs-relative path, with the Stat it was read
    at: the sha256 of its text if this command wrote it, None if it was written by hand."""

    made: Made = field(default_factory=dict)
    digests: dict[str, tuple[Stat, str]] = field(default_factory=dict)
    pages: dict[str, tuple[Stat, str | None]] = field(default_factory=dict)


def generated_pages(docs_dir: Path, memo: Memo | None = None) -> dict[str, str]:
    """Pages this command wrote earlier (they carry source_sha256), by docs-relative path, with their text's sha256;
    a page whose Stat is the one in `memo` is not read again."""
    found: dict[str, str] = {}
    seen: dict[str, tuple[Stat, str | None]] = {}
    for lang in sorted(os.scandir(docs_dir), key=lambda e: e.name):
        essays = os.path.join(lang.path, "essays")
        if lang.name.startswith(".") or not lang.is_dir() or not os.path.isdir(essays):
            continue
        for entry in os.scandir(essays):
            if entry.name.startswith(".") or not entry.name.endswith(".md") or not entry.is_file():
                continue
            rel = f"{lang.name}/essays/{entry.name}"
            key = stat_key(entry.stat())
            cached = memo.pages.get(rel) if memo else None
            if cached and cached[0] == key:
                digest = cached[1]
            else:
                with open(entry.path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                # A key line inside the front-matter block, not a YAML parse: 2,000 pages are looked at on every run.
                end = text.find("\n---\n", 4) if text.startswith("---\n") else -1
                digest = text_digest(text) if end > 0 and _OWNED.search(text, 4, end + 1) else None
            seen[rel] = (key, digest)
            if digest is not None:
                found[rel] = digest
    if memo is not None:
        memo.pages = seen
    return dict(sorted(found.items()))


def file_sha256(path: str | Path, kept: dict[str, tuple[Stat, str]] | None, name: str) -> tuple[str, bytes | None]:
    """A file's sha256, and its bytes if they had to be read: not when `kept` holds, under `name`, the digest taken
    at the file's present Stat (which this records when it reads)."""
    key = stat_of(path)
    cached = kept.get(name) if kept is not None else None
    if cached and cached[0] == key:
        return cached[1], None
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if kept is not None:
        kept[name] = (key, digest)
    return digest, data


def normalize_text(data: bytes | Callable[[], bytes], source: str, sha256: str, entry: Entry, images: frozenset[str],
                   made: Made | None = None) -> Page | str:
    """A raw text's page, or why it cannot become one; taken from `made` when nothing it depends on changed.
    `data`: the raw bytes, or a function reading them (called only when the text is normalized)."""
    key = (sha256, entry, images)
    if made is not None and source in made and made[source][0] == key:
        return made[source][1]
    try:
        result: Page | str = normalize(decode_raw(data if isinstance(data, bytes) else data()), source, sha256, entry,
                                       images)
    except (DecodeError, NormalizeError) as e:
        result = str(e)
    if made is not None:
        made[source] = (key, result)
    return result


def plan(raw_dir: Path, docs_dir: Path, progress: Callable[[int, int], None] | None = None,
         memo: Memo | None = None) -> Plan:
    """Read raw/ and docs/, decide every page; nothing is written here. `progress(done, total)` follows the texts.

    `memo`: a process that plans again and again (scripts/serve.py) passes the same Memo each time; a file whose Stat
    is unchanged is not read again, and a text whose bytes, catalog entry and images are unchanged is not decoded and
    normalized again. The plan is the same."""
    problems: list[str] = []
    files: list[Path] = []
    if raw_dir.is_dir():
        files, problems = raw_files(raw_dir)
    else:
        problems.append(f"{raw_dir}: no such directory")
    entries: dict[str, Entry] = {}
    catalog_path = raw_dir / CATALOG
    if catalog_path.is_file() and not catalog_path.is_symlink():  # a linked catalog is refused with the other links
        entries, catalog_problems = parse_catalog(
            catalog_path.read_text(encoding="utf-8"), catalog_path.as_posix(), {p.name for p in files}
        )
        problems += catalog_problems
    pages: dict[str, tuple[Page, str]] = {}
    images = raw_images(raw_dir) if raw_dir.is_dir() else frozenset()
    folder = raw_dir.resolve().name
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files))
        # The raw file as the project names it ("raw/<name>"), wherever the command runs from: pages are byte-stable.
        source = f"{folder}/{path.name}"
        digest, data = file_sha256(path, memo.digests if memo else None, source)
        page = normalize_text(data if data is not None else path.read_bytes, source, digest,
                              entries.get(path.name, Entry()), images, memo.made if memo else None)
        if isinstance(page, str):
            problems.append(f"{source}: {page}")
            continue
        if page.path in pages:
            other = pages[page.path][1]
            problems.append(
                f"{source}: essay '{page.meta['essay']}' in '{page.meta['lang']}' is already made from {other}; "
                "give one of them another 'essay' or 'lang' in the catalog, or remove it"
            )
            continue
        pages[page.path] = (page, source)
    if memo is not None:  # texts that are gone
        for source in memo.made.keys() - {f"{folder}/{path.name}" for path in files}:
            del memo.made[source]
            memo.digests.pop(source, None)
    pages, fact_problems = share_facts(pages, entries)  # versions of one essay share the original's facts
    problems += fact_problems
    if progress:
        progress(len(files), len(files))
    existing = generated_pages(docs_dir, memo) if docs_dir.is_dir() else {}
    for rel in pages:
        target = docs_dir / rel
        if rel not in existing and target.exists():
            problems.append(f"{target.as_posix()}: written by hand (no source_sha256); not overwriting it with {pages[rel][1]}")
    write = {rel: page.text for rel, (page, _) in pages.items() if existing.get(rel) != text_digest(page.text)}
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


def tree_files(root: Path, skip: str = "__pycache__") -> list[tuple[str, str]]:
    """Every file under `root` as (its path relative to root, with '/'; its full path), in sorted path order, folders
    named `skip` and linked folders left out (as pathlib's rglob walks). Listed with os.scandir: cheap enough to do
    for 20,000 pages in each of a build's four passes."""
    found: list[tuple[str, str]] = []

    def walk(folder: str, rel: str) -> None:
        for entry in os.scandir(folder):
            if entry.is_dir():
                if entry.name != skip and not entry.is_symlink():
                    walk(entry.path, f"{rel}{entry.name}/")
            elif entry.is_file():
                found.append((rel + entry.name, entry.path))

    walk(os.fspath(root), "")
    found.sort(key=lambda item: item[0].split("/"))
    return found


def write_if_changed(path: Path, text: str) -> None:
    """Write a built file unless it holds `text` already (its folders made as needed)."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def sync_folder(folder: Path, texts: dict[Path, str]) -> None:
    """Make `folder` hold exactly `texts` (path -> text, every path inside it): files it should not hold are removed,
    with the folders left empty (the folder itself too), and a file is written only when its text changed, so a
    serve rebuild rewrites (and the browser reloads for) what changed only. The folder is listed once (a search
    index holds 20,000 files)."""
    held: set[Path] = set()
    folders: list[Path] = []
    for root, _, names in os.walk(folder):
        folders.append(Path(root))
        held.update(folders[-1] / name for name in names)
    for old in held.difference(texts):
        old.unlink()
    made = set(folders)
    for path, text in texts.items():
        if path in held:
            if path.read_text(encoding="utf-8") == text:
                continue
        elif path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8")
    for sub in sorted(folders, reverse=True):  # deepest first, the folder itself last
        if not any(sub.iterdir()):
            sub.rmdir()


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
