"""Resolution of one argument from its head token (``resolve_one``), with the references
that resolve another phrase in turn: pronouns and bound possessives, appositions, a state
noun standing for the country of a clause's subject or the one country just named.
"""

from __future__ import annotations

from spacy.tokens import Token

from .docindex import Arg, DocIndex, _children_of, core_tokens, phrase_text
from .references import (
    FIRST_PERSON,
    PLACE_LABELS,
    SECTOR_NOUNS,
    _entity_arg,
    _lookup_country,
    _named_group,
    _opposition_marked,
    _pick_entity,
    _quote_speaker,
    _reporter,
    _single_country,
    backer_of,
    city_is_place,
    is_own_personnel,
    is_pact_name,
    is_speech_verb,
    named_institution,
    organ_country,
    pact_place_words,
    protagonist,
)
from .words import (
    ARMED_MEMBERS,
    COLLECTIVE_NOUNS,
    EVENT_PLURALS,
    GROUP_NOUNS,
    INTERNATIONAL_CITIES,
    JUDGED_VERBS,
    MALE_FEMALE,
    MEMBER_NOUNS,
    NEUTER,
    OFFICE_NOUNS,
    PEOPLE_NOUNS,
    PLURAL,
    QUANTITY_HEADS,
    RELATIVE,
    SHELTER_NOUNS,
    STATE_NOUNS,
    THIRD_PLURAL,
    TIME_NOUNS,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _parallel_possessor(tok: Token) -> Token | None:
    """The possessor of the noun a possessed noun is coordinated with: in "Iraq's invasion
    of Kuwait and its buildup", "its" is Iraq's, as the parallel says."""
    possessed = tok.head
    if possessed.dep_ != "conj" or possessed.head.i == possessed.i:
        return None
    return next((c for c in possessed.head.children if c.dep_ == "poss" and c.pos_ != "PRON"),
                None)


def _bound_possessive(index: DocIndex, tok: Token, depth: int) -> Arg | None:
    """A possessive pronoun bound by the subject of its own clause ("Brazil said Russia
    stopped its shelling": its is Russia's; "the minister said Chile had changed her
    policy" is not bound, a country being no "her"). None when the clause's subject
    contains the pronoun ("its troops withdrew") or does not fit it."""
    lower = tok.lower_
    parallel = _parallel_possessor(tok)
    verb = tok.head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") and parallel is None:
        return None
    subj = parallel if parallel is not None else next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "acl" and lower in NEUTER:
        # "sanctions imposed on Iraq after its invasion of Kuwait": in a participle clause
        # with no subject, the party it names before the pronoun.
        subj = next((t for t in reversed(verb.doc[verb.i + 1:tok.i])
                     if index.token_entity[t.i] is not None), None)
    described = subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl"
    if described:
        # "Libya, which brought the case ... in its dispute with X": the relative pronoun
        # stands for the noun its clause describes (whose phrase holds the pronoun).
        subj = verb.head
    # (A parallel possessor, or the noun a relative clause describes, may hold the pronoun.)
    given = described or parallel is not None and subj is not None and subj.i == parallel.i
    if subj is None or (not given and subj.dep_ in ("nsubj", "nsubjpass") and (
            subj.i > tok.i or subj.left_edge.i <= tok.i <= subj.right_edge.i)) or \
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


# See the docstring: the cases are tried in order, the first decides.
def _pronoun(index: DocIndex, tok: Token, depth: int) -> Arg | None:  # noqa: C901
    """The party a pronoun refers to, or None when the text before it does not say.

    Longer than 80 lines on purpose: a quoted first person, a possessive bound to its
    clause's subject, a pronoun in reported speech, then "he"/"she", "it" and "they"
    against the antecedents ``DocIndex`` holds, are tried in this order and the first that
    resolves decides.
    """
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
    elif lower == "it" and tok.dep_ in ("nsubj", "nsubjpass") and depth < 2 and \
            (said_of := _said_of(index, tok)) is not None:
        # "criticised the agreement, saying it ignored ...": the agreement, no party;
        # "condemned Israel, saying it had violated ...": Israel.
        found = resolve_one(index, said_of, depth=depth + 1)
        if not found.is_party:
            return None
        return Arg(tok.i, found.text, found.kind, found.entity, found.country, found.sector,
                   found.igo, found.label)
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
        if eid is None and "previous_subject" in index.rules:
            found = _previous_subject(index, tok, depth)
            if found is not None:
                return found
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
    if eid is None and lower == "they" and "collective_they" in index.rules:
        # "The Burundian government announced ... They also declared ...": a government,
        # ministry or army is "they" too, when no plural party was named just before.
        found = _previous_subject(index, tok, depth, singular=True)
        if found is not None:
            return found
    if eid is None:
        return None
    return _entity_arg(index, tok, eid, tok.text)


def _said_of(index: DocIndex, tok: Token) -> Token | None:
    """The object an "it" refers to in what a participle of saying reports about it, or
    None: a thing just acted on ("Russia criticised the agreement, saying it ignored
    Serbia's interests": a singular noun naming no party), or a party just judged ("Syria
    condemned Israel, saying it had violated ...", with a verb of judging: ``JUDGED_VERBS``).
    The "it" is that object, not the one who speaks."""
    saying = tok.head
    while saying.dep_ in ("ccomp", "conj") and saying.head.i != saying.i:
        saying = saying.head
        if saying.tag_ == "VBG" and saying.dep_ == "advcl":
            break
    if saying.tag_ != "VBG" or saying.dep_ != "advcl" or not is_speech_verb(saying):
        return None
    judged = saying.head.lemma_.lower() in JUDGED_VERBS
    for obj in saying.head.children:
        if obj.dep_ != "dobj" or obj.tag_ not in ("NN", "NNP"):
            continue
        if obj.tag_ == "NN" and index.token_entity[obj.i] is None and \
                obj.lemma_.lower() not in COLLECTIVE_NOUNS | STATE_NOUNS:
            return obj
        if judged and index.token_entity[obj.i] is not None and \
                not any(c.dep_ == "conj" for c in obj.children):
            return obj
    return None


def _previous_subject(index: DocIndex, tok: Token, depth: int, *,
                      singular: bool = False) -> Arg | None:
    """The subject of the sentence before a subject pronoun ("The government of Ghana
    announced ... It declared ..."), when it names a state, a state's organ or an
    organisation, not a person; with ``singular``, only a singular noun ("the government",
    "the army") for a plural pronoun."""
    if depth >= 2 or tok.dep_ not in ("nsubj", "nsubjpass") or tok.sent.start == 0:
        return None
    before = index.doc[tok.sent.start - 1].sent
    subj = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON" or (singular and (
            subj.tag_ not in ("NN", "NNP") or subj.lemma_.lower() not in COLLECTIVE_NOUNS)):
        return None
    # (At the caller's depth: "the government of Ghana" is Ghana's at depth 0.)
    found = resolve_one(index, subj, depth=depth)
    if found.label == "PERSON" or not (found.country or found.igo):
        return None
    return Arg(tok.i, found.text, found.kind, found.entity, found.country, found.sector,
               found.igo, found.label)


