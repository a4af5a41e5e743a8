"""A labelled sentence rebuilt as text: tokens joined, every entity's character span kept.

Readers give tokens and BIO tags; `from_bio` turns them into a `Sentence` whose
``entities`` point at characters of ``text``. Raw labels are mapped to the types the
evaluation reports (`TYPE_OF`); any other labelled span is ``OTHER`` (still excluded
from the ordinary words, since an annotator marked it as a named thing). A person
labelled on a social-media handle or hashtag (``@jsmith``, ``#Obama``) is ``PERSON_HANDLE``:
a user name is a different problem from a name in prose, so it is reported apart.
"""
from __future__ import annotations

import dataclasses
import re
from typing import List, Optional, Sequence, Tuple

TYPE_OF = {
    "person": "PERSON", "per": "PERSON", "actor": "PERSON", "director": "PERSON",
    "character_name": "PERSON",
    "location": "LOCATION", "geo-loc": "LOCATION", "loc": "LOCATION", "place_name": "LOCATION",
    "corporation": "ORGANIZATION", "group": "ORGANIZATION", "company": "ORGANIZATION",
    "org": "ORGANIZATION", "organisation": "ORGANIZATION", "organization": "ORGANIZATION",
    "email_address": "EMAIL",
}
# No space before these tokens when the text is rebuilt ("hello ," -> "hello,").
_ATTACH_LEFT = re.compile(r"^(?:[.,!?;:%)\]}…]+|'s|'m|'re|'ve|'ll|'d|n't)$", re.IGNORECASE)
_ATTACH_RIGHT = {"(", "[", "{", "$", "@", "#"}
# French elision: no space after "l'", "d'", "qu'", "jusqu'" ... ("l' équipe" -> "l'équipe").
_ELIDED = re.compile(r"^[^\W\d_]{1,8}['’]$")


@dataclasses.dataclass(frozen=True)
class Entity:
    start: int
    end: int
    type: str


@dataclasses.dataclass(frozen=True)
class Sentence:
    corpus: str
    doc: str  # the source file (or document) the sentence comes from
    index: int  # position of the sentence in its doc
    text: str
    entities: Tuple[Entity, ...]


def label_type(raw: str) -> str:
    return TYPE_OF.get(raw.strip().lower(), "OTHER")


def bio_spans(tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    """(first token, end token, raw label) of every entity; a stray I- starts one."""
    spans: List[List] = []
    current: Optional[List] = None
    for i, tag in enumerate(tags):
        tag = tag.strip()
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I") or not label:
            current = None
            continue
        if prefix == "I" and current is not None and current[2] == label:
            current[1] = i + 1
            continue
        current = [i, i + 1, label]
        spans.append(current)
    return [tuple(s) for s in spans]


def build(tokens: Sequence[str], spans: Sequence[Tuple[int, int, str]],
          elision: bool = False, quotes: bool = False, attach_left=_ATTACH_LEFT,
          attach_right=_ATTACH_RIGHT) -> Tuple[str, Tuple[Entity, ...]]:
    """Join tokens as written text; spans (token indices, type) become character spans.
    ``elision`` (French): a token ending in an apostrophe ("l'", "qu'") joins the next.
    ``quotes``: straight double quotes open and close in turn (no space inside them).
    ``attach_left`` (a pattern) / ``attach_right`` (a set): tokens written without a
    space before / after them."""
    parts, starts, ends, pos, opened = [], [], [], 0, False
    for i, tok in enumerate(tokens):
        closing = quotes and tok == '"' and opened
        if i and not (attach_left.match(tok) or closing) and tokens[i - 1] not in attach_right \
                and not (elision and _ELIDED.match(tokens[i - 1])) \
                and not (quotes and tokens[i - 1] == '"' and opened):
            parts.append(" ")
            pos += 1
        if quotes and tok == '"':
            opened = not opened
        starts.append(pos)
        parts.append(tok)
        pos += len(tok)
        ends.append(pos)
    entities = tuple(Entity(starts[a], ends[b - 1], kind) for a, b, kind in spans if b > a)
    return "".join(parts), entities


def from_bio(corpus: str, doc: str, index: int, tokens: Sequence[str],
             tags: Sequence[str]) -> Sentence:
    """A sentence from parallel tokens and BIO tags; empty tokens are dropped."""
    kept = [(t, g) for t, g in zip(tokens, tags) if t.strip()]
    toks = [t for t, _ in kept]
    spans = []
    for a, b, label in bio_spans([g for _, g in kept]):
        kind = label_type(label)
        if kind == "PERSON" and (toks[a][:1] in "@#" or (a and toks[a - 1] in ("@", "#"))):
            kind = "PERSON_HANDLE"
        spans.append((a, b, kind))
    text, entities = build(toks, spans)
    return Sentence(corpus, doc, index, text, entities)
