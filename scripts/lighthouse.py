"""Print Lighthouse's four category scores (mobile, served with gzip) for each language's home and one essay page.

Builds nothing: run `make build` first. Serves site/ on loopback with scripts/serve_site.py and runs the pinned
Lighthouse from node_modules with the system Chromium. Exit status 1 when any score is below --min (default 0.95).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from archive import languages  # noqa: E402
from serve_site import serve_in_background  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


def pages_to_measure(site: Path) -> list[str]:
    """Site-relative URLs: each language's home, then its first essay (by id)."""
    urls = []
    for code in languages.CODES:
        prefix = languages.url_prefix(code)
        urls.append(prefix)
        essays = sorted((site / prefix / "essays").glob("*/index.html"))
        if essays:
            urls.append(f"{prefix}essays/{essays[0].parent.name}/")
    return urls


def measure(url: str) -> tuple[dict[str, float], list[str]]:
    """The four scores, and the weighted audits that did not pass (what to fix)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(
        ["npx", "--no-install", "lighthouse", url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    report = json.loads(result.stdout)
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    failed = sorted(
        f"{c}: {ref['id']} ({report['audits'][ref['id']]['score']})"
        for c in CATEGORIES
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] and report["audits"][ref["id"]]["score"] not in (None, 1)
    )
    return scores, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--min", type=float, default=0.95, help="lowest acceptable score")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site; run `make build` first", file=sys.stderr)
        return 2
    server, base = serve_in_background(args.site)
    worst = 1.0
    try:
        print(f"{'page':<62}" + "".join(f"{c:>16}" for c in CATEGORIES))
        for page in pages_to_measure(args.site):
            scores, failed = measure(base + page)
            worst = min(worst, *scores.values())
            print(f"{'/' + page:<62}" + "".join(f"{scores[c]:>16.2f}" for c in CATEGORIES), flush=True)
            for audit in failed:
                print(f"    not passed: {audit}", flush=True)
    finally:
        server.shutdown()
    return 0 if worst >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
