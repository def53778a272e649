"""Judgements as events: a characterisation ("called the raid an act of terror"), a judgement
in a quote, the author of a judged act, a denied charge.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from .. import resources
from .docindex import Arg, DocIndex
from .frame import CONDITIONAL, Frame
from .groups import resolve
from .lexicon import ACTION, INCIDENT, STATEMENT, Entry
from .parties import ACT_NOUNS, BLAMING_TYPES, DOCUMENT_NOUNS, _media_source
from .references import earlier_mentions, is_definite, protagonist
from .resolve import resolve_one
from .syntax import _children, _is_verbal, _negated, _small_clause_subjects, named_things
from .targets import _is_place, _possessor_undergoes
from .words import (
    ACCUSATION_NOUNS,
    ACT_REFERENCES,
    BREACH_NOUNS,
    CARRIER_VERBS,
    CONDEMNING_WORDS,
    CONDUCT_NOUNS,
    GENERIC_ACTS,
    NEGATED_CONDEMN,
    PRAISING_WORDS,
    QUOTE_CONDEMN,
    QUOTE_PRAISE,
)


def _denied_charges(index: DocIndex, frames: Sequence[Frame]) -> None:
    """"X accused Y of ..., a charge Y denies": the denial is Y's, against X. The parser
    reads this apposition in many ways, so the words decide: a comma, "a" or "an", an
    accusation noun, a party's name, then the rejecting verb. The accuser is the actor of
    the accusation told before it in the sentence."""
    doc = index.doc
    for frame in frames:
        tok = frame.trigger
        if frame.type != "REJECT" or not _is_verbal(tok):
            continue
        start = tok.sent.start
        names = tok.i - 1
        while names > start and doc[names].dep_ in ("aux", "neg", "advmod"):
            names -= 1
        if doc[names].pos_ != "PROPN":
            continue
        first = names
        while first > start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if first > start and doc[first - 1].lower_ == "the":
            first -= 1
        if first - 3 < start or \
                doc[first - 1].lemma_.lower() not in ACCUSATION_NOUNS or \
                doc[first - 2].lower_ not in ("a", "an") or doc[first - 3].text != ",":
            continue
        denier = resolve_one(index, doc[names])
        if not denier.named:
            continue
        accusers = [a for f in frames if f.type == "ACCUSE" and start <= f.trigger.i < first
                    for a in _authors(f)]
        frame.actors = [denier]
        if accusers:
            frame.targets = accusers


CONDEMN_ENTRY = Entry("", "V", "ACCUSE", -0.3, (), frozenset())
PRAISE_ENTRY = Entry("", "V", "SUPPORT", 0.3, (), frozenset())


def characterised_as(verb: Token) -> Token | None:
    """What a verb of characterising calls its object: "an attack" in "called it an attack
    on X" (the parser's object predicate) or in "condemned the strikes as an attack"."""
    for child in verb.children:
        if child.dep_ == "oprd" and child.pos_ in ("NOUN", "PROPN"):
            return child
    return next((p for prep in _children(verb, "prep") if prep.lower_ == "as"
                 for p in _children(prep, "pobj")), None)


#: A characterisation that neither condemns nor praises is said all the same ("called the
#: split a wound", "described the talks as long"): a statement on the timeline.
CHARACTERISING_STATEMENT = Entry("", "V", STATEMENT, 0.0, (), frozenset({"nostance", "speech"}))


def characterises(verb: Token) -> bool:
    """True when a verb of characterising says what its object is: an object predicate
    ("called the charge baseless", "called the split a wound"), "as" ("described the vote
    as a farce") or words placed after the object that describe it ("called the arrests
    politically motivated"); not "called a meeting" or "called the president"."""
    objects = _children(verb, "dobj")
    if not objects:
        return False
    if any(c.dep_ == "oprd" for c in verb.children) or characterised_as(verb) is not None:
        return True
    return any(c.dep_ in ("amod", "acl") and c.i > objects[0].i and c.pos_ in ("ADJ", "VERB")
               for c in objects[0].children)


