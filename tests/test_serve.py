"""scripts/serve.py (`make serve`): after a sequence of edits, rebuilt page by page, the site it serves is byte for byte
what a fresh `make build` of the same files writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import load_hook, site_tree

sys.path.insert(0, str(ROOT / "scripts"))
from archive import languages  # noqa: E402
from bench import copy_project, make_project, seed_paragraphs  # noqa: E402
from serve import HOOK, Site, only_pages, snapshot  # noqa: E402

ORIGINAL = "Original: https://example.org/essays/served-edit-0123456789ab"
SEED = "machine-learning-engineers-what-do-they-actually-do"  # in Russian and Chinese: aligned


def project(where: Path) -> Path:
    return copy_project(where / "project")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fresh_build(root: Path, site: Path) -> dict[str, bytes]:
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                           cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stderr
    return site_tree(site)


def test_what_serve_serves_after_edits_is_what_a_fresh_build_writes(tmp_path: Path) -> None:
    root = project(tmp_path)
    served = Site(root, tmp_path / "served")
    served.first_build()
    raw = root / "raw"
    seed = SEED
    ja_text = "追加のエッセイ\n\n{original}これは表示中に追加された日本語の文章です。モデルの監視について書いています。\n"

    def yesterday() -> None:
        for built in sys.modules[HOOK]._built.values():  # the hook as MkDocs loaded it for this project
            built.date = "2000-01-01"

    # (the change, the language passes it must run: all four when a page comes or goes, or a catalog page changes)
    steps = [
        # two texts added, an English one and its Russian translation (grouped by their original URL): the catalog
        (lambda: [(raw / name).write_text(f"{title}\n\n{ORIGINAL}\n\n{body}\n", encoding="utf-8")
                  for name, title, body in [
                      ("served-en.txt", "Added while serving", "A paragraph about monitoring models in production."),
                      ("served-ru.txt", "Добавлено во время показа", "Абзац о мониторинге моделей в работе."),
                  ]], "en ru zh ja"),
        # a Japanese text of its own essay (a CJK title: the id is the file name's)
        (lambda: (raw / "served-ja.txt").write_text(ja_text.format(original=""), encoding="utf-8"), "en ru zh ja"),
        # its raw file now names the original: it leaves its essay for the English one's (its page moves)
        (lambda: (raw / "served-ja.txt").write_text(ja_text.format(original=f"{ORIGINAL}\n\n"), encoding="utf-8"),
         "en ru zh ja"),
        # the Russian one deleted: its page and raw copy go, the others' language switchers lose it
        (lambda: (raw / "served-ru.txt").unlink(), "en ru zh ja"),
        # a hand-written page, a day after the last build: sitemap.xml's dates are the build day's, so every pass runs
        (lambda: (yesterday(), edit(root / "docs" / "ja" / "index.md", "\n\n", "\n\n表示中に変更。\n\n")),
         "en ru zh ja"),
        # From here on no page comes or goes and no catalog line changes: only the passes with a page to render run.
        # A raw file's text changes: its page, its versions in the other languages, their alignment and parallel pages
        (lambda: edit(raw / "000_2dcc21649cda4c84.txt", "машинн", "машиннн"), "en ru zh"),
        # a Japanese essay of one version
        (lambda: edit(raw / "004_7c4715a4f00eb2da.txt", "お久しぶりです", "お久しぶりですね"), "en ja"),
        # an English one
        (lambda: edit(raw / "002_bb1f774ac35e961b.txt", "The reality is", "The plain reality is"), "en"),
        # a hand-written page
        (lambda: edit(root / "docs" / "ru" / "index.md", "\n\n", "\n\nИзменено во время показа.\n\n"), "en ru"),
    ]
    derived = [f"alignments/{seed}.json", f"ru/essays/{seed}/parallel/zh/index.html",
               f"zh/essays/{seed}/parallel/ru/index.html", "sw.js"]  # what an edit of the Russian text changes
    for number, (step, passes) in enumerate(steps):
        before = site_tree(tmp_path / "served")
        step()
        done = served.rebuild()
        assert done.kind == "pages" and done.pages >= 1, done  # page by page, not the full-build fallback
        assert " ".join(done.languages) == passes, (number, done)
        now = site_tree(tmp_path / "served")
        if number == 0:
            assert (tmp_path / "served/ru/essays/served-edit/index.html").is_file()
            assert (tmp_path / "served/raw/served-ru.txt").is_file()
            assert (tmp_path / "served/alignments/served-edit.json").is_file()
            assert (tmp_path / "served/ru/essays/served-edit/parallel/en/index.html").is_file()
        if number == 2:
            assert "ja/essays/served-edit/index.html" in now and "ja/essays/served-ja/index.html" not in now
        if number == 5:  # the edited version's passages are in its alignment and both languages' parallel pages
            assert [path for path in derived if now[path] == before[path]] == []
        if len(passes.split()) < 4:  # the languages left out: not a file of theirs written
            left_out = {code for code in ("ru", "zh", "ja") if code not in passes.split()}
            assert [path for path in now if path.split("/")[0] in left_out and now[path] != before.get(path)] == []

    want, got = fresh_build(root, tmp_path / "fresh"), site_tree(tmp_path / "served")
    assert sorted(got) == sorted(want)
    assert [path for path in want if got[path] != want[path]] == []
    assert "essays/served-edit/index.html" in want and "ru/essays/served-edit/index.html" not in want
    assert "ja/essays/served-edit/index.html" in want and "ja/essays/served-ja/index.html" not in want
    assert "raw/served-en.txt" in want and "raw/served-ru.txt" not in want
    assert f"alignments/{seed}.json" in want and "alignments/served-edit.json" in want  # now English and Japanese


def test_a_change_to_anything_but_pages_is_a_full_build() -> None:
    assert only_pages({"docs/ru/index.md", "raw/x.txt"}) == {"ru/index.md"}
    for other in ("overrides/main.html", "mkdocs.yml", "raw/catalog.yml", "docs/assets/x.png", "scripts/x.py"):
        assert only_pages({"docs/ru/index.md", other}) is None


@pytest.mark.parametrize("bad", [b"", b"\x00\x01binary"])
def test_a_bad_raw_file_keeps_the_last_good_site(tmp_path: Path, bad: bytes) -> None:
    root = project(tmp_path)
    served = Site(root, tmp_path / "served")
    served.first_build()
    before = site_tree(tmp_path / "served")
    (root / "raw" / "bad.txt").write_bytes(bad)
    served.rebuild()
    assert site_tree(tmp_path / "served") == before


def test_serve_normalizes_only_the_texts_that_changed_and_plans_what_a_fresh_run_plans(tmp_path: Path, monkeypatch) -> None:
    import archive.files as files

    root = project(tmp_path)
    raw, docs = root / "raw", root / "docs"
    normalized: list[str] = []
    normalize = files.normalize
    monkeypatch.setattr(files, "normalize", lambda raw_text, source, *rest: normalized.append(source)
                        or normalize(raw_text, source, *rest))
    read: list[str] = []  # raw texts whose bytes were read: only those whose stat changed, or that are normalized
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or read_bytes(path))
    memo = files.Memo()
    zh = raw / "001_5faba077e677bf86.txt"
    ru_page = docs / f"ru/essays/{SEED}.md"
    steps = [
        (lambda: None, 5),
        (lambda: None, 0),
        # the Chinese version's byline names the publication, which the Russian version (its text unchanged) takes
        (lambda: zh.write_text(zh.read_text(encoding="utf-8").replace("Towards Data Science", "Towards Data Sciences"),
                               encoding="utf-8"), 1),
        # a second text claiming the Chinese version: a problem, though the first text is unchanged
        (lambda: (raw / "copy.md").write_bytes(zh.read_bytes()), 1),
        (lambda: (raw / "copy.md").unlink(), 0),
        # the catalog changes one text's title
        (lambda: edit(raw / "catalog.yml", "title: The engineer of Machine Learning", "title: The ML engineer"), 1),
        # an image appears under raw/ (a text could show it): every text is normalized again
        (lambda: (raw / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n"), 5),
        # a raw file removed: its page goes
        (lambda: (raw / "004_7c4715a4f00eb2da.txt").unlink(), 0),
    ]
    for number, (step, count) in enumerate(steps):
        step()
        normalized.clear()
        read.clear()
        served = files.plan(raw, docs, memo=memo)
        assert len(normalized) == count, (number, normalized)
        assert len(read) == count, (number, read)
        fresh = files.plan(raw, docs)
        assert (served.write, served.remove, served.problems) == (fresh.write, fresh.remove, fresh.problems), number
        assert {rel: page.text for rel, (page, _) in served.pages.items()} == \
               {rel: page.text for rel, (page, _) in fresh.pages.items()}
        if number == 2:
            assert "publication: Towards Data Sciences" in served.write[ru_page.relative_to(docs).as_posix()]
        if number == 3:
            assert [p for p in served.problems if p.startswith(f"raw/copy.md: essay '{SEED}' in 'zh'")]
        if number == 7:
            assert served.remove == ["ja/essays/kikai-gakushu-engineer-tte-nandarou.md"]
        if not served.problems:
            files.apply_plan(served, docs)


def test_after_a_failed_build_the_next_one_is_full(tmp_path: Path) -> None:
    root = project(tmp_path)
    served = Site(root, tmp_path / "served")
    served.first_build()
    bad = root / "docs" / "ru" / "essays" / "bad.md"
    bad.write_text("---\ntitle: Плохая страница\n---\n\nТекст.\n", encoding="utf-8")  # no lang, essay, source
    assert served.rebuild().kind == "failed"
    bad.unlink()
    assert served.rebuild().kind == "full"
    assert served.rebuild().kind == "none"


def catalog_files(site: Path) -> dict[str, int]:
    """Every language's catalog pages (the home page is page 1), with their mtimes."""
    found = {}
    for code in languages.CODES:
        prefix = languages.url_prefix(code)
        for page in [site / prefix / "index.html", *sorted((site / prefix / "catalog").glob("*/index.html"))]:
            found[page.relative_to(site).as_posix()] = page.stat().st_mtime_ns
    return found


