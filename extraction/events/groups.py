"""Arguments that stand for several parties: coordination ("the US and Britain"), members
included in a group ("countries including Iran"), "the two countries" of a pair named
before, and agents expanded across coordination (``resolve``, ``expand_agents``).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .. import resources
from .docindex import Arg, DocIndex, _children_of
from .references import MEMBER_GROUPS, _of_pair, _reporter, group_size, is_pair_reference
from .resolve import resolve_one
from .words import INCLUDING_PREPS, STATE_GROUP_HEADS, STATE_GROUPS


def _listed_appositions(tok: Token) -> list[Token]:
    """"Mali, Burkina Faso and Niger": the parser may hang the list's second member on the
    first as an apposition and the rest on it. A country in apposition to another country,
    with members coordinated after it, is a list, not a description."""
    if tok.ent_type_ != "GPE":
        return []
    for appos in tok.children:
        if appos.dep_ == "appos" and appos.ent_type_ == "GPE" and appos.conjuncts and \
                resources.country_for_name(appos.text) != resources.country_for_name(tok.text):
            return [appos, *appos.conjuncts]
    return []


def _whose(index: DocIndex, head: Token) -> Arg | None:
    """"Burundi, whose troops have fought ...": the troops are the country the relative
    clause hangs on (rule ``relative_owner``); None for any other head."""
    if "relative_owner" not in index.rules or not any(
            c.dep_ == "poss" and c.lower_ == "whose" for c in head.children):
        return None
    clause = head.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    owner = resolve_one(index, clause.head, depth=1)
    if not (owner.country or owner.igo):
        return None
    own = resolve_one(index, head)
    return Arg(own.head, own.text, "country", None, owner.country, own.sector, owner.igo)


def split_subjects(tok: Token) -> list[Token]:
    """The subjects coordinated with ``tok`` that the parser made subjects of their own
    ("Kyrgyz President X and Tajik President Y signed": two ``nsubj`` of the verb, the
    "and" on the first): each one joined to the next by "and" alone."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    siblings = [c for c in tok.head.children if c.dep_ == tok.dep_ and c.i < tok.head.i]
    found: list[Token] = []
    for before, after in zip(siblings, siblings[1:], strict=False):
        if before.right_edge.lower_ == "and" and before.right_edge.i + 1 == after.left_edge.i:
            found.extend(t for t in (before, after) if t != tok)
    return found


def resolve(index: DocIndex, tok: Token) -> list[Arg]:
    """Resolve an argument head and every head coordinated with it ("X and Y")."""
    split = split_subjects(tok) if "split_subjects" in index.rules else []
    heads = _reporters(index, tok) or [tok, *tok.conjuncts, *_listed_appositions(tok), *split]
    heads = sorted({t.i: t for t in heads}.values(), key=lambda t: t.i)
    out: list[Arg] = []
    for head in heads[:6]:
        if head.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PUNCT"):
            continue
        counted = _counted_parties(index, head)
        if counted is not None:
            out.extend(counted)
            continue
        pair = _of_pair(head) if "pair_reference" in index.rules else None
        if pair is not None:
            # "the heads of both governments": the two parties' heads.
            parties = _pair_parties(index, pair)
            if parties:
                out.extend(Arg(p.head, f"{head.text} of {p.text}", p.kind, p.entity,
                               p.country, None, p.igo, p.label) for p in parties)
                continue
        arg = _whose(index, head) or resolve_one(index, head)
        members = _acting_members(index, head, arg)
        if members:
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


def state_group(tok: Token) -> tuple[str, ...]:
    """The member states of a fixed group of states a word names: the group's name itself
    ("the Baltics", "the E3", "Baltic" before an act, "the Baltic bans") or a plural state
    noun it stands before ("the Baltic states", "Nordic governments"); () otherwise."""
    if tok.lemma_.lower() in STATE_GROUP_HEADS:
        if tok.tag_ not in ("NNS", "NNPS"):
            return ()
        return next((STATE_GROUPS[c.lower_] for c in tok.children
                     if c.dep_ in ("amod", "compound") and c.lower_ in STATE_GROUPS), ())
    if tok.text[:1].isupper() and tok.lower_ in STATE_GROUPS and \
            tok.head.lemma_.lower() not in STATE_GROUP_HEADS:
        return STATE_GROUPS[tok.lower_]
    if tok.lower_ in GROUP_NAME_HEADS:
        # "the Alliance of Sahel States", "the Sahel confederation": a group named in words.
        words = [t.lower_ for t in tok.subtree if t.dep_ not in ("det", "punct")]
        if len(words) <= 6:
            return STATE_GROUPS.get(" ".join(words), ())
    return ()


def _acting_members(index: DocIndex, head: Token, arg: Arg) -> list[Arg]:
    """The members that act for a resolved argument, or []: each member state of a fixed
    group of states a reference leads to ("the AES ... it was recalling"), or the members
    an unnamed group names ("leaders including X and Y")."""
    group = _group_entity(index, arg) if "state_groups" in index.rules else ()
    if group:
        return group_members(head, group)
    if "included_members" in index.rules and not arg.named:
        return _included_members(index, head)
    return []


def _group_entity(index: DocIndex, arg: Arg) -> tuple[str, ...]:
    """The member states of the fixed group of states an entity argument names, or ()."""
    ent = index.entities.get(arg.entity or "") or {}
    name = str(ent.get("canonical") or "").lower()
    return STATE_GROUPS.get(name, ())


