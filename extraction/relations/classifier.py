"""The learned directed-stance classifier: how entity ``p`` feels about entity ``q``.

One sentence and two entity mentions in it go in; five probabilities come out, for
``LABELS`` (the index of a label is its number in the directed-sentiment data the model is
trained on). The model is a spaCy ``textcat`` (``spacy.TextCatBOW.v3``: hashed unigrams
and bigrams, a linear layer, softmax) shipped in ``extraction/resources/stance_model/``
and trained by ``training/train_stance.py``.

The input is a plain string of space-separated tokens built by ``model_input`` from a Doc
parsed by ``en_core_web_sm``: the sentence in lower case with ``p`` and ``q`` each
replaced by one marker token, then ``FEATURE_SEP`` and features of the pair: the words
between the two entities, and the dependency path between them (its edge labels, the
word where the two branches meet, the words on it, negation and passive voice on it, the
word and relation each entity hangs from), the signs of the words of a stance lexicon
on that path, between the entities and above them, and features of the two mentions (the
tag of each one's head word, its length, a determiner before it, a possessive after it).
The lexicon (lemma -> sign and type, taken from the event lexicon when the model is
trained) ships with the model as
``lexicon.json``, so a model always reads the words it was trained with. Training builds
its inputs with this same function, so run-time features are the ones the model learned
from.

Public API:

- ``LABELS``: ``("none", "p_pos_q", "q_pos_p", "p_neg_q", "q_neg_p")``.
- ``model_input(doc, sent, p, q, lexicon=None) -> str``: ``p`` and ``q`` are
  ``[start, end)`` token ranges into ``doc`` inside ``sent``, in either order; ``lexicon``
  is the model's own (``StanceClassifier.lexicon``).
- ``load_classifier(path=None) -> StanceClassifier``: cached per process.
- ``StanceClassifier.predict(inputs) -> list[dict[str, float]]`` and
  ``StanceClassifier.decide(probs) -> str``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

LABELS: tuple[str, ...] = ("none", "p_pos_q", "q_pos_p", "p_neg_q", "q_neg_p")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "resources" / "stance_model"
DECISION_FILE = "decision.json"
LEXICON_FILE = "lexicon.json"

P_MARK = "xxp"
Q_MARK = "xxq"
FEATURE_SEP = "xxf"
NUMBER = "xxnum"
# The training data names the entities in text order (p first). A pair given the other way
# round is classified in text order and its directions swapped back: the input then starts
# with this token, which the model never sees.
REVERSED = "xxreversed"
# Swapping p and q swaps the direction of every non-neutral label.
SWAPPED_INDEX: tuple[int, ...] = (0, 2, 1, 4, 3)

_NEGATIONS = frozenset({"not", "n't", "n’t", "never", "no", "nor", "without", "neither"})
_PASSIVE = frozenset({"nsubjpass", "auxpass", "agent"})


def _word(token: Token) -> str:
    text = token.text.lower().replace(" ", "_")
    if token.like_num and any(ch.isdigit() for ch in text):
        return NUMBER
    return text


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower().replace(" ", "_")


def _root(doc: Doc, span: tuple[int, int]) -> Token:
    return Span(doc, span[0], span[1]).root


def _chain(token: Token, limit: int) -> list[Token]:
    """The token and its heads up to the root of its sentence (at most ``limit`` steps)."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) <= limit:
        chain.append(chain[-1].head)
    return chain


def _is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ in _NEGATIONS for child in token.children
               if child.dep_ in ("neg", "advmod", "det", "preconj"))


