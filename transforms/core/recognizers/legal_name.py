"""Names in court judgments and legal text (issue 9), read from the text's own cues.

Judgments name people in set ways that spaCy, trained on news, half reads: initials glued
to a surname in a preamble laid out by a PDF tool, titles of several countries, a party's
role before or after the name. This recognizer marks, in English:

- after a title ("Mr", "Mrs", "Ms", "Dr", "Shri", "Sri", "Smt", "Justice", "Judge", several
  in a row: "Hon'ble Mr. Justice"), optional initials and one to three name words:
  "Mr A.B. Smith", "Smt.A.C.Vidhya", "mr s manikumar"; initials alone after Mr/Mrs/Ms/Dr
  or a role ("Mr A.B.", "the witness J.K.", two or more in lowercase: "the witness a b");
- initials before a capitalised name word ("G.Janakiraman", "C.P. Ashok Kumar");
- a judge's name before ", J." / ", JJ." ("Najmi Waziri, J.");
- both sides of an alias ("Killu @ Kailash") and of "v." / "vs." / "versus" when they are
  name words ("Meera v. Har Prasad"); a name before "(supra)" or "S/o" ("Jaajid Ali S/o.
  Kalu") or before its office on the bench ("Christos Rozakis, President", "..., judges")
  or its witness number ("anil sharma as pw 2");
- after a role ("the accused Laxmi", "represented by", "witness", "s/o", "P.W.2",
  "namely"), the name words that follow, and the next ones of a list ("accused a, b and c");
- a preamble line of name words before its party role ("Manga Singh ..... Respondent"),
  and name words before a defined role in a contract or judgment ('Bing Yu ("Borrower")',
  'Mr Zbigniew Wójcik ("the applicant")'); after "Attn:".

A *name word* is no legal word (``legal_words``), no stop word, and a listed census name
not too common as a word or a word English rarely uses, and no country ("Wójcik v.
Poland"); capitalised in cased text. In
lowercase (speech-style) text only the title, role and "versus" cues count ("vs" and "v"
only with a name on both sides, beside a party's role), and one word
of the name must pass a stricter test (wordness < 1, or unlisted below Zipf 3), so "the
judge said", "justice and fairness" stay.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from transforms.core.language import spacy_stop_words
from transforms.core.legal_words import is_legal
from transforms.core.name_lexicon import name_or_rare
from transforms.core.recognizers.common import NOT_A_NAME, SpanFinderRecognizer, merged
from transforms.core.recognizers.country_names import COUNTRY_NAMES
from transforms.core.recognizers.initials_name import RELATIONS
from transforms.core.venue_words import plural_noun

CASED_WORDNESS, CASED_ZIPF = 2.5, 4.0  # a capitalised name word in cased text
CASELESS_WORDNESS, CASELESS_ZIPF = 1.0, 3.0  # a name word in lowercase text
MAX_WORDS = 3
MAX_INITIALS = 4

_TITLE = (r"(?:mr|mrs|ms|miss|dr|shri|sri|smt|kumari|justice|judge|hon'?ble"
          r"|honourable|honorable|sh|(?-i:Kum|Km))")  # "kum" is a word in lowercase
_TITLES = re.compile(r"(?i)(?<![\w.])(?:" + _TITLE + r"\b\.?[ \t]*:?[ \t]*)+")
_INITIALS_ONLY_AFTER = {"mr", "mrs", "ms", "dr", "miss"}
_ROLE = re.compile(
    r"(?i)(?<![\w.])(?:applicants?|petitioners?|respondents?|appellants?|accused|deceased"
    r"|witness|complainant|informant|victim|plaintiffs?|defendants?|represented[ \t]+by|late"
    r"|attn|attention|namely"
    r"|[sdw]/o\.?|(?:son|daughter|wife|husband|widow)[ \t]+of|p\.?[ \t]?w\.?[ \t]?-?\d+"
    r"|d\.?[ \t]?w\.?[ \t]?-?\d+)(?![\w])(?:\(s\))?[ \t,:.-]*(?:no\.?[ \t]*\d+[ \t,:.-]*)?")
_INITIAL_CASED = re.compile(r"[A-Z]\.[ \t]?")
_INITIAL_CASELESS = re.compile(r"[a-z][ \t](?=[a-z])")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*(?!\w)")
_GAP = re.compile(r"[ \t]+")
_INITIALS_START = re.compile(r"(?<![\w.])(?=[A-Z]\.[ \t]?[A-Z])")
_JUDGE_SUFFIX = re.compile(r",[ \t]*JJ?\b\.?")
_ALIAS = re.compile(r"[ \t]@[ \t]")
_LIST_NEXT = re.compile(r"(?i)[ \t]*,?[ \t]*(?:and[ \t]+|&[ \t]*)?(?=\w)")
# After a name, its office in a list of the bench: "Christos Rozakis, President",
# "christos rozakis president", "Nicolas Bratza, Josep Casadevall, judges".
_OFFICE_AFTER = re.compile(r"(?i)[ \t]*,?[ \t]+(?:(?:vice-|vice[ \t]|deputy[ \t]+|section[ \t]+)?"
                           r"(?:president|registrar)|(?:ad[ \t]+hoc[ \t]+)?judges?)\b")
# After a name: a precedent cited by its party ("Jagdish Prasad (supra)") or a parent
# named next ("Jaajid Ali S/o. Kalu").
_AFTER_NAME = re.compile(r"(?i)[ \t]*\(?(?:supra|ibid)\b\)?|[ \t]+[sdw]/o\b")
_WITNESS_NO = re.compile(r"(?i)[ \t,]+(?:as[ \t]+)?[pdc]\.?[ \t]?w\.?[ \t]?-?\d+")
_VERSUS = re.compile(r"(?i)[ \t](?:v|vs|versus)\.?[ \t]")
_PARTY_ROLE = re.compile(
    r"(?i)(?<![\w.])(?:petitioner|respondent|appellant|applicant|complainant|accused"
    r"|plaintiff|defendant)s?\b(?:\(s\))?")
_PARTY_GAP = re.compile(r"(?:\.{2,}|…|[ \t]{2}|-{2,})[ \t.…-]*\Z")
_PARTY_TAIL = re.compile(r"(?i)[ \t]*(?:&[ \t]*(?:anr|ors)\.?|and[ \t]+(?:others|another))"
                         r"[ \t]*\Z")
_NUMBERING = re.compile(r"[ \t]*(?:\d+(?:/\d+)?[.)][ \t]*)?")
# "State of Gujarat v. ...": the words after these are a place, not a party's name.
_PLACE_OF = re.compile(r"(?i)\b(?:state|union|republic|government|kingdom|province|city"
                       r"|county|district)[ \t]+of[ \t]+\Z")
_LAST_WORD = re.compile(r"([^\W\d_](?:[^\W\d_]|['’.-])*)[ \t]*\Z")
# What may stand between a party's name and "versus": "& Ors.", "and others petitioners".
_PARTY_END = re.compile(
    r"(?i)(?:[ \t]+(?:and|&)[ \t]+(?:others|another|ors|anr)\.?)?"
    r"(?:[ \t.…-]*(?:petitioner|respondent|appellant|applicant)s?(?:\(s\)|/s|[ \t]s\b)?)?"
    r"[ \t.…-]*\Z")
# A party named, then its defined role: 'Bing Yu ("Borrower")', 'Mr X ("the applicant")'.
_DEFINED_ROLE = re.compile(
    r"(?i)[ \t]*\([ \t]*[“\"'‘][ \t]*(?:the[ \t]+)?(?:applicant|borrower|guarantor|executive"
    r"|employee|consultant|seller|buyer|purchaser|tenant|landlord|lessee|lessor|owner"
    r"|claimant|petitioner|respondent|appellant|plaintiff|defendant|debtor|creditor|pledgor"
    r"|grantor|trustee|beneficiary|shareholder|holder)s?[ \t]*[”\"'’][ \t]*\)")
_STOP = frozenset(spacy_stop_words("en")) | NOT_A_NAME | {
    "tel", "fax", "email", "mobile", "attn", "ref", "re", "pastor", "reverend", "rev",
    "bishop", "father", "uncle", "aunt", "chief", "king", "queen", "prince", "princess",
    "lord", "lady", "sir", "dame", "governor", "minister", "senator", "general", "captain",
    "officer", "doctor", "professor", "prof"}
_COUNTRIES = frozenset(c.lower() for c in COUNTRY_NAMES if " " not in c) | {"russia", "turkey"}


def name_like(word: str, cased: bool, strict: bool = False) -> bool:
    """A word that may be part of a name: no legal or stop word; capitalised in cased
    text; a listed name not too common as a word, or a rare word (``strict``: rarer)."""
    low = word.lower().replace("’", "'")
    if len(low) < 2 or is_legal(low) or low in _STOP or low in _COUNTRIES or plural_noun(low):
        return False  # plural_noun: "Giants vs Dodgers" is a game
    if cased and not word[0].isupper():
        return False
    return name_or_rare(low, CASELESS_WORDNESS if strict else CASED_WORDNESS,
                        CASELESS_ZIPF if strict else CASED_ZIPF)


def _cased(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` has capitals (else it is read as speech-style)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return any(c.isupper() for c in text[start:len(text) if end < 0 else end])


def _body(text: str, pos: int, cased: bool, initials_alone: bool = False,
          trusted: bool = False) -> Optional[Tuple[int, int]]:
    """The name that starts at ``pos``: initials, then up to three name words (in lowercase
    text one clearly rare, unless the cue is ``trusted``)."""
    start, end, count = pos, None, 0
    initial = _INITIAL_CASED if cased else _INITIAL_CASELESS
    while count < MAX_INITIALS:
        m = initial.match(text, pos)
        if not m:
            break
        pos, count = m.end(), count + 1
        end = m.end() if initials_alone and (cased or count >= 2) else end
    if not cased and count == 2 and text[start:pos].replace(" ", "").replace("\t", "") \
            in RELATIONS:
        start, end = pos, None  # "s o kundappa": S/O (son of) said as letters, no initials
    words, clear = 0, cased or trusted
    while words < MAX_WORDS:
        m = _WORD.match(text, pos)
        if words and not (m and name_like(m.group(0), cased)):
            inner = initial.match(text, pos)  # a middle initial: "arvind p datar"
            inner = inner if cased or text[pos:pos + 1] not in ("a", "i") else None  # words
            after = inner and _WORD.match(text, inner.end())
            if after and name_like(after.group(0), cased):
                m = after
        if not m or not name_like(m.group(0), cased):
            break
        end, words = m.end(), words + 1
        clear = clear or name_like(m.group(0), cased, strict=True)
        gap = _GAP.match(text, end)
        pos = gap.end() if gap else end
    if end is None or (words and not clear):
        return None
    while text[end - 1] in " \t":
        end -= 1
    return start, end


def _words_before(text: str, end: int, cased: bool, trusted: bool = False
                  ) -> Optional[Tuple[int, int]]:
    """Up to three name words (initials allowed) that end at ``end``."""
    pos, start, words, initials, clear = end, None, 0, 0, cased or trusted
    while words <= MAX_WORDS and initials <= MAX_INITIALS:
        m = _LAST_WORD.search(text[max(0, pos - 60):pos])
        if not m:
            break
        word = m.group(1)
        initial = cased and re.fullmatch(r"(?:[A-Z]\.)+", word)
        if not initial and (words == MAX_WORDS or not name_like(word.rstrip("."), cased)):
            break
        clear = clear or name_like(word.rstrip("."), cased, strict=True)
        start = pos - len(m.group(0))
        pos = start
        words, initials = (words, initials + 1) if initial else (words + 1, initials)
    if start is None or not clear:
        return None
    while text[end - 1] in " \t":
        end -= 1
    return start, end


def _legal_versus(text: str, m: re.Match, both: bool) -> bool:
    """In lowercase text, "versus" spelled out, or "vs" / "v" with a name on both sides
    beside a party's role ("vs" alone is chat: "sun vs ktv")."""
    return m.group(0).strip().lower() == "versus" or (both and bool(_PARTY_ROLE.search(
        text, max(0, m.start() - 100), m.end() + 100)))


