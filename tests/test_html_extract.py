"""html_extract: Medium's own export (synthetic pages in its structure, below) and saved web pages (real files in
tests/real/html/) into metadata and Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
import markdown

from archive.html_extract import extract_html, looks_like_html

REAL = Path(__file__).parent / "real" / "html"


def real(name: str) -> str:
    return (REAL / name).read_text(encoding="utf-8")


def rendered(text: str) -> str:
    """The Markdown as MkDocs' Python-Markdown shows it (the page body stays Markdown that MkDocs renders)."""
    return markdown.markdown(text, extensions=["tables", "fenced_code"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("\ufeff\n<!-- saved from url=(0022)https://example.com/ -->\n<html lang=en><p>x", True),
        ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>', True),
        ("# A title\n\nSome text with <b>bold</b> and <img src=a.png>.\n", False),
        ('<div align="center"><img src="logo.png"></div>\n\n# Project\n\ntext\n', False),
        ("---\ntitle: x\n---\n<html> is a tag\n", False),
        ("Plain text that mentions <html> in its first line.\n", False),
    ],
)
def test_looks_like_html_only_for_documents(text, expected):
    assert looks_like_html(text) is expected


# SYNTHETIC: no post of Medium's own export ("Download your information", posts/*.html) under an open licence was
# found, so these pages are built here in that export's structure (h1.p-name, section[data-field=subtitle],
# section[data-field=body] with Medium's graf markup, the title and subtitle repeated as its first h3/p, gist embeds
# as <script> in a figure, the footer with a.p-author, time.dt-published, a.p-canonical and "Exported from"); the
# words are our own. tests/real/SOURCES.md lists this under "Shapes without a licensed real example".
EXPORT_STYLE = "* { font-family: Georgia, Cambria, serif; }\n      h1 { font-size: 50px; }\n      section[data-field=subtitle] { display: none; }"


def medium_export(title: str, subtitle: str, inner: str, *, post_id: str = "11204364d969", slug: str = "a-post") -> str:
    return (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f"<title>{title}</title><style>\n      {EXPORT_STYLE}\n      </style></head><body>"
        f'<article class="h-entry">\n<header>\n<h1 class="p-name">{title}</h1>\n</header>\n'
        f'<section data-field="subtitle" class="p-summary">\n{subtitle}\n</section>\n'
        '<section data-field="body" class="e-content">\n<section name="45ab" class="section section--body '
        'section--first section--last"><div class="section-divider"><hr class="section-divider"></div>'
        f'<div class="section-content"><div class="section-inner sectionLayout--insetColumn">{inner}</div></div>'
        "</section>\n</section>\n"
        '<footer><p>By <a href="https://medium.com/@adaexample" class="p-author h-card">Ada Example</a> on '
        f'<a href="https://medium.com/p/{post_id}"><time class="dt-published" datetime="2019-05-03T17:57:47.666Z">'
        "May 3, 2019</time></a>.</p>"
        f'<p><a href="https://medium.com/@adaexample/{slug}-{post_id}" class="p-canonical">Canonical link</a></p>'
        '<p>Exported from <a href="https://medium.com">Medium</a> on July 1, 2019.</p></footer></article></body></html>'
    )


LAUNCHER_POST = medium_export(
    "Moving a small tool to Python 3",
    "… with one launcher.",
    '<h3 name="1b2f" id="1b2f" class="graf graf--h3 graf--leading graf--title">Moving a small tool to Python 3</h3>'
    '<figure name="b008" id="b008" class="graf graf--figure graf-after--h3"><div class="aspectRatioPlaceholder '
    'is-locked" style="max-width: 700px; max-height: 583px;"><div class="aspectRatioPlaceholder-fill" '
    'style="padding-bottom: 83.3%;"></div><img class="graf-image" data-image-id="1*Synthetic0Image.jpeg" '
    'data-width="900" data-height="750" data-is-featured="true" '
    'src="https://cdn-images-1.medium.com/max/800/1*Synthetic0Image.jpeg"></div></figure>'
    '<p name="fc29" id="fc29" class="graf graf--p graf-after--figure">… with one launcher.</p>'
    '<p name="b77a" id="b77a" class="graf graf--p graf-after--p">The new interpreter comes with a launcher, and '
    'the launcher is all you call: <em class="markup--em markup--p-em">py -m pip &lt;somepackage&gt; </em>installs a '
    "package for the new version while the old scripts keep running.</p>"
    '<p name="f3f6" id="f3f6" class="graf graf--p graf-after--p graf--trailing">Then let a converter rewrite the '
    'files: it puts <em class="markup--em markup--p-em">from __future__ import print_function </em>at the top of '
    "each one, and what is left is reading the diff.</p>",
    slug="moving-a-small-tool-to-python-3",
)

