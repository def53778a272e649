"""The event trigger lexicon: words and phrases mapped to PLOVER types with an intensity.

The data lives in ``extraction/resources/event_lexicon.tsv`` (its header documents the
columns); this module loads it once and matches tokens of a parsed ``Doc`` against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from .words import ARMED_SUBJECTS, CROWD_NOUNS, PARTICLES, QUANTITY_HEADS

LEXICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "event_lexicon.tsv"

# PLOVER's cooperative side; everything else with a negative intensity is conflictual.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# Material (as opposed to verbal) types: announcing one for the future is an intent.
MATERIAL = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "PROTEST",
                      "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
INCIDENT = "INCIDENT"
# Timeline types outside PLOVER, for dated acts PLOVER has no type for; intensity 0.
STATEMENT = "STATEMENT"
ELECT = "ELECT"
# A dated act of a named party that no lexicon row types ("opened the new chancellery in 2001",
# "filed for candidacy on Friday"): on the timeline, never in a stance.
ACTION = "ACTION"
EXTRA_TYPES = frozenset({STATEMENT, ELECT, ACTION})
# The type of a lexicon row for an idiom whose head is otherwise a trigger ("struck a cautious
# tone"): the phrase is no act at all, and no other rule makes one of it.
NO_EVENT = "NONE"

_PREPOSITIONS = frozenset({"to", "for", "on", "with", "of", "against", "from", "by"})
# Event nouns are common nouns: "March" the month or "Accord" in a name are not events.
_POS = {"V": ("VERB", "AUX"), "N": ("NOUN",), "A": ("ADJ", "VERB")}


@dataclass(frozen=True)
class Entry:
    """One lexicon row: a head lemma, the lemmas it needs beneath it, and what it means."""

    lemma: str
    pos: str
    type: str
    intensity: float
    needs: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    target_prep: str | None = None

    @property
    def control(self) -> bool:
        return "control" in self.flags or "intent" in self.flags

    @property
    def intent(self) -> bool:
        return "intent" in self.flags

    @property
    def mutual(self) -> bool:
        """A joint act: coordinated actors with no other party act on each other."""
        return "mutual" in self.flags

    @property
    def speech(self) -> bool:
        """An act of speech ("said", "told"): a timeline STATEMENT by a party subject."""
        return "speech" in self.flags

    @property
    def stance(self) -> bool:
        return "nostance" not in self.flags and self.type != INCIDENT


@dataclass(frozen=True)
class Lexicon:
    """Entries by (head lemma, pos letter), longest phrase first."""

    entries: dict[tuple[str, str], tuple[Entry, ...]]

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


def parse_lexicon(lines: list[str]) -> Lexicon:
    """Parse the TSV rows of an event lexicon (comments and the header are skipped).

    Raises:
        ValueError: a row has a bad part of speech, intensity or too few columns.
    """
    table: dict[tuple[str, str], list[Entry]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line.startswith("trigger\t"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or cols[1] not in _POS:
            raise ValueError(f"event lexicon line {number}: expected trigger, pos, type, "
                             f"intensity: {line!r}")
        words = cols[0].lower().split()
        intensity = float(cols[3])
        if not -1.0 <= intensity <= 1.0:
            raise ValueError(f"event lexicon line {number}: intensity out of -1..1")
        flags = frozenset(f.strip() for f in cols[4].split(",") if f.strip()) if len(cols) > 4 \
            else frozenset()
        prep = next((f.split("=", 1)[1] for f in flags if f.startswith("target=")), None)
        # Multi-word nouns written as one hyphen-less phrase ("air strike") are headed by
        # their last word in English; verbs ("cut ties") by their first.
        if cols[1] == "N" and len(words) > 1 and words[-1] not in _PREPOSITIONS:
            head, needs = words[-1], tuple(words[:-1])
        else:
            head, needs = words[0], tuple(words[1:])
        entry = Entry(head, cols[1], cols[2], intensity, needs, flags, prep)
        table.setdefault((head, cols[1]), []).append(entry)
    return Lexicon({k: tuple(sorted(v, key=lambda e: -len(e.needs))) for k, v in table.items()})


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Load and cache the event lexicon shipped with newslens."""
    return parse_lexicon(path.read_text(encoding="utf-8").splitlines())


