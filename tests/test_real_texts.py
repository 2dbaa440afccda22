"""Real texts from public sources (tests/real/, origins in tests/real/SOURCES.md), imported as an archivist would
import them: copied into a fresh raw/ with only tests/real/catalog.yml, normalized by scripts/normalize.py, built
into a site, and checked on each page's front-matter and in the built HTML against tests/real/expectations.yml.
What each expectation means: tests/real/README.md."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from archive.languages import LANGUAGES
from archive.render import read_front_matter
from conftest import ROOT
from helpers import site_tree

sys.path.insert(0, str(ROOT / "tests" / "reading"))
from site_html import Element, parse_file  # noqa: E402  (tests/reading/ is not a package)

REAL = ROOT / "tests" / "real"
EXPECTATIONS: dict[str, dict] = yaml.safe_load((REAL / "expectations.yml").read_text(encoding="utf-8"))
NOT_TEXTS = {"README.md", "SOURCES.md", "expectations.yml", "catalog.yml"}
COMPANIONS = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}  # files that ship beside a text, not texts
ACCEPTED = sorted(name for name, want in EXPECTATIONS.items() if "refused" not in want)
REFUSED = sorted(name for name, want in EXPECTATIONS.items() if "refused" in want)
CJK = {language.code for language in LANGUAGES if language.cjk}
MISSING_IMAGE = {language.code: language.missing_image for language in LANGUAGES}
# Never in a description, whatever the text: Markdown or template syntax, code fences, comments, math delimiters.
DESCRIPTION_JUNK = ["```", "<!--", "](", "{%", "$$"]
# Nothing in an essay's body may run or load anything: these elements have no place there (a <script type="math/tex">
# holding a formula for the math renderer excepted).
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "video", "audio", "source", "link", "style", "frame", "form"}
MATH_CLASSES = {"arithmatex", "math", "katex", "katex-display", "katex-mathml", "MathJax"}
# A formula is compared by what a reader reads in it, whether the page keeps its TeX (arithmatex, KaTeX, MathJax) or
# renders it (MathML): letters, digits and these symbols, with TeX's commands for them read as the symbols.
TEX_SYMBOLS = {"infty": "∞", "sum": "∑", "prod": "∏", "int": "∫", "partial": "∂", "nabla": "∇",
               "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "varepsilon": "ε", "epsilon": "ϵ", "theta": "θ",
               "lambda": "λ", "mu": "μ", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
               "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "Omega": "Ω"}
TEX_WORDS = {"log", "ln", "exp", "sin", "cos", "tan", "max", "min", "lim", "det", "arg", "sup", "inf"}
BUILD = (  # MkDocs' build API, its log on stderr as the `mkdocs` command prints it (strict mode aborts on a warning)
    "import logging, sys\n"
    "logging.basicConfig(level=logging.WARNING, format='%(levelname)s %(name)s: %(message)s')\n"
    "from mkdocs.commands.build import build\n"
    "from mkdocs.config import load_config\n"
    "build(load_config(sys.argv[1], docs_dir=sys.argv[2], site_dir=sys.argv[3]))\n"
)


def corpus_files() -> list[str]:
    return sorted(p.relative_to(REAL).as_posix() for p in REAL.rglob("*") if p.is_file() and p.name not in NOT_TEXTS)


def corpus_texts() -> list[str]:
    return [name for name in corpus_files() if Path(name).suffix.lower() not in COMPANIONS]


def flat(text: str, lang: str) -> str:
    """Text as compared: NFC, runs of whitespace (NBSP and U+3000 too) made one space, or removed for CJK."""
    text = unicodedata.normalize("NFC", text)
    return "".join(text.split()) if lang in CJK else " ".join(text.split())


def formula_key(text: str) -> str:
    """What a reader reads in a formula (see TEX_SYMBOLS): `\\varepsilon_i = y_i` and MathML's `εi=yi` both `εiyi`."""
    words = re.sub(r"\\([A-Za-z]+)", lambda m: TEX_SYMBOLS.get(m[1], m[1] if m[1] in TEX_WORDS else ""), text)
    return "".join(c for c in unicodedata.normalize("NFKC", words) if c.isalnum() or c in "∞∑∏∫∂∇")


# --- the import: one normalizer run over every accepted text, then one build -----------------------------------


@dataclass
class Page:
    path: Path
    meta: dict
    html: Path  # where the built site has it


