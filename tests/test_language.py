"""Language identification in ``extraction.textio``: refuse only text positively identified
as another language; analyse English with little prose, with a warning. Every text here was
written for these tests."""

from __future__ import annotations

import pytest

from extraction.errors import NewslensError
from extraction.textio import identify_language, language_warning, validate_text

NOT_ENGLISH = {
    "es": ("El gobierno de Chile anunció el martes que la reunión con los ministros de la "
           "región se celebrará en la capital. Según el portavoz, las conversaciones sobre el "
           "comercio y la frontera están avanzando, pero todavía no hay un acuerdo."),
    "fr": ("Le ministre des affaires étrangères a déclaré mardi que les négociations avec ses "
           "voisins sont dans une phase difficile. Il a ajouté que la France ne changera pas "
           "sa position et que les sanctions restent en vigueur pour le moment."),
    "de": ("Die Regierung hat am Montag mitgeteilt, dass die Verhandlungen mit den "
           "Nachbarstaaten fortgesetzt werden. Der Sprecher sagte, man sei mit dem Ergebnis "
           "nicht zufrieden, aber es gebe noch Zeit für eine Einigung."),
    "it": ("Il presidente del consiglio ha detto che il governo non cambierà la sua politica "
           "sulla migrazione. Secondo la stampa, la riunione con i ministri della regione è "
           "stata rinviata alla prossima settimana per motivi di sicurezza."),
    "pt": ("O ministro da economia disse nesta terça que o governo não vai aumentar os "
           "impostos este ano. Segundo ele, as negociações com os sindicatos estão avançando "
           "e uma proposta será apresentada ao congresso na próxima semana."),
    "nl": ("De minister van buitenlandse zaken heeft dinsdag gezegd dat de gesprekken met de "
           "buurlanden niet zijn mislukt. Volgens een woordvoerder wordt er nog gewerkt aan "
           "een akkoord, maar de oppositie is daar niet blij mee."),
    "sv": ("Regeringen meddelade på tisdagen att förhandlingarna med grannländerna har "
           "avbrutits. Enligt talespersonen är det inte troligt att de kommer att återupptas "
           "före valet, och oppositionen kräver nu en utredning av frågan."),
    "pl": ("Minister spraw zagranicznych powiedział we wtorek, że rozmowy z sąsiednimi "
           "krajami nie przyniosły jeszcze wyniku. Według rzecznika rząd jest gotowy do "
           "dalszych negocjacji, ale opozycja się temu sprzeciwia."),
    "tr": ("Dışişleri bakanı salı günü yaptığı açıklamada komşu ülkelerle görüşmelerin devam "
           "edeceğini söyledi. Bakan, bu konuda henüz bir anlaşma olmadığını ama çok yakında "
           "bir sonuç alınacağını ifade etti."),
    "id": ("Menteri luar negeri mengatakan pada hari Selasa bahwa pembicaraan dengan negara "
           "tetangga akan dilanjutkan. Menurut juru bicara, pemerintah tidak akan mengubah "
           "sikapnya dan mereka sudah siap untuk bertemu lagi."),
    "ru": ("Министр иностранных дел заявил во вторник, что переговоры с соседними странами "
           "будут продолжены. По словам представителя, правительство готово к диалогу."),
    "ar": "قال وزير الخارجية يوم الثلاثاء إن المحادثات مع الدول المجاورة ستستمر الأسبوع المقبل.",
    "zh": "外交部发言人周二表示，中国将继续与邻国进行谈判，并希望尽快达成协议。",
    "ko": "외교부 대변인은 화요일 이웃 나라들과의 협상이 계속될 것이라고 말했다.",
    "ro": ("Ministrul de externe a declarat marți că negocierile cu țările vecine vor "
           "continua. Potrivit purtătorului de cuvânt, guvernul este pregătit pentru un acord "
           "și nu va schimba poziția sa în această privință."),
}