# Dependents through which a phrase's extra words may hang under its head: "cut [ties]",
# "hand [over]", "call [for]", "call X [a fraud]", "declare a state [of emergency]".
_NEAR_DEPS = frozenset({"dobj", "prt", "prep", "oprd", "attr", "dative", "pobj", "compound",
                        "amod", "nmod", "acomp", "npadvmod", "nsubjpass", "agent"})
# Clauses under a verb whose mark may be a phrase's preposition ("called [for] X to act").
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})
CLAUSE_PREPOSITIONS = frozenset({"for"})


#: Prepositions the parser hangs on a verb when they belong to its object noun ("condemned
#: the strikes on the city", "the raid against the camp").
STRAY_PREPOSITIONS = frozenset({"on", "against"})


def stray_preps(noun: Token, words: frozenset[str] = STRAY_PREPOSITIONS) -> list[Token]:
    """For a noun that is its verb's direct object, the phrases with a preposition of
    ``words`` the parser hung on the verb after it, of a preposition the noun has none of
    ("condemned the strikes [on the city]"): they say where the act the noun names is
    aimed."""
    if noun.dep_ != "dobj" or noun.pos_ != "NOUN":
        return []
    own = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    return [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i
            and c.lower_ in words and c.lower_ not in own and not _dates_only(c)]