def _appositive_country(index: DocIndex, tok: Token, depth: int) -> str | None:
    """The country an apposition gives a name ("X, Algeria's leading activist, ...", "X, a
    Nigerian diplomat"), or None."""
    for child in tok.children:
        if child.dep_ == "appos":
            found = resolve_one(index, child, depth=depth + 1)
            if found.country and found.entity != index.token_entity[tok.i]:
                return found.country
    return None


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


def _seat(index: DocIndex, tok: Token, depth: int) -> str | None:
    """The country of the place a state noun sits in ("the government in Kabul"; the parse
    may hang the place on the verb of which the noun is the object)."""
    beside = list(tok.head.children) if tok.dep_ == "dobj" else []
    for prep in [*tok.children, *beside]:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and index.token_entity[pobj.i]:
                place = resolve_one(index, pobj, depth=depth + 1)
                if place.country and place.label in ("GPE", "LOC"):
                    return place.country
    return None


def _office_country(index: DocIndex, tok: Token, depth: int) -> str | None:
    """The country of a state's office or of one who speaks for it: the referent of a
    possessive pronoun ("his office", "her spokeswoman"), else the capital it is in ("an
    official in Seoul"), not the seat of an international body ("an official in Geneva")."""
    if any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its") for c in tok.children):
        return _state_reference(index, tok, depth)
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(
            phrase_text(list(p.subtree)).lower() in INTERNATIONAL_CITIES
            for p in _children_of(c, "pobj")) for c in tok.children):
        return None
    return _seat(index, tok, depth)


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


def _own_envoy(tok: Token) -> bool:
    """Whether ``tok`` is the doer's own people, named by a possessive pronoun ("recalled its
    ambassador, Ana Ruiz", "their diplomats"): the act concerns where they serve, not them."""
    return is_own_personnel(tok) and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in tok.children)


def _appositive_named(index: DocIndex, tok: Token) -> Token | None:
    """A person or organisation named in apposition to ``tok``, else None."""
    return next((c for c in tok.children if c.dep_ == "appos" and
                 index.token_entity[c.i] is not None and
                 index.entities[index.token_entity[c.i]].get("label") in ("PERSON", "ORG")),
                None)


