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
parsed again; results are those of the full pass (``tests/transforms/core/
test_phone_matcher.py`` compares them on synthetic, public-corpus and edge texts).

Windows around digit runs were measured as well: the candidate search is a small share of
the pass (the parsing is most of it), so the text is still searched whole.
"""
from __future__ import annotations

from phonenumbers import PhoneNumberMatch, PhoneNumberMatcher
from phonenumbers.phonenumbermatcher import _LEAD_PATTERN, _TIME_STAMPS_SUFFIX

# Outcomes kept per recognizer; the memory is emptied when it holds this many.
MAX_REMEMBERED = 20_000


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
    by the matchers of one recognizer, all with the same leniency)."""

    def __init__(self, text, region, memory, leniency, max_tries=65535):
        super().__init__(text, region, leniency=leniency, max_tries=max_tries)
        self._memory = memory

    def _key(self, candidate, offset):
        text, end = self.text, offset + len(candidate)
        before = (offset > 0 and not _LEAD_PATTERN.match(candidate)
                  and _refuses(text[offset - 1]))
        after = end < len(text) and _refuses(text[end])
        stamp = _TIME_STAMPS_SUFFIX.match(text, end) is not None
        return self.preferred_region, candidate, before, after, stamp

    def _extract_match(self, candidate, offset):
        key = self._key(candidate, offset)
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
        match = super()._extract_match(candidate, offset)
        tries = tries_before - self._max_tries
        if self._max_tries > 0:  # not cut short by the retry limit: a full outcome
            if len(self._memory) >= MAX_REMEMBERED:
                self._memory.clear()
            found = None if match is None else (match.start - offset, match.raw_string,
                                                match.number)
            self._memory[key] = (tries, found)
        return match


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
        for region in recognizer.supported_regions:
            # As Presidio's loop: ``region`` becomes the last number's own region, and a
            # number that does not parse alone is explained with it.
            for match in RememberingMatcher(text, region, memory, recognizer.leniency):
                parses, own = own_region(text[match.start:match.end])
                if parses:
                    region = own
                results.append(recognizer._get_recognizer_result(
                    match, text, region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)

    analyze.__wrapped__ = recognizer.analyze
    recognizer.analyze = analyze
