"""Street addresses and P.O. boxes.

Serves every language: the street words are English (USPS) with French, German, Spanish
and Nordic ones, and an address is written the way its country writes it, whatever the
language of the conversation around it ("12 rue de la paix" in English text).
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

# USPS standard street suffixes (Publication 28, appendix C1) and common abbreviations,
# plus a few French, German and Spanish street words.
_STREET_WORDS = (
    "alley allee annex arcade avenue ave bayou beach bend bluff bottom boulevard blvd branch "
    "bridge brook burg bypass byp camp canyon cape causeway center centre circle cir cliff "
    "club common corner course court ct cove creek crescent crest crossing crossroad curve "
    "dale dam divide drive dr estate expressway expy extension fall falls ferry field flat "
    "ford forest forge fork fort freeway fwy garden gateway glen green grove harbor haven "
    "heights highway hwy hill hollow inlet island isle junction key knoll lake land landing "
    "lane ln light loaf lock lodge loop mall manor meadow mews mill mission motorway mount "
    "mountain neck orchard oval overpass park parkway pkwy pass passage path pike pine place "
    "pl plain plaza point port prairie radial ramp ranch rapid rest ridge river road rd route "
    "row rue run shoal shore skyway spring spur square sq station stravenue stream street st "
    "summit terrace ter throughway trace track trafficway trail trl trailer tunnel turnpike "
    "underpass union valley viaduct view village ville vista walk wall way well close mews "
    "chemin impasse allée strasse straße weg platz calle avenida")
_STREET_SUFFIX = "|".join(sorted({w + "s?" for w in _STREET_WORDS.split()}, key=len,
                                 reverse=True))
# "104 points" is not an address: a street word needs a street name before it, except the
# street words written first ("12 rue de la paix", "3 calle Mayor").
_LEADING = r"(?:rue|chemin|impasse|all[ée]e|calle|avenida|via)"
_ADDRESS = (r"(?i)\b\d{1,6}[a-z]?(?:-\d{1,4})?,?\s+(?:(?:[^\W\d_][\w'\-.]*\s+){1,4}?"
            r"(?:" + _STREET_SUFFIX + r")\b\.?|" + _LEADING + r"\b)"
            r"(?:,?\s+(?:apt|apartment|suite|ste|unit|flat|floor|fl|#)\.?\s*#?\s*[\w\-]+)?")
# Street name then number, as in much of Europe: "Rynkebyvej 21", "Hauptstraße 5a".
_STREET_THEN_NUMBER = (r"\b[A-ZÀ-Þ][^\W\d_]*(?:vej|gade|straße|strasse|str\.|weg|gasse|laan|"
                       r"straat|vägen|gatan|veien|vegen|katu|utca|ulica|plein|steeg|allee|ring|"
                       r"damm|ufer|platz)\s+\d{1,5}[a-zA-Z]?\b")
_PO_BOX = r"(?i)\bP\.?\s?O\.?\s?Box\s+\d{1,6}\b"


class StreetAddressRecognizer(PatternRecognizer):
    """House number, one to four street words, a street suffix, an optional unit; or a
    European street name then its number; or a P.O. box."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="STREET_ADDRESS", name="StreetAddressRecognizer",
                         supported_language=supported_language,
                         patterns=[Pattern("street address", _ADDRESS, 0.6),
                                   Pattern("street then number", _STREET_THEN_NUMBER, 0.6),
                                   Pattern("po box", _PO_BOX, 0.6)],
                         context=["live", "address", "street", "ship", "mail", "moved"])
