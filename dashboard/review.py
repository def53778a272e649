"""The Analyze page's corrections: an analyst fixes what the extraction got wrong.

Wiring only: the corrections are made by ``extraction.corrections`` and kept by
``dashboard.state`` (in the store, keyed by the article's text). Everything quoted from the
article is shown as plain text or in select boxes, never as Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from extraction import corrections as fixes
from extraction import resources
from extraction.corrections import Correction
from extraction.errors import NewslensError
from extraction.model import Article

from . import correcting
from .names import LABEL_WORDS, country_label, holder_label, label_words
from .panels import md_escape

#: Entity types an analyst can choose (time types are not entities).
ENTITY_LABELS = tuple(k for k in LABEL_WORDS if k not in ("DATE", "TIME", "DURATION", "SET"))
FLASH_KEY = "analyze_fix_flash"
FIELDS = {"country": "Country", "label": "Type", "role": "Role"}


def _keep_valid(key: str, options: Sequence[object]) -> None:
    # A choice made for another article would be an invalid option for this one.
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


def _attempt(action: Callable[[], str]) -> None:
    """Run ``action``; flash its message above the forms, or why it was refused."""
    try:
        st.session_state[FLASH_KEY] = ("ok", action())
    except NewslensError as err:
        st.session_state[FLASH_KEY] = ("error", str(err))


def _save(make: Callable[[], Correction]) -> None:
    """Make a correction with ``make()`` and keep it."""
    def run() -> str:
        correction = make()
        correcting.save_correction(correction)
        return f"Saved: {correction.describe()}"

    _attempt(run)


def _undo(correction_id: int) -> None:
    def run() -> str:
        correcting.undo_correction(correction_id)
        return f"Correction {correction_id} undone."

    _attempt(run)


def _entity_form(shown: Article) -> None:
    if not shown.entities:
        st.info("No entities to correct.")
        return
    ids = [e.id for e in shown.entities]
    names = {e.id: f"{e.canonical} ({label_words(e.label)}, {country_label(e.country)})"
             for e in shown.entities}
    _keep_valid("analyze_fix_entity", ids)
    chosen = st.selectbox("Entity", ids, key="analyze_fix_entity", format_func=names.get)
    entity = shown.entity(chosen)
    field = st.radio("Correct its", list(FIELDS), key="analyze_fix_field", horizontal=True,
                     format_func=FIELDS.get)
    if field == "country":
        codes = ["", *resources.country_codes()]
        value = st.selectbox("New country", codes, key="analyze_fix_country",
                             index=codes.index(entity.country) if entity.country in codes
                             else 0,
                             format_func=lambda c: country_label(c) if c else "no country")
    elif field == "label":
        labels = list(ENTITY_LABELS)
        if entity.label not in labels:
            labels.append(entity.label)
        value = st.selectbox("New type", labels, key="analyze_fix_label",
                             index=labels.index(entity.label), format_func=label_words)
    else:
        value = st.text_input("New role (empty: none)", key="analyze_fix_role",
                              placeholder=entity.role or "head of state, opposition, military…")
    if st.button("Save the entity correction", key="analyze_fix_entity_save"):
        _save(lambda: fixes.correct_entity(shown, chosen, field, value))
        st.rerun()


#: The country choice that keeps the kept entity's country (merge) or the entity's (split).
SAME_COUNTRY = "same"


def _country_choice(key: str, same: str) -> str | None:
    """A country picker whose first option keeps ``same``'s country; return None for that,
    '' for no country, else the ISO-3 code (as ``merge_entities`` and ``split_entity``
    take it)."""
    codes = [SAME_COUNTRY, "", *resources.country_codes()]
    choice = st.selectbox("Country", codes, key=key,
                          format_func=lambda c: same if c == SAME_COUNTRY
                          else country_label(c) if c else "no country")
    return None if choice == SAME_COUNTRY else choice


def _merge_form(shown: Article) -> None:
    if len(shown.entities) < 2:
        st.info("There are fewer than two entities: nothing to merge.")
        return
    names = {e.id: f"{e.canonical} ({label_words(e.label)}, {country_label(e.country)})"
             for e in shown.entities}
    key = "analyze_fix_merge_entities"
    if key in st.session_state:
        st.session_state[key] = [i for i in st.session_state[key] if i in names]
    chosen = st.multiselect(
        "Entities that are one (two or more)", list(names), key=key, format_func=names.get,
        placeholder="pick the entities to merge",
        help="Their mentions are united; what came through any of them (events, stances) "
             "comes through the merged entity.")
    _keep_valid("analyze_fix_merge_keep", chosen)
    keep = st.selectbox("Keep the name and type of", chosen, key="analyze_fix_merge_keep",
                        format_func=names.get, index=0 if chosen else None,
                        placeholder="pick the entities first", disabled=len(chosen) < 2)
    kept = shown.entity(keep) if keep else None
    left, right = st.columns(2)
    name = left.text_input("Or name it (optional)", key="analyze_fix_merge_name",
                           placeholder=kept.canonical if kept else "")
    with right:
        country = _country_choice(
            "analyze_fix_merge_country",
            f"as {kept.canonical}: {country_label(kept.country)}" if kept else "as kept")
    if st.button("Merge the entities", key="analyze_fix_merge_save", disabled=len(chosen) < 2):
        order = [keep, *(i for i in chosen if i != keep)] if keep else chosen
        _save(lambda: fixes.merge_entities(shown, order, name=name or None, country=country))
        st.rerun()


def _mention_label(text: str, mention_start: int, mention_end: int) -> str:
    """A mention with a few words around it, as plain text."""
    before = " ".join(text[max(0, mention_start - 40):mention_start].split()[-5:])
    after = " ".join(text[mention_end:mention_end + 40].split()[:5])
    return f"…{before} [{text[mention_start:mention_end]}] {after}…"


def _split_form(shown: Article) -> None:
    several = [e for e in shown.entities if len(e.mentions) > 1]
    if not several:
        st.info("Every entity has a single mention: nothing to split.")
        return
    names = {e.id: f"{e.canonical} ({len(e.mentions)} mentions)" for e in several}
    _keep_valid("analyze_fix_split_entity", list(names))
    chosen = st.selectbox("Entity", list(names), key="analyze_fix_split_entity",
                          format_func=names.get)
    entity = shown.entity(chosen)
    starts = [m.start_char for m in entity.mentions]
    labels = {m.start_char: _mention_label(shown.text, m.start_char, m.end_char)
              for m in entity.mentions}
    _keep_valid("analyze_fix_split_mention", starts)
    start = st.selectbox("The mention that is someone else", starts,
                         key="analyze_fix_split_mention", format_func=labels.get,
                         help="The events and relations that came through this mention go "
                              "with it to the new entity.")
    left, middle, right = st.columns(3)
    mention = next(m for m in entity.mentions if m.start_char == start)
    name = left.text_input("Its name (optional)", key="analyze_fix_split_name",
                           placeholder=mention.text)
    types = ["", *ENTITY_LABELS]
    label = middle.selectbox("Its type", types, key="analyze_fix_split_label",
                             format_func=lambda t: f"as {entity.canonical}: "
                             f"{label_words(entity.label)}" if not t else label_words(t))
    with right:
        country = _country_choice("analyze_fix_split_country",
                                  f"as {entity.canonical}: {country_label(entity.country)}")
    if st.button("Split the mention off", key="analyze_fix_split_save"):
        _save(lambda: fixes.split_entity(shown, chosen, start, name=name or None,
                                         label=label or None, country=country))
        st.rerun()


def _status_form(what: str, options: dict[str, str],
                 make: Callable[[str, str], Correction]) -> None:
    """Pick an event or stance (``options``: key -> label) and confirm or reject it."""
    if not options:
        st.info(f"No {what}s to check.")
        return
    keys = list(options)
    _keep_valid(f"analyze_fix_{what}", keys)
    chosen = st.selectbox(what.capitalize(), keys, key=f"analyze_fix_{what}",
                          format_func=options.get)
    status = st.radio(f"The {what} is", fixes.STATUSES[::-1],
                      key=f"analyze_fix_{what}_status", horizontal=True,
                      format_func=lambda s: "confirmed (by me)" if s == "confirmed"
                      else "wrong: reject it")
    if st.button(f"Save the {what} check", key=f"analyze_fix_{what}_save"):
        _save(lambda: make(chosen, status))
        st.rerun()


def target_options(article: Article) -> dict[str, tuple[str, str | None]]:
    """Targets an analyst can pick: key -> (display name, ISO-3 country). The article's
    people and organisations, the targets it already has, then every country."""
    options: dict[str, tuple[str, str | None]] = {}
    for entity in article.entities:
        if entity.label in ("PERSON", "ORG"):
            options[f"entity:{entity.canonical}"] = (entity.canonical, entity.country)
    for stance in article.stances:
        options.setdefault(stance.target_key or stance.target,
                           (stance.target, stance.target_country))
    for code in resources.country_codes():
        options.setdefault(code, (country_label(code), code))
    return options


def _add_form(shown: Article) -> None:
    holders = list(dict.fromkeys([*(s.holder for s in shown.stances),
                                  *resources.country_codes()]))
    targets = target_options(shown)
    left, right = st.columns(2)
    holder = left.selectbox("Holder", holders, key="analyze_fix_holder", index=None,
                            placeholder="who takes the stance", format_func=holder_label)
    target = right.selectbox("Target", list(targets), key="analyze_fix_target", index=None,
                             placeholder="towards whom",
                             format_func=lambda k: targets[k][0])
    polarity = st.radio("Stance", list(fixes.POLARITY_SCORES), key="analyze_fix_polarity",
                        horizontal=True)
    sentence = st.text_area("Evidence: the sentence, copied from the text",
                            key="analyze_fix_sentence", height=80)
    if st.button("Add the stance", key="analyze_fix_add_save"):
        def make() -> Correction:
            if holder is None or target is None:
                raise NewslensError("Pick a holder and a target.")
            name, country = targets[target]
            return fixes.add_stance(shown, holder=holder, target=name, target_key=target,
                                    target_country=country, polarity=polarity,
                                    sentence=sentence or "")
        _save(make)
        st.rerun()


def corrections_section(shown: Article, corrections: list[Correction]) -> None:
    """The correction forms for the shown article, and its corrections with Undo buttons.

    Args:
        shown: the article with its corrections applied (what the page shows).
        corrections: every correction of its text, undone ones too.
    """
    flash = st.session_state.pop(FLASH_KEY, None)
    # Drawn into a slot that is there on every run, so the tabs below keep their place
    # (and the one open) when the message is gone.
    slot = st.empty()
    if flash:
        kind, message = flash
        # The message may quote the article (an entity's name): kept inert.
        (slot.success if kind == "ok" else slot.error)(md_escape(message))
    st.caption("Corrections are kept in the corpus store with the article's text, so they "
               "apply to every analysis of the same text, in the Corpus page and in exports, "
               "and can be undone.")
    tabs = st.tabs(["Entity", "Merge entities", "Split an entity", "Event", "Stance",
                    "Add a stance"])
    with tabs[0]:
        _entity_form(shown)
    with tabs[1]:
        _merge_form(shown)
    with tabs[2]:
        _split_form(shown)
    with tabs[3]:
        _status_form("event", {e.id: fixes.event_label(e) for e in shown.events},
                     lambda key, status: fixes.set_event_status(shown, key, status,
                                                                corrections))
    with tabs[4]:
        _status_form("stance", {fixes.stance_key(s): f"{holder_label(s.holder)} {s.polarity} "
                                f"{s.target}" for s in shown.stances},
                     lambda key, status: fixes.set_stance_status(shown, key, status,
                                                                 corrections))
    with tabs[5]:
        _add_form(shown)
    active = [c for c in corrections if c.active]
    if not corrections:
        return
    st.markdown(f"**Corrections of this text** ({len(active)} in force, "
                f"{len(corrections) - len(active)} undone)")
    for correction in reversed(corrections):
        left, right = st.columns([5, 1])
        when = correction.made_at[:16].replace("T", " ")
        state_note = "" if correction.active else \
            f" · undone {(correction.undone_at or '')[:16].replace('T', ' ')}"
        left.text(f"#{correction.id} {when} UTC · {correction.describe()}{state_note}")
        if correction.active:
            right.button("Undo", key=f"analyze_fix_undo_{correction.id}",
                         on_click=_undo, args=(correction.id,))
