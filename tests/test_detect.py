"""detect: which language a text is in, with a language-identification model for alphabetic scripts."""

from __future__ import annotations

import pytest

from archive.catalog import Entry
from archive.decode import decode_raw
from archive.detect import detect_language, identify, prose
from archive.normalize import NormalizeError, normalize

DE = ("Maschinelles Lernen verändert die Arbeit von Ingenieurinnen und Ingenieuren. Wer heute Modelle baut, "
      "verbringt die meiste Zeit nicht mit Algorithmen, sondern mit Daten, Schnittstellen und dem Betrieb.")
PT = ("O aprendizado de máquina mudou o trabalho dos engenheiros. Quem constrói modelos hoje passa a maior parte "
      "do tempo com dados, integrações e operação, e não com algoritmos.")
ES = ("El aprendizaje automático cambió el trabajo de los ingenieros. Quien construye modelos hoy pasa la mayor "
      "parte del tiempo con datos, integraciones y operación, y no con algoritmos.")
KO = "머신러닝 엔지니어는 모델을 실제 서비스에서 쓸 수 있게 만듭니다. 데이터 전처리와 모델 학습, 평가와 배포를 맡습니다."
RU = ("Инженеры по машинному обучению большую часть времени заняты не алгоритмами, а данными, интеграцией и "
      "эксплуатацией моделей. Это видно по любому описанию вакансии.")
EN = ("Machine-learning engineers spend most of their time not on algorithms but on data, integration and keeping "
      "models running. Any job advert shows it.")
ZH = "机器学习工程师的大部分时间并不是花在算法上，而是花在数据、集成和模型运维上。"
# Japanese written mostly in kanji: a statistical model may call it Chinese; its kana say otherwise.
JA_KANJI = "本稿では機械学習工学の基本概念と実務上の課題を概説する。"


@pytest.mark.parametrize(
    "text, code, name",
    [(DE, "de", "German"), (PT, "pt", "Portuguese"), (ES, "es", "Spanish"), (KO, "ko", "Korean"),
     (RU, "ru", "Russian"), (EN, "en", "English"), (ZH, "zh", "Chinese"), (JA_KANJI, "ja", "Japanese")],
)
def test_languages_are_identified(text, code, name):
    found = identify(f"Title line\n\n{text}\n\n{text}\n")
    assert (found.code, found.name) == (code, name)


def test_only_archive_languages_are_detected_as_such():
    assert detect_language(RU) == "ru" and detect_language(DE) is None and detect_language("1234 5678") is None


def test_code_urls_and_front_matter_do_not_decide():
    code = "```python\n" + "def train(model, data):\n    return model.fit(data, epochs=10, verbose=True)\n" * 20 + "```\n"
    urls = " ".join(f"https://example.com/the/english/path/{i}?with=words&and=more" for i in range(30))
    front = "---\ntitle: What does an engineer do\ntags: [machine learning, engineering, english words]\n---\n"
    text = f"{front}\n# Заголовок\n\n{RU}\n\n{code}\n{urls}\n\n    indented code with many english words in it\n"
    assert identify(text).code == "ru"
    assert "def train" not in prose(text) and "https://" not in prose(text) and "tags:" not in prose(text)


def test_an_english_quotation_does_not_make_a_russian_text_english():
    assert identify(f"Заголовок\n\n> {EN}\n\n{RU}\n\n{RU}\n").code == "ru"
    assert identify(f"Заголовок\n\n{RU}\n\n“{EN}”\n\n{RU}\n").code == "ru"


def test_a_german_text_quoting_english_is_german():
    quote = "“The hardest part of machine learning is not the model, it is the data and the people around it.”"
    assert identify(f"Ein Titel\n\n{quote}\n\n{DE}\n\n{DE}\n").code == "de"


def test_html_is_read_for_its_text():
    page = f"<html><head><script>var english = 'the and of to';</script></head><body><p>{DE}</p></body></html>"
    assert identify(page).code == "de"


def test_a_few_words_take_the_archive_language_of_their_script():
    assert identify("Hi there").code == "en" and identify("Привет").code == "ru"


def test_a_near_tie_goes_to_the_archive_language_and_a_clear_win_does_not():
    assert identify("Title\n\n" + "word " * 100).code == "en"  # the model's first guess is Afrikaans, barely
    bulgarian = "Инженерите по машинно обучение прекарват по-голямата част от времето си с данни, а не с алгоритми."
    assert identify(bulgarian).code == "bg"
    ukrainian = "Інженери з машинного навчання більшу частину часу зайняті не алгоритмами, а даними та інтеграцією."
    assert identify(ukrainian).code == "uk"


def test_indented_paragraphs_are_prose_and_indented_code_is_not():
    indented = "".join(f"    {RU}\n\n" for _ in range(3))
    assert identify(indented).code == "ru"
    code = "\n\n    for word in english_words_list:\n        print(word, the_and_of_to)\n" * 10
    assert identify(f"Заголовок\n\n{RU}{code}").code == "ru"


def test_a_language_the_archive_lacks_is_refused_with_what_to_do():
    raw = decode_raw(f"Ein Titel\n\n{DE}\n".encode())
    with pytest.raises(NormalizeError) as error:
        normalize(raw, "raw/x.md", "0" * 64)
    assert str(error.value) == (
        "written in German (de); this archive has en, ru, zh, ja: set lang in raw/catalog.yml if that is wrong, "
        "or add the language to scripts/archive/languages.py"
    )
    assert normalize(raw, "raw/x.md", "0" * 64, Entry(facts={"lang": "en"})).meta["lang"] == "en"  # the catalog wins
