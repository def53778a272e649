"""Event arguments: who a noun phrase in the parse refers to, and which country it stands for.

An argument is resolved from its head token: the newslens entity covering the phrase (a
person, an organisation, a country, a demonym), else a country or organisation named inside
it (through the resources gazetteer), a sector of a country ("the Venezuelan opposition",
"the military"), a group of states ("54 other countries"), an apposition ("X, Algeria's
leading activist"), a state noun standing for the one country just named ("the country",
"its government"), or a pronoun resolved against the text before it. ``holder_key`` turns
an argument into the stance holder scheme the dashboard relies on: ``VEN``,
``opposition:VEN``, ``un``, ``group:54 other countries``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from .. import resources

# Dependents that belong to the core of a noun phrase (not clauses or attachments).
CORE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "quantmod", "case",
                       "predet", "npadvmod", "advmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
MALE_FEMALE = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
# Plural pronouns are resolved only to a plural noun subject just before them that names a
# party ("Kenyan troops ... They"): their antecedent is as often a group of people as a
# state, and a wrong guess makes a wrong stance.
PLURAL = frozenset({"they", "their", "them", "themselves", "we", "our", "us", "i", "my", "me"})
THIRD_PLURAL = frozenset({"they", "their", "them"})
SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "add", "claim", "insist", "declare", "report", "quote",
    "explain", "stress", "write", "tweet", "note", "argue", "contend", "assert", "acknowledge",
    "confirm", "reiterate", "repeat", "maintain", "suggest", "reply", "respond", "told", "said",
    "conclude", "indicate", "reveal", "predict", "announces", "says",
})
QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
FIRST_PERSON = frozenset({"we", "our", "us", "i", "my", "me", "ours"})
# Nouns that "the two ..." or "both ..." make a reference to two parties named before.
PAIR_NOUNS = frozenset({"country", "side", "nation", "state", "government", "party",
                        "neighbour", "neighbor", "leader", "capital", "army"})
# Prepositions that list a group's members ("leaders including X", "states such as Y").
INCLUDING_PREPS = frozenset({"including", "like", "as", "among"})
MEMBER_GROUPS = frozenset({"leader", "government", "country", "state", "nation", "official",
                           "minister", "power", "ally", "party", "member", "politician",
                           "dignitary", "representative", "delegation", "figure", "head",
                           "neighbour", "neighbor", "organisation", "organization"})
# Dashes that end a dateline ("OSLO, Norway —").
DATELINE_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})

# Head nouns naming a non-government part of a country; stance holders get "<sector>:ISO3".
SECTOR_NOUNS = {
    "military": "military", "army": "military", "troops": "military", "troop": "military",
    "soldier": "military", "forces": "military", "force": "military", "navy": "military",
    "general": "military", "junta": "military", "coup": "military", "putsch": "military",
    "warplane": "military", "gunship": "military", "paratrooper": "military",
    "marine": "military", "battalion": "military", "brigade": "military",
    "regiment": "military", "artillery": "military",
    "opposition": "opposition", "dissident": "opposition", "protester": "opposition",
    "protestor": "opposition", "demonstrator": "opposition",
    "rebel": "rebels", "insurgent": "rebels", "militant": "rebels", "guerrilla": "rebels",
    "separatist": "rebels", "militia": "rebels", "fighter": "rebels",
}
# Modifiers that put people in a country's opposition ("pro-democracy lawmakers",
# "legislators from the pro-democracy bloc", "anti-government protesters").
OPPOSITION_MARKS = frozenset({"pro-democracy", "anti-government", "antigovernment",
                              "opposition", "dissident", "anti-regime"})
# Nouns for members of a body: "opposition leaders" speak for the opposition.
# People who fight or attack for an organisation ("fighters of", "gunmen from").
ARMED_MEMBERS = frozenset({"gunman", "gunmen", "fighter", "militant", "insurgent", "jihadist",
                           "bomber", "attacker", "assailant", "guerrilla", "rebel",
                           "operative", "militiaman", "militiamen", "commando"})
MEMBER_NOUNS = frozenset({"leader", "member", "figure", "official", "commander", "spokesman",
                          "spokeswoman", "spokesperson", "lawmaker", "politician", "officer",
                          "representative", "activist", "supporter", "chief", "head",
                          "legislator", "deputy", "senator", "mp"})
# Entity roles (from the entities component) that make a sector holder instead of a state.
SECTOR_ROLES = {"military": "military", "opposition": "opposition", "rebels": "rebels",
                "rebel group": "rebels", "armed group": "rebels"}
# Head nouns for several states at once ("54 other countries", "Western allies").
GROUP_NOUNS = frozenset({"country", "nation", "state", "government", "ally", "member", "power",
                         "democracy"})
# Nouns of time: "the second day of Abiy's visit" names no party.
TIME_NOUNS = frozenset({"day", "week", "month", "year", "anniversary", "hour", "night",
                        "morning", "evening", "decade", "century", "period", "time", "eve"})
# Head nouns that stand for a state the text has already named ("the country", "its
# government", "his administration").
STATE_NOUNS = frozenset({"country", "nation", "government", "regime", "administration",
                         "authority", "authorities", "kingdom", "republic", "cabinet",
                         "leadership"})
# Nouns for relatives and associates: their possessor is someone else.
KIN_NOUNS = frozenset({"son", "daughter", "wife", "husband", "brother", "sister", "father",
                       "mother", "child", "children", "family", "relative", "cousin", "widow",
                       "nephew", "niece", "fiancee", "fiancée", "lawyer", "aide", "friend"})
# Heads that count people rather than name them ("thousands of students").
QUANTITY_HEADS = frozenset({"ten", "tens", "hundred", "hundreds", "thousand", "thousands",
                            "million", "millions", "dozen", "dozens", "score", "scores",
                            "group", "number", "third", "half", "majority", "some", "many",
                            "most", "all", "one", "few", "handful", "crowd", "crowds"})
# Plural nouns of acts, not people: "talks in Vientiane" are not Laos's.
EVENT_PLURALS = frozenset({"talk", "talks", "negotiation", "consultation", "meeting", "election",
                           "protest", "demonstration", "clash", "exercise", "drill", "sanction",
                           "strike", "attack", "operation", "hostility", "relation", "tie"})
# How an argument's text says it is only the place of an act ("in Cairo", "at the airport").
PLACE_MARKS = ("in ", "at ", "near ")
# Labels of entities that are places or peoples rather than actors with a will.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
# Head nouns for people acted upon at home when news names no country for them ("police
# arrested 12 demonstrators"): a state's act on them is domestic.
PEOPLE_NOUNS = frozenset({
    "member", "demonstrator", "protester", "protestor", "student", "worker", "activist",
    "journalist", "reporter", "civilian", "refugee", "prisoner", "detainee", "villager",
    "resident", "supporter", "people", "farmer", "opponent", "dissident", "suspect",
    "leader", "official", "teacher", "miner", "settler", "citizen", "candidate", "critic",
    "lawyer", "monk", "priest", "worshipper", "youth", "person", "man", "woman", "newspaper",
    "party", "union", "group", "movement", "organization", "organisation", "crowd",
    "rebel", "insurgent", "militant", "guerrilla", "separatist", "militia", "fighter",
    "opposition", "inmate", "striker", "minority",
})


@dataclass(frozen=True)
class Arg:
    """A resolved argument: its head token, surface text and what it refers to.

    ``kind`` is ``entity`` (a newslens entity), ``country`` (a country named without an
    entity), ``igo``, ``group`` (several states without one code), or ``other``.
    """

    head: int
    text: str
    kind: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    label: str | None = None

    @property
    def is_party(self) -> bool:
        """True when the argument names someone a stance can be held by or about."""
        return self.kind != "other" or self.sector is not None


@dataclass
class DocIndex:
    """Per-document lookups built once: token -> entity, quotes, pronoun antecedents."""

    doc: Doc
    entities: dict[str, dict[str, Any]]
    token_entity: list[str | None]
    in_quote: list[bool]
    last_person: list[str | None]
    last_thing: list[str | None]
    published: str | None = None
    # Token index of the last plural noun subject before each token ("Kenyan troops").
    last_plural: list[int | None] = field(default_factory=list)
    # Tokens of datelines ("OSLO, Norway —"): where the story was filed, not who acts.
    dateline: frozenset[int] = frozenset()
    # Names of the argument rules in force (``ARGUMENT_RULES``).
    rules: frozenset[str] = frozenset()
    # Each entity's first token: the head of its first mention found in the text.
    first_token: dict[str, int] = field(default_factory=dict)

    def entity_at(self, i: int) -> dict[str, Any] | None:
        eid = self.token_entity[i]
        return self.entities.get(eid) if eid else None


def build_index(doc: Doc, entities: Sequence[dict[str, Any]] | None,
                published: str | None = None, *,
                rules: Collection[str] | None = None) -> DocIndex:
    """Index a document's entities by token and precompute pronoun antecedents.

    Args:
        doc: a parsed document.
        entities: ``Entity.to_dict()`` dicts (may be empty or None).
        published: the article's date (ISO), used to date office holders.
        rules: names of ``ARGUMENT_RULES`` to apply; all when None.
    """
    active = frozenset(ARGUMENT_RULES) if rules is None else frozenset(rules)
    n = len(doc)
    token_entity: list[str | None] = [None] * n
    by_id: dict[str, dict[str, Any]] = {}
    first_token: dict[str, int] = {}
    for ent in entities or ():
        eid = str(ent.get("id"))
        by_id[eid] = ent
        for mention in ent.get("mentions", ()):
            span = doc.char_span(int(mention["start_char"]), int(mention["end_char"]),
                                 alignment_mode="expand")
            if span is None or not len(span):
                continue
            first_token.setdefault(eid, span.root.i)
            for tok in span:
                if token_entity[tok.i] is None:
                    token_entity[tok.i] = eid
    in_quote = [False] * n
    inside = False
    for tok in doc:
        if tok.text in QUOTES or (tok.text == "'" and tok.is_punct and tok.tag_ != "POS"):
            inside = not inside if tok.text in ('"', "'") else tok.text in ("\u201c", "``")
            in_quote[tok.i] = False
            continue
        in_quote[tok.i] = inside
        if tok.is_sent_start:
            # A quote never spans a paragraph without a closing mark in news text; reset at
            # paragraph breaks so one stray quote cannot swallow the article.
            if "\n\n" in doc[max(tok.i - 1, 0)].text_with_ws or tok.i == 0:
                inside = False
                in_quote[tok.i] = False
    last_person: list[str | None] = [None] * n
    last_thing: list[str | None] = [None] * n
    last_plural: list[int | None] = [None] * n
    person: str | None = None
    thing: str | None = None
    plural: int | None = None
    for tok in doc:
        last_person[tok.i] = person
        last_thing[tok.i] = thing
        last_plural[tok.i] = plural
        if tok.dep_ not in SUBJECT_DEPS or in_quote[tok.i]:
            continue
        if tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in tok.children):
            plural = tok.i
        eid = token_entity[tok.i]
        if eid is None:
            continue
        label = by_id[eid].get("label")
        if label == "PERSON":
            person = eid
        elif by_id[eid].get("country") or label in ("GPE", "ORG"):
            thing = eid
    dateline = datelines(doc) if "dateline" in active else frozenset()
    for i in dateline:
        token_entity[i] = None
    return DocIndex(doc, by_id, token_entity, in_quote, last_person, last_thing, published,
                    last_plural, dateline, active, first_token)


def datelines(doc: Doc, *, width: int = 10) -> frozenset[int]:
    """Token indices of datelines: at the start of the text or of a paragraph, a place name
    in capitals, up to a dash within ``width`` tokens ("OSLO, Norway \u2014",
    "BANJA LUKA (Reuters) -")."""
    out: set[int] = set()
    for tok in doc:
        if not (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_space):
            continue
        if tok.is_space or not (tok.is_upper and len(tok.text) > 1 and tok.is_alpha):
            continue
        for j in range(tok.i + 1, min(tok.i + width, len(doc))):
            if doc[j].text in DATELINE_DASHES:
                out.update(range(tok.i, j + 1))
                break
            if "\n" in doc[j].text_with_ws:
                break
    return frozenset(out)


def core_tokens(head: Token) -> list[Token]:
    """The head of a noun phrase with its modifiers, without clauses or attachments."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in CORE_DEPS:
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def phrase_text(tokens: Sequence[Token]) -> str:
    """Surface text of tokens, contiguous or not, without leading determiners."""
    if not tokens:
        return ""
    toks = list(tokens)
    while toks and (toks[0].dep_ == "det" and toks[0].lower_ in ("the", "a", "an", "this", "that")
                    or toks[0].lower_ in ("only", "just", "even", "also")):
        toks = toks[1:]
    if not toks:
        return ""
    doc = toks[0].doc
    first, last = toks[0].i, toks[-1].i
    if last - first + 1 == len(toks):
        return doc[first:last + 1].text
    return " ".join(t.text for t in toks)


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, frozenset[str]]:
    """Surface form of a known office holder -> the canonical names it may stand for."""
    names: dict[str, set[str]] = {}
    for entry in resources.gazetteer():
        if entry.kind == "actor" and entry.key:
            names.setdefault(resources.normalize_name(entry.text), set()).add(entry.key)
    return {k: frozenset(v) for k, v in names.items()}


