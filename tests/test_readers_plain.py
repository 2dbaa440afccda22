"""The plain-text reader (and the Medium export seed read as Markdown): title, metadata, blocks; escaping; ids;
descriptions."""

from __future__ import annotations

import html as htmllib
import re

import markdown

from archive.catalog import Entry
from archive.decode import decode_raw
from archive.normalize import normalize, slugify
from archive.document import plain_text
from archive.read_plain import join_wrapped, read_plain, wrap_width
from archive.render import escape_text
from archive.urls import clean_url, essay_id_from_url

SHA = "0" * 64
# The Markdown extensions mkdocs.yml gives the site (its YAML has Python tags, so they are named here).
SITE_EXTENSIONS = ["toc", "footnotes", "tables", "pymdownx.details", "pymdownx.highlight", "pymdownx.superfences",
                   "pymdownx.arithmatex"]
SITE_CONFIGS = {"pymdownx.arithmatex": {"generic": True, "inline_syntax": ["round"], "block_syntax": ["dollar"]},
                "pymdownx.superfences": {"preserve_tabs": True}}


def parse_text(text: str, cjk: bool):
    return read_plain(text, cjk)


def texts(blocks) -> list[str]:
    return [plain_text(b.spans) if b.kind != "list" else "\n".join(plain_text(i[0].spans) for i in b.items) for b in blocks]


def page_of(text: str, **facts) -> "object":
    labels = tuple(facts.pop("labels", ()))
    return normalize(decode_raw(text.encode()), "raw/x.txt", SHA, Entry(facts, labels))


def html_of(text: str) -> str:
    return markdown.markdown(page_of(text).body)


def test_cjk_wrapped_lines_never_gain_a_space():
    assert join_wrapped("ロックダウンしており", "その上今週から", cjk=True) == "ロックダウンしておりその上今週から"
    assert join_wrapped("あまり", "Machine learning", cjk=True) == "あまりMachine learning"
    assert join_wrapped("machine", "learning", cjk=True) == "machine learning"
    assert join_wrapped("machine", "learning", cjk=False) == "machine learning"


def test_hard_wrapped_japanese_blog_joins_sentences_and_keeps_paragraphs():
    text = "題名\n\n私が住んでいるトロント市は現在ロックダウンしており\n\nその上今週から非常事態宣言も発表されて、\n\n強まっていました。\n\u00a0\n次の段落です。"
    parsed = parse_text(decode_raw(text.encode()).text, cjk=True)
    assert texts(parsed.blocks) == [
        "私が住んでいるトロント市は現在ロックダウンしておりその上今週から非常事態宣言も発表されて、強まっていました。",
        "次の段落です。",
    ]


def test_hard_wrapped_english_block_is_one_paragraph_and_long_lines_are_paragraphs_each():
    wrapped = "Title\n\nThis line was wrapped at a\nfixed width by the blog engine\nthat exported it."
    assert texts(parse_text(wrapped, cjk=False).blocks) == [
        "This line was wrapped at a fixed width by the blog engine that exported it."
    ]
    long = "Title\n" + "\n".join(f"Paragraph {i} " + "word " * 30 + "end." for i in range(2))
    assert len(parse_text(long, cjk=False).blocks) == 2


def test_bare_short_lines_between_paragraphs_are_headings():
    text = "Title\n\nFirst paragraph that is long enough to be prose, ending well.\n\nTHE ROLE OF THE ENGINEER\n\nA paragraph follows the heading and it is longer than it.\n\nA closing line"
    blocks = parse_text(text, cjk=False).blocks
    kinds = list(zip([b.kind for b in blocks], texts(blocks)))
    assert ("heading", "THE ROLE OF THE ENGINEER") in kinds
    assert kinds[-1] == ("paragraph", "A closing line")  # nothing follows it: not a heading


def test_lists_bullets_and_lettered_items():
    text = "Title\n\nIntro paragraph that is long enough here:\n\n  • A. first item, or\n  • Б. second item.\n\n+ plus item\n- dash item\n\nX. alone is a sentence."
    blocks = parse_text(text, cjk=False).blocks
    assert blocks[1].kind == "list" and texts(blocks)[1].split("\n")[:2] == ["A. first item, or", "Б. second item."]
    assert "plus item" in texts(blocks)[1] and "dash item" in texts(blocks)[1]
    assert blocks[-1].kind == "paragraph"
    lettered = parse_text("Title\n\nA. one thing\nB. another thing\n", cjk=False).blocks
    assert lettered[0].kind == "list"


