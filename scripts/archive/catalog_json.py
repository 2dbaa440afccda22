"""/catalog.json: every essay and its versions, for programs, mirrors and search engines. Pure: data in, JSON out.

Its format is schemas/catalog.schema.json (JSON Schema 2020-12), which the site publishes beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

SCHEMA = "catalog.schema.json"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schemas" / SCHEMA  # in the repository, beside this package
FORMAT = 1  # bump on an incompatible change of the schema
VERSION_KEYS = ("title", "subtitle", "author", "date", "publication", "original_url", "description")


def version_data(lang: str, url: str, meta: dict[str, Any], site_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"lang": lang, "url": site_url + url}
    data.update({key: meta[key] for key in VERSION_KEYS if key in meta})
    data.update({"source": meta["source"], "source_url": site_url + meta["source"], "sha256": meta["source_sha256"]})
    return data


def catalog_data(essays: Iterable[tuple[str, Iterable[tuple[str, str, dict[str, Any]]]]], site_url: str,
                 site_name: str) -> dict[str, Any]:
    """`essays`: (essay id, [(language, site-relative URL, front-matter)]) in the order the home page lists them."""
    return {
        "$schema": site_url + SCHEMA,
        "format": FORMAT,
        "site": {"name": site_name, "url": site_url},
        "essays": [
            {"id": essay, "versions": [version_data(lang, url, meta, site_url) for lang, url, meta in versions]}
            for essay, versions in essays
        ],
    }


def render_catalog(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