# English with little prose: analysed, with a warning.
PROSE_POOR = [
    ("Group B results: Ghana 2 Kenya 1; Nigeria 0 Egypt 0; Morocco 3 Tunisia 2; "
     "Senegal 1 Cameroon 1; Algeria 2 Mali 0; Zambia 1 Uganda 1; Angola 0 Sudan 2"),
    ("Standings: 1. Maria Lopez (ESP) 2:21:04 2. Anna Berg (SWE) 2:21:30 3. Chen Li (CHN) "
     "2:22:15 4. Ruth Otieno (KEN) 2:22:40 5. Sofia Rossi (ITA) 2:23:02 6. Ines Duarte (POR)"),
    ("BRIEFS\nKIGALI - Rwanda, Uganda sign power deal\nLIMA - Peru inflation 3.1 pct\n"
     "OSLO - Norway central bank holds rate\nACCRA - Ghana cedi firmer\nDOHA - Qatar LNG"),
]

ENGLISH_WITH_FOREIGN_NAMES = [
    ("Juan de la Fuente, Luis del Pino and Ana de las Heras met the president of the "
     "Generalitat on Monday, and the three said they would return to Madrid after the talks."),
    ("The Bundestag debated the Lieferkettengesetz for the third time, and the minister said "
     "that the law would be changed before it comes into force next year."),
]


@pytest.mark.parametrize("code", sorted(NOT_ENGLISH))
def test_textio_other_languages_are_refused(code):
    language, _ = identify_language(NOT_ENGLISH[code])
    assert language is not None
    with pytest.raises(NewslensError, match="English"):
        validate_text(NOT_ENGLISH[code])


@pytest.mark.parametrize("text", PROSE_POOR)
def test_textio_prose_poor_english_is_analysed_with_a_warning(text):
    warnings: list[str] = []
    assert validate_text(text, warnings=warnings) == text
    assert len(warnings) == 1 and "English" in warnings[0]
    assert language_warning(text) is not None


@pytest.mark.parametrize("text", ENGLISH_WITH_FOREIGN_NAMES)
def test_textio_english_with_foreign_names_is_analysed_without_warning(text):
    warnings: list[str] = []
    assert validate_text(text, warnings=warnings) == text
    assert warnings == []


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Prime Minister Shehbaz Sha\u00adrif spoke.", "Prime Minister Shehbaz Sharif spoke."),
        ("Mr\u00a0Ramaphosa met Mr\u200b Ruto.", "Mr Ramaphosa met Mr Ruto."),
        ("\ufeffThe talks in Ge\u2060neva ended.", "The talks in Geneva ended."),
    ],
)
def test_textio_invisible_characters_are_removed_before_analysis(raw, clean):
    assert validate_text(raw) == clean


def test_textio_only_invisible_characters_is_empty():
    with pytest.raises(NewslensError, match="empty"):
        validate_text("\u00ad\u200b\u2060")


def test_textio_soft_hyphen_does_not_split_a_name(nlp):
    from extraction import analyze

    text = ("Pakistan's Prime Minister Shehbaz Sha\u00adrif met the army chief in "
            "Islamabad on Monday. Sharif said the talks went well.")
    article = analyze(text, published="2023-01-10", nlp=nlp)
    sharif = [e for e in article.entities if "Sharif" in e.canonical]
    assert len(sharif) == 1 and sharif[0].country == "PAK"
    # The article keeps the text as given; offsets point into it, soft hyphen and all.
    assert article.text == text
    first = sharif[0].mentions[0]
    assert first.text == "Shehbaz Sha\u00adrif" == text[first.start_char:first.end_char]


def test_textio_offsets_point_into_the_text_as_given(nlp):
    from extraction import analyze

    text = ("Kenya\u00a0and Gha\u200bna signed a trade deal on Monday. " + "=" * 300 +
            " Ghana's president said on Tuesday that Kenya would send a trade mission.")
    article = analyze(text, published="2023-01-10", nlp=nlp)
    assert article.text == text
    spans = [m for e in article.entities for m in e.mentions]
    spans += list(article.time_expressions)
    spans += [v.trigger for v in article.events] + [v.sentence for v in article.events]
    assert spans and all(text[s.start_char:s.end_char] == s.text for s in spans)
    assert any(m.text == "Gha\u200bna" for m in spans)