GUI_POST = medium_export(
    "Building a desktop form with F#",
    "Why an old toolkit still does the job",
    '<h3 name="a1b2" id="a1b2" class="graf graf--h3 graf--leading graf--title">Building a desktop form with F#</h3>'
    '<p name="c3d4" id="c3d4" class="graf graf--p graf-after--h3">An old toolkit is not a dead one. A few reasons:</p>'
    '<ul class="postList"><li name="e5f6" id="e5f6" class="graf graf--li graf-after--p">It is easy to call from F#, '
    "as the code below shows.</li>"
    '<li name="a7b8" id="a7b8" class="graf graf--li graf-after--li">The programs stay small.</li></ul>'
    '<h4 name="30bd" id="30bd" class="graf graf--h4 graf-after--li">With F# you\xa0say?</h4>'
    '<p name="c9d0" id="c9d0" class="graf graf--p graf-after--h4">Draw the form in the designer, then press F7:</p>'
    '<figure name="1135" id="1135" class="graf graf--figure graf--iframe graf-after--p">'
    '<script src="https://gist.github.com/example/0000000000000000000000000000aaaa.js"></script></figure>'
    '<p name="e1f2" id="e1f2" class="graf graf--p graf-after--figure">The controls are reached from the code:</p>'
    '<figure name="6736" id="6736" class="graf graf--figure graf--iframe graf-after--p">'
    '<script src="https://gist.github.com/example/0000000000000000000000000000bbbb.js"></script></figure>'
    '<p name="a3b4" id="a3b4" class="graf graf--p graf-after--figure">And the F# side that runs it all:</p>'
    '<figure name="c5d6" id="c5d6" class="graf graf--figure graf--iframe graf-after--p graf--trailing">'
    '<script src="https://gist.github.com/example/0000000000000000000000000000cccc.js"></script></figure>',
    post_id="968b3ae75a82",
    slug="building-a-desktop-form-with-f",
)


def test_medium_export_metadata_and_body():
    got = extract_html(LAUNCHER_POST)
    assert got.meta == {
        "title": "Moving a small tool to Python 3",
        "subtitle": "… with one launcher.",
        "author": "Ada Example",
        "date": "2019-05-03",
        "original_url": "https://medium.com/@adaexample/moving-a-small-tool-to-python-3-11204364d969",
    }
    body = got.markdown
    assert body.startswith("![](https://cdn-images-1.medium.com/max/800/1*Synthetic0Image.jpeg)\n")
    assert "Moving a small tool to Python 3" not in body  # the title's repeat left the body
    assert "… with one launcher." not in body  # so did the subtitle's
    assert "Exported from" not in body and "Canonical link" not in body and "Ada Example" not in body
    assert "font-family" not in body
    html = rendered(body)
    assert "&lt;somepackage&gt;" in html and "<somepackage>" not in html  # text that looks like a tag stays text
    assert "from __future__ import print_function" in html.replace("<em>", "").replace("</em>", "")
    assert ("medium-export-footer", "") in got.removed and ("repeated-title", "") in got.removed


def test_medium_export_without_subtitle_keeps_medium_excerpt_out():
    html = LAUNCHER_POST.replace("… with one launcher.\n</section>", "The new interpreter comes with a launcher…\n</section>")
    html = html.replace('<p name="fc29" id="fc29" class="graf graf--p graf-after--figure">… with one launcher.</p>', "")
    assert "subtitle" not in extract_html(html).meta


def test_medium_export_lists_headings_and_executable_embeds():
    got = extract_html(GUI_POST)
    assert got.meta["title"] == "Building a desktop form with F#"
    assert got.meta["author"] == "Ada Example" and got.meta["date"] == "2019-05-03"
    assert "- It is easy to call from F#, as the code below shows." in got.markdown
    assert "<h4>With F# you\xa0say?</h4>" in rendered(got.markdown)  # Medium keeps its no-break space
    assert ("executable-html", "3") in got.removed  # the gist embeds (<script>) went, and the page says so
    assert "<script" not in got.markdown and "gist.github.com" not in got.markdown


