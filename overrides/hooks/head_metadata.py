"""Hook: what a page's <head> tells search engines and link previews: description, hreflang alternates (real
translations only, plus x-default), Open Graph and JSON-LD (rendered by overrides/partials/head-metadata.html).

Translations are modelled in schema.org terms: every version of an essay is a `translationOfWork` of one work, the
original at its `original_url` (the archive holds translations, not originals), or, when no original is known, a
work named by the essay id; that work lists every version as its `workTranslation`. A single version with a known
original only says `isBasedOn`: it may be a copy rather than a translation.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from archive import languages


def absolute(config: MkDocsConfig, url: str) -> str:
    return config.site_url + url


def hreflang_links(config: MkDocsConfig, urls: dict[str, str]) -> list[tuple[str, str]]:
    """Alternates for a page that exists in several languages; none for a page in one language only."""
    if len(urls) < 2:
        return []
    default = urls.get(languages.DEFAULT) or next(iter(urls.values()))
    links = [(code, absolute(config, url)) for code, url in urls.items()]
    return links + [("x-default", absolute(config, default))]


def article_json_ld(config: MkDocsConfig, essay: Any, lang: str, description: str) -> dict[str, Any]:
    versions = essay.versions
    meta = essay.version(lang).meta
    url = absolute(config, essay.version(lang).url)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": meta["title"],
        "inLanguage": lang,
        "description": description,
        "isPartOf": {"@type": "WebSite", "name": config.site_name, "url": absolute(config, languages.url_prefix(lang))},
    }
    if "subtitle" in meta:
        data["alternativeHeadline"] = meta["subtitle"]
    if "author" in meta:
        data["author"] = {"@type": "Person", "name": meta["author"]}
    if "date" in meta:
        data["datePublished"] = meta["date"]
    original = next((v.meta["original_url"] for v in versions if "original_url" in v.meta), None)
    if len(versions) > 1:
        work: dict[str, Any] = {"@type": "CreativeWork", "@id": original or absolute(config, f"#essay-{essay.id}")}
        if original:
            work["url"] = original
        work["workTranslation"] = [
            {"@type": "Article", "@id": absolute(config, v.url), "inLanguage": v.lang} for v in versions
        ]
        data["translationOfWork"] = work
    elif original:
        data["isBasedOn"] = original
    return data


def website_json_ld(config: MkDocsConfig, lang: str, description: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": absolute(config, languages.url_prefix(lang)),
        "url": absolute(config, languages.url_prefix(lang)),
        "name": config.site_name,
        "inLanguage": lang,
        "description": description,
    }


def plain(value: Any) -> Any:
    """Front-matter as written: overrides/hooks/literal_front_matter.py hands templates escaped Markup."""
    return value.unescape() if isinstance(value, Markup) else value


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: a title containing '</script>' cannot end the element."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


@event_priority(0)  # after overrides/hooks/essays.py (10), which sets `archive`
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    archive = context["archive"]
    lang = archive["lang"]
    essay = archive.get("essay")
    language = languages.get(lang)
    urls = archive["alternates"]  # hreflang_links leaves out a page that exists in one language only
    if essay:
        meta = essay["essay"].version(lang).meta
        description = meta.get("description") or meta.get("subtitle") or language.site_description
        json_ld = article_json_ld(config, essay["essay"], lang, description)
    else:
        description = plain(page.meta.get("description")) or language.site_description
        json_ld = website_json_ld(config, lang, description) if archive["is_home"] else None
    og = [
        ("og:type", "article" if essay else "website"),
        ("og:site_name", config.site_name),
        ("og:title", config.site_name if archive["is_home"] else plain(page.title)),
        ("og:description", description),
        ("og:url", page.canonical_url),
        ("og:locale", language.og_locale),
    ]
    og += [("og:locale:alternate", languages.get(code).og_locale) for code in urls if code != lang]
    if essay and "date" in essay["essay"].version(lang).meta:
        og.append(("article:published_time", essay["essay"].version(lang).meta["date"]))
    context["head"] = {
        "description": description,
        "hreflang": hreflang_links(config, urls),
        "og": og,
        "json_ld": script_json(json_ld) if json_ld else None,
    }
    return context