def test_a_title_edit_renders_the_one_catalog_page_that_lists_it_in_each_language(tmp_path: Path) -> None:
    # 65 essays: two catalog pages per language (hooks/essays.py PAGE_SIZE = 50)
    root = make_project(tmp_path, 15, seed_paragraphs(ROOT / "raw"))
    served = Site(root, tmp_path / "served")
    served.first_build()
    site = tmp_path / "served"
    essay = "synth-zh-0014"  # a Chinese title: its id is the file name's, so a new title leaves it where it is
    before = catalog_files(site)
    listing = [page for page in before if f'data-essay="{essay}"' in (site / page).read_text(encoding="utf-8")]
    assert len(listing) == len(languages.CODES) and len(before) == 2 * len(languages.CODES)
    edit(root / "raw" / f"{essay}.txt", "合成文章 0014", "合成文章 0014 改题")
    done = served.rebuild()
    assert done.kind == "pages" and done.languages == tuple(languages.CODES), done  # every language lists it
    after = catalog_files(site)
    assert sorted(page for page in after if after[page] != before[page]) == sorted(listing)
    assert all("合成文章 0014 改题" in (site / page).read_text(encoding="utf-8") for page in listing)
    want, got = fresh_build(root, tmp_path / "fresh"), site_tree(site)
    assert sorted(got) == sorted(want) and [path for path in want if got[path] != want[path]] == []


