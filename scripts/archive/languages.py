"""The archive's languages, declared once: everything else (detection, pages, site, search) derives from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # folder name, URL prefix, <html lang>, Material's theme language
    name: str  # the language's own name, as the switcher shows it
    english_name: str
    script: str  # the script that tells this language apart in detection: Latin, Cyrillic, Han or Kana
    cjk: bool  # written without spaces between words: never join wrapped lines with a space
    stemmer: str | None  # Snowball algorithm for search, None where words are segmented instead
    site_name: str
    site_description: str
    missing_image: str  # the visible note that stands where an image was not preserved


LANGUAGES: tuple[Language, ...] = (
    Language(
        code="en",
        script="Latin",
        name="English",
        english_name="English",
        cjk=False,
        stemmer="english",
        site_name="What does an ML engineer do? An essay archive",
        site_description="Essays in English, Russian, Chinese and Japanese on what a machine-learning engineer actually does.",
        missing_image="Image not preserved in this copy",
    ),
    Language(
        code="ru",
        script="Cyrillic",
        name="Русский",
        english_name="Russian",
        cjk=False,
        stemmer="russian",
        site_name="Чем занимается ML-инженер? Архив эссе",
        site_description="Эссе на русском, английском, китайском и японском о том, чем на самом деле занимается инженер по машинному обучению.",
        missing_image="Изображение не сохранилось в этой копии",
    ),
    Language(
        code="zh",
        script="Han",
        name="中文",
        english_name="Chinese",
        cjk=True,
        stemmer=None,
        site_name="机器学习工程师做什么？文章档案",
        site_description="以中文、英文、俄文和日文收录的文章：机器学习工程师实际上做什么。",
        missing_image="此副本未保留图片",
    ),
    Language(
        code="ja",
        script="Kana",
        name="日本語",
        english_name="Japanese",
        cjk=True,
        stemmer=None,
        site_name="機械学習エンジニアは何をする？エッセイアーカイブ",
        site_description="機械学習エンジニアが実際に何をしているのかを、日本語・英語・ロシア語・中国語で論じたエッセイのアーカイブ。",
        missing_image="この写しには画像が残っていません",
    ),
)

DEFAULT = "en"  # served at the site root; the others under /<code>/
BY_CODE: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)


def get(code: str) -> Language:
    return BY_CODE[code]


def url_prefix(code: str) -> str:
    """Site-relative folder of a language's pages: '' for the default language, 'ru/' for Russian."""
    return "" if code == DEFAULT else f"{code}/"