def called_act(verb: Token, found: dict[int, Entry]) -> Token | None:
    """The hostile act a verb of characterising calls its object ("an attack" in "called
    it an attack on X"), a trigger of its own that is no judgement; else None."""
    called = characterised_as(verb)
    if called is None or called.i not in found:
        return None
    entry = found[called.i]
    return called if entry.intensity < 0 and entry.type not in BLAMING_TYPES else None


def _judgement(verb: Token, found: dict[int, Entry] | None = None) -> int:
    """-1 when a verb of characterising condemns what it characterises, +1 when it praises,
    0 otherwise: the words after its object, in its own clause, decide (the subject's
    words do not: "the brave mayor called it a crime" condemns). With no such word, a
    hostile act it calls its object condemns ("called it an attack on X's sovereignty")."""
    objects = _children(verb, "dobj") or _small_clause_subjects(verb)
    if not objects:
        return 0
    start = objects[0].i
    subject = {t.i for c in _children(verb, "nsubj", "nsubjpass") for t in c.subtree}
    condemn = praise = 0
    for tok in verb.subtree:
        if tok.i < start or tok.i in subject:
            continue
        word = tok.lemma_.lower()
        condemn += word in CONDEMNING_WORDS or tok.lower_ in CONDEMNING_WORDS
        praise += word in PRAISING_WORDS or tok.lower_ in PRAISING_WORDS
    if condemn == praise and found is not None:
        condemn += called_act(verb, found) is not None
    return -1 if condemn > praise else (1 if praise > condemn else 0)


# How many sentences a quotation may run on after the one its speech verb is in.
QUOTE_SENTENCES = 3


def _quote_content(index: DocIndex, verb: Token) -> list[Token]:
    """The words a speech verb reports: its clause, and the quotation it introduces or
    closes, running on for up to ``QUOTE_SENTENCES`` sentences while still quoted."""
    doc = index.doc
    words = [t for c in _children(verb, "ccomp") for t in c.subtree]
    sent = verb.sent
    quoted = [t for t in sent if index.in_quote[t.i]]
    words.extend(quoted)
    if quoted and quoted[-1].i >= sent.end - 3:
        end = sent.end
        for _ in range(QUOTE_SENTENCES):
            if end >= len(doc) or not index.in_quote[end] and not (
                    end + 1 < len(doc) and index.in_quote[end + 1]):
                break
            nxt = doc[end].sent
            words.extend(t for t in nxt if index.in_quote[t.i])
            end = nxt.end
    return sorted({t.i: t for t in words}.values(), key=lambda t: t.i)


def _quote_sign(words: Sequence[Token]) -> int:
    """-1 when the reported words condemn, +1 when they praise, 0 when neither wins."""
    praise = condemn = 0
    for tok in words:
        lemma = tok.lemma_.lower()
        negated = _negated(tok) or _negated(tok.head) and tok.dep_ in ("dobj", "nsubjpass")
        if lemma in NEGATED_CONDEMN and negated:
            condemn += 1
        elif lemma in QUOTE_CONDEMN or tok.lower_ in QUOTE_CONDEMN:
            condemn += 1
        elif (lemma in QUOTE_PRAISE or tok.lower_ in QUOTE_PRAISE) and not negated:
            praise += 1
    return -1 if condemn > praise else (1 if praise > condemn else 0)


def _quoted_party(index: DocIndex, words: Sequence[Token], speaker: Sequence[Arg]) -> Arg | None:
    """Whom reported words judge: a person they name, else an organisation, else a state
    (never the speaker or the speaker's own state); else the person a "he" or "she" in them
    refers to."""
    own = {a.entity for a in speaker if a.entity} | {a.country for a in speaker if a.country}
    ranked: list[tuple[int, int, Arg]] = []
    for tok in words:
        eid = index.token_entity[tok.i]
        if eid is None or (tok.i > 0 and index.token_entity[tok.i - 1] == eid):
            continue
        ent = index.entities.get(eid) or {}
        rank = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 2}.get(str(ent.get("label")))
        if rank is None or eid in own:
            continue
        arg = resolve_one(index, tok, depth=2)
        if not arg.named or _is_place(arg) or \
                (rank == 2 and arg.country in own):
            continue
        ranked.append((rank, tok.i, arg))
    if ranked:
        return min(ranked, key=lambda r: (r[0], r[1]))[2]
    pronouns = [t for t in words if t.lower_ in ("he", "him", "his", "she", "her")]
    if not pronouns:
        return None
    # A "he" or "she" in a quotation is most often the one the story is about, else the
    # last person named.
    story = protagonist(index.entities)
    main = str(story["id"]) if story is not None else None
    eid = main if main is not None and main not in own else index.last_person[pronouns[0].i]
    if eid is None or eid in own:
        return None
    head = index.first_token.get(eid)
    return resolve_one(index, index.doc[head], depth=2) if head is not None else None