def other_value(value: object) -> object:
    """Another value of a front-matter field."""
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, list):
        return [*value, *value] if value else ["x"]
    return [value]


def test_what_a_catalog_entry_shows_changes_only_with_its_listing() -> None:
    """hooks/incremental_build.py renders a catalog page anew only when an essay's `listing` changed: every other
    front-matter field, changed, leaves every language's catalog entry as it was."""
    essays = load_hook("essays")
    catalog = essays.read_catalog(ROOT / "docs")
    for essay in catalog:
        for version in essay.versions:
            for key, value in version.meta.items():
                meta = {**version.meta, key: other_value(value)}
                other = essays.Essay(essay.id, tuple(essays.Version(v.lang, v.essay, meta if v is version else v.meta)
                                                     for v in essay.versions))
                if essays.listing(other) == essays.listing(essay):
                    for code in languages.CODES:
                        assert essays.catalog_entry(other, code) == essays.catalog_entry(essay, code), (key, code)


def test_changed_catalog_pages() -> None:
    essays = load_hook("essays")
    rows = tuple((f"e{n:03d}", "", (("en", f"Title {n}", ""),)) for n in range(120))  # pages 1-3
    retitled = rows[:75] + (("e075", "", (("en", "New", ""),)),) + rows[76:]
    assert essays.changed_catalog_pages(rows, rows) == set()
    assert essays.changed_catalog_pages(rows, retitled) == {2}
    assert essays.changed_catalog_pages(rows, rows[:10] + rows[11:]) == {1, 2, 3}  # one gone: the rest move up
    assert essays.changed_catalog_pages(rows, rows[:100]) is None  # two pages now: every page's links change


