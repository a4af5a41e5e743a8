"""Street addresses: the street (house number and street words in many national orders,
a unit, a P.O. box, a US military address, a named street after "on", "at") and the
locality that follows it (", Springfield, IL 62704", or the next lines of an address block).

Serves every language: the street words are English (USPS) with those of much of Europe
and Latin America, and an address is written the way its country writes it, whatever the
language of the conversation around it ("12 rue de la paix" in English text). Without an
address cue ("I live at", "address:", "send it to"), a street needs its street word, or a
locality with a postal code after it, so "104 points" or "5 miles down the road" stay.

In caseless lines (speech-style text) the street's words may be lowercase when none is a
function word or a unit, and a lowercase locality is taken only up to the postal code that
closes it (:mod:`.caseless_address`).
"""
from __future__ import annotations

import re
from typing import List, Tuple

from presidio_analyzer import RecognizerResult

from transforms.core.date_words import MONTH_WORDS
from transforms.core.prescan import prescan
from transforms.core.recognizers import caseless_address as caseless
from transforms.core.recognizers.common import (LINE_END, NL_POSTCODE, UK_POSTCODE,
                                                RuleRecognizer, merged, result)

# Street words of countries that write the number after the street ("Síp utca 16", "Karu
# põik 61"); an English one before a number may be a venue's name ("AMC Mountain 16",
# "the Regal Union Square 14": `_venue_like`) unless confirmed.
_NUMBER_AFTER_WORDS = {"fasor", "utca", "út", "krt", "tänav", "põik", "maantee", "puiestee",
                       "rue"}
# USPS standard street suffixes (Publication 28, appendix C1), common abbreviations, and the
# words above.
_SUFFIXES = (
    "alley allee annex arcade avenue ave bayou beach bend bluff bottom boulevard blvd branch "
    "bridge brook burg bypass byp camp canyon cape causeway center centre circle cir cliff "
    "club common corner course court ct cove creek crescent crest crossing crossroad curve "
    "dale dam divide drive dr estate expressway expy extension fall falls ferry field flat "
    "ford forest forge fork fort freeway fwy garden gateway glen green grove harbor haven "
    "heights highway hwy hill hollow inlet island isle junction key knoll lake land landing "
    "lane ln light loaf lock lodge loop mall manor meadow mews mill mission motorway mount "
    "mountain neck orchard oval overpass park parkway pkwy pass passage path pike pine place "
    "pl plain plaza point port prairie radial ramp ranch rapid rest ridge river road rd route "
    "row run shoal shore skyway spring spur square sq station stravenue stream street st "
    "summit terrace ter throughway trace track trafficway trail trl trailer tunnel turnpike "
    "underpass union valley viaduct view village ville vista walk wall way well close parade"
).split() + sorted(_NUMBER_AFTER_WORDS)
# Street words written before the name ("rue de la Paix", "Rua Forno", "ul. Zamkowa").
_PREFIXES = (r"rue|avenue|av|avda|avenida|boulevard|bd|chemin|impasse|allée|place|quai|route|"
             r"calle|c/|carrer|paseo|plaza|camino|rua|r|travessa|largo|praça|via|viale|piazza|"
             r"corso|strada|vicolo|ul|ulica|al|aleja|plac|náměstí|nám|třída|λ|οδός|"
             r"leoforos|gl|st")
# Street words that end the street's name in one word ("Rynkebyvej", "Hauptstraße").
_COMPOUND = (r"vej|gade|straße|strasse|str|weg|gasse|laan|straat|gracht|kade|vägen|väg|gatan|"
             r"gata|veien|vegen|vei|katu|kuja|tie|polku|utca|ulica|plein|steeg|allee|"
             r"damm|ufer|platz|vegur|stígur|braut|tún|gränd|backe|stræde|alle|plads|torv|"
             r"lund|bakken|høj|haven|stræti")