def _quoted_judgements(index: DocIndex, frames: Sequence[Frame]) -> None:
    """A party's reported words that praise or condemn someone they name are an act of
    praise (SUPPORT) or accusation (ACCUSE) towards them: "'He made a great contribution
    to his country,' the president said of X", "the minister said the protesters'
    behaviour was undemocratic". The words decide by counting praise and condemnation;
    a hostile act named in a condemnation is left to ``judged_act`` (its author is blamed,
    not its victim)."""
    acts = {f.trigger.i for f in frames if f.type not in (STATEMENT, INCIDENT, ACTION) and
            _is_verbal(f.trigger)}
    for frame in frames:
        if frame.type != STATEMENT or frame.targets or not _is_verbal(frame.trigger) or \
                not any(a.country or a.igo or a.sector for a in frame.actors) or \
                _media_source(index, frame.actors):
            # (A news outlet reporting words is not their judge.)
            continue
        words = _quote_content(index, frame.trigger)
        if any(t.i in acts for t in words):
            # "Morales said he supported Maduro": the act reported is the event already
            # (an act named by a noun may be what is judged: "the talks were fruitful").
            continue
        # Words of a name are no judgement ("the Kosovo Liberation Army").
        sign = _quote_sign([t for t in words if index.token_entity[t.i] is None])
        if not sign:
            continue
        if sign < 0 and any(t.lemma_.lower() in ACT_NOUNS for t in words):
            continue
        target = _quoted_party(index, words, frame.actors)
        if target is None:
            continue
        frame.type, frame.intensity = ("SUPPORT", 0.3) if sign > 0 else ("ACCUSE", -0.3)
        frame.entry = PRAISE_ENTRY if sign > 0 else CONDEMN_ENTRY
        frame.targets = [target]


# Judgements of an act: condemning or praising it is a stance towards whoever did it.
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})
# Acts whose author a later judgement is about, when the judged noun has no type of its own.
AUTHORED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# The kinds of event that the nouns of whatever was done last (GENERIC_ACTS) do not stand for.
UNJUDGED_TYPES = frozenset({"STATEMENT", "INCIDENT", "ELECT", "CONSULT"})
# How far back (in tokens) an act named again is looked for.
JUDGED_WINDOW = 250
# Pronouns a characterisation calls an act ("called it an attack"): whatever was done last.
PRONOUN_ACTS = frozenset({"it", "this", "that"})
# Acts of force, one kind for a judgement that names one with another word ("the raid" after
# "police stormed the embassy") when no act of its own kind was told.
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def _judged_noun(trigger: Token, by_token: dict[int, Frame],
                 pronoun: bool = False, documents: bool = False) -> Token | None:
    """The act a judgement is about: the object of "condemned the attack", the passive
    subject of "the bombing was denounced by ...", the "of" phrase of "condemnation of the
    raid", with ``pronoun`` the "it" of a condemning characterisation; None when the
    judgement is about no act."""
    if _is_verbal(trigger) or trigger.pos_ == "ADJ":
        nouns = _children(trigger, "dobj", "nsubjpass")
        # "protested against the arrest", "is opposed to the blockade".
        nouns += [p for prep in _children(trigger, "prep") if prep.lower_ in
                  ("against", "over", "to") for p in _children(prep, "pobj")]
        # "welcomed the truce agreed by X": the parser may read a reduced relative as a
        # clause whose subject is the act.
        nouns += [n for c in _children(trigger, "ccomp") if c.tag_ == "VBN" and
                  _children(c, "agent") for n in _children(c, "nsubj")]
        nouns += _small_clause_subjects(trigger)
    else:
        nouns = [p for prep in _children(trigger, "prep") if prep.lower_ in ("of", "over")
                 for p in _children(prep, "pobj")]
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if pronoun and lemma in PRONOUN_ACTS and noun.dep_ == "dobj" and \
                characterised_as(trigger) is not None and not any(
                    c.dep_ == "advcl" for c in trigger.children):
            # "called it an attack on X": "it" is the hostile act told before (not in
            # "called it a breach when X said ...", where the clause says what "it" is).
            return noun
        if noun.i in by_token or lemma in ACT_NOUNS or lemma in ACT_REFERENCES or \
                lemma in BREACH_NOUNS or \
                lemma in ACCUSATION_NOUNS or (lemma in CONDUCT_NOUNS | DOCUMENT_NOUNS and
                                              _children(noun, "poss")) or (
                    documents and lemma in DOCUMENT_NOUNS and is_definite(noun)):
            return noun
    return None


