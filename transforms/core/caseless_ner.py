"""Presidio's spaCy engine with one change: in a caseless English text the NER reads a
truecased copy of the doc (:mod:`transforms.core.truecase`).

One pass per component, as before: the pipeline runs without its NER on the text as
given (tokens, tags, lemmas: what every other detector reads), then the NER runs once on
each doc, or on its truecased copy when the doc is speech-style (:func:`speech_style`),
and the copy's entities that stand (:func:`..truecase.trusted`) are set on the original
doc token for token. In a written doc only a shouted line (a headline in capitals) is
truecased so. Other languages, and models whose NER is disabled, run as Presidio
runs them.
"""
from __future__ import annotations

import itertools
from typing import Iterable, Iterator, Sequence

import spacy

from presidio_analyzer.nlp_engine import SpacyNlpEngine
from spacy.tokens import Span

from transforms.core.ner_persons import PLACE_LABELS, person_pieces, trim_edges, written_person
from transforms.core.recognizers.gazetteer_name import is_cased
from transforms.core.recognizers.written_words import foreign_lines
from transforms.core.truecase import (common_tail, label_of, shouted_lines, trimmed,
                                      truecased_doc, trusted)

TRUECASED_LANGUAGES = ("en",)  # the census lists and word frequencies are English


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    items = iter(items)
    while True:
        chunk = list(itertools.islice(items, size))
        if not chunk:
            return
        yield chunk


def speech_style(doc) -> bool:
    """Capitals say nothing (:func:`is_cased` is false) and none were written but at the
    start of a line or sentence or in a word all in capitals: a lowercase transcript or
    shouting. A headline or title-case text keeps its capitals for the NER."""
    if is_cased(doc):
        return False
    for token in doc:
        if token.text[:1].isupper() and not token.text.isupper() and token.i > 0:
            prev = token.doc[token.i - 1]
            if not (prev.is_space or prev.text in (".", "!", "?", ":", ">", "-")):
                return False
    return True


def with_truecased_ner(nlp, docs: Iterable, batch_size: int) -> Iterator:
    """Run ``nlp``'s NER on each doc (processed without it), or on its truecased copy
    when the doc is caseless; yields the docs with their entities, in order."""
    ner = nlp.get_pipe("ner")
    for chunk in _chunks(docs, max(batch_size, 1)):
        plans = [_plan(nlp, doc) for doc in chunk]
        targets = [plan[0] for plan in plans]
        for doc, (_, read, whole, shouted), target in zip(
                chunk, plans, ner.pipe(targets, batch_size=len(targets))):
            doc.ents = list(_entities(doc, read, target, whole, shouted) if read is not None
                            else _written_entities(doc))
            yield doc


def _plan(nlp, doc):
    """(what the NER reads, the doc its casing is judged on or None, whether the whole doc
    is recased, per token whether its line is shouted): a caseless doc is truecased whole;
    in a written doc only the shouted lines are. A shouted line is judged on a copy in
    lower case, tagged again (in capitals every word is a proper noun to the tagger); the
    other detectors keep the original's tags (they find more names with them)."""
    shouted = shouted_lines(doc)
    read = _lowered(nlp, doc, shouted) if any(shouted) else doc
    if speech_style(doc):
        return truecased_doc(read), read, True, shouted
    if any(shouted):
        return truecased_doc(read, only=shouted), read, False, shouted
    return doc, None, False, shouted


def _lowered(nlp, doc, shouted):
    """A copy of the doc, tagged without NER, with its shouted tokens in lower case."""
    from spacy.tokens import Doc

    copy = Doc(doc.vocab, words=[t.text.lower() if loud and len(t.text.lower()) == len(t.text)
                                 else t.text for t, loud in zip(doc, shouted)],
               spaces=[bool(t.whitespace_) for t in doc])
    for name, component in nlp.pipeline:
        if name != "ner":
            copy = component(copy)
    return copy


def _entities(doc, read, target, whole: bool, shouted) -> Iterator[Span]:
    """The truecased copy's entities that stand (judged on ``read``), on the original doc;
    persons trimmed of the function and chat words at their edges and kept as
    :func:`written_person` keeps them, places trimmed alike. In a written doc (not ``whole``) an entity off the
    shouted lines is kept as found; one on a shouted line needs no more evidence (its
    words were written in capitals). An entity across line breaks is then trimmed line by
    line (:func:`_by_line`)."""
    foreign = foreign_lines(doc)
    for e in target.ents:
        loud = any(shouted[i] for i in range(e.start, e.end))
        span = (e.start, e.end)
        if not (whole or loud):
            if e.label_ == "PERSON":
                span = written_person(doc, *span, foreign)
                for piece in person_pieces(doc, *span, foreign) if span else ():
                    yield from _by_line(doc, Span(doc, *piece, label=e.label_))
                continue
            if e.label_ in PLACE_LABELS:
                span = trim_edges(doc, *span, stretch=False)
            if span:
                yield from _by_line(doc, Span(doc, *span, label=e.label_))
            continue
        if e.label_ == "PERSON":
            span = trimmed(read, *span)
            span = span and written_person(doc, *common_tail(read, *span), foreign)
            for piece in person_pieces(doc, *span, foreign, caseless=True) if span else ():
                if loud or trusted(read, *piece, e.label_):
                    yield from _by_line(doc, Span(doc, *piece,
                                                  label=label_of(read, *piece, e.label_)))
            continue
        if e.label_ in PLACE_LABELS:
            span = trim_edges(doc, *span, stretch=False)
        if span and (loud or trusted(read, *span, e.label_)):
            yield from _by_line(doc, Span(doc, *span, label=label_of(read, *span, e.label_)))