_UNIT = r"(?i:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building)\.?\s*#?\s*\d+\w?"
_NUM = r"\d{1,6}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?"
_NOT_THOUSANDS = r"(?!,\d{3}(?!\d))"  # "DEC 1,245.50", "Volume 3,456,789": no house number
_WORD = r"(?:[^\W\d_][\w'’\-]*\.?)"  # a word, any script
_CAP = r"(?:[^\W\d_a-zß-ÿ][\w'’\-]*\.?)"  # a word not starting lowercase (CJK, Greek caps)
_LINK = r"(?:de|del|da|do|dos|das|di|la|le|les|du|des|van|von|der|den|am|an|pri|na|pod|nad|" \
        r"i|y|e|et|and|of|the|sur|sous|upon|on|in|im|ob|al)"
# Particles inside a street's name after its street word ("C/ Rosa de los Vientos").
_PARTICLE = r"(?:de|del|da|do|dos|das|di|la|le|les|los|las|el|du|des|van|von|der|den)"
_ABBR_DOT = r"(?:(?<!\w\w\w\w)\.)?"  # the dot of "St.", "Ave.", not a sentence's
_SUFFIX_ALT = "|".join(sorted({s + "s?" for s in _SUFFIXES}, key=len, reverse=True))
_NAMEWORD = rf"(?:{_CAP}|{_LINK})"
# Capitalised words that start sentences, not streets.
_NOT_STREET = (r"(?!(?:it|it's|its|i|i'm|i'll|i've|the|a|an|my|our|your|we|you|he|she|they|"
               r"this|that|there|meet|please|address|hello|hi|dear|and|or|in|at|on|to|"
               r"from|by|for|with|mr|mrs|ms|dr|room|page|chapter|section|part|step|"
               r"level|version|windows|office|gate|platform|item|order|invoice|table|"
               r"ticket|case|flight|bus|line|route|channel|season|episode|year|day|week)\b)")
_STREET_CAP = rf"(?:(?i:{_NOT_STREET}){_CAP})"

# 1. Number, street name, suffix, on one line: "28400 Karen Pike Apt. 524", "12 Main St."
_NUMBER_FIRST = re.compile(
    rf"(?<![\w\-.,/])(?P<num>{_NUM}),?[ \t]+(?P<name>(?:{_WORD}[ \t]+){{1,4}}?)"
    rf"(?:{_SUFFIX_ALT})\b{_ABBR_DOT}", re.IGNORECASE)
# 2. Street word first: "12 rue de la paix", "Rua Forno 44", "ul. Zamkowa 33", "Via Corio 53".
_PREFIX_FIRST = re.compile(
    rf"(?<![\w\-])(?:{_NUM},?\s+(?i:{_PREFIXES})(?!\w)\.?\s+(?:{_LINK}\s+){{0,3}}{_WORD}"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_CAP}){{0,3}}"
    rf"|(?i:{_PREFIXES})(?!\w)\.?\s+(?:{_LINK}\s+)?{_CAP}(?:[ \t]+{_NAMEWORD}){{0,4}}?"
    rf"[ \t]+{_NUM}\b{_NOT_THOUSANDS}"
    rf"(?:\.(?=,))?)")
# 3. A one-word street then its number: "Rynkebyvej 21", "Willem Pijperstraat 79".
_COMPOUND_THEN_NUMBER = re.compile(
    rf"(?<![\w\-])(?:{_CAP}\s+){{0,2}}[^\W\d_][\w\-]*(?i:{_COMPOUND})\.?\s+{_NUM}\b"
    rf"{_NOT_THOUSANDS}(?:\.(?=,))?")
# Every match of rule 3 holds a compound street word, then whitespace and a digit: a
# text without one is not searched (the rule tries every word's every ending otherwise).
# The word is a whole run of [\w-] (rule 3 starts it after a space or a non-word), so
# the search starts only where a run starts (not again inside every word).
_WORD_THEN_DIGIT = re.compile(r"(?<![\w\-])[\w\-]*[^\W\d_]\.?\s+\d")
_COMPOUND_THEN_DIGIT = re.compile(rf"(?i:{_COMPOUND})\.?\s+\d$")


