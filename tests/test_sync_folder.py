"""archive.files.sync_folder: a built folder (search index, alignments) made to hold exactly the given files."""

from __future__ import annotations

import os

from archive.files import sync_folder


def test_a_folder_ends_holding_exactly_the_texts_and_unchanged_files_are_not_rewritten(tmp_path):
    out = tmp_path / "search" / "en"
    sync_folder(out, {out / "index.json": "{}", out / "t" / "0.json": "a", out / "p" / "0.json": "b",
                      out / "p" / "1.json": "c"})
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "index.json", "p/0.json", "p/1.json", "t/0.json"]
    os.utime(out / "p" / "0.json", ns=(0, 0))
    sync_folder(out, {out / "index.json": "{1}", out / "p" / "0.json": "b"})
    assert (out / "index.json").read_text() == "{1}" and (out / "p" / "0.json").stat().st_mtime_ns == 0
    assert not (out / "t").exists() and not (out / "p" / "1.json").exists()
    sync_folder(out, {})
    assert not out.exists() and (tmp_path / "search").is_dir()