def _document_author(index: DocIndex, act: Token) -> list[Arg]:
    """Who made the law, decree or plan "the decree" names again: the party written on an
    earlier mention of the same word ("a Venezuelan decree", "Russia's law") or the subject
    that made it ("Russia passed a law"), nearest first (``references.earlier_mentions``;
    rule ``judged_document``); [] when the story named none."""
    if act.lemma_.lower() not in DOCUMENT_NOUNS or not is_definite(act):
        return []
    for i in earlier_mentions(index, act, "document", _document_word):
        earlier = index.doc[i]
        heads = [c for c in earlier.children if c.dep_ in ("poss", "amod", "compound")]
        if earlier.dep_ == "dobj" and _is_verbal(earlier.head):
            heads += _children(earlier.head, "nsubj")
        parties = [a for h in heads for a in resolve(index, h)
                   if a.is_party and a.named and not _is_place(a)]
        if parties:
            return parties
    return []


def _document_word(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS


def _named_again(act: Token) -> bool:
    """True for a document named with "the" and nothing else ("the decree", "the law"),
    which only ``judged_document`` lets a judgement be about; not for one whose maker is
    written on it ("the Arab League statement", "the Venezuelan decree")."""
    lemma = act.lemma_.lower()
    return lemma in DOCUMENT_NOUNS and not _children(act, "poss") and lemma not in (
        ACT_NOUNS | ACT_REFERENCES | BREACH_NOUNS | ACCUSATION_NOUNS | CONDUCT_NOUNS) and \
        not any(c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_)
                for c in act.children)


def _authors(frame: Frame) -> list[Arg]:
    return [a for a in frame.actors if a.is_party and (a.named or a.sector) and
            not _is_place(a)]


def _act_agents(index: DocIndex, act: Token) -> list[Arg]:
    """The parties an act noun names as its agents ("the ceasefire agreed by Armenia and
    Azerbaijan", "the strikes carried out by Israel") or as its two sides ("the truce
    between Armenia and Azerbaijan")."""
    # "their government's response", "Russia's move": the possessor is the author; not in
    # "Guaido's arrest", where it is the one the act is done to (``undergone_nouns``).
    owners = [] if _possessor_undergoes(index, act) else [
        a for poss in _children(act, "poss") for a in resolve(index, poss)
        if a.is_party and not _is_place(a)]
    if not owners and not _possessor_undergoes(index, act):
        # "the Iranian strikes", "the U.S. sanctions": the state written on the act (not
        # a city: "the Algiers agreement" was made there).
        owners = [a for mod in act.children if mod.dep_ in ("amod", "compound") and
                  _names_a_state(mod) for a in resolve(index, mod)
                  if a.is_party and a.country and not _is_place(a)]
    if owners:
        return owners
    verbs = _children(act, "acl")
    if act.dep_ == "nsubj" and act.head.tag_ == "VBN":
        verbs.append(act.head)
    heads = [pobj for verb in verbs for agent in _children(verb, "agent")
             for pobj in _children(agent, "pobj")]
    # "the truce between Armenia and Azerbaijan": its two parties.
    heads += [pobj for prep in _children(act, "prep") if prep.lower_ == "between"
              for pobj in _children(prep, "pobj")]
    return [a for head in heads for a in resolve(index, head) if a.is_party and
            not _is_place(a)]