def test_colon_then_semicolon_paragraphs_are_a_list():
    text = "Title\n\nThey do many things, including:\n\nanalysis and reporting;\n\nstatistical modelling;\n\nmachine learning.\n\nAfter the list."
    blocks = parse_text(text, cjk=False).blocks
    assert blocks[1].kind == "list" and len(blocks[1].items) == 3


def test_medium_export_byline_url_and_missing_image():
    text = (
        "# 标题\n\n> 原文：[`example.com/some-essay-title-0123456789ab?source=rss#2023-08-09`]"
        "(https://example.com/some-essay-title-0123456789ab?source=rss#2023-08-09)\n\n## 副标题\n\n"
        "[](https://medium.com/@jane?source=x)![Jane Doe](https://medium.com/@jane?source=x) [Jane Doe](https://medium.com/@jane?source=x)\n\n·\n\n"
        "[关注](https://medium.com/m/signin?x) 发表在 [The Pub](https://towardsdatascience.com/?source=x) ·4 分钟阅读·2023 年 8 月 9 日\n\n--\n\n"
        "[](https://medium.com/m/signin?bookmark)![](img/abc.png)\n\n正文第一段。这是足够长的句子，用来作为描述的内容，长度需要超过四十个字符才行的。\n"
    )
    page = page_of(text)
    assert page.meta["title"] == "标题" and page.meta["subtitle"] == "副标题"
    assert page.meta["author"] == "Jane Doe" and page.meta["publication"] == "The Pub"
    assert page.meta["date"] == "2023-08-09"
    assert page.meta["original_url"] == "https://example.com/some-essay-title-0123456789ab"
    assert page.meta["essay"] == "some-essay-title"
    assert "此副本未保留图片" in page.body and "img/abc.png" not in page.body
    assert "medium.com" not in page.body
    assert {"kind": "medium-interface", "detail": "4"} in page.meta["removed"]


def test_image_for_post_placeholder_becomes_a_visible_note_not_an_image():
    page = page_of("Title\n\nSome paragraph of prose that goes on for a while.\n\nImage for post\n\nCaption of it.")
    html = markdown.markdown(page.body)
    assert "Image not preserved in this copy" in html and "<img" not in html
    assert "Image for post" not in page.body


def test_markup_in_plain_text_reaches_readers_as_literal_text():
    text = (
        "Title\n\n<script>alert(1)</script> and <b>bold</b> & [click](javascript:alert(1)) "
        "and {{ config.site_name }} {% raw %} *stars* _under_ `tick` ~~strike~~ :smile: | a | b | \\(x\\) $$y$$\n"
        "# not a heading, though it is short\n\n1. not a list, since it is a plain text.\n\n??? note \"not a spoiler\"\n\n---\n"
    )
    html = markdown.markdown(page_of(text).body, extensions=SITE_EXTENSIONS + ["pymdownx.tilde", "pymdownx.emoji", "attr_list"],
                             extension_configs=SITE_CONFIGS)
    for live in ("<script", "<b>", "<a ", "<em>", "<strong>", "<code>", "<del>", "<h1", "<ol", "<hr", "<table", "<img",
                 "<details", "arithmatex"):
        assert live not in html, live
    shown = htmllib.unescape(re.sub(r"<[^>]+>", "", html))
    for literal in ("<script>alert(1)</script>", "<b>bold</b> &", "[click](javascript:alert(1))", "{{ config.site_name }}",
                    "{% raw %}", "*stars*", "_under_", "`tick`", "~~strike~~", ":smile:", "| a | b |",
                    "# not a heading", "1. not a list", "---", "\\(x\\) $$y$$", '??? note "not a spoiler"'):
        assert literal in shown, literal


def test_raw_html_and_script_links_in_markdown_exports_are_inert():
    text = "# T\n\nProse [ok](https://example.org) and [bad](javascript:alert(1)) <script>x()</script> [link](https://a.b/c) and more [x](https://d.e)."
    html = markdown.markdown(page_of(text).body)
    assert '<a href="https://example.org">ok</a>' in html
    assert 'href="javascript:' not in html and "<script" not in html


