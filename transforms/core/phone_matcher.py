"""Presidio's phone recognizer with phonenumbers' matcher remembering its candidates.

Presidio's ``PhoneRecognizer`` runs one ``PhoneNumberMatcher`` pass per region (eight),
and most of each pass is parsing and validating candidates (digit runs with their
punctuation), the same candidates again and again across texts. What the matcher makes of
one candidate (``_extract_match``: the dates and time-stamp checks, the parse and
validation of the whole candidate, then of its inner groups) depends on the region, the
leniency, the candidate's own characters and three facts about the text around it: whether
the character before it refuses a number (a Latin letter, "%", a currency sign; read only
when the candidate is not at the text's start), whether the character after it does, and
whether a time-stamp suffix (":ss") follows. :class:`RememberingMatcher` keeps that outcome
under exactly that key (with the retries it used up), so a candidate met again is not
parsed again, and the candidate search of a text (region-free) is made once for its eight
passes. Results are those of the full passes (``tests/transforms/core/test_phone_matcher.py``
compares them on synthetic, evaluation and edge texts).

Windows of the text around digit runs were considered: the search is a small share of a
pass (parsing is most of it), and sharing it between the regions saves more.
"""
from __future__ import annotations

from phonenumbers import Leniency, PhoneNumberMatch, PhoneNumberMatcher
from phonenumbers.phonenumbermatcher import (_LEAD_PATTERN, _PATTERN,
                                             _SECOND_NUMBER_START_PATTERN, _TIME_STAMPS_SUFFIX)

# Outcomes kept per recognizer; the memory is emptied when it holds this many (a few MB:
# peak memory stays flat as the input grows).
MAX_REMEMBERED = 4_096


_REFUSED = {}  # character -> whether the matcher drops a number next to it


def _refuses(char) -> bool:
    """Whether the matcher drops a number next to ``char`` (its own test at leniency VALID
    and above: a Latin letter, "%", a currency sign), looked up once per character."""
    refused = _REFUSED.get(char)
    if refused is None:
        refused = _REFUSED[char] = bool(
            PhoneNumberMatcher._is_invalid_punctuation_symbol(char)
            or PhoneNumberMatcher._is_latin_letter(char))
    return refused


class RememberingMatcher(PhoneNumberMatcher):
    """``PhoneNumberMatcher`` whose candidate outcomes are kept in ``memory`` (a dict shared
    by the matchers of one recognizer, all with the same leniency). ``searched``, a dict
    shared by the matchers of one text (one per region), keeps where the candidate search
    from each place led (a candidate and the facts about its neighbours), so the text is
    searched once for all regions."""

    def __init__(self, text, region, memory, leniency, max_tries=65535, searched=None):
        super().__init__(text, region, leniency=leniency, max_tries=max_tries)
        self._memory = memory
        self._searched = {} if searched is None else searched

    def _candidate(self, index):
        """(start, candidate, its neighbours' facts) of the next candidate from ``index``
        (phonenumbers' own search and trimming), or None."""
        if index in self._searched:
            return self._searched[index]
        found = _PATTERN.search(self.text, index)
        if found is not None:
            start = found.start()
            candidate = self._trim_after_first_match(
                _SECOND_NUMBER_START_PATTERN, self.text[start:found.end()])
            found = start, candidate, self._neighbours(candidate, start)
        self._searched[index] = found
        return found

    def _find(self, index):
        # phonenumbers' _find, reading the search from ``_candidate``
        found = self._candidate(index)
        while self._max_tries > 0 and found is not None:
            start, candidate, neighbours = found
            if len(candidate) >= self._min_candidate_length:
                match = self._remembered_match(candidate, start, neighbours)
                if match is not None:
                    return match
                self._max_tries -= 1
            found = self._candidate(start + len(candidate))
        return None

    def _neighbours(self, candidate, offset):
        text, end = self.text, offset + len(candidate)
        before = (offset > 0 and not _LEAD_PATTERN.match(candidate)
                  and _refuses(text[offset - 1]))
        after = end < len(text) and _refuses(text[end])
        stamp = _TIME_STAMPS_SUFFIX.match(text, end) is not None
        return before, after, stamp

    def _remembered_match(self, candidate, offset, neighbours):
        """``_extract_match(candidate, offset)``, from the memory when it holds the outcome."""
        key = (self.preferred_region, candidate) + neighbours
        kept = self._memory.get(key)
        if kept is not None:
            tries, found = kept
            if self._max_tries > tries:  # the kept run never ran out of retries: same run
                self._max_tries -= tries
                if found is None:
                    return None
                start, raw, number = found
                return PhoneNumberMatch(offset + start, raw, number)
        tries_before = self._max_tries
        match = self._extract_match(candidate, offset)
        tries = tries_before - self._max_tries
        if self._max_tries > 0:  # not cut short by the retry limit: a full outcome
            if len(self._memory) >= MAX_REMEMBERED:
                self._memory.clear()
            found = None if match is None else (match.start - offset, match.raw_string,
                                                match.number)
            self._memory[key] = (tries, found)
        return match


def valid_matches(memory: dict):
    """``matches(text, region)`` for one text: what ``PhoneNumberMatcher(text, region,
    leniency=VALID)`` gives, the outcomes kept in ``memory`` (one for VALID alone) and the
    text searched once for all regions. Make one per text (the leak guard does)."""
    searched = {}

    def matches(text, region):
        return RememberingMatcher(text, region, memory, Leniency.VALID, searched=searched)
    return matches


def remember_phone_candidates(recognizer) -> None:
    """Make Presidio's ``PhoneRecognizer`` instance match with :class:`RememberingMatcher`:
    the same loop as its ``analyze`` (regions in order, the number's region for the
    explanation, duplicates removed), the same results."""
    import phonenumbers
    from phonenumbers.phonenumberutil import NumberParseException
    from presidio_analyzer import EntityRecognizer

    memory = {}  # shared by threads: a lost or repeated store only costs a parse
    own_regions = {}  # a number as written -> (it parses alone, its own region)

    def own_region(raw):
        known = own_regions.get(raw)
        if known is None:
            try:
                known = True, phonenumbers.region_code_for_number(phonenumbers.parse(raw))
            except NumberParseException:
                known = False, None
            if len(own_regions) >= MAX_REMEMBERED:
                own_regions.clear()
            own_regions[raw] = known
        return known

    def analyze(text, entities, nlp_artifacts=None):
        results = []
        searched = {}  # the candidate search of this text, for every region
        for region in recognizer.supported_regions:
            # As Presidio's loop: ``region`` becomes the last number's own region, and a
            # number that does not parse alone is explained with it.
            for match in RememberingMatcher(text, region, memory, recognizer.leniency,
                                            searched=searched):
                parses, own = own_region(text[match.start:match.end])
                if parses:
                    region = own
                results.append(recognizer._get_recognizer_result(
                    match, text, region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)

    analyze.__wrapped__ = recognizer.analyze
    recognizer.analyze = analyze
