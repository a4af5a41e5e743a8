"""An identifier found by its cue in one field of a record, found again in all its fields.

A code is recognised by the words before it ("my booking reference is XKQZPW",
"username: cminh730"); the agent's notes then write it bare ("called about booking
XKQZPW") and no rule can tell it from a word there. Every value a cue found in a record
(the types of :data:`CUED`, at least :data:`SHORTEST` characters) is looked for as a whole
token, in any case, in each text of the same record, and gets the type and so the
pseudonym of the first finding. Names have their own propagation
(:func:`transforms.core.spans.propagate_names`).
"""
from __future__ import annotations

import re
from typing import Dict, List, Sequence

from transforms.core.recognizers.cued_identifier import CUES
from transforms.core.spans import Span

CUED = frozenset(CUES) | {"USERNAME"}
SHORTEST = 5  # characters; a shorter value could be a word or a number of anything
SCORE = 0.8  # as sure as the cue's finding (the recognizers' 0.6-0.8): a PERSON read
# on the bare code ("booking XKQZPW") gives way to it


def propagate_identifiers(texts: Sequence[str], spans: Sequence[List[Span]],
                          groups: Sequence[int]) -> List[List[Span]]:
    """For each text, spans of the values (:data:`CUED` types) found anywhere in its
    record (where another finding overlaps, :func:`..spans.resolve_overlaps` decides)."""
    values: Dict[int, Dict[str, str]] = {}  # group -> value in lower case -> entity
    for text, found, group in zip(texts, spans, groups):
        for span in found:
            if span.entity in CUED:
                value = (span.raw_canonical or text[span.start:span.end]).strip()
                if len(value) >= SHORTEST and not any(c.isspace() for c in value):
                    values.setdefault(group, {}).setdefault(value.lower(), span.entity)
    extra = []
    for text, found, group in zip(texts, spans, groups):
        wanted = values.get(group)
        if not wanted:
            extra.append([])
            continue
        pattern = re.compile(r"(?<![\w@.\-])(?:" + "|".join(
            re.escape(v) for v in sorted(wanted, key=len, reverse=True))
            + r")(?![\w@]|[.\-]\w)", re.IGNORECASE)
        extra.append([Span(m.start(), m.end(), wanted[m.group(0).lower()], SCORE)
                      for m in pattern.finditer(text)])
    return extra
