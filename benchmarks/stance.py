"""Score newslens stances and dated events against our own development gold.

The gold (``benchmarks/devgold/*.json``) was annotated by hand on Wikinews articles from
``wikinews/source_csv/`` that are not among the 30 demo articles in ``wikinews/articles/``.
It holds offsets, keys and labels only: each file names its CSV and 0-based row (in
``csv.DictReader`` order) and the sha256 of the text column; the text and title are read
from the shared benchmark folder at run time (``$NEWSLENS_BENCHMARKS``, else
``../shared/benchmarks``). Titles and URLs are not stored because they repeat article words.

A gold file may instead name a GUM news document (``gum-news/``, Wikinews articles
2006-2023) with ``"source_gum": "GUM_news_korea"`` in place of ``source_csv`` and ``row``.
Its text file ``gum-news/text/GUM_news_korea.txt`` holds the title on its first line, then
the article from its dateline on; the analysed text is the file without that first line and
the blank lines after it (starting at the dateline, as the CSV text column does), and the
first line is passed as the title. ``text_sha256`` is the sha256 of that analysed text, and
``date`` must equal the document's ``dateCreated`` in ``gum-news/index.jsonl``; both are
checked on loading.

A gold file may also name a TimeBank document (TimeML, newswire and broadcast news of
1989-1998) with ``"source_tml": "timebank/APW19980213.1310.tml"`` (a path relative to the
shared benchmark folder) in place of ``source_csv`` and ``row``. The analysed text is the
plain text of its TEXT element as ``read_tml`` in ``benchmarks/tempeval3.py`` returns it
(tags removed, entities unescaped, leading newline kept); there is no title. ``text_sha256``
is the sha256 of that text and ``date`` must equal the document's DCT; both are checked on
loading. Only the DCT and the text are used, never the TimeML annotations.

A gold file may also name an article of our own, written by the project in the style of a
wire report (``benchmarks/owngold_dev/``, ``benchmarks/owngold_blind/``): ``"source_own":
"wire_x.txt"``, a text file beside the gold file that holds the analysed text (from the
dateline on), with the headline in ``"title"``. ``text_sha256`` is the sha256 of that text;
it is checked on loading. These folders need no shared benchmark data.

Every figure printed here is IN-SAMPLE for rules tuned on this gold: it is development data,
not a test. Run it with::

    .venv/bin/python benchmarks/stance.py [--data DIR] [--gold DIR] [--errors] [--only SLUG]

``--gold DIR`` scores another folder of gold files in the same format instead of
``benchmarks/devgold``: ``--gold benchmarks/devgold_fresh`` is a split annotated blind, before
any system output was seen, to check that the rules generalise (see its README). Figures on
a folder other than the default are labelled with that folder instead of "in-sample"; do not
tune rules on them.

``score(nlp)`` returns the headline figures as a dict for ``benchmarks/ablation.py``.

What is scored:

- Stances (``Article.stances``). A system stance matches a gold stance when
  * the holder matches: at country level the ``sector:`` prefix is stripped on both sides
    (``military:VEN`` counts as ``VEN``); the strict figure keeps sectors (exact key);
  * the target matches: for a gold target with ``target_name`` (a person or a non-state
    organisation), a name token of the gold name appears in the system target (see
    ``name_matches``: same surname, same first name, a one-word name contained in the
    other, or an acronym such as "MDC", also one the system entity was written with in the
    article, "PKK" for the Kurdistan Workers' Party); for an IGO the system target key (or
    name) is that IGO; for a state (``ISO3`` or ``sector:ISO3``) the system ``target_key``
    with its sector stripped equals the gold country (without ``target_key``:
    ``target_country`` equals it and the target name is the state, its demonym or capital,
    or its government); a person target whose entity role is a state office (head of state
    or government, minister, spokesperson...) counts as the state, as ``holder_key`` does
    for holders. Strict scoring also requires the sector of a state target to agree when
    ``target_key`` is given;
  * the polarity matches (a system "mixed" matches either gold polarity; a gold "mixed"
    only a system "mixed"). The "pair" figure ignores polarity.
  Gold and system stances are paired one to one (maximum matching).
- Event dates. For each gold event with a date, the system events whose trigger overlaps
  the gold trigger; right when one of their dates starts with the gold value (system dates
  may carry a suffix such as ``2019-03-14TMO``).
- Events. Precision: the share of system events whose trigger overlaps a gold trigger and
  whose actor matches that gold event's actor at country level (null matches null).
  Recall: the share of gold events with such a system event. Precision is printed over all
  system events and without the timeline-only type INCIDENT (the gold holds acts by actors).

Offsets: ``analyze`` keeps the text as given (``Article.text`` is ``doc.text``; textio only
validates it), so gold offsets are used as they are. Should ``Article.text`` ever differ
from the CSV text, gold offsets are carried over with a character alignment (difflib) and a
warning is printed.

``--errors`` prints missed and spurious stances, dated events scored wrong and missed
events, with the article sentences they come from. That goes to the terminal only: never
paste it into the repository (benchmark text must not enter it; see leakcheck).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
GOLD_DIR = Path(__file__).resolve().parent / "devgold"
SOURCE_DIR = Path("wikinews") / "source_csv"
GUM_DIR = Path("gum-news")

# Words that do not identify a person or organisation in a name.
NAME_STOP = frozenset({
    "the", "of", "for", "and", "de", "del", "la", "le", "von", "van", "bin", "ibn", "al",
    "group", "party", "movement", "front", "council", "organisation", "organization",
    "corporation", "company", "network", "rebels", "rebel", "militants", "militant", "forces",
    "president", "prime", "minister", "princess", "prince", "king", "queen", "sultan", "mr",
    "mrs", "ms", "dr", "general", "former", "leader", "chief", "sheikh", "state",
})
STATE_WORDS = ("government", "administration", "regime", "authorities", "cabinet", "state")
# Entity roles of people who speak for their state: as a target they are the state, the
# way ``holder_key`` makes them the state as a holder ("Carrie Lam" as head of government).
STATE_OFFICES = frozenset({
    "head of state", "head of government", "foreign minister", "minister", "defence minister",
    "vice president", "spokesperson", "ambassador", "diplomat", "official", "supreme leader",
    "national security adviser", "crown prince", "governor", "governor general",
})


# ----------------------------------------------------------------------------- keys

def split_key(key: str | None) -> tuple[str | None, str | None]:
    """``"military:VEN"`` -> ``("military", "VEN")``; ``"VEN"`` -> ``(None, "VEN")``."""
    if not key:
        return None, None
    if ":" in key:
        sector, base = key.split(":", 1)
        return sector, base
    return None, key


def country_level(key: str | None) -> str | None:
    """A key with any ``sector:`` prefix removed (``group:`` and ``entity:`` keys kept)."""
    if not key:
        return None
    sector, base = split_key(key)
    if sector in ("group", "entity"):
        return key
    return base


def holder_matches(gold: str, system: str | None, *, strict: bool = False) -> bool:
    """Whether a system holder key is the gold holder (exact when strict)."""
    if system is None:
        return False
    if strict:
        return gold == system
    return country_level(gold) == country_level(system)


def _tokens(name: str) -> list[str]:
    words = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", name)
    out = []
    for w in words:
        low = w.lower()
        if low in NAME_STOP or len(w) <= 2:
            continue
        low = re.sub(r"^(?:al|el)-", "", low)
        out.append(low[:-1] if len(low) > 4 and low.endswith("s") else low)
    return out


def _acronym(name: str) -> str:
    words = re.findall(r"[^\W\d_]+", name)
    return "".join(w[0] for w in words if w[0].isupper() and w.lower() not in ("the", "of"))


def name_matches(gold_name: str, system_name: str | None) -> bool:
    """Whether a system target names the gold person or organisation.

    True when the surnames (last name tokens) agree, the first name tokens agree, a
    one-word name is contained in the other ("Mugabe" ~ "Robert Mugabe"; "Princess
    Ubolratana" ~ "Ubolratana Mahidol"), or one is the acronym of the other ("MDC"). Titles
    and generic words ("Group", "Party", "Princess") are ignored; plurals are folded
    ("Houthis" ~ "Houthi rebels").
    """
    if not system_name:
        return False
    g, s = _tokens(gold_name), _tokens(system_name)
    if g and s:
        if g[-1] == s[-1] or g[0] == s[0]:
            return True
        if (len(s) == 1 and s[0] in g) or (len(g) == 1 and g[0] in s):
            return True
    stripped = system_name.strip()
    if stripped.isupper() and len(stripped) >= 2 and stripped == _acronym(gold_name):
        return True
    gold_stripped = gold_name.strip()
    return gold_stripped.isupper() and len(gold_stripped) >= 2 and \
        gold_stripped == _acronym(system_name)


def _is_acronym(text: str) -> bool:
    """Whether a mention is an acronym: two or more capitals, nothing else ("PKK")."""
    stripped = text.strip()
    return len(stripped) >= 2 and stripped.isalpha() and stripped.isupper()


def _is_state_name(name: str, country: str) -> bool:
    """Whether a display name is the state itself: its name, demonym, capital, government."""
    from extraction import resources

    low = name.lower()
    if any(word in low.split() for word in STATE_WORDS):
        return True
    return resources.country_for_name(name) == country


def _named_armed_group(system: dict[str, Any], gold_sector: str | None) -> bool:
    """Whether the gold's ``rebels:`` key is written for a named group the system keys by
    name ("rebels:YEM" for the Houthis, an armed group of Yemen): the sector is its kind."""
    return gold_sector == "rebels" and system.get("target_role") == "armed group" and \
        str(system.get("target_key") or "").startswith("entity:")


def _names_target(g_name: str, system: dict[str, Any]) -> bool:
    """Whether the system target is the person or group the gold names."""
    s_key = system.get("target_key")
    names = [system.get("target")]
    if s_key and s_key.startswith("entity:"):
        names.append(s_key.split(":", 1)[1])
    if any(name_matches(g_name, n) for n in names if n):
        return True
    # A group the analyst names by an acronym of another language ("PKK") and the system
    # by its English name, written with that acronym in the article.
    return g_name.strip() in system.get("target_acronyms", ())


def target_matches(gold: dict[str, Any], system: dict[str, Any], *, strict: bool = False) -> bool:
    """Whether a system stance's target is the gold stance's target (see module docstring)."""
    g_target = gold.get("target")
    g_name = gold.get("target_name")
    s_name = system.get("target")
    s_key = system.get("target_key")
    if g_name:
        return _names_target(g_name, system)
    g_sector, g_base = split_key(g_target)
    if g_base is None:
        return False
    if g_base.islower():  # an IGO key
        if s_key:
            return country_level(s_key) == g_base
        from extraction import resources

        return bool(s_name) and resources.igo_key(s_name) == g_base
    if s_key and s_key.startswith("entity:") and system.get("target_role") in STATE_OFFICES:
        # A head of state or minister stands for the state (the holder scheme's rule).
        return system.get("target_country") == g_base and not (strict and g_sector)
    if s_key:
        if s_key.startswith(("entity:", "group:")):
            return _named_armed_group(system, g_sector) and \
                system.get("target_country") == g_base
        s_sector, s_base = split_key(s_key)
        if s_base != g_base:
            return False
        return not strict or s_sector == g_sector
    return system.get("target_country") == g_base and bool(s_name) and \
        _is_state_name(s_name, g_base)


def polarity_matches(gold: str, system: str | None) -> bool:
    return system == gold or system == "mixed"


def stance_matches(gold: dict[str, Any], system: dict[str, Any], *, strict: bool = False,
                   polarity: bool = True) -> bool:
    """Whether one system stance (``Stance.to_dict()``) matches one gold stance.

    Args:
        gold: a gold stance (``holder``, ``target``, ``target_name``, ``polarity``).
        system: a system stance dict (``holder``, ``target``, ``target_country``,
            ``polarity``, optionally ``target_key`` and ``target_role``, the role of the
            entity it names, which ``score_article`` adds).
        strict: keep sectors (``military:VEN`` is not ``VEN``).
        polarity: require the polarity to agree (False gives the "pair" figure).
    """
    return (holder_matches(gold["holder"], system.get("holder"), strict=strict)
            and target_matches(gold, system, strict=strict)
            and (not polarity or polarity_matches(gold["polarity"], system.get("polarity"))))


def max_matching(n_gold: int, n_system: int,
                 ok: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one pairing of gold and system items (augmenting paths)."""
    edges = [[j for j in range(n_system) if ok(i, j)] for i in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def match_stances(gold: Sequence[dict[str, Any]], system: Sequence[dict[str, Any]], *,
                  strict: bool = False, polarity: bool = True) -> list[tuple[int, int]]:
    """Pairs (gold index, system index) of matched stances, one to one."""
    return max_matching(len(gold), len(system), lambda i, j: stance_matches(
        gold[i], system[j], strict=strict, polarity=polarity))


# ----------------------------------------------------------------------------- events

def overlaps(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def date_right(gold_date: str, system_date: str | None) -> bool:
    return bool(system_date) and str(system_date).startswith(gold_date)


def actor_matches(gold_actor: str | None, system_actor: str | None) -> bool:
    """Country-level actor agreement; a null gold actor matches a null system actor."""
    return country_level(gold_actor) == country_level(system_actor)


def system_actor_key(event: Any, article: Any) -> str | None:
    """The holder-scheme key of a system event's actor (``VEN``, ``un``...), or None."""
    from extraction.events.arguments import holder_key

    entity = article.entity(event.actor) if event.actor else None
    key = holder_key(entity=entity.to_dict() if entity else None, text=event.actor_text,
                     country=event.actor_country)
    if key is None or key.startswith("group:"):
        return event.actor_country
    return key


# ----------------------------------------------------------------------------- data

@dataclass
class GoldArticle:
    slug: str
    data: dict[str, Any]
    text: str = ""
    title: str = ""
    folder: Path | None = None


@dataclass
class Score:
    tp: int = 0
    n_gold: int = 0
    n_system: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.n_gold += other.n_gold
        self.n_system += other.n_system

    @property
    def precision(self) -> float:
        return self.tp / self.n_system if self.n_system else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self) -> str:
        return f"P {self.precision:.2f} R {self.recall:.2f} F1 {self.f1:.2f}"


@dataclass
class Counts:
    stance: Score = field(default_factory=Score)
    strict: Score = field(default_factory=Score)
    pair: Score = field(default_factory=Score)
    explicit_found: int = 0
    explicit_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    dates_no_event: int = 0
    ev_precise: int = 0
    ev_system: int = 0
    ev_precise_ni: int = 0
    ev_system_ni: int = 0
    ev_found: int = 0
    ev_gold: int = 0

    def add(self, other: Counts) -> None:
        self.stance.add(other.stance)
        self.strict.add(other.strict)
        self.pair.add(other.pair)
        for name in ("explicit_found", "explicit_total", "dates_right", "dates_total",
                     "dates_no_event", "ev_precise", "ev_system", "ev_precise_ni",
                     "ev_system_ni", "ev_found", "ev_gold"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def data_dir(given: str | None) -> Path | None:
    path = Path(given or os.environ.get("NEWSLENS_BENCHMARKS") or
                ROOT.parent / "shared" / "benchmarks")
    return path if (path / SOURCE_DIR).is_dir() else None


def load_gold(gold_dir: Path = GOLD_DIR) -> list[GoldArticle]:
    return [GoldArticle(p.stem, json.loads(p.read_text(encoding="utf-8")), folder=p.parent)
            for p in sorted(gold_dir.glob("*.json"))]


def gum_text(raw: str) -> tuple[str, str]:
    """A GUM news text file as (title, analysed text): the first line is the title; the
    text is the rest without the blank lines that follow the title (it starts at the
    dateline)."""
    title, _, rest = raw.partition("\n")
    return title, rest.lstrip("\n")


def attach_gum_text(art: GoldArticle, bench: Path, dates: dict[str, str]) -> None:
    """Read a gold article's text and title from its GUM news file; check hash and date."""
    doc = art.data["source_gum"]
    raw = (bench / GUM_DIR / "text" / f"{doc}.txt").read_text(encoding="utf-8")
    title, text = gum_text(raw)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != art.data["text_sha256"]:
        sys.exit(f"{art.slug}: the text of {doc} does not match the gold's text_sha256; the "
                 "gold was made on another copy of the data")
    if dates.get(doc) != art.data["date"]:
        sys.exit(f"{art.slug}: the gold date {art.data['date']} is not the dateCreated of "
                 f"{doc} in {GUM_DIR / 'index.jsonl'} ({dates.get(doc)})")
    art.text, art.title = text, title


def gum_dates(bench: Path) -> dict[str, str]:
    """``dateCreated`` of every GUM news document, by document id."""
    index = bench / GUM_DIR / "index.jsonl"
    return {item["doc_id"]: item["dateCreated"]
            for line in index.read_text(encoding="utf-8").splitlines() if line.strip()
            for item in [json.loads(line)]}


def tml_text(path: Path) -> tuple[str, str]:
    """A TimeML file's (DCT as YYYY-MM-DD, plain text), read by ``tempeval3.read_tml``."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    from tempeval3 import read_tml

    dct, text, _ = read_tml(path)
    return dct, text


def attach_tml_text(art: GoldArticle, bench: Path) -> None:
    """Read a gold article's text from its TimeML file; check hash and date (the DCT)."""
    doc = art.data["source_tml"]
    dct, text = tml_text(bench / doc)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != art.data["text_sha256"]:
        sys.exit(f"{art.slug}: the text of {doc} does not match the gold's text_sha256; the "
                 "gold was made on another copy of the data")
    if dct != art.data["date"]:
        sys.exit(f"{art.slug}: the gold date {art.data['date']} is not the DCT of {doc} "
                 f"({dct})")
    art.text, art.title = text, ""


def attach_own_text(art: GoldArticle) -> None:
    """Read a gold article of our own from the text file beside its gold; check the hash."""
    path = (art.folder or GOLD_DIR) / art.data["source_own"]
    text = path.read_text(encoding="utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != art.data["text_sha256"]:
        sys.exit(f"{art.slug}: {path.name} does not match the gold's text_sha256; the text "
                 "was changed after it was annotated")
    art.text, art.title = text, art.data.get("title", "")


def needs_shared_data(articles: Iterable[GoldArticle]) -> bool:
    """Whether any gold article's text lives in the shared benchmark folder."""
    return any("source_own" not in art.data for art in articles)


def attach_texts(articles: Iterable[GoldArticle], bench: Path | None) -> None:
    """Read each gold article's text and title from its CSV row (or GUM news, TimeML or
    own text file) and check the hash."""
    rows: dict[str, list[dict[str, str]]] = {}
    dates: dict[str, str] | None = None
    for art in articles:
        if "source_own" in art.data:
            attach_own_text(art)
            continue
        if bench is None:
            sys.exit(f"{art.slug}: its text is in the shared benchmark folder, which was not found")
        if "source_gum" in art.data:
            if dates is None:
                dates = gum_dates(bench)
            attach_gum_text(art, bench, dates)
            continue
        if "source_tml" in art.data:
            attach_tml_text(art, bench)
            continue
        name = art.data["source_csv"]
        if name not in rows:
            with open(bench / SOURCE_DIR / name, encoding="utf-8", newline="") as fh:
                rows[name] = list(csv.DictReader(fh))
        row = rows[name][art.data["row"]]
        digest = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
        if digest != art.data["text_sha256"]:
            sys.exit(f"{art.slug}: the text of {name} row {art.data['row']} does not match "
                     "the gold's text_sha256; the gold was made on another copy of the data")
        art.text, art.title = row["text"], row["title"]


def offset_map(source: str, target: str) -> Callable[[int], int]:
    """A function carrying character offsets in ``source`` over to ``target``."""
    if source == target:
        return lambda i: i
    blocks = difflib.SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()

    def carry(i: int) -> int:
        for a, b, size in blocks:
            if i < a + size:
                return b + (i - a) if i >= a else b
        return len(target)

    return carry


# ----------------------------------------------------------------------------- scoring

def sentence_of(text: str, start: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [p for p in (text.find(". ", start), text.find("\n", start)) if p >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left + 1:right].split())


def score_article(art: GoldArticle, article: Any, *, errors: bool = False) -> Counts:
    """Score one analysed article against its gold; print errors when asked."""
    counts = Counts()
    carry = offset_map(art.text, article.text)
    gold_st = art.data["stances"]
    roles = {e.canonical: e.role for e in article.entities}
    acronyms = {e.canonical: sorted({m.text for m in e.mentions if _is_acronym(m.text)})
                for e in article.entities}
    sys_st = [dict(s.to_dict(), target_role=roles.get(s.target),
                   target_acronyms=acronyms.get(s.target, [])) for s in article.stances]

    matched = match_stances(gold_st, sys_st)
    counts.stance = Score(len(matched), len(gold_st), len(sys_st))
    counts.strict = Score(len(match_stances(gold_st, sys_st, strict=True)), len(gold_st),
                          len(sys_st))
    counts.pair = Score(len(match_stances(gold_st, sys_st, polarity=False)), len(gold_st),
                        len(sys_st))
    found = {i for i, _ in matched}
    counts.explicit_total = sum(1 for g in gold_st if g.get("explicit"))
    counts.explicit_found = sum(1 for i, g in enumerate(gold_st) if g.get("explicit") and
                                i in found)

    gold_ev = art.data["events"]
    triggers = [(carry(e["trigger"][0]), carry(e["trigger"][1])) for e in gold_ev]
    sys_ev = [(ev, (ev.trigger.start_char, ev.trigger.end_char), system_actor_key(ev, article))
              for ev in article.events]
    wrong_dates = []
    for g, trig in zip(gold_ev, triggers, strict=True):
        if not g.get("date"):
            continue
        counts.dates_total += 1
        near = [ev for ev, span, _ in sys_ev if overlaps(span, trig)]
        if not near:
            counts.dates_no_event += 1
            wrong_dates.append((g, trig, None))
        elif any(date_right(g["date"], ev.date) for ev in near):
            counts.dates_right += 1
        else:
            wrong_dates.append((g, trig, [ev.date for ev in near]))
    for ev, span, key in sys_ev:
        hit = any(overlaps(span, trig) and actor_matches(g["actor"], key)
                  for g, trig in zip(gold_ev, triggers, strict=True))
        counts.ev_system += 1
        counts.ev_precise += hit
        if ev.type != "INCIDENT":
            counts.ev_system_ni += 1
            counts.ev_precise_ni += hit
    missed_events = []
    for g, trig in zip(gold_ev, triggers, strict=True):
        counts.ev_gold += 1
        if any(overlaps(span, trig) and actor_matches(g["actor"], key)
               for _, span, key in sys_ev):
            counts.ev_found += 1
        else:
            missed_events.append((g, trig))

    if errors:
        print_errors(art, article, carry, gold_st, sys_st, found, {j for _, j in matched},
                     wrong_dates, missed_events, sys_ev)
    return counts


def print_errors(art: GoldArticle, article: Any, carry: Callable[[int], int],
                 gold_st: list[dict[str, Any]], sys_st: list[dict[str, Any]], found: set[int],
                 used: set[int], wrong_dates: list[Any], missed_events: list[Any],
                 sys_ev: list[Any]) -> None:
    text = article.text
    events = {ev.id: ev for ev in article.events}
    for i, g in enumerate(gold_st):
        if i in found:
            continue
        name = f" ({g['target_name']})" if g.get("target_name") else ""
        print(f"  MISSED   {g['holder']} -> {g['target']}{name} {g['polarity']}"
              f"{'' if g.get('explicit') else ' [implicit]'}")
        for a, b in g["evidence"]:
            print(f"           | {' '.join(text[carry(a):carry(b)].split())}")
    for j, s in enumerate(sys_st):
        if j in used:
            continue
        print(f"  SPURIOUS {s['holder']} -> {s['target']} [{s.get('target_key')}, "
              f"{s.get('target_country')}] {s['polarity']} {s.get('score', 0):+.2f}")
        for eid in s.get("evidence", ())[:3]:
            ev = events.get(eid)
            if ev is not None:
                print(f"           | {ev.type} '{ev.trigger.text}': "
                      f"{sentence_of(text, ev.trigger.start_char)}")
    for g, trig, got in wrong_dates:
        print(f"  DATE     '{text[trig[0]:trig[1]]}' gold {g['date']} system "
              f"{'no event' if got is None else got}: {sentence_of(text, trig[0])}")
    for g, trig in missed_events:
        actors = sorted({str(key) for _, span, key in sys_ev if overlaps(span, trig)})
        seen = f"system actor {', '.join(actors)}" if actors else "no system event"
        print(f"  EVENT    '{text[trig[0]:trig[1]]}' gold actor {g['actor']} ({seen})")


def report_line(label: str, c: Counts) -> str:
    ev_p = c.ev_precise / c.ev_system if c.ev_system else 0.0
    ev_r = c.ev_found / c.ev_gold if c.ev_gold else 0.0
    return (f"{label:<42} stance {c.stance.prf()} | strict F1 {c.strict.f1:.2f} | pair F1 "
            f"{c.pair.f1:.2f} | dates {c.dates_right}/{c.dates_total} | events P {ev_p:.2f} "
            f"R {ev_r:.2f}")


def run(gold: Sequence[GoldArticle], nlp: Any, *, errors: bool = False,
        quiet: bool = False) -> Counts:
    """Analyse every gold article with ``nlp`` and add up the counts (printing per article
    unless quiet)."""
    from extraction import analyze

    total = Counts()
    for art in gold:
        article = analyze(art.text, published=art.data["date"], title=art.title, nlp=nlp)
        if article.text != art.text and not quiet:
            print(f"  warning: {art.slug}: Article.text differs from the CSV text; gold "
                  "offsets are carried over by alignment")
        counts = score_article(art, article, errors=errors and not quiet)
        total.add(counts)
        if not quiet:
            print(report_line(art.slug, counts))
            if errors:
                print()
    return total


def figures(total: Counts) -> dict[str, float]:
    """The headline figures of a run, by name."""
    return {
        "stance F1": total.stance.f1,
        "stance P": total.stance.precision,
        "stance R": total.stance.recall,
        "stance strict F1": total.strict.f1,
        "pair F1": total.pair.f1,
        "event dates": total.dates_right / total.dates_total if total.dates_total else 0.0,
        "events P": total.ev_precise / total.ev_system if total.ev_system else 0.0,
        "events R": total.ev_found / total.ev_gold if total.ev_gold else 0.0,
    }


def score(nlp: Any, data: str | None = None, gold_dir: Path = GOLD_DIR) -> dict[str, float]:
    """Score a pipeline on the development gold (for benchmarks/ablation.py); in-sample.

    ``gold_dir`` picks another folder of gold files (default ``benchmarks/devgold``).
    Returns an empty dict when the benchmark folder is absent.
    """
    bench = data_dir(data)
    gold = load_gold(gold_dir)
    if bench is None and needs_shared_data(gold):
        return {}
    attach_texts(gold, bench)
    return figures(run(gold, nlp, quiet=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared benchmarks folder")
    parser.add_argument("--errors", action="store_true",
                        help="print missed and spurious stances, wrong dates, missed events")
    parser.add_argument("--only", help="score only gold files whose name contains this")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR,
                        help="the folder of gold JSON files (default benchmarks/devgold)")
    args = parser.parse_args(argv)
    gold_dir = args.gold
    if not gold_dir.is_dir():
        sys.exit(f"gold folder not found: {gold_dir}")
    in_sample = gold_dir.resolve() == GOLD_DIR.resolve()
    label = "in-sample" if in_sample else f"gold {gold_dir}"

    bench = data_dir(args.data)
    gold = [g for g in load_gold(gold_dir) if not args.only or args.only in g.slug]
    if not gold:
        sys.exit(f"no gold files in {gold_dir}")
    if bench is None and needs_shared_data(gold):
        print("benchmark data not found: pass --data or set NEWSLENS_BENCHMARKS to the shared "
              "benchmarks folder (with wikinews/source_csv/); nothing scored")
        return 0
    attach_texts(gold, bench)

    from extraction.pipeline import build_pipeline

    if in_sample:
        print("In-sample figures: development gold that rules may be tuned on (not a test).")
    else:
        print(f"Figures on {gold_dir}: check generalisation only, do not tune rules on it.")
    nlp = build_pipeline()
    started = time.perf_counter()
    total = run(gold, nlp, errors=args.errors)
    elapsed = time.perf_counter() - started

    ev_p = total.ev_precise / total.ev_system if total.ev_system else 0.0
    ev_p_ni = total.ev_precise_ni / total.ev_system_ni if total.ev_system_ni else 0.0
    ev_r = total.ev_found / total.ev_gold if total.ev_gold else 0.0
    print()
    print(f"TOTAL over {len(gold)} articles ({elapsed:.1f} s), {label}")
    print(f"  stances, country level  {total.stance.prf()}  "
          f"(gold {total.stance.n_gold}, system {total.stance.n_system}, "
          f"matched {total.stance.tp})")
    print(f"  stances, strict sectors {total.strict.prf()}  (matched {total.strict.tp})")
    print(f"  pairs, any polarity     {total.pair.prf()}  (matched {total.pair.tp})")
    print(f"  explicit gold stances found {total.explicit_found}/{total.explicit_total}")
    print(f"  event dates right {total.dates_right}/{total.dates_total}"
          f" ({total.dates_no_event} with no overlapping system event)")
    print(f"  events P {ev_p:.2f} ({total.ev_precise}/{total.ev_system}); without INCIDENT "
          f"P {ev_p_ni:.2f} ({total.ev_precise_ni}/{total.ev_system_ni}); "
          f"R {ev_r:.2f} ({total.ev_found}/{total.ev_gold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
