"""Clues to what a phrase refers to, each looked up without resolving another phrase: the
entity or country it names, a backer named by a participle, the speaker of a quote, the
one country a stretch of text names, a group of states named before, a city named for
violence, the protagonist of a story and a reference to a pair of parties.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from spacy.tokens import Token

from .. import resources
from .docindex import Arg, DocIndex, phrase_text, shared_name_country
from .words import (
    BACKING_PARTICIPLES,
    BLOC_NOUNS,
    FIRST_PERSON,
    INSTITUTION_NOUNS,
    KIN_NOUNS,
    MEMBER_GROUPS,
    OPPOSITION_MARKS,
    OWN_PERSONNEL,
    PACT_NOUNS,
    PAIR_NOUNS,
    PAIR_RELATIONS,
    SECTOR_NOUNS,
    SECTOR_ROLES,
    SPEECH_VERBS,
    VIOLENT_ACTS,
)

# Labels of entities that are places or peoples rather than actors with a will.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def _entity_arg(index: DocIndex, head: Token, eid: str, text: str) -> Arg:
    ent = index.entities[eid]
    label = ent.get("label")
    role = (ent.get("role") or "").lower()
    country = ent.get("country")
    if not country and label == "PERSON":
        # "President Bush": two presidents of one country share the name; the country is
        # known even when the person is not.
        country = shared_name_country(str(ent.get("canonical") or ""))
    igo = None
    seat = resources.igo_seat(head.text) if label == "GPE" else None
    if seat and not _place_use(head) and not _own_state_named(index, head, eid, country):
        # "Georgia dismissed the criticism from Brussels": the city where the European
        # Union sits stands for the Union ("in Brussels" stays a place), unless its own
        # state is named beside it ("cut ties with Brussels and expelled Belgian diplomats").
        return Arg(head.i, text, "igo", None, None, None, seat, label)
    if not country:
        igo = resources.igo_key(str(ent.get("canonical", ""))) or resources.igo_key(text)
        if igo is None and role and ":" in role:
            igo = role.split(":", 1)[0]
    sector = SECTOR_ROLES.get(role) or SECTOR_NOUNS.get(head.lemma_.lower())
    return Arg(head.i, text, "entity", eid, country, sector, igo, label)


def _own_state_named(index: DocIndex, head: Token, eid: str, country: str | None) -> bool:
    """Whether the sentence of a seat city also names, by another mention, the state the city
    is the capital of ("Belgian", "Belgium")."""
    if not country:
        return False
    for tok in head.sent:
        other = index.token_entity[tok.i]
        if other and other != eid and (index.entities.get(other) or {}).get("country") == \
                country and index.entities[other].get("label") in ("GPE", "NORP"):
            return True
    return False


#: Prepositions before a city that make it a place, not an actor.
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "into", "to", "around",
                                "across", "via", "through"})


def _place_use(head: Token) -> bool:
    """True when a city is written as a place ("in Brussels", "flew to Brussels")."""
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS or \
        head.dep_ == "compound"


def backer_of(tok: Token) -> Token | None:
    """The backing participle ``tok`` names the backer of ("Iran" in "Iran-backed
    militias"), else None."""
    part = tok.head
    if tok.dep_ in ("npadvmod", "compound", "nmod", "amod") and part.i != tok.i and \
            part.dep_ in ("amod", "compound") and part.tag_ in ("VBN", "JJ") and (
                part.lemma_.lower() in BACKING_PARTICIPLES or
                part.lower_ in BACKING_PARTICIPLES) and part.i == tok.i + 2 and \
            tok.nbor(1).text in ("-", "‐", "‑"):
        return part
    return None


def _pick_entity(index: DocIndex, head: Token, tokens: Sequence[Token]) -> str | None:
    """The entity an NP is about: the head's own, else a person or organisation in it, else
    a country or people named in it (possessives before compounds before adjectives); after
    a person, the head's own possessor comes first."""
    own = index.token_entity[head.i]
    if own is not None:
        return own
    ranked: list[tuple[int, int, str]] = []
    for tok in tokens:
        eid = index.token_entity[tok.i]
        if eid is None:
            continue
        label = index.entities[eid].get("label")
        if tok.dep_ == "poss" and head.lemma_.lower() in KIN_NOUNS:
            # "Osama bin Laden's son" is not Osama bin Laden.
            continue
        if "backer_not_owner" in index.rules and backer_of(tok) is not None:
            # "Iran-backed militias" are not Iran's: Iran backs them.
            continue
        rank = 0 if label in ("PERSON", "ORG") else 1
        dep_rank = {"poss": 0, "compound": 1, "nmod": 1, "amod": 2}.get(tok.dep_, 3)
        # A person named in the phrase is who it is ("Guaido, Venezuela's president"); else
        # the possessor owns the thing ("Sweden's NATO bid" is Sweden's, not NATO's).
        person = 0 if label == "PERSON" else 1
        owner = 0 if tok.dep_ == "poss" and tok.head.i == head.i else 1
        ranked.append((person, owner, rank, dep_rank, eid))
    return min(ranked)[4] if ranked else None


# Tries the whole phrase, then each run of proper nouns and adjectives, for a country
# and then an IGO; the first match wins.
def _lookup_country(tokens: Sequence[Token]) -> tuple[str | None, str | None]:  # noqa: C901
    """Country or IGO named in a phrase without an entity: whole phrase, then each run of
    proper nouns and adjectives ("Hungarian", "the United States")."""
    text = phrase_text(tokens)
    # Whole phrase: IGO, then country; the runs below: country, then IGO (other order).
    if text:
        igo = resources.igo_key(text)
        if igo:
            return None, igo
        code = resources.country_for_name(text)
        if code:
            return code, None
    runs: list[list[Token]] = []
    for tok in tokens:
        if tok.pos_ in ("PROPN", "ADJ") or tok.dep_ in ("compound", "poss"):
            if runs and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    for run in runs:
        words = [t for t in run if t.dep_ != "case"]
        if not words:
            continue
        span_text = phrase_text(words)
        # A run: country, then IGO, the reverse of the whole-phrase order above.
        code = resources.country_for_name(span_text)
        if code:
            return code, None
        igo = resources.igo_key(span_text)
        if igo:
            return None, igo
        for at, tok in enumerate(words):
            if at and _region_pair(words[at - 1], tok):
                # "the South American bloc": a region's adjective, not "American".
                continue
            code = resources.country_for_name(tok.text)
            if code:
                return code, None
    return None, None


def _region_pair(first: Token, second: Token) -> bool:
    """True when two words name a region or people of no one country ("South American")."""
    place = resources.place_lookup(f"{first.text} {second.text}")
    return place is not None and place.country is None


def is_own_personnel(tok: Token) -> bool:
    """Whether a noun names people or posts a party sends abroad ("diplomats", "its
    ambassador", "the embassy", ``own_personnel``)."""
    return tok.lemma_.lower() in OWN_PERSONNEL or tok.lower_ in OWN_PERSONNEL


def is_speech_verb(tok: Token) -> bool:
    """True for verbs that report speech ("said", "announced", "told")."""
    return tok.lemma_.lower() in SPEECH_VERBS or tok.lower_ in SPEECH_VERBS


def _reporter(tok: Token) -> Token | None:
    """The subject of the speech verb whose reported clause holds ``tok``."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "ccomp" and is_speech_verb(head):
            for child in head.children:
                if child.dep_ in ("nsubj",) and child.i != tok.i:
                    return child
            return None
        cur = head
    return None


def _quote_speaker(index: DocIndex, tok: Token) -> Token | None:
    """The subject, outside the quote, of a speech verb in the sentence of a quoted word
    ("'We recognise ...,' the minister said")."""
    for verb in tok.sent:
        if verb.pos_ in ("VERB", "AUX") and is_speech_verb(verb) and not index.in_quote[verb.i]:
            for child in verb.children:
                if child.dep_ == "nsubj" and not index.in_quote[child.i] and \
                        child.lower_ not in FIRST_PERSON:
                    return child
    return None


# How far back "the rebels" looks for the armed group it names again.
GROUP_LOOKBACK = 400


def _named_group(index: DocIndex, tok: Token) -> str | None:
    """The armed group a definite "the rebels" / "the militants" names again: the one armed
    group named in the text before it (within ``GROUP_LOOKBACK`` tokens), else None. With
    two groups named, it is ambiguous and stays unresolved."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
        return None
    found: set[str] = set()
    for i in range(tok.i - 1, max(-1, tok.i - GROUP_LOOKBACK), -1):
        eid = index.token_entity[i]
        if eid is None or eid in found:
            continue
        role = str(index.entities[eid].get("role") or "").lower()
        if SECTOR_ROLES.get(role) == "rebels":
            found.add(eid)
    return found.pop() if len(found) == 1 else None


def one_country(index: DocIndex, start: int, end: int, *,
                skip: frozenset[int] = frozenset()) -> str | None:
    """The one country the tokens ``start``..``end`` name through entities outside quotes
    (and outside ``skip``); None when they name none or several."""
    found: set[str] = set()
    for i in range(start, end):
        eid = index.token_entity[i]
        if eid is None or index.in_quote[i] or i in skip:
            continue
        country = index.entities[eid].get("country")
        if country:
            found.add(str(country))
            if len(found) > 1:
                return None
    return found.pop() if found else None


def _single_country(index: DocIndex, tok: Token) -> str | None:
    """The one country named in the sentence of ``tok`` (before it) and the sentence before,
    through any entity that has one; None when none or several are named."""
    start = tok.sent.start
    if start > 0:
        start = index.doc[start - 1].sent.start
    return one_country(index, start, tok.i)


def city_is_place(head: Token, entity: dict[str, Any]) -> bool:
    """True when a city or capital modifies a violent act ("the Jalalabad market bombing", "the
    Mogadishu attack") or a pact ("the Algiers agreement", "the Minsk accords"): the place
    it happened or was made. A country or people ("a US airstrike", "the Iran deal") still
    names a party."""
    lemma = head.lemma_.lower()
    if lemma not in VIOLENT_ACTS and lemma not in PACT_NOUNS and head.lower_ not in PACT_NOUNS \
            or entity.get("label") not in PLACE_LABELS:
        return False
    place = resources.place_lookup(str(entity.get("canonical") or ""))
    return place is None or place.kind not in ("country", "demonym")


def pact_place_words(head: Token, tokens: Sequence[Token]) -> list[Token]:
    """The words of ``tokens`` that name the city a pact was made in ("the Brussels
    Agreement", "the 1966 Geneva Agreement"), when ``head`` is a pact noun; the tagger often
    leaves such a name without an entity. A country or people ("the Iran deal") is a
    party and is not among them."""
    if head.lemma_.lower() not in PACT_NOUNS and head.lower_ not in PACT_NOUNS:
        return []
    out = []
    for tok in tokens:
        place = resources.place_lookup(tok.text) if tok.i != head.i and tok.text[:1].isupper() \
            else None
        if place is not None and place.kind not in ("country", "demonym"):
            out.append(tok)
    return out


def is_pact_name(entity: dict[str, Any], head: Token) -> bool:
    """True when the entity is the name of a pact ("the Lima Accord") headed by ``head``."""
    words = str(entity.get("canonical") or "").lower().split()
    return bool(words) and entity.get("label") not in ("PERSON", "GPE", "NORP") and \
        head.lower_ == words[-1] and (head.lemma_.lower() in PACT_NOUNS or
                                      head.lower_ in PACT_NOUNS)


def _common_noun(tok: Token) -> bool:
    """A common noun, also a lower-case one the tagger read as a proper noun ("the bloc",
    "the ministry" at times)."""
    return tok.pos_ == "NOUN" or tok.tag_ == "NNP" and tok.text.islower()


def named_institution(index: DocIndex, tok: Token) -> str | None:
    """The entity "the court" or "the three-judge court" stands for: the last organisation
    named before it whose name holds that noun ("the Supreme Court of Brazil ... the court
    found", "Kenya's National Assembly ... the assembly voted"). Only a bare definite noun
    (no proper-noun modifier, not itself inside a name), and only when the text named such
    an organisation before; else None and the other rules decide."""
    lemma = tok.lemma_.lower()
    if lemma not in INSTITUTION_NOUNS | BLOC_NOUNS or not _common_noun(tok) or \
            tok.tag_ not in ("NN", "NNP") or index.token_entity[tok.i] is not None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) or any(
            c.dep_ in ("compound", "poss") or c.pos_ == "PROPN" for c in tok.children):
        return None
    if index.name_words is None:
        # One pass over the text, so every later lookup is a bisection; "the bloc" is the
        # organisation of states named last.
        words: dict[str, list[tuple[int, str]]] = {}
        for i, eid in enumerate(index.token_entity):
            ent = index.entities.get(eid or "") or {}
            if ent.get("label") == "ORG" and (i == 0 or index.token_entity[i - 1] != eid):
                name = str(ent.get("canonical") or "")
                found = {w for w in name.lower().split() if w in INSTITUTION_NOUNS}
                if resources.igo_key(name):
                    found |= BLOC_NOUNS
                for word in found:
                    words.setdefault(word, []).append((i, str(eid)))
        index.name_words = words
    mentions = index.name_words.get(lemma, [])
    at = bisect_left(mentions, (tok.i, "")) - 1
    if at >= 0 and lemma in SENTENCE_BLOC_NOUNS and mentions[at][0] < tok.sent.start and \
            lemma not in str(index.entities[mentions[at][1]].get("canonical", "")).lower():
        # "the alliance" is the organisation named in its own sentence ("NATO's chief said
        # the alliance ...") or one of that name (the Alliance of Sahel States); further
        # back it is as often a gang's or a party's alliance.
        return None
    return mentions[at][1] if at >= 0 else None