def lexicon_features(doc: Doc, p: tuple[int, int], q: tuple[int, int],
                     inner: Sequence[Token], lexicon: Mapping[str, Sequence[str]]) -> list[str]:
    """Features from a stance lexicon (lemma -> (sign, type)) for the words of the pair.

    A word of the lexicon on the dependency path gives its sign ("pos", "neg"), its type and,
    when negated, ``lxneg``; one between the entities its sign; the word each entity hangs
    from its sign with the entity's relation to it. They let the model carry what it learned
    about some words of a kind to the others the lexicon lists.
    """
    feats: list[str] = []
    for tok in inner:
        entry = lexicon.get(_lemma(tok))
        if entry:
            feats += [f"f:lx_{entry[0]}", f"f:lx_{entry[1]}"]
            if _is_negated(tok):
                feats.append(f"f:lxneg_{entry[0]}")
    for tok in doc[p[1]:q[0]]:
        entry = lexicon.get(_lemma(tok))
        if entry:
            feats.append(f"f:blx_{entry[0]}")
    for side, span in (("p", p), ("q", q)):
        root = _root(doc, span)
        entry = lexicon.get(_lemma(root.head))
        if entry:
            feats.append(f"f:{side}lx_{root.dep_}_{entry[0]}")
    return feats


def path_features(doc: Doc, sent: Span, p: tuple[int, int], q: tuple[int, int],
                  lexicon: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Features of the dependency path between the syntactic heads of ``p`` and ``q``.

    Args:
        doc: the parsed Doc.
        sent: the sentence holding both entities.
        p: the token range of entity p.
        q: the token range of entity q.
        lexicon: the model's stance lexicon (``StanceClassifier.lexicon``); None or empty
            for a model trained without one.

    Returns:
        Feature strings, each prefixed ``f:``.
    """
    p_root, q_root = _root(doc, p), _root(doc, q)
    feats = [
        f"f:pdep_{p_root.dep_}", f"f:qdep_{q_root.dep_}",
        f"f:phead_{_lemma(p_root.head)}", f"f:qhead_{_lemma(q_root.head)}",
        f"f:phd_{p_root.dep_}_{_lemma(p_root.head)}", f"f:qhd_{q_root.dep_}_{_lemma(q_root.head)}",
    ]
    limit = len(sent)
    p_chain, q_chain = _chain(p_root, limit), _chain(q_root, limit)
    q_index = {tok.i: n for n, tok in enumerate(q_chain)}
    meet = next(((n, q_index[tok.i]) for n, tok in enumerate(p_chain) if tok.i in q_index), None)
    if meet is None:
        feats.append("f:nopath")
        if lexicon:
            feats += lexicon_features(doc, p, q, (), lexicon)
        return feats
    up, down = p_chain[:meet[0]], q_chain[:meet[1]]
    top = p_chain[meet[0]]
    up_deps = "^".join(tok.dep_ for tok in up) or "self"
    down_deps = "v".join(tok.dep_ for tok in down) or "self"
    top_lemma = _lemma(top)
    feats += [
        f"f:path_{up_deps}_{down_deps}",
        f"f:lpath_{up_deps}_{top_lemma}_{down_deps}",
        f"f:top_{top_lemma}", f"f:toppos_{top.pos_}",
        f"f:len_{min(len(up) + len(down), 6)}",
    ]
    if not up:
        feats.append("f:p_governs_q")
    if not down:
        feats.append("f:q_governs_p")
    inner = [tok for tok in (*up[1:], top, *down[1:]) if tok.i != p_root.i and tok.i != q_root.i]
    for tok in inner:
        feats.append(f"f:on_{_lemma(tok)}")
        if _is_negated(tok):
            feats += ["f:neg", f"f:neg_{_lemma(tok)}"]
        if tok.dep_ in _PASSIVE or any(child.dep_ in _PASSIVE for child in tok.children):
            feats.append(f"f:passive_{_lemma(tok)}")
    if lexicon:
        feats += lexicon_features(doc, p, q, inner, lexicon)
    return feats


def entity_features(doc: Doc, p: tuple[int, int], q: tuple[int, int]) -> list[str]:
    """Features of the two mentions themselves: the tag of each one's head word (a demonym
    adjective, ``JJ``, seldom holds a stance; a plural, ``NNPS``, often does), its length in
    tokens (up to 3), a determiner just before it and a possessive ``'s`` just after it."""
    feats: list[str] = []
    for side, (start, end) in (("p", p), ("q", q)):
        feats += [f"f:{side}tag_{_root(doc, (start, end)).tag_}",
                  f"f:{side}len_{min(end - start, 3)}"]
        if start > 0 and doc[start - 1].tag_ == "DT":
            feats.append(f"f:{side}det")
        if end < len(doc) and doc[end].tag_ == "POS":
            feats.append(f"f:{side}poss")
    return feats


