"""Atom feeds (RFC 4287) of the archive's essay versions: pure, data in, XML bytes out (hooks/feeds.py writes them).

Serialized with the standard library's ElementTree, which escapes every value and writes namespaces itself;
feedgen would do the same through lxml, a compiled dependency the site does not otherwise need.
Entries carry the summary (the page's description), not the full text: see the README, "Feeds".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPOCH = "1970-01-01"  # the date of a version with no date of its own and none from the repository
FEED_SIZE = 50  # newest entries per feed: a reader polls for what is new; /catalog.json lists everything

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class FeedEntry:
    url: str  # absolute permalink, also the entry's id
    lang: str
    title: str
    date: str  # YYYY-MM-DD: the original's date, or else the day the text came into the archive
    published: bool  # whether `date` is the original's publication date
    summary: str
    author: str | None
    alternates: tuple[tuple[str, str], ...]  # (language, absolute URL) of every other version


def atom_time(date: str) -> str:
    return f"{date}T00:00:00Z"


def newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    return sorted(sorted(entries, key=lambda e: e.url), key=lambda e: e.date, reverse=True)[:FEED_SIZE]


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    el.text = text
    return el


def _link(parent: ET.Element, href: str, rel: str, **attrs: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "href": href, **attrs})


def render_feed(*, feed_url: str, home_url: str, title: str, subtitle: str, lang: str | None, archive: str,
                entries: list[FeedEntry]) -> bytes:
    """The feed document; `lang` None for a feed mixing languages (each entry says its own)."""
    entries = newest_first(entries)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang} if lang else {})
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    # The newest entry's date: a rebuild with the same essays changes no byte (never the clock).
    _text(feed, "updated", atom_time(entries[0].date if entries else EPOCH))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", archive)  # the feed's author, for entries whose author is not known
    _link(feed, feed_url, "self", type="application/atom+xml")
    _link(feed, home_url, "alternate", type="text/html", **({"hreflang": lang} if lang else {}))
    for e in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry", {XML_LANG: e.lang})
        _text(entry, "id", e.url)
        _text(entry, "title", e.title)
        if e.published:
            _text(entry, "published", atom_time(e.date))
        _text(entry, "updated", atom_time(e.date))
        if e.author:
            _text(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", e.author)
        _link(entry, e.url, "alternate", type="text/html", hreflang=e.lang)
        for other_lang, other_url in e.alternates:
            _link(entry, other_url, "alternate", type="text/html", hreflang=other_lang)
        _text(entry, "summary", e.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
