"""Parse helpers of the event rules: a clause's subject, agent and controller, the verb
that governs a noun, negation, auxiliaries and complements.

Pure functions of spaCy tokens; nothing raises on odd parses (missing heads, empty sentences).
"""

from __future__ import annotations

from spacy.tokens import Token

from .references import is_speech_verb
from .words import (
    ABSENT_NOUNS,
    ALLEGING_VERBS,
    APPEAL_VERBS,
    ASKING_VERBS,
    DENIAL_VERBS,
    INQUIRY_NOUNS,
    LIGHT_PREPS,
    OPPOSING_NOUNS,
    QUANTITY_HEADS,
    REFUSING_VERBS,
    TOPIC_PREPS,
    UNDERGOING_VERBS,
)


def _is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _to_infinitive(verb: Token) -> bool:
    """Whether a verb carries the infinitive marker ("[to] close the border")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Token, prep: str) -> list[Token]:
    """The objects of the preposition ``prep`` under a token ("to" in "committed to a
    blockade": the blockade)."""
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == prep
            for o in _children(p, "pobj")]


def _owners(noun: Token) -> list[Token]:
    """The possessor and the "of" objects of a noun, in that order: whose act or whom it
    is about ("Russia's positions", "the release of the hostages")."""
    return _children(noun, "poss") + _prep_objects(noun, "of")


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb and whether it is passive (``nsubjpass``)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if len(subjects) > 1:
        # "DUBAI, Jan 23 (Wire) - The United States and Britain launched ...": the parser
        # may make the dateline a second subject; the one next to the verb is the subject.
        return subjects[-1], subjects[-1].dep_ == "nsubjpass"
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl"):
            return (None, False) if child.dep_ == "expl" else (child, False)
        if child.dep_ in ("nsubjpass", "csubjpass"):
            return child, True
    for aux in verb.children:
        # "Colombia is opposed to ...": the parser may hang the subject on the auxiliary.
        if aux.dep_ in ("aux", "auxpass"):
            for child in aux.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child, aux.dep_ == "auxpass" or child.dep_ == "nsubjpass"
    return _fronted_place_apposition(verb) or _opening_subject(verb), False


def opening_name(tok: Token) -> bool:
    """A name that opens its sentence before a comma, which the parser did not make the
    subject ("Nduhungirehe, speaking at the same ceremony, rejected ..." with the name read
    as an adverb): it is the sentence's subject all the same."""
    return tok.is_sent_start and tok.text[:1].isupper() and tok.ent_type_ in (
        "PERSON", "ORG", "GPE", "NORP") and tok.dep_ in ("advmod", "npadvmod", "dep", "intj") \
        and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "," and \
        tok.head.pos_ in ("VERB", "AUX")