def _spans(text: str) -> List[Tuple[int, int]]:
    found = []
    for m in _TITLES.finditer(text):
        titles = re.findall(r"(?i)[a-z']+", m.group(0))
        cased = _cased(text, m.start())
        alone = titles[-1].lower() in _INITIALS_ONLY_AFTER
        span = _body(text, m.end(), cased, initials_alone=alone)
        if span:
            found.append(span)
    for m in _ROLE.finditer(text):
        pos = _TITLES.match(text, m.end())
        cased = _cased(text, m.start())
        trusted = m.group(0)[:3].lower() == "att"  # "Attn: Bing Yu" names whoever follows
        span = _body(text, pos.end() if pos else m.end(), cased, initials_alone=True,
                     trusted=trusted)
        while span and len(found) < 1000:  # a list after the role: "accused a, b and c"
            found.append(span)
            more = _LIST_NEXT.match(text, span[1])
            span = _body(text, more.end(), cased, trusted=True) if more else None
    for m in _INITIALS_START.finditer(text):
        span = _body(text, m.start(), True)
        if span:
            found.append(span)
    for m in _JUDGE_SUFFIX.finditer(text):
        if _cased(text, m.start()):
            span = _words_before(text, m.start(), True)
            if span:
                found.append(span)
    for m in _DEFINED_ROLE.finditer(text):
        span = _words_before(text, m.start(), _cased(text, m.start()))
        if span:
            found.append(span)
    cues = [(m, False) for m in list(_AFTER_NAME.finditer(text))
            + list(_OFFICE_AFTER.finditer(text))] + [(m, True) for m in
                                                     _WITNESS_NO.finditer(text)]
    for m, trusted in cues:
        before = _words_before(text, m.start(), _cased(text, m.start()), trusted)
        if before and not _PLACE_OF.search(text, 0, before[0]):
            found.append(before)
    for cue in (_ALIAS, _VERSUS):
        for m in cue.finditer(text):
            cased = _cased(text, m.start())
            if cue is _ALIAS and not cased:
                continue
            tail = _PARTY_END.search(text, max(0, m.start() - 80), m.start())
            before = _words_before(text, tail.start() if tail else m.start(), cased)
            if before and _PLACE_OF.search(text, 0, before[0]):
                before = None
            after = _body(text, m.end(), cased)
            if after and not any(_WORD.finditer(text, *after)):
                after = None
            if cased or _legal_versus(text, m, both=bool(before and after)):
                found.extend(span for span in (before, after) if span)
    for m in _PARTY_ROLE.finditer(text):
        span = _party(text, m.start())
        if span:
            found.append(span)
    return merged(found)


def _party(text: str, role: int) -> Optional[Tuple[int, int]]:
    """A preamble line of name words that ends in dots or a wide gap before its party
    role ("Manga Singh      Respondent(s)", "S.Ganesh & Anr. ..... Appellant")."""
    line_start = text.rfind("\n", 0, role) + 1
    head = text[line_start:role]
    gap = _PARTY_GAP.search(head)
    if not gap or not _cased(text, role):
        return None
    head = head[:gap.start()].rstrip(" \t")
    tail = _PARTY_TAIL.search(head)
    end = line_start + (tail.start() if tail else len(head))
    pos = _NUMBERING.match(text, line_start).end()
    titles = _TITLES.match(text, pos)
    pos = titles.end() if titles else pos
    span = _body(text, pos, True)
    return span if span and span[1] >= end else None


class LegalNameRecognizer(SpanFinderRecognizer):
    """Names in court text after a title or role, with initials, beside "v." or "@"."""

    SCORE = 0.6

    @staticmethod
    def find(text: str) -> List[Tuple[int, int]]:
        return _spans(text)
