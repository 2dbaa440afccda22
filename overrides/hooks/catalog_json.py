"""Hook: publish /catalog.json (archive.catalog_json) and its schema, /catalog.schema.json, once per build."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from archive import catalog_json, languages
from archive.hook_modules import loaded_hook


def on_post_build(config: MkDocsConfig) -> None:
    if config.theme["language"] != languages.DEFAULT:
        return  # the catalog holds every language: one pass writes it
    catalog = loaded_hook(config, "essays.py").all_essays()
    essays = [(e.id, [(v.lang, v.url, v.meta) for v in e.versions]) for e in catalog]
    site = Path(config.site_dir)
    data = catalog_json.catalog_data(essays, config.site_url, languages.get(languages.DEFAULT).site_name)
    (site / "catalog.json").write_text(catalog_json.render_catalog(data), encoding="utf-8")
    shutil.copyfile(catalog_json.SCHEMA_FILE, site / catalog_json.SCHEMA)