#: Words for an organisation of states only when its sentence names it (``named_institution``).
SENTENCE_BLOC_NOUNS = frozenset({"alliance"})


#: Organs of a state a story names again with "the" alone ("the defence ministry said").
ORGAN_WORDS = INSTITUTION_NOUNS | frozenset({
    "government", "army", "military", "police", "navy", "command", "presidency", "office",
    "embassy", "cabinet", "guard", "junta"})
#: How far back (in tokens), and how many earlier mentions of its word, a noun named again
#: with "the" ("the ministry", "the decree") looks for where the story first told of it.
MENTION_WINDOW, MENTION_LOOKS = 1500, 8


def earlier_mentions(index: DocIndex, tok: Token, kind: str,
                     keep: Callable[[Token], bool]) -> list[int]:
    """The tokens before ``tok`` with its lemma that ``keep`` accepts, nearest first: at most
    ``MENTION_LOOKS`` of them, none more than ``MENTION_WINDOW`` tokens back. The words
    ``keep`` accepts are indexed once per document and ``kind``, so each lookup is a
    bisection."""
    table = index.word_positions.get(kind)
    if table is None:
        table = index.word_positions[kind] = {}
        for t in index.doc:
            if keep(t):
                table.setdefault(t.lemma_.lower(), []).append(t.i)
    mentions = table.get(tok.lemma_.lower(), [])
    at = bisect_left(mentions, tok.i)
    return [i for i in reversed(mentions[max(0, at - MENTION_LOOKS):at])
            if tok.i - i <= MENTION_WINDOW]