def test_essay_ids():
    assert essay_id_from_url("https://towardsdatascience.com/machine-learning-engineers-what-do-they-actually-do-e666081c3181") == "machine-learning-engineers-what-do-they-actually-do"
    assert essay_id_from_url("https://example.org/blog/My_Post.html") == "my-post"
    assert slugify("What’s an ML engineer?") == "whats-an-ml-engineer"
    assert slugify("Чем занимается инженер") == "chem-zanimaetsya-inzhener"
    assert slugify("Was macht ein Ingenieur für große Modelle?") == "was-macht-ein-ingenieur-fur-grosse-modelle"
    assert slugify("O que faz um engenheiro de aprendizado de máquina") == "o-que-faz-um-engenheiro-de-aprendizado-de-maquina"
    assert page_of("機械学習とは何か\n\n本文です。長い文章がここに続きます。").meta["essay"] == "x"
    # Digits and Latin words of a CJK title are no id: two such texts would be taken for translations.
    assert page_of("合成文章 0003 ML\n\n本文です。").meta["essay"] == "x"


def test_clean_url_strips_tracking_and_reads_date_fragment():
    assert clean_url("https://a.com/p-0123456789ab?source=rss----7#2023-08-09") == ("https://a.com/p-0123456789ab", "2023-08-09")
    assert clean_url("https://a.com/p") == ("https://a.com/p", None)


def test_language_is_detected_and_the_catalog_overrides_it():
    assert page_of("Заголовок\n\nТекст на русском языке, довольно длинный абзац.").meta["lang"] == "ru"
    assert page_of("标题\n\n这是中文的正文。").meta["lang"] == "zh"
    assert page_of("タイトル\n\nこれは日本語の本文です。").meta["lang"] == "ja"
    assert page_of("Title\n\nAn English body.").meta["lang"] == "en"
    assert page_of("Title\n\nAn English body.", lang="ru").meta["lang"] == "ru"


def test_descriptions_fit_160_characters_and_cut_at_a_word():
    page = page_of("Title\n\n" + "word " * 100)
    assert len(page.meta["description"]) <= 160 and page.meta["description"].endswith("word…")
    zh = page_of("标题\n\n" + "这是中文句子" * 60)
    assert len(zh.meta["description"]) == 160


def test_escape_text_is_plain_for_plain_words():
    assert escape_text("Plain words, nothing special.") == "Plain words, nothing special."


def test_original_line_in_plain_text_gives_the_url_and_leaves_the_body():
    page = page_of("A title\n\nOriginal: https://example.org/blog/a-title?utm_source=x\n\nThe body paragraph.", title="A title")
    assert page.meta["original_url"] == "https://example.org/blog/a-title"
    assert page.meta["essay"] == "a-title" and "Original" not in page.body


def _wrapped(width: int, paragraphs: int = 3) -> str:
    """Paragraphs of words hard-wrapped at `width` characters, as a blog engine or mail client writes them."""
    words = ("machine learning engineers build and ship the systems that carry models into production every day "
             "while data scientists explore questions ").split() * 6
    out = []
    for _ in range(paragraphs):
        lines, line = [], ""
        for word in words:
            if len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        out.append("\n".join(lines + [line + "."]))
    return "\n\n".join(out)


def test_lines_wrapped_past_100_characters_are_joined_at_the_width_the_text_shows():
    assert wrap_width(_wrapped(104), cjk=False) >= 101
    blocks = parse_text("Title\n\n" + _wrapped(104), cjk=False).blocks
    assert [b.kind for b in blocks] == ["paragraph"] * 3
    # A text whose lines are paragraphs of any length shows no wrap width: each line stays a paragraph.
    loose = "Title\n" + "\n".join("word " * n + "end." for n in (30, 12, 45, 21, 38, 9))
    assert wrap_width(loose, cjk=False) == 100 and len(parse_text(loose, cjk=False).blocks) == 6


def test_a_paragraph_after_a_list_is_not_taken_into_it():
    text = ("Title\n\nThey do many things, including:\n\nanalysis and reporting;\n\nstatistical modelling;\n\n"
            "machine learning.\n\nThese people build things. They ship them to production, and they keep them running.\n")
    blocks = parse_text(text, cjk=False).blocks
    assert [b.kind for b in blocks] == ["paragraph", "list", "paragraph"] and len(blocks[1].items) == 3
    long_last = "Title\n\nIncluding:\n\none;\n\ntwo;\n\nThis closing paragraph is much longer than any item of the list, so it is prose.\n"
    assert [b.kind for b in parse_text(long_last, cjk=False).blocks] == ["paragraph", "list", "paragraph"]


def test_html_character_references_in_plain_text_are_decoded_once():
    page = page_of("Title\n\nAT&amp;T&#8217;s &lt;b&gt; and &amp;lt; stays one level, &copy without semicolon.")
    shown = htmllib.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(page.body)))
    assert "AT&T’s <b> and &lt; stays one level, &copy without semicolon." in shown
    assert {"kind": "html-entities", "detail": "5"} in page.meta["removed"]