def _text_order_input(doc: Doc, sent: Span, p: tuple[int, int], q: tuple[int, int],
                      lexicon: Mapping[str, Sequence[str]] | None) -> str:
    words: list[str] = []
    for token in sent:
        i = token.i
        if p[0] <= i < p[1]:
            if i == p[0]:
                words.append(P_MARK)
        elif q[0] <= i < q[1]:
            if i == q[0]:
                words.append(Q_MARK)
        elif not token.is_space:
            words.append(_word(token))
    lo, hi = p[1], q[0]
    gap = max(hi - lo, 0)
    feats = [FEATURE_SEP, "f:pfirst", f"f:gap_{gap if gap < 5 else (5 if gap < 10 else 10)}"]
    feats += [f"b:{_word(tok)}" for tok in doc[lo:hi] if not tok.is_space]
    feats += path_features(doc, sent, p, q, lexicon)
    feats += entity_features(doc, p, q)
    return " ".join(words + feats)


def model_input(doc: Doc, sent: Span, p: tuple[int, int], q: tuple[int, int],
                lexicon: Mapping[str, Sequence[str]] | None = None) -> str:
    """Build the classifier's input for entities ``p`` and ``q`` in sentence ``sent``.

    Args:
        doc: a Doc parsed by ``en_core_web_sm`` (tags, lemmas and dependencies set).
        sent: the sentence of ``doc`` that holds both entities.
        p: the ``[start, end)`` token range of entity p in ``doc``.
        q: the ``[start, end)`` token range of entity q in ``doc``; it should not overlap
            ``p``. Either entity may come first.
        lexicon: the stance lexicon of the model the input is for
            (``StanceClassifier.lexicon``); a model's inputs must be built with the
            lexicon it was trained with.

    Returns:
        The input string for ``StanceClassifier.predict``.
    """
    if q[0] < p[0]:
        return f"{REVERSED} {_text_order_input(doc, sent, q, p, lexicon)}"
    return _text_order_input(doc, sent, p, q, lexicon)


class _Hashes:
    """Just enough of a Doc for spaCy's n-gram extractor: the ORTH ids of its tokens.

    Building real Docs would add every feature string to the vocabulary, which would
    grow for as long as the process runs; the ids are the same either way.
    """

    __slots__ = ("orths",)

    def __init__(self, text: str) -> None:
        self.orths = numpy.fromiter((get_string_id(word) for word in text.split(" ")),
                                    dtype="uint64")

    def __len__(self) -> int:
        return len(self.orths)

    def to_array(self, attrs: object) -> numpy.ndarray:
        return self.orths


