"""Read an HTML text (Medium's own export, or a saved web page) into metadata and CommonMark Markdown.

Medium's "Download your information" posts have a fixed shape (h1.p-name, section[data-field=body], a footer with
a.p-author, time.dt-published, a.p-canonical) and are read from it directly. Any other page goes through
readability-lxml, which finds the main text and leaves navigation, footers, asides and banners behind; the
comparison with trafilatura that chose it is in notes/import.md. Either way the kept HTML becomes Markdown through
markdownify with the few conversions the archive needs (code fences with their language, figures with captions,
nothing live: scripts, frames, forms and javascript: links are dropped, and text that looks like HTML or Markdown
is escaped so it reaches readers as text).

`removed` holds (kind, detail) pairs the renderer words per language:
  ("page-chrome", "")            navigation, header, footer, asides and banners around a saved page's text
  ("medium-export-footer", "")   Medium's export footer: "By … on …", "Canonical link", "Exported from Medium on …"
  ("title-suffix", " | Medium")  the site's name cut from the page title
  ("executable-html", "3")       scripts, frames, objects or forms inside the text (how many)
  ("repeated-title", "")         the title repeated as the text's first heading
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from markdownify import MarkdownConverter

__all__ = ["HtmlExtract", "looks_like_html", "extract_html"]


@dataclass
class HtmlExtract:
    meta: dict[str, str]  # any of title, subtitle, author, date (YYYY-MM-DD), original_url, description
    markdown: str  # the main text as CommonMark Markdown, without the title
    removed: list[tuple[str, str]] = field(default_factory=list)


# An HTML document begins (after a BOM, blank lines, an XML declaration and comments such as a browser's
# "saved from url") with one of these; Markdown that merely contains HTML does not.
_LEADING_JUNK = re.compile(r"^(?:\ufeff|\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.S)
_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|article\s+class=\"h-entry\")", re.I)

_EXECUTABLE = ("script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
               "button", "select", "textarea", "template", "canvas", "svg", "math", "link", "base")
_CHROME = ("nav", "header", "footer", "aside", "menu", "dialog")
# class or id words of page furniture that is not inside nav/footer elements
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:(?:cookie|consent|gdpr|banner|newsletter|subscribe|signup|share|sharing|social|related|comment|"
    r"sidebar|breadcrumb|promo|advert|popup|modal|paywall|toolbar)\w*|ads|skip-link)(?:$|[\s_-])", re.I)
# readability drops blocks shorter than this many characters; its default (25) drops short list items such as
# "- two" from the text, so lists came out with holes
MIN_TEXT = 10
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|·|::|»)\s+")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML document (not Markdown with some HTML in it)."""
    start = _LEADING_JUNK.match(text)
    return bool(_DOCUMENT_START.match(text, start.end() if start else 0))


def extract_html(text: str) -> HtmlExtract:
    """The metadata and the main text of an HTML document, as Markdown."""
    text = _LEADING_JUNK.sub("", text, count=1) if text.lstrip().startswith("<?xml") else text
    tree = lxml.html.document_fromstring(text or "<html></html>")
    if tree.find("body") is None:
        etree.SubElement(tree, "body")  # readability needs one
    if tree.find(".//*[@class]") is not None and _is_medium_export(tree):
        return _medium_export(tree)
    return _saved_page(tree)


# --- Medium's own export ---------------------------------------------------------------------------------------


def _is_medium_export(tree) -> bool:
    return bool(tree.xpath('//section[@data-field="body"]')) and bool(tree.xpath('//*[contains(@class, "p-name")]'))