def _organ_word(tok: Token) -> bool:
    return _common_noun(tok) and tok.lemma_.lower() in ORGAN_WORDS


def _modifiers(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]


def organ_country(index: DocIndex, tok: Token) -> str | None:
    """The state "the defence ministry" or "the army" is the organ of: the country written
    on the nearest earlier mention of the same organ ("Taiwan's defence ministry", "the
    Sudanese army"), its other words the same (rule ``organ_reference``); None when the
    phrase names its state itself or the story wrote the organ with no state before."""
    if not _organ_word(tok) or not is_definite(tok) or index.token_entity[tok.i] is not None:
        return None
    mods = _modifiers(tok)
    if any(c.dep_ == "poss" or index.token_entity[c.i] is not None for c in mods):
        return None
    words = {c.lower_ for c in mods}
    for i in earlier_mentions(index, tok, "organ", _organ_word):
        earlier = _modifiers(index.doc[i])
        if not words <= {c.lower_ for c in earlier}:
            continue
        for c in earlier:
            ent = index.entity_at(c.i) or {}
            if ent.get("label") in ("GPE", "NORP") and ent.get("country"):
                return str(ent["country"])
    return None


def _opposition_marked(tok: Token) -> bool:
    """True when people are marked as the opposition by a modifier or by whom they come from
    ("pro-democracy lawmakers", "legislators from the pro-democracy bloc")."""
    heads = [tok, *(p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                    for p in c.children if p.dep_ == "pobj")]
    for head in heads:
        words = "".join(t.text_with_ws for t in head.doc[head.left_edge.i: head.i]).lower()
        words = words.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        if any(w.strip(",.'\"") in OPPOSITION_MARKS for w in words.split()):
            return True
    return False