@dataclass
class Import:
    project: Path
    run: subprocess.CompletedProcess
    pages: dict[str, Page]  # raw file name (as in raw/) -> its page


def new_project(where: Path) -> Path:
    """A throwaway project: the hand-written docs/, mkdocs.yml and overrides/ of this one, and an empty raw/."""
    shutil.copytree(ROOT / "docs", where / "docs")
    shutil.copyfile(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    os.symlink(ROOT / "overrides", where / "overrides")
    (where / "raw").mkdir()
    return where


def stage(project: Path, names: list[str], *, companions: bool) -> None:
    for name in names:
        target = project / "raw" / Path(name).name
        assert not target.exists(), f"two real texts share the file name {target.name}"
        shutil.copyfile(REAL / name, target)
    if companions:
        for name in corpus_files():
            if Path(name).suffix.lower() in COMPANIONS:
                shutil.copyfile(REAL / name, project / "raw" / Path(name).name)
        shutil.copyfile(REAL / "catalog.yml", project / "raw" / "catalog.yml")


def normalize(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "normalize.py"), "--raw", "raw", "--docs", "docs"],
                          cwd=project, capture_output=True, text=True)


def essay_pages(project: Path) -> dict[str, Page]:
    pages = {}
    for path in sorted((project / "docs").glob("*/essays/*.md")):
        meta = read_front_matter(path.read_text(encoding="utf-8")) or {}
        lang = path.parent.parent.name
        prefix = Path() if lang == "en" else Path(lang)
        html = project / "site" / prefix / "essays" / path.stem / "index.html"
        pages[Path(str(meta.get("source", ""))).name] = Page(path, meta, html)
    return pages


@pytest.fixture(scope="session")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Import:
    project = new_project(tmp_path_factory.mktemp("real-texts"))
    stage(project, ACCEPTED, companions=True)
    run = normalize(project)
    return Import(project, run, essay_pages(project) if run.returncode == 0 else {})


@pytest.fixture(scope="session")
def built(imported: Import) -> subprocess.CompletedProcess | None:
    if imported.run.returncode != 0:
        return None
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    project = imported.project
    return subprocess.run([sys.executable, "-c", BUILD, str(project / "mkdocs.yml"), str(project / "docs"),
                           str(project / "site")], cwd=project, env=env, capture_output=True, text=True)


def page_of(imported: Import, name: str) -> Page:
    if imported.run.returncode != 0:
        pytest.fail(f"normalizing the real texts failed (exit {imported.run.returncode}):\n{imported.run.stderr}")
    base = Path(name).name
    if base not in imported.pages:
        pytest.fail(f"no page names raw/{base} as its source")
    return imported.pages[base]


def built_page(imported: Import, built: subprocess.CompletedProcess | None, name: str) -> tuple[Page, Element]:
    page = page_of(imported, name)
    assert built is not None and built.returncode == 0, f"the site did not build:\n{built.stderr if built else ''}"
    assert "WARNING" not in built.stderr, built.stderr
    assert page.html.is_file(), f"{page.path.name} was not built to {page.html}"
    return page, parse_file(page.html)


def essay_parts(document: Element) -> tuple[Element, list[Element | str]]:
    """The essay page's header (title, byline, original, provenance) and its body: what follows the header."""
    article = document.find("article", cls="md-content__inner")
    header = article.find("header")
    children = article.children
    return header, children[children.index(header) + 1:]


def text_of(nodes: list[Element | str]) -> str:
    """What a reader sees: the text, without <rp> (the brackets a browser without ruby support shows)."""
    return "".join(node if isinstance(node, str) else "" if node.tag == "rp" else text_of(node.children)
                   for node in nodes)


def elements_in(nodes: list[Element | str]) -> list[Element]:
    found = []
    for node in nodes:
        if isinstance(node, Element):
            found.append(node)
            found.extend(node.iter())
    return found


# --- the corpus itself ----------------------------------------------------------------------------------------


def test_every_real_text_has_an_expectation_and_every_expectation_a_text():
    assert sorted(EXPECTATIONS) == corpus_texts()


def test_the_corpus_has_the_kinds_the_issue_names():
    texts = corpus_texts()
    langs = {want.get("lang") for want in EXPECTATIONS.values()}
    assert len(texts) >= 24
    assert {"en", "ru", "zh", "ja"} <= langs
    assert any("German (de)" in want.get("refused", "") for want in EXPECTATIONS.values())
    assert any("Korean (ko)" in want.get("refused", "") for want in EXPECTATIONS.values())
    assert any((REAL / name).stat().st_size > 1_000_000 for name in texts), "a text of about 1 MB"
    assert any(b"\x82\xa0" in (REAL / name).read_bytes()[:4000] for name in texts), "a Shift_JIS text"


