"""The feeds against RFC 4287's own requirements (what feedparser tolerates): the MUSTs of atom:feed (4.1.1) and
atom:entry (4.1.2), checked element by element with the standard library's XML parser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from archive import languages

A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ABSOLUTE_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:\S+$")


def violations(root: ET.Element) -> list[str]:
    found: list[str] = []

    def once(parent: ET.Element, tag: str, where: str, required: bool = True) -> ET.Element | None:
        children = parent.findall(A + tag)
        if len(children) > 1 or (required and not children):
            found.append(f"{where}: {len(children)} atom:{tag}, must be {'exactly' if required else 'at most'} one")
        return children[0] if children else None

    def alternates_unique(parent: ET.Element, where: str) -> None:
        pairs = [(l.get("type"), l.get("hreflang")) for l in parent.findall(A + "link")
                 if l.get("rel", "alternate") == "alternate"]
        if len(pairs) != len(set(pairs)):
            found.append(f"{where}: two alternate links with the same type and hreflang")

    def dated(el: ET.Element | None, where: str) -> None:
        if el is not None and not RFC3339.match(el.text or ""):
            found.append(f"{where}: {el.tag} {el.text!r} is not an RFC 3339 date-time")

    assert root.tag == A + "feed"
    for tag in ("id", "title", "updated"):
        once(root, tag, "feed")
    dated(root.find(A + "updated"), "feed")
    entries = root.findall(A + "entry")
    if not root.findall(A + "author") and not all(e.findall(A + "author") for e in entries):
        found.append("feed: no atom:author, and not every entry has one")
    if not any(l.get("rel") == "self" for l in root.findall(A + "link")):
        found.append("feed: no rel=self link (SHOULD)")
    alternates_unique(root, "feed")
    ids = []
    for i, entry in enumerate(entries):
        where = f"entry {i}"
        for tag in ("id", "title", "updated"):
            once(entry, tag, where)
        once(entry, "published", where, required=False)
        once(entry, "summary", where, required=False)
        dated(entry.find(A + "updated"), where)
        dated(entry.find(A + "published"), where)
        if not any(l.get("rel", "alternate") == "alternate" for l in entry.findall(A + "link")) and \
                entry.find(A + "content") is None:
            found.append(f"{where}: neither atom:content nor an alternate link")
        alternates_unique(entry, where)
        ident = entry.findtext(A + "id") or ""
        if not ABSOLUTE_IRI.match(ident):
            found.append(f"{where}: id {ident!r} is not an absolute IRI")
        ids.append(ident)
        if entry.get(XML_LANG) not in languages.CODES:
            found.append(f"{where}: xml:lang {entry.get(XML_LANG)!r}")
    if len(ids) != len(set(ids)):
        found.append("feed: two entries with one id")
    return found


def test_every_feed_keeps_the_atom_rules(site: Path) -> None:
    feeds = sorted(site.rglob("feed*.xml"))
    assert len(feeds) == len(languages.CODES) + 1
    for path in feeds:
        assert violations(ET.parse(path).getroot()) == [], path


def test_the_checker_catches_a_broken_feed() -> None:
    broken = ET.fromstring(
        '<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>t</title><updated>2020-01-01</updated>'
        '<entry xml:lang="en"><id>rel/1</id><title>a</title><updated>2020-01-01T00:00:00Z</updated>'
        '<link href="https://x.org/a" type="text/html"/><link href="https://x.org/b" type="text/html"/></entry></feed>')
    assert violations(broken) == [
        "feed: updated '2020-01-01' is not an RFC 3339 date-time".replace("updated", f"{A}updated"),
        "feed: no atom:author, and not every entry has one",
        "feed: no rel=self link (SHOULD)",
        "entry 0: two alternate links with the same type and hreflang",
        "entry 0: id 'rel/1' is not an absolute IRI",
    ]