#: Head nouns of a group of states named in several words (``state_groups`` phrases).
GROUP_NAME_HEADS = frozenset(name.split()[0] if " of " in name else name.split()[-1]
                             for name in STATE_GROUPS if " " in name)


def group_members(tok: Token, members: Iterable[str]) -> list[Arg]:
    """One argument per member state of a group named at ``tok``."""
    return [Arg(tok.i, resources.country_name(code), "country", None, code)
            for code in members]


def _reporters(index: DocIndex, tok: Token) -> list[Token]:
    """The coordinated speakers a reported "they" stands for ("Estonia, Latvia and Lithuania
    said they would ..."), or the counted reference that spoke ("the three juntas said they
    would ..."), else []."""
    if tok.lower_ != "they" or index.in_quote[tok.i]:
        return []
    reporter = _reporter(tok)
    if reporter is None:
        return []
    if reporter.conjuncts:
        return [reporter, *reporter.conjuncts]
    # "The three juntas said they would ...": the counted reference stands for them.
    return [reporter] if group_size(reporter) else []


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


def _counted_parties(index: DocIndex, head: Token) -> list[Arg] | None:
    """The parties a counted reference names, or None when ``head`` is none: "the two
    countries", "both sides" are the two parties just named; "all three nations" the three
    just named in its sentence, else in it and the one before; no one when they cannot be
    found; "the Baltic states", "the E3" each member state of the group."""
    members = state_group(head) if "state_groups" in index.rules else ()
    if members:
        return group_members(head, members)
    if "pair_reference" in index.rules and is_pair_reference(head):
        return _pair_parties(index, head) or [Arg(head.i, head.text, "other")]
    size = group_size(head) if "counted_reference" in index.rules else 0
    if size > 2:
        start = head.sent.start
        before = index.doc[start - 1].sent.start if start > 0 else start
        listed = _recent_list(index, head, size) if "counted_list" in index.rules else []
        return listed or _recent_parties(index, head, start, size) or \
            _recent_parties(index, head, before, size) or [Arg(head.i, head.text, "other")]
    return None


#: How many sentences back a counted reference ("the three countries") looks for a list.
LIST_WINDOW = 6
#: Lists longer than this are no counted group ("the six nations" is the longest named).
GROUP_LIST_LIMIT = 8


def _recent_list(index: DocIndex, head: Token, size: int) -> list[Arg]:
    """The parties of the last list of exactly ``size`` states or organisations written
    together ("Mali, Burkina Faso and Niger") in the sentence of ``head`` before it or the
    ``LIST_WINDOW`` sentences before: "the three countries" are the three named as one
    list, not the last three named one by one (rule ``counted_list``). [] when none."""
    doc = index.doc
    start = head.sent.start
    for _ in range(LIST_WINDOW):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for i in range(head.i - 1, start - 1, -1):
        tok = doc[i]
        if index.token_entity[i] is None or index.in_quote[i] or \
                tok.dep_ in ("conj", "appos") and index.token_entity[tok.head.i] is not None:
            continue
        items = _list_items(index, tok)
        if len(items) != size:
            continue
        found: dict[str, Arg] = {}
        for item in items:
            arg = resolve_one(index, item, depth=2)
            key = arg.country or arg.igo
            if key:
                found.setdefault(key, Arg(head.i, arg.text, arg.kind, arg.entity, arg.country,
                                          None, arg.igo, arg.label))
        if len(found) == size:
            return list(found.values())
    return []


def _list_items(index: DocIndex, tok: Token) -> list[Token]:
    """The names written as one list with ``tok`` at its head, ``tok`` first: its
    conjuncts, and the parser's appositions in a list ("Mali, Burkina Faso and Niger" is
    parsed Mali <- appos Faso <- conj Niger)."""
    items = [tok]
    at = 0
    while at < len(items) and len(items) <= GROUP_LIST_LIMIT:
        items.extend(c for c in items[at].children if c.dep_ in ("conj", "appos") and
                     index.token_entity[c.i] is not None)
        at += 1
    return sorted(items, key=lambda t: t.i)


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
    return _recent_parties(index, tok, start, 2)


def _recent_parties(index: DocIndex, tok: Token, start: int, size: int) -> list[Arg]:
    """The last ``size`` distinct countries or organisations named between ``start`` and
    ``tok``, in text order; [] unless there are that many."""
    doc = index.doc
    found: dict[str, Arg] = {}
    # "X praised the two presidents": the one acting on the pair is none of the two.
    acting = {t.i for c in _children_of(tok.head, "nsubj") for t in c.subtree} \
        if tok.dep_ == "dobj" else set()
    for i in range(tok.i - 1, start - 1, -1):
        eid = index.token_entity[i]
        if eid is None or index.in_quote[i] or doc[i].head.lower_ in ("in", "at", "near") \
                or i in acting:
            # "met in Nairobi": a place named is where, not one of the two.
            continue
        arg = resolve_one(index, doc[i], depth=2)
        key = arg.country or arg.igo
        if key and key not in found:
            found[key] = Arg(tok.i, arg.text, arg.kind, arg.entity, arg.country, None,
                             arg.igo, arg.label)
            if len(found) == size:
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
