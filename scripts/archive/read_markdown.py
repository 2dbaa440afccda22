"""The Markdown reader: markdown-it-py (CommonMark, GFM tables and strikethrough, footnotes, task lists, front-matter,
dollar math) parses; this walks its syntax tree into the document model. Raw HTML: a safe subset becomes content,
anything else is kept as literal text."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from .document import Block, Document, Span, plain_text
from .front_matter import map_front_matter, split_front_matter
from .read_plain import is_cjk
from .urls import clean_link, is_remote

_PARSER = (
    MarkdownIt("commonmark", {"html": True})
    .enable(["table", "strikethrough"])
    .use(front_matter_plugin)
    .use(footnote_plugin)
    .use(tasklists_plugin)
    .use(dollarmath_plugin, double_inline=True)
    # Fenced divs (pandoc's `::: {.class}`, VuePress' `::: tip`, Zenn's `:::message`): their content is kept.
    .use(container_plugin, name="div", validate=lambda params, markup: True)
    # `{#id .class key=value}` after links, images and code (pandoc, kramdown): attributes, not text.
    .use(attrs_plugin)
)
# A pandoc/kramdown attribute list ending a heading: `## Title {#id .class}`.
_HEADING_ATTRS = re.compile(r"\s*\{(?:[#.][^{}]*|[^{}]*=[^{}]*|)\}\s*$")
# Inline HTML that becomes a span of that kind; 'span', 'u', 'small', 'mark', 'font' only wrap their content.
_INLINE_TAGS = {"sup": "sup", "sub": "sub", "b": "strong", "strong": "strong", "i": "em", "em": "em", "s": "strike",
                "del": "strike", "strike": "strike", "code": "code", "kbd": "code", "tt": "code", "a": "link",
                "span": "", "u": "", "small": "", "mark": "", "font": "", "ins": "", "abbr": ""}
# Block HTML whose content is kept without the tag (layout wrappers), and the tags handled on their own.
_BLOCK_TAGS = {"p", "div", "center", "figure", "figcaption", "picture", "source", "section", "article", "header",
               "footer", "details", "summary", "spoiler", "cut", "img", "br", "hr", "blockquote"}
_LANGUAGE = re.compile(r"^[\w+#.-]{1,40}$")


class _Tag(HTMLParser):
    """One parsed HTML fragment as events: ('start', tag, attrs), ('end', tag), ('data', text), ('comment',)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("start", tag, {k: v or "" for k, v in attrs}))
        self.events.append(("end", tag))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        self.events.append(("data", data))

    def handle_comment(self, data):
        self.events.append(("comment",))


def _merge_text(spans: list[Span]) -> tuple[Span, ...]:
    """Adjacent text spans as one; a soft line break becomes a space, or nothing between CJK characters."""
    out: list[Span] = []
    for span in spans:
        if span.kind == "text" and out and out[-1].kind == "text":
            out[-1] = Span("text", out[-1].text + span.text)
        elif span.kind != "text" or span.text:
            out.append(span)
    fixed = []
    for span in out:
        if span.kind == "text" and "\n" in span.text:
            span = Span("text", re.sub(r"(.?)[ \t]*\n[ \t]*(.?)", _soft_break, span.text, flags=re.S))
        fixed.append(span)
    return tuple(fixed)


def _soft_break(m: re.Match[str]) -> str:
    left, right = m.group(1), m.group(2)
    joiner = "" if (left and is_cjk(left)) or (right and is_cjk(right)) else " "
    return left + joiner + right