def _may_hold_compound_street(text: str) -> bool:
    return any(_COMPOUND_THEN_DIGIT.search(m.group()) for m in _WORD_THEN_DIGIT.finditer(text))


# 3b. Street name, street word, number: "Linzer Strasse 69", "Síp utca 16.", "Karu põik 61";
#     with an English street word only when confirmed (`_english_word_first`).
_SUFFIX_THEN_NUMBER = re.compile(
    rf"(?<![\w\-])(?:{_STREET_CAP}[ \t]+){{1,3}}(?i:{_SUFFIX_ALT}|{_COMPOUND})\b{_ABBR_DOT}"
    rf"[ \t]+{_NUM}\b{_NOT_THOUSANDS}(?:\.(?=,))?")
# 4. Any capitalised words then a number ("Tylova 1036", "Σουνίου 167"): a street only
#    with an address cue before or a locality with a postal code after.
_WORDS_THEN_NUMBER = re.compile(
    rf"(?<![\w\-])(?:{_STREET_CAP}[ \t]+)(?:{_NAMEWORD}[ \t]+){{0,3}}{_NUM}\b{_NOT_THOUSANDS}"
    rf"(?:\.(?=,))?")
# 5. A named street without a number after "on", "at"...: "lives on Friedman Lakes street".
_NAMED_SUFFIX = ("street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|court|ct|place|"
                 "terrace|crescent|parkway|pkwy|highway|hwy|pike|trail|circle|square|way|"
                 "alley|row|close|mews|parade|expressway|freeway|turnpike|stravenue")
NAMED_SUFFIX = _NAMED_SUFFIX  # read by the spoken-address recognizer too
_NAMED_STREET = re.compile(
    rf"(?:(?<=\bon\s)|(?<=\bat\s)|(?<=\balong\s)|(?<=\boff\s)|(?<=\bonto\s)|(?<=\bnear\s)|"
    rf"(?<=\bof\s)|(?<=\bto\s)|(?<=\bfrom\s)|(?<=\bin\s))(?:{_STREET_CAP}\s+){{1,3}}?"
    rf"(?i:(?:{_NAMED_SUFFIX})s?)\b{_ABBR_DOT}"
    rf"(?:\s+(?i:street|st|road|rd|avenue|ave)\b{_ABBR_DOT})?")
_STREET_WORD_AFTER = re.compile(
    rf"(?<![\w\-])(?:{_STREET_CAP}\s+){{1,3}}(?:(?i:street|st\.|road|rd\.|avenue|ave\.)|Lane|"
    rf"Drive|Boulevard)(?![\w])")
_PO_BOX = re.compile(r"\b(?:(?i:P\.?\s?O\.?\s?Box|Post\s?box|Postboks|Postfach|Apartado|"
                     r"Caixa Postal)|BP|Box)\s+\d{1,6}\b")
# US military addresses: "PSC 1234, Box 5678", "Unit 8387 Box 3806", a ship ("USNS Smith")
# (the next line, "APO AE 09123", is their locality); in any case with that line after.
_MILITARY_HEAD = (r"(?:(?:PSC|CMR|Unit)\s+\d{1,5},?\s+Box\s+\d{1,5}"
                  r"|(?:USNS|USS|USNV|USCGC)\s+[A-Z][\w'’\-]*)")
_MILITARY_POST = r"(?i:apo|fpo|dpo)\s+(?i:aa|ae|ap)\s+\d{5}(?:-\d{4})?\b"
_MILITARY = re.compile(rf"\b(?:{_MILITARY_HEAD}(?:[,\s]+{_MILITARY_POST})?"
                       rf"|(?i:{_MILITARY_HEAD}[,\s]+)?{_MILITARY_POST})")
_UNIT_ALONE = re.compile(rf"(?i)(?<![\w\-])(?:apt|apartment|suite|ste)\.?\s*#?\s*\d+\w?\b")