def _opening_subject(verb: Token) -> Token | None:
    """The opening name of ``verb``'s sentence that the parser hung on it (``opening_name``),
    for a finite verb with no subject of its own."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    first = verb.sent[0]
    return first if first.head.i == verb.i and opening_name(first) else None


def _fronted_place_apposition(verb: Token) -> Token | None:
    """"In Nairobi, Foreign Minister X said ...": the parser may hang the speaker on the
    fronted place as its apposition and leave the verb without a subject. A name so hung
    before a finite verb with no subject is its subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for place in prep.children:
            if place.dep_ != "pobj" or place.ent_type_ not in ("GPE", "LOC", "FAC"):
                continue
            for name in place.children:
                if name.dep_ == "appos" and name.pos_ == "PROPN" and name.i < verb.i and \
                        name.ent_type_ in ("PERSON", "ORG", "NORP"):
                    return name
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _far_agent(verb: Token) -> Token | None:
    """The agent of a passive verb that the parse hung on a noun of the clause instead of
    the verb ("was banned from worship at the sites by the ministry"): the object of a
    "by" under one of the verb's prepositional phrases, one level down."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ == "by":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for inner in pobj.children:
                if inner.dep_ == "prep" and inner.lower_ == "by":
                    found = next((c for c in inner.children if c.dep_ == "pobj"), None)
                    if found is not None:
                        return found
    return None


def _is_passive_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux",) and c.lemma_ == "have"
                                          for c in verb.children)


def _split_relative(verb: Token) -> Token | None:
    """The subject of a reduced relative the parser split off as a clause of its own: in
    "saying Libyan troops massed nearby threatened Chad", "massed" and "threatened" both
    hang on "saying"; the troops massed nearby are the ones who threatened. The sibling
    clause right before the verb, with its own subject and no object, no conjunction or
    comma between, gives its subject."""
    before = [c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not before:
        return None
    sibling = before[-1]
    subj, passive = _subject(sibling)
    between = verb.doc[sibling.i + 1:verb.i]
    if subj is None or passive or _children(sibling, "dobj") or any(
            t.dep_ == "cc" or t.is_punct or t.tag_ in ("VBZ", "VBP", "MD") or
            t.dep_ == "nsubj" for t in between) or sibling.tag_ not in ("VBN", "VBD"):
        return None
    return subj


def _speaks_or_appeals(verb: Token) -> bool:
    """A verb of speech (``references.is_speech_verb``) or of appeal (``APPEAL_VERBS``)."""
    return is_speech_verb(verb) or verb.lemma_.lower() in APPEAL_VERBS


#: Verbs of a state a report describes ("had the right", "was ready"), not an act.
STATE_VERBS = frozenset({"be", "have"})


def _reporter_goes_on(verb: Token) -> Token | None:
    """The subject of a verb of saying whose report the parse runs on into the next act:
    "The UN warned that millions need aid, and called on both sides to ...", where
    "called" hangs on "need". A past verb of speech or appeal coordinated with a verb of
    another tense inside the report, or with a past state ("said Israel had the right to
    defend itself and urged Beirut to ..."), is the reporter's own next act; else None."""
    head = verb.head
    if verb.tag_ != "VBD" or head.tag_ == "VBD" and head.lemma_ not in STATE_VERBS or \
            head.dep_ != "ccomp" or not _speaks_or_appeals(verb):
        return None
    saying = head.head
    if saying.tag_ != "VBD" or not _speaks_or_appeals(saying):
        return None
    subj, passive = _subject(saying)
    return None if passive else subj


def _coordinated_under(verb: Token, first: Token) -> bool:
    """True when ``verb`` is a conjunct of ``first`` with no subject of its own."""
    return verb.dep_ == "conj" and first in verb.conjuncts and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


# Climbs the parse one construction at a time (infinitive, participle, gerund,
# coordination); each branch is one construction.
def _controller(verb: Token) -> Token | None:  # noqa: C901
    """The token that supplies the missing subject of a verb: the subject of the verb above
    an infinitive, participle or gerund, or the noun a participle modifies."""
    tok = verb
    for _ in range(4):
        dep = tok.dep_
        head = tok.head
        if head.i == tok.i:
            return None
        if dep == "advcl" and head.pos_ in ("PROPN", "NOUN") and head.i < tok.i:
            # A misparse that makes the subject the root ("ECOWAS [ROOT] imposed sanctions").
            return head
        if dep == "conj" and tok.i == verb.i:
            reporter = _reporter_goes_on(tok)
            if reporter is not None:
                return reporter
        if dep == "ccomp" and tok.i == verb.i:
            split = _split_relative(tok)
            if split is not None:
                return split
        if dep == "xcomp" and (tok.i == verb.i or _coordinated_under(verb, tok) and
                               head.lemma_.lower() in ASKING_VERBS) and \
                _is_verbal(head) and head.lemma_.lower() != "promise":
            # "prompting Tehran to threaten ...", "forced the army to withdraw": the object
            # of the verb above does the act, and the acts coordinated with it ("urged
            # Europe to go further and cut Russian banks off").
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None:
                return obj
        if dep in ("xcomp", "advcl", "conj", "ccomp") and _is_verbal(head) or \
                dep == "acomp" or dep == "xcomp" and head.dep_ == "acomp":
            # ("is willing to send troops": the adjective's subject sends them.)
            subj, passive = _subject(head)
            if subj is not None and not passive:
                return subj
            if subj is not None and passive and (dep != "conj" or not _is_passive_participle(
                    tok) or _aux_lemmas(tok)):
                # "X has been indicted ... and will resign": coordinated verbs share X.
                return subj
            tok = head
            continue
        if dep == "pcomp" and head.dep_ == "prep":
            above = head.head
            if _is_verbal(above) and head.lower_ in ("of", "from", "for", "against") and \
                    _children(above, "dobj"):
                # "accuses Iran of supporting ...", "prevented them from leaving", "warned
                # Finland against joining": the object does the act.
                return _children(above, "dobj")[0]
            if _is_verbal(above):
                subj, _ = _subject(above)
                if subj is not None:
                    return subj
                tok = above
                continue
            # "our mission of supporting", "the lead in recognizing": the noun's owner.
            poss = _children(above, "poss")
            return poss[0] if poss else None
        if dep in ("acl", "relcl"):
            # "Egypt and Jordan are the only other Arab states to have signed ...",
            # "Morales is one of a few leaders to support ...": the copula's subject acts.
            noun = head
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of":
                noun = noun.head.head
            if dep == "acl" and noun.dep_ == "attr":
                subj, _ = _subject(noun.head)
                if subj is not None:
                    return subj
            return head
        if dep == "attr" or dep == "pobj":
            tok = head
            continue
        return None
    return None


def _participle_patient(verb: Token) -> Token | None:
    """The one a bare passive participle clause tells of ("X appeared in court, charged
    with murder", "Backed by Russia, the rebels advanced"): the subject it shares, which
    undergoes the act ("wept when convicted" too). None for a participle with its own
    subject, auxiliary or object, or under "if" or "as" ("described as convicted")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") or
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "as") for c in verb.children):
        return None
    return _controller(verb)


#: Verbs that with "under" say their subject undergoes an act ("came under attack").
UNDER_VERBS = frozenset({"come", "fall", "be", "remain"})


def _undergoing_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the act a noun names: "faces terrorist attacks",
    "suffered a wave of attacks", "came under rocket fire", "repelled the assault"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj":
        # "suffered a wave of attacks": the measure of the act is the object.
        noun, head = head.head, head.head.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in UNDERGOING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in UNDER_VERBS:
        return head.head
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is the object of ("imposed sanctions", "held talks",
    "engaged in fighting"); not one it only dates or explains ("after a call")."""
    tok = noun
    for _ in range(4):
        if tok.dep_ == "prep" and tok.lower_ not in LIGHT_PREPS and not (
                tok.lower_ == "as" and tok.i == noun.head.i) and not (
                tok.lower_ == "at" and tok.i == noun.head.i and tok.head.lemma_ == "be"):
            # ("at" is light only in a state one is in: "has been at war with X", "is at
            # odds with Y".)
            # "held refugees as human shields": "as" right above the noun is light too;
            # "died as a result of torture" is not.
            return None
        if tok.dep_ in ("dobj", "pobj", "prep", "attr", "oprd", "nsubjpass", "conj", "appos",
                        "compound", "dative"):
            tok = tok.head
            if _is_verbal(tok):
                return tok
            continue
        return None
    return None


#: Prepositions joining a noun of opposing to what is opposed ("opposition to X").
ATTITUDE_PREPS = frozenset({"to", "for", "against", "with"})


def _stance_topic(noun: Token) -> bool:
    """True when an act named by ``noun`` is what a noun of opposing is about ("voiced
    opposition to sanctions on Russia", "protests against the embargo"): the act is not
    the act of whoever opposes it, nor aimed at what the opposing noun's verb governs."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ATTITUDE_PREPS \
        and prep.head.i != noun.i and prep.head.lemma_.lower() in OPPOSING_NOUNS


def _topic_of_noun(noun: Token) -> bool:
    """True when ``noun`` is what another noun is about: its preposition hangs from a noun
    ("launched an inquiry into the shooting": the shooting is not the inquirer's act), or
    from a verb whose object is an inquiry or report ("opened an inquiry into the killing",
    as the parser often attaches it)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in TOPIC_PREPS or \
            prep.head.i == noun.i or _claiming_verb(noun) is not None:
        # ("claimed responsibility for the attack": the attack is the claimer's.)
        return False
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN"):
        return True
    return _is_verbal(head) and any(c.dep_ == "dobj" and c.lemma_.lower() in INQUIRY_NOUNS
                                    for c in head.children)


def _negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in ("never",):
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(
                g.lower_ == "no" for g in child.children):
            return True
        if child.dep_ == "det" and child.lower_ == "no" and tok.pos_ == "NOUN":
            return True
    return False


def _not_yet(tok: Token) -> bool:
    """True for an act told as not done so far: "has yet to concede", "is yet to recognise
    the government", "the lack of a concession", "in the absence of an agreement"."""
    if tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        head = tok.head
        if head.lemma_ in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet"
                                                 for c in head.children):
            return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        tok.head.head.lemma_.lower() in ABSENT_NOUNS


def _refused(tok: Token) -> bool:
    """True for an act inside the clause of a verb of refusing ("refused to impose
    sanctions", "declined to recognise")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in REFUSING_VERBS:
            return True
        if cur.dep_ not in ("dobj", "pobj", "prep", "xcomp", "compound", "amod"):
            return False
        cur = cur.head
    return False


def _warned_against(tok: Token) -> bool:
    """True for an act someone is warned or advised against ("warned Finland against
    joining NATO")."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "against"


def _under_denial(tok: Token) -> bool:
    """True for an act its own subject denies ("Rwanda denied backing the rebels", "denies
    that it had backed them"): the clause of a verb of denial that comes before it. A
    denial after the act is told hangs on it only in a misparse ("X was accused of Y, a
    charge Z denies": the accusation was made)."""
    return tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in DENIAL_VERBS and \
        tok.head.i < tok.i


#: How an alleged act may hang below the "of" of its accusation: "of trying to encircle",
#: "of undermining the agreement", "of backing and arming the rebels". Not a clause of time
#: or cause ("of violating its sovereignty after its troops raided two villages"): told as
#: fact.
ALLEGED_PATH = frozenset({"xcomp", "dobj", "pobj", "pcomp", "prep", "conj", "compound",
                          "amod"})


def _alleged(tok: Token) -> bool:
    """True for an act only alleged, in the clause an accusation governs ("accused Cairo of
    trying to encircle Ethiopia", "charged them with ..." is not among them: "of"/"for")."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ in ("pcomp", "pobj") and head.lower_ in ("of", "for") and \
                head.head.lemma_.lower() in ALLEGING_VERBS:
            return True
        if cur.dep_ not in ALLEGED_PATH:
            return False
        cur = head
    return False


def _neither_subject(verb: Token) -> bool:
    """True when a verb's subject is a "neither X nor Y" pair: the verb is negated for both."""
    subj, _ = _subject(verb)
    return subj is not None and (subj.lower_ == "neither" or any(
        c.dep_ in ("det", "preconj") and c.lower_ == "neither" for c in subj.children))


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


# Tries the complement constructions from the most telling (a clause) to the least (a
# noun object); the first that fits wins.
def _complement(tok: Token) -> Token | None:  # noqa: C901
    """The clause a control verb governs: "refuse [to hand over]", "accuse X [of lying]",
    "willing [to withdraw]", "demand [that Israel ease ...]"."""
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp") and _is_verbal(child):
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "for", "on"):
            for pc in child.children:
                if pc.dep_ == "pcomp" and _is_verbal(pc):
                    return pc
    for child in tok.children:
        if child.dep_ == "advcl" and _is_verbal(child) and any(
                a.lower_ == "to" and a.dep_ == "aux" for a in child.children):
            return child
    for child in tok.children:
        if child.dep_ in ("dobj", "acl", "ccomp") and child.pos_ == "NOUN":
            return child
    return None


def _in_clause(tok: Token, clause: Token) -> bool:
    cur = tok
    # The bounded walk up the heads of dates.py; here only: is tok under clause?
    for _ in range(40):
        if cur == clause:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _clause(tok: Token) -> Token:
    cur = tok
    for _ in range(40):
        if _is_verbal(cur) or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _demanded(tok: Token) -> list[Token]:
    """What a demand asks for: its object or the object of its "for" ("demanded the arrest
    of X", "called for his resignation")."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ == "dobj":
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "for":
            out.extend(_children(child, "pobj"))
    return out


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger's verb and the verbs that govern it through infinitives and gerunds
    ("will [stop] [supporting]"), bounded."""
    verb = tok if _is_verbal(tok) or tok.pos_ == "ADJ" else (_governing_verb(tok) or tok)
    chain = [verb]
    cur = verb
    for _ in range(4):
        infinitive = cur.dep_ == "ccomp" and _to_infinitive(cur)
        if cur.dep_ not in ("xcomp", "pcomp", "prep", "acomp") and not infinitive or \
                cur.head.i == cur.i:
            # ("would have let the army deport them": the infinitive is governed.)
            break
        cur = cur.head
        chain.append(cur)
    return chain


def _purpose_of(verb: Token) -> Token | None:
    """The verb whose purpose an infinitive clause states ("will send troops [to help]
    the army"): the purpose is done only as far as that verb is."""
    if verb.dep_ == "advcl" and verb.head.i != verb.i and _is_verbal(verb.head) and \
            _to_infinitive(verb) and not any(c.dep_ == "mark" for c in verb.children):
        return verb.head
    return None


def _partitive_head(tok: Token) -> Token | None:
    """The quantity ``tok`` is measured out of ("[part] of its aid", "[half] of the
    loans"), or None."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and \
            prep.head.lemma_.lower() in QUANTITY_HEADS:
        return prep.head
    return None


def _depth(tok: Token) -> int:
    depth = 0
    cur = tok
    while cur.head.i != cur.i and depth < 60:
        cur = cur.head
        depth += 1
    return depth


def _small_clause_subjects(verb: Token) -> list[Token]:
    """The object of a verb the parser reads with a small clause ("declared the decree
    invalid": "decree" as the subject of "invalid"), or the subject of its clause of being
    ("ruled that the decree was invalid")."""
    return [n for c in _children(verb, "ccomp")
            if not _is_verbal(c) or c.lemma_.lower() == "be"
            for n in _children(c, "nsubj", "nsubjpass")]


#: "Claimed responsibility for the attack", "took credit for the bombing": the claimer did it.
CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
CLAIMING_VERBS = frozenset({"claim", "accept", "admit", "take", "assume"})


def _claiming_verb(noun: Token) -> Token | None:
    """The verb of claiming an act ("X claimed responsibility for the attack"), else None."""
    prep = noun.head
    owned = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or owned.lemma_.lower() not in \
            CLAIMED_NOUNS or owned.dep_ != "dobj":
        return None
    verb = owned.head
    return verb if verb.lemma_.lower() in CLAIMING_VERBS else None


#: Verbs that name a thing in the speaker's own words ("what it called provocations",
#: "what he described as a betrayal").
NAMING_VERBS = frozenset({"call", "describe", "term", "dub", "label", "brand"})


def own_naming(verb: Token) -> bool:
    """True for a verb of naming in a free relative ("what it called Turkish provocations",
    "what he described as a betrayal")."""
    return verb.lemma_.lower() in NAMING_VERBS and any(
        c.lower_ == "what" and c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def named_things(verb: Token) -> list[Token]:
    """What a free relative of naming names, for the act it is the object of: "Turkish
    provocations" in "condemned what it called Turkish provocations" and in "protested
    against what it described as provocations"."""
    if not own_naming(verb):
        return []
    # (The parser gives the name as an object predicate or as a second object.)
    found = [c for c in verb.children if c.dep_ in ("oprd", "dobj") and c.lower_ != "what"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        found.extend(_children(prep, "pobj"))
    return found