def test_saved_medium_page_title_author_date_and_no_chrome():
    got = extract_html(real("saved-medium-open-journalism.html"))
    assert got.meta["title"] == "The Open Journalism Project: Better Student Journalism"
    assert got.meta["author"] == "Pippin Lee" and got.meta["date"] == "2015-03-17"
    assert got.meta["original_url"].startswith("https://medium.com/@pippinlee/the-open-journalism-project")
    body = got.markdown
    assert body.count("We pushed out the first version of the") == 1  # start
    assert "In late 2011 I sat in the design room of our university’s student newsroom" in body  # middle
    assert "We’re all in this together." in body  # end
    for junk in ("Sign in", "Get updates", "Recommend", "Share on Twitter", "Written by", "Responses"):
        assert junk not in body, junk
    assert ("page-chrome", "") in got.removed


def test_saved_blog_code_blocks_keep_language_and_bytes():
    got = extract_html(real("saved-v8-blog.html"))
    assert got.meta["title"] == "Outside the web: standalone WebAssembly binaries using Emscripten"
    assert got.meta["date"] == "2019-11-21"
    assert ("title-suffix", " · V8") in got.removed
    body = got.markdown
    assert "```c\n// add.c\n#include <emscripten.h>\n\nEMSCRIPTEN_KEEPALIVE\nint add(int x, int y) {\n  return x + y;\n}\n```" in body
    assert "[\\#](#" not in body and "](#using-standalone" not in body  # headings' permalink marks left
    html = rendered(body)
    assert '<code class="language-c">// add.c\n#include &lt;emscripten.h&gt;' in html


def test_saved_wordpress_page():
    got = extract_html(real("saved-wordpress-wptavern.html"))
    assert got.meta["title"].startswith("Stack Overflow Jobs Data Shows ReactJS Skills in High Demand")
    assert got.meta["author"] == "Sarah Gooding" and got.meta["date"] == "2017-03-09"
    body = got.markdown
    assert "Stack Overflow published its analysis of [2017 hiring trends]" in body
    assert "> I wonder how many of these skills" in body  # a block quote stays one
    assert "Related" not in body and "In \"News\"" not in body  # the related-posts box went
    assert "[![" not in body  # an image linking to its own full size is just the image


def test_nothing_executable_passes_through():
    page = """<!DOCTYPE html><html><head><title>Safe | Some Blog</title>
    <meta property="og:site_name" content="Some Blog"></head><body>
    <nav><a href="/">Home</a> <a href="/about">About</a></nav>
    <div class="cookie-banner">We use cookies. <button>OK</button></div>
    <article><h1>Safe</h1>
    <p onclick="steal()">Text with <a href="javascript:alert(1)">a bad link</a> and &lt;script&gt;alert(2)&lt;/script&gt;.</p>
    <script>alert(3)</script><iframe src="https://evil.example/"></iframe>
    <p>Second paragraph with enough words to be the main text of this small article, really.</p>
    <p><img src="x.png" onerror="alert(4)" alt="a [chart]"></p>
    <table><tr><th>Model</th><th>Accuracy on the test set</th></tr><tr><td>baseline model</td><td>0.71 after tuning</td></tr></table>
    </article><footer>© 2024 Some Blog · Privacy</footer></body></html>"""
    got = extract_html(page)
    assert got.meta["title"] == "Safe"
    html = rendered(got.markdown)
    for bad in ("<script", "javascript:", "onclick", "onerror", "<iframe", "evil.example", "alert(3)"):
        assert bad not in html, bad
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # the text about a script stays, as text
    assert "a bad link" in html and '<img alt="a chart" src="x.png" />' in html
    assert "<table>" in html and "We use cookies" not in html and "Privacy" not in html and "About" not in html
    assert ("executable-html", "1") in got.removed  # the frame; readability drops every script itself