def _medium_export(tree) -> HtmlExtract:
    meta: dict[str, str] = {}
    removed: list[tuple[str, str]] = []
    title = _text(_first(tree, '//h1[contains(@class, "p-name")]')) or _text(_first(tree, "//title"))
    if title:
        meta["title"] = title
    body = _first(tree, '//section[@data-field="body"]')
    body_text = _squash(body.text_content()) if body is not None else ""
    subtitle = _text(_first(tree, '//section[@data-field="subtitle"]'))
    # With no subtitle set, Medium fills the field with the first words of the text and "…": not a subtitle.
    if subtitle and not (subtitle.endswith("…") and subtitle[:-1].strip()[:60] in body_text[:400]):
        meta["subtitle"] = subtitle
    description = _text(_first(tree, '//section[@data-field="description"]'))
    if description:
        meta["description"] = description
    footer = _first(tree, "//article/footer | //footer")
    if footer is not None:
        author = _text(_first(footer, './/a[contains(@class, "p-author")]'))
        if author:
            meta["author"] = author
        published = _first(footer, './/time[contains(@class, "dt-published")]')
        date = _date(published.get("datetime") if published is not None else None)
        if date:
            meta["date"] = date
        canonical = _first(footer, './/a[contains(@class, "p-canonical")]')
        if canonical is not None and canonical.get("href", "").startswith(("http://", "https://")):
            meta["original_url"] = canonical.get("href")
        removed.append(("medium-export-footer", ""))
    if body is None:
        return HtmlExtract(meta, "", removed)
    # The first section's divider is Medium's invisible top rule; later ones are the author's section breaks.
    first_rule = _first(body, './/hr[contains(@class, "section-divider")]')
    if first_rule is not None:
        _drop(first_rule)
    for heading in body.xpath('.//*[contains(@class, "graf--title")]'):
        if _squash(heading.text_content()) == title:
            _drop(heading)
            removed.append(("repeated-title", ""))
    if "subtitle" in meta:
        for block in body.xpath('.//*[contains(@class, "graf--subtitle")] | .//p[contains(@class, "graf--p")]')[:1]:
            if _squash(block.text_content()) == meta["subtitle"]:
                _drop(block)
    removed += _drop_executable(body)
    _flatten_code(body)
    return HtmlExtract(meta, _to_markdown(body), removed)


# --- any other page ---------------------------------------------------------------------------------------------


def _saved_page(tree) -> HtmlExtract:
    from readability import Document  # imported here: the Medium path and looks_like_html do not need it

    meta = _page_meta(tree)
    removed: list[tuple[str, str]] = []
    title, suffix = _cut_title(meta.pop("title", ""), meta.pop("_site", ""), meta.get("author", ""), tree)
    if title:
        meta["title"] = title
    if suffix:
        removed.append(("title-suffix", suffix))
    _flatten_code(tree)
    page_text = _text(tree.find("body"))
    # readability sees the page as saved (its scores count scripts, forms and navigation); what is left of it is
    # cleaned afterwards
    summary = Document(lxml.html.tostring(tree, encoding="unicode"), min_text_length=MIN_TEXT).summary(html_partial=True)
    body = lxml.html.fragment_fromstring(summary, create_parent="div")
    body = _semantic_container(tree, body)
    executable = _drop_executable(body)
    for el in list(body.iter(*_CHROME, "div", "section", "p", "ul", "span", "h2", "h3", "h4", "h5", "h6")):
        furniture = _FURNITURE.search(f"{el.get('class', '')} {el.get('id', '')}")
        if el.getparent() is not None and (el.tag in _CHROME or furniture and len(_text(el)) < 400):
            _drop(el)
    if len(_text(body)) * 20 < len(page_text) * 19:
        removed.append(("page-chrome", ""))
    # the title repeated as the text's first heading (Medium writes it as an h3)
    for heading in body.xpath(".//h1 | .//h2 | .//h3 | .//h4")[:1]:
        if title and _squash(heading.text_content()) == title:
            _drop(heading)
            removed.append(("repeated-title", ""))
    return HtmlExtract(meta, _to_markdown(body), removed + executable)


# The page's own mark of its article, most specific first; the first that names exactly one element is taken.
_ARTICLE = ('//*[@itemprop="articleBody"]', '//*[contains(concat(" ", @class, " "), " entry-content ")]',
            '//*[contains(concat(" ", @class, " "), " post-content ")]', "//article[not(ancestor::article)]", "//main")