def _written_entities(doc) -> Iterator[Span]:
    """The NER's entities on a written doc; persons as :func:`written_person` keeps them,
    places trimmed of the same edge words; across line breaks trimmed line by line."""
    foreign = None
    for e in doc.ents:
        if e.label_ in PLACE_LABELS:
            span = trim_edges(doc, e.start, e.end, stretch=False)
            if span:
                yield from _by_line(doc, e if span == (e.start, e.end)
                                    else Span(doc, *span, label=e.label_))
            continue
        if e.label_ != "PERSON":
            yield e
            continue
        foreign = foreign_lines(doc) if foreign is None else foreign
        span = written_person(doc, e.start, e.end, foreign)
        for piece in person_pieces(doc, *span, foreign) if span else ():
            yield from _by_line(doc, e if piece == (e.start, e.end)
                                else Span(doc, *piece, label=e.label_))


def _by_line(doc, span: Span) -> Iterator[Span]:
    """A person or place that stands, as pieces on one line each, each trimmed of the edge
    words :func:`..ner_persons.trim_edges` takes off (punctuation, function and chat
    words): the NER reads a text as running prose and tags across line breaks
    ("sanbernadino\\nrt cochraneeagle": two tweets), and the trimming above saw "rt" inside
    the span, not opening the second line's piece. Whether it stands was judged on the
    whole (:mod:`..line_spans` cuts the results at the breaks later, trimming nothing)."""
    if not any(doc[i].is_space and "\n" in doc[i].text for i in range(span.start, span.end)):
        yield span
        return
    start = span.start
    for i in range(span.start, span.end + 1):
        if i == span.end or (doc[i].is_space and "\n" in doc[i].text):
            piece = trim_edges(doc, start, i, stretch=span.label_ not in PLACE_LABELS) \
                if start < i else None
            if piece:
                yield Span(doc, *piece, label=span.label_)
            start = i + 1


class CaselessNerEngine(SpacyNlpEngine):
    """:class:`SpacyNlpEngine` whose English NER reads caseless texts truecased.

    ``exclude``: components never loaded (nothing reads them; loading md's parser alone
    costs about 0.4 s per process). The models are checked before (``check_spacy_model``),
    so :meth:`load` never downloads one, unlike Presidio's."""

    def __init__(self, *args, exclude: Sequence[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.exclude = list(exclude)

    def load(self) -> None:
        self.nlp = {model["lang_code"]: spacy.load(model["model_name"], exclude=self.exclude)
                    for model in self.models}

    def _doc_to_nlp_artifact(self, doc, language: str):
        """Presidio's, with the keywords made on first read and looked up in a set
        (:class:`~transforms.core.context_enhancer.LazyKeywordArtifacts`)."""
        from transforms.core.context_enhancer import LazyKeywordArtifacts

        entities, scores = self._get_updated_entities(self._get_entities(doc),
                                                      self._get_scores_for_entities(doc))
        return LazyKeywordArtifacts(
            entities=entities, tokens=doc, tokens_indices=[token.idx for token in doc],
            lemmas=[token.lemma_ for token in doc], nlp_engine=self, language=language,
            scores=scores)

    def _truecases(self, language: str) -> bool:
        return language in TRUECASED_LANGUAGES and "ner" in self.nlp[language].pipe_names

    def process_text(self, text: str, language: str):
        if not self.nlp or not self._truecases(language):
            return super().process_text(text, language)
        return next(iter(self.process_batch([text], language)))[1]

    def process_batch(self, texts, language: str, batch_size: int = 1, n_process: int = 1,
                      as_tuples: bool = False):
        if not self.nlp or not self._truecases(language):
            yield from super().process_batch(texts, language, batch_size, n_process,
                                             as_tuples)
            return
        nlp = self.nlp[language]
        if as_tuples:
            texts, contexts = zip(*texts) if texts else ((), ())
        docs = nlp.pipe((str(text) for text in texts), batch_size=batch_size,
                        n_process=n_process, disable=["ner"])
        out = with_truecased_ner(nlp, docs, batch_size)
        if as_tuples:
            for doc, context in zip(out, contexts):
                yield doc.text, self._doc_to_nlp_artifact(doc, language), context
        else:
            for doc in out:
                yield doc.text, self._doc_to_nlp_artifact(doc, language)