class _Reader:
    def __init__(self, doc: Document, local_files: frozenset[str], base: str) -> None:
        self.doc = doc
        self.local_files = local_files
        self.base = base  # the folder of the source, project-relative ("raw")
        self.tracked: set[str] = set()  # link targets that lost tracking parameters

    # ---------------------------------------------------------------- blocks

    def blocks(self, nodes: list[SyntaxTreeNode]) -> list[Block]:
        out: list[Block] = []
        stack: list[tuple[tuple[Span, ...], list[Block]]] = []  # open <details>/<spoiler>: summary, content
        for node in nodes:
            target = stack[-1][1] if stack else out
            if node.type == "html_block":
                self._html_block(node.content, target, stack, out)
                continue
            target.extend(self.block(node))
        while stack:  # unclosed: the summary and content stay, in place
            summary, content = stack.pop()
            (stack[-1][1] if stack else out).append(Block("details", summary, tuple(content)))
        return out

    def block(self, node: SyntaxTreeNode) -> list[Block]:
        t = node.type
        if t == "heading":
            spans = list(self.inline(node.children[0]))
            if spans and spans[-1].kind == "text" and _HEADING_ATTRS.search(spans[-1].text):
                spans[-1] = Span("text", _HEADING_ATTRS.sub("", spans[-1].text))
            return [Block("heading", _merge_text(spans), level=int(node.tag[1]))]
        if t == "container_div":
            return self._div(node)
        if t == "paragraph":
            return self._paragraph(self.inline(node.children[0]))
        if t in ("bullet_list", "ordered_list"):
            items = tuple(tuple(self.blocks(item.children)) for item in node.children)
            start = int(node.attrs.get("start", 1)) if t == "ordered_list" else 1
            return [Block("list", items=items, ordered=t == "ordered_list", start=start)]
        if t == "blockquote":
            return [Block("quote", children=tuple(self.blocks(node.children)))]
        if t in ("fence", "code_block"):
            info = node.info.split()[0] if t == "fence" and node.info.strip() else ""
            info = info.strip("{}.").split(":")[0]  # Qiita and Zenn write ```python:main.py
            if info.lower() in ("math", "latex", "tex") and t == "fence":
                return [Block("math", text=node.content.strip())]
            return [Block("code", text=node.content, info=info if _LANGUAGE.match(info) else "")]
        if t in ("math_block", "math_block_label"):
            tex = node.content.strip()
            habr = _HABR_DISPLAY.match(tex)  # `$$display$$…$$display$$` opening a line reads as a dollar block
            return [Block("math", text=_MD_ESCAPE.sub(r"\1", habr.group(1)).strip() if habr else tex)]
        if t == "table":
            return [self._table(node)]
        if t == "hr":
            return [Block("rule")]
        if t == "footnote_block":
            return [Block("footnote", info=str(n.meta["id"] + 1), children=tuple(self.blocks(n.children)))
                    for n in node.children]
        if t == "front_matter":  # a second or unreadable one: never body text
            self.doc.removed.append(("front-matter-unreadable", ""))
            return []
        if t == "html_block":
            out: list[Block] = []
            self._html_block(node.content, out, [], out)
            return out
        return self.blocks(node.children)  # anything else: its content

    def _div(self, node: SyntaxTreeNode) -> list[Block]:
        """A fenced div's content; Medium's export fields kept by pandoc (p-name: the title again, p-summary: the
        subtitle, often the first paragraph cut short) are taken apart."""
        content = self.blocks(node.children)
        info = node.info or ""
        kind, _, summary = info.strip().partition(" ")
        if kind in ("details", "spoiler"):  # Zenn's `:::details Title`, VuePress' `::: details Title`
            return [Block("details", (Span("text", summary.strip()),) if summary.strip() else (), tuple(content))]
        if "p-name" in info:
            self.doc.removed.append(("repeated-title", ""))
            return []
        if "p-summary" in info:
            text = " ".join(plain_text(b.spans) for b in content).strip()
            if text and self.doc.subtitle is None and not text.endswith(("...", "…")):
                self.doc.subtitle = text
            else:
                self.doc.removed.append(("summary-field", text[:200]))
            return []
        return content

    def _paragraph(self, spans: tuple[Span, ...]) -> list[Block]:
        """A paragraph of images only (and the empty links Medium puts around them) is one image block each; one of
        display formulas only, one math block each."""
        if spans and all(s.kind == "math" and s.href == "display" or (s.kind in ("text", "break") and not s.text.strip())
                         for s in spans) and any(s.kind == "math" for s in spans):
            return [Block("math", text=s.text) for s in spans if s.kind == "math"]
        images = [s for s in spans if s.kind in ("image", "lost-image")]
        rest = [s for s in spans if s.kind not in ("image", "lost-image", "break")
                and not (s.kind == "text" and not s.text.strip())
                and not (s.kind == "link" and not plain_text(s.children).strip() and not _images(s))]
        linked = [i for s in rest if s.kind == "link" and not plain_text(s.children).strip() for i in _images(s)]
        if (images or linked) and all(s.kind == "link" and not plain_text(s.children).strip() for s in rest):
            return [Block(i.kind, i.children, text=i.text, info=i.href) for i in images + linked]
        return [Block("paragraph", spans)] if spans else []

    def _table(self, node: SyntaxTreeNode) -> Block:
        rows = []
        align: list[str] = []
        for section in node.children:
            for tr in section.children:
                cells = []
                for cell in tr.children:
                    if section.type == "thead":
                        style = cell.attrs.get("style", "")
                        align.append(style.split(":", 1)[1] if ":" in str(style) else "")
                    cells.append(self.inline(cell.children[0]) if cell.children else ())
                rows.append(tuple(cells))
        width = len(align) or max((len(r) for r in rows), default=0)
        rows = [r + ((),) * (width - len(r)) for r in rows]
        return Block("table", rows=tuple(tuple(r[:width]) for r in rows), align=tuple(align))

    # ---------------------------------------------------------------- raw HTML

    def _html_block(self, source: str, target: list[Block], stack: list, out: list[Block]) -> None:
        events = _Tag(source).events
        tags = {e[1] for e in events if e[0] in ("start", "end")}
        if not tags <= (_BLOCK_TAGS | set(_INLINE_TAGS)):
            target.append(self._literal(source))
            return
        spans: list[Span] = []
        open_inline: list[tuple[str, dict, list[Span]]] = []
        summary: list[Span] | None = None
        caption_of: Block | None = None

        def current() -> list[Block]:
            return stack[-1][1] if stack else out

        def flush() -> None:
            nonlocal spans
            merged = _merge_text(spans)
            if plain_text(merged).strip() or any(s.kind in ("image", "lost-image") for s in merged):
                if caption_of is not None and current() and current()[-1] is caption_of:
                    current()[-1] = Block(caption_of.kind, merged, text=caption_of.text, info=caption_of.info)
                else:
                    current().extend(self._paragraph(merged))
            spans = []

        for event in events:
            kind = event[0]
            sink = open_inline[-1][2] if open_inline else (summary if summary is not None else spans)
            if kind == "data":
                sink.append(Span("text", re.sub(r"\s+", " ", event[1])))
            elif kind == "comment":
                self.doc.removed.append(("html-comment", ""))
            elif kind == "start":
                tag, attrs = event[1], event[2]
                if tag == "img":
                    image = self._image(attrs.get("src", ""), attrs.get("alt", ""))
                    if summary is None and not open_inline:
                        flush()
                        current().append(Block(image.kind, text=image.text, info=image.href))
                    else:
                        sink.append(image)
                elif tag == "br":
                    sink.append(Span("break"))
                elif tag in _INLINE_TAGS:
                    open_inline.append((tag, attrs, []))
                elif tag == "summary":
                    summary = []
                elif tag in ("details", "spoiler"):
                    flush()
                    title = attrs.get("title", "")
                    stack.append(((Span("text", title),) if title else (), []))
                elif tag == "cut":
                    self.doc.removed.append(("habr-cut", ""))
                elif tag == "figcaption":
                    flush()
                    caption_of = current()[-1] if current() and current()[-1].kind in ("image", "lost-image") else None
                elif tag == "hr":
                    flush()
                    current().append(Block("rule"))
                else:  # p, div, figure, …: a paragraph boundary
                    flush()
            elif kind == "end":
                tag = event[1]
                if open_inline and open_inline[-1][0] == tag:
                    name, attrs, children = open_inline.pop()
                    target_spans = open_inline[-1][2] if open_inline else (summary if summary is not None else spans)
                    target_spans.extend(self._wrap(name, attrs, children))
                elif tag == "summary" and summary is not None:
                    if stack:
                        stack[-1] = (_merge_text(summary), stack[-1][1])
                    summary = None
                elif tag in ("details", "spoiler") and stack:
                    flush()
                    sum_spans, content = stack.pop()
                    current().append(Block("details", sum_spans, tuple(content)))
                elif tag == "figcaption":
                    flush()
                    caption_of = None
                elif tag not in _INLINE_TAGS:
                    flush()
        while open_inline:
            name, attrs, children = open_inline.pop()
            (open_inline[-1][2] if open_inline else spans).extend(children)
        flush()

    def _literal(self, source: str) -> Block:
        """HTML outside the safe subset: shown as the text it is, line for line."""
        spans: list[Span] = []
        for i, line in enumerate(source.strip("\n").split("\n")):
            if i:
                spans.append(Span("break"))
            spans.append(Span("text", line))
        return Block("paragraph", tuple(spans))

    def _wrap(self, tag: str, attrs: dict, children: list[Span]) -> list[Span]:
        kind = _INLINE_TAGS[tag]
        merged = _merge_text(children)
        if kind == "link":
            return list(self._link(attrs.get("href", ""), merged))
        if kind == "code":
            return [Span("code", plain_text(merged))]
        return [Span(kind, children=merged)] if kind else list(merged)

    def _html_inline(self, source: str, stack: list[tuple[str, dict, list[Span]]]) -> None:
        sink = stack[-1][2]
        events = _Tag(source).events
        if len(events) == 1 and events[0][0] == "comment":
            self.doc.removed.append(("html-comment", ""))
            return
        if not events or events[0][0] not in ("start", "end"):
            sink.append(Span("text", source))
            return
        tag = events[0][1]
        if events[0][0] == "start":
            attrs = events[0][2]
            if tag == "input" and attrs.get("type") == "checkbox":  # a task list item's box
                sink.append(Span("text", "☑" if "checked" in attrs else "☐"))
            elif tag == "br":
                sink.append(Span("break"))
            elif tag == "img":
                sink.append(self._image(attrs.get("src", ""), attrs.get("alt", "")))
            elif tag == "cut":
                self.doc.removed.append(("habr-cut", ""))
            elif tag in _INLINE_TAGS and not source.rstrip().endswith("/>"):
                stack.append((tag, attrs, []))
            else:
                sink.append(Span("text", source))
        else:
            names = [entry[0] for entry in stack[1:]]
            if tag in names:
                while stack[-1][0] != tag:  # close what was left open inside
                    name, attrs, children = stack.pop()
                    stack[-1][2].extend(children)
                name, attrs, children = stack.pop()
                stack[-1][2].extend(self._wrap(name, attrs, children))
            elif tag != "cut":
                sink.append(Span("text", source))

    # ---------------------------------------------------------------- inline

    def inline(self, node: SyntaxTreeNode) -> tuple[Span, ...]:
        stack: list[tuple[str, dict, list[Span]]] = [("", {}, [])]
        self._inline_children(node.children or [], stack)
        while len(stack) > 1:  # unclosed inline HTML: its content stays, the tag is shown
            name, attrs, children = stack.pop()
            stack[-1][2].extend([Span("text", f"<{name}>")] + children)
        return _merge_text(stack[0][2])

    def _inline_children(self, nodes: list[SyntaxTreeNode], stack) -> None:
        for node in nodes:
            sink = stack[-1][2]
            t = node.type
            if t == "text":
                sink.append(Span("text", node.content))
            elif t == "softbreak":
                sink.append(Span("text", "\n"))
            elif t == "hardbreak":
                sink.append(Span("break"))
            elif t in ("em", "strong", "s"):
                sink.append(Span({"s": "strike"}.get(t, t), children=self._nested(node)))
            elif t == "link":
                sink.extend(self._link(str(node.attrs.get("href", "")), self._nested(node)))
            elif t == "image":
                image = self._image(str(node.attrs.get("src", "")), plain_text(self._nested(node)))
                title = str(node.attrs.get("title") or "").strip()
                sink.append(Span(image.kind, image.text, (Span("text", title),), image.href) if title else image)
            elif t == "code_inline":
                sink.append(Span("code", node.content))
            elif t == "math_inline":
                sink.append(Span("math", node.content.strip()))
            elif t == "math_inline_double":
                sink.append(Span("math", node.content.strip(), href="display"))
            elif t == "html_inline":
                self._html_inline(node.content, stack)
            elif t == "footnote_ref":
                sink.append(Span("note", href=str(node.meta["id"] + 1)))
            elif t == "footnote_anchor":
                continue
            else:
                self._inline_children(node.children or [], stack)

    def _nested(self, node: SyntaxTreeNode) -> tuple[Span, ...]:
        stack: list[tuple[str, dict, list[Span]]] = [("", {}, [])]
        self._inline_children(node.children or [], stack)
        while len(stack) > 1:
            name, attrs, children = stack.pop()
            stack[-1][2].extend([Span("text", f"<{name}>")] + children)
        return _merge_text(stack[0][2])

    def _link(self, href: str, children: tuple[Span, ...]) -> tuple[Span, ...]:
        url, dropped = clean_link(href)
        if dropped:
            self.tracked.add(url)
        if url is None:
            if re.match(r"^\s*(?:javascript|data|vbscript):", href, re.I):
                self.doc.removed.append(("unsafe-link", href[:200]))
            return children
        return (Span("link", children=children, href=url),)

    def _image(self, src: str, alt: str) -> Span:
        """An image the page shows (a file under raw/, named relative to the text or, site-absolute, to raw/
        itself) or one it cannot (another host's, or a file that is not there)."""
        if src and not is_remote(src):
            name = unquote(src.split("#")[0].split("?")[0])
            path = posixpath.normpath(posixpath.join(self.base, name.lstrip("/")))
            if path in self.local_files and (path + "/").startswith(self.base + "/"):
                return Span("image", alt, href=path)
        return Span("lost-image", alt, href=src)


