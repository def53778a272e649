"""The word lists of the events package, read once from a reviewable resource file.

``extraction/resources/event_words.tsv`` holds one row per entry (``list<TAB>entry``, and a
third column, the value, for the two maps) with a comment above each list saying what it is
for. ``load_event_words`` reads such a file; the constants below are the package's own file,
read when this module is first imported, under the names the modules of the package import.
A few lists are the file's list joined to another one (``PLAN_VERBS`` is ``HEDGE_VERBS`` and
the ``plan_verbs`` rows).

What stays in code is not vocabulary: dependency and entity labels, the lexicon's parts of
speech and the prepositions its phrases are read with, event types and stance sectors (codes
of newslens's own schema), punctuation, and the rule registries.
"""

from __future__ import annotations

from pathlib import Path

from ..resources import DATA_DIR, read_word_lists

#: The file the word lists live in, and its name inside a saved pipeline.
EVENT_WORDS_FILE = "event_words.tsv"
EVENT_WORDS_PATH = DATA_DIR / EVENT_WORDS_FILE


def load_event_words(path: Path = EVENT_WORDS_PATH) -> dict[str, dict[str, str]]:
    """Read an event word-list file: each list's entries and their values (``""`` if none),
    in file order; a broken row raises ``ValueError`` (``resources.read_word_lists``)."""
    return read_word_lists(path)


_LISTS = load_event_words()


def _entries(name: str) -> dict[str, str]:
    if name not in _LISTS:
        raise ValueError(f"{EVENT_WORDS_PATH} has no list {name!r}")
    return _LISTS[name]


def _words(name: str) -> frozenset[str]:
    return frozenset(_entries(name))


def _ordered(name: str) -> tuple[str, ...]:
    # Lists whose order matters: tried first to last.
    return tuple(_entries(name))


def _map(name: str) -> dict[str, str]:
    entries = _entries(name)
    missing = [entry for entry, value in entries.items() if not value]
    if missing:
        raise ValueError(f"{EVENT_WORDS_PATH}: {name} has no value for {missing}")
    return dict(entries)


