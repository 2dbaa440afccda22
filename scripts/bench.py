#!/usr/bin/env python3
"""Benchmarks that print numbers (never assertions): what the archive costs to build and to read as it grows.

Usage: python scripts/bench.py [--sizes 50,500] [--large] [--pagefind] [--keep DIR] [--no-browser] [--normalize-only]

First it times normalizing one text of 1 MB (target: within 1 s), as the command does it, start-up included. For
each size N it makes a synthetic archive in a temporary folder: the real raw/ (seeds and catalog) plus N texts
per language made of the seeds' paragraphs and dropped in without catalog entries, as an archivist would. Then it
normalizes, builds and measures: normalize seconds, build seconds and peak memory, an essay page's size against its
size in the real five-text archive (built the same way), the site's size, the search bytes downloaded before the
first result and the time to it per language (scripts/bench_search.py), Hugo's build of the same pages when `hugo`
is installed, and at N = 500 the time from an edit to the page reloaded in the browser under scripts/serve.py.
--large adds N = 5,000 (20,005 texts: about 10 minutes on two idle cores, 25 under load; notes/bench.md), and
--pagefind measures Pagefind on the same sites. Up to N = 500 each archive is built three times with and three
times without the alignment of multi-version essays (ARCHIVE_ALIGN=0), alternating, and once more in one process
that splits the alignment's cost out; the share of gold passage pairs the aligner gets right is printed first
(scripts/bench_align.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from archive import languages
from archive.decode import decode_raw
from archive.files import plan
from archive.document import plain_text
from archive.normalize import read_document
from archive.catalog import Entry

ROOT = Path(__file__).resolve().parent.parent
PROBE_ESSAY = "essays/what-is-an-ml-engineer/index.html"  # a real essay whose page size is compared across sizes
PARAGRAPHS_PER_TEXT = 8
# Words that start each synthetic title, in the language of the text: ids of Latin/Cyrillic titles are slugs of
# them, CJK titles fall back to the file name.
TITLE_WORDS = {"en": "Synthetic essay", "ru": "Синтетическое эссе", "zh": "合成文章", "ja": "合成エッセイ"}
MEGABYTE = 1_000_000
NORMALIZE_TARGET = {"one 1 MB text": 1.0, "2,005 texts": 3.0}  # seconds, from issue 8; printed, never asserted


# ------------------------------------------------------------------ the synthetic archive (pure)


def seed_paragraphs(raw_dir: Path) -> dict[str, list[str]]:
    """Paragraph texts of the seeds, by language, as the parser sees them."""
    by_lang: dict[str, list[str]] = {code: [] for code in languages.CODES}
    for page, source in plan(raw_dir, raw_dir / "no-docs").pages.values():
        lang = page.meta["lang"]
        doc, _ = read_document(decode_raw((raw_dir / Path(source).name).read_bytes()), Entry({"lang": lang}), frozenset())
        for block in doc.blocks:
            text = plain_text(block.spans)
            if block.kind == "paragraph" and len(text) > 40:
                by_lang[lang].append(text)
    return by_lang


def synthetic_texts(paragraphs: dict[str, list[str]], n: int) -> dict[str, str]:
    """N plain texts per language, file name -> text: a title line, then seed paragraphs in a seeded order.

    The first fifth of the numbers i make multi-version essays, grouped as the normalizer groups translations, by an
    "Original:" line naming one URL: for even i the English and Russian texts (two versions), for odd i the English,
    Russian and Chinese ones (three). Their versions draw their paragraphs in one order."""
    texts = {}
    for code in languages.CODES:
        pool = paragraphs[code]
        for i in range(n):
            multi = i < n // 5 and code in (("en", "ru") if i % 2 == 0 else ("en", "ru", "zh"))
            rng = random.Random(f"multi-{i}" if multi else f"{code}-{i}")
            body = [pool[rng.randrange(len(pool))] for _ in range(PARAGRAPHS_PER_TEXT)]
            heading = "Section" if code == "en" else "Раздел" if code == "ru" else None
            if heading:  # a bare-line heading, as plain-text essays have
                body.insert(PARAGRAPHS_PER_TEXT // 2, f"{heading} {i}")
            title = f"{TITLE_WORDS.get(code, 'Essay')} {i:04d}"
            original = [f"Original: https://example.org/essays/synthetic-translated-{i:04d}"] if multi else []
            texts[f"synth-{code}-{i:04d}.txt"] = "\n\n".join([title, *original, *body]) + "\n"
    return texts


# ------------------------------------------------------------------ measuring (the disk, processes, the browser)


@dataclass
class Run:
    seconds: float
    peak_mib: float
    cpu_seconds: float  # user + system: what the build itself costs, less sensitive than wall time to a busy machine


def run_with_peak(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Wall seconds and peak RSS (MiB) of one child process, from wait4's rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, **(env or {})})
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


# What the alignment costs inside one build, by its parts, in one process: CPU time in the alignment hook's handlers
# (keeping each version's passages, aligning, writing site/alignments/ and the held-back parallel pages) and in
# everything MkDocs and every hook do for the parallel pages (reading, Markdown, templates, writing). A figure that a
# busy machine disturbs much less than the difference of two whole builds: both sides are in one run. It wraps
# MkDocs' build steps from outside for the measurement only; the site is the one `mkdocs build` writes.
_ALIGNMENT_CPU = """
import json, os, time
from mkdocs.commands import build as B
from mkdocs.config import load_config
spent = {"hook": 0.0, "parallel pages": 0.0}
on_parallel_page = []  # the hook's work on a parallel page counts with the page, not twice
def timed(step):
    def run(page, *args, **kwargs):
        if "/parallel/" not in page.file.src_uri:
            return step(page, *args, **kwargs)
        start = time.process_time()
        on_parallel_page.append(page)
        try:
            return step(page, *args, **kwargs)
        finally:
            on_parallel_page.pop()
            spent["parallel pages"] += time.process_time() - start
    return run
