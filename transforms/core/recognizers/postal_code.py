"""ZIP and postal codes: after a cue ("ZIP", "postcode", "code postal"), after a US state,
next to a country name, after "Place, REGION" ending a line, or in a shape only a postal
code has (UK, Canada).

Serves every language: codes are language-neutral and the cues are English, French,
German and Portuguese. A bare number is never a postal code here; it needs a cue, a state
a country or a place before it (country names from :mod:`phonenumbers`, written out in
:mod:`.country_names`).
"""
from __future__ import annotations

import functools
import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.prescan import prescan
from transforms.core.recognizers import caseless_address as caseless
from transforms.core.recognizers.common import (LINE_END, NL_POSTCODE, UK_POSTCODE,
                                                RuleRecognizer, result)
from transforms.core.recognizers.country_names import COUNTRY_NAMES

_US_STATES = caseless.US_STATES
_CODE = (r"(?:" + UK_POSTCODE
         + r"|[A-Z]\d[A-Z][ \-]?\d[A-Z]\d"  # Canada
         r"|" + NL_POSTCODE +
         r"|\d{2}-\d{3}"  # Poland
         r"|(?:[A-Z]{1,2}-)?\d{3,5}(?:[ \-]\d{2,4})?)")  # numeric, "SE-123 45", "5000-047"
_CUED = re.compile(
    r"(?i:\b(?:zip|zipcode|zip\s+code|post\s?code|postal\s+code|postal|code\s+postal|plz|"
    r"cep|postleitzahl)\b)(?:\s*(?:is|:|#|=|-|est|ist|é|number)){0,2}\s*(?P<code>"
    + _CODE + r")(?![\w\-])")
_AFTER_STATE = re.compile(r"\b(?:" + "|".join(_US_STATES) + r")\.?,?\s+(?P<code>\d{5}(?:-\d{4})?)"
                          r"(?![\w\-])")
# "Vila Real, VR 5000-047", "Sissach,  4450", "Springfield IL 62704": a place, a comma or a
# region, a code, then the end of the line or sentence.
_AFTER_PLACE = re.compile(r"\b[^\W\d_a-z][\w'\-]*(?:,[ \t]+(?:(?:[A-Z]{1,3}|\d{1,2})[ \t]+)?"
                          r"|[ \t]+[A-Z]{1,3}[ \t]+)(?P<code>" + _CODE
                          + r")(?=[ \t]*(?:$|\n|[.;!?)]))")
# "in Miami 33179", "near ÖRSUNDSBRO 190 63": a place after a preposition, then a code of
# four or more digits ("in Room 101", "in March 2019" stay: too short, a month, a year).
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
           "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_IN_PLACE = re.compile(r"\b(?:in|near|from|to|at)[ \t]+(?!(?:" + _MONTHS + r")\b)"
                       r"(?:[^\W\d_a-z][\w'\-]*[ \t]+(?:[a-z]{1,3}[ \t]+)?){1,3}"
                       r"(?P<code>\d{4,5}|\d{3} \d{2})(?![\w\-]|[.,]\d)")
_STRICT = re.compile(r"(?<![\w\-])(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}"
                     r"|[ABCEGHJ-NPRSTVXY]\d[A-Z]\s\d[A-Z]\d)(?![\w\-])")

_YEAR = re.compile(r"(?:19|20)\d\d")
# Caseless lines: a place-like word, a US state (abbreviation or name), a ZIP
# ("springfield il 62704", "dayton ohio 45402 1234", "jeremyport, ia 43484", an address
# block's lines "jonesport\n, ca\n 55353"); a rare word after "in", "near" ...
# then four or five digits ("in pituffik 3970", Dutch "7881 pt"); a UK or Canadian code in
# lowercase.
_CASELESS_STATE = re.compile(
    r"(?<![\w\-])(?P<place>[^\W\d_][\w'\-]*)(?: |,[ \t]*|[ \t]*\n[ \t]*,?[ \t]*)(?:"
    + "|".join(s.lower() for s in _US_STATES) + "|" + caseless.US_STATE_NAMES
    + r")(?: |[ \t]*\n[ \t]*)(?P<code>\d{5}(?: \d{4})?)(?![\w\-]| \d)")