# One line a list, grouped by the module that first defined it (``duplicates`` reports the
# runs of alike lines below: they are a table of names, not repeated logic).
# acts.py
REMOVAL_VERBS = _words("removal_verbs")
COUP_NOUNS = _words("coup_nouns")
PERPETRATOR_WORDS = _words("perpetrator_words")
OBLIGATION_AUX = _words("obligation_aux")
BACKED_ACTS = _words("backed_acts")
LIGHT_VERBS = _words("light_verbs")
ASPECT_VERBS = _words("aspect_verbs")
MENTAL_VERBS = _words("mental_verbs")
PERSONAL_VERBS = _words("personal_verbs")
# docindex.py
PLACE_MARKS = tuple(f"{word} " for word in _ordered("place_marks"))
# frame.py
HEDGE_VERBS = _words("hedge_verbs")
MODAL_AUX = _words("modal_aux")
HEDGE_ADVERBS = _words("hedge_adverbs")
FUTURE_AUX = _words("future_aux")
CONDITION_MARKS = _words("condition_marks")
PLAN_VERBS = HEDGE_VERBS | _words("plan_verbs")
PLAN_ADJECTIVES = _words("plan_adjectives")
INTENT_NOUNS = _words("intent_nouns")
CEASE_VERBS = _words("cease_verbs")
UNDO_VERBS = CEASE_VERBS | _words("undo_verbs")
REMOVAL_NOUNS = _words("removal_nouns")
ONGOING_VERBS = _words("ongoing_verbs")
CONDITION_AUX = _words("condition_aux")
ASKING_VERBS = _words("asking_verbs")
NON_EVENT_OBJECTS = _words("non_event_objects")
LEFT_BEHIND = _words("left_behind")
# frames.py
OPERATION_NOUNS = _words("operation_nouns")
ACCIDENT_WORDS = _words("accident_words")
SPOKEN_TARGETS = _words("spoken_targets")
OFFICE_VERBS = _words("office_verbs")
MEDICAL_MODIFIERS = _words("medical_modifiers")
DECISION_NOUNS = _words("decision_nouns")
ORDINAL_WORDS = _words("ordinal_words")
UNMET_NOUNS = _words("unmet_nouns")
CHARACTERISE_VERBS = _words("characterise_verbs")
# groups.py
INCLUDING_PREPS = _words("including_preps")
# judgements.py
CARRIER_VERBS = _words("carrier_verbs")
ACCUSATION_NOUNS = _words("accusation_nouns")
_JUDGING_CONDEMN = _words("condemning_words")
_JUDGING_PRAISE = _words("praising_words")
QUOTE_PRAISE = _JUDGING_PRAISE | _words("quote_praise")
QUOTE_CONDEMN = _JUDGING_CONDEMN | _words("quote_condemn")
# A characterisation also has words of its own ("called the charge baseless"), not a quoted
# judgement's, where "dangerous" or "false" describe a situation as often as they blame.
CONDEMNING_WORDS = _JUDGING_CONDEMN | _words("characterising_condemn")
PRAISING_WORDS = _JUDGING_PRAISE | _words("characterising_praise")
NEGATED_CONDEMN = _words("negated_condemn")
CONDUCT_NOUNS = _words("conduct_nouns")
ACT_REFERENCES = _words("act_references")
GENERIC_ACTS = _words("generic_acts")
DRILL_NOUNS = _words("drill_nouns")
FORCE_SHOW_PREPS = _words("force_show_preps")
BREACH_NOUNS = _words("breach_nouns")
# lexicon.py
CROWD_NOUNS = _words("crowd_nouns")
ARMED_SUBJECTS = _words("armed_subjects")
# parties.py
OWN_PERSONNEL = _words("own_personnel")
LEFT_BODIES = _words("left_bodies")
STATE_WORDS = _words("state_words")
THING_NOUNS = _words("thing_nouns")
HELPING_VERBS = _words("helping_verbs")
ACT_NOUNS = _words("act_nouns")
CITIZEN_NOUNS = _words("citizen_nouns")
DOCUMENT_NOUNS = _words("document_nouns")
HAZARD_NOUNS = _words("hazard_nouns")
NEWS_NOUNS = _words("news_nouns")
PRESS_NAME_WORDS = _words("press_name_words")
# places.py
PLACE_NOUNS = _words("place_nouns")
DOMESTIC_MEASURES = _words("domestic_measures")
WEAPON_NOUNS = _words("weapon_nouns")
STATE_ROLE_WORDS = _words("state_role_words")
JUSTICE_VERBS = _words("justice_verbs")
POLICE_VERBS = _words("police_verbs")
INSTITUTION_WORDS = _words("institution_words")
STATE_MODIFIERS = _words("state_modifiers")
MULTINATIONAL_WORDS = _words("multinational_words")
INSURGENT_NOUNS = _words("insurgent_nouns")
POLICE_NOUNS = _words("police_nouns")
# references.py
SPEECH_VERBS = _words("speech_verbs")
APPEAL_VERBS = _words("appeal_verbs")
JUDGED_VERBS = _words("judged_verbs")
FIRST_PERSON = _words("first_person")
PAIR_NOUNS = _words("pair_nouns")
PAIR_RELATIONS = _words("pair_relations")
MEMBER_GROUPS = _words("member_groups")
SECTOR_NOUNS = _map("sector_nouns")
STATE_GROUPS = {name: tuple(codes.split()) for name, codes in _map("state_groups").items()}
STATE_GROUP_HEADS = _words("state_group_heads")
OPPOSITION_MARKS = _words("opposition_marks")
SECTOR_ROLES = _map("sector_roles")
KIN_NOUNS = _words("kin_nouns")
BACKING_PARTICIPLES = _words("backing_participles")
VIOLENT_ACTS = _words("violent_acts")
PACT_NOUNS = _words("pact_nouns")
# resolve.py
RELATIVE = _words("relative")
MALE_FEMALE = _words("male_female")
NEUTER = _words("neuter")
PLURAL = _words("plural")
THIRD_PLURAL = _words("third_plural")
ARMED_MEMBERS = _words("armed_members")
MEMBER_NOUNS = _words("member_nouns")
GROUP_NOUNS = _words("group_nouns")
TIME_NOUNS = _words("time_nouns")
STATE_NOUNS = _words("state_nouns")
OFFICE_NOUNS = _words("office_nouns")
INTERNATIONAL_CITIES = _words("international_cities")
QUANTITY_HEADS = _words("quantity_heads")
SHELTER_NOUNS = _words("shelter_nouns")
EVENT_PLURALS = _words("event_plurals")
PEOPLE_NOUNS = _words("people_nouns")
PRIVATE_NOUNS = _words("private_nouns")
SHELTERED_NOUNS = _words("sheltered_nouns")
ABSENT_NOUNS = _words("absent_nouns")
DENIAL_VERBS = _words("denial_verbs")
ALLEGING_VERBS = _words("alleging_verbs")
RECEIVING_VERBS = _words("receiving_verbs")
UNDERGOING_VERBS = _words("undergoing_verbs")
REFUSING_VERBS = _words("refusing_verbs")
COLLECTIVE_NOUNS = _words("collective_nouns")
PARTICLES = _words("particles")
INSTITUTION_NOUNS = _words("institution_nouns")
BLOC_NOUNS = _words("bloc_nouns")
# stance.py
STATE_ROLES = _words("state_roles")
STATE_ORGAN_ROLES = _words("state_organ_roles")
HOMAGE_WORDS = _words("homage_words")
ENDORSING_WORDS = _words("endorsing_words")
ORGAN_NAME_WORDS = _words("organ_name_words")
# syntax.py
LIGHT_PREPS = _words("light_preps")
TOPIC_PREPS = _words("topic_preps")
INQUIRY_NOUNS = _words("inquiry_nouns")
# targets.py
TARGET_PREPS = _ordered("target_preps")
OBJECT_PREPS = _words("object_preps")
PLACE_PREPS = _ordered("place_preps")
STANCE_NOUNS = _words("stance_nouns")
OPPOSING_NOUNS = _words("opposing_nouns")
HOME_NOUNS = _words("home_nouns")
ABOUT_MODIFIERS = _words("about_modifiers")
JUDGING_VERBS = _words("judging_verbs")
CAUSING_VERBS = _words("causing_verbs")
BROKERING_VERBS = _words("brokering_verbs")
VISIT_WORDS = _words("visit_words")
HAPPENING_VERBS = _words("happening_verbs")
SOURCED_NOUNS = _words("sourced_nouns")
PERSONAL_REMOVALS = _words("personal_removals")
UNDERGONE_NOUNS = _words("undergone_nouns")
OCCASION_NOUNS = _words("occasion_nouns")
FILING_NOUNS = _words("filing_nouns")
BACKING_NOUNS = _words("backing_nouns")
JOINT_UNDERTAKINGS = _words("joint_undertakings")
TARGETING_VERBS = _words("targeting_verbs")
SENDING_VERBS = _words("sending_verbs")
# dates.py (built on resolve's and targets' lists above)
SPEAKER_NOUNS = PEOPLE_NOUNS | HOME_NOUNS | _words("speaker_nouns")
# relationships.py
RELATIONSHIP_NOUNS = _words("relationship_nouns")