_CUE = re.compile(
    r"(?i)(?:\baddress(?:es)?\b|\blive[sd]?\b|\bliving\b|\bmoved\b|\bsen[dt]\b|\bship(?:ped)?\b|"
    r"\bdeliver(?:ed|y)?\b|\bmail(?:ed)?\b|\bmeet\b|\blocated\b|\breturn\b|\bvisit\b|"
    r"\bdrops?\b|\btaxi\b|\bpick(?:\s+\w+)?\s+up\b|\bhere\s+they\s+are\b|"
    r"\bhabite\b|\badresse\b|\bit(?:'s|\s+is)\s+(?:in|at|on)\b)"
    r"[^.!?\n]{0,60}$")
ADDRESS_CUE = _CUE  # read by the spoken-address recognizer too
_POSTAL = (r"(?:" + UK_POSTCODE
           + r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d"  # Canada
           r"|" + NL_POSTCODE +
           r"|\d{2,5}(?:[\s\-]\d{2,4})?)")
_LOC_WORD = r"(?:[^\W\d_a-zß-ÿ][\w'’\-]*)"  # no dot: "XM. Thanks" ends the address
_LOCALITY = rf"(?:{_LOC_WORD}(?:[ \t]+(?:{_LOC_WORD}|{_LINK}|\d{{1,2}}\b))*?)"
# What may follow a street: a unit, a locality (with its state code: "Evelynport, VT"), a
# state and postal code, a country; a next line may start with the comma (", WY").
_TAIL_PART = re.compile(
    # comma, next line (its comma first), space
    rf"(?:,[ \t]*|[ \t]*\n(?:[ \t>?*\-]*\n)?[ \t>?*\-]*(?:,[ \t]*)?|[ \t]+)"
    rf"(?:{_UNIT}|{_LOCALITY}(?:,[ \t]*[A-Z]{{2}})?(?:,?[ \t]+{_POSTAL})?|{_POSTAL})"
    rf"(?=[ \t]*(?:[,.;:!?)]|\n|$)|(?<=[A-Z]{{2}} \d{{5}}))")
# A unit said before its street: "flat 3 12 baker street", "Apt 4, 12 Main St".
_UNIT_BEFORE = re.compile(rf"{_UNIT},?\s+$")
_NUMBER_BEFORE = re.compile(r"(?<![\w\-.,/:#])\d{2,6}[ \t]+$")
# ", Locality, REGION code" closing a street mid-sentence ("Hafnarbraut 21, Hólmavík,  510
# last night", "... Bergamo, BG 24125 last night"): the comma before the locality says it.
_CLOSING_CODE = re.compile(
    rf",[ \t]*{_LOCALITY},?[ \t]+(?:[A-Z]{{1,4}}[ \t]+)?(?:{UK_POSTCODE}|[A-Z]\d[A-Z]\s?\d[A-Z]\d"
    rf"|{NL_POSTCODE}|\d{{3,5}}(?:[ \-]\d{{2,4}})?|\d{{1,2}}[ \-]\d{{4}})(?![\w\-])")
# A US state code and ZIP closing an address ("Angelaton, WY 85764", ", WY\n 89388"): the
# address ends there even when its line goes on ("... 07669 after the concert.").
_US_STATE_ZIP = re.compile(r"(?:^|[\s,])[A-Z]{2}[ \t]*\n?[ \t]*\d{5}(?:-\d{4})?$")
_ZIP_LINE = re.compile(r"[ \t]*\n[ \t]*\d{5}(?:-\d{4})?(?![\w\-])")
_STATE_CODE_END = re.compile(r"\b[A-Z]{2}$")
_LINE_CLOSED = re.compile(r"[.!?]?[ \t]*(?:\n|$)")  # the line ends (a full stop may close it)
_HAS_POSTAL = re.compile(rf"(?:^|[\s,]){_POSTAL}\s*$")
# In the order they are tried; the second list is all that can match a text with no digit.
_NUMBERED = (_NUMBER_FIRST, _PREFIX_FIRST, _COMPOUND_THEN_NUMBER, _SUFFIX_THEN_NUMBER, _PO_BOX,
             _MILITARY, _NAMED_STREET, _STREET_WORD_AFTER, _UNIT_ALONE)