B._populate_page, B._build_page = timed(B._populate_page), timed(B._build_page)
def hook_timed(method):
    def run(*args, **kwargs):
        if on_parallel_page:
            return method(*args, **kwargs)
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent["hook"] += time.process_time() - start
    return run
start, before = time.process_time(), os.times()
config = load_config("mkdocs.yml")
for handlers in config.plugins.events.values():
    for i, method in enumerate(handlers):
        if "alignments" in str(config.plugins._event_origins.get(method)):
            handlers[i] = hook_timed(method)
config.plugins.on_startup(command="build", dirty=False)
B.build(config)
after = os.times()  # the build's second processes (archive.background), waited for by then, count too
children = after.children_user - before.children_user + after.children_system - before.children_system
spent["build"] = time.process_time() - start + children
print(json.dumps(spent))
"""


def alignment_cpu(project: Path) -> dict[str, float]:
    """CPU seconds of one build in one process: 'build' in all (with the processes it forks), 'hook' and 'parallel
    pages' within it."""
    run = subprocess.run([sys.executable, "-c", _ALIGNMENT_CPU], cwd=project, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if run.returncode != 0:
        raise SystemExit(f"timing the alignment failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def megabyte_text(paragraphs: dict[str, list[str]]) -> str:
    """One English plain text of about 1 MB: a title, then the seeds' paragraphs over and over, a heading now and then."""
    pool = paragraphs[languages.DEFAULT]
    rng = random.Random("megabyte")
    parts, size, i = ["A very long essay"], 0, 0
    while size < MEGABYTE:
        i += 1
        part = f"Section {i}" if i % 20 == 0 else rng.choice(pool)
        parts.append(part)
        size += len(part.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def bench_megabyte(where: Path, paragraphs: dict[str, list[str]]) -> None:
    """Normalize a raw/ holding one 1 MB text: the command end to end, then its stages in-process."""
    from archive.catalog import Entry
    from archive.decode import decode_raw
    from archive.detect import identify
    from archive.normalize import normalize

    project = where / "megabyte"
    (project / "raw").mkdir(parents=True)
    data = megabyte_text(paragraphs).encode("utf-8")
    (project / "raw" / "long.txt").write_bytes(data)
    run = run_with_peak([sys.executable, str(ROOT / "scripts" / "normalize.py"), "--quiet"], project)
    target = NORMALIZE_TARGET["one 1 MB text"]
    print(f"normalize one {len(data) / MEGABYTE:.2f} MB text: {run.seconds:.2f} s (target <= {target:.0f} s; "
          f"CPU {run.cpu_seconds:.2f} s, peak {run.peak_mib:.0f} MiB)")
    start = time.perf_counter()
    raw = decode_raw(data)
    decoded = time.perf_counter()
    identify(raw.text)
    identified = time.perf_counter()
    page = normalize(raw, "raw/long.txt", "0" * 64, Entry())
    _ = page.text
    done = time.perf_counter()
    print(f"  in-process: decode {decoded - start:.2f} s, language {identified - decoded:.2f} s, "
          f"the whole normalize {done - identified:.2f} s")


def copy_project(project: Path) -> Path:
    """A copy of the project's site sources: raw/, overrides/, mkdocs.yml and the hand-written pages (the essays are
    made anew from raw/). tests/test_serve.py edits such a copy."""
    shutil.copytree(ROOT / "raw", project / "raw")
    shutil.copytree(ROOT / "overrides", project / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for path in (ROOT / "docs").rglob("*"):
        rel = path.relative_to(ROOT / "docs")
        if path.is_file() and not (len(rel.parts) == 3 and rel.parts[1] == "essays"):
            (project / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, project / "docs" / rel)
    return project


def make_project(where: Path, n: int, paragraphs: dict[str, list[str]]) -> Path:
    """A copy of the project's site sources with raw/ = seeds + N synthetic texts per language."""
    project = copy_project(where / f"archive-{n}")
    for name, text in synthetic_texts(paragraphs, n).items():
        (project / "raw" / name).write_text(text, encoding="utf-8")
    return project


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def bench_size(where: Path, n: int, paragraphs: dict[str, list[str]], baseline_page: int | None, browser: bool,
               pagefind: bool = False, normalize_only: bool = False) -> int:
    project = make_project(where, n, paragraphs)
    python = sys.executable
    norm = run_with_peak([python, str(ROOT / "scripts" / "normalize.py"), "--quiet"], project)
    texts = len(list((project / "raw").glob("*.txt")))
    print(f"N = {n} per language ({texts} texts in all):")
    target = f" (target <= {NORMALIZE_TARGET['2,005 texts']:.0f} s)" if texts == 2005 else ""
    print(f"  normalize: {norm.seconds:.2f} s{target} (CPU {norm.cpu_seconds:.2f} s, peak {norm.peak_mib:.0f} MiB)")
    if normalize_only:
        return 0
    # Whole builds without alignment (ARCHIVE_ALIGN=0) and with everything, three each in the order A B B A A B, so
    # that a machine growing busier or quieter during the run weighs on both sides alike; medians of CPU time (user +
    # system) and wall time. Then one build in one process that splits the alignment's cost out by its parts.
    mkdocs = [python, "-m", "mkdocs", "build", "--strict", "--quiet"]
    without, with_ = [], []
    for way in "ABBAAB" if n <= SERVE_SIZE else "B":  # 20,005 texts: one build (3 minutes each)
        env = {"ARCHIVE_ALIGN": "0"} if way == "A" else {}
        (without if way == "A" else with_).append(run_with_peak(mkdocs, project, env))
    build = with_[-1]  # the site left on disk is a build with alignment: what the rest measures
    site = project / "site"
    aligned = len(list((site / "alignments").glob("*.json")))
    parallel = sum(1 for _ in site.rglob("parallel/*/index.html"))
    page = (site / PROBE_ESSAY).stat().st_size
    print(f"  build:     {build.seconds:.2f} s (CPU {build.cpu_seconds:.2f} s, peak {build.peak_mib:.0f} MiB), "
          f"{aligned} essays aligned, {parallel} parallel pages")
    if without:
        print_alignment_cost(project, without, with_)
    else:
        print(f"  (the alignment's cost is measured at N <= {SERVE_SIZE})")
    print_sizes(site, page, baseline_page, where, project, n, browser, pagefind)
    return page


def print_alignment_cost(project: Path, without: list[Run], with_: list[Run]) -> None:
    cpu = [statistics.median(r.cpu_seconds for r in runs) for runs in (without, with_)]
    wall = [statistics.median(r.seconds for r in runs) for runs in (without, with_)]
    print(f"  whole builds, median of 3 each (A B B A A B): without alignment (ARCHIVE_ALIGN=0) {wall[0]:.2f} s, CPU "
          f"{cpu[0]:.2f} s (range {min(r.cpu_seconds for r in without):.2f}-{max(r.cpu_seconds for r in without):.2f});"
          f" with it {wall[1]:.2f} s, CPU {cpu[1]:.2f} s (range {min(r.cpu_seconds for r in with_):.2f}-"
          f"{max(r.cpu_seconds for r in with_):.2f}): alignment adds {100 * (cpu[1] - cpu[0]) / cpu[0]:+.1f} % CPU, "
          f"{100 * (wall[1] - wall[0]) / wall[0]:+.1f} % wall (target <= 10 % at 2,005 texts)")
    parts = alignment_cpu(project)
    own = parts["hook"] + parts["parallel pages"]
    print(f"  the alignment within one build, in one process: hook {parts['hook']:.2f} s + parallel pages "
          f"{parts['parallel pages']:.2f} s = {own:.2f} s CPU of {parts['build']:.2f} s: it adds "
          f"{100 * own / (parts['build'] - own):.1f} % to the build without it (target <= 10 %)")


def print_sizes(site: Path, page: int, baseline_page: int | None, where: Path, project: Path, n: int, browser: bool,
                pagefind: bool) -> None:
    ratio = f" = {page / baseline_page:.2f} x the five-text archive's" if baseline_page else ""
    print(f"  essay page {PROBE_ESSAY}: {kib(page)}{ratio}")
    for code in languages.CODES:
        home = site / languages.url_prefix(code) / "index.html"
        print(f"  home page /{languages.url_prefix(code)}: {kib(home.stat().st_size)}")
    print(f"  site: {folder_size(site) / 2**20:,.1f} MiB in {sum(1 for _ in site.rglob('*.html')):,} HTML files")
    print(f"  load average now: {os.getloadavg()[0]:.1f}")
    print_hugo(where, project, n)
    print_search(site, browser, pagefind)
    if n == SERVE_SIZE and browser:
        print_serve_edits(project)


# ------------------------------------------------------------------ Hugo, for comparison

HUGO_CONFIG = """baseURL = "https://ml-essays.example.org/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS"]
[languages]
""" + "".join(f"""[languages.{code}]
contentDir = "content/{code}"
languageCode = "{code}"
weight = {i}
""" for i, code in enumerate(languages.CODES, 1))
HUGO_LAYOUTS = {
    "_default/baseof.html": '<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8">'
                            "<title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>",
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>'
                            "{{ range .Translations }}<a href=\"{{ .RelPermalink }}\">{{ .Language.Lang }}</a>"
                            "{{ end }}{{ end }}",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}'
                          "{{ range (.Paginate .Site.RegularPages 50).Pages }}<a href=\"{{ .RelPermalink }}\">"
                          "{{ .Title }}</a>{{ end }}{{ end }}",
}


def print_hugo(where: Path, project: Path, n: int) -> None:
    """Hugo's build of the same pages (front-matter and Markdown as they are, minimal templates), if installed."""
    hugo = shutil.which("hugo")
    if not hugo:
        print("  hugo: not installed; not compared")
        return
    site = where / f"hugo-{n}"
    shutil.rmtree(site, ignore_errors=True)
    for code in languages.CODES:
        shutil.copytree(project / "docs" / code, site / "content" / code)
        home = site / "content" / code / "index.md"
        if home.exists():
            home.rename(site / "content" / code / "_index.md")
    (site / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / name).write_text(text, encoding="utf-8")
    try:
        run = run_with_peak([hugo, "--quiet"], site)
    except SystemExit as err:
        print(f"  hugo: failed: {str(err)[-300:]}")
        return
    pages = sum(1 for _ in (site / "public").rglob("*.html"))
    print(f"  hugo {hugo_version(hugo)}: {run.seconds:.2f} s (peak {run.peak_mib:.0f} MiB), {pages:,} HTML files")


def hugo_version(hugo: str) -> str:
    return subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1].split("+")[0]


# ------------------------------------------------------------------ make serve: an edit until the browser shows it

SERVE_SIZE = 500  # the archive: 2,005 texts
SERVE_EDITS = 3  # of each kind; the median is printed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def print_serve_edits(project: Path) -> None:
    """scripts/serve.py on the archive; a page open in Chromium; the time from writing a file to the page showing
    the edit (livereload reloads it): a raw text's paragraph (one version, three versions), a hand-written page's,
    and a raw text's title (every language's catalog pages)."""
    from playwright.sync_api import sync_playwright

    import bench_search

    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = project / "serve.log"
    server = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(project),
                               "--port", str(port)], stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)
    start = time.perf_counter()
    base = f"http://127.0.0.1:{port}/"
    try:
        while b"Serving on" not in log.read_bytes():
            if server.poll() is not None or time.perf_counter() - start > 1800:
                print(f"  serve: did not start: {log.read_text(errors='replace')[-500:]}")
                return
            time.sleep(0.5)
        print(f"  serve: first (full) build and start {time.perf_counter() - start:.1f} s")
        # synthetic_texts: the last number is an English essay of one version, number 1 one in three languages
        single = project / "raw" / f"synth-en-{SERVE_SIZE - 1:04d}.txt"
        multi = project / "raw" / "synth-en-0001.txt"
        home = project / "docs" / "ru" / "index.md"
        titled = project / "raw" / f"synth-zh-{SERVE_SIZE - 1:04d}.txt"  # a Chinese title: the page id is the stem's

        def append(path: Path):
            return lambda m: path.write_text(path.read_text(encoding="utf-8") + f"\n{m}\n", encoding="utf-8")

        def retitle(path: Path):
            def write(marker: str) -> None:
                title, rest = path.read_text(encoding="utf-8").split("\n", 1)
                path.write_text(f"{title.split(' edited')[0]} {marker}\n{rest}", encoding="utf-8")
            return write

        edits = {
            "a raw text's paragraph (one version)": (f"essays/synthetic-essay-{SERVE_SIZE - 1:04d}/", append(single)),
            "a raw text's paragraph (en of en/ru/zh)": ("essays/synthetic-translated-0001/", append(multi)),
            "a hand-written page (ru home)": ("ru/", append(home)),
            # what the catalog lists changes: the catalog pages of every language, all four passes
            "a raw text's title (zh, one version)": (f"zh/essays/synth-zh-{SERVE_SIZE - 1:04d}/", retitle(titled)),
        }
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=bench_search.CHROMIUM,
                                                 args=bench_search.CHROMIUM_ARGS)
            page = browser.new_page()
            for what, (url, write) in edits.items():
                times = []
                response = None
                # a reload by livereload (a rebuild just finishing) aborts a goto, or leaves it waiting for a
                # navigation that never comes: another try after 30 s. The page is opened once per kind of edit
                # (a goto racing livereload's reload of the same page hung a whole run); each edit reloads it.
                for attempt in range(10):
                    try:
                        response = page.goto(base + url, wait_until="domcontentloaded", timeout=30_000)
                        break
                    except Exception:
                        page.wait_for_timeout(2000)
                if response is None or response.status != 200:  # the edit could never show
                    raise RuntimeError(f"serve: /{url} answers {response and response.status}")
                for k in range(SERVE_EDITS):
                    page.wait_for_timeout(2000)  # livereload's long poll is up, the last rebuild and reload done
                    marker = f"edited{k}x{int(time.time() * 1000)}"
                    begin = time.perf_counter()
                    write(marker)
                    shown = f"document.body && document.body.innerText.includes({marker!r})"
                    while time.perf_counter() - begin < 120:
                        try:  # in the page, every 50 ms; a second at most, as a reload can leave a call unanswered
                            page.wait_for_function(shown, polling=50, timeout=1000)
                            break
                        except Exception:  # not yet, or the page is being reloaded
                            pass
                    times.append(time.perf_counter() - begin)
                print(f"  serve, edit of {what} until the browser shows it: median {statistics.median(times):.2f} s "
                      f"({', '.join(f'{t:.2f}' for t in times)}; load {os.getloadavg()[0]:.1f})")
            browser.close()
        rebuilt = [line for line in log.read_text(errors="replace").splitlines() if "rebuilt" in line]
        print("  serve log: " + "; ".join(line.split(" - ", 1)[-1] for line in rebuilt[-len(edits) * SERVE_EDITS:]))
    finally:
        server.terminate()
        server.wait()


