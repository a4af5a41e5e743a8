"""NER results kept inside their line.

spaCy's NER reads a transcript as running text and tags across line breaks: "Linda
Jones\\nLinda Jones", "Katie Marshall\\nagent" come back as one PERSON, so one placeholder
swallows the break and the next speaker's label. A result that crosses a line break is
cut into its pieces on each line; a piece that is blank or only words never a name
(speaker labels such as "agent", "customer") is dropped.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.recognizers.common import NOT_A_NAME

_PIECE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")


def _named(piece: str) -> bool:
    words = _WORD.findall(piece)
    return bool(words) and not all(w.lower() in NOT_A_NAME for w in words)


def within_lines(text: str, results: List[RecognizerResult]) -> List[RecognizerResult]:
    """``results`` with each one crossing a line break cut at the breaks."""
    out = []
    for r in results:
        if "\n" not in text[r.start:r.end]:
            out.append(r)
            continue
        for m in _PIECE.finditer(text, r.start, r.end):
            piece = m.group(0)
            start = m.start() + len(piece) - len(piece.lstrip())
            end = m.end() - (len(piece) - len(piece.rstrip()))
            if end > start and _named(text[start:end]):
                out.append(RecognizerResult(r.entity_type, start, end, r.score,
                                            r.analysis_explanation, r.recognition_metadata))
    return out


def keep_within_lines(recognizer) -> None:
    """Make a predefined recognizer (spaCy's NER) cut its results at line breaks."""
    analyze = recognizer.analyze

    def cut(text, entities, nlp_artifacts=None):
        return within_lines(text, analyze(text, entities, nlp_artifacts))

    recognizer.analyze = cut
