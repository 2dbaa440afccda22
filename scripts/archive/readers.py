"""Pick the reader by content (HTML, Markdown or plain text) and shape its document: the title and subtitle out of
the body, 'Original:' lines and Medium's interface out, heading levels relative to the title."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace


from . import medium
from .document import Block, Document, block_text, plain_text
from .metadata import take_original
from .read_markdown import read_markdown
from .read_plain import read_plain, same

from .aozora import is_aozora, read_aozora_header
from .gutenberg import is_gutenberg, read_gutenberg


# Each pattern starts with a literal ('\n' for a line start: the text is read with a '\n' before it), so that the
# regex engine skips ahead to candidates instead of trying every position: 2,000 texts are looked at per run.
_STRONG = (
    re.compile(r"\A\n\n(?:---[ \t]*\n.*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?\n\+\+\+)[ \t]*(?:\n|\Z)", re.S),  # front-matter
    re.compile(r"\n {0,3}(?:`{3,}|~{3,})[^\n]*\n(?:.*?\n)?? {0,3}(?:`{3,}|~{3,})[ \t]*(?:\n|\Z)", re.S),  # a fenced block
    re.compile(r"\n[ \t]*\n {0,3}#{1,6}[ \t]+\S"),  # an ATX heading opening a paragraph
    re.compile(r"\n[ \t]*\n {0,3}\S[^\n]*\n {0,3}={3,}[ \t]*(?:\n|\Z)"),  # a setext title
    re.compile(r"\n {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t:|-]*(?:\n|\Z)"),  # a table's delimiter row
)
_WEAK = (
    (re.compile(r"\[[^\]\n]*\]\((?:https?://|/|\./|\.\./|#|[\w.-]+/)[^)\s]*(?:\s+\"[^\"\n]*\")?\)"), 1),  # links
    (re.compile(r"\n {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S"), 2),  # list items
    (re.compile(r"\*\*(?=\S)[^\n*]+?(?<=\S)\*\*"), 1),  # strong emphasis
    (re.compile(r"`[^`\n]+`"), 2),  # inline code
    (re.compile(r"\n {0,3}>[ \t]?\S"), 2),  # block quotes
    (re.compile(r"\n {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,})(?:\n|\Z)"), 1),  # thematic breaks
    (re.compile(r"<(?:img|br|sup|sub|details|summary)\b", re.I), 1),  # HTML that Markdown allows
    (re.compile(r"\[\^[^\]\s]+\]"), 2),  # footnote references
)


def looks_like_markdown(text: str) -> bool:
    """Markdown by what it is written with: a front-matter, a fence, an ATX or setext heading or a table is enough;
    otherwise two kinds of weaker marks (links, lists, emphasis, code, quotes, …) seen often enough."""
    head = "\n\n" + text[:200_000]
    if any(rx.search(head) for rx in _STRONG):
        return True
    kinds = sum(1 for rx, needed in _WEAK if _at_least(rx, head, needed))
    return kinds >= 2 or _at_least(_WEAK[0][0], head, 3)


def _at_least(rx: re.Pattern[str], text: str, n: int) -> bool:
    """Whether the pattern occurs n times, reading no further than the n-th."""
    return sum(1 for _, _ in zip(range(n), rx.finditer(text))) >= n


def format_of(text: str) -> str:
    # An HTML document starts with '<' (after a BOM and blank lines); only then is html_extract (and lxml,
    # readability and markdownify, 0.2 s to import) loaded.
    if text.lstrip("\ufeff \t\r\n")[:1] == "<":
        from .html_extract import looks_like_html

        if looks_like_html(text):
            return "html"
    if is_aozora(text):
        return "aozora"
    if looks_like_markdown(text):
        return "markdown"
    return "plain"


@dataclass(frozen=True)
class Hints:
    """What the catalog says about a text that shapes how it is read."""

    title: str | None = None
    subtitle: str | None = None
    labels: tuple[str, ...] = ()
    signature: str | None = None


def read_structured(text: str, kind: str, hints: Hints, local_files: frozenset[str]) -> Document:
    """An HTML, Aozora Bunko or Markdown text as a shaped document (the first two through their extractors, which
    hand over Markdown and what they found)."""
    if kind in ("html", "aozora"):
        if kind == "html":
            from .html_extract import extract_html

            extract = extract_html(text)
        else:
            extract = _aozora_extract(text)
        doc = read_markdown(extract.markdown, local_files)
        for key, value in extract.meta.items():
            if key == "title":
                doc.title = doc.title or value
            elif key == "subtitle":
                doc.subtitle = doc.subtitle or value
            elif value:
                doc.meta.setdefault(key, value)
        doc.removed[:0] = list(extract.removed)
    else:
        doc = read_markdown(text, local_files)
    _shape(doc, hints)
    return doc


@dataclass
class _Extract:
    meta: dict[str, str]
    markdown: str
    removed: list[tuple[str, str]]


def _aozora_extract(text: str) -> _Extract:
    aozora = read_aozora_header(text)
    meta = {"title": aozora.title, "subtitle": aozora.subtitle, "author": aozora.author}
    return _Extract({k: v for k, v in meta.items() if v}, aozora.body, list(aozora.removed))


def read_text(text: str, kind: str, cjk: bool, hints: Hints) -> Document:
    """A plain text as a shaped document."""
    if is_gutenberg(text):
        book = read_gutenberg(text)
        doc = read_plain(book.body, cjk, hints.title or book.title, hints.subtitle, hints.labels, hints.signature)
        doc.title = doc.title or book.title
        if book.author:
            doc.meta.setdefault("author", book.author)
        doc.removed[:0] = book.removed
    else:
        doc = read_plain(text, cjk, hints.title, hints.subtitle, hints.labels, hints.signature)
    if doc.title:
        doc.title = medium.cut_title_suffix(doc.title, doc)
    medium.clean_top(doc, 0)
    medium.clean_tail(doc)
    _lost_images(doc)
    return doc


def _heading_text(block: Block) -> str:
    return plain_text(block.spans).strip()


def _shape(doc: Document, hints: Hints) -> None:
    blocks = doc.blocks
    levels = [b.level for b in blocks if b.kind == "heading"]
    # The title: the front-matter's, or the first block when it is a heading of the top level (or names the
    # catalog's title); its own heading leaves the body either way.
    # A cover image may stand above the title's heading: it stays, as the body's first block.
    at = next((i for i, b in enumerate(blocks[:3]) if b.kind not in ("image", "lost-image")), 0)
    first = blocks[at] if blocks else None
    wanted = hints.title or doc.title
    if first is not None and first.kind == "heading":
        text = _heading_text(first)
        if (wanted and same(text, wanted)) or (doc.title is None and first.level == min(levels)):
            doc.title = doc.title or text
            blocks.pop(at)
    elif at == 0 and doc.title is None and first is not None and first.kind == "paragraph" and not hints.title:
        text = plain_text(first.spans).strip()
        if 0 < len(text) <= 200 and "\n" not in text and not any(s.kind == "break" for s in first.spans):
            doc.title = text
            blocks.pop(0)
    if doc.title:
        doc.title = medium.cut_title_suffix(doc.title, doc)
    # 'Original: <url>' near the top (or 'Originally published at …' at the end), as a paragraph or quoted.
    for i in [*range(min(4, len(blocks))), *range(max(4, len(blocks) - 2), len(blocks))]:
        block = blocks[i]
        inner = block.children[0] if block.kind == "quote" and len(block.children) == 1 else block
        if inner.kind == "paragraph":
            hrefs = [s.href for s in _spans(inner.spans) if s.kind == "link"]
            if take_original(plain_text(inner.spans), hrefs, doc):
                blocks.pop(i)
                break
    # The subtitle: the catalog's, or a heading right under the title that Medium's byline follows.
    if blocks and blocks[0].kind in ("heading", "paragraph"):
        text = plain_text(blocks[0].spans).strip()
        after = blocks[1] if len(blocks) > 1 else None
        if hints.subtitle and same(text, hints.subtitle):
            doc.subtitle = doc.subtitle or text
            blocks.pop(0)
        elif (blocks[0].kind == "heading" and doc.subtitle is None and after is not None
              and medium.interface_line(after, {})):
            doc.subtitle = text
            blocks.pop(0)
    doc.blocks = blocks
    medium.clean_top(doc, 0)
    medium.clean_export_lines(doc)
    if medium.is_export(doc):
        _export_subtitle(doc)
        medium.drop_undefined_captions(doc)
    _drop_repeats(doc)
    _drop_template_tags(doc)
    _relative_headings(doc)
    _lost_images(doc)


def _export_subtitle(doc: Document) -> None:
    """Medium export tools write the post's subtitle field as the first paragraph under the title: followed by a
    rule it is the subtitle; repeated among the next blocks (Medium's summary is the text's own start), the copy
    above leaves; otherwise it is the text's first paragraph."""
    blocks = doc.blocks
    if doc.subtitle is not None or not blocks or blocks[0].kind != "paragraph":
        return
    text = plain_text(blocks[0].spans).strip()
    if not text or len(text) > 300 or any(s.kind in ("image", "lost-image") for s in blocks[0].spans):
        return
    if len(blocks) > 1 and blocks[1].kind == "rule":
        doc.subtitle = text
        del blocks[:2]
        return
    key = _squash(text.rstrip(".…"))
    for block in blocks[1:6]:
        if block.kind in ("paragraph", "heading") and key and _squash(plain_text(block.spans)).startswith(key):
            doc.removed.append(("summary-field", text))
            del blocks[0]
            return


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _drop_repeats(doc: Document) -> None:
    """The title written again among the first blocks (export tools repeat it above the text)."""
    seen = {_squash(t) for t in (doc.title,) if t}
    seen.discard("")
    kept = []
    for i, block in enumerate(doc.blocks):
        if i < 6 and block.kind in ("heading", "paragraph") and _squash(plain_text(block.spans)) in seen:
            doc.removed.append(("repeated-title", plain_text(block.spans).strip()[:200]))
            continue
        kept.append(block)
    doc.blocks = kept


