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
    # What normalization removed, by kind (the ids pages store in `removed`), as the provenance box words it.
    removals: dict[str, str] = field(default_factory=dict, hash=False, repr=False)


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
        removals={
            "byte-order-mark": "Byte-order mark",
            "cr-line-ends": "CR line ends (now LF)",
            "zero-width-characters": "Zero-width or soft-hyphen characters",
            "space-only-lines": "Lines of only no-break or ideographic spaces (read as paragraph breaks)",
            "html-entities": "HTML character references (decoded once)",
            "signature": "Signature line at the end",
            "section-label": "Section label above the title",
            "original-line": "'Original' line (its URL is the page's original link; tracking query dropped)",
            "image-placeholder": "Placeholder for an image",
            "image-not-preserved": "Image from another host or missing file (a note stands in its place)",
            "medium-interface": "Medium's byline and buttons (lines: author, reading time, date, follow, claps, share)",
            "medium-export-line": "Line added by a Medium export tool",
            "title-suffix": "Site suffix of the title",
            "front-matter": "The source's front-matter (mapped fields are in the page header)",
            "front-matter-field": "Front-matter field this archive does not show",
            "front-matter-unreadable": "Front-matter that could not be read",
            "tracking-parameters": "Tracking parameters of links",
            "unsafe-link": "Link that would run code (its text is kept)",
            "html-comment": "HTML comment",
            "habr-cut": "Habr's 'read more' cut marker",
            "template-tag": "Site generator's template tag (an embed the archive cannot show)",
            "page-chrome": "Navigation, header, footer, sidebars and banners around a saved page's text",
            "medium-export-footer": "Footer of Medium's own export (byline, canonical link, export date)",
            "executable-html": "Scripts, frames, objects or forms inside the text",
            "repeated-title": "The title (or subtitle) repeated at the start of the text",
            "summary-field": "Summary field of an export (the first paragraph cut short)",
            "gutenberg-header": "Project Gutenberg's banner and header (title, author, release data)",
            "gutenberg-licence": "Project Gutenberg's closing lines and licence",
            "aozora-legend": "Aozora Bunko's legend of its notation",
            "aozora-colophon": "Aozora Bunko's colophon (the printed source, the inputters, dates)",
            "aozora-ruby": "Readings given in 《》 (ruby)",
            "aozora-notes": "Inputters' ［＃…］ notes on layout and emphasis",
            "aozora-gaiji": "※［＃…］ descriptions of characters, written out as the characters",
        },
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
            copyright="Texts © their authors; each essay page links to its original.",
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
        removals={
            "byte-order-mark": "Метка порядка байтов (BOM)",
            "cr-line-ends": "Концы строк CR (теперь LF)",
            "zero-width-characters": "Символы нулевой ширины и мягкие переносы",
            "space-only-lines": "Строки только из неразрывных или идеографических пробелов (считаны как границы абзацев)",
            "html-entities": "Ссылки на символы HTML (раскрыты один раз)",
            "signature": "Строка подписи в конце",
            "section-label": "Метка рубрики над заголовком",
            "original-line": "Строка «Оригинал» (её адрес стал ссылкой на оригинал; параметры отслеживания удалены)",
            "image-placeholder": "Заглушка вместо изображения",
            "image-not-preserved": "Изображение с другого сайта или отсутствующий файл (на его месте примечание)",
            "medium-interface": "Подпись и кнопки Medium (автор, время чтения, дата, подписка, аплодисменты, «поделиться»)",
            "medium-export-line": "Строка, добавленная программой экспорта из Medium",
            "title-suffix": "Название сайта в конце заголовка",
            "front-matter": "Front-matter источника (поля, которые архив знает, — в шапке страницы)",
            "front-matter-field": "Поле front-matter, которое архив не показывает",
            "front-matter-unreadable": "Нечитаемый front-matter",
            "tracking-parameters": "Параметры отслеживания в ссылках",
            "unsafe-link": "Ссылка, которая запускала бы код (текст ссылки сохранён)",
            "html-comment": "Комментарий HTML",
            "habr-cut": "Метка ката Хабра («читать дальше»)",
            "template-tag": "Шаблонный тег генератора сайта (встраивание, которое архив не показывает)",
            "page-chrome": "Навигация, шапка, подвал, боковые панели и баннеры вокруг текста сохранённой страницы",
            "medium-export-footer": "Подвал экспорта Medium (автор, каноническая ссылка, дата экспорта)",
            "executable-html": "Скрипты, фреймы, объекты или формы внутри текста",
            "repeated-title": "Заголовок (или подзаголовок), повторённый в начале текста",
            "summary-field": "Поле краткого описания из экспорта (обрезанный первый абзац)",
            "gutenberg-header": "Баннер и заголовок Project Gutenberg (название, автор, данные выпуска)",
            "gutenberg-licence": "Завершающие строки и лицензия Project Gutenberg",
            "aozora-legend": "Пояснение к разметке Аодзора Бунко",
            "aozora-colophon": "Выходные данные Аодзора Бунко (печатный источник, наборщики, даты)",
            "aozora-ruby": "Чтения в 《》 (руби)",
            "aozora-notes": "Примечания наборщиков ［＃…］ о вёрстке и выделении",
            "aozora-gaiji": "Описания символов ※［＃…］, заменённые самими символами",
        },
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
            copyright="Тексты © их авторов; на странице каждого эссе есть ссылка на оригинал.",
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
        removals={
            "byte-order-mark": "字节顺序标记（BOM）",
            "cr-line-ends": "CR 换行符（已改为 LF）",
            "zero-width-characters": "零宽字符或软连字符",
            "space-only-lines": "仅含不换行空格或全角空格的行（视为段落分隔）",
            "html-entities": "HTML 字符引用（已解码一次）",
            "signature": "文末署名行",
            "section-label": "标题上方的栏目标签",
            "original-line": "“原文”行（其网址即本页的原文链接；已去除跟踪参数）",
            "image-placeholder": "图片占位文字",
            "image-not-preserved": "来自其他网站或缺失文件的图片（原处改为说明）",
            "medium-interface": "Medium 的署名与按钮（作者、阅读时长、日期、关注、鼓掌、分享）",
            "medium-export-line": "Medium 导出工具添加的行",
            "title-suffix": "标题末尾的网站名",
            "front-matter": "源文件的 front-matter（可用字段已放入页面信息）",
            "front-matter-field": "本档案不显示的 front-matter 字段",
            "front-matter-unreadable": "无法读取的 front-matter",
            "tracking-parameters": "链接中的跟踪参数",
            "unsafe-link": "会执行代码的链接（保留其文字）",
            "html-comment": "HTML 注释",
            "habr-cut": "Habr 的“阅读更多”分隔标记",
            "template-tag": "网站生成器的模板标签（本档案无法显示的嵌入内容）",
            "page-chrome": "保存网页中正文周围的导航、页眉、页脚、侧栏和横幅",
            "medium-export-footer": "Medium 官方导出的页脚（作者、规范链接、导出日期）",
            "executable-html": "正文中的脚本、框架、对象或表单",
            "repeated-title": "在正文开头重复出现的标题（或副标题）",
            "summary-field": "导出文件中的摘要字段（截短的第一段）",
            "gutenberg-header": "古登堡计划的横幅与文件头（书名、作者、发布信息）",
            "gutenberg-licence": "古登堡计划的结尾与许可协议",
            "aozora-legend": "青空文库的符号说明",
            "aozora-colophon": "青空文库的版本说明（底本、录入者、日期）",
            "aozora-ruby": "《》中的注音（振假名）",
            "aozora-notes": "录入者关于排版和强调的［＃…］注记",
            "aozora-gaiji": "※［＃…］字符说明，已替换为字符本身",
        },
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
            copyright="文章版权归原作者所有；每篇文章的页面都附有原文链接。",
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
        removals={
            "byte-order-mark": "バイト順マーク（BOM）",
            "cr-line-ends": "CR の改行（LF に変換）",
            "zero-width-characters": "ゼロ幅文字・ソフトハイフン",
            "space-only-lines": "ノーブレークスペースや全角スペースだけの行（段落の区切りとして読んだもの）",
            "html-entities": "HTML の文字参照（一度だけ展開）",
            "signature": "末尾の署名行",
            "section-label": "タイトルの上のカテゴリ名",
            "original-line": "「原文」の行（その URL をこのページの原文リンクに。トラッキング用パラメータは削除）",
            "image-placeholder": "画像の代わりの文字",
            "image-not-preserved": "他のサイトの画像または見つからないファイル（代わりに注記）",
            "medium-interface": "Medium の署名とボタン（著者、読了時間、日付、フォロー、拍手、シェア）",
            "medium-export-line": "Medium のエクスポートツールが加えた行",
            "title-suffix": "タイトル末尾のサイト名",
            "front-matter": "元ファイルの front-matter（使える項目はページのヘッダーに）",
            "front-matter-field": "このアーカイブで表示しない front-matter の項目",
            "front-matter-unreadable": "読めなかった front-matter",
            "tracking-parameters": "リンクのトラッキング用パラメータ",
            "unsafe-link": "コードを実行するリンク（リンクの文字は残す）",
            "html-comment": "HTML コメント",
            "habr-cut": "Habr の「続きを読む」区切り",
            "template-tag": "サイト生成ツールのテンプレートタグ（このアーカイブでは表示できない埋め込み）",
            "page-chrome": "保存したページの本文まわりのナビゲーション・ヘッダー・フッター・サイドバー・バナー",
            "medium-export-footer": "Medium 公式エクスポートのフッター（著者、正規リンク、エクスポート日）",
            "executable-html": "本文中のスクリプト・フレーム・オブジェクト・フォーム",
            "repeated-title": "本文の冒頭で繰り返されたタイトル（またはサブタイトル）",
            "summary-field": "エクスポートの要約欄（最初の段落を途中で切ったもの）",
            "gutenberg-header": "プロジェクト・グーテンベルクのバナーとヘッダー（書名、著者、公開情報）",
            "gutenberg-licence": "プロジェクト・グーテンベルクの末尾とライセンス",
            "aozora-legend": "青空文庫の記号についての説明",
            "aozora-colophon": "青空文庫の奥付（底本、入力・校正者、日付）",
            "aozora-ruby": "《》で示した読み（ルビ）",
            "aozora-notes": "入力者による［＃…］の注記（レイアウトや強調）",
            "aozora-gaiji": "※［＃…］の文字の説明（文字そのものに置き換え）",
        },
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
            copyright="各テキストの著作権は著者に帰属します。各エッセイのページに原文へのリンクがあります。",
        ),
    ),
)

DEFAULT = "en"  # served at the site root; the others under /<code>/
BY_CODE: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)


REMOVAL_KINDS: tuple[str, ...] = tuple(BY_CODE[DEFAULT].removals)


def get(code: str) -> Language:
    return BY_CODE[code]


def removal_text(item: dict, code: str) -> str:
    """One `removed` entry of a page ({kind, detail}) as a language words it."""
    words = get(code).removals[item["kind"]]
    return f"{words}{get(code).ui['colon']}{item['detail']}" if item.get("detail") else words


def url_prefix(code: str) -> str:
    """Site-relative folder of a language's pages: '' for the default language, 'ru/' for Russian."""
    return "" if code == DEFAULT else f"{code}/"


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
        }
        for lang in LANGUAGES
    ]
