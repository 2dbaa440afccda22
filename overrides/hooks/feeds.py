"""Hook: the Atom feeds, /feed.xml, /<lang>/feed.xml and /feed-all.xml (archive.feeds renders them), and the feed
every page announces in its <head> and each catalog page links visibly (context `feed`).

An entry's date is its front-matter date (the original's, shared by the essay's versions: archive.essay_facts); a
version without one takes the day its raw file was first committed, which no rebuild changes. Never the clock.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import feeds, languages
from archive.hook_modules import loaded_hook

ALL = "feed-all.xml"
_added: dict[str, str] = {}  # raw file -> the day git first saw it


def feed_path(lang: str) -> str:
    return f"{languages.url_prefix(lang)}feed.xml"


def added_dates(root: Path) -> dict[str, str]:
    """When each raw file was first committed, from one `git log` (empty without git or history)."""
    try:
        out = subprocess.run(["git", "log", "--diff-filter=A", "--format=%x00%as", "--name-only", "--", "raw"],
                             cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, str] = {}
    for commit in out.split("\0")[1:]:  # newest first: the last date seen for a file is its first commit
        date, *names = commit.split("\n")
        dates.update({name: date for name in names if name})
    return dates


def entry(config: MkDocsConfig, essay: Any, version: Any) -> feeds.FeedEntry:
    meta = version.meta
    date = meta.get("date") or _added.get(meta["source"], feeds.EPOCH)
    return feeds.FeedEntry(
        url=config.site_url + version.url,
        lang=version.lang,
        title=meta["title"],
        date=date,
        published="date" in meta,
        summary=meta.get("description") or meta.get("subtitle") or meta["title"],
        author=meta.get("author"),
        alternates=tuple((v.lang, config.site_url + v.url) for v in essay.versions if v is not version),
    )


def on_config(config: MkDocsConfig) -> None:
    if not _added:
        _added.update(added_dates(Path(config.config_file_path).parent))


@event_priority(0)  # after overrides/hooks/essays.py (10), which sets `archive`
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return on_template_context(context, "", config)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    lang = config.theme["language"]
    context["feed"] = {"url": feed_path(lang), "title": f"{config.site_name}: {languages.get(lang).ui['feed']}"}
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Each language's pass writes its feed; the default language's also the feed of every language."""
    lang = config.theme["language"]
    site = Path(config.site_dir)
    essays = loaded_hook(config, "essays.py").all_essays()
    entries = [entry(config, e, v) for e in essays for v in e.versions]
    language = languages.get(lang)
    own = [e for e in entries if e.lang == lang]
    (site / feed_path(lang)).parent.mkdir(parents=True, exist_ok=True)
    (site / feed_path(lang)).write_bytes(feeds.render_feed(
        feed_url=config.site_url + feed_path(lang), home_url=config.site_url + languages.url_prefix(lang),
        title=language.site_name, subtitle=language.site_description, lang=lang, archive=language.site_name,
        entries=own))
    if lang == languages.DEFAULT:
        (site / ALL).write_bytes(feeds.render_feed(
            feed_url=config.site_url + ALL, home_url=config.site_url, title=f"{language.site_name} ({language.ui['feed_all']})",
            subtitle=language.site_description, lang=None, archive=language.site_name, entries=entries))
