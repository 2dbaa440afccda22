"""MkDocs hook: the sidebar holds the home page only, so a page's size does not grow with the archive.

MkDocs puts every page in the navigation, and Material renders the whole section around the current page into every
page: at 500 essays per language each essay page carried a list of all 500 (152 KB a page, a site growing with the
square of the archive, most of the build time). Readers find essays on the home pages' paginated catalog
(hooks/essays.py) and in search; an essay page links home, to its other versions, and nowhere else.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation

from archive import languages


@event_priority(-200)  # after mkdocs-static-i18n (-100) has made this language's navigation
def on_nav(nav: Navigation, config, files) -> Navigation:
    home = nav.homepage
    nav.items = [home] if home else []
    if home:
        home.title = languages.get(config.theme["language"]).ui["home"]  # before its front-matter is read: "Index"
    for page in nav.pages:
        # No "previous/next" between unrelated essays (and no <link rel=prev/next> pointing along that chain).
        page.previous_page = page.next_page = None
    return nav
