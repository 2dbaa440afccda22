"""Follow, cite, publish, on the built site: Atom feeds (feedparser), /catalog.json (its JSON Schema), citations
(citation_* tags, BibTeX via bibtexparser, CSL-JSON against the CSL schema), the feed links, and the hosts' files
(_redirects through a small Netlify-like server, _headers)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import bibtexparser
import feedparser
import jsonschema
import pytest
import yaml
from netlify_host import serve
from reading_site import ROOT, Build, build_site
from site_html import Element, parse_file

from archive import cite, feeds, host, languages
from archive.render import read_front_matter

SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["site_url"]
KIRMER = "machine-learning-engineers-what-do-they-actually-do"
FEEDS = {code: f"{languages.url_prefix(code)}feed.xml" for code in languages.CODES}


def essays_in(docs: Path) -> dict[tuple[str, str], dict]:
    return {(code, p.stem): read_front_matter(p.read_text(encoding="utf-8"))
            for code in languages.CODES for p in sorted((docs / code / "essays").glob("*.md"))}


def url_of(code: str, essay: str) -> str:
    return f"{languages.url_prefix(code)}essays/{essay}/"


@pytest.fixture(scope="module")
def essays(built: Build) -> dict[tuple[str, str], dict]:
    return essays_in(built.docs)


def parsed_feed(site: Path, rel: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site / rel).read_bytes())
    assert not feed.bozo, f"{rel}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


# Feeds

def test_each_language_has_an_atom_feed_of_its_versions_newest_first(site: Path, essays: dict) -> None:
    for code, rel in FEEDS.items():
        feed = parsed_feed(site, rel)
        assert feed.feed.language == code
        assert feed.feed.id == SITE_URL + rel
        ids = [e.id for e in feed.entries]
        mine = {(c, e): m for (c, e), m in essays.items() if c == code}
        assert sorted(ids) == sorted(SITE_URL + url_of(c, e) for c, e in mine), rel
        dates = [e.updated_parsed for e in feed.entries]
        assert dates == sorted(dates, reverse=True), f"{rel}: not newest first"


def test_feed_entries_carry_title_author_date_summary_language_and_every_other_version(site: Path,
                                                                                       essays: dict) -> None:
    feed = parsed_feed(site, "feed-all.xml")
    assert not feed.feed.get("language")  # a mixed feed: each entry says its language
    by_id = {e.id: e for e in feed.entries}
    assert sorted(by_id) == sorted(SITE_URL + url_of(c, e) for c, e in essays)
    for (code, essay), meta in essays.items():
        entry = by_id[SITE_URL + url_of(code, essay)]
        assert entry.title == meta["title"] and entry.title_detail.language == code
        assert entry.summary == meta["description"]
        assert entry.get("author") == meta.get("author")
        if "date" in meta:
            assert entry.published.startswith(meta["date"]) and entry.updated.startswith(meta["date"])
        else:  # undated: the day git first saw the raw file, and no claim about publication
            assert "published" not in entry and entry.updated
        links = {(l.hreflang, l.href) for l in entry.links if l.rel == "alternate"}
        siblings = {(c, SITE_URL + url_of(c, e)) for c, e in essays if e == essay}
        assert links == siblings
    zh = by_id[SITE_URL + url_of("zh", KIRMER)]
    assert {l.hreflang for l in zh.links} == {"zh", "ru"}


def test_feed_dates_do_not_move_on_a_rebuild(built: Build, tmp_path: Path) -> None:
    again = build_site(built.docs, tmp_path / "site")
    for rel in [*FEEDS.values(), "feed-all.xml"]:
        assert (again.site / rel).read_bytes() == (built.site / rel).read_bytes(), rel


def test_the_feed_shows_at_most_the_newest_entries() -> None:
    entries = [feeds.FeedEntry(f"https://x.org/{i}/", "en", f"T{i}", f"2020-01-{1 + i % 28:02d}", True, "S", None, ())
               for i in range(feeds.FEED_SIZE + 5)]
    feed = feedparser.parse(feeds.render_feed(feed_url="https://x.org/feed.xml", home_url="https://x.org/", title="T",
                                              subtitle="S", lang="en", archive="A", entries=entries))
    assert not feed.bozo and len(feed.entries) == feeds.FEED_SIZE
    assert feed.entries[0].updated.startswith("2020-01-28")


def head_feed(doc: Element) -> Element:
    (link,) = doc.find_all("link", rel="alternate", type="application/atom+xml")
    return link


def every_page(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def test_every_page_announces_its_languages_feed(site: Path) -> None:
    for path in every_page(site):
        doc = parse_file(path)
        code = doc.find("html")["lang"]
        href = head_feed(doc)["href"]
        target = (path.parent / href).resolve() if not href.startswith("/") else site / href.lstrip("/")
        assert target == (site / FEEDS[code]).resolve(), f"{path}: {href}"
        assert head_feed(doc).get("hreflang") is None  # not an hreflang alternate of the page


def test_the_home_page_shows_a_visible_feed_link(site: Path) -> None:
    for code in languages.CODES:
        doc = parse_file(site / languages.url_prefix(code) / "index.html")
        link = doc.find("p", cls="archive-feed").find("a")
        assert link["href"] == "feed.xml" and link["type"] == "application/atom+xml"
        assert link.squashed_text() == languages.get(code).ui["feed"]


# catalog.json

def test_catalog_json_validates_and_lists_every_essay_page(site: Path, essays: dict) -> None:
    schema = json.loads((ROOT / "schemas" / "catalog.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert (site / "catalog.schema.json").read_bytes() == (ROOT / "schemas" / "catalog.schema.json").read_bytes()
    versions = {(v["lang"], e["id"]): v for e in data["essays"] for v in e["versions"]}
    pages = sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("essays/*/index.html"))
    assert sorted(v["url"].removeprefix(SITE_URL) for v in versions.values()) == pages
    assert set(versions) == set(essays)
    for key, meta in essays.items():
        v = versions[key]
        for field in ("title", "subtitle", "author", "date", "publication", "original_url", "description", "source"):
            assert v.get(field) == meta.get(field), (key, field)
        assert v["sha256"] == meta["source_sha256"]
        assert (site / v["source_url"].removeprefix(SITE_URL)).is_file()
    assert [e["id"] for e in data["essays"]][0] == KIRMER  # newest first, as the home pages list them


def test_catalog_schema_knows_the_languages_of_languages_py() -> None:
    schema = json.loads((ROOT / "schemas" / "catalog.schema.json").read_text())
    assert schema["$defs"]["version"]["properties"]["lang"]["enum"] == list(languages.CODES)


def test_a_wrong_catalog_fails_the_schema(site: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "catalog.schema.json").read_text())
    data = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    del data["essays"][0]["versions"][0]["sha256"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


# Citations

def test_citation_meta_tags_match_the_front_matter(site: Path, essays: dict) -> None:
    for (code, essay), meta in essays.items():
        doc = parse_file(site / url_of(code, essay) / "index.html")
        tags = {}
        for el in doc.find_all("meta"):
            if el.get("name", "").startswith("citation_"):
                tags.setdefault(el["name"], []).append(el["content"])
        assert tags["citation_title"] == [meta["title"]]
        assert tags.get("citation_author") == ([meta["author"]] if "author" in meta else None)
        assert tags.get("citation_publication_date") == ([meta["date"].replace("-", "/")] if "date" in meta else None)
        assert tags["citation_language"] == [code]
        assert tags["citation_public_url"] == [SITE_URL + url_of(code, essay)]
        assert tags["citation_publisher"] == [languages.get(code).site_name]
    kirmer = parse_file(site / url_of("ru", KIRMER) / "index.html")
    assert kirmer.find("meta", name="citation_publication_date")["content"] == "2023/08/09"


def test_the_cite_control_shows_a_reference_in_the_readers_language(site: Path, essays: dict) -> None:
    for (code, essay), meta in essays.items():
        doc = parse_file(site / url_of(code, essay) / "index.html")
        control = doc.find("details", cls="archive-cite")
        ui = languages.get(code).ui
        assert control.find("summary").text() == ui["cite"]
        reference = control.find("blockquote", cls="archive-cite__reference").squashed_text()
        for part in (meta["title"], meta.get("author", ""), SITE_URL + url_of(code, essay), ui["cite_accessed"],
                     languages.get(code).site_name, meta.get("publication", ""), meta.get("original_url", "")):
            assert part in reference, (code, essay, part)
        links = {a.text(): a["href"] for a in control.find_all("a")}
        assert links == {"BibTeX": "cite.bib", "CSL-JSON": "cite.json"}
    ru = parse_file(site / url_of("ru", KIRMER) / "index.html").find("details", cls="archive-cite").squashed_text()
    assert "Stephanie Kirmer. «Инженеры по машинному обучению — что они на самом деле делают?» [версия на русском " \
           "языке]. Оригинал: Towards Data Science, 9 августа 2023" in ru
    ja = parse_file(site / url_of("ja", "kikai-gakushu-engineer-tte-nandarou") / "index.html")
    assert "EM。「機械学習エンジニアってなんだろう?」（日本語版）。" in ja.find("details", cls="archive-cite").squashed_text()


def test_bibtex_parses_and_says_what_the_front_matter_says(site: Path, essays: dict) -> None:
    for (code, essay), meta in essays.items():
        library = bibtexparser.parse_string((site / url_of(code, essay) / "cite.bib").read_text(encoding="utf-8"))
        assert library.failed_blocks == []
        (entry,) = library.entries
        fields = {f.key: f.value for f in entry.fields}
        assert entry.entry_type == "online" and entry.key == f"{essay}-{code}"
        assert fields["title"] == cite.bibtex_escape(meta["title"])
        assert fields.get("author") == meta.get("author") and fields.get("date") == meta.get("date")
        assert fields["url"] == SITE_URL + url_of(code, essay)
        assert fields["langid"] == languages.get(code).english_name.lower()


def test_bibtex_escapes_what_tex_would_read_as_commands() -> None:
    meta = {"title": "50% of {ML} & C# $ _x_ ~ ^ \\end", "lang": "en", "essay": "x"}
    library = bibtexparser.parse_string(cite.bibtex(meta, "A", "https://x.org/"))
    assert library.failed_blocks == []
    assert library.entries[0].fields_dict["title"].value == (
        r"50\% of \{ML\} \& C\# \$ \_x\_ \textasciitilde{} \textasciicircum{} \textbackslash{}end")


def test_csl_json_validates_against_the_csl_schema(site: Path, essays: dict) -> None:
    schema = json.loads((ROOT / "schemas" / "csl-data.json").read_text())
    for (code, essay), meta in essays.items():
        data = json.loads((site / url_of(code, essay) / "cite.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        (item,) = data
        assert item["title"] == meta["title"] and item["language"] == code
        assert item["URL"] == SITE_URL + url_of(code, essay)
        if "author" in meta:
            assert item["author"] == [{"literal": meta["author"]}]
        if "date" in meta:
            assert item["issued"] == {"date-parts": [[int(x) for x in meta["date"].split("-")]]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "not-a-csl-type"}], schema)


# Hosts

def test_redirects_send_a_missing_russian_url_to_the_russian_404_page(site: Path) -> None:
    server, url = serve(site)
    try:
        def get(path: str) -> tuple[int, str]:
            try:
                with urllib.request.urlopen(url + path) as r:
                    return r.status, r.read().decode()
            except urllib.error.HTTPError as e:
                return e.code, e.read().decode()

        status, body = get("/ru/anything-missing")
        assert status == 404 and body == (site / "ru" / "404.html").read_text(encoding="utf-8")
        assert '<html lang="ru"' in body
        for code in ("zh", "ja"):
            assert get(f"/{code}/essays/no-such/") == (404, (site / code / "404.html").read_text(encoding="utf-8"))
        assert get("/no-such/") == (404, (site / "404.html").read_text(encoding="utf-8"))
        status, body = get(f"/ru/essays/{KIRMER}/")  # a real page is never shadowed by the rule
        assert status == 200 and body == (site / url_of("ru", KIRMER) / "index.html").read_text(encoding="utf-8")
        assert get("/ru/")[0] == 200
    finally:
        server.shutdown()


def test_headers_cache_hashed_bundles_long_and_everything_else_short(site: Path) -> None:
    text = (site / "_headers").read_text(encoding="utf-8")
    rules: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("/"):
            current = line
        elif line.strip().startswith("Cache-Control:"):
            assert current not in rules, f"{current}: two Cache-Control values"
            rules[current] = line.split(":", 1)[1].strip()

    def matching(path: str) -> list[str]:
        return [p for p in rules if p == path or (p.endswith("*") and path.startswith(p[:-1]))]

    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    bundles = [f for f in files if host.HASHED.search(f)]
    assert any(f.startswith("assets/javascripts/bundle.") for f in bundles)
    for f in files:
        if f in ("_headers", "_redirects"):
            continue
        hits = matching("/" + f)
        assert len(hits) == 1, f"{f}: rules {hits}"  # hosts add up every matching rule's headers
        assert rules[hits[0]] == (host.LONG if f in bundles else host.SHORT), f
    for page in ("/", f"/ru/essays/{KIRMER}/"):
        assert [rules[h] for h in matching(page)] == [host.SHORT]


def test_the_pages_workflow_builds_with_the_readmes_command() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make build" in runs and "make build" in (ROOT / "README.md").read_text()
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # feed dates of undated texts come from the history
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
