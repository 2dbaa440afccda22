"""The archive as it grows: a synthetic archive (the seeds plus 15 texts per language, as `make bench` makes them)
built for real, to show that essay pages carry no list of other essays and that every essay stays findable on the
paginated home catalog. Sizes and times at 500 per language are `make bench`'s job (it prints them)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from reading_site import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402

from archive import languages  # noqa: E402

PER_LANGUAGE = 15  # 65 essays in all: more than one catalog page (hooks/essays.py PAGE_SIZE = 50)


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = bench.make_project(tmp_path_factory.mktemp("grown"), PER_LANGUAGE, bench.seed_paragraphs(ROOT / "raw"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for cmd in ([sys.executable, str(ROOT / "scripts/normalize.py"), "--quiet"],
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]):
        run = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
    return project


def essay_ids(project: Path) -> set[str]:
    return {p.stem for p in (project / "docs").glob("*/essays/*.md")}


def catalog_pages(site: Path, code: str) -> list[str]:
    prefix = languages.url_prefix(code)
    pages = [(site / prefix / "index.html").read_text(encoding="utf-8")]
    pages += [p.read_text(encoding="utf-8") for p in sorted((site / prefix / "catalog").glob("*/index.html"))]
    return pages


@pytest.mark.parametrize("code", languages.CODES)
def test_every_essay_is_listed_exactly_once_across_the_catalog_pages(grown, code):
    pages = catalog_pages(grown / "site", code)
    assert len(pages) == 2
    listed = [essay for page in pages for essay in re.findall(r'data-essay="([^"]+)"', page)]
    assert sorted(listed) == sorted(essay_ids(grown))
    assert f'<html lang="{code}"' in pages[1]


@pytest.mark.parametrize("code", languages.CODES)
def test_catalog_pages_link_to_each_other(grown, code):
    home, second = catalog_pages(grown / "site", code)
    assert 'rel="next"' in home and 'href="catalog/2/"' in home and 'aria-current="page">1<' in home
    assert 'rel="prev"' in second and 'aria-current="page">2<' in second


def test_an_essay_page_lists_no_other_essay(grown):
    """No sidebar of every essay: the page links only to its own versions, whatever the archive's size."""
    page = (grown / "site" / "ru/essays/machine-learning-engineers-what-do-they-actually-do/index.html").read_text()
    linked = set(re.findall(r'href="[^"]*essays/([a-z0-9-]+)/"', page))
    assert linked == {"machine-learning-engineers-what-do-they-actually-do"}
    assert "synth-" not in page and "rel=\"next\"" not in page


def test_catalog_pages_exist_in_every_language_for_the_switcher_and_hreflang(grown):
    """Page 2 of the Russian catalog has its twin in every language: the switcher leads there, unmarked, and <head>
    names them as alternates."""
    page = (grown / "site" / "ru/catalog/2/index.html").read_text(encoding="utf-8")
    for code in languages.CODES:
        twin = f"{languages.url_prefix(code)}catalog/2/"
        own = re.escape(twin) if code != "ru" else r"\./"  # the current page links to itself as ./
        assert re.search(rf'<a href="(\.\./)*{own}" hreflang="{code}"', page), code
        assert f'hreflang="{code}" href="https://ml-essays.example.org/{twin}"' in page, code
    assert "archive-switch--missing" not in page