_CASELESS_IN_PLACE = re.compile(
    r"\b(?:in|near|from|to|at) (?P<place>(?:[^\W\d_][\w'\-]* ){1,3})"
    r"(?P<code>(?P<digits>\d{4,5}|\d{3} \d{2})(?: (?P<nl>[a-z]{2})(?![\w\-]))?)"
    r"(?![\w\-]| \d)")
_CASELESS_STRICT = re.compile(r"(?<![\w\-])(?P<code>[a-z]{1,2}\d[a-z\d]? (?!\d(?:st|nd|rd|th)\b)"
                              r"\d[abd-hjlnp-uw-z]{2}|[abceghj-nprstvxy]\d[a-z] \d[a-z]\d)"
                              r"(?![\w\-])")


def by_first_letter(names) -> str:
    """The alternation of ``names``, tried in this order, written as one group per first
    letter ("F(?:rance|inland)|...") for a case-insensitive pattern: the same matches (no
    two groups can match at one place, and a group keeps its names' order), but the regex
    engine reads past a place with one test per letter instead of one per name (about 5x
    less time here)."""
    groups = {}
    for name in names:
        groups.setdefault(name[:1].lower(), []).append(name)
    return "|".join(re.escape(group[0][:1]) + "(?:" + "|".join(re.escape(n[1:]) for n in group)
                    + ")" for group in groups.values())


@functools.lru_cache(maxsize=1)
def _after_country() -> re.Pattern:
    names = set(COUNTRY_NAMES) | {"USA", "UK", "Czechia", "Holland"}
    alt = by_first_letter(sorted(names, key=len, reverse=True))
    return re.compile(r"(?i:\b(?:" + alt + r"))\b,?[ \t]+(?P<code>" + _CODE + r")(?![\w\-])"
                      r"|(?<![\w\-])(?P<before>" + _CODE + r"),?[ \t]+(?i:(?:" + alt + r"))\b")


class PostalCodeRecognizer(RuleRecognizer):
    """A postal code after a cue, a US state or a country name, before a country name,
    after "Place, (REGION)" at the end of a line or sentence, after "in Place", or a UK
    or Canadian code
    written in full ("SK11 1JH", "K0A 1M0")."""

    ENTITIES = ["POSTAL_CODE"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "POSTAL_CODE" not in entities or prescan(text).digits < 2:
            return []  # every code has two digits or more
        found = {}
        for pattern, score in ((_CUED, 0.7), (_AFTER_STATE, 0.6), (_after_country(), 0.6),
                               (_AFTER_PLACE, 0.5), (_IN_PLACE, 0.5), (_STRICT, 0.5)):
            for m in pattern.finditer(text):
                code = m.group("before") if m.groupdict().get("before") else m.group("code")
                if pattern is not _CUED and _YEAR.fullmatch(code) and \
                        not LINE_END.match(text, m.end()):
                    continue  # "France 2019": a year, unless it ends an address line
                group = "before" if m.groupdict().get("before") else "code"
                span = m.span(group)
                found[span] = max(found.get(span, 0.0), score)
        for span in _caseless(text):
            found[span] = max(found.get(span, 0.0), 0.5)
        return [result(self, "POSTAL_CODE", s, e, score) for (s, e), score in found.items()]


def _caseless_lines(text: str, start: int, end: int) -> bool:
    """The lines ``text[start:end]`` touches hold no capital."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    lines = text[first:len(text) if last < 0 else last]
    return lines == lines.lower()


def _caseless(text: str):
    """Spans of the codes only a caseless line shows (place words checked here)."""
    for m in _CASELESS_STATE.finditer(text):
        if caseless.city_like(m.group("place")) and _caseless_lines(text, *m.span()):
            yield m.span("code")
    for m in _CASELESS_IN_PLACE.finditer(text):
        nl = m.group("nl")  # a Dutch code's letters ("7881 pt"), not a word ("2019 we")
        group = "code" if nl and caseless.content(nl) else "digits"
        if all(caseless.city_like(w) for w in m.group("place").split()) and \
                not _YEAR.fullmatch(m.group("digits")) and \
                caseless.in_caseless_line(text, *m.span()):
            yield m.span(group)
    for m in _CASELESS_STRICT.finditer(text):
        if caseless.in_caseless_line(text, *m.span()):
            yield m.span("code")
