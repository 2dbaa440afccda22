"""Adding a language is one entry in scripts/archive/languages.py plus its home page: in a copy of the project, add
German (with its Snowball stemmer) and a German text, then normalize, port the stemmers to the browser and build:
the page, its <html lang>, its search index and the switcher must all know the fifth language."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import snowballstemmer

from reading_site import ROOT

GERMAN = '''    Language(
        code="de",
        script="Latin",
        name="Deutsch",
        english_name="German",
        cjk=False,
        stemmer="german",
        site_name="Was macht ein ML-Ingenieur? Ein Essay-Archiv",
        site_description="Essays auf Deutsch und in anderen Sprachen darüber, was ein ML-Ingenieur tatsächlich tut.",
        missing_image="Bild in dieser Kopie nicht erhalten",
        og_locale="de_DE",
        ui=dict(
            colon=": ",
            essays="Essays",
            versions="Fassungen",
            not_in_language="Keine deutsche Fassung",
            in_language="(auf {language})",
            this_essay_in="Dieser Essay auf",
            this_page="diese Seite",
            original="Original",
            editorial_note="Anmerkung der Redaktion",
            provenance="Herkunft",
            raw_file="Rohdatei",
            encoding="Kodierung",
            removed="Bei der Normalisierung entfernt",
            removed_none="Bei der Normalisierung wurde nichts entfernt.",
            switch_missing="keine Übersetzung, führt zur Startseite",
            not_found_title="Seite nicht gefunden",
            not_found_text="Unter dieser Adresse gibt es keine Seite.",
            not_found_home="Zur deutschen Startseite",
            home="Startseite",
            catalog_page="Essays, Seite {page} von {pages}",
            pagination="Seiten der Essay-Liste",
            previous_page="Vorherige Seite",
            next_page="Nächste Seite",
            passage_link="Link zu diesem Abschnitt",
            side_by_side="Nebeneinander",
            parallel_title="{title} (nebeneinander)",
            parallel_pairs="Nebeneinander lesen",
            parallel_caption="{left} und {right}, Abschnitt für Abschnitt",
            passage_in="Dieser Abschnitt auf der Seite: {language}",
            palette_light="Zum hellen Modus wechseln",
            palette_dark="Zum dunklen Modus wechseln",
            palette_system="Der Systemeinstellung folgen",
            copyright="Texte © ihre Autorinnen und Autoren; jede Essay-Seite verlinkt ihr Original.",
            feed="Atom-Feed neuer Essays",
            feed_all="alle Sprachen",
            suggest_text="Diese Seite gibt es auch auf Deutsch.",
            suggest_link="Auf Deutsch lesen",
            suggest_dismiss="Nein, danke",
            cite="Zitieren",
            cite_reference="Literaturangabe",
            cite_download="Herunterladen",
            cite_accessed="(abgerufen am: ____)",
            cite_version=" [deutsche Fassung]",
            cite_separator=". ",
            cite_list=", ",
            cite_quote="„{}“",
        ),
        removals={
            "byte-order-mark": "Byte-Order-Mark",
            "cr-line-ends": "CR-Zeilenenden (jetzt LF)",
            "mojibake-repaired": "Zeichensalat repariert (UTF-8, das als Latin-1 oder cp1252 gelesen worden war)",
            "zero-width-characters": "Zeichen ohne Breite und weiche Trennstriche",
            "no-break-space-lines": "Zeilen nur aus geschützten oder ideografischen Leerzeichen (als Absatzgrenzen gelesen)",
            "html-entities": "HTML-Zeichenreferenzen (einmal aufgelöst)",
            "signature": "Signaturzeile am Ende",
            "section-label": "Rubrik über dem Titel",
            "original-line": "„Original“-Zeile (ihre Adresse ist der Link zum Original; Tracking-Parameter entfernt)",
            "image-placeholder": "Platzhalter für ein Bild",
            "image-not-preserved": "Bild von einer anderen Website oder fehlende Datei (an seiner Stelle ein Hinweis)",
            "medium-interface": "Autorzeile und Schaltflächen von Medium",
            "medium-export-line": "Zeile eines Medium-Exportwerkzeugs",
            "title-suffix": "Name der Website am Ende des Titels",
            "front-matter": "Front-Matter der Quelle (verwendbare Felder stehen im Seitenkopf)",
            "front-matter-field": "Front-Matter-Feld, das das Archiv nicht zeigt",
            "front-matter-unreadable": "Unlesbares Front-Matter",
            "tracking-parameters": "Tracking-Parameter von Links",
            "unsafe-link": "Link, der Code ausführen würde (sein Text bleibt)",
            "html-comment": "HTML-Kommentar",
            "habr-cut": "Habrs „Weiterlesen“-Marke",
            "template-tag": "Vorlagen-Tag eines Website-Generators (eine Einbettung, die das Archiv nicht zeigen kann)",
            "page-chrome": "Navigation, Kopf, Fuß, Seitenleisten und Banner um den Text einer gespeicherten Seite",
            "medium-export-footer": "Fußzeile des Medium-Exports (Autor, kanonischer Link, Exportdatum)",
            "executable-html": "Skripte, Frames, Objekte oder Formulare im Text",
            "repeated-title": "Am Anfang des Textes wiederholter Titel (oder Untertitel)",
            "summary-field": "Zusammenfassungsfeld eines Exports (der gekürzte erste Absatz)",
            "gutenberg-header": "Banner und Kopf von Project Gutenberg (Titel, Autor, Veröffentlichungsangaben)",
            "gutenberg-licence": "Schlusszeilen und Lizenz von Project Gutenberg",
            "aozora-legend": "Aozora Bunkos Erklärung seiner Zeichen",
            "aozora-colophon": "Aozora Bunkos Kolophon (gedruckte Vorlage, Erfasser, Daten)",
            "aozora-ruby": "Lesungen in 《》 (Ruby)",
            "aozora-notes": "Anmerkungen ［＃…］ der Erfasser zu Satz und Hervorhebung",
            "aozora-gaiji": "Zeichenbeschreibungen ※［＃…］, durch die Zeichen ersetzt",
        },
    ),
'''

HOME = """---
title: Startseite
description: Ein Archiv von Essays darüber, was ein ML-Ingenieur tatsächlich tut, mit jeder Fassung und ihrer Quelle.
---

