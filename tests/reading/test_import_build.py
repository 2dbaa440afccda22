"""Texts of every format through the normalizer and a strict MkDocs build, in a temporary copy of the project: code
in <pre> byte for byte, a table, a footnote, formulas as MathML, a local image shown and published, a remote one
replaced, nothing executable from a text, and the provenance box worded in the page's language."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from reading_site import ROOT, visit_in
from serve_site import serve_in_background
from site_html import parse as parse_html

CODE = 'def f(x):\n    if x < 1 and "<b>" != "&amp;":\n\n        return {"a": [1, 2]}  # `quoted`\n'
POST = f"""---
title: "Formats: a Markdown post"
author: Jane Roe
date: 2024-03-05
tags: [ml]
canonical_url: https://example.org/posts/formats?utm_source=feed
---

# Formats: a Markdown post

Intro with *emphasis*, a [link](https://example.org/a?utm_medium=x&id=1), $E = mc^2$ and a note.[^n]

## Code

```python
{CODE}```

| Left | Right |
|:-----|------:|
| a    | 2     |

$$
\\frac{{1}}{{2}}
$$

![A local picture](img/pic.png)

![A remote picture](https://cdn.example.com/p.png "Its caption")

<script>alert("text")</script>

<img src="x" onerror="alert(1)"> <a href="javascript:alert(2)">bad link</a>

[^n]: The footnote's text.
"""
RU = "Заголовок текста\n\nПервый абзац текста на русском языке, достаточно длинный для описания.\n\nImage for post\n\nПодпись.\n"


def _png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + b"\x20\x60\xa0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("import-build")
    for name in ("mkdocs.yml", "overrides", "docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, root / name)
    shutil.rmtree(root / "docs" / "en" / "essays", ignore_errors=True)
    for lang in ("ru", "zh", "ja"):
        shutil.rmtree(root / "docs" / lang / "essays", ignore_errors=True)
    raw = root / "raw"
    (raw / "img").mkdir(parents=True)
    (raw / "post.txt").write_text(POST, encoding="utf-8")  # Markdown by its content, whatever its name
    (raw / "ru.txt").write_text(RU, encoding="utf-8")
    (raw / "img" / "pic.png").write_bytes(_png(40, 24))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "normalize.py"), "--raw", "raw", "--docs", "docs"],
                         cwd=root, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root,
                           capture_output=True, text=True, env=env)
    assert build.returncode == 0 and "WARNING" not in build.stderr, build.stderr
    return root


def _article(project: Path, path: str):
    doc = parse_html((project / "site" / path).read_text(encoding="utf-8"))
    return doc.find("article")


def test_markdown_structure_reaches_the_built_page(project: Path) -> None:
    article = _article(project, "essays/formats/index.html")
    assert article.find("h1").text() == "Formats: a Markdown post" and len(article.find_all("h1")) == 1
    assert [h.text().rstrip("¶") for h in article.find_all("h2")] == ["Code"]
    pre = article.find("pre")
    assert pre.text() == CODE
    assert [c.text() for c in article.find("table").find_all("th")] == ["Left", "Right"]
    assert article.find("div", cls="footnote").find("li").text().strip().startswith("The footnote's text.")
    assert article.find("a", href="https://example.org/a?id=1").text() == "link"


def test_formulas_are_mathml_drawn_by_the_browser_not_a_script(project: Path) -> None:
    html = (project / "site" / "essays/formats/index.html").read_text(encoding="utf-8")
    article = _article(project, "essays/formats/index.html")
    maths = article.find_all("math")
    assert [m.get("display") for m in maths] == ["inline", "block"]
    assert "arithmatex" not in html and "mathjax" not in html.lower() and "katex" not in html.lower()


def test_local_images_are_published_and_shown_remote_ones_replaced(project: Path) -> None:
    article = _article(project, "essays/formats/index.html")
    images = article.find_all("img")
    assert [(i["src"], i["alt"]) for i in images] == [("../../raw/img/pic.png", "A local picture")]
    assert (project / "site" / "raw" / "img" / "pic.png").read_bytes() == (project / "raw" / "img" / "pic.png").read_bytes()
    text = article.text()
    assert "Image not preserved in this copy: A remote picture" in text and "Its caption" in text
    page = parse_html((project / "site" / "essays/formats/index.html").read_text(encoding="utf-8"))
    assert not page.find_all(where=lambda el: "cdn.example.com" in el.get("src", "") + el.get("href", ""))


def test_nothing_executable_from_a_text_goes_live(project: Path) -> None:
    article = _article(project, "essays/formats/index.html")
    assert not article.find_all("script")
    assert not article.find_all(where=lambda el: any(k.startswith("on") for k in el.attrs))
    assert not article.find_all("a", where=lambda el: el.get("href", "").lower().startswith("javascript"))
    assert '<script>alert("text")</script>' in article.text() and "bad link" in article.text()


def test_provenance_is_worded_in_the_pages_language(project: Path) -> None:
    ru = parse_html((project / "site" / "ru/essays/zagolovok-teksta/index.html").read_text(encoding="utf-8"))
    removed = [li.text() for li in ru.find("details", cls="archive-provenance").find_all("li")]
    assert removed == ["Заглушка вместо изображения: Image for post"]
    en = _article(project, "essays/formats/index.html")
    items = [li.text() for li in en.find("details", cls="archive-provenance").find_all("li")]
    assert "Front-matter field this archive does not show: tags: ml" in items


def test_the_page_loads_nothing_from_another_host_and_draws_image_and_math(project: Path, browser, artifacts) -> None:
    server, url = serve_in_background(project / "site")
    try:
        for visit in visit_in(browser, url, {"viewport": {"width": 1100, "height": 1600}}):
            visit.open("essays/formats/")
            page = visit.page
            assert page.eval_on_selector("article img", "img => img.complete && img.naturalWidth") == 40
            heights = page.eval_on_selector_all("article math", "ms => ms.map(m => m.getBoundingClientRect().height)")
            assert len(heights) == 2 and all(h > 0 for h in heights)
            page.screenshot(path=str(artifacts / "import-formats-post.png"), full_page=True)
            visit.assert_clean()
    finally:
        server.shutdown()
