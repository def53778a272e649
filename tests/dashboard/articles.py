"""Hand-built articles for the dashboard tests: every kind of finding, no pipeline needed."""

from __future__ import annotations

import datetime as dt

from extraction.model import Article, Entity, Event, Mention, Stance, TimeExpression

#: Markup and a Markdown link that must show as text wherever article text is displayed.
HOSTILE = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    "[x](javascript:alert(1))"
)


def _mention(text: str, word: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return Mention(word, start, start + len(word))


def _sentence(text: str, word: str) -> Mention:
    at = text.index(word)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.index(".", at) + 1
    return Mention(text[start:end], start, end)


def build_article(
    *,
    text: str | None = None,
    published: dt.date | None = dt.date(2019, 3, 14),
    title: str | None = "US diplomats leave Venezuela",
    article_id: str = "a1",
) -> Article:
    """A small article with every kind of finding, built by hand (no pipeline)."""
    text = text or (
        "The United States backed Guaido on Thursday. Maduro blamed Washington in January. "
        "The military supports Maduro. Bolivia's Morales backed Maduro a year ago. "
        f"Guaido thanked the U.S. {HOSTILE} The UN called for talks."
    )
    entities = (
        Entity("e_usa", "United States", "GPE", "USA", "government",
               (_mention(text, "United States"), _mention(text, "Washington"),
                _mention(text, "U.S."))),
        Entity("e_guaido", "Juan Guaidó", "PERSON", "VEN", "opposition",
               (_mention(text, "Guaido"), _mention(text, "Guaido", 1))),
        Entity("e_maduro", "Nicolás Maduro", "PERSON", "VEN", "head of state",
               (_mention(text, "Maduro"), _mention(text, "Maduro", 1),
                _mention(text, "Maduro", 2))),
        Entity("e_military", "military", "ORG", "VEN", "military", (_mention(text, "military"),)),
        Entity("e_morales", "Evo Morales", "PERSON", "BOL", "head of state",
               (_mention(text, "Morales"),)),
        Entity("e_bolivia", "Bolivia", "GPE", "BOL", None, (_mention(text, "Bolivia"),)),
        Entity("e_un", "United Nations", "ORG", None, None, (_mention(text, "UN"),)),
    )
    times = (
        TimeExpression("Thursday", *_span(text, "Thursday"), "DATE", "2019-03-14", "2019-03-14"),
        TimeExpression("January", *_span(text, "January"), "DATE", "2019-01", "2019-03-14"),
        TimeExpression("a year ago", *_span(text, "a year ago"), "DATE", "2018", "2019-03-14"),
    )
    events = (
        Event("ev1", "SUPPORT", _mention(text, "backed"), _sentence(text, "backed"),
              actor="e_usa", target="e_guaido", actor_country="USA", target_country="VEN",
              date="2019-03-14", date_source="Thursday", polarity=0.8),
        Event("ev2", "ACCUSE", _mention(text, "blamed"), _sentence(text, "blamed"),
              actor="e_maduro", target="e_usa", actor_country="VEN", target_country="USA",
              date="2019-01", date_source="January", polarity=-0.6),
        Event("ev3", "SUPPORT", _mention(text, "supports"), _sentence(text, "supports"),
              actor="e_military", target="e_maduro", actor_country="VEN",
              target_country="VEN", date="2019-03-14", date_source="published", polarity=0.5),
        Event("ev4", "SUPPORT", _mention(text, "backed", 1), _sentence(text, "Bolivia"),
              actor="e_morales", target="e_maduro", actor_country="BOL", target_country="VEN",
              date="2018", date_source="a year ago", polarity=0.6),
        Event("ev5", "CONSULT", _mention(text, "thanked"), _sentence(text, "thanked"),
              actor="e_guaido", target="e_usa", actor_country="VEN", target_country="USA",
              date="PAST_REF", date_source="published", polarity=0.3,
              target_text="the U.S."),
        Event("ev6", "REQUEST", _mention(text, "called"), _sentence(text, "called"),
              actor="e_un", actor_text="The UN", date="2019-03-14",
              date_source="published", polarity=0.0),
    )
    stances = (
        Stance("USA", "Juan Guaidó", "support", 0.8, ("ev1",), "VEN"),
        Stance("VEN", "United States", "oppose", -0.6, ("ev2",), "USA"),
        Stance("military:VEN", "Nicolás Maduro", "support", 0.5, ("ev3",), "VEN"),
        Stance("BOL", "Nicolás Maduro", "support", 0.6, ("ev4",), "VEN"),
        Stance("opposition:VEN", "United States", "support", 0.3, ("ev5",), "USA"),
    )
    return Article(article_id, text, title, published, False, entities, times, events, stances)


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)
