"""hushbeam's own Presidio recognizers, for what contact-center text looks like.

* :class:`SpokenNumberRecognizer`: digits read out by speech recognition ("four one five
  five five five ...", "double two", "oh"), classified as phone, SSN, card or number.
* :class:`SpokenEmailRecognizer`: "jane dot doe at example dot com".
* :class:`ContextNameRecognizer`: names in lowercase speech after cues such as "my name is",
  "this is", "thanks", kept only when spaCy does not tag the word as a function word or verb.
* :class:`ChecksumCardRecognizer` / :class:`ChecksumIbanRecognizer`: any Luhn-valid card
  number (2-series Mastercard included) and any mod-97-valid IBAN.
* :func:`address_recognizer`, :func:`date_of_birth_recognizer`: street addresses and dates
  near birth cues.

A recognizer that knows the canonical value of what it found (the digits of a spoken
phone, the address of a spoken email) puts it in ``recognition_metadata[CANONICAL]`` so the
pseudonym matches the structured column.
"""
from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

CANONICAL = "hushbeam_canonical"

NUMBER_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3",
                 "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9"}
_NUM_TOKEN = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|\d{1,4})"
NUM_RUN = re.compile(r"(?<![\w\-])" + _NUM_TOKEN + r"(?:[\s,\-]+" + _NUM_TOKEN + r")+(?![\w\-])",
                      re.IGNORECASE)
_SSN_CUE = re.compile(r"(?i)\b(?:ssn|social|security)\b")
_PHONE_CUE = re.compile(r"(?i)\b(?:phone|number|call|reach|mobile|cell|callback|fax|dial)\b")


def luhn_ok(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    s = re.sub(r"[\s\-]", "", candidate).upper()
    if not 15 <= len(s) <= 34 or not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def _result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float,
            canonical: Optional[str] = None) -> RecognizerResult:
    metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id}
    if canonical is not None:
        metadata[CANONICAL] = canonical
    return RecognizerResult(entity, start, end, score, recognition_metadata=metadata)


class _Recognizer(EntityRecognizer):
    """A rule-based recognizer: its entities in ``ENTITIES``, its name its class name."""

    ENTITIES: List[str] = []

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=list(self.ENTITIES), name=type(self).__name__,
                         supported_language=supported_language)

    def load(self) -> None:
        pass


def spoken_digits(text: str) -> str:
    """'seven double two oh 41' -> '722041' (only number words and digits expected)."""
    out, words, i = [], re.split(r"[\s,\-]+", text.strip().lower()), 0
    while i < len(words):
        word = words[i]
        if word in ("double", "triple") and i + 1 < len(words) and (
                words[i + 1] in NUMBER_WORDS or words[i + 1].isdigit()):
            nxt = NUMBER_WORDS.get(words[i + 1], words[i + 1])
            out.append(nxt * (2 if word == "double" else 3))
            i += 2
            continue
        out.append(NUMBER_WORDS.get(word, word if word.isdigit() else ""))
        i += 1
    return "".join(out)