def _names_a_state(mod: Token) -> bool:
    """Whether a modifier names a state or its people ("Iranian", "U.S.", "United States")."""
    place = resources.place_lookup(mod.doc[mod.left_edge.i:mod.i + 1].text)
    return place is not None and place.kind in ("country", "demonym")


def _earlier_author(frames: Sequence[Frame], act: Token, own: Frame | None,
                    judge: Sequence[Arg] = ()) -> list[Arg]:
    """The author of the nearest act of the kind ``act`` names, told before it within
    ``JUDGED_WINDOW`` tokens ("the stabbing" after "X stabbed the mayor"); for a charge or
    claim, the author of the accusation of the one who judges it ("rejected the charge"
    after "X accused Y", told of Y)."""
    judges = {(a.entity, a.country) for a in judge}
    kind = own.type if own is not None and own.type != INCIDENT else None
    lemma = act.lemma_.lower()
    accusation = lemma in ACCUSATION_NOUNS
    same = None if accusation else _same_word_authors(frames, act)
    if same is not None:
        return same
    # Of its own kind first; an act of force, of any kind of force next.
    passes = [frozenset({kind}), FORCE_TYPES] if kind in FORCE_TYPES else \
        [FORCE_TYPES] if lemma in BREACH_NOUNS else [frozenset({kind}) if kind else None]
    for wanted in passes:
        for earlier in _told_before(frames, act):
            if earlier.type != "ACCUSE" if accusation else \
                    earlier.type in JUDGING_TYPES | BLAMING_TYPES:
                # ("rejected the charge": the accusation's author, not the last act.)
                continue
            if accusation and not any((t.entity, t.country) in judges for t in earlier.targets):
                continue
            if accusation or _of_kind(earlier, wanted, lemma):
                authors = _authors(earlier)
                if authors:
                    return authors
    return []


def _of_kind(earlier: Frame, kinds: frozenset[str | None] | None, lemma: str) -> bool:
    """Whether an earlier act is one a judged noun may name: of one of ``kinds`` when the
    noun has a type; else an act with an author to blame, an act of the noun's word, or
    for a word of whatever was done ("the move") any act but words and meetings; "it" is an
    act of force or a sanction."""
    if kinds:
        return earlier.type in kinds
    if lemma in PRONOUN_ACTS:
        return earlier.type in AUTHORED_TYPES
    return earlier.type in AUTHORED_TYPES or earlier.trigger.lemma_.lower() == lemma or (
        lemma in GENERIC_ACTS and earlier.type not in UNJUDGED_TYPES)


def _told_before(frames: Sequence[Frame], act: Token,
                 window: int | None = JUDGED_WINDOW) -> Iterator[Frame]:
    """The frames told before ``act`` within ``window`` tokens (all of them with None),
    nearest first (``frames`` are in text order)."""
    for earlier in reversed(frames):
        if earlier.trigger.i >= act.i:
            continue
        if window is not None and act.i - earlier.trigger.i > window:
            return
        yield earlier


def _same_word_authors(frames: Sequence[Frame], act: Token) -> list[Arg] | None:
    """The authors of the earlier act of the same word within ``JUDGED_WINDOW`` tokens
    ("condemned the killings" after "gunmen opened fire ..., killing 19" and then "the two
    armies exchanged fire"), none when they are unknown ("gunmen"), never those of another
    act; for an act named with "the", the nearest such act with known authors further back
    too; None when no such act was told. An act told only in a condition is none, nor is an
    act named again (a reference), whose doer the parse may take from its own sentence."""
    lemma = act.lemma_.lower()
    definite = is_definite(act)
    for earlier in _told_before(frames, act, window=None):
        near = act.i - earlier.trigger.i <= JUDGED_WINDOW
        if not near and not definite:
            return None
        if earlier.mode == CONDITIONAL or earlier.reference:
            # ("warned that it would walk out if the raids continued": no raid of its own;
            # "It called the raid a violation": the same raid named again, not its author.)
            continue
        if _same_word(earlier.trigger.lemma_.lower(), lemma) and \
                earlier.type not in JUDGING_TYPES | BLAMING_TYPES:
            # ("Iran denounced the strikes", many paragraphs after "Israeli jets struck":
            # beyond the window, only an act whose authors are known.)
            authors = _authors(earlier)
            if near or authors:
                return authors
    return None


