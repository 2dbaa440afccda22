"""What the reading-site tests share: the project root, a strict MkDocs build into any folder, and a browser tab
that records what must not happen."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from serve_site import serve_in_background  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

# MkDocs' own build API, so that docs_dir and site_dir can point into the temporary folder.
_BUILD = (
    "import sys\n"
    "from mkdocs.commands.build import build\n"
    "from mkdocs.config import load_config\n"
    "build(load_config('mkdocs.yml', docs_dir=sys.argv[1], site_dir=sys.argv[2]))\n"
)


@dataclass(frozen=True)
class Build:
    docs: Path
    site: Path
    log: str


def build_site(docs: Path, site: Path) -> Build:
    """Strict build (mkdocs.yml says strict: true); fails the test with MkDocs' log on any warning."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-c", _BUILD, str(docs), str(site)], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr, run.stderr
    return Build(docs, site, run.stderr)


class Visit:
    """A browser tab on the served site that records what must not happen: requests to another host (blocked),
    failed responses, console errors."""

    def __init__(self, context: object, base_url: str) -> None:
        self.base_url = base_url
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.requested: list[str] = []
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: object) -> None:
        url = route.request.url
        self.requested.append(url)
        if url.startswith(self.base_url) or url.startswith("data:"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, path: str) -> object:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        self.page.wait_for_load_state("networkidle")
        return response

    def assert_clean(self) -> None:
        assert self.foreign == [], f"requests to another host: {self.foreign}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.errors == [], f"console errors: {self.errors}"


def visit_in(browser: object, base_url: str, options: dict) -> Iterator[Visit]:
    context = browser.new_context(**options)
    try:
        yield Visit(context, base_url)
    finally:
        context.close()