def _semantic_container(tree, chosen):
    """The page's own article element instead of readability's pick when it holds clearly more text: readability
    drops lists dense with links (a newsletter's list of fixed bugs) and blocks it scores low."""
    found = next((els[0] for els in (tree.xpath(path) for path in _ARTICLE) if len(els) == 1), None)
    if found is None:
        return chosen
    copy = lxml.html.fragment_fromstring(lxml.html.tostring(found, encoding="unicode"), create_parent="div")
    for junk in list(copy.iter(*_CHROME, "div", "section", "p", "ul", "span", "form")):
        furniture = _FURNITURE.search(f"{junk.get('class', '')} {junk.get('id', '')}")
        if junk.getparent() is not None and (junk.tag in _CHROME or furniture and len(_text(junk)) < 400):
            _drop(junk)
    return copy if len(_text(chosen)) * 12 < len(_text(copy)) * 10 else chosen  # 20 % more text than readability kept


def _page_meta(tree) -> dict[str, str]:
    """Title, author, date, canonical URL and description from a page's <head>, JSON-LD and microformats."""
    def head_meta(*names: str) -> str:
        for name in names:
            for el in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]'):
                value = _squash(el.get("content", ""))
                if value:
                    return value
        return ""

    ld = _json_ld_article(tree)
    meta: dict[str, str] = {}
    headings = [_text(h) for h in tree.xpath("//h1")]
    headings = [h for h in headings if h]
    title = head_meta("og:title", "twitter:title") or (headings[0] if len(headings) == 1 else "") or _text(_first(tree, "//title"))
    if isinstance(ld.get("headline"), str) and not title:
        title = _squash(ld["headline"])
    if title:
        meta["title"] = title
    author = _ld_author(ld) or head_meta("author", "article:author", "twitter:creator", "parsely-author", "sailthru.author")
    if not author or author.startswith(("http://", "https://", "@")):
        author = next(
            (t for t in (_text(el) for el in tree.xpath(
                '//*[@rel="author"] | //*[@itemprop="author"]//*[@itemprop="name"] | //*[contains(@class, "p-author")]'
                ' | //*[contains(concat(" ", @class, " "), " author ")] | //*[contains(@class, "byline-name")]'))
             if t and len(t) < 80), author if author and not author.startswith("http") else "")
    if author:
        meta["author"] = re.sub(r"^(?:by|von|par|автор:?)\s+", "", author, flags=re.I)
    published = _first(tree, '//time[@itemprop="datePublished"] | //time[contains(@class, "published")]'
                             ' | //time[contains(@class, "dt-published")] | //*[@itemprop="datePublished"]')
    date = _date((ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else "")
                 or head_meta("article:published_time", "datePublished", "publishDate", "date", "dc.date",
                              "DC.date.issued", "pubdate", "parsely-pub-date", "sailthru.date")
                 or (published.get("datetime") or published.get("content") or published.get("title") or "" if published is not None else ""))
    if date:
        meta["date"] = date
    canonical = _first(tree, '//link[@rel="canonical"]')
    url = (canonical.get("href", "") if canonical is not None else "") or head_meta("og:url")
    if url.startswith(("http://", "https://")):
        meta["original_url"] = url
    description = head_meta("description", "og:description", "twitter:description")
    if description:
        meta["description"] = description
    site = head_meta("og:site_name", "application-name")
    if site:
        meta["_site"] = site
    return meta