def _dates_only(prep: Token) -> bool:
    """True for a preposition whose objects are all dates ("called a meeting for Friday" is
    no "call for")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objects) and all(
        o.ent_type_ in ("DATE", "TIME") for o in objects)


# Collects the dependents a phrase row may name, one kind of dependent per branch, in
# one walk over the trigger's neighbours.
def _near_lemmas(token: Token) -> set[str]:  # noqa: C901
    """Lemmas (and lower-cased forms) of the words a phrase entry may need: the head's
    objects, particles and prepositions, their objects, an object's "of" phrase, and the
    noun a passive participle or relative clause describes."""
    out: set[str] = set()
    out.update(p.lower_ for p in stray_preps(token))
    if token.dep_ in ("relcl", "acl") and token.tag_ == "VBN":
        # A participle or passive relative clause on its object: "the elections (which were)
        # held on June 21" is "hold election".
        out.add(token.head.lemma_.lower())
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS:
            # "called for the treaty to be scrapped": the parser makes "for" the mark of the
            # clause that follows, not a preposition of the verb.
            out.update(m.lower_ for m in child.children if m.dep_ == "mark" and
                       m.lower_ in CLAUSE_PREPOSITIONS)
            continue
        if child.dep_ == "advmod" and child.lower_ in PARTICLES:
            # "turned away a ship": the parse may take a verb's particle for an adverb.
            out.add(child.lower_)
            continue
        if child.dep_ not in _NEAR_DEPS or _dates_only(child):
            continue
        if not (child.dep_ == "prep" and child.tag_ in ("VBG", "VBN")):
            # A participle used as a preposition is its own word: "according to the data"
            # is no accord ("reach accord"), "following the talks" no following.
            out.add(child.lemma_.lower())
        out.add(child.lower_)
        if child.tag_ == "NNPS" and child.lower_.endswith("s"):
            # A capitalised plural at a sentence start is tagged a proper noun and keeps
            # its plural as lemma ("Tributes were paid"): the singular is what rows name.
            out.add(child.lower_[:-1])
        for grand in child.children:
            if grand.dep_ == "appos" and child.dep_ in ("dobj", "dative"):
                # "designated the group a terrorist organisation", parsed as an apposition
                # to the object: what it is called, as with "as".
                out.update(m.lemma_.lower() for m in grand.children
                           if m.dep_ in ("amod", "compound"))
            if grand.dep_ not in _NEAR_DEPS or _dates_only(grand):
                continue
            out.add(grand.lemma_.lower())
            out.add(grand.lower_)
            if grand.dep_ == "prep":
                for great in grand.children:
                    if great.dep_ == "pobj":
                        out.add(great.lemma_.lower())
                        if grand.lower_ == "of" and child.lemma_.lower() in QUANTITY_HEADS:
                            # "suspended part of an aid programme": the kind of thing
                            # measured out names what is suspended.
                            out.update(m.lemma_.lower() for m in great.children
                                       if m.dep_ == "compound")
            elif grand.dep_ == "pobj" and child.lower_ == "as":
                # "designated the group as a terrorist organisation": what it is called.
                out.update(m.lemma_.lower() for m in grand.children
                           if m.dep_ in ("amod", "compound"))
    return out


def _crowd_subject(token: Token) -> bool:
    """True when the subject of ``token`` (or of the verb it is coordinated with) is a crowd
    named by a common noun: "thousands of protesters gathered", not "leaders gathered"."""
    if token.dep_ == "acl" and (token.head.lemma_.lower() in CROWD_NOUNS or
                                token.head.lower_ in CROWD_NOUNS):
        # "Hundreds of students assembled ..." parsed as a clause on "Hundreds".
        return True
    verb = token
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lemma_.lower() in CROWD_NOUNS or subj.lower_ in CROWD_NOUNS:
                if subj.pos_ == "NOUN" or subj.pos_ == "NUM":
                    return True
            return False
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _armed_subject(token: Token) -> bool:
    """True when the doer of ``token`` is a weapon, an armed force or a name: "Russian
    missiles hit Kyiv", "Russia hit Kyiv", "Kyiv was hit by drones", not "sanctions hit the
    economy" or "inflation hit a record"."""
    doers = [c for c in token.children if c.dep_ == "nsubj"] or [
        p for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return any(d.pos_ == "PROPN" or d.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or
               d.lemma_.lower() in ARMED_SUBJECTS for d in doers[:1])


def _fits_object(entry: Entry, token: Token) -> bool:
    """False when an entry needs a direct object the token lacks, or excludes one it has
    ("demonstrated a willingness" is no protest), or needs a crowd (or an armed doer) as its
    subject."""
    if "crowd" in entry.flags and not _crowd_subject(token):
        return False
    if "armed" in entry.flags and not _armed_subject(token):
        return False
    if "transitive" not in entry.flags and "intransitive" not in entry.flags:
        return True
    # A passive has its object as subject ("the statement was joined by ...").
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
    return has_object if "transitive" in entry.flags else not has_object


# Tries the lemma, then the surface form, then each phrase entry's extra words; the
# first entry that fits wins.
def match_trigger(token: Token, lexicon: Lexicon) -> Entry | None:  # noqa: C901
    """Return the lexicon entry ``token`` triggers, or None.

    A token matches when its lemma (or lower-cased form) and part of speech fit an entry and
    every extra word of a phrase entry hangs beneath it in the parse.
    """
    pos = token.pos_
    if token.ent_type_ in ("DATE", "TIME"):
        return None
    letters = [letter for letter, tags in _POS.items() if pos in tags]
    if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
        # "is opposed to", "is committed to": the adjective reading comes first.
        letters.sort(key=lambda letter: letter != "A")
    if not letters:
        return None
    keys = {token.lemma_.lower(), token.lower_}
    near: set[str] | None = None
    for letter in letters:
        for key in keys:
            for entry in lexicon.entries.get((key, letter), ()):
                if not _fits_object(entry, token):
                    continue
                if not entry.needs:
                    return entry
                if near is None:
                    near = _near_lemmas(token)
                if all(word in near for word in entry.needs):
                    return entry
    return None
