"""The reading site under test: built once per session from raw/ (normalize, then a strict MkDocs build into a
temporary folder, so no earlier `make build` is needed), served on loopback with gzip, and a system Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from reading_site import (ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, ROOT, Build, Visit, build_site,
                          serve_in_background, visit_in)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    tmp = tmp_path_factory.mktemp("site-build")
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)  # the hand-written pages; the normalizer rewrites the essays from raw/
    normalize = subprocess.run([sys.executable, "scripts/normalize.py", "--docs", str(docs), "--quiet"], cwd=ROOT,
                               capture_output=True, text=True)
    assert normalize.returncode == 0, normalize.stdout + normalize.stderr
    return build_site(docs, tmp / "site")


@pytest.fixture(scope="session")
def site(built: Build) -> Path:
    return built.site


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    server, url = serve_in_background(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: object, base_url: str) -> Iterator[Visit]:
    yield from visit_in(browser, base_url, PHONE)


@pytest.fixture
def desktop(browser: object, base_url: str) -> Iterator[Visit]:
    yield from visit_in(browser, base_url, DESKTOP)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