def _same_word(verb: str, noun: str) -> bool:
    """Whether two lemmas name one act: "kill" and "killing", "strike" and "striking"."""
    return noun in (verb, verb + "ing", verb.removesuffix("e") + "ing")


#: Objects of "welcome" that are guests, not things approved of.
GUEST_NOUNS = frozenset({"delegation", "counterpart", "visitor", "guest", "president",
                         "minister", "premier", "king", "queen", "pope", "envoy", "team",
                         "ambassador", "leader", "official", "refugee", "migrant", "delegate",
                         "chancellor", "prince", "princess", "emir", "monarch"})


def _welcomed_things(index: DocIndex, trigger: Token) -> list[Token]:
    """The objects of "welcome" when they are things ("welcomed Australian investment",
    "welcomed the verdict"); [] when one is a party or a guest ("welcomed the Chinese
    president") or there is none."""
    objects = _children(trigger, "dobj")
    return objects if all(
        o.pos_ == "NOUN" and index.token_entity[o.i] is None and
        o.lemma_.lower() not in GUEST_NOUNS for o in objects) else []


def _judged_acts(index: DocIndex, frames: Sequence[Frame]) -> None:
    """Condemning, opposing, praising or welcoming an act is a stance towards its author:
    "Kenya condemned the attack" after "al-Shabaab gunmen stormed a hotel in Mogadishu" is
    against al-Shabaab. The author is the act's own ("Russia's move", "the Taliban
    attack", "the truce agreed by X and Y") or, for an act named again, that of the
    nearest act of its kind told before, within ``JUDGED_WINDOW`` tokens. Blame never
    falls on the one a hostile act was done to: "condemned the invasion of Ukraine" is not
    against Ukraine, and with no author known it has no target. Praise of an act keeps the
    party it names ("praised the release of X"). Its actor is never its own target."""
    by_token = {f.trigger.i: f for f in frames}
    for frame in frames:
        welcome = frame.type == "CONSULT" and frame.trigger.lemma_.lower() == "welcome"
        blaming = frame.type in BLAMING_TYPES
        if frame.type not in JUDGING_TYPES and not welcome and not blaming:
            continue
        things = _welcomed_things(index, frame.trigger) if welcome else []
        if things:
            # "welcomed Australian investment": approval of a thing, not a reception; of
            # its owner, not of whoever its words name further on ("the verdict against
            # the Russian officer").
            frame.type, frame.intensity = "SUPPORT", 0.3
            owners = {o.i for o in things}
            frame.targets = [t for t in frame.targets if index.doc[t.head].head.i in owners
                             and index.doc[t.head].dep_ in ("amod", "poss", "compound")]
        documents = "judged_document" in index.rules
        act = _judged_noun(frame.trigger, by_token, pronoun=frame.type == "ACCUSE",
                           documents=documents)
        if act is None or frame.trigger.lemma_.lower() in CARRIER_VERBS or (
                act.i in by_token and by_token[act.i].type in BLAMING_TYPES | JUDGING_TYPES
                and not (frame.type == "REJECT" and act.lemma_.lower() in ACCUSATION_NOUNS)):
            # "lodged a protest", "continued the strike": the noun is the act itself.
            continue
        named = any((t.named or t.kind == "group") and
                    not _is_place(t) for t in frame.targets)
        if named and not blaming:
            if welcome:
                # "welcomed the truce between X and Y": approval of the act of those named.
                frame.type, frame.intensity = "SUPPORT", 0.3
            continue
        own = by_token.get(act.i)
        if documents and own is None and _named_again(act):
            # "condemned the decree": only where the story named the decree's maker.
            authors = _document_author(index, act)
        else:
            authors = (_authors(own) if own is not None else []) or \
                _act_agents(index, act) or _earlier_author(frames, act, own, frame.actors)
        actors = {(a.entity, a.country, a.sector, a.igo) for a in frame.actors}
        authors = [a for a in authors if (a.entity, a.country, a.sector, a.igo) not in actors]
        _aim(frame, act, own, authors, named=named, welcome=welcome)