@lru_cache(maxsize=4096)
def shared_name_country(name: str) -> str | None:
    """The country of a name several office holders share ("Bush", "Papandreou") when they
    all held office for the same country; None when unknown or the country differs.

    Args:
        name: a person's name as the text gives it.
    """
    canon = _actor_names().get(resources.normalize_name(name))
    if not canon or len(canon) < 2:
        return None
    countries = set()
    for person in canon:
        actor = resources.actor_lookup(person)
        countries.add(actor.country if actor is not None else None)
    return countries.pop() if len(countries) == 1 else None


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
    if not country:
        igo = resources.igo_key(str(ent.get("canonical", ""))) or resources.igo_key(text)
        if igo is None and role and ":" in role:
            igo = role.split(":", 1)[0]
    sector = SECTOR_ROLES.get(role) or SECTOR_NOUNS.get(head.lemma_.lower())
    return Arg(head.i, text, "entity", eid, country, sector, igo, label)


# Participles of backing in a hyphenated modifier ("Iran-backed", "Russian-sponsored"): the
# country named backs the group, it does not own it. ("Saudi-led" is the leader's own.)
BACKING_PARTICIPLES = frozenset({"back", "backed", "support", "supported", "sponsor",
                                 "sponsored", "fund", "funded", "finance", "financed", "arm",
                                 "armed", "train", "trained", "equip", "equipped"})


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
    a country or people named in it (possessives before compounds before adjectives)."""
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
        ranked.append((rank, dep_rank, eid))
    return min(ranked)[2] if ranked else None


def _lookup_country(tokens: Sequence[Token]) -> tuple[str | None, str | None]:
    """Country or IGO named in a phrase without an entity: whole phrase, then each run of
    proper nouns and adjectives ("Hungarian", "the United States")."""
    text = phrase_text(tokens)
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
        code = resources.country_for_name(span_text)
        if code:
            return code, None
        igo = resources.igo_key(span_text)
        if igo:
            return None, igo
        for tok in words:
            code = resources.country_for_name(tok.text)
            if code:
                return code, None
    return None, None


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


def _bound_possessive(index: DocIndex, tok: Token, depth: int) -> Arg | None:
    """A possessive pronoun bound by the subject of its own clause ("Brazil said Russia
    stopped its shelling": its is Russia's; "the minister said Chile had changed her
    policy" is not bound, a country being no "her"). None when the clause's subject
    contains the pronoun ("its troops withdrew") or does not fit it."""
    lower = tok.lower_
    verb = tok.head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > tok.i or subj.left_edge.i <= tok.i <= subj.right_edge.i or \
            subj.pos_ == "PRON":
        return None
    found = resolve_one(index, subj, depth=depth + 1)
    if not found.is_party or found.kind == "other":
        return None
    person = found.label == "PERSON"
    if lower in NEUTER and person or lower in MALE_FEMALE and not person:
        return None
    if lower not in NEUTER | MALE_FEMALE:
        # ("their" may stand for several coordinated parties: the other rules decide.)
        return None
    return Arg(tok.i, found.text, found.kind, found.entity, found.country, found.sector,
               found.igo, found.label)


def _pronoun(index: DocIndex, tok: Token, depth: int) -> Arg | None:
    lower = tok.lower_
    eid: str | None = None
    if depth < 2 and lower in FIRST_PERSON and index.in_quote[tok.i] and \
            "quoted_first_person" in index.rules:
        # A quoted "we" or "I" is whoever the quote is attributed to, and their party.
        speaker = _reporter(tok) or _quote_speaker(index, tok)
        if speaker is not None and not index.in_quote[speaker.i]:
            found = resolve_one(index, speaker, depth=depth + 1)
            if found.is_party:
                return Arg(tok.i, found.text, found.kind, found.entity, found.country,
                           found.sector, found.igo, found.label)
        return None
    if depth < 2 and tok.dep_ == "poss" and "possessive_subject" in index.rules:
        bound = _bound_possessive(index, tok, depth)
        if bound is not None:
            return bound
    if depth < 2 and not index.in_quote[tok.i] and lower in MALE_FEMALE | NEUTER | THIRD_PLURAL:
        # "Syria says it is willing ...", "the rebels said they will ...": a third-person
        # pronoun in reported speech is most often the one who speaks.
        reporter = _reporter(tok)
        if reporter is not None:
            found = resolve_one(index, reporter, depth=depth + 1)
            if found.is_party:
                return Arg(tok.i, found.text, found.kind, found.entity, found.country,
                           found.sector, found.igo, found.label)
    if lower in MALE_FEMALE:
        eid = index.last_person[tok.i]
        if index.in_quote[tok.i] and "quoted_protagonist" in index.rules:
            # A "he" or "she" in a quotation is most often the one the story is about; the
            # last person named is often the one quoted before.
            main = protagonist(index.entities)
            eid = str(main["id"]) if main is not None else eid
    elif lower in NEUTER and tok.dep_ in ("nsubj", "nsubjpass") and depth < 2:
        # A subject pronoun in a subordinate clause is the subject of the clause above
        # ("the US ended ties with Taipei in 1979, when it established relations ...").
        cur = tok.head
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.i < tok.i), None)
            if subj is not None:
                found = resolve_one(index, subj, depth=depth + 1)
                if found.is_party and found.label != "PERSON":
                    return Arg(tok.i, found.text, found.kind, found.entity, found.country,
                               found.sector, found.igo, found.label)
                break
    if eid is None and lower in NEUTER:
        # The nearest preceding organisation or country in the sentence ("cut ties with the
        # USA over its recognition"), else the last one that was a subject before.
        for prev in reversed(tok.sent[: tok.i - tok.sent.start]):
            cand = index.token_entity[prev.i]
            if cand and index.entities[cand].get("label") != "PERSON" and \
                    not index.in_quote[prev.i]:
                eid = cand
                break
        if eid is None:
            eid = index.last_thing[tok.i]
        if eid is None and depth < 2 and tok.dep_ in ("nsubj", "nsubjpass") and \
                tok.sent.start > 0 and "previous_subject" in index.rules:
            # "The government of Ghana announced ... It declared ...": the subject of the
            # sentence before, when it names a state or an organisation.
            before = index.doc[tok.sent.start - 1].sent
            subj = next((c for c in before.root.children
                         if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                # (At the caller's depth: "the government of Ghana" is Ghana's at depth 0.)
                found = resolve_one(index, subj, depth=depth)
                if found.label != "PERSON" and (found.country or found.igo):
                    return Arg(tok.i, found.text, found.kind, found.entity, found.country,
                               found.sector, found.igo, found.label)
    if eid is None and lower in ("they", "their") and depth < 2 and index.last_plural:
        # "Kenyan troops crossed the border. They attacked ...": the last plural subject in
        # this sentence or the one before, when it names a party with a country.
        cand = index.last_plural[tok.i]
        start = tok.sent.start
        if start > 0:
            start = index.doc[start - 1].sent.start
        if cand is not None and cand >= start:
            found = resolve_one(index, index.doc[cand], depth=depth + 1)
            if found.is_party and (found.country or found.igo):
                return Arg(tok.i, found.text, found.kind, found.entity, found.country,
                           found.sector, found.igo, found.label)
    if eid is None:
        return None
    return _entity_arg(index, tok, eid, tok.text)


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


def _appositive_country(index: DocIndex, tok: Token, depth: int) -> str | None:
    """The country an apposition gives a name ("X, Algeria's leading activist, ...", "X, a
    Nigerian diplomat"), or None."""
    for child in tok.children:
        if child.dep_ == "appos":
            found = resolve_one(index, child, depth=depth + 1)
            if found.country and found.entity != index.token_entity[tok.i]:
                return found.country
    return None


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


def _clause_subject(index: DocIndex, tok: Token, depth: int) -> str | None:
    """The country of the subject of the clause ``tok`` is an argument of, when ``tok`` is
    not itself in that subject ("X criticised its government": X's)."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    for child in cur.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not (
                child.left_edge.i <= tok.i <= child.right_edge.i):
            # (At the caller's depth: "protesters in Lima" are Peru's only at depth 0.)
            found = resolve_one(index, child, depth=depth)
            return found.country
    return None


def _state_reference(index: DocIndex, tok: Token, depth: int) -> str | None:
    """The country "the country", "its government" or "his administration" stands for: a
    possessive pronoun's referent's country, else the single country named just before."""
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ in ("his", "her", "its", "their"):
            owner = _clause_subject(index, tok, depth)
            if owner is not None:
                # "Chinese citizens criticised their government": the subject's state.
                return owner
            if child.lower_ == "their":
                return None
            found = _pronoun(index, child, depth + 1)
            return found.country if found is not None else None
        if child.dep_ == "det" and child.lower_ in ("the", "this"):
            return _single_country(index, tok)
    return None


# Nouns of violent acts, whose city modifier names a place ("the Kabul bombing").
VIOLENT_ACTS = frozenset({"bomb", "bombing", "explosion", "blast", "attack", "shelling",
                          "strike", "airstrike", "raid", "shooting", "ambush", "massacre",
                          "assault", "stabbing", "suicide"})


def city_of_violence(head: Token, entity: dict[str, Any]) -> bool:
    """True when a city or capital modifies a violent act ("the Jalalabad market bombing", "the
    Mogadishu attack"): the place it happened. A country or people ("a US airstrike")
    still names the author."""
    if head.lemma_.lower() not in VIOLENT_ACTS or entity.get("label") not in PLACE_LABELS:
        return False
    place = resources.place_lookup(str(entity.get("canonical") or ""))
    return place is None or place.kind not in ("country", "demonym")


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


def resolve_one(index: DocIndex, tok: Token, *, depth: int = 0) -> Arg:
    """Resolve one argument head (no coordination) to an ``Arg``."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.i in index.dateline:
        # "OSLO, Norway - Sweden condemned ...": the parser hangs the real subject on the
        # dateline as an apposition.
        after = [c for c in tok.children if c.dep_ in ("appos", "conj") and
                 c.i not in index.dateline]
        if not after and tok.dep_ == "conj" and tok.head.i in index.dateline and depth < 2:
            # ("BELGRADE, Serbia": the country of the dateline is no second actor.)
            return resolve_one(index, tok.head, depth=depth + 1)
        if not after and tok.dep_ in ("nsubj", "nsubjpass"):
            # "BELGRADE, Serbia (AP) — Serbia recalled ...": the parser gives the verb the
            # dateline and the real subject as two subjects.
            after = [c for c in tok.head.children if c.dep_ == tok.dep_ and
                     c.i not in index.dateline]
        return resolve_one(index, after[0], depth=depth) if after else Arg(tok.i, tok.text,
                                                                           "other")
    if tok.pos_ == "PRON" or (tok.text.islower() and tok.lower_ in MALE_FEMALE | NEUTER | PLURAL):
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            # Object pronouns ("sanctions on him") point too far back to guess safely.
            return Arg(tok.i, tok.text, "other")
        found = _pronoun(index, tok, depth)
        return found or Arg(tok.i, tok.text, "other")
    tokens = core_tokens(tok)
    text = phrase_text(tokens)
    if "backer_not_owner" in index.rules:
        tokens = [t for t in tokens if backer_of(t) is None]
    lemma = tok.lemma_.lower()
    sector = SECTOR_NOUNS.get(lemma) or SECTOR_NOUNS.get(tok.lower_)
    if sector is None and lemma in PEOPLE_NOUNS | MEMBER_NOUNS and _opposition_marked(tok):
        sector = "opposition"
    if lemma in ("opposition",) and any(c.dep_ == "prep" and c.lower_ == "to"
                                        for c in tok.children):
        sector = None
    eid = _pick_entity(index, tok, tokens)
    ethnic = any(t.lower_ == "ethnic" for t in tokens)
    if eid is not None and ethnic and index.entities[eid].get("label") == "NORP":
        # "ethnic Albanians in Serbia" are a people, not the Albanian state: the place they
        # live in (below) or nothing gives their country.
        eid = None
    if eid is not None and index.token_entity[tok.i] != eid:
        ent = index.entities[eid]
        if ent.get("label") in PLACE_LABELS and not ent.get("country"):
            # "two Gulf states": a region as a modifier says nothing about who acts.
            eid = None
        elif "city_is_place" in index.rules and city_of_violence(tok, ent):
            # "the Jalalabad market bombing killed ...": the city is where, not who.
            return Arg(tok.i, text, "other", sector=sector)
    if eid is not None and "people_of_place" in index.rules and depth == 0 and \
            index.token_entity[tok.i] == eid and \
            index.entities[eid].get("label") == "NORP" and tok.tag_ in ("NNPS", "NNS"):
        # "the Albanians of southern Serbia", "Somalis in Kenya": a people named with the
        # country they live in are that country's.
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                for pobj in _children_of(child, "pobj"):
                    place = resolve_one(index, pobj, depth=1)
                    if place.country and place.label in ("GPE", "LOC") and \
                            place.country != index.entities[eid].get("country"):
                        return Arg(tok.i, text, "entity", eid, place.country, sector, None,
                                   index.entities[eid].get("label"))
    if eid is not None:
        arg = _entity_arg(index, tok, eid, text)
        if arg.country is None and arg.igo is None and depth < 2:
            # "Salaheddine Sidhoum, Algeria's leading human rights activist": the apposition
            # says whose the person or organisation is.
            country = _appositive_country(index, tok, depth)
            if country:
                arg = Arg(arg.head, arg.text, arg.kind, arg.entity, country, arg.sector,
                          arg.igo, arg.label)
        if arg.country is None and arg.igo is None:
            # "British Defence Secretary Tom King": a person the knowledge base does not
            # know still belongs to the country named in the phrase around the name.
            others = [t for t in tokens if index.token_entity[t.i] not in (None, eid)]
            country = next((index.entities[index.token_entity[t.i]].get("country")
                            for t in others
                            if index.entities[index.token_entity[t.i]].get("country")), None)
            if country is None:
                country, igo = _lookup_country([t for t in tokens
                                                if index.token_entity[t.i] != eid])
            else:
                igo = None
            if country or igo:
                arg = Arg(arg.head, arg.text, arg.kind, arg.entity, country, arg.sector, igo,
                          arg.label)
        if sector and not arg.sector:
            arg = Arg(arg.head, arg.text, arg.kind, arg.entity, arg.country, sector, arg.igo,
                      arg.label)
        return arg
    if depth < 2 and tok.pos_ == "NOUN" and "appositive_name" in index.rules:
        # "his father, Emir Khalifa", "the group's leader, Ali Musa": the name in
        # apposition is the one meant.
        for child in tok.children:
            if child.dep_ == "appos" and index.token_entity[child.i] is not None and \
                    (index.entities[index.token_entity[child.i]].get("label") in
                     ("PERSON", "ORG")):
                return resolve_one(index, child, depth=depth + 1)
    country, igo = _lookup_country(tokens) if not ethnic else (None, None)
    if country or igo:
        return Arg(tok.i, text, "country" if country else "igo", None, country, sector, igo)
    if sector == "rebels" and "named_group" in index.rules:
        named = _named_group(index, tok)
        if named is not None:
            return _entity_arg(index, tok, named, text)
    if depth < 2 and tok.pos_ == "NOUN":
        # "the capital Kabul", "the port city, Basra": the apposition names the place.
        country = _appositive_country(index, tok, depth)
        if country:
            return Arg(tok.i, text, "country", None, country, sector)
    if lemma in STATE_NOUNS and tok.pos_ == "NOUN" and depth < 2 and (
            tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss" or
            tok.dep_ == "pobj" and tok.head.dep_ == "agent" or
            tok.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                       for c in tok.children)) and not (
            depth == 0 and any(c.dep_ == "prep" and c.lower_ in ("of", "from")
                               for c in tok.children)):
        # ("The government of Kenya": the "of" below names the state, not the story.)
        # A subject, possessor or agent that refers back to a state ("The country has
        # agreed ...", "Its government condemned ..."); objects are left alone, where "hand
        # over the government to X" is no reference to a state.
        seat = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children if p.dep_ == "pobj" and index.token_entity[p.i]]
        if seat:
            # "the government in Podgorica", "the regime in Damascus": its seat names it.
            place = resolve_one(index, seat[0], depth=depth + 1)
            if place.country and place.label in ("GPE", "LOC"):
                return Arg(tok.i, text, "country", None, place.country, sector)
        country = _state_reference(index, tok, depth)
        if country:
            return Arg(tok.i, text, "country", None, country, sector)
    if lemma in GROUP_NOUNS and tok.tag_ in ("NNS", "NNPS") and any(
            c.dep_ in ("nummod", "amod", "quantmod") for c in tok.children) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        # "54 other countries" is a group of states; "40 members of a sect" is not.
        return Arg(tok.i, text, "group")
    if lemma in QUANTITY_HEADS or tok.pos_ == "NUM":
        # "tens of thousands of students", "one third of the guerrillas": the people counted.
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return resolve_one(index, pobj, depth=depth)
    if depth == 0 and lemma not in TIME_NOUNS and tok.ent_type_ not in ("DATE", "TIME"):
        # "supporters of Ben Bella", "students throughout Indonesia": a party named in an
        # attachment gives the country; "sabotage engineered by the USA": the agent of an
        # act stands for it.
        for child in tok.children:
            if child.dep_ == "acl":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                return resolve_one(index, pobj, depth=1)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                # "calls by Belarus's rulers", "an admission by Moscow": the author.
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = resolve_one(index, pobj, depth=1)
                        if inner.is_party:
                            return inner
        # "its forces in Lebanon" are not Lebanon's: a possessor says whose they are.
        people = (tok.tag_ in ("NNS", "NNPS") or sector is not None) and not any(
            c.dep_ == "poss" for c in tok.children) and lemma not in EVENT_PLURALS
        for child in tok.children:
            # "of"/"from" name whose a group is; "in" only places people ("students in
            # Indonesia"), not things ("a conference in Brussels").
            if child.dep_ == "prep" and (child.lower_ in ("of", "from") or (
                    people and child.lower_ in ("in", "throughout", "within"))):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = resolve_one(index, pobj, depth=1)
                        if inner.country or (inner.igo and child.lower_ in ("of", "from") and
                                             "igo_members" in index.rules):
                            # "members of the African Union" speak for the Union.
                            return Arg(tok.i, text, inner.kind, inner.entity, inner.country,
                                       sector, inner.igo, inner.label)
                        if inner.label == "ORG" and inner.entity and child.lower_ in (
                                "of", "from") and (lemma in PEOPLE_NOUNS or
                                                   lemma in ARMED_MEMBERS):
                            # "activists from the Fatah Party", "gunmen from the Islamic
                            # State": the organisation they act for, even when the
                            # knowledge base gives it no country.
                            return Arg(tok.i, text, "entity", inner.entity, None, sector,
                                       inner.igo, inner.label)
    return Arg(tok.i, text, "other", sector=sector)


def resolve(index: DocIndex, tok: Token) -> list[Arg]:
    """Resolve an argument head and every head coordinated with it ("X and Y")."""
    heads = [tok, *tok.conjuncts]
    heads = sorted({t.i: t for t in heads}.values(), key=lambda t: t.i)
    out: list[Arg] = []
    for head in heads[:6]:
        if head.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PUNCT"):
            continue
        if "pair_reference" in index.rules and is_pair_reference(head):
            # "the two countries", "both sides": the two parties just named, else no one.
            out.extend(_pair_parties(index, head) or [Arg(head.i, head.text, "other")])
            continue
        pair = _of_pair(head) if "pair_reference" in index.rules else None
        if pair is not None:
            # "the heads of both governments": the two parties' heads.
            parties = _pair_parties(index, pair)
            if parties:
                out.extend(Arg(p.head, f"{head.text} of {p.text}", p.kind, p.entity,
                               p.country, None, p.igo, p.label) for p in parties)
                continue
        arg = resolve_one(index, head)
        unnamed = not (arg.entity or arg.country or arg.igo)
        members = _included_members(index, head) if (
            "included_members" in index.rules and unnamed) else []
        if members:
            # "leaders including X and Y": the members named act, not the unnamed group.
            out.extend(members)
            continue
        out.append(arg)
        if "of_conjuncts" in index.rules:
            out.extend(_of_conjuncts(index, head, arg))
        if "modifier_conjuncts" in index.rules and arg.entity is not None:
            out.extend(_modifier_conjuncts(index, head, arg))
    # Agent-of-act resolution can return the same party twice ("the USA and the opposition"
    # through "sabotage engineered by ..."): keep the first of each.
    uniq: dict[tuple[str | None, str | None, int], Arg] = {}
    for arg in out:
        uniq.setdefault((arg.entity, arg.country, arg.head), arg)
    return list(uniq.values())


def _modifier_conjuncts(index: DocIndex, head: Token, arg: Arg) -> list[Arg]:
    """The other peoples or countries coordinated in a modifier ("Greek and Cypriot leaders",
    "Saudi and Iranian ministers"): each names a party of its own, as the first does."""
    out: list[Arg] = []
    for mod in head.children:
        if mod.dep_ not in ("amod", "compound") or index.token_entity[mod.i] != arg.entity:
            continue
        for conj in mod.conjuncts:
            eid = index.token_entity[conj.i]
            if eid is None or eid == arg.entity or conj.i > head.i:
                continue
            ent = index.entities[eid]
            if ent.get("label") not in ("NORP", "GPE") or not ent.get("country"):
                continue
            out.append(Arg(conj.i, f"{conj.text} {head.text}", "entity", eid,
                           str(ent["country"]), arg.sector, None, str(ent.get("label"))))
    return out


def _included_members(index: DocIndex, head: Token) -> list[Arg]:
    """The parties a group noun lists as its members ("world leaders including X and Y",
    "several states, such as X", "donors among them X"); [] when none is a party."""
    if head.lemma_.lower() not in MEMBER_GROUPS:
        # "twenty more, including a journalist": only groups of parties list parties.
        return []
    out: list[Arg] = []
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in INCLUDING_PREPS:
            continue
        pobjs = _children_of(child, "pobj")
        if child.lower_ == "as" and not any(c.lower_ == "such" for c in child.children):
            continue
        for pobj in pobjs[:1]:
            for member in [pobj, *pobj.conjuncts][:6]:
                arg = resolve_one(index, member, depth=1)
                if arg.is_party and arg.kind != "other":
                    out.append(arg)
    return out


def _children_of(tok: Token, dep: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ == dep]


def is_pair_reference(tok: Token) -> bool:
    """True for "the two countries", "both sides", "the two governments"."""
    return tok.lemma_.lower() in PAIR_NOUNS and tok.tag_ in ("NNS", "NNPS") and any(
        (c.dep_ == "nummod" and c.lower_ == "two") or
        (c.dep_ in ("det", "predet") and c.lower_ == "both") for c in tok.children)


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


# How far back (in tokens) the story's principal pair is counted.
PAIR_WINDOW = 3000


def _principal_pair(index: DocIndex, tok: Token) -> list[Arg]:
    """The two countries or organisations the story has named most before ``tok`` (each at
    least twice, and more than any third): "the two countries" in a story about Sudan and
    Ethiopia are those two, even after a paragraph on what Washington said."""
    doc = index.doc
    counts: dict[str, int] = {}
    first: dict[str, Arg] = {}
    for i in range(max(0, tok.i - PAIR_WINDOW), tok.i):
        eid = index.token_entity[i]
        if eid is None or index.in_quote[i] or (i > 0 and index.token_entity[i - 1] == eid):
            # (One count per mention, at its first word.)
            continue
        ent = index.entities.get(eid) or {}
        if ent.get("label") not in ("GPE", "NORP", "ORG"):
            continue
        key = ent.get("country") or resources.igo_key(str(ent.get("canonical") or ""))
        if not key:
            continue
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, resolve_one(index, doc[i], depth=2))
    ranked = sorted(counts, key=lambda k: -counts[k])
    if len(ranked) < 2 or counts[ranked[1]] < 2 or (
            len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]):
        return []
    return [Arg(tok.i, first[k].text, first[k].kind, first[k].entity, first[k].country, None,
                first[k].igo, first[k].label) for k in ranked[:2]]