_UNNUMBERED = (_NAMED_STREET, _STREET_WORD_AFTER)
# Caseless lines: a street named by a content word (or a street word and its name, or an
# abbreviated street word: "király u 15"), its number, kept only when a locality and
# postal code follow ("östanlid 36 varberg 432 38", "ul struga andrzeja 134 kraków 31 976").
_CASELESS_WORD = r"[^\W\d_][\w'’\-]*"
_CASELESS_NUMBERED = re.compile(
    rf"(?<![\w\-])(?:(?:{_PREFIXES})\s+(?:{_LINK}\s+){{0,2}}(?:{_CASELESS_WORD}\s+){{0,2}}"
    rf"{_CASELESS_WORD}|{_CASELESS_WORD}(?:\s[a-z])?)\s+{_NUM}(?![\w\-]){_NOT_THOUSANDS}")
# Caseless lines: a named street after "on", "at" ... ("on wells way"): each word rarer
# than Zipf 5 or itself a street word ("to take place", "on death row" stay); before a
# street word of the longer list ("branch", "crossing"), one or two census names only
# ("on fry branch", not "from jurassic park").
_CASELESS_NAMED = re.compile(
    rf"\b(?:on|at|of|to|in|off|near|from|onto|along) (?P<name>(?:{_CASELESS_WORD} ){{1,3}}?)"
    rf"(?P<suffix>{_SUFFIX_ALT})\b(?: (?:street|st|road|rd|avenue|ave)\b)?")
_NAMED_ALT = re.compile(rf"(?:{_NAMED_SUFFIX})s?")
_SUFFIX_WORD = re.compile(_SUFFIX_ALT)
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
# Street words that are also an initial or a given name ("R. Smith 82", "Al Gore 2000", "17
# r u guys"): a street after them stands only as rule 4's does (:func:`_confirmed`).
# So is a lowercase "via" ("10 via youtube", "2015 via govramil": a tweet's source).
_INITIAL_LIKE = re.compile(rf"(?:{_NUM},?\s+)?(?:(?i:r|al)\b|via\b)")


