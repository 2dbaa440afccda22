"""Render an essay page: YAML front-matter in schema order, then the body, written from the document model as
Markdown that MkDocs (Python-Markdown with the extensions in mkdocs.yml) shows as intended: one small function per
block kind and per span kind, as mdformat's renderers; text always escaped, so it reaches readers literally."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Callable, Iterable

import yaml

from . import languages, schema
from .document import Block, Span

# Characters Markdown (and the pymdownx extensions) would read as markup; as numeric references they show as
# themselves. '&' first so that the references made here are not escaped again.
_INLINE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;",
           "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;", "~": "&#126;", "^": "&#94;",
           "=": "&#61;", "$": "&#36;"}
_INLINE_RX = re.compile("|".join(map(re.escape, _INLINE)))
_LINE_START = re.compile(r"^(\s*)(#|[+\-]\s|-+$|\d+[.)]|!|:|\?\?\?)")
# libyaml when present (PyYAML's wheels carry it): 2,000 pages are dumped by every normalize and read by every build.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_EMOJI = re.compile(r":(?=[a-z0-9_+\-]+:)")
INDENT = "    "  # Python-Markdown nests list content, footnotes and details by four spaces


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders it character for character: no HTML, no links, no markup."""
    text = _INLINE_RX.sub(lambda m: _INLINE[m.group()], text)
    text = _EMOJI.sub("&#58;", text)
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)


def _attr(value: str) -> str:
    return html.escape(value, quote=True).replace("|", "%7C")


class _Context:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        # From the page (/<lang>/essays/<id>/) up to the site root, where raw/ files are published.
        self.root = "../" * (2 + bool(languages.url_prefix(lang)))


# ---------------------------------------------------------------- spans


def _tag(tag: str) -> Callable[[Span, _Context], str]:
    return lambda span, ctx: f"<{tag}>{render_spans(span.children, ctx)}</{tag}>"


def _missing_image_note(alt: str, ctx: _Context) -> str:
    note = languages.get(ctx.lang).missing_image
    alt = f": {escape_text(alt)}" if alt.strip() else ""
    return f"*&#91;{note}{alt}&#93;*"


def _local_image(alt: str, path: str, ctx: _Context) -> str:
    return f'<img src="{_attr(ctx.root + path)}" alt="{_attr(alt)}" loading="lazy">'


SPAN_RENDERERS: dict[str, Callable[[Span, _Context], str]] = {
    "text": lambda s, ctx: escape_text(s.text),
    "code": lambda s, ctx: f"<code>{escape_text(s.text)}</code>",
    "em": _tag("em"),
    "strong": _tag("strong"),
    "strike": _tag("s"),
    "sup": _tag("sup"),
    "sub": _tag("sub"),
    "link": lambda s, ctx: f'<a href="{_attr(s.href)}">{render_spans(s.children, ctx)}</a>',
    "math": lambda s, ctx: "\\(" + s.text.replace("\\)", "\\ )").replace("\n", " ") + "\\)",
    "break": lambda s, ctx: "<br>",
    "image": lambda s, ctx: _local_image(s.text, s.href, ctx),
    "lost-image": lambda s, ctx: _missing_image_note(s.text, ctx),
    "note": lambda s, ctx: f"[^{s.href}]",
}


def render_spans(spans: Iterable[Span], ctx: _Context) -> str:
    return "".join(SPAN_RENDERERS[s.kind](s, ctx) for s in spans)


# ---------------------------------------------------------------- blocks


def _indent(text: str, first: str = "") -> str:
    """Text nested under a marker: the first line after `first`, the others four spaces in (blank lines empty)."""
    lines = text.split("\n")
    rest = [(INDENT + line) if line.strip() else "" for line in lines[1:]]
    return "\n".join([first + lines[0]] + rest)


def _heading(block: Block, ctx: _Context) -> str:
    return "#" * (block.level + 1) + " " + render_spans(block.spans, ctx)


def _paragraph(block: Block, ctx: _Context) -> str:
    return render_spans(block.spans, ctx)


def _tight(item: tuple[Block, ...]) -> bool:
    """An item that is one paragraph, perhaps with a list under it: written without blank lines."""
    return (len(item) == 1 and item[0].kind == "paragraph") or (
        len(item) == 2 and item[0].kind == "paragraph" and item[1].kind == "list" and all(map(_tight, item[1].items))
    )