def _seat_word(tok: Token) -> bool:
    """True for the place of an "X-based" modifier ("the Cairo-based league"): where a body
    sits, not whose it is."""
    doc = tok.doc
    j = tok.i
    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j - tok.i < 3:
        j += 1  # ("Addis Ababa-based")
    return j + 2 < len(doc) and doc[j + 1].text in ("-", "\u2010", "\u2011") and \
        doc[j + 2].lower_ == "based"


# See the docstring: the cases are tried in order, the first decides.
def resolve_one(index: DocIndex, tok: Token, *, depth: int = 0) -> Arg:  # noqa: C901
    """Resolve one argument head (no coordination) to an ``Arg``.

    Longer than 80 lines on purpose: the cases (a dateline, a pronoun, the entity covering
    the phrase, an apposition, a country named inside it, a group, a state noun, a quantity,
    an attachment) are tried in this order and the first that applies decides; the order
    is the rule, and it is read top to bottom only while the cases stay together.
    """
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
    tokens = [t for t in core_tokens(tok) if not _seat_word(t)]
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
        elif "city_is_place" in index.rules and city_is_place(tok, ent):
            # "the Jalalabad market bombing killed ...": the city is where, not who.
            return Arg(tok.i, text, "other", sector=sector)
    elif eid is not None and "city_is_place" in index.rules and \
            is_pact_name(index.entities[eid], tok):
        # "signed the Lima Accord with Chile": a pact named after a city is no party.
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
    if eid is not None and depth < 2 and "appositive_name" in index.rules and \
            index.token_entity[tok.i] == eid and tok.tag_ not in ("NNS", "NNPS") and \
            index.entities[eid].get("label") == "NORP":
        # "an Australian, John Smith, appeared in court": the person named in apposition
        # to a nationality is the one meant, of that nationality.
        for child in tok.children:
            named = index.token_entity[child.i] if child.dep_ == "appos" else None
            if named is not None and index.entities[named].get("label") == "PERSON":
                person = resolve_one(index, child, depth=depth + 1)
                country = person.country or index.entities[eid].get("country")
                return Arg(person.head, person.text, person.kind, person.entity, country,
                           person.sector, person.igo, person.label)
    if eid is not None and depth < 2 and index.token_entity[tok.i] is None and \
            not index.entities[eid].get("country") and "appositive_name" in index.rules:
        # "the South American bloc Mercosur": the name in apposition, not a modifier's.
        named = _appositive_named(index, tok)
        if named is not None:
            return resolve_one(index, named, depth=depth + 1)
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
    if depth < 2 and (tok.pos_ == "NOUN" or index.token_entity[tok.i] is None) and \
            "appositive_name" in index.rules and not _own_envoy(tok):
        # "his father, Emir Khalifa", "the group's leader, Ali Musa": the name in
        # apposition is the one meant.
        named = _appositive_named(index, tok)
        if named is not None:
            return resolve_one(index, named, depth=depth + 1)
    words = tokens
    if "city_is_place" in index.rules and (places := pact_place_words(tok, tokens)):
        # "signed the Brussels Agreement with Kosovo": the city it was made in is no party.
        skip = {t.i for t in places}
        words = [t for t in tokens if t.i not in skip]
    country, igo = _lookup_country(words) if not ethnic else (None, None)
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
    if "institution_reference" in index.rules and depth < 2:
        named = named_institution(index, tok)
        if named is not None:
            return _entity_arg(index, tok, named, text)
    if "organ_reference" in index.rules and depth < 2 and \
            (organ := organ_country(index, tok)) is not None:
        # "Taiwan's defence ministry ... the defence ministry said": Taiwan's.
        return Arg(tok.i, text, "country", None, organ, sector)
    if "office_country" in index.rules and depth < 2 and tok.pos_ == "NOUN" and \
            (tok.lemma_.lower() in OFFICE_NOUNS or tok.lower_ in OFFICE_NOUNS) and \
            (country := _office_country(index, tok, depth)) is not None:
        # "his office said", "a defence ministry official in Seoul said".
        return Arg(tok.i, text, "country", None, country, sector)
    if lemma in STATE_NOUNS and tok.pos_ == "NOUN" and depth < 2 and (
            seat := _seat(index, tok, depth)) is not None:
        # "the government in Podgorica", "recognised the new regime in Damascus": its seat
        # names the state, wherever the phrase stands.
        return Arg(tok.i, text, "country", None, seat, sector)
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
                    people and child.lower_ in ("in", "throughout", "within")) or (
                    child.lower_ == "for" and lemma in SHELTER_NOUNS)):
                # ("a camp for Sudanese refugees": whom a shelter is for.)
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
