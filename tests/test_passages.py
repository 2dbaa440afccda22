"""Passage anchors (scripts/archive/passages.py): ids that depend on a passage's own text only, every kind of
passage anchored once, code and raw HTML left alone."""

from __future__ import annotations

import re

import markdown
from pymdownx.slugs import slugify

from archive.passages import PassagesExtension, passage_id, unique_ids


def render(text: str, enabled: bool = True) -> tuple[str, PassagesExtension]:
    ext = PassagesExtension()
    ext.enabled = enabled
    ext.label = "Ссылка"
    md = markdown.Markdown(extensions=["toc", ext],
                           extension_configs={"toc": {"permalink": True, "slugify": slugify(case="lower")}})
    return md.convert(text), ext


PAGE = """First paragraph with *emphasis* and &#91;brackets&#93;.

## Раздел

- one item
- two items
    - nested item

> A quoted paragraph.

    an indented code block

<div class="raw">raw html block</div>

First paragraph with *emphasis* and &#91;brackets&#93;.
"""


def test_every_passage_kind_gets_an_id_and_a_link() -> None:
    html, ext = render(PAGE)
    kinds = [(p.kind, p.text) for p in ext.passages]
    assert kinds == [
        ("p", "First paragraph with emphasis and [brackets]."),
        ("h2", "Раздел"),
        ("li", "one item"),
        ("li", "two items"),
        ("li", "nested item"),
        ("p", "A quoted paragraph."),
        ("p", "First paragraph with emphasis and [brackets]."),
    ]
    ids = [p.id for p in ext.passages]
    assert ids[1] == "раздел"  # a heading keeps its table-of-contents id
    assert ids[6] == ids[0] + "-2"  # the same text again: a counter suffix
    for pid in ids:
        assert f'id="{pid}"' in html
    for pid in ids[:1] + ids[2:]:
        assert f'<a aria-label="Ссылка" class="archive-passage-link" href="#{pid}">¶</a>' in html
    assert re.search(r'<blockquote id="p-[0-9a-f]{8}">', html)  # the quote itself is anchored too


def test_code_and_raw_html_are_left_alone() -> None:
    html, _ = render(PAGE)
    assert "<pre><code>an indented code block\n</code></pre>" in html
    assert '<div class="raw">raw html block</div>' in html


def test_an_id_depends_only_on_its_own_text() -> None:
    _, before = render(PAGE)
    _, after = render(PAGE.replace("First paragraph", "A changed first paragraph", 1))
    assert [p.id for p in before.passages][1:6] == [p.id for p in after.passages][1:6]
    assert before.passages[0].id != after.passages[0].id
    assert passage_id("  a\n passage ") == passage_id("a passage")
    assert unique_ids(["x", "y", "x", "x"]) == [passage_id("x"), passage_id("y"), passage_id("x") + "-2",
                                                passage_id("x") + "-3"]


def test_pages_that_are_not_essays_are_untouched() -> None:
    html, ext = render(PAGE, enabled=False)
    assert "archive-passage-link" not in html and 'id="p-' not in html and ext.passages == []