def _json_ld_article(tree) -> dict:
    """The first JSON-LD object that describes an article, or {}."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", script.text or ""))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack += item
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting", "Posting", "Report")) for k in kinds):
                    return item
                stack += [v for v in item.get("@graph", [])] if isinstance(item.get("@graph"), list) else []
    return {}


def _ld_author(ld: dict) -> str:
    author = ld.get("author")
    authors = author if isinstance(author, list) else [author]
    names = [a.get("name") if isinstance(a, dict) else a for a in authors]
    return ", ".join(_squash(n) for n in names if isinstance(n, str) and n.strip() and not n.startswith("http"))


def _cut_title(title: str, site: str, author: str, tree) -> tuple[str, str]:
    """The title without a site's suffix (" | by Jane | Medium", " – Firefox Nightly News"), and the suffix cut."""
    if not title:
        return "", ""
    for heading in tree.xpath("//h1"):
        h = _text(heading)
        if h and title.startswith(h) and len(h) < len(title) and _TITLE_SEPARATORS.match(title, len(h)):
            return h, title[len(h):]
    parts = _TITLE_SEPARATORS.split(title)
    seps = _TITLE_SEPARATORS.findall(title)
    known = {s.casefold() for s in (site, author, "medium") if s}
    keep = len(parts)
    while keep > 1:
        last = parts[keep - 1].strip().casefold()
        if last in known or last.startswith("by ") or (site and last in site.casefold()):
            keep -= 1
        else:
            break
    if keep == len(parts):
        return title, ""
    cut = "".join(s + p for s, p in zip(seps[keep - 1:], parts[keep:]))
    return "".join(p + s for p, s in zip(parts[:keep], seps[:keep - 1] + [""])), cut


# --- shared -----------------------------------------------------------------------------------------------------


def _drop_executable(root) -> list[tuple[str, str]]:
    found = [el for el in root.iter(*_EXECUTABLE)]
    for el in found:
        _drop(el)
    for el in root.iter():
        for name in [n for n in el.attrib if n.lower().startswith("on")]:
            del el.attrib[name]
    inside = [el for el in found if el.tag not in ("link", "base", "noscript")]
    return [("executable-html", str(len(inside)))] if inside else []


def _flatten_code(root) -> None:
    """Turn each <pre>'s highlighting markup into its plain text, before anything else looks at the page: a
    highlighter's <span class="comment"> looks like page furniture to readability, which would cut code lines."""
    for pre in root.iter("pre"):
        lines = []
        for node in pre.iter():
            if node.tag == "br":
                lines.append("\n")
            elif node is not pre and node.tag in ("div", "p") and lines and not lines[-1].endswith("\n"):
                lines.append("\n")  # some highlighters put each line in a block of its own
            if node.text and node.tag not in ("br",) and isinstance(node.tag, str):
                lines.append(node.text)
            if node is not pre and node.tail:
                lines.append(node.tail)
        code = pre.find("code")
        language = _lxml_code_language(pre)
        for child in list(pre):
            pre.remove(child)
        pre.text = None
        inner = etree.SubElement(pre, "code")
        inner.text = "".join(lines)
        if language:
            inner.set("class", f"language-{language}")
        elif code is not None and code.get("class"):
            inner.set("class", code.get("class"))


def _lxml_code_language(pre) -> str:
    for node in [pre, *pre.iter("code")][:2]:
        for attr in ("data-code-block-lang", "data-lang", "data-language", "lang"):
            if node.get(attr):
                return node.get(attr).strip()
        match = _CODE_CLASS.search(node.get("class", ""))
        if match:
            return match.group(1)
    return ""