class StreetAddressRecognizer(RuleRecognizer):
    """A street in one of the forms above, extended over its unit and locality."""

    ENTITIES = ["STREET_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "STREET_ADDRESS" not in entities:
            return []
        spans: List[Tuple[int, int]] = []
        numbered = prescan(text).digits > 0
        patterns = _NUMBERED if numbered else _UNNUMBERED
        if numbered and not _may_hold_compound_street(text):
            patterns = tuple(p for p in patterns if p is not _COMPOUND_THEN_NUMBER)
        for pattern in patterns:
            for m in pattern.finditer(text):
                if pattern is _NUMBER_FIRST and not self._street_name_ok(text, m):
                    continue
                span = self._extend(text, m.start(), m.end())
                if pattern is _SUFFIX_THEN_NUMBER and _english_word_first(m) and \
                        _venue_like(text, m) and not _confirmed(text, m, *span):
                    continue
                if pattern is _PREFIX_FIRST and _INITIAL_LIKE.match(m.group(0)) and \
                        not _confirmed(text, m, *span):
                    continue
                spans.append(span)
        for m in _WORDS_THEN_NUMBER.finditer(text) if numbered else ():
            if _month_day_comma(text, m):
                continue
            span = self._extend(text, m.start(), m.end())
            if _confirmed(text, m, *span):
                spans.append(span)
        spans += self._caseless(text, numbered)
        return [result(self, "STREET_ADDRESS", _after_currency(text, s), e, 0.6)
                for s, e in merged(spans)
                if not _PROCEDURE.search(text, s, e) and not _OF_A_YEAR.search(text, s, e)
                and not _an_amount(text, s, e)]

    def _caseless(self, text: str, numbered: bool) -> List[Tuple[int, int]]:
        """Streets only caseless lines show: a word and number closed by a postal code,
        a named street after a preposition."""
        spans = []
        for m in _CASELESS_NUMBERED.finditer(text) if numbered else ():
            words = [w for w in m.group(0).split()[:-1] if len(w) > 1]  # "király u 15"
            if words and caseless.content(words[-1]) and caseless.in_caseless_line(text, *m.span()):
                end = caseless.tail(text, m.end(), place_word=True)
                if end > m.end():
                    spans.append((m.start(), end))
        for m in _CASELESS_NAMED.finditer(text):
            words = m.group("name").split()
            if _NAMED_ALT.fullmatch(m.group("suffix")):
                ok = all(_SUFFIX_WORD.fullmatch(w) or (
                    caseless.content(w) and caseless.zipf(w) < 5) for w in words)
            else:
                ok = len(words) <= 2 and all(caseless.census_name(w) for w in words)
            if ok and caseless.in_caseless_line(text, *m.span()):
                spans.append((m.start("name"), m.end()))
        return spans

    @staticmethod
    def _street_name_ok(text: str, m: re.Match) -> bool:
        """A street name capitalised, or any words after an address cue; in a caseless line
        not after a year, content words before a common street word ("1234 north main
        street", not "5 miles down the road"), or one or two census names before a rarer
        one ("7876 marie island", not "6 northbound spurs")."""
        words = m.group("name").split()
        if words and all(w[0].isupper() or not w[0].isalpha() for w in words):
            return True
        if words and caseless.in_caseless_line(text, *m.span()) and \
                not _YEAR_NUMBER.fullmatch(m.group("num")):
            suffix = m.group(0)[m.end("name") - m.start():].strip(" .").lower()
            if _NAMED_ALT.fullmatch(suffix):
                if all(caseless.content(w.rstrip(".")) for w in words):
                    return True
            elif len(words) <= 2 and all(caseless.census_name(w) for w in words):
                return True
        return bool(words) and bool(_CUE.search(text[max(0, m.start() - 80):m.start()]))

    @staticmethod
    def _extend(text: str, start: int, end: int) -> Tuple[int, int]:
        """Over the unit, locality, state, postal code and country after the street."""
        closing = _CLOSING_CODE.match(text, end)
        if closing and "\n" not in closing.group(0):
            end = closing.end()
        for _ in range(6):
            m = _TAIL_PART.match(text, end)
            if not m:
                zip_line = _ZIP_LINE.match(text, end)
                if zip_line and _STATE_CODE_END.search(text, max(0, end - 4), end):
                    end = zip_line.end()  # "..., WY\n 89388 for post mail?"
                break
            newline = "\n" in m.group(0)
            if newline and not _LINE_CLOSED.match(text, m.end()) and \
                    not _US_STATE_ZIP.search(text[max(0, m.end() - 40):m.end()]):
                break  # an address block's next line must be the whole line, or close it
            end = m.end()
        if caseless.in_caseless_line(text, start, end):
            end = caseless.tail(text, end)
        unit = _UNIT_BEFORE.search(text[max(0, start - 24):start])
        if unit:
            start -= len(unit.group(0))
        number = _NUMBER_BEFORE.search(text[max(0, start - 12):start])
        if number and not _YEAR_NUMBER.fullmatch(number.group(0).strip()):
            # "at 4946 Urzáiz 12": a house number said twice
            start -= len(number.group(0))
        return start, end


_MONTH_THEN_DAY = re.compile(r"(?i)\b(?:%s)\.?[ \t]+(\d{1,2})$" % "|".join(MONTH_WORDS))


def _month_day_comma(text: str, m: re.Match) -> bool:
    """Rule 4's words end in a month and a day with a comma after ("April 23, 2015", "July
    24, 25, 26", "DERBY September 7, 2015"): a date written the US way, whose year reads
    like a postal code. A month and a year, or a date said without its comma ("10 June
    1994" on the line of a date of birth), are left to rule 4 as before."""
    day = _MONTH_THEN_DAY.search(m.group(0))
    return bool(day) and 1 <= int(day.group(1)) <= 31 and text.startswith(",", m.end())


# Words of a court's procedure no address holds: "respondents 2 civil writ petition no 7420"
# is a case number (court text read without its punctuation). Not "convention": streets
# bear it ("900 Convention Center Drive").
_PROCEDURE = re.compile(r"(?i)\b(?:petition|petitions|petitioners?|writ|respondents?"
                        r"|appellants?|applicants?|judgment|judicature|versus)\b")


# A number "of" a year is a case or file number ("No. 804 Of 2019", "Cs 23 of 2015"), and
# a currency before digits an amount ("Rs. 49,96,719/-"): no address holds either.
_OF_A_YEAR = re.compile(r"(?i)\b\d+[ \t]+of[ \t]+(?:1[89]|20)\d\d\b")
_MONEY = re.compile(r"(?i)(?:rs|inr|usd|eur|gbp)\.?[ \t]*\d")
_STREET_WORD = re.compile(rf"(?i)\b(?:{_SUFFIX_ALT})\b")


def _an_amount(text: str, start: int, end: int) -> bool:
    """The span opens with a currency and a number and names no street after it:
    "Rs. 49,96,719/- with interest" is an amount; "usd 26330 diaz walks phillipsbury tn
    11204" is an address after a fund's currency."""
    m = _MONEY.match(text, start)
    return bool(m) and not _STREET_WORD.search(text, m.end(), end)


def _after_currency(text: str, start: int) -> int:
    """Where an address starts once a currency word before its number is left out."""
    m = _MONEY.match(text, start)
    return m.end() - 1 if m else start


def _english_word_first(m: re.Match) -> bool:
    """A "street word, number" match whose street word is English (USPS), not one of a
    country that writes the number last (:data:`_NUMBER_AFTER_WORDS`, the compounds), and
    whose number is short (a screen count: "AMC Mountain 16"; four digits or more read as a
    postal code after a place: "Christmas Island 59957")."""
    words = m.group(0).split()
    if len(re.sub(r"\D", "", words[-1])) > 3:
        return False
    word = words[-2].rstrip(".").lower() if len(words) >= 2 else ""
    if word in _NUMBER_AFTER_WORDS or re.fullmatch(rf"(?:{_COMPOUND})", word):
        return False
    return word in _SUFFIXES or (word.endswith("s") and word[:-1] in _SUFFIXES)


_COMPASS = {"N", "S", "E", "W", "NE", "NW", "SE", "SW", "NNE", "NNW", "SSE", "SSW"}
_CAPITALISED_BEFORE = re.compile(rf"(?:(?<![\w'’]){_CAP}[ \t]+)*\Z")


def _venue_like(text: str, m: re.Match) -> bool:
    """A "street word, number" match read as a venue's name: its capitalised run holds a
    chain's acronym ("AMC Mountain 16") among words not all in capitals, or "the" comes
    before it ("the Regal Union Square 14"). "We're at Maple Court 7" is a street."""
    run = _CAPITALISED_BEFORE.search(text, max(0, m.start() - 80), m.start())
    before = text[run.start():m.start()].split() if run else []
    words = before + m.group(0).split()[:-1]
    chain = any(len(w) > 1 and w.isupper() and w not in _COMPASS for w in words)
    if chain and not all(w.isupper() for w in words):
        return True
    previous = text[max(0, m.start() - 5):m.start()].split()
    return bool(previous) and previous[-1].lower() == "the"


def _confirmed(text: str, m: re.Match, start: int, end: int) -> bool:
    """An address cue before the street, or a postal code after a comma or line break in
    the tail it was extended over."""
    tail = text[m.end():end]
    return bool(_CUE.search(text[max(0, start - 80):start])) or bool(
        re.search(r"[,\n]", tail) and _HAS_POSTAL.search(tail))