def _images(span: Span) -> list[Span]:
    return [c for c in span.children if c.kind in ("image", "lost-image")]


_HABR_DISPLAY = re.compile(r"^display\$\$(.*)\$\$display$", re.S)
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _habr_math(state, silent: bool) -> bool:
    """Habr's math marks, `$inline$…$inline$` and `$$display$$…$$display$$`, read where the inline parser stands
    (before dollarmath, which would take the marks for formulas); Habr's Markdown escapes apply inside them."""
    for marker, kind in (("$$display$$", "math_inline_double"), ("$inline$", "math_inline")):
        if state.src.startswith(marker, state.pos):
            end = state.src.find(marker, state.pos + len(marker))
            if end < 0:
                return False
            if not silent:
                token = state.push(kind, "math", 0)
                token.content = _MD_ESCAPE.sub(r"\1", state.src[state.pos + len(marker) : end])
                token.markup = marker
            state.pos = end + len(marker)
            return True
    return False


_PARSER.inline.ruler.before("math_inline", "habr_math", _habr_math)

# Code blocks of site generators' template languages: Jekyll/Liquid `{% highlight py %}…{% endhighlight %}`, Hexo
# `{% codeblock … lang:py %}…{% endcodeblock %}`, Hugo `{{< highlight py >}}…{{< /highlight >}}`.
_TEMPLATE_CODE = (
    (re.compile(r"^\{%-?\s*highlight\s+([\w+#.-]+)?[^%]*-?%\}\s*$"), re.compile(r"^\{%-?\s*endhighlight\s*-?%\}\s*$")),
    (re.compile(r"^\{%-?\s*codeblock\b(?:[^%]*?\blang:([\w+#.-]+))?[^%]*-?%\}\s*$"), re.compile(r"^\{%-?\s*endcodeblock\s*-?%\}\s*$")),
    (re.compile(r"^\{\{[<%]\s*(?:highlight|code)\s+([\w+#.-]+)?[^>%]*[>%]\}\}\s*$"), re.compile(r"^\{\{[<%]\s*/(?:highlight|code)\s*[>%]\}\}\s*$")),
)


