"""CoNLL corpora whose ``person`` label marks mentions, not names (GUM, re3d, SEC filings):
"you", "he", "the only candidate", "Foreign Secretary Boris Johnson", "Borrower".

A person span counts as PERSON only when, titles and roles before it set aside, it is a
name: capitalised tokens (and ".", "-", "de", "al" ...) only, not a pronoun, not the
sentence's first word on its own ("Writers ...", "Referee ..."). Any other person span,
and the titles, are OTHER: still outside the ordinary words, but not scored as names. Other labels go through `sentence.label_type`.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from tests.evaluation.public.conll import blocks
from tests.evaluation.public.sentence import Sentence, bio_spans, build, label_type

NOT_NAMES = {
    # pronouns and people in general
    "i", "you", "we", "he", "she", "they", "it", "me", "us", "him", "her", "them", "my",
    "his", "people", "everyone", "someone", "anyone", "the",
    # titles and roles (re3d, SEC filings)
    "mr", "mrs", "ms", "dr", "sir", "lt", "gen", "col", "maj", "capt", "sgt", "adm",
    "general", "colonel", "president", "prime", "minister", "secretary", "foreign",
    "office", "fco", "senator", "professor", "king", "queen", "sheikh", "director",
    "borrower", "lender", "ambassador", "spokesman", "commander", "chief", "of", "state",
    # more titles (GMB's person spans carry them: "Chancellor Merkel", "Pope Benedict")
    "vice", "chancellor", "pope", "premier", "governor", "ayatollah", "prince", "crown",
    "mayor", "admiral", "rep", "spokesperson", "advisor", "adviser", "special", "envoy", "un",
    "high", "representative", "brig", "spc", "petty", "officer",
}


def _word(token: str) -> str:
    return token.lower().rstrip(".")


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and _word(token) not in NOT_NAMES


CONNECTORS = {".", "-", "'", "de", "del", "da", "di", "van", "von", "al", "bin", "el", "la",
              "le", "du"}


def name_part(tokens: Sequence[str], a: int, b: int, names_only: bool = False
              ) -> Optional[Tuple[int, int]]:
    """(start, end) of the name a person mention is, titles before it set aside; None when
    the mention is not a name ("you", "the only candidate", "curator of ... Alia Salem").
    ``names_only``: the corpus labels names, not mentions, so a lone first word is one."""
    while a < b and (_word(tokens[a]) in NOT_NAMES or tokens[a] in CONNECTORS):
        a += 1
    if a == b or not all(_capitalised(t) or t in CONNECTORS for t in tokens[a:b]):
        return None
    if a == 0 and b == 1 and not names_only:  # a lone first word: "Writers", "Referee"
        return None
    return a, b


def spans_of(tokens: Sequence[str], tags: Sequence[str], names_only: bool = False
             ) -> List[Tuple[int, int, str]]:
    out: List[Tuple[int, int, str]] = []
    for a, b, label in bio_spans(tags):
        name = name_part(tokens, a, b, names_only) if label_type(label) == "PERSON" else None
        if label_type(label) != "PERSON":
            out.append((a, b, label_type(label)))
        elif name is None:
            out.append((a, b, "OTHER"))
        else:
            if name[0] > a:
                out.append((a, name[0], "OTHER"))
            out.append((name[0], name[1], "PERSON"))
    return out


def read(path: Path, corpus: str) -> List[Sentence]:
    out = []
    for i, (tokens, tags) in enumerate(blocks(Path(path).read_text(encoding="utf-8"))):
        kept = [(t, g) for t, g in zip(tokens, tags) if t.strip()]
        toks = [t for t, _ in kept]
        text, entities = build(toks, spans_of(toks, [g for _, g in kept]))
        out.append(Sentence(corpus, Path(path).name, i, text, entities))
    return out