def _drop(el) -> None:
    """Remove an element but keep the text that follows it (lxml stores it on the element as .tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _first(root, path: str):
    found = root.xpath(path) if root is not None else []
    return found[0] if found else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _text(el) -> str:
    return _squash(el.text_content()) if el is not None else ""


def _date(value: str | None) -> str:
    match = _DATE.match((value or "").strip())
    return match.group(1) if match else ""


_CODE_CLASS = re.compile(r"(?:^|\s)(?:language|lang|highlight-source|brush:?)-?\s*([A-Za-z0-9_+#.-]+)")


_ANCHOR_MARKS = {"#", "\\#", "¶", "§", "🔗", ""}


class _Converter(MarkdownConverter):
    """markdownify with code fences that keep their language and text, figures, safe links and escaped text."""

    def escape(self, text, parent_tags):
        # A line break in HTML source is a space to readers; escape_misc also escapes '<' and '&', so text such as
        # "<script>" stays text in CommonMark.
        text = super().escape(re.sub(r"[ \t]*\n\s*", " ", text), parent_tags)
        # '<' and '&' as character references: text in CommonMark and in Python-Markdown alike (the latter does not
        # take a backslash before '<')
        return text.replace("\\&", "&amp;").replace("\\<", "&lt;")

    def convert_pre(self, el, text, parent_tags):
        # _flatten_code left one <code class="language-…"> holding the code's exact text
        code = el.get_text().removeprefix("\n").rstrip("\n")
        if not code.strip():
            return ""
        longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
        fence = "`" * max(3, longest + 1)
        inner = el.find("code")
        language = _CODE_CLASS.search(" ".join(inner.get("class") or [])) if inner is not None else None
        return f"\n\n{fence}{language.group(1) if language else ''}\n{code}\n{fence}\n\n"

    def convert_a(self, el, text, parent_tags):
        href = (el.get("href") or "").strip()
        if href.startswith("#") and ({"h1", "h2", "h3", "h4", "h5", "h6"} & parent_tags or text.strip() in _ANCHOR_MARKS):
            return ""  # a heading's permalink mark
        if not href.lower().startswith(("http://", "https://", "mailto:", "#", "/")) and ":" in href.split("/")[0]:
            return text  # javascript:, data: and other schemes: the words stay, the link goes
        if el.find("img") is not None and not _squash(el.get_text()) and text.strip().startswith("!["):
            return text  # an image that links to its own full-size copy is just the image
        return super().convert_a(el, text.replace("\n", " "), parent_tags)

    def convert_img(self, el, text, parent_tags):
        src = (el.get("src") or el.get("data-src") or "").strip()
        if not src and el.get("srcset"):
            src = el.get("srcset").split(",")[0].split()[0]
        if not src or src.lower().startswith(("javascript:", "data:")):
            return ""
        if el.get("width") == "1" or el.get("height") == "1":
            return ""  # tracking pixels
        alt = re.sub(r"[\[\]\\]", "", _squash(el.get("alt") or ""))
        src = src.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        return f"![{alt}]({src})"

    def convert_figure(self, el, text, parent_tags):
        return f"\n\n{text.strip()}\n\n"

    def convert_figcaption(self, el, text, parent_tags):
        caption = _squash(text)
        return f"\n\n{caption}\n\n" if caption else ""


def _to_markdown(root) -> str:
    html = etree.tostring(root, encoding="unicode", method="html")
    md = _Converter(heading_style="ATX", bullets="-", escape_misc=True, strip_document="strip",
                    newline_style="backslash", code_language="").convert(html)
    md = re.sub(r"[ \t]+\n", "\n", md)
    md = re.sub(r"^(?:\\|#{1,6})\n", "", md, flags=re.M)  # a line break or a heading with nothing in it
    md = re.sub(r"\\\n\n", "\n\n", md)  # a line break that ends its paragraph
    md = re.sub(r"\n{3,}", "\n\n", md)
    md = _drop_empty_sections(md)
    return md.strip() + "\n" if md.strip() else ""


_HEADING = re.compile(r"^(#{1,6}) ")


def _drop_empty_sections(md: str) -> str:
    """Drop headings with nothing under them (a sharing box's "Like this:" whose buttons went with the scripts)."""
    lines = md.split("\n")
    keep = [True] * len(lines)
    fence = None
    content = [i for i, line in enumerate(lines) if line.strip()]
    for pos, i in enumerate(content):
        line = lines[i]
        if fence is None and re.match(r"^(`{3,}|~{3,})", line):
            fence = re.match(r"^(`{3,}|~{3,})", line).group(1)
            continue
        if fence is not None:
            if line.startswith(fence) and not line.strip(fence[0]).strip():
                fence = None
            continue
        heading = _HEADING.match(line)
        if heading:
            following = [lines[j] for j in content[pos + 1:pos + 2]]
            nxt = _HEADING.match(following[0]) if following else None
            if not following or (nxt and len(nxt.group(1)) <= len(heading.group(1))):
                keep[i] = False
    return "\n".join(line for line, k in zip(lines, keep) if k)