#: Counts a reference to parties just named can give ("all three nations").
GROUP_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def is_definite(tok: Token) -> bool:
    """True for a noun with "the" ("the strikes", "the two countries")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def group_size(tok: Token) -> int:
    """How many parties a counted reference names: 2 for "the two countries", "both
    sides", "the neighbours" and a bare "the two" that acts; 3 for "all three nations",
    "the three juntas"; 0 for anything else."""
    definite = is_definite(tok)
    if tok.tag_ == "CD" and tok.lower_ in GROUP_COUNTS and tok.dep_ in ("nsubj", "nsubjpass") \
            and definite:
        # "... and the two called for a ceasefire": the number is the subject.
        return GROUP_COUNTS[tok.lower_]
    if tok.lemma_.lower() == "member" and tok.tag_ == "NNS" and (definite or any(
            c.lower_ == "all" for c in tok.children)):
        # "all three members", "the two members": of a group just named (not "two members
        # of parliament", which counts people).
        if not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return next((GROUP_COUNTS[c.lower_] for c in tok.children
                         if c.dep_ == "nummod" and c.lower_ in GROUP_COUNTS), 0)
    if tok.lemma_.lower() not in PAIR_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
        return 0
    for child in tok.children:
        if child.dep_ == "nummod" and child.lower_ in GROUP_COUNTS:
            return GROUP_COUNTS[child.lower_]
        if child.dep_ in ("det", "predet") and child.lower_ == "both":
            return 2
    if tok.lemma_.lower() in PAIR_RELATIONS and definite:
        # "the neighbours", "the rivals": a relation has two sides.
        return 2
    return 0


def is_pair_reference(tok: Token) -> bool:
    """True for "the two countries", "both sides", "the two governments"."""
    return group_size(tok) == 2


def _of_pair(head: Token) -> Token | None:
    """The pair reference a group of people belongs to ("the heads of both governments",
    "the foreign ministers of both sides"), or None."""
    if head.lemma_.lower() not in MEMBER_GROUPS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and is_pair_reference(pobj):
                    return pobj
    return None


#: The fewest mentions that make a person the one a story is about.
PROTAGONIST_MENTIONS = 3


def protagonist(entities: Mapping[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The person a story is about, from entity dicts by id: the most mentioned person, with
    at least ``PROTAGONIST_MENTIONS`` mentions and more than any other person; None when
    there is no such person."""
    people = sorted(((len(e.get("mentions") or ()), eid) for eid, e in entities.items()
                     if e.get("label") == "PERSON"), reverse=True)
    if not people or people[0][0] < PROTAGONIST_MENTIONS or (
            len(people) > 1 and people[1][0] == people[0][0]):
        return None
    return entities[people[0][1]]
