"""A crawler over the built site: every internal link and anchor resolves, including the absolute production URLs in
canonical, hreflang, Open Graph and the sitemap (which must name pages that exist)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from reading_site import ROOT
from site_html import parse_file

SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["site_url"]
HOST = "site.test"  # stands for wherever the site is served; SITE_URL's own host maps to the same files
LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


def page_url(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return f"https://{HOST}/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site: Path, url: str) -> Path | None:
    """The file a same-site URL serves, as a static host would (directory -> index.html); None if it is missing."""
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def is_ours(url: str) -> bool:
    return urlsplit(url).netloc in (HOST, urlsplit(SITE_URL).netloc)


def test_no_broken_internal_link_or_anchor(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for html in pages:
        doc = parse_file(html)
        ids[html] = {el["id"] for el in doc.iter() if el.get("id")} | {el["name"] for el in doc.find_all("a")
                                                                         if el.get("name")}
        for el in doc.iter():
            value = el.get(LINKING.get(el.tag, ""))
            if el.tag == "meta" and el.get("property") == "og:url":
                value = el["content"]
            if value and not re.match(r"^(data|mailto|tel):", value):
                links.append((html, value))
    assert len(pages) > 8 and len(links) > 100
    broken = []
    for html, value in links:
        url = urljoin(page_url(site, html), value)
        if not is_ours(url):
            continue
        target = target_file(site, url)
        fragment = unquote(urlsplit(url).fragment)
        if target is None:
            broken.append(f"{html.relative_to(site)}: {value} (no such page)")
        elif fragment and target.suffix == ".html" and fragment not in ids.setdefault(target, set()):
            broken.append(f"{html.relative_to(site)}: {value} (no #{fragment} there)")
    assert broken == []


def test_sitemap_names_existing_pages_and_their_real_translations(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    alternates = re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', sitemap)
    pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    # Parallel views (hooks/alignments.py) are derived from essay pages the sitemap lists, and left out of it.
    pages = {p for p in pages if "/parallel/" not in p}
    assert {SITE_URL + p[: -len("index.html")] for p in pages} == set(locs)
    for _, href in alternates:
        assert href.startswith(SITE_URL) and target_file(site, href) is not None, href
    assert not any(href.startswith(SITE_URL + "ru/essays/") and lang != "ru" for lang, href in alternates)