# Was macht ein ML-Ingenieur?

Dieses Archiv sammelt Essays, die zu sagen versuchen, worin die Arbeit eines ML-Ingenieurs tatsächlich besteht.
"""

TEXT = """# Was macht eigentlich ein Ingenieur für maschinelles Lernen?

Maschinelles Lernen verändert die Arbeit von Ingenieurinnen und Ingenieuren. Wer heute Modelle baut, verbringt die
meiste Zeit nicht mit Algorithmen, sondern mit Daten, Schnittstellen und dem Betrieb der Systeme.

Die Stellenanzeigen großer Unternehmen zeigen es deutlich: gesucht werden Menschen, die Datenpipelines bauen,
Modelle in Produktion bringen und deren Verhalten über Monate beobachten.

Am Ende entscheidet nicht das eleganteste Modell, sondern das zuverlässigste.
"""

IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "tests", "__pycache__", "*.egg-info",
                                ".pytest_cache", ".hypothesis", "bench-out")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("fifth") / "project"
    shutil.copytree(ROOT, copy, ignore=IGNORE, symlinks=True)
    languages = copy / "scripts" / "archive" / "languages.py"
    text = languages.read_text(encoding="utf-8")
    end = text.index("\n)\n\nDEFAULT")
    languages.write_text(text[:end + 1] + GERMAN + text[end + 1:], encoding="utf-8")  # the one entry
    (copy / "docs" / "de").mkdir()
    (copy / "docs" / "de" / "index.md").write_text(HOME, encoding="utf-8")  # and its home page
    (copy / "raw" / "was-macht-ein-ml-ingenieur.md").write_text(TEXT, encoding="utf-8")  # a text in it
    return copy


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    # The copy's own scripts/ first, so that its languages.py is the one every step imports.
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, *args], cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    run(project, "scripts/snowball_to_js.py")
    run(project, "scripts/normalize.py")
    build = run(project, "-m", "mkdocs", "build", "--strict")
    assert "WARNING" not in build.stderr, build.stderr
    return project / "site"


def test_the_german_text_becomes_a_german_page(project: Path, site: Path) -> None:
    page = project / "docs" / "de" / "essays" / "was-macht-eigentlich-ein-ingenieur-fur-maschinelles-lernen.md"
    assert "\nlang: de\n" in page.read_text(encoding="utf-8")
    html = (site / "de" / "essays" / "was-macht-eigentlich-ein-ingenieur-fur-maschinelles-lernen" / "index.html")
    text = html.read_text(encoding="utf-8")
    assert '<html lang="de"' in text
    assert "Am Ende entscheidet nicht das eleganteste Modell" in text
    assert "Herkunft" in text  # the page's own strings come from the new entry


def test_german_has_a_home_page_and_its_own_search_index(site: Path) -> None:
    assert '<html lang="de"' in (site / "de" / "index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "de" / "index.json").read_text(encoding="utf-8"))
    assert index["tokenizer"]["stemmers"][0][0] == "german"  # Latin words in the German index: German's stemmer
    german = snowballstemmer.stemmer("german").stemWord("ingenieurinnen")
    english = snowballstemmer.stemmer("english").stemWord("ingenieurinnen")
    chunks = (site / "search" / "de" / "t").glob("*.json")
    terms = {term for chunk in chunks for term in json.loads(chunk.read_text(encoding="utf-8"))["terms"]}
    assert german != english and german in terms
    assert json.loads((site / "search" / "en" / "index.json").read_text(encoding="utf-8"))["tokenizer"]["stemmers"][0][0] == "english"


def test_the_browser_worker_stems_german_as_the_build_does(project: Path, site: Path) -> None:
    worker = (site / "assets" / "javascripts" / "search" / "worker.js").read_text(encoding="utf-8")
    assert "class GermanStemmer" in worker
    words = ["ingenieurinnen", "maschinelles", "größten", "schnittstellen", "entscheidet"]
    driver = (
        "require(process.argv[1]);"
        "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map(w => snowballStem('german', w))))"
    )
    node = shutil.which("node")
    assert node, "node is needed to run the browser's stemmer"
    snowball = project / "overrides" / "assets" / "javascripts" / "search" / "snowball.js"
    done = subprocess.run([node, "-e", driver, str(snowball), json.dumps(words)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [snowballstemmer.stemmer("german").stemWord(w) for w in words]


def test_the_switcher_offers_five_languages(site: Path) -> None:
    essay = site / "de" / "essays" / "was-macht-eigentlich-ein-ingenieur-fur-maschinelles-lernen" / "index.html"
    for page in (site / "index.html", site / "de" / "index.html", site / "ru" / "index.html", essay):
        text = page.read_text(encoding="utf-8")
        switcher = re.findall(r'<a [^>]*class="md-select__link[^"]*"[^>]*data-archive-lang="([a-z]+)"', text)
        assert switcher == ["en", "ru", "zh", "ja", "de"], (page, switcher)
        assert "Deutsch" in text
