"""Hook: formulas become MathML when the site is built, so browsers draw them natively and no math script or font is
loaded (from this host or another). pymdownx.arithmatex (generic) marks the TeX; latex2mathml converts it; TeX it
cannot read stays visible as TeX."""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# arithmatex's generic output: <span class="arithmatex">\(…\)</span>, <div class="arithmatex">\[…\]</div>
_MATH = re.compile(r'<(span|div) class="arithmatex">\\([(\[])(.*?)\\[)\]]</\1>', re.S)
# MathML attributes that could link or run something: latex2mathml writes `href` for \href.
_UNSAFE = re.compile(r'\s(?:href|on\w+|xlink:href|src)="[^"]*"', re.I)


def to_mathml(tex: str, block: bool) -> str:
    """One formula as MathML, or the TeX itself shown as code when it cannot be converted."""
    try:
        mathml = convert(tex, display="block" if block else "inline")
    except Exception:  # latex2mathml raises many kinds on TeX it does not know; the reader still sees the formula
        escaped = html.escape(tex)
        return f"<pre><code>{escaped}</code></pre>" if block else f"<code>{escaped}</code>"
    mathml = _UNSAFE.sub("", mathml)
    # The TeX rides along as MathML's own annotation: not drawn, but copied, searched and read by tools.
    start = mathml.index(">") + 1
    annotation = f'<annotation encoding="application/x-tex">{html.escape(tex)}</annotation>'
    mathml = f"{mathml[:start]}<semantics>{mathml[start:-len('</math>')]}{annotation}</semantics></math>"
    return f'<div class="archive-math">{mathml}</div>' if block else mathml


def _replace(m: re.Match[str]) -> str:
    return to_mathml(html.unescape(m.group(3)).strip(), m.group(2) == "[")


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if 'class="arithmatex"' not in content:
        return content
    return _MATH.sub(_replace, content)