def _pair_parties(index: DocIndex, tok: Token) -> list[Arg]:
    """The two parties "the two countries", "both sides" refer to: the last two distinct
    countries or organisations named before ``tok`` in its own sentence; else the story's
    principal pair (``_principal_pair``); else the last two named in this sentence and the
    one before; [] unless there are two."""
    doc = index.doc
    local = _recent_pair(index, tok, tok.sent.start)
    if local:
        return local
    if "principal_pair" in index.rules:
        principal = _principal_pair(index, tok)
        if principal:
            return principal
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return _recent_pair(index, tok, start)


def _recent_pair(index: DocIndex, tok: Token, start: int) -> list[Arg]:
    """The last two distinct countries or organisations named between ``start`` and
    ``tok``; [] unless there are two."""
    doc = index.doc
    found: dict[str, Arg] = {}
    for i in range(tok.i - 1, start - 1, -1):
        eid = index.token_entity[i]
        if eid is None or index.in_quote[i] or doc[i].head.lower_ in ("in", "at", "near"):
            # "met in Nairobi": a place named is where, not one of the two.
            continue
        arg = resolve_one(index, doc[i], depth=2)
        key = arg.country or arg.igo
        if key and key not in found:
            found[key] = Arg(tok.i, arg.text, arg.kind, arg.entity, arg.country, None,
                             arg.igo, arg.label)
            if len(found) == 2:
                return list(reversed(found.values()))
    return []


