"""Serve a built site/ on loopback as a static host would: gzip, directory index, 404.html for missing paths.

Used by scripts/lighthouse.py and the browser tests; `python scripts/serve_site.py [--port N] [site]` serves by hand.
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import posixpath
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def content_type(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") and path.suffix != ".txt" else kind


_gzipped: dict[Path, tuple[int, int, bytes]] = {}


def compressed(path: Path, body: bytes) -> bytes:
    """The file gzipped once per version, as a static host or CDN keeps it: compressing a 3 MB search index on every
    request (0.7 s at level 9) measured this server, not the site."""
    stat = path.stat()
    cached = _gzipped.get(path)
    if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
        return cached[2]
    data = gzip.compress(body, compresslevel=6, mtime=0)
    _gzipped[path] = (stat.st_mtime_ns, stat.st_size, data)
    return data


class SiteHandler(BaseHTTPRequestHandler):
    root: Path  # set by make_server
    sent: list[tuple[str, int]] | None = None  # set by make_server: (path, body bytes) of each response, if wanted
    server_version = "archive-site"
    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts do
    # TCP_NODELAY, as nginx and other static hosts set it on keep-alive connections: the headers and the body go out in
    # two writes, and with Nagle's algorithm the body of every response on a reused connection waited for the
    # browser's delayed ACK, about 40 ms a request (notes/search.md, "Time to the first result").
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:  # quiet: tests and Lighthouse read their own logs
        pass

    def do_HEAD(self) -> None:
        self.respond(send_body=False)

    def do_GET(self) -> None:
        self.respond(send_body=True)

    def resolve(self) -> tuple[HTTPStatus, Path | None, str | None]:
        """(status, file to send, redirect location) for the request path."""
        url_path = unquote(urlsplit(self.path).path)
        parts = [p for p in posixpath.normpath(url_path).split("/") if p not in ("", ".", "..")]
        path = self.root.joinpath(*parts)
        if path.is_dir():
            if not url_path.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY, None, url_path + "/"
            path = path / "index.html"
        if path.is_file():
            return HTTPStatus.OK, path, None
        missing = self.root / "404.html"
        return HTTPStatus.NOT_FOUND, missing if missing.is_file() else None, None

    def respond(self, send_body: bool) -> None:
        status, path, location = self.resolve()
        body = path.read_bytes() if path else b""
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        kind = content_type(path) if path else "text/plain"
        self.send_header("Content-Type", kind)
        if body and kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = compressed(path, body)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.sent is not None:
            self.sent.append((urlsplit(self.path).path, len(body)))
        if send_body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went away (a test closed its tab): nothing to serve, nothing wrong


class SiteServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)  # a browser closing a connection is no server error


def make_server(root: Path, host: str = "127.0.0.1", port: int = 0, sent: list[tuple[str, int]] | None = None,
                handler: type[SiteHandler] = SiteHandler) -> ThreadingHTTPServer:
    serving = type("Handler", (handler,), {"root": Path(root).resolve(), "sent": sent})
    return SiteServer((host, port), serving)


def serve_in_background(root: Path, sent: list[tuple[str, int]] | None = None,
                        handler: type[SiteHandler] = SiteHandler) -> tuple[ThreadingHTTPServer, str]:
    """Start serving `root` on a free loopback port; returns the server (call .shutdown()) and its base URL. Each
    response's (path, bytes sent) is appended to `sent`, if given; `handler` may be a SiteHandler subclass (a test's
    slow network)."""
    server = make_server(root, sent=sent, handler=handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    server = make_server(args.site, port=args.port)
    print(f"serving {args.site} on http://127.0.0.1:{args.port}/ (gzip)")
    server.serve_forever()


if __name__ == "__main__":
    main()
