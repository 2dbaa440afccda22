"""Hook: a 404 page per language, /404.html (English) and /<lang>/404.html, each speaking all four languages with
its own first. Hosts that read site/_redirects (hooks/host_settings.py) or that pick the nearest 404.html
(Cloudflare Pages) answer a missing /ru/… with the Russian one; the others serve /404.html for every path.

MkDocs renders the theme's 404.html in every mkdocs-static-i18n pass, each at the site root; the default language's
pass keeps it there, and each other pass writes its page under its own folder instead.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from archive import languages

TEMPLATE = "404.html"


def not_found_path(code: str) -> str:
    return f"{languages.url_prefix(code)}{TEMPLATE}"


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == TEMPLATE:
        current = config.theme["language"]
        ordered = sorted(languages.LANGUAGES, key=lambda lang: lang.code != current)  # this language first
        context["not_found"] = [{"code": lang.code, "url": languages.url_prefix(lang.code), **lang.ui} for lang in ordered]
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """An empty result makes MkDocs skip writing the root file: the other languages' pages go to their folders."""
    code = config.theme["language"]
    if template_name != TEMPLATE or code == languages.DEFAULT:
        return output
    target = Path(config.site_dir) / not_found_path(code)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
