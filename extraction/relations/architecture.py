"""The thinc model behind the stance classifier, registered for spaCy configs.

``newslens.StanceClassifier.v1`` is a ``textcat`` model over the strings that
``classifier.model_input`` builds: a sentence with the two entities replaced by marker
tokens, then ``FEATURE_SEP``, then parse features. It joins two parts, as spaCy's
``TextCatEnsemble`` does:

- a bag of hashed n-grams over every token (``spacy.TextCatBOW.v3``);
- a small CNN over the sentence tokens only (before ``FEATURE_SEP``), pooled at the two
  markers (the vectors of p and q in context) and by max over the sentence.

Importing this module registers the architecture, so ``spacy.load`` and ``spacy train``
can build it.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.ml import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    Softmax,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

P_MARK = "xxp"
Q_MARK = "xxq"
FEATURE_SEP = "xxf"


def _positions(doc: Doc, p_hash: int, q_hash: int, sep_hash: int) -> tuple[int, int, int]:
    """Token indices of the p marker, the q marker and the end of the sentence part."""
    orths = doc.to_array(ORTH)
    sep = numpy.flatnonzero(orths == sep_hash)
    end = int(sep[0]) if len(sep) else len(doc)
    end = max(end, 1)
    found_p = numpy.flatnonzero(orths[:end] == p_hash)
    found_q = numpy.flatnonzero(orths[:end] == q_hash)
    return (int(found_p[0]) if len(found_p) else 0,
            int(found_q[0]) if len(found_q) else 0, end)


def _truncate(model: Model, inputs: tuple[list[Doc], list[Ints2d]], is_train: bool):
    docs, features = inputs
    sep_hash = docs[0].vocab.strings.add(FEATURE_SEP) if docs else 0
    ends = []
    for doc in docs:
        orths = doc.to_array(ORTH)
        sep = numpy.flatnonzero(orths == sep_hash)
        ends.append(max(int(sep[0]) if len(sep) else len(doc), 1))
    return [f[:end] for f, end in zip(features, ends, strict=True)], lambda d: inputs


def sentence_features(attrs: list[str]) -> Model[list[Doc], list[Ints2d]]:
    """Hashed attributes of the tokens before ``FEATURE_SEP``."""
    extract = FeatureExtractor(attrs)

    def forward(model: Model, docs: list[Doc], is_train: bool):
        features = extract.predict(docs)
        cut, _ = _truncate(model, (docs, features), is_train)
        return cut, lambda d: []

    return Model("stance_sentence_features", forward)


@registry.architectures("newslens.StanceEncoder.v1")
def build_encoder(width: int, depth: int, window_size: int, rows: list[int],
                  attrs: list[str]) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of the sentence tokens and a stack of maxout window layers."""
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder

    embeddings = [HashEmbed(width, rows[n], column=n, seed=11 + n, dropout=0.0)
                  for n in range(len(attrs))]
    embed = chain(
        sentence_features(attrs),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(attrs), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
    encode = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3,
                                 depth=depth)
    return chain(embed, with_array(encode))


def marker_pool(encoder: Model[list[Doc], list[Floats2d]]) -> Model[list[Doc], Floats2d]:
    """The encoder's vectors at the p and q markers and the max over the sentence."""
    return Model("stance_marker_pool", _pool_forward, layers=[encoder], init=_pool_init,
                 dims={"nO": None})


def _pool_init(model: Model, X: list[Doc] | None = None, Y=None) -> Model:
    encoder = model.layers[0]
    encoder.initialize(X=X)
    width = encoder.get_dim("nO") if encoder.has_dim("nO") else None
    if width is None and X is not None:
        width = encoder.predict(X[:1])[0].shape[1]
    if width is not None:
        model.set_dim("nO", width * 3)
    return model


def _pool_forward(model: Model, docs: list[Doc], is_train: bool):
    encoder = model.layers[0]
    vectors, backprop_encoder = encoder(docs, is_train)
    ops = model.ops
    width = vectors[0].shape[1] if vectors else model.get_dim("nO") // 3
    strings = docs[0].vocab.strings if docs else None
    hashes = (strings[P_MARK], strings[Q_MARK], strings[FEATURE_SEP]) if strings else (0, 0, 0)
    output = ops.alloc2f(len(docs), width * 3)
    where = []
    for n, (doc, vecs) in enumerate(zip(docs, vectors, strict=True)):
        p, q, _ = _positions(doc, *hashes)
        p, q = min(p, len(vecs) - 1), min(q, len(vecs) - 1)
        top = vecs.argmax(axis=0)
        output[n, :width] = vecs[p]
        output[n, width:2 * width] = vecs[q]
        output[n, 2 * width:] = vecs[top, numpy.arange(width)]
        where.append((p, q, top))

    def backprop(d_output: Floats2d) -> list[Doc]:
        d_vectors = []
        for n, vecs in enumerate(vectors):
            p, q, top = where[n]
            d = ops.alloc2f(*vecs.shape)
            d[p] += d_output[n, :width]
            d[q] += d_output[n, width:2 * width]
            d[top, numpy.arange(width)] += d_output[n, 2 * width:]
            d_vectors.append(d)
        return backprop_encoder(d_vectors)

    return output, backprop


@registry.architectures("newslens.StanceClassifier.v1")
def build_stance_classifier(encoder: Model[list[Doc], list[Floats2d]],
                            linear_model: Model[list[Doc], Floats2d], hidden: int,
                            dropout: float, nO: int | None = None
                            ) -> Model[list[Doc], Floats2d]:
    """BOW probabilities and a marker-pooled CNN, joined by a softmax layer."""
    cnn = chain(marker_pool(encoder), Maxout(hidden, nP=3, dropout=dropout, normalize=True))
    model = chain(concatenate(linear_model, cnn), Softmax(nO=nO))
    model.set_ref("output_layer", linear_model.get_ref("output_layer"))
    model.attrs["multi_label"] = False
    if nO is not None:
        model.set_dim("nO", nO)
    return model
