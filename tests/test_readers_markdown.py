"""The Markdown reader, the reader dispatch and the renderer: structure kept, front-matter read, HTML made safe, and
the page body rendered by Python-Markdown with the site's extensions as intended."""

from __future__ import annotations

import html as htmllib
import re

import markdown
import pytest

from archive.catalog import Entry
from archive.decode import decode_raw
from archive.document import plain_text
from archive.normalize import normalize
from archive.read_markdown import read_markdown
from archive.readers import format_of
from archive.render import render_body
from test_readers_plain import SITE_CONFIGS, SITE_EXTENSIONS

SHA = "0" * 64


def page_of(text: str, local: frozenset[str] = frozenset(), **facts):
    return normalize(decode_raw(text.encode()), "raw/x.md", SHA, Entry(facts), local)


def html_of(page) -> str:
    return markdown.markdown(page.body, extensions=SITE_EXTENSIONS, extension_configs=SITE_CONFIGS)


def shown(html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


# ---------------------------------------------------------------- format by content


@pytest.mark.parametrize("text", [
    "---\ntitle: T\n---\n\nBody.",
    "+++\ntitle = 'T'\n+++\n\nBody.",
    "Title\n\nSome words.\n\n```python\nx = 1\n```\n",
    "Intro line\n\n## A section\n\nText.",
    "Title\n=====\n\nText.",
    "T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "T\n\n- one\n- two\n\nwith `code` and `more`.",
])
def test_markdown_is_told_by_what_it_is_written_with_not_by_links(text):
    assert format_of(text) == "markdown"


@pytest.mark.parametrize("text", [
    "Title\n\nA plain paragraph. Another sentence follows it.\n\n- a dash line in plain prose\n",
    "Title\n\n#1 reason is this, and 1. is not a list either.\n",
    "Заголовок\n\nОбычный текст без разметки: ничего особенного.",
])
def test_plain_text_stays_plain(text):
    assert format_of(text) == "plain"


def test_a_txt_file_with_markdown_is_read_as_markdown():
    page = normalize(decode_raw(b"# A title\n\nBody with *emphasis*.\n\n## Part\n\nMore."), "raw/x.txt", SHA)
    assert page.meta["title"] == "A title"
    assert "<em>emphasis</em>" in html_of(page) and "<h2" in html_of(page)


# ---------------------------------------------------------------- front-matter


def test_yaml_front_matter_fills_the_page_and_never_reaches_body_or_description():
    text = ("---\ntitle: \"Front: matter\"\nauthor: [Ann, Bob]\ndate: 2024-03-05T10:00:00Z\n"
            "description: A short summary.\nlang: en-US\ncanonical_url: https://example.org/p?utm_source=x\n"
            "tags: [ml]\nlayout: post\n---\n\nThe body paragraph is here and it is long enough to describe.\n")
    page = page_of(text)
    m = page.meta
    assert (m["title"], m["author"], m["date"], m["lang"]) == ("Front: matter", "Ann, Bob", "2024-03-05", "en")
    assert m["original_url"] == "https://example.org/p" and m["description"] == "A short summary."
    assert {"kind": "front-matter-field", "detail": "tags: ml"} in m["removed"]
    assert {"kind": "front-matter-field", "detail": "layout: post"} in m["removed"]
    assert "layout" not in page.body and "title" not in page.body


def test_toml_front_matter_and_the_catalog_winning_key_by_key():
    text = "+++\ntitle = \"TOML title\"\ndate = 2021-01-02\nauthor = \"Hugo Writer\"\n+++\n\n# TOML title\n\nBody text of the post.\n"
    page = page_of(text, author="Catalog Author")
    assert page.meta["title"] == "TOML title" and page.meta["date"] == "2021-01-02"
    assert page.meta["author"] == "Catalog Author"
    assert "TOML title" not in page.body  # the title's own heading leaves the body


def test_zenn_qiita_devto_conventions():
    zenn = page_of("---\ntitle: \"記事\"\nemoji: \"🤖\"\ntype: \"tech\"\ntopics: [python]\npublished: true\n---\n\n本文です。長い文章がここに続きます。\n")
    assert zenn.meta["title"] == "記事" and zenn.meta["lang"] == "ja"
    assert {"kind": "front-matter-field", "detail": "emoji: 🤖"} in zenn.meta["removed"]
    devto = page_of("---\ntitle: Dev\npublished: true\ncanonical_url: https://dev.to/a/b\ncover_image: https://x.org/c.png\n---\n\nBody of the dev.to post.\n")
    assert devto.meta["original_url"] == "https://dev.to/a/b"
    assert "x.org" not in devto.body
    assert devto.meta.get("date") is None  # `published: true` is no date
    # Qiita CLI's front-matter (synthetic: no Qiita post under an open licence was found, tests/real/SOURCES.md)
    qiita = page_of("---\ntitle: 勉強の記録\ntags:\n  - Linux\nprivate: false\nupdated_at: '2024-01-02T03:04:05+09:00'\n"
                    "id: 0123456789abcdef0123\norganization_url_name: null\nslide: false\nignorePublish: false\n---\n\n"
                    "## はじめに\n\n毎日少しずつ勉強を続けています。今日はその記録です。\n")
    assert qiita.meta["title"] == "勉強の記録" and qiita.meta["lang"] == "ja"
    for key in ("private", "updated_at", "organization_url_name", "ignorePublish", "0123456789abcdef0123"):
        assert key not in qiita.body and key not in qiita.meta.get("description", ""), key
    assert "## はじめに" in qiita.body


def test_a_broken_front_matter_is_still_kept_out_of_the_body():
    page = page_of("---\ntitle: [unclosed\n---\n\n# Real title\n\nBody.\n")
    assert page.meta["title"] == "Real title" and "unclosed" not in page.body


# ---------------------------------------------------------------- structure


def test_setext_title_and_heading_levels_relative_to_it():
    page = page_of("Title here\n==========\n\nIntro.\n\nPart one\n--------\n\nText.\n\n### Deeper\n\nMore.\n")
    assert page.meta["title"] == "Title here"
    assert "\n## Part one\n" in page.body and "\n### Deeper\n" in page.body
    zenn_style = page_of("---\ntitle: T\n---\n\n# Section\n\nText.\n\n## Sub\n\nMore.\n")
    assert "## Section" in zenn_style.body and "### Sub" in zenn_style.body


def test_nested_lists_quotes_tables_emphasis_and_footnotes_render_as_such():
    text = ("# T\n\nSome *em*, **strong**, ~~gone~~, `x < y` and a note.[^a]\n\n- one\n  - nested\n- two\n\n"
            "1. first\n2. second\n\nA paragraph after the list.\n\n> quoted **text**\n\n"
            "| L | R |\n|:--|--:|\n| a \\| b | 2 |\n\n- [ ] open task\n- [x] done task\n\n[^a]: The note.\n")
    html = html_of(page_of(text))
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html and "<s>gone</s>" in html
    assert "<code>x &lt; y</code>" in html
    assert re.search(r"<ul>\s*<li>one\s*<ul>\s*<li>nested</li>", html)
    assert "<ol>" in html and "<p>A paragraph after the list.</p>" in html
    assert "<blockquote>" in html and '<th style="text-align: left;">L</th>' in html and "a | b" in shown(html)
    assert 'class="footnote"' in html and "The note." in html and 'href="#fn:1"' in html
    assert "☐ open task" in html and "☑ done task" in html


def test_code_is_kept_byte_for_byte_with_its_language():
    code = 'def f(x):\n    if x < 1 && y > 2:\n\n        return "<b>&amp;</b>"  # ``` inside\n'
    page = page_of(f"# T\n\nText.\n\n````python\n{code}````\n\n    indented <code>\n\n    after blank\n")
    html = html_of(page)
    blocks = re.findall(r"<pre>(.*?)</pre>", html, re.S)
    assert [htmllib.unescape(re.sub(r"<[^>]+>", "", b)) for b in blocks] == [code, "indented <code>\n\nafter blank\n"]
    assert "language-python" in html or 'class="highlight"' in html
    assert "&amp;lt;" not in html  # never escaped twice


def test_math_is_marked_for_the_site_inline_display_and_habr():
    page = page_of("# T\n\nInline $a^2$ and Habr $inline$b_1 < 2$inline$.\n\n$$\n\\frac{1}{2}\n$$\n")
    assert "\\(a^2\\)" in page.body and "\\(b_1 < 2\\)" in page.body and "$$\n\\frac{1}{2}\n$$" in page.body
    html = html_of(page)
    assert html.count('class="arithmatex"') == 3


def test_links_lose_tracking_parameters_and_only_safe_schemes_stay_links():
    page = page_of("# T\n\n[a](https://x.org/p?utm_source=tw&id=3&fbclid=Z) [b](javascript:alert(1)) "
                   "[c](https://medium.com/p?source=post_page-----x----) [d](/relative) [e](mailto:a@b.c)\n")
    html = html_of(page)
    assert 'href="https://x.org/p?id=3"' in html and 'href="https://medium.com/p"' in html
    assert 'href="mailto:a@b.c"' in html and "javascript" not in re.sub(r">[^<]*<", "><", html)
    assert "/relative" not in html and {"kind": "tracking-parameters", "detail": "2"} in page.meta["removed"]


def test_safe_html_becomes_content_and_the_rest_is_literal_text():
    text = ("# T\n\nH<sub>2</sub>O and x<sup>2</sup>, a<br>break, <b>bold</b>.\n\n"
            "<details><summary>Spoiler title</summary>\n\nHidden text.\n\n</details>\n\n"
            "<spoiler title=\"Habr spoiler\">\n\nInside it.\n\n</spoiler>\n\n<cut/>\n\n"
            "<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n"
            "<p onclick=\"x()\"><img src=\"https://cdn.example/p.png\" alt=\"pic\" onerror=\"x()\"></p>\n\n"
            "<a href=\"javascript:alert(1)\">bad</a> and <span onmouseover=\"x()\">span</span>\n")
    page = page_of(text)
    html = html_of(page)
    assert "H<sub>2</sub>O" in html and "x<sup>2</sup>" in html and "a<br>break" in html and "<strong>bold</strong>" in html
    assert re.search(r'<details class="spoiler">\s*<summary>Spoiler title</summary>\s*<p>Hidden text.</p>', html)
    assert re.search(r'<summary>Habr spoiler</summary>\s*<p>Inside it.</p>', html)
    assert {"kind": "habr-cut"} in page.meta["removed"] and "cut" not in shown(html)
    for live in ("<script", "<iframe", "onclick", "onerror", "onmouseover", 'href="javascript', "<img"):
        assert live not in html, live
    assert "<script>alert(1)</script>" in shown(html) and '<iframe src="https://evil.example"></iframe>' in shown(html)
    assert "Image not preserved in this copy: pic" in shown(html)


def test_remote_images_become_a_note_with_alt_and_caption_local_ones_are_shown():
    text = "# T\n\nText.\n\n![A chart](https://cdn.example.com/c.png \"Its caption\")\n\n![Local](img/pic.png)\n\n![Gone](img/missing.png)\n"
    page = page_of(text, frozenset({"raw/img/pic.png"}))
    html = html_of(page)
    assert "cdn.example.com" not in html and "Image not preserved in this copy: A chart" in shown(html)
    assert "Its caption" in shown(html)
    assert '<img alt="Local" loading="lazy" src="../../raw/img/pic.png"' in html or 'src="../../raw/img/pic.png"' in html
    assert page.meta["images"] == ["raw/img/pic.png"]
    assert {"kind": "image-not-preserved", "detail": "https://cdn.example.com/c.png"} in page.meta["removed"]
    assert {"kind": "image-not-preserved", "detail": "img/missing.png"} in page.meta["removed"]
    ru = normalize(decode_raw("# Т\n\nТекст.\n\n![Локальная](img/pic.png)\n".encode()), "raw/x.md", SHA, Entry(), frozenset({"raw/img/pic.png"}))
    assert 'src="../../../raw/img/pic.png"' in ru.body  # /ru/essays/<id>/ is one folder deeper


def test_descriptions_skip_code_captions_original_lines_and_front_matter():
    text = ("---\ntitle: T\ntags: [a]\n---\n\n> Original: https://example.org/post?utm_source=x\n\n"
            "```\ncode that is long enough to be taken for a description if nothing stopped it\n```\n\n"
            "![x](https://a.b/c.png)\n\nA caption under the image that is long enough to be prose here.\n\n"
            "The first real paragraph of prose, which says what the essay is about.\n")
    page = page_of(text)
    assert page.meta["description"] == "The first real paragraph of prose, which says what the essay is about."
    assert page.meta["original_url"] == "https://example.org/post" and "Original" not in page.body


# ---------------------------------------------------------------- Medium shapes


def test_medium_markdown_export_lines_give_author_date_url_and_leave():
    text = ("# The title\n\nThe subtitle of the post\n\n---\n\n![](https://cdn-images-1.medium.com/max/800/1*x.png)\n\n"
            "### The title\n\nBody paragraph one, which is long enough to be a description of it.\n\n"
            "By [Jane Roe](https://medium.com/@jane) on [March 5, 2021](https://medium.com/p/0123456789ab).\n\n"
            "[Canonical link](https://medium.com/@jane/the-title-0123456789ab)\n\n"
            "Exported from [Medium](https://medium.com) on March 9, 2021.\n")
    page = page_of(text)
    m = page.meta
    assert (m["title"], m["subtitle"], m["author"], m["date"]) == ("The title", "The subtitle of the post", "Jane Roe", "2021-03-05")
    assert m["original_url"] == "https://medium.com/@jane/the-title-0123456789ab" and m["essay"] == "the-title"
    for junk in ("Canonical", "Exported", "By Jane", "### The title", "---"):
        assert junk not in page.body


def test_a_medium_summary_repeated_by_the_text_leaves_once_and_undefined_captions_go():
    text = ("# T\n\nThe summary, the text's own start, cut\n\n![](https://cdn-images-1.medium.com/a.png)\n\n"
            "The summary, the text's own start, cut short by Medium — here in full.\n\n"
            "![](https://cdn-images-1.medium.com/b.png)\nundefined\n\nundefinedundefined\n\n"
            "[Canonical link](https://medium.com/@a/t-0123456789ab)\n")
    page = page_of(text)
    assert "subtitle" not in page.meta and page.body.count("The summary") == 1 and "undefined" not in page.body
    assert page.body.count("Image not preserved") == 2


def test_a_copied_medium_page_loses_its_interface_lines():
    text = ("Why It Matters | by Jane Doe | Medium\n\nA subtitle line for the essay\n\nJane Doe\n\nFollow\n\n"
            "Published in Towards Data Science\n\n·\n\n8 min read\n\n·\n\nAug 9, 2023\n\n--\n\n12\n\nListen\n\nShare\n\n"
            "The first paragraph of the essay, with enough words to be read as prose.\n\nThe end of it.\n\n--\n\n3\n\nFollow\n")
    page = page_of(text)
    m = page.meta
    assert (m["title"], m["subtitle"], m["author"], m["date"], m["publication"]) == (
        "Why It Matters", "A subtitle line for the essay", "Jane Doe", "2023-08-09", "Towards Data Science")
    body = shown(html_of(page))
    for junk in ("Follow", "min read", "Listen", "Share", "12", "--", "·"):
        assert junk not in body, junk
    assert body.strip().endswith("The end of it.")


def test_a_paragraph_that_only_mentions_medium_words_stays():
    page = page_of("Title\n\nFollow the data, and share what you learn: that is the job of an engineer.\n\nMore text.")
    assert "Follow the data" in page.body


# ---------------------------------------------------------------- the document model


def test_reader_hands_over_spans_not_markdown():
    doc = read_markdown("Some *em* and [a link](https://x.org) and `code`.\n")
    spans = doc.blocks[0].spans
    assert [s.kind for s in spans] == ["text", "em", "text", "link", "text", "code", "text"]
    assert plain_text(spans) == "Some em and a link and code."
    assert render_body(doc.blocks, "en") == 'Some <em>em</em> and <a href="https://x.org">a link</a> and <code>code</code>.'


def test_site_generators_code_blocks_and_details_containers():
    text = ("---\ntitle: T\n---\n\nIntro.\n\n{% highlight python linenos %}\n# a comment\ndef f(x):\n\n    return x < 1\n"
            "{% endhighlight %}\n\n{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}\n\n"
            "{% codeblock Title lang:js %}\nlet a = 1;\n{% endcodeblock %}\n\n```python:main.py\nprint(1)\n```\n\n"
            ":::details More\nHidden **content**.\n:::\n")
    page = page_of(text)
    html = html_of(page)
    codes = [htmllib.unescape(re.sub(r"<[^>]+>", "", b)) for b in re.findall(r"<pre>(.*?)</pre>", html, re.S)]
    assert codes == ["# a comment\ndef f(x):\n\n    return x < 1\n", "func main() {}\n", "let a = 1;\n", "print(1)\n"]
    assert "```python\n" in page.body and "```go\n" in page.body and "```js\n" in page.body
    assert re.search(r'<details class="spoiler">\s*<summary>More</summary>\s*<p>Hidden <strong>content</strong>.</p>', html)
    assert "highlight" not in shown(html) and "<h" not in html.split("<pre>")[1].split("</pre>")[0]


def test_original_lines_in_their_usual_wordings_and_places():
    top = page_of("# T\n\n英文原文：[link](https://example.org/en/post?utm_source=a)\n\n正文第一段，足够长的中文句子。\n")
    assert top.meta["original_url"] == "https://example.org/en/post" and "英文原文" not in top.body
    # `原文链接：` and a translator's credit line (synthetic: the real texts with them had no licence, tests/real/SOURCES.md)
    credited = page_of("# 标题\n\n原文链接：[https://example.org/post.html](https://example.org/post.html)\n\n"
                       "Translated from [Post](https://example.org/post.html) by [Someone](https://example.org/).\n\n"
                       "正文第一段，足够长的中文句子，说明这篇文章要讲什么。\n")
    assert credited.meta["original_url"] == "https://example.org/post.html" and "原文链接" not in credited.body
    assert credited.meta["description"] == "正文第一段，足够长的中文句子，说明这篇文章要讲什么。"
    end = page_of("# T\n\nThe body of the post, long enough to be prose.\n\n"
                  "*Originally published at [my blog](https://blog.example.org/p) on May 1.*\n")
    assert end.meta["original_url"] == "https://blog.example.org/p" and "Originally" not in end.body
    stated = page_of("---\ntitle: T\ncanonical_url: https://a.example/x\n---\n\nOriginal: https://b.example/y\n\nBody.\n")
    assert stated.meta["original_url"] == "https://a.example/x"


def test_a_cover_image_above_the_title_stays_and_site_absolute_images_are_found_under_raw():
    local = frozenset({"raw/images/cover.png", "raw/img/my pic.png"})
    page = page_of("![cover](/images/cover.png)\n\n# The title\n\nText ![x](img/my%20pic.png).\n", local)
    assert page.meta["title"] == "The title" and page.meta["images"] == ["raw/images/cover.png", "raw/img/my pic.png"]
    outside = page_of("# T\n\n![x](../secret.png)\n", frozenset({"secret.png"}))
    assert "images" not in outside.meta


def test_every_language_words_every_kind_of_removal():
    from archive import languages

    for language in languages.LANGUAGES:
        assert tuple(language.removals) == languages.REMOVAL_KINDS, language.code
        assert all(words.strip() for words in language.removals.values())


# SYNTHETIC: Medium's HTML export converted by pandoc (fenced divs, attribute lists, the export's footer), built here
# in that shape with our own words: no such file under an open licence was found (tests/real/SOURCES.md).
PANDOC_MEDIUM = """<div>

# Keeping a Kitchen Logbook {#keeping-a-kitchen-logbook .p-name}

</div>

::: {.section .p-summary field="subtitle"}
What a notebook by the stove taught me
:::

:::::::: {.section .e-content field="body"}
::::: {#13b6 .section .section .section--body .section--first .section--last}
::: section-divider

------------------------------------------------------------------------
:::

:::: section-content
::: {.section-inner .sectionLayout--insetColumn}
### Keeping a Kitchen Logbook {#9572 .graf .graf--h3 .graf--leading .graf--title name="9572"}

#### What a notebook by the stove taught me {#a8bf .graf .graf--h4 .graf-after--h3 .graf--subtitle name="a8bf"}

For a year I wrote down every meal I cooked, with what went wrong and
what I would change next time.

### The first month {#26f1 .graf .graf--h3 .graf-after--p name="26f1"}

Most entries were one line long. A few
[notes](https://example.org/notes?utm_source=medium){.markup--anchor .markup--p-anchor
data-href="https://example.org/notes" rel="noopener" target="_blank"}
grew into pages.

<figure id="96d8" class="graf graf--figure graf-after--p">
<img
src="https://cdn-images-1.medium.com/max/800/1*Synthetic1Image.png"
class="graf-image" data-image-id="1*Synthetic1Image.png"
data-width="1000" data-height="600" />
</figure>

By the end of the year the logbook was the most useful book in the kitchen.
:::
::::
:::::
::::::::

By [Ada Example](https://medium.com/@adaexample){.p-author .h-card}
on [February 3, 2025](https://medium.com/p/8bc2bb747aeb).

[Canonical
link](https://medium.com/@adaexample/keeping-a-kitchen-logbook-8bc2bb747aeb){.p-canonical}

Exported from [Medium](https://medium.com) on March 1, 2025.
"""


def test_pandoc_converted_medium_export():
    page = page_of(PANDOC_MEDIUM)
    meta = page.meta
    assert meta["title"] == "Keeping a Kitchen Logbook" and meta["subtitle"] == "What a notebook by the stove taught me"
    assert meta["author"] == "Ada Example" and meta["date"] == "2025-02-03"
    assert meta["original_url"] == "https://medium.com/@adaexample/keeping-a-kitchen-logbook-8bc2bb747aeb"
    for junk in (":::", "{.", "{#", "data-href", "graf", "Keeping a Kitchen Logbook", "Canonical", "Exported from",
                 "Ada Example", "utm_source", "cdn-images"):
        assert junk not in page.body, junk
    assert "\n## The first month\n" in page.body and "most useful book in the kitchen." in page.body
    assert meta["description"].startswith("For a year I wrote down every meal I cooked")
