"""Settings for static hosts that read them from the site (Netlify; Cloudflare Pages): `_redirects` sends a missing
URL to its language's 404 page, `_headers` says how long browsers and CDNs may cache each file. Pure: text out."""

from __future__ import annotations

import re
from typing import Iterable

from . import languages

# Material's bundles carry a content hash in their names (bundle.79ae519e.min.js): a new version is a new URL.
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$")
LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=0, must-revalidate"  # HTML, feeds, indexes, unhashed assets: revalidate (ETag) every time


def redirects() -> str:
    """Per-language 404 rules; without '!' a rule applies only where no file exists, so pages are never shadowed."""
    lines = ["# Missing URLs get their language's 404 page, with status 404 (hooks/not_found.py, hooks/host_settings.py)."]
    for lang in languages.LANGUAGES:
        prefix = languages.url_prefix(lang.code)
        if prefix:
            lines.append(f"/{prefix}*  /{prefix}404.html  404")
    lines.append("/*  /404.html  404")  # last: the first matching rule wins
    return "\n".join(lines) + "\n"


def cache_rules(files: Iterable[str]) -> list[tuple[str, str]]:
    """(URL pattern, Cache-Control) covering every file once: hosts add up the headers of every rule that matches,
    so a catch-all '/*' beside the hashed files' rules would give them two Cache-Control values."""
    files = sorted(files)
    hashed = {f for f in files if HASHED.search(f)}
    rules: list[tuple[str, str]] = []

    def walk(folder: str) -> None:  # folder: '' or 'a/b/'
        inside = [f[len(folder):] for f in files if f.startswith(folder)]
        if not any(folder + f in hashed for f in inside):
            rules.append((f"/{folder}*", SHORT))
            return
        for name in sorted({f for f in inside if "/" not in f}):
            if folder + name in hashed:
                rules.append((f"/{folder}{name}", LONG))
            else:
                rules.append((f"/{folder}{name}", SHORT))
                if name == "index.html":
                    rules.append((f"/{folder}", SHORT))
        for sub in sorted({f.split("/", 1)[0] for f in inside if "/" in f}):
            walk(f"{folder}{sub}/")

    walk("")
    return rules


def headers(files: Iterable[str]) -> str:
    out = ["# Cache-Control per file (hooks/host_settings.py): a year for hashed bundles, revalidate for the rest."]
    for pattern, value in cache_rules(files):
        out += [pattern, f"  Cache-Control: {value}", "  X-Content-Type-Options: nosniff"]
    return "\n".join(out) + "\n"