def _of_conjuncts(index: DocIndex, head: Token, arg: Arg) -> list[Arg]:
    """The other parties of a coordinated "of" phrase that gave ``head`` its country ("the
    navies of Chile, Peru and Uruguay"), each as an ``Arg`` of its own."""
    if index.token_entity[head.i] is not None or not (arg.country or arg.igo):
        return []
    out: list[Arg] = []
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in ("of", "from"):
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            for conj in pobj.conjuncts[:6]:
                inner = resolve_one(index, conj, depth=1)
                if inner.country or inner.igo:
                    out.append(Arg(conj.i, f"{head.text} of {inner.text}", inner.kind,
                                   inner.entity, inner.country, arg.sector, inner.igo,
                                   inner.label))
    return out


def expand_agents(index: DocIndex, args: Iterable[Arg]) -> list[Arg]:
    """Replace an act ("alleged sabotage engineered by X and Y") with all its agents."""
    out: list[Arg] = []
    doc = index.doc
    for arg in args:
        tok = doc[arg.head]
        agents = [p for c in tok.children if c.dep_ == "acl" for a in c.children
                  if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if agents and index.token_entity[tok.i] is None and not arg.is_party:
            out.extend(resolve(index, agents[0]))
        else:
            out.append(arg)
    return out


def holder_key(*, entity: dict[str, Any] | None, text: str | None, country: str | None,
               sector: str | None = None) -> str | None:
    """The stance holder key for an argument.

    Args:
        entity: the argument's ``Entity.to_dict()``, if any.
        text: its surface text ("54 other countries", "the military").
        country: its ISO-3 country, if known.
        sector: its sector if already known (else derived from the entity role or the text).

    Returns:
        ``ISO3`` for a state (leaders, officials, ministries, embassies, capitals),
        ``<sector>:ISO3`` for its military, opposition or rebels, an IGO key (``un``),
        ``group:<text>`` for several states without one code, or None.
    """
    role = (entity.get("role") or "").lower() if entity else ""
    if entity is not None and ":" in role and not (country or entity.get("country")):
        # An organisation's official ("un:secretary-general") speaks for the organisation.
        return role.split(":", 1)[0]
    if sector is None:
        sector = SECTOR_ROLES.get(role)
    if sector is None and text:
        words = text.lower().split()
        for at, word in enumerate(words):
            if at and word in ("in", "of", "from", "at"):
                # "opposition in Togo", "soldiers of the army": the head comes first.
                words = words[:at]
                break
        if words:
            sector = SECTOR_NOUNS.get(words[-1]) or SECTOR_NOUNS.get(words[-1].rstrip("s"))
        if sector is None and any(w.strip(",.'\"") in OPPOSITION_MARKS for w in words):
            # "pro-democracy activists", "anti-government protesters".
            sector = "opposition"
        if sector is None and len(words) > 1 and words[-1].rstrip("s") in MEMBER_NOUNS:
            # "opposition leaders", "rebel commanders", "army officers": whose members.
            sector = SECTOR_NOUNS.get(words[-2]) or SECTOR_NOUNS.get(words[-2].rstrip("s"))
    if entity is not None:
        country = country or entity.get("country")
    if country:
        return f"{sector}:{country}" if sector else country
    names = [str(entity.get("canonical", ""))] if entity else []
    if text:
        names.append(text)
    for name in names:
        key = resources.igo_key(name) if name else None
        if key:
            return key
    if text and entity is None:
        words = text.lower().split()
        if len(words) > 1 and (words[-1] in ("countries", "nations", "states", "governments",
                                             "allies", "members", "powers", "democracies")):
            return f"group:{' '.join(words)}"
    return None


# Argument rules by name, switchable through ``extract_events(rules=...)``.
ARGUMENT_RULES = {
    "dateline": datelines,
    "quoted_first_person": _quote_speaker,
    "pair_reference": is_pair_reference,
    "principal_pair": _principal_pair,
    "quoted_protagonist": protagonist,
    "previous_subject": _pronoun,
    "appositive_name": resolve_one,
    "people_of_place": resolve_one,
    "of_conjuncts": _of_conjuncts,
    "modifier_conjuncts": _modifier_conjuncts,
    "possessive_subject": _bound_possessive,
    "backer_not_owner": backer_of,
    "igo_members": resolve_one,
    "included_members": _included_members,
    "named_group": _named_group,
    "city_is_place": city_of_violence,
}