class SpokenNumberRecognizer(_Recognizer):
    """Runs of number words (with at least two words, not plain digits) of 7+ digits."""

    ENTITIES = ["PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "SPOKEN_NUMBER"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        for m in NUM_RUN.finditer(text):
            words = re.findall(r"[a-z]+", m.group(0).lower())
            if sum(w in NUMBER_WORDS for w in words) < 2:
                continue
            digits = spoken_digits(m.group(0))
            kind = self._classify(digits, text[max(0, m.start() - 60):m.start()])
            if kind and kind in entities:
                results.append(_result(self, kind, m.start(), m.end(), 0.7, digits))
        return results

    @staticmethod
    def _classify(digits: str, before: str) -> Optional[str]:
        n = len(digits)
        if n < 7:
            return None
        if n == 9 and _SSN_CUE.search(before):
            return "US_SSN"
        if 13 <= n <= 19 and luhn_ok(digits):
            return "CREDIT_CARD"
        if n in (10, 11) or _PHONE_CUE.search(before):
            return "PHONE_NUMBER"
        return "SPOKEN_NUMBER"


_EMAIL_WORD = r"[^\W_]+"  # any script: "mülichen65"
SPOKEN_EMAIL = re.compile(
    r"(?i)(?<![\w@])(" + _EMAIL_WORD + r"(?:\s+(?:dot|underscore|dash|hyphen)\s+" + _EMAIL_WORD
    + r")*)\s+at\s+(" + _EMAIL_WORD + r"(?:\s+(?:dot|dash|hyphen)\s+" + _EMAIL_WORD
    + r")*\s+dot\s+[a-z]{2,10})\b")
_EMAIL_CONNECTORS = {"dot": ".", "underscore": "_", "dash": "-", "hyphen": "-"}


def spoken_email(local: str, domain: str) -> str:
    def join(part: str) -> str:
        tokens = part.lower().split()
        return "".join(_EMAIL_CONNECTORS.get(t, t) for t in tokens)
    return f"{join(local)}@{join(domain)}"


class SpokenEmailRecognizer(_Recognizer):
    """'jane dot doe at example dot com' -> EMAIL_ADDRESS (canonical jane.doe@example.com)."""

    ENTITIES = ["EMAIL_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        for m in SPOKEN_EMAIL.finditer(text):
            local_words = m.group(1).split()
            # "my email is jane at ..." must not swallow the words before the address
            if len(local_words) == 1 and local_words[0].lower() in _NAME_STOP:
                continue
            results.append(_result(self, "EMAIL_ADDRESS", m.start(), m.end(), 0.75,
                                   spoken_email(m.group(1), m.group(2))))
        return results


# Cues before a name, by strength: after a strong cue a name may be any content word;
# after a medium cue it must look like a noun; after a weak cue spaCy must call it PROPN.
_NAME_CUES = {
    "en": {"strong": r"my name is|my name's|name is|speaking with|speak with|speak to|"
                     r"talking to|mr|mrs|ms|miss|dr|mister|missus",
           "medium": r"this is|thanks|thank you|hi|hello|dear|bye|goodbye",
           "weak": r"i am|i'm|it's"},
    "fr": {"strong": r"je m'appelle|je m’appelle|mon nom est|monsieur|madame|mademoiselle|"
                     r"mme|mlle",
           "medium": r"c'est|c’est|merci|bonjour|bonsoir|au revoir",
           "weak": r"je suis|ici"},
}
_FUNCTION_POS = {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT", "NUM", "SYM",
                 "SPACE"}
_ALLOWED_POS = {"strong": None, "medium": {"PROPN", "NOUN", "X", "INTJ"}, "weak": {"PROPN"}}
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*")
_NAME_STOP = {"je", "vous", "mon", "ma", "le", "la", "les", "pour", "votre", "beaucoup",
              "bien", "oui", "non", "madame", "monsieur", "my", "me", "you", "your", "is", "it", "the", "a", "an", "and", "or", "for",
              "to", "at", "on", "in", "of", "so", "very", "much", "again", "all", "sir",
              "madam", "maam", "there", "here", "everyone", "team", "support", "agent",
              "customer", "calling", "good", "great", "fine", "ok", "okay", "yes", "no",
              "morning", "afternoon", "evening", "day", "bye", "thanks", "thank", "hello", "hi",
              "please", "sorry", "just", "about", "regarding", "email", "phone", "number",
              "account", "policy", "card", "help", "waiting", "holding"}


class ContextNameRecognizer(_Recognizer):
    """One or two words after a name cue, in text with little capitalisation."""

    ENTITIES = ["PERSON"]

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_language)
        cues = _NAME_CUES.get(supported_language, _NAME_CUES["en"])
        self._cue = re.compile(r"(?i)\b(?:" + "|".join(
            f"(?P<{strength}>{pattern})" for strength, pattern in cues.items())
            + r")\.?,?\s+")

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        doc = getattr(nlp_artifacts, "tokens", None)
        tokens = {} if doc is None else {t.idx: t for t in doc}  # by offset, built once
        results = []
        for cue in self._cue.finditer(text):
            strength = cue.lastgroup
            pos, end = cue.end(), None
            for _ in range(2):  # first name, optional last name
                word = _NAME_WORD.match(text, pos)
                if not word or not self._name_like(word.group(0), tokens.get(word.start()),
                                                   strength):
                    break
                end = word.end()
                nxt = re.match(r"[ \t]+", text[end:])
                if not nxt:
                    break
                pos = end + nxt.end()
            if end is not None:
                results.append(_result(self, "PERSON", cue.end(), end, 0.6))
        return results

    @staticmethod
    def _name_like(word: str, token, strength: str) -> bool:
        """``token`` is spaCy's token at the word, if any (no NLP: strong cues only)."""
        if len(word) < 2 or word.lower() in _NAME_STOP:
            return False
        if token is None:
            return strength == "strong"
        if token.is_stop or token.pos_ in _FUNCTION_POS:
            return False
        if token.pos_ in ("VERB", "ADV") and token.lemma_.lower() != token.lower_:
            return False  # "calling", "going": an inflected verb, not a name
        allowed = _ALLOWED_POS[strength]
        return allowed is None or token.pos_ in allowed


class ChecksumCardRecognizer(PatternRecognizer):
    """12-19 digits in groups, Luhn-valid: any issuer, 2-series Mastercard and 12-digit
    Maestro included."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entity="CREDIT_CARD", name="ChecksumCardRecognizer",
                         supported_language=supported_language,
                         patterns=[Pattern("card", r"(?<![\d\-])\d(?:[ \-]?\d){11,18}(?![\d\-])",
                                           0.6)],
                         context=["card", "visa", "mastercard", "amex", "credit", "debit"])

    def validate_result(self, pattern_text: str) -> bool:
        return luhn_ok(re.sub(r"\D", "", pattern_text))


_IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]){11,30}")


class ChecksumIbanRecognizer(_Recognizer):
    """Any country's IBAN, with or without spaces, valid under ISO 7064 mod 97.

    A candidate that runs on into the next word ("...98 CUSTOMER") is cut back to its
    longest valid prefix.
    """

    ENTITIES = ["IBAN_CODE"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        results = []
        for m in _IBAN_CANDIDATE.finditer(text):
            candidate = m.group(0)
            for end in range(len(candidate), 14, -1):
                piece = candidate[:end]
                if piece[-1].isalnum() and (end == len(candidate) or not candidate[end].isalnum()) \
                        and iban_ok(piece):
                    results.append(_result(self, "IBAN_CODE", m.start(), m.start() + end, 1.0))
                    break
        return results


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
_ADDRESS = (r"(?i)\b\d{1,6}[a-z]?(?:-\d{1,4})?,?\s+(?:[^\W\d_][\w'\-.]*\s+){0,4}?"
            r"(?:" + _STREET_SUFFIX + r")\b\.?"
            r"(?:,?\s+(?:apt|apartment|suite|ste|unit|flat|floor|fl|#)\.?\s*#?\s*[\w\-]+)?")
_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATE = (r"(?i)\b(?:\d{1,2}[/\-. ]\d{1,2}[/\-. ](?:19|20)?\d{2}"
         r"|(?:19|20)\d{2}[/\-.]\d{1,2}[/\-.]\d{1,2}"
         r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH + r")\.?,?\s+(?:19|20)\d{2}"
         r"|(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})\b")


# Street name then number, as in much of Europe: "Rynkebyvej 21", "Hauptstraße 5a".
_STREET_THEN_NUMBER = (r"\b[A-ZÀ-Þ][^\W\d_]*(?:vej|gade|straße|strasse|str\.|weg|gasse|laan|"
                       r"straat|vägen|gatan|veien|vegen|katu|utca|ulica|plein|steeg|allee|ring|"
                       r"damm|ufer|platz)\s+\d{1,5}[a-zA-Z]?\b")
_PO_BOX = r"(?i)\bP\.?\s?O\.?\s?Box\s+\d{1,6}\b"


def address_recognizer(language: str = "en") -> PatternRecognizer:
    """House number, up to five street words, a street suffix, an optional unit; or a
    European street name then its number; or a P.O. box."""
    return PatternRecognizer(supported_entity="STREET_ADDRESS", name="StreetAddressRecognizer",
                             supported_language=language,
                             patterns=[Pattern("street address", _ADDRESS, 0.6),
                                       Pattern("street then number", _STREET_THEN_NUMBER, 0.6),
                                       Pattern("po box", _PO_BOX, 0.6)],
                             context=["live", "address", "street", "ship", "mail", "moved"])


class ContextPhoneRecognizer(PatternRecognizer):
    """7-15 digits in groups, in any national format, kept only with a phone cue nearby
    (base score 0.2, raised by Presidio's context enhancement)."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(
            supported_entity="PHONE_NUMBER", name="ContextPhoneRecognizer",
            supported_language=supported_language,
            patterns=[Pattern("grouped digits",
                              r"(?<![\w+])\+?\(?\d{1,4}\)?(?:[ .\-/]?\(?\d{1,5}\)?){1,5}(?![\w])",
                              0.2)],
            context=["phone", "call", "mobile", "cell", "fax", "desk", "office", "tel",
                     "telephone", "reach", "contact", "number", "registered", "answering",
                     "messages", "text", "whatsapp", "téléphone", "portable"])

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        return None if 7 <= len(re.sub(r"\D", "", pattern_text)) <= 15 else False


def date_of_birth_recognizer(language: str = "en") -> PatternRecognizer:
    """A date, scored to pass only with a birth cue nearby (context enhancement)."""
    return PatternRecognizer(supported_entity="DATE_OF_BIRTH", name="DateOfBirthRecognizer",
                             supported_language=language,
                             patterns=[Pattern("date", _DATE, 0.2)],
                             # Presidio compares context with lemmas: "born" is "bear"
                             context=["birth", "born", "bear", "dob", "birthday",
                                      "birthdate"])


def hushbeam_recognizers(language: str = "en") -> list:
    return [SpokenNumberRecognizer(language), SpokenEmailRecognizer(language),
            ContextNameRecognizer(language), ChecksumCardRecognizer(language),
            ChecksumIbanRecognizer(language), address_recognizer(language),
            ContextPhoneRecognizer(language),
            date_of_birth_recognizer(language)]