class StanceClassifier:
    """A loaded stance model with its decision rule.

    The decision rule adds a correction ``bias`` (one number per label, chosen on the
    validation data; zeros keep the model's own argmax) to the model's log-probabilities;
    ``predict`` returns the corrected, renormalised probabilities and ``decide`` takes the
    most probable label.
    """

    def __init__(self, nlp: Language, bias: Sequence[float] | None = None,
                 *, batch_size: int = 512,
                 lexicon: Mapping[str, Sequence[str]] | None = None) -> None:
        self.nlp = nlp
        #: The stance lexicon the model was trained with (lemma -> (sign, type)), to pass
        #: to ``model_input``; empty for a model trained without one.
        self.lexicon: dict[str, tuple[str, ...]] = {
            lemma: tuple(entry) for lemma, entry in (lexicon or {}).items()}
        self.textcat = nlp.get_pipe("textcat")
        self._order = numpy.asarray([self.textcat.labels.index(label) for label in LABELS])
        self.bias = numpy.asarray(bias if bias is not None else [0.0] * len(LABELS), dtype="f")
        self.batch_size = batch_size
        names = {node.name for node in self.textcat.model.walk()}
        # The shortcut feeds token ids straight to a bag-of-n-grams model; anything else
        # (a model that embeds tokens, say) gets real Docs.
        self._hashes_only = "extract_ngrams" in names and not any(
            "embed" in name or "extract_features" in name for name in names)

    def _item(self, item: str | Doc) -> Doc | _Hashes:
        if not isinstance(item, str):
            return item
        text = item or FEATURE_SEP
        if self._hashes_only:
            return _Hashes(text)
        # Only for models that need real Docs: their strings stay in this vocabulary.
        return Doc(self.nlp.vocab, words=text.split(" "))

    def raw_scores(self, inputs: Sequence[str | Doc]) -> numpy.ndarray:
        """The model's probabilities, ``len(inputs) x len(LABELS)``, before the decision rule.

        An input for a pair given against text order (see ``model_input``) is classified in
        text order and its label directions swapped back.
        """
        prefix = REVERSED + " "
        flipped = [n for n, item in enumerate(inputs)
                   if isinstance(item, str) and item.startswith(prefix)]
        items = [item[len(prefix):] if isinstance(item, str) and item.startswith(prefix)
                 else item for item in inputs]
        scores = numpy.zeros((len(items), len(LABELS)), dtype="f")
        for start in range(0, len(items), self.batch_size):
            chunk = [self._item(item) for item in items[start:start + self.batch_size]]
            predicted = self.textcat.model.ops.to_numpy(self.textcat.model.predict(chunk))
            scores[start:start + len(chunk)] = predicted[:, self._order]
        if flipped:
            scores[flipped] = scores[flipped][:, SWAPPED_INDEX]
        return scores

    def calibrate(self, scores: numpy.ndarray) -> numpy.ndarray:
        """Apply the decision rule's correction to rows of probabilities."""
        logits = numpy.log(numpy.clip(scores, 1e-9, 1.0)) + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = numpy.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, inputs: Sequence[str | Doc]) -> list[dict[str, float]]:
        """Label probabilities for each input, after the decision rule's correction.

        Args:
            inputs: strings from ``model_input`` (or Docs of their tokens, in any vocab).

        Returns:
            One dict per input mapping every label in ``LABELS`` to its probability.
        """
        if not len(inputs):
            return []
        probs = self.calibrate(self.raw_scores(inputs))
        return [dict(zip(LABELS, map(float, row), strict=True)) for row in probs]

    def to_disk(self, path: str | Path) -> None:
        """Save the model and its decision rule where ``load_classifier`` reads them."""
        folder = Path(path)
        self.nlp.to_disk(folder)
        decision = {"bias": {label: float(b) for label, b in zip(LABELS, self.bias,
                                                                 strict=True)}}
        (folder / DECISION_FILE).write_text(json.dumps(decision, indent=1) + "\n",
                                            encoding="utf-8")
        if self.lexicon:
            (folder / LEXICON_FILE).write_text(
                json.dumps({k: list(v) for k, v in sorted(self.lexicon.items())}, indent=0)
                + "\n", encoding="utf-8")

    def decide(self, probs: dict[str, float]) -> str:
        """The label the decision rule chooses for one dict from ``predict``."""
        return max(LABELS, key=lambda label: probs.get(label, 0.0))


_cache: dict[Path, StanceClassifier] = {}
_cache_lock = threading.Lock()


def load_classifier(path: str | Path | None = None) -> StanceClassifier:
    """Load the stance model (once per process and path).

    Args:
        path: a directory written by ``training/train_stance.py``; the model shipped in
            ``extraction/resources/stance_model/`` when None.

    Returns:
        The classifier, with the decision rule from the directory's ``decision.json``.
    """
    folder = Path(path) if path is not None else DEFAULT_PATH
    key = folder.resolve()
    with _cache_lock:
        if key not in _cache:
            nlp = spacy.load(folder)
            decision_path = folder / DECISION_FILE
            bias = None
            if decision_path.is_file():
                decision = json.loads(decision_path.read_text(encoding="utf-8"))
                bias = [float(decision["bias"][label]) for label in LABELS]
            lexicon_path = folder / LEXICON_FILE
            lexicon = (json.loads(lexicon_path.read_text(encoding="utf-8"))
                       if lexicon_path.is_file() else None)
            _cache[key] = StanceClassifier(nlp, bias, lexicon=lexicon)
        return _cache[key]