# --- the import and the pages -------------------------------------------------------------------------------


def test_the_real_texts_import_without_a_problem(imported):
    assert imported.run.returncode == 0, imported.run.stderr
    missing = sorted(Path(name).name for name in ACCEPTED if Path(name).name not in imported.pages)
    assert missing == [], f"texts without a page: {missing}"


@pytest.mark.parametrize("name", REFUSED)
def test_a_text_in_a_language_the_archive_lacks_is_refused_and_nothing_is_written(name, tmp_path):
    project = new_project(tmp_path)
    stage(project, [name], companions=False)
    before = {p.relative_to(project / "docs"): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    run = normalize(project)
    after = {p.relative_to(project / "docs"): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert run.returncode == 2, run.stdout + run.stderr
    assert EXPECTATIONS[name]["refused"] in run.stderr
    assert after == before


@pytest.mark.parametrize("name", ACCEPTED)
def test_page_front_matter_says_what_the_text_states(name, imported):
    page, want = page_of(imported, name), EXPECTATIONS[name]
    meta = page.meta
    assert page.path.parent.parent.name == want["lang"], f"filed under {page.path.parent.parent.name}/"
    assert meta.get("lang") == want["lang"], f"lang: {meta.get('lang')!r}"
    for key in ("title", "subtitle", "author", "original_url"):
        if key in want:
            got = str(meta.get(key, ""))
            wanted = str(want[key])
            assert flat(got, want["lang"]) == flat(wanted, want["lang"]), f"{key}: {got[:120]!r}, want {wanted!r}"
    if "date" in want:
        assert str(meta.get("date", "")) == str(want["date"]), f"date: {meta.get('date')!r}, want {want['date']}"
    description = str(meta.get("description", ""))
    for junk in DESCRIPTION_JUNK + want.get("description_not", []):
        assert junk not in description, f"description {description!r} holds {junk!r}"


# --- the built site ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ACCEPTED)
def test_built_header_shows_title_byline_and_original(name, imported, built):
    page, document = built_page(imported, built, name)
    want, (header, _) = EXPECTATIONS[name], essay_parts(document)
    lang = want["lang"]
    title = header.find("h1").text()
    assert flat(title, lang) == flat(want["title"], lang), f"<h1> {title[:120]!r}, want {want['title']!r}"
    shown = flat(header.text(), lang)
    for key in ("subtitle", "author"):
        if key in want:
            assert flat(want[key], lang) in shown, f"{key} {want[key]!r} not in the header"
    if "date" in want:
        times = [t.get("datetime", "") for t in header.find_all("time")]
        assert any(t.startswith(str(want["date"])) for t in times), f"<time datetime> {times}, want {want['date']}"
    if "original_url" in want:
        assert any(a.get("href") == want["original_url"] for a in header.find_all("a")), "no link to the original"


@pytest.mark.parametrize("name", ACCEPTED)
def test_built_body_keeps_the_text_and_drops_the_junk(name, imported, built):
    page, document = built_page(imported, built, name)
    want, (_, body) = EXPECTATIONS[name], essay_parts(document)
    lang = want["lang"]
    text = flat(text_of(body), lang)
    for sentence in want.get("keep", []):
        assert flat(sentence, lang) in text, f"lost: {sentence!r}"
    shown = text + " " + flat(" ".join(str(page.meta.get(k, "")) for k in ("title", "subtitle", "description")), lang)
    for junk in want.get("absent", []):
        assert flat(junk, lang) not in shown, f"shown to readers: {junk!r}"


@pytest.mark.parametrize("name", [n for n in ACCEPTED if "code" in EXPECTATIONS[n]])
def test_page_keeps_code_verbatim(name, imported):
    page = page_of(imported, name)
    text = page.path.read_text(encoding="utf-8")
    body = text[text.find("\n---\n", 4) + 5:]
    for code in EXPECTATIONS[name]["code"]:
        for line in filter(str.strip, code.split("\n")):
            assert line in body, f"not verbatim on the page: {line!r}"


@pytest.mark.parametrize("name", [n for n in ACCEPTED if "code" in EXPECTATIONS[n]])
def test_built_body_keeps_code_verbatim_in_pre(name, imported, built):
    _, document = built_page(imported, built, name)
    _, body = essay_parts(document)
    blocks = [element.text() for element in elements_in(body) if element.tag == "pre"]
    for code in EXPECTATIONS[name]["code"]:
        # Python-Markdown turns tabs into spaces (stops every 4 columns) before it renders, so in HTML a tab can only
        # arrive as those spaces; the page itself keeps it (test_page_keeps_code_verbatim)
        found = any(code in block or code.expandtabs(4) in block for block in blocks)
        assert found, f"not verbatim in any <pre>: {code!r}"


@pytest.mark.parametrize("name", ACCEPTED)
def test_built_body_keeps_the_structure(name, imported, built):
    _, document = built_page(imported, built, name)
    want, (_, body) = EXPECTATIONS[name], essay_parts(document)
    elements = elements_in(body)
    second = [" ".join(e.text().split())[:60] for e in elements if e.tag == "h1"]
    assert second == [], f"the body has <h1> besides the title: {second}"
    if "headings" in want:
        headings = [" ".join(e.text().split())[:60] for e in elements if e.tag in {"h2", "h3", "h4", "h5", "h6"}]
        assert len(headings) == want["headings"], f"{len(headings)} headings h2-h6, want {want['headings']}: {headings}"
    if "tables" in want:
        tables = len([e for e in elements if e.tag == "table"])
        assert tables == want["tables"], f"{tables} <table>, want {want['tables']}"
    if "math" in want:
        formulas = formula_key("".join(e.text() for e in elements if e.tag == "math" or e.classes & MATH_CLASSES))
        for formula in want["math"]:
            assert formula_key(formula) in formulas, f"not typeset as math: {formula!r}"


@pytest.mark.parametrize("name", ACCEPTED)
def test_built_body_loads_nothing_from_elsewhere_and_shows_its_own_images(name, imported, built):
    page, document = built_page(imported, built, name)
    want, (_, body) = EXPECTATIONS[name], essay_parts(document)
    site = imported.project / "site"
    page_url = "/" + page.html.relative_to(site).as_posix()
    elements = elements_in(body)
    loading = {e.tag for e in elements if e.tag in FORBIDDEN_TAGS and not e.get("type", "").startswith("math/tex")}
    assert sorted(loading) == [], "the body runs or loads something"
    for element in elements:
        assert "url(" not in element.get("style", ""), f"<{element.tag} style=…url(…)> loads an image"
        for attr in ("srcset", "poster", "background"):
            assert attr not in element.attrs, f"<{element.tag} {attr}=…>"
    images = [e for e in elements if e.tag == "img"]
    for image in images:
        src = urlsplit(image.get("src", ""))
        assert not src.scheme and not src.netloc, f"loads {image.get('src')} from another host"
        target = site / unquote(urljoin(page_url, src.path)).lstrip("/")
        assert target.is_file(), f"shows {image.get('src')}, which the site does not have"
    if "images" in want:
        assert len(images) == want["images"], f"{len(images)} <img>, want {want['images']}"
    if "missing_images" in want:
        note = flat(MISSING_IMAGE[want["lang"]], want["lang"])
        notes = flat(text_of(body), want["lang"]).count(note)
        assert notes == want["missing_images"], f"{notes} notes {note!r}, want {want['missing_images']}"


def test_markdown_extensions_shared_between_pages_change_no_byte_of_the_site(imported, built):
    """hooks/markdown_extensions.py hands every page the same extension objects (footnotes, tables, code, formulas,
    toc…): built without it, with an extension made anew for each page, the site of these real texts is the same,
    but for the service worker, whose version hashes mkdocs.yml."""
    assert built is not None and built.returncode == 0, built and built.stderr
    project = imported.project
    hook = "  - overrides/hooks/markdown_extensions.py"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert hook in config
    fresh = project / "mkdocs-fresh-extensions.yml"
    fresh.write_text("".join(line for line in config.splitlines(keepends=True) if not line.startswith(hook)),
                     encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-c", BUILD, str(fresh), str(project / "docs"), str(project / "site-fresh")],
                         cwd=project, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    shared, fresh_site = site_tree(project / "site"), site_tree(project / "site-fresh")
    assert sorted(shared) == sorted(fresh_site)
    assert [path for path in shared if shared[path] != fresh_site[path]] == ["sw.js"]