def print_search(site: Path, browser: bool, pagefind: bool = False) -> None:
    """Search data per language and time to first result, where the search benchmark module is present."""
    try:
        import bench_search  # scripts/bench_search.py: measures the search engine the site uses
    except ImportError:
        print("  search: scripts/bench_search.py not present; not measured")
        return
    if not all(path.exists() for path in bench_search.search_files(site, languages.DEFAULT)):
        print("  search: this build has no per-language search index; not measured")
        return
    bench_search.report(site, browser=browser, indent="  ", pagefind=pagefind)


def bench_normalize_seeds(repeat: int = 20) -> None:
    """Plan every page of the real raw/ (read, decode, parse, render: all but the final write)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = plan(ROOT / "raw", ROOT / "docs")
        times.append(time.perf_counter() - start)
    print(f"normalize the {len(result.pages)} seed texts in-process: median {statistics.median(times) * 1000:.1f} ms "
          f"over {repeat} runs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,500", help="texts per language, comma-separated (default 50,500)")
    parser.add_argument("--keep", type=Path, help="build the archives here and keep them (default: a temporary folder)")
    parser.add_argument("--large", action="store_true", help="add N = 5,000 (20,005 texts; slow)")
    parser.add_argument("--pagefind", action="store_true", help="also measure Pagefind on each site")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--normalize-only", action="store_true", help="time normalizing only: no builds, no browser")
    parser.add_argument("--serve-only", action="store_true",
                        help=f"only the `make serve` edits at N = {SERVE_SIZE} ({4 * SERVE_SIZE + 5:,} texts)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] + ([5000] if args.large else [])
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
          f"{platform.python_implementation()} "
          f"{platform.python_version()}, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB")
    if args.serve_only:
        with tempfile.TemporaryDirectory(prefix="archive-bench-") as where:
            print_serve_edits(make_project(Path(where), SERVE_SIZE, seed_paragraphs(ROOT / "raw")))
        print(f"load average now: {os.getloadavg()[0]:.1f}")
        return 0
    bench_normalize_seeds()
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_align  # scripts/bench_align.py: the aligner against the gold alignments in tests/align/

    print("alignment against gold (tests/align/*.gold.yml):")
    bench_align.run()
    paragraphs = seed_paragraphs(ROOT / "raw")
    where = args.keep or Path(tempfile.mkdtemp(prefix="archive-bench-"))
    where.mkdir(parents=True, exist_ok=True)
    try:
        bench_megabyte(where, paragraphs)
        baseline = None if args.normalize_only else bench_size(where, 0, paragraphs, None, not args.no_browser)
        for n in sizes:
            bench_size(where, n, paragraphs, baseline, not args.no_browser, args.pagefind, args.normalize_only)
    finally:
        if not args.keep:
            shutil.rmtree(where, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