def _list(block: Block, ctx: _Context) -> str:
    tight = all(map(_tight, block.items))
    out = []
    for n, item in enumerate(block.items):
        marker = f"{block.start + n}. " if block.ordered else "- "
        if tight:
            body = "\n".join(BLOCK_RENDERERS[b.kind](b, ctx) for b in item)
        else:
            body = render_blocks(item, ctx)
        out.append(_indent(body or "&#160;", marker))
    return ("\n" if tight else "\n\n").join(out)


def _quote(block: Block, ctx: _Context) -> str:
    body = render_blocks(block.children, ctx) or "&#160;"
    return "\n".join(f"> {line}" if line else ">" for line in body.split("\n"))


def _code(block: Block, ctx: _Context) -> str:
    runs = [len(r) for r in re.findall(r"`+", block.text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    text = block.text if block.text.endswith("\n") or not block.text else block.text + "\n"
    return f"{fence}{block.info}\n{text}{fence}"


def _math(block: Block, ctx: _Context) -> str:
    tex = "\n".join(line for line in block.text.split("\n") if line.strip())
    return f"$$\n{tex}\n$$"


def _table(block: Block, ctx: _Context) -> str:
    def row(cells: tuple[tuple[Span, ...], ...]) -> str:
        return "| " + " | ".join(render_spans(c, ctx).replace("\n", " ") or "&#160;" for c in cells) + " |"

    rule = {"left": ":---", "right": "---:", "center": ":---:"}
    width = len(block.rows[0]) if block.rows else 0
    align = list(block.align) + [""] * (width - len(block.align))
    lines = [row(block.rows[0]), "| " + " | ".join(rule.get(a, "---") for a in align[:width]) + " |"]
    lines += [row(r) for r in block.rows[1:]]
    return "\n".join(lines)


def _image(block: Block, ctx: _Context) -> str:
    shown = _local_image(block.text, block.info, ctx)
    caption = render_spans(block.spans, ctx)
    return shown + (f"<br>\n<em>{caption}</em>" if caption else "")


def _lost_image(block: Block, ctx: _Context) -> str:
    note = _missing_image_note(block.text, ctx)
    caption = render_spans(block.spans, ctx)
    return note + (f"<br>\n{caption}" if caption else "")


def _details(block: Block, ctx: _Context) -> str:
    summary = render_spans(block.spans, ctx).replace('"', "&#34;") or "…"
    body = render_blocks(block.children, ctx) or "&#160;"
    return f'??? spoiler "{summary}"\n' + "\n".join((INDENT + l) if l.strip() else "" for l in body.split("\n"))


def _footnote(block: Block, ctx: _Context) -> str:
    return _indent(render_blocks(block.children, ctx) or "&#160;", f"[^{block.info}]: ")


BLOCK_RENDERERS: dict[str, Callable[[Block, _Context], str]] = {
    "heading": _heading,
    "paragraph": _paragraph,
    "list": _list,
    "quote": _quote,
    "code": _code,
    "math": _math,
    "table": _table,
    "image": _image,
    "lost-image": _lost_image,
    "rule": lambda block, ctx: "---",
    "details": _details,
    "footnote": _footnote,
}


def render_blocks(blocks: Iterable[Block], ctx: _Context) -> str:
    return "\n\n".join(out for out in (BLOCK_RENDERERS[b.kind](b, ctx) for b in blocks) if out)


def render_body(blocks: Iterable[Block], lang: str) -> str:
    return render_blocks(blocks, _Context(lang))


def render_page(meta: dict, body: str) -> str:
    """The page file: deterministic bytes (schema key order, LF, NFC, one trailing newline)."""
    front = yaml.dump(schema.ordered(meta), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    page = f"---\n{front}---\n\n{body.strip()}\n"
    return unicodedata.normalize("NFC", page)


def read_front_matter(text: str) -> dict | None:
    """The front-matter of a page, or None when the text has none (or it is not a mapping)."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    try:
        meta = yaml.load(text[4:end], Loader=_Loader)
    except yaml.YAMLError:
        return None
    return meta if isinstance(meta, dict) else None
