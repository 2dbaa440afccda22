"""URLs found in texts: original URLs without their tracking query, links without tracking parameters, essay ids."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_MEDIUM_POST_ID = re.compile(r"-[0-9a-f]{12}$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Query parameters that only tell the linked site where a reader came from.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|yclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|gi|sk)$", re.I)
# Medium's `source=post_page-----…`, `source=collection_archive---------7---…`, `source=rss----…`.
_MEDIUM_SOURCE = re.compile(r"post_page|collection|rss|user_profile|friends_link|home|-{3,}", re.I)
_SAFE_SCHEMES = ("http", "https", "mailto")


def clean_url(url: str) -> tuple[str, str | None]:
    """An original URL without its query and fragment, and a YYYY-MM-DD date if the fragment held one."""
    parts = urlsplit(url.strip("`<> "))
    date = _ISO_DATE.search(parts.fragment)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), date.group(0) if date else None


def clean_link(url: str) -> tuple[str | None, bool]:
    """A link target readers may follow (http(s) or mailto, tracking parameters dropped), or None; and whether
    anything was dropped from it."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None, False
    if parts.scheme.lower() not in _SAFE_SCHEMES or (parts.scheme.lower() != "mailto" and not parts.netloc):
        return None, False
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not (_TRACKING.match(k) or (k == "source" and _MEDIUM_SOURCE.search(v)))]
    if len(kept) == len(query):
        return url, False
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), parts.fragment)), True


def is_remote(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc or url.strip().startswith("//"))


def essay_id_from_url(url: str) -> str | None:
    """The essay id an original URL names: its last path segment without Medium's 12-hex-digit post id."""
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    segment = _MEDIUM_POST_ID.sub("", segment.lower())
    segment = re.sub(r"\.[a-z0-9]+$", "", segment)
    slug = re.sub(r"[^a-z0-9]+", "-", segment).strip("-")
    return slug or None