def test_serve_sees_edits_through_file_events_and_polls_where_there_are_none(tmp_path: Path, monkeypatch,
                                                                              caplog) -> None:
    import watchdog.observers
    from watchdog.observers.polling import PollingObserver

    from serve import live_server

    server = live_server(lambda: None, "127.0.0.1", 0, str(tmp_path), [tmp_path])
    assert not isinstance(server.observer, PollingObserver)  # inotify here: an edit is seen at once
    server.server_close()

    class NoEvents(watchdog.observers.Observer):
        def schedule(self, *args, **kwargs):
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchdog.observers, "Observer", NoEvents)
    server = live_server(lambda: None, "127.0.0.1", 0, str(tmp_path), [tmp_path])
    assert isinstance(server.observer, PollingObserver) and str(tmp_path) in server._watched_paths
    assert "no file events ([Errno 28] inotify watch limit reached): watching by polling" in caplog.text
    server.server_close()


def test_the_servers_own_writes_start_no_rebuild(tmp_path: Path) -> None:
    """The events of what scripts/serve.py writes itself (the normalizer's pages, their temporary files, bytecode
    caches) start no second rebuild, which would reload the reader's page twice; an archivist's edit does."""
    root = project(tmp_path)
    served = Site(root, tmp_path / "served")
    assert served.normalize()
    page = root / "docs" / "ru" / "essays" / f"{SEED}.md"
    assert served.own_write(str(page))
    assert served.own_write(str(page.with_name(f".{page.name}.tmp")))
    assert served.own_write(str(root / "scripts" / "__pycache__" / "serve.cpython-311.pyc"))
    assert not served.own_write(str(root / "raw" / "000_2dcc21649cda4c84.txt"))
    assert not served.own_write(str(root / "docs" / "ru" / "index.md"))
    edit(page, "машинн", "машиннн")  # the archivist edits the page the normalizer wrote
    assert not served.own_write(str(page))
    edit(page, "машиннн", "машинн")  # and puts the text back, after the rebuild: that is an edit too
    served.seen = snapshot(root)
    assert served.own_write(str(page)) and served.rebuild().kind == "none"
    assert not served.own_write(str(page))


def test_only_changes_not_ignored_reach_the_server(tmp_path: Path) -> None:
    import time

    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from serve import passing

    seen: list[tuple[str, str]] = []

    class Record(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if not event.is_directory:  # as MkDocs' server: a folder's events are its files'
                seen.append((event.event_type, Path(event.src_path).name))

    (tmp_path / "read.txt").write_text("unchanged\n", encoding="utf-8")
    observer = passing(Observer, lambda path: path.endswith(".ignored"))()
    observer.schedule(Record(), str(tmp_path), recursive=True)
    observer.start()
    try:
        (tmp_path / "read.txt").read_text(encoding="utf-8")  # opened and closed unchanged: not a change
        (tmp_path / "own.ignored").write_text("the server's own\n", encoding="utf-8")
        (tmp_path / "edited.txt").write_text("an archivist's\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not any(name == "edited.txt" for _, name in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
    finally:
        observer.stop()
        observer.join()
    assert {name for _, name in seen if not name.startswith(".")} == {"edited.txt"}, seen
