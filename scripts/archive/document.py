"""The document model every reader produces and the renderer alone turns into Markdown: blocks of inline spans."""

from __future__ import annotations

from dataclasses import dataclass, field

Removal = tuple[str, str]  # (kind: a kebab-case id worded per language in languages.py, detail: verbatim or "")


@dataclass(frozen=True)
class Span:
    """Inline content. kind: text, code, em, strong, strike, sup, sub, link (href), math (text: TeX), break,
    image (text: alt, href: a local file's project path, or "" when not preserved), note (href: footnote label)."""

    kind: str
    text: str = ""
    children: tuple[Span, ...] = ()
    href: str = ""


@dataclass(frozen=True)
class Block:
    """Block content. kind and what it uses:
    heading (level: 1 = the body's top level, spans), paragraph (spans), list (items, ordered, start),
    quote (children), code (text verbatim, info: language), math (text: TeX), table (rows of cells; the first row is
    the header; align), image (text: alt, info: a local file's project path or "" when not preserved, spans: caption),
    rule, details (spans: summary, children), footnote (info: label, children)."""

    kind: str
    spans: tuple[Span, ...] = ()
    children: tuple[Block, ...] = ()
    items: tuple[tuple[Block, ...], ...] = ()
    text: str = ""
    info: str = ""
    level: int = 0
    ordered: bool = False
    start: int = 1
    rows: tuple[tuple[tuple[Span, ...], ...], ...] = ()
    align: tuple[str, ...] = ()


@dataclass
class Document:
    title: str | None = None
    subtitle: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # page fields the text states: author, date, original_url, …
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    tracked: set[str] = field(default_factory=set)  # link targets the reader dropped tracking parameters from


def text_span(text: str) -> tuple[Span, ...]:
    return (Span("text", text),)


def paragraph(text: str) -> Block:
    return Block("paragraph", text_span(text))


def plain_text(spans: tuple[Span, ...] | list[Span]) -> str:
    """What the spans say, without markup: math and code as written, images as their alt text."""
    out = []
    for span in spans:
        if span.kind == "break":
            out.append(" ")
        elif span.kind == "note":
            continue
        elif span.children:
            out.append(plain_text(span.children))
        else:
            out.append(span.text)
    return "".join(out)


def block_text(block: Block) -> str:
    """The words of a block and everything inside it, for language identification and search checks."""
    if block.kind in ("code", "math"):
        return ""
    parts = [plain_text(block.spans)]
    parts += [block_text(b) for b in block.children]
    parts += [block_text(b) for item in block.items for b in item]
    parts += [plain_text(cell) for row in block.rows for cell in row]
    return "\n".join(p for p in parts if p)