# A paragraph that is only a site generator's template tag: Liquid/Jekyll/Hexo `{% … %}`, Hugo `{{< … >}}`.
_TEMPLATE_TAG = re.compile(r"^(?:\s*(?:\{%.*?%\}|\{\{[<%].*?[>%]\}\})[^{}]{0,200}?)+\s*$", re.S)


def _drop_template_tags(doc: Document) -> None:
    kept = []
    for block in doc.blocks:
        text = plain_text(block.spans) if block.kind == "paragraph" else ""
        if text and _TEMPLATE_TAG.match(text) and all(s.kind == "text" for s in block.spans):
            doc.removed.append(("template-tag", text.strip()[:200]))
            continue
        kept.append(block)
    doc.blocks = kept


def _relative_headings(doc: Document) -> None:
    """Heading levels from 1 (the body's top level, under the page title) down, gaps kept as they were."""
    levels = sorted({b.level for b in _walk(doc.blocks) if b.kind == "heading"})
    if not levels:
        return
    base = levels[0]
    doc.blocks = [_relevel(b, base) for b in doc.blocks]


def _relevel(block: Block, base: int) -> Block:
    if block.kind == "heading":
        return replace(block, level=min(5, block.level - base + 1))
    if block.children or block.items:
        return replace(block, children=tuple(_relevel(b, base) for b in block.children),
                       items=tuple(tuple(_relevel(b, base) for b in item) for item in block.items))
    return block


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(block.children)
        for item in block.items:
            yield from _walk(item)


