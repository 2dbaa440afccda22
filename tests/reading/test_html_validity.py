"""Every built page passes the W3C Nu HTML Checker (npm vnu-jar, pinned in package.json; Java from Debian), run
once over the whole site in one JVM (it takes seconds to start). Only Material's own known messages are allowed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from reading_site import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message, the markup it is about): each is Material for MkDocs 9.8.1's own markup, which we do not override.
ALLOWED = (
    # Material's drawer and search toggles are hidden checkboxes with autocomplete="off", so that Firefox does not
    # restore them checked on back/forward (partials/… in base.html); HTML allows autocomplete on text-like inputs only.
    (re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
     re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"')),
    # Material's table-of-contents title is a <label for="__toc">; on some pages outside the navigation (today the
    # English essays) Material renders no __toc checkbox for it to point at.
    (re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form "
                r"control\.$"),
     re.compile(r'<label class="md-nav__title" for="__toc">')),
)


def allowed(message: dict) -> bool:
    return any(text.match(message["message"]) and markup.search(message.get("extract", ""))
               for text, markup in ALLOWED)


def test_every_page_passes_the_nu_html_checker(site: Path) -> None:
    java = shutil.which("java")
    assert java, "no java on PATH: .ci/run installs default-jre-headless"
    assert VNU.is_file(), "npm ci installs vnu-jar (package.json)"
    run = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr)["messages"]
    pages = {m["url"] for m in messages}
    problems = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['type']}/{m.get('subType', '')}: "
                f"{m['message']}" for m in messages if not allowed(m)]
    assert problems == []
    # Every page carries Material's toggles, so every page read shows up once: vnu saw the whole site.
    assert len(pages) == len(list(site.rglob("*.html")))
