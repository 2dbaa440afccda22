"""Hypothesis properties of the pure core: any text either becomes a page or is refused cleanly; no letter lost."""

from __future__ import annotations

import html
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import languages
from archive.decode import DecodeError, decode_raw
from archive.normalize import NormalizeError, normalize
from archive.read_plain import decode_entities
from archive.readers import looks_like_markdown

# Letters of all four scripts, digits, the punctuation and markup that the parser reacts to, and the spaces.
ALPHABET = (
    "abcXYZ ЖжёЯ 漢字學 かなカナ 0123 .,;:!?。、！？…-–—•+*_#<>&[](){}|~^=$`'\"«»“” \u00a0\u3000\u200b\t"
)
texts = st.lists(
    st.text(alphabet=ALPHABET, min_size=0, max_size=80), min_size=1, max_size=12
).map(lambda lines: "\n".join(lines))


def letters(text: str) -> Counter:
    return Counter(ch for ch in unicodedata.normalize("NFC", text) if ch.isalnum())


def attempt(text: str):
    try:
        return normalize(decode_raw(text.encode("utf-8")), "raw/x.txt", "0" * 64)
    except (DecodeError, NormalizeError):
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_becomes_a_page_or_is_refused_cleanly_and_deterministically(text):
    page = attempt(text)
    if page is not None:
        assert page.text == attempt(text).text
        assert page.text.endswith("\n") and not page.text.endswith("\n\n") and "\r" not in page.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_no_letter_or_digit_of_a_plain_text_is_lost(text):
    page = attempt(text)
    if page is None or looks_like_markdown(text):
        return
    shown = "\n".join([page.meta["title"], page.meta.get("subtitle", ""), html.unescape(page.body)])
    # HTML character references in plain text are decoded once: '&amp;' is the one letter-free '&'.
    assert letters(decode_entities(unicodedata.normalize("NFC", text))[0]) - letters(shown) == Counter()


# Markdown made of the pieces the Markdown reader reacts to: front-matter, fences, lists, quotes, tables, footnotes,
# math, raw HTML (safe and not), template code blocks, Medium's lines, images local and remote.
PIECES = ["# ", "## ", "Title\n=====\n", "---\n", "title: x\n", "+++\n", "```py\n", "```\n", "    code\n", "- ", "1. ",
          "  - ", "> ", "| a | b |\n", "|---|---|\n", "[^1]", "[^1]: note\n", "$x$", "$$\n", "$inline$", "$$display$$",
          "<details>", "</details>", "<summary>s</summary>", "<spoiler title=\"t\">", "</spoiler>", "<cut/>",
          "<img src=\"a.png\" alt=\"x\" onerror=\"x()\">", "<br>", "<sup>", "</sup>", "<script>", "<iframe src=\"x\">", "**",
          "*", "_", "`", "[l](https://x.org/?utm_source=1)", "[j](javascript:alert(1))", "![i](img/a.png \"c\")",
          "![r](https://r.org/x.png)", ":::details D\n", ":::\n", "{% highlight py %}\n", "{% endhighlight %}\n", "word ",
          "слово ", "漢字", "かな", "\n", "\n\n", "Follow\n", "8 min read\n", "[Canonical link](https://medium.com/@a/x)\n",
          "undefined\n", "Original: https://o.org/p\n", "&amp;", "{.cls}", "::: {.p-summary}\n"]
markdown_texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_texts)
def test_markdown_becomes_a_page_deterministically_and_nothing_in_it_goes_live(text):
    import re

    import markdown
    from test_readers_plain import SITE_CONFIGS, SITE_EXTENSIONS

    def page_of(t: str):
        try:
            return normalize(decode_raw(t.encode()), "raw/x.md", "0" * 64, local_files=frozenset({"raw/img/a.png"}))
        except (DecodeError, NormalizeError):
            return None

    page = page_of(text)
    if page is None:
        return
    assert page.text == page_of(text).text
    html = markdown.markdown(page.body, extensions=SITE_EXTENSIONS, extension_configs=SITE_CONFIGS)
    assert "<script" not in html and "<iframe" not in html and not re.search(r"<[^>]+\son\w+=", html)
    assert not re.search(r'(?:src|href)="(?:javascript|https?://r\.org)', html)
    # a local image, from the page's folder: /essays/<id>/ in English, /<lang>/essays/<id>/ in the others
    local = "../" * (2 + bool(languages.url_prefix(page.meta["lang"]))) + "raw/img/a.png"
    assert all(src == local for src in re.findall(r'<img[^>]*src="([^"]*)"', html))