def _template_code(state, start: int, end: int, silent: bool) -> bool:
    """A template language's code block, read as a fence: its lines byte for byte, its language kept."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    for opening, closing in _TEMPLATE_CODE:
        m = opening.match(first)
        if not m:
            continue
        line = start + 1
        while line < end:
            text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
            if closing.match(text):
                break
            line += 1
        else:
            return False
        if silent:
            return True
        token = state.push("fence", "code", 0)
        token.info = m.group(1) or ""
        token.content = state.getLines(start + 1, line, state.sCount[start], True)
        token.markup = "{%"
        token.map = [start, line + 1]
        state.line = line + 1
        return True
    return False


_PARSER.block.ruler.before("fence", "template_code", _template_code, {"alt": ["paragraph", "reference", "blockquote", "list"]})


def read_markdown(text: str, local_files: frozenset[str] = frozenset(), base: str = "raw") -> Document:
    """Read a Markdown text: its front-matter into found metadata, its body into blocks (title not yet taken)."""
    doc = Document()
    data, body, _ = split_front_matter(text)
    if data is not None:
        found, removed = map_front_matter(data)
        doc.title = found.pop("title", None)
        doc.subtitle = found.pop("subtitle", None)
        doc.meta.update(found)
        doc.removed.append(("front-matter", ""))
        doc.removed.extend(removed)
    tokens = _PARSER.parse(body)
    reader = _Reader(doc, local_files, base)
    doc.blocks = reader.blocks(SyntaxTreeNode(tokens).children)
    notes = [b for b in doc.blocks if b.kind == "footnote"]
    doc.blocks = [b for b in doc.blocks if b.kind != "footnote"] + notes
    doc.tracked = reader.tracked
    return doc
