"""Hook: every passage of an essay page (paragraph, list item, heading, block quote) gets a stable anchor id and a
"link to this passage" mark (scripts/archive/passages.py); other pages are rendered as before."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from archive import languages
from archive.passages import PassagesExtension

EXTENSION = PassagesExtension()


def is_essay_page(src_uri: str, meta: dict) -> bool:
    """docs/<lang>/essays/<essay>.md whose front-matter names that essay (as hooks/essays.py reads them)."""
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[1] == "essays" and parts[2] == f"{meta.get('essay', '')}.md"


def on_config(config: MkDocsConfig) -> None:
    # MkDocs hands this list to every page's Markdown instance; static-i18n runs on_config once per language.
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    EXTENSION.enabled = is_essay_page(page.file.src_uri, page.meta)
    EXTENSION.label = languages.get(config.theme["language"]).ui["passage_link"]
    return markdown