def _aim(frame: Frame, act: Token, own: Frame | None, authors: list[Arg], *, named: bool,
         welcome: bool) -> None:
    """Aim a judgement of ``act`` at the act's authors, else keep it off the act's victims."""
    if authors:
        frame.targets = authors
        if welcome:
            # "welcomed the ceasefire": approval of an act, not a reception.
            frame.type, frame.intensity = "SUPPORT", 0.3
    elif named and (own.intensity < 0 if own is not None else
                    act.lemma_.lower() in ACT_NOUNS):
        # "opposed the blockade of Venezuela": not against Venezuela.
        inside = {t.i for t in act.subtree}
        frame.targets = [t for t in frame.targets if t.head not in inside]
    elif not named and (own.type == "ASSAULT" if own is not None else
                        act.lemma_.lower() in VIOLENT_ACT_NOUNS):
        # "Britain condemned the killings", their authors unknown: the judgement is of the
        # violence, named as its object; it is aimed at no party the story is about (and
        # least of all at its victims).
        frame.targets = [Arg(act.i, act.text, "other")]


#: Nouns of violence a judgement may name with its author unknown ("condemned the killings").
VIOLENT_ACT_NOUNS = frozenset({"attack", "bombing", "killing", "massacre", "shooting",
                               "assault", "ambush", "raid", "strike", "airstrike", "shelling",
                               "blast", "explosion", "atrocity", "violence"})


#: What a condemned act is said to violate of a party ("a violation of Syria's sovereignty",
#: "an attack on Kenyan territory"): the party is its victim.
SOVEREIGN_NOUNS = frozenset({"sovereignty", "integrity", "independence", "territory",
                             "airspace", "waters", "border", "borders"})
#: Prepositions that name the victim of what an act is called ("an attack on", "a violation
#: of", "aggression against", "an insult to").
VICTIM_PREPOSITIONS = frozenset({"on", "of", "against", "to"})


def _defended_victims(index: DocIndex, frames: Sequence[Frame]) -> list[Frame]:
    """Calling an act a wrong done to a party is siding with that party: "Brazil called the
    raid a violation of Mexico's sovereignty", "Iran condemned the strikes as an attack on
    Syria" are for Mexico and for Syria (and, by ``judged_act``, against the raiders). The
    victim leaves the condemnation's targets and a SUPPORT frame from its actors is added,
    on the word naming the victim."""
    out: list[Frame] = []
    for frame in frames:
        if frame.type != "ACCUSE" or not _is_verbal(frame.trigger) or \
                not any(a.is_party for a in frame.actors):
            continue
        # (Or what "what it called" names: "condemned what it called aggression against X".)
        called = characterised_as(frame.trigger) or next(iter(
            n for c in _children(frame.trigger, "ccomp") for n in named_things(c)
            if "own_name_for" in index.rules), None)
        if called is None:
            continue
        victims: list[tuple[Token, list[Arg]]] = []
        for prep in _children(called, "prep"):
            if prep.lower_ not in VICTIM_PREPOSITIONS:
                continue
            for noun in _children(prep, "pobj"):
                heads = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")] \
                    if noun.lemma_.lower() in SOVEREIGN_NOUNS else [noun]
                parties = [a for h in heads for a in resolve(index, h)
                           if a.is_party and a.named and not _is_place(a)]
                if parties:
                    victims.append((noun, parties))
        actors = {(a.entity, a.country) for a in frame.actors}
        for noun, parties in victims:
            parties = [p for p in parties if (p.entity, p.country) not in actors]
            if not parties:
                continue
            keys = {(p.entity, p.country) for p in parties}
            frame.targets = [t for t in frame.targets if (t.entity, t.country) not in keys]
            support = Frame(noun, PRAISE_ENTRY, "SUPPORT", 0.3, list(frame.actors), parties)
            support.modality, support.mode = frame.modality, frame.mode
            out.append(support)
    return out