def test_figure_caption_becomes_the_next_paragraph_and_nested_lists_stay():
    page = """<html><body><article><h1>T</h1><p>A first paragraph that is long enough to count as the article text.</p>
    <figure><img src="https://cdn.example/a.png" alt="A graph"><figcaption>Figure 1: loss over time</figcaption></figure>
    <ul><li>one<ul><li>one point one</li></ul></li><li>two</li></ul>
    <blockquote><p>Quoted words.</p></blockquote>
    <pre><code class="language-python">def f(x):\n\n    return x &lt; 1\n</code></pre></article></body></html>"""
    body = extract_html(page).markdown
    assert "![A graph](https://cdn.example/a.png)\n\nFigure 1: loss over time\n" in body
    assert "- one\n  - one point one\n- two" in body
    assert "> Quoted words." in body
    assert "```python\ndef f(x):\n\n    return x < 1\n```" in body


@pytest.mark.parametrize("page", ["", "<html></html>", "<!DOCTYPE html><html><head><title>Only a title</title></head></html>"])
def test_empty_documents_give_an_empty_text_not_an_error(page):
    got = extract_html(page)
    assert got.markdown == "" and set(got.meta) <= {"title"}


@pytest.mark.parametrize(
    "title, site, expected, suffix",
    [
        ("What an ML engineer does | by Jane Doe | Medium", "Medium", "What an ML engineer does", " | by Jane Doe | Medium"),
        ("What an ML engineer does | by Jane Doe | Towards Data Science", "Towards Data Science",
         "What an ML engineer does", " | by Jane Doe | Towards Data Science"),
        ("These Weeks in Firefox: Issue 85 – Firefox Nightly News", "Firefox Nightly News", "These Weeks in Firefox: Issue 85",
         " – Firefox Nightly News"),
        ("Engineering - a title with a dash - kept whole", "", "Engineering - a title with a dash - kept whole", None),
    ],
)
def test_a_page_title_loses_its_site_suffix(title, site, expected, suffix):
    body = "<p>" + "A paragraph of the article that is long enough to be its main text, with words. " * 5 + "</p>"
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    got = extract_html(f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><div>{body}</div></body></html>")
    assert got.meta["title"] == expected
    assert (("title-suffix", suffix) in got.removed) if suffix else all(k != "title-suffix" for k, _ in got.removed)


def test_a_link_dense_list_inside_the_article_is_kept():
    items = "".join(f'<li><a href="https://bugs.example/{i}">Bug {i}: crash when the window closes</a></li>' for i in range(30))
    page = f"""<!DOCTYPE html><html><head><title>Weekly news</title></head><body><nav><a href="/">Home</a></nav>
    <article><h1>Weekly news</h1><p>{"This week the team landed a long list of fixes, thanks to many people. " * 4}</p>
    <h2>Resolved bugs</h2><ul>{items}</ul><p>See you next week, and thanks for reading this newsletter.</p></article>
    <aside class="sidebar">Popular posts</aside></body></html>"""
    body = extract_html(page).markdown
    assert "- [Bug 0: crash when the window closes](https://bugs.example/0)" in body and "Bug 29:" in body
    assert "Popular posts" not in body and "Home" not in body


def test_the_title_repeated_as_the_first_heading_leaves_the_body():
    text = "<p>" + "The body of the post says what it has to say in enough words to be the main text here. " * 4 + "</p>"
    page = (f'<!DOCTYPE html><html><head><meta property="og:title" content="On Behalf of Words"></head><body>'
            f'<article><h3 class="graf--title">On Behalf of Words</h3>{text}<h3>A section</h3>{text}</article></body></html>')
    got = extract_html(page)
    assert got.meta["title"] == "On Behalf of Words" and ("repeated-title", "") in got.removed
    assert "On Behalf of Words" not in got.markdown and "### A section" in got.markdown


def test_medium_export_code_keeps_its_lines_and_language():
    html = LAUNCHER_POST.replace(
        '<p name="f3f6"',
        '<pre name="c0de" data-code-block-mode="2" spellcheck="false" data-code-block-lang="python" class="graf graf--pre">'
        'def f(x):<br>    if x &lt; 1:<br><br>        return <strong class="markup--strong">x</strong><br>    return 0</pre><p name="f3f6"',
    )
    assert "```python\ndef f(x):\n    if x < 1:\n\n        return x\n    return 0\n```" in extract_html(html).markdown
