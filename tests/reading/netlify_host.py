"""A small static host that reads site/_redirects the way Netlify documents it, for the tests.

What it does (https://docs.netlify.com/routing/redirects/): one rule a line, `from to [status][!]`, `#` comments;
rules are tried top to bottom and the first match wins; `*` at the end of `from` matches the rest of the path and
`:splat` in `to` stands for it; `:name` matches one path segment; status 200 rewrites, 3xx redirects, 404 serves
`to` with status 404; without `!` a rule is skipped when a file exists at the path ("shadowing").
Limits: no query-string or country/language/role conditions, no proxying to other hosts, no `_headers`; trailing
slash normalization is the simple one (a folder is served by its index.html).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Rule:
    source: str
    target: str
    status: int
    force: bool


def parse_redirects(text: str) -> list[Rule]:
    rules = []
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        source, target, *rest = parts
        status, force = (rest[0].rstrip("!"), rest[0].endswith("!")) if rest else ("301", False)
        rules.append(Rule(source, target, int(status), force))
    return rules


def match(rule: Rule, path: str) -> str | None:
    """The rule's target for this path with :splat and :placeholders filled in, or None."""
    pattern = re.escape(rule.source.rstrip("*")) if rule.source.endswith("*") else re.escape(rule.source)
    pattern = re.sub(r"\\?:(\w+)", lambda m: f"(?P<{m.group(1)}>[^/]+)", pattern)
    rx = re.compile(f"^{pattern}(?P<splat>.*)$" if rule.source.endswith("*") else f"^{pattern}/?$")
    m = rx.match(path)
    if not m:
        return None
    target = rule.target
    for name, value in m.groupdict().items():
        target = target.replace(f":{name}", value or "")
    return target


def existing_file(root: Path, path: str) -> Path | None:
    candidate = root / path.lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() and root in candidate.resolve().parents else None


def resolve(root: Path, rules: list[Rule], path: str) -> tuple[int, Path | None, str | None]:
    """(status, file to send, Location) as Netlify would answer."""
    found = existing_file(root, path)
    for rule in rules:
        target = match(rule, path)
        if target is None or (found and not rule.force):
            continue
        if 300 <= rule.status < 400:
            return rule.status, None, target
        return rule.status, existing_file(root, target), None
    if found:
        return 200, found, None
    return 404, existing_file(root, "/404.html"), None  # Netlify's own fallback


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    rules = parse_redirects((root / "_redirects").read_text(encoding="utf-8"))

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            status, file, location = resolve(root, rules, unquote(urlsplit(self.path).path))
            body = file.read_bytes() if file else b""
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