def _spans(spans):
    for span in spans:
        yield span
        yield from _spans(span.children)


def _lost_images(doc: Document) -> None:
    """Name every image the page does not show, and the links that lost tracking parameters."""
    tracked = 0
    for block in _walk(doc.blocks):
        if block.kind == "lost-image" and block.info:
            doc.removed.append(("image-not-preserved", block.info))
        cells = [s for row in block.rows for cell in row for s in cell]
        for span in _spans(list(block.spans) + cells):
            if span.kind == "lost-image":
                doc.removed.append(("image-not-preserved", span.href))
            elif span.kind == "link" and span.href in doc.tracked:
                tracked += 1
    if tracked:
        doc.removed.append(("tracking-parameters", str(tracked)))


def images_shown(doc: Document) -> set[str]:
    """The project paths of the local images the page shows."""
    found = set()
    for block in _walk(doc.blocks):
        if block.kind == "image":
            found.add(block.info)
        cells = [s for row in block.rows for cell in row for s in cell]
        found.update(s.href for s in _spans(list(block.spans) + cells) if s.kind == "image")
    return found


def prose_of(doc: Document) -> str:
    """The document's words without code, math or link targets: what its language is told from."""
    return "\n".join(filter(None, [doc.title or "", doc.subtitle or ""] + [block_text(b) for b in doc.blocks]))
