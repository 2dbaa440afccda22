"""The archive's languages, declared once: everything else (detection, pages, site, search) derives from here."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    og_locale: str  # Open Graph locale (language_TERRITORY) of the reading site's pages
    ui: dict[str, str] = field(hash=False, repr=False)  # the reading site's own strings; Material's come from its theme


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
        og_locale="en_US",
        ui=dict(
            colon=": ",  # after a label, before what it labels
            essays="Essays",
            versions="Versions",
            not_in_language="No English version",
            in_language="(in {language})",
            this_essay_in="This essay in",
            this_page="this page",
            original="Original",
            editorial_note="Editorial note",
            provenance="Provenance",
            raw_file="Raw file",
            encoding="encoding",
            removed="Removed during normalization",
            removed_none="Nothing was removed during normalization.",
            switch_missing="no translation, goes to the home page",
            not_found_title="Page not found",
            not_found_text="There is no page at this address.",
            not_found_home="Go to the English home page",
            home="Home",
            catalog_page="Essays, page {page} of {pages}",
            pagination="Pages of the essay list",
            previous_page="Previous page",
            next_page="Next page",
            passage_link="Link to this passage",
            side_by_side="Side by side",
            parallel_title="{title} (side by side)",
            parallel_pairs="Read side by side",
            parallel_caption="{left} and {right}, passage by passage",
            passage_in="This passage on the {language} page",
            palette_light="Switch to light mode",
            palette_dark="Switch to dark mode",
            palette_system="Switch to the system setting",
            copyright="Texts © their authors; each essay page links to its original.",
            cite="Cite",
            cite_reference="Reference",
            cite_quote="“{}”",
            cite_version=" [English version]",
            cite_accessed="(accessed: ____)",
            cite_list=", ",  # between the parts of the original's facts
            cite_separator=". ",
            cite_download="Download",
            feed="Atom feed of new essays",
            feed_all="all languages",
            suggest_text="This page is also in English.",
            suggest_link="Read it in English",
            suggest_dismiss="No, thanks",
        ),
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
        og_locale="ru_RU",
        ui=dict(
            colon=": ",
            essays="Эссе",
            versions="Версии",
            not_in_language="Нет версии на русском",
            in_language="(язык: {language})",
            this_essay_in="Это эссе на языках",
            this_page="эта страница",
            original="Оригинал",
            editorial_note="Примечание редакции",
            provenance="Происхождение текста",
            raw_file="Исходный файл",
            encoding="кодировка",
            removed="Удалено при нормализации",
            removed_none="При нормализации ничего не удалено.",
            switch_missing="перевода нет, ведёт на главную",
            not_found_title="Страница не найдена",
            not_found_text="По этому адресу страницы нет.",
            not_found_home="Перейти на главную страницу на русском",
            home="Главная",
            catalog_page="Эссе, страница {page} из {pages}",
            pagination="Страницы списка эссе",
            previous_page="Предыдущая страница",
            next_page="Следующая страница",
            passage_link="Ссылка на этот фрагмент",
            side_by_side="Параллельно",
            parallel_title="{title} (параллельный текст)",
            parallel_pairs="Читать параллельно",
            parallel_caption="{left} и {right}, фрагмент за фрагментом",
            passage_in="Этот фрагмент на странице: {language}",
            palette_light="Включить светлую тему",
            palette_dark="Включить тёмную тему",
            palette_system="Тема как в системе",
            copyright="Тексты © их авторов; на странице каждого эссе есть ссылка на оригинал.",
            cite="Цитировать",
            cite_reference="Библиографическая ссылка",
            cite_quote="«{}»",
            cite_version=" [версия на русском языке]",
            cite_accessed="(дата обращения: __.__.____)",
            cite_list=", ",
            cite_separator=". ",
            cite_download="Скачать",
            feed="Atom-лента новых эссе",
            feed_all="все языки",
            suggest_text="Эта страница есть на русском языке.",
            suggest_link="Читать на русском",
            suggest_dismiss="Нет, спасибо",
        ),
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
        og_locale="zh_CN",
        ui=dict(
            colon="：",
            essays="文章",
            versions="版本",
            not_in_language="暂无中文版",
            in_language="（{language}版）",
            this_essay_in="本文的语言版本",
            this_page="本页",
            original="原文",
            editorial_note="编者按",
            provenance="文本来源",
            raw_file="原始文件",
            encoding="编码",
            removed="规范化时删除的内容",
            removed_none="规范化时未删除任何内容。",
            switch_missing="无此语言版本，前往首页",
            not_found_title="页面未找到",
            not_found_text="此地址没有页面。",
            not_found_home="前往中文首页",
            home="首页",
            catalog_page="文章列表，第 {page} 页，共 {pages} 页",
            pagination="文章列表分页",
            previous_page="上一页",
            next_page="下一页",
            passage_link="链接到此段落",
            side_by_side="对照阅读",
            parallel_title="{title}（对照阅读）",
            parallel_pairs="对照阅读",
            parallel_caption="{left}与{right}逐段对照",
            passage_in="此段落在{language}页面中的位置",
            palette_light="切换到浅色模式",
            palette_dark="切换到深色模式",
            palette_system="跟随系统设置",
            copyright="文章版权归原作者所有；每篇文章的页面都附有原文链接。",
            cite="引用",
            cite_reference="参考文献",
            cite_quote="《{}》",
            cite_version="（中文版）",
            cite_accessed="（访问日期：____）",
            cite_list="，",
            cite_separator="。",
            cite_download="下载",
            feed="新文章的 Atom 订阅源",
            feed_all="所有语言",
            suggest_text="本页有中文版。",
            suggest_link="阅读中文版",
            suggest_dismiss="不用了",
        ),
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
        og_locale="ja_JP",
        ui=dict(
            colon="：",
            essays="エッセイ",
            versions="言語版",
            not_in_language="日本語版はありません",
            in_language="（{language}版）",
            this_essay_in="このエッセイの言語版",
            this_page="このページ",
            original="原文",
            editorial_note="編集部注",
            provenance="テキストの出所",
            raw_file="元ファイル",
            encoding="文字コード",
            removed="正規化で削除したもの",
            removed_none="正規化で削除したものはありません。",
            switch_missing="この言語版はありません。ホームへ移動します",
            not_found_title="ページが見つかりません",
            not_found_text="このアドレスにはページがありません。",
            not_found_home="日本語のホームへ",
            home="ホーム",
            catalog_page="エッセイ一覧（{page} / {pages} ページ）",
            pagination="エッセイ一覧のページ",
            previous_page="前のページ",
            next_page="次のページ",
            passage_link="この段落へのリンク",
            side_by_side="対訳で読む",
            parallel_title="{title}（対訳）",
            parallel_pairs="対訳で読む",
            parallel_caption="{left}と{right}の段落ごとの対照",
            passage_in="{language}のページのこの段落",
            palette_light="ライトモードに切り替え",
            palette_dark="ダークモードに切り替え",
            palette_system="システム設定に合わせる",
            copyright="各テキストの著作権は著者に帰属します。各エッセイのページに原文へのリンクがあります。",
            cite="引用する",
            cite_reference="参考文献の書き方",
            cite_quote="「{}」",
            cite_version="（日本語版）",
            cite_accessed="（閲覧日：____）",
            cite_list="、",
            cite_separator="。",
            cite_download="ダウンロード",
            feed="新着エッセイの Atom フィード",
            feed_all="全言語",
            suggest_text="このページには日本語版があります。",
            suggest_link="日本語で読む",
            suggest_dismiss="閉じる",
        ),
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


def palette(code: str = DEFAULT) -> list[dict]:
    """Material's `theme.palette`: the system's colour scheme first, then light and dark by the reader's choice (which
    Material remembers); each toggle labelled, in this language, with what it switches to."""
    ui = get(code).ui
    return [
        {"media": "(prefers-color-scheme)",
         "toggle": {"icon": "material/brightness-auto", "name": ui["palette_light"]}},
        {"media": "(prefers-color-scheme: light)", "scheme": "default",
         "toggle": {"icon": "material/brightness-7", "name": ui["palette_dark"]}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
         "toggle": {"icon": "material/brightness-4", "name": ui["palette_system"]}},
    ]


def i18n_languages() -> list[dict]:
    """mkdocs-static-i18n's `languages` option: mkdocs.yml calls this instead of repeating the list."""
    return [
        {
            "locale": lang.code,
            "name": lang.name,
            "default": lang.code == DEFAULT,
            "build": True,
            "site_name": lang.site_name,
            "site_description": lang.site_description,
            "copyright": lang.ui["copyright"],
            "nav_translations": {"Essays": lang.ui["essays"]},  # MkDocs names the section after docs/<lang>/essays/
            "theme": {"palette": palette(lang.code)},  # the colour scheme toggle's labels in this language
        }
        for lang in LANGUAGES
    ]
