"""The other half of a name found in part in caseless French text (issue 9, branch fr26).

The French model and the French recognizers often find one part of a name: "<valtteri>
bottas", "jean <michel aulas>". On a line without
capitals of a French record, a PERSON name (spans side by side joined) takes the word
right after it when that word reads as a surname beside a given name
(:meth:`~.recognizers.french_paired_name.FrenchPairedNameRecognizer.surname_after`: a word
the configured French model does not know, under French Zipf 4.5, or a census surname
under 4.0), and the word right before it when that word reads as a given name the model
does not hold as a word (:meth:`~.recognizers.french_paired_name.FrenchPairedNameRecognizer.given_before`).
Only spaces between; French function words, greetings and titles never join ("selon
<PERSON>", "avec <PERSON> hier" stay). The English counterpart is
:mod:`transforms.core.name_neighbours` (English records only).
"""
from __future__ import annotations

import dataclasses
import re
from typing import List, Sequence

from transforms.core.name_neighbours import _names, _word_before
from transforms.core.recognizers.caseless_address import caseless_lines
from transforms.core.spans import Span

_NEXT = re.compile(r"[ \t]+([^\W\d_]+)(?![\w'’-])")


def join_french_neighbours(text: str, spans: Sequence[Span], words) -> List[Span]:
    """PERSON spans grown over the word after and the word before each name on a caseless
    line, as ``words`` (a :class:`~.recognizers.french_paired_name.FrenchPairedNameRecognizer`
    that has read the configured model) reads them."""
    grown, caseless_line = [], caseless_lines(text)
    for first, last, span in _names(text, spans):
        if not caseless_line(first, last):
            continue
        start, end = first, last
        after = _NEXT.match(text, end)
        if after and words.surname_after(after.group(1)):
            end = after.end()
        before = _word_before(text, start)
        if before and text[before.start() - 1:before.start()] not in ("'", "’") \
                and words.given_before(before.group(1)):
            start = before.start()
        if (start, end) != (first, last):
            grown.append(dataclasses.replace(span, start=start, end=end))
    return grown
