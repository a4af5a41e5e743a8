"""CoNLL corpora whose ``person`` label marks mentions, not names (GUM, re3d, SEC filings):
"you", "he", "the only candidate", "Foreign Secretary Boris Johnson", "Borrower".

Only the names inside a person span count as PERSON: each run of capitalised tokens
(a "." of an initial included) once pronouns, titles and roles are set aside, and not the
sentence's first word on its own ("Writers ...", "Referee ..."). The rest of the span is
OTHER, still outside the ordinary words. Other labels go through `sentence.label_type`.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Sequence, Tuple

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
}


def _word(token: str) -> str:
    return token.lower().rstrip(".")


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and _word(token) not in NOT_NAMES


def name_runs(tokens: Sequence[str], a: int, b: int) -> List[Tuple[int, int]]:
    """(start, end) of each run of capitalised tokens in tokens[a:b] that can be a name."""
    runs, i = [], a
    while i < b:
        if not _capitalised(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < b and (_capitalised(tokens[j]) or tokens[j] == "."):
            j += 1
        if not (i == 0 and j == 1):  # a lone capitalised first word of the sentence
            runs.append((i, j))
        i = j
    return runs


def spans_of(tokens: Sequence[str], tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    out: List[Tuple[int, int, str]] = []
    for a, b, label in bio_spans(tags):
        if label_type(label) != "PERSON":
            out.append((a, b, label_type(label)))
            continue
        pos = a
        for start, end in name_runs(tokens, a, b):
            if start > pos:
                out.append((pos, start, "OTHER"))
            out.append((start, end, "PERSON"))
            pos = end
        if pos < b:
            out.append((pos, b, "OTHER"))
    return out


def read(path: Path, corpus: str) -> List[Sentence]:
    out = []
    for i, (tokens, tags) in enumerate(blocks(Path(path).read_text(encoding="utf-8"))):
        kept = [(t, g) for t, g in zip(tokens, tags) if t.strip()]
        toks = [t for t, _ in kept]
        text, entities = build(toks, spans_of(toks, [g for _, g in kept]))
        out.append(Sentence(corpus, Path(path).name, i, text, entities))
    return out
