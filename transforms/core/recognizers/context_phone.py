"""Phone numbers in any national format: with a phone cue nearby, or in a shape only a
phone has.

Serves every language: the digits are language-neutral, and the cues are English, French
and international ("tel", "whatsapp"). A run of digit groups is read whole, so a
league-table row ("Arsenal 38 26 9 3 73 26 87") is one run of seven groups, not a phone,
and a date or a score is never one. The cue is looked for in the words just before the
run (or a label right after it, "-Office", " fax"), not through Presidio's lemma
context, which drops stop words such as "call".
"""
from __future__ import annotations

import functools
import re
from typing import Callable, List, Optional, Tuple

import phonenumbers
from presidio_analyzer import RecognizerResult

from transforms.core.date_words import DAY_WORDS, MONTH_WORDS
from transforms.core.legal_words import in_judgment
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.results_rows import row_figures, said_abroad, trunk_led

# Digit groups joined by one separator each, an optional "+" or "(area)" in front; or one
# unbroken group of 11-15 digits (E.164, a phone only with its "+" or a cue); then an
# optional extension ("x187", "ext. 12"). A run starts where no word or number runs on into
# it, or right after a phone label glued to it ("office07700 718 521", "tel0207 946 0018":
# a form's "-Office" with its marks gone).
_GLUED_LABEL = "|".join(r"(?<=(?<![^\W\d_])(?i:%s))" % words for words in
                        ("office|mobile", "phone", "cell|home|work|desk", "fax|tel"))
_RUN = re.compile(r"(?:(?<![\w+\-./:$€£¥#])|" + _GLUED_LABEL + r")(?<!\d,)"
                  r"(?:(?:\+\s?)?\d{11,15}(?!\d)|(?:\+\s?)?"
                  r"(?:\(\d{1,5}\)\s?)?\d{1,10}(?:(?:[ .\-/]|\s?\(\d{1,5}\)\s?)\d{1,10})*)"
                  r"(?P<ext>\s?(?i:x|ext\.?|extension)\s?\d{1,6})?(?![\w/]|-\d|[.,:]\d)")
_CUE = re.compile(
    r"(?i)(?:\b(?:phone|phones|call|called|calling|callback|mobile|cell|cellphone|fax|desk|"
    r"office|tel|telephone|reach|contact|number|text|texts|texting|sms|message|"
    r"messages|whatsapp|ring|answering|landline|hotline|extension|ext|rang|rung|dial(?:l?ed)?|"
    r"téléphone|portable|numéro|appel(?:er|ez)?)\b)[^.!?\d]{0,40}$")
# Numbers that name what they are, when no phone cue says otherwise.
_OTHER_NUMBER = re.compile(
    r"(?i)\b(?:ticket|order|invoice|case|reference|ref|tracking|confirmation|booking|serial|"
    r"account|acct|policy|card|id|claim|transaction|receipt|item|sku|model|version|"
    r"score|scores|table|results?|appeals?|petitions?|writ|diary|slp|crl)\b[^.!?\d]{0,20}$")
_LABEL_AFTER = re.compile(r"(?i)^\s?[-(]?\s?(?:office|fax|mobile|cell|home|work|tel|phone|"
                          r"desk)\b|^[^.!?\n\d]{0,25}\b(?:phone|number|mobile|cell|fax|"
                          r"landline|whatsapp)\b")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_DATE_WORD_BEFORE = re.compile(r"(?i)\b(?:%s)\.?,?\s*$" % "|".join(MONTH_WORDS + DAY_WORDS))


_FILED = re.compile(r"[1-9]\d{0,5}/(?:1[89]|20)\d\d")  # "318/2006": a case or file number
_RANGE = re.compile(r"(\d{3,6})-(\d{3,6})")  # "Nos. 4042-4043": a range of numbers


def numbered_in_a_series(run: str) -> bool:
    """A number and its year after a slash ("No. 318/2006", a case or file number; a
    phone's area code before a slash starts with 0: "0221/1234567"), or a short range
    ("4042-4043": two numbers of one length, the second up to 99 above the first)."""
    if _FILED.fullmatch(run):
        return True
    m = _RANGE.fullmatch(run)
    return bool(m) and len(m.group(1)) == len(m.group(2)) and \
        0 < int(m.group(2)) - int(m.group(1)) <= 99


# "No. 119 2018", "nos 17623 21215 of 2019": a case or file number said with its year.
_NUMBER_MARK = re.compile(r"(?i)\bnos?\.?\s*$")
_OF_A_YEAR = re.compile(r"(?i)(?:\s*(?:,|&|and)\s*\d+(?:[ /-]\d+)*)*\s+of\s+(?:1[89]|20)\d\d\b")
_OF_BEFORE = re.compile(r"(?i)\bof\s+$")


# Money before the digits ("rs 49 96 719", "usd 445 6271"), clock hours after ("0600 1400
# hours"): an amount or a time, not a phone.
_CURRENCY_BEFORE = re.compile(r"(?i)\b(?:rs|inr|usd|eur|gbp|rupees|dollars|euros|pounds)"
                              r"\.?\s*$")
_HOURS_AFTER = re.compile(r"(?i)\s*(?:hours|hrs)\b")


def numbered_with_a_year(text: str, start: int, end: int,
                         judgment: Optional[Callable[[], bool]] = None) -> bool:
    """The digit groups at ``text[start:end]`` number something of a year, as case and
    file numbers are said once their slashes are gone: a number whose last group is a year
    right after "No."/"Nos" ("wa no 119 2018", "oa no 291 138 2020"); numbers followed by
    "of" and a year, perhaps after more numbers ("nos 17623 21215 of 2019", "17297 17298
    and 17299 of 2015"); a run starting with the year of an "of" before it ("... of
    2017 17297 17298"); in a judgment (:func:`..legal_words.in_judgment`), where a number
    with a year is a citation or a case number, up to four groups with a year after the
    first, which starts with no trunk "0" ("w p c 4951 2014", "cal 16323 9
    2002"; ``judgment``, when given, tells that of the text, read once per text). Also an
    amount after its currency or clock times before "hours". A phone is never numbered
    so; a phone cue still wins."""
    groups = _groups(text[start:end])
    if len(groups) < 2 or _cued_through_dots(text, start):
        return False
    before = text[max(0, start - 8):start]
    if _CURRENCY_BEFORE.search(before) or _HOURS_AFTER.match(text, end):
        return True
    if _YEAR.fullmatch(groups[-1]) and _NUMBER_MARK.search(before):
        return True
    if _YEAR.fullmatch(groups[0]) and _OF_BEFORE.search(before):
        return True
    if _OF_A_YEAR.match(text, end):
        return True
    return (len(groups) <= 4 and not groups[0].startswith("0")
            and any(_YEAR.fullmatch(g) for g in groups[1:])
            and (judgment or (lambda: in_judgment(text)))())


def _cued_through_dots(text: str, start: int) -> bool:
    """A phone cue before ``start``, an abbreviation's dot between ("mobile no. 0254")."""
    return bool(_CUE.search(text[max(0, start - 60):start].replace(".", " ")))


def case_or_amount(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` (another recognizer's phone, marks and all) is, with no phone
    cue before it, a case or file number (:func:`numbered_in_a_series`, "169/2017";
    :func:`numbered_with_a_year`, "FIR No.0254/2018"), an amount or clock hours."""
    lead = len(text[start:end]) - len(text[start:end].lstrip("(+ "))
    run = text[start + lead:end].rstrip(") ")
    if _cued_through_dots(text, start):
        return False
    return numbered_in_a_series(run) or numbered_with_a_year(text, start + lead,
                                                              start + lead + len(run))


def _groups(run: str) -> List[str]:
    return re.findall(r"\d+", run)


def date_or_time(text: str, start: int, end: int) -> bool:
    """The digit groups at ``text[start:end]`` are a date or a clock time, not a phone:
    every group a year (19xx, 20xx) or a number up to 59 in one or two digits, with a year
    among them or a month or weekday just before ("2015 12 07", "12 04 2015", "nov 2015 16
    52 59", "fri mar 06 20 10 01"); or a day of the month right after a month name with
    fewer than ten digits in all ("april 15 363 390")."""
    groups = _groups(text[start:end])
    if not groups:
        return False
    dated = bool(_DATE_WORD_BEFORE.search(text[max(0, start - 12):start]))
    if all(_YEAR.fullmatch(g) or (len(g) <= 2 and int(g) <= 59) for g in groups) and (
            dated or any(_YEAR.fullmatch(g) for g in groups)):
        return True
    return (dated and len(groups[0]) <= 2 and 1 <= int(groups[0]) <= 31
            and len("".join(groups)) < 10)


def _case_year(groups: List[str]) -> bool:
    """The run ends in a year after four or more digits: a case or citation number and
    its year ("diary no 53174 2022", "31208 2015")."""
    return bool(_YEAR.fullmatch(groups[-1])) and len(groups) >= 2 and len(groups[-2]) >= 4


def international(groups: List[str]) -> bool:
    """The groups are a number said with its country code, its "+" and brackets gone
    ("+41 (0)75 333 73 84" said "41 0 75 333 73 84", "+1-685-109-4584" said "1 685 109
    4584", "+447700 900461" said "447700 900461"): a first group that is or starts with
    a country calling code, an optional trunk "0" group, then a national number in a
    phone's shape, the whole a possible number of that country. Without a trunk "0" or
    a code glued to four or more digits, a group of four or more digits is needed: a row
    of scores has none. Never a case number and its year (:func:`_case_year`)."""
    if len(groups) < 2 or groups[0].startswith("0") or _case_year(groups):
        return False
    for size in range(1, min(3, len(groups[0])) + 1):
        code, head = groups[0][:size], groups[0][size:]
        if phonenumbers.region_code_for_country_code(int(code)) == "ZZ":
            continue
        rest = ([head] if head else []) + groups[1:]
        trunk = not head and rest[0] == "0"
        rest = rest[1:] if trunk else rest
        national = "".join(rest)
        if not 7 <= len(national) <= 12 or not _national_shape(rest, trunk) or not (
                trunk or len(head) >= 4 or max(len(g) for g in rest) >= 4):
            continue
        try:
            number = phonenumbers.parse("+" + code + national)
        except phonenumbers.NumberParseException:
            continue
        if (phonenumbers.is_possible_number_with_reason(number)
                == phonenumbers.ValidationResult.IS_POSSIBLE):  # not a local number only
            return True
    return False


def _national_shape(groups: List[str], trunk: bool) -> bool:
    """A national number's groups: one unbroken group, or up to five groups of which only
    the first (an area code: "8" for Stockholm) has one digit, with one of three or more
    digits unless a trunk "0" came before ("46 0 60 56 68 91")."""
    if len(groups) == 1:
        return True
    return (all(len(g) >= 2 for g in groups[1:]) and len(groups) <= 5
            and (trunk or max(len(g) for g in groups) >= 3))


def _shaped_like_a_phone(run: str, groups: List[str]) -> bool:
    """A phone without a cue: 7-15 digits starting "+" or "(area)" or said with its
    country code (:func:`international`); 10-13 digits unbroken; or groups of two or
    more digits: four or more pairs joined by "-" or ".", or by blanks with a leading 0
    ("50-98-28-96", "04 00 14 32 96"), four pairs with one above 59, which no clock time
    has ("26 67 57 33"), three to five groups with one of three or more ("432 03 163"),
    or two groups of 2-4 (2-5 with a leading 0) then 4-8 digits ("445 6271", "07700
    630201") that are not two years."""
    digits = "".join(groups)
    if not 7 <= len(digits) <= 15 or len(groups) > 6:
        return False
    if run.startswith(("+", "(")) or international(groups):
        return True
    if len(groups) == 1:  # a number with its area or country code, its marks gone
        return 10 <= len(digits) <= 13
    if len(groups) < 2 or any(len(g) < 2 for g in groups):
        return False
    if len(groups) >= 4 and all(len(g) == 2 for g in groups) and (
            " " not in run or groups[0].startswith("0")
            or (len(groups) == 4 and max(map(int, groups)) > 59)):
        return True
    if len(groups) == 2:  # an area code of up to five digits when it starts with 0
        return (2 <= len(groups[0]) <= (5 if groups[0][0] == "0" else 4)
                and 4 <= len(groups[1]) <= 8
                and not all(_YEAR.fullmatch(g) for g in groups))
    return len(groups) <= 5 and max(len(g) for g in groups) >= 3


def _amount(groups: List[str]) -> bool:
    """Thousands said group by group, cents perhaps after: "1 250 000 000", "1 000 000
    00" (written "$1,000,000.00"): a first group of one to three digits, then groups of
    three with a "000" among them (or "00" cents at the end); or lakhs and crores ("1 34
    56 177", "44 00 000"): groups of two after the first, then one of three."""
    middle = groups[1:-1] if len(groups[-1]) == 2 else groups[1:]
    thousands = (len(groups[0]) <= 3 and bool(middle) and all(len(g) == 3 for g in middle)
                 and ("000" in middle or groups[-1] == "00"))
    lakhs = (len(groups) >= 3 and len(groups[0]) <= 2 and len(groups[-1]) == 3
             and all(len(g) == 2 for g in groups[1:-1]))
    return thousands or lakhs


def _phone_beside_a_number(run: str, extension: bool) -> Optional[Tuple[int, int]]:
    """(start, end) in ``run`` of a phone that a number of something else touches: the
    run without its first group ("apt 5 | 415 555 0147") or, without an extension, its
    last ("415 555 0147 | 2 times"), when that part has a phone's shape; the whole run
    when both parts have one (which group is not the phone's is then unknown). Not in an
    amount (:func:`_amount`), nor in a run with a year before its last group or last
    after four or more digits (:func:`_case_year`): case or citation numbers and their
    years ("nos 1399 2017 1401 2017", "sc 1480 1967 2", "diary no 53174 2022"); a year
    last after shorter groups may end a phone ("apt 5 605 422 1913")."""
    spans = [g.span() for g in re.finditer(r"\d+", run)]
    groups = _groups(run)
    if len(spans) < 3 or _amount(groups) or _case_year(groups) or any(
            _YEAR.fullmatch(g) for g in groups[:-1]):
        return None
    parts = [(spans[1][0], len(run))] + ([] if extension else [(0, spans[-2][1])])
    shaped = [(start, end) for start, end in parts
              if _shaped_like_a_phone(run[start:end], _groups(run[start:end]))]
    if len(shaped) == 2:
        return 0, len(run)
    return shaped[0] if shaped else None


class ContextPhoneRecognizer(RuleRecognizer):
    """Runs of digit groups (at most six): 6-15 digits with a phone cue just before or a
    phone label or cue just after ("... is my number"), or 7-15 digits in a shape only
    phones have; else a part in that shape of a run of up to seven groups, a number of
    something else at one end ("apt 5 415 555 0147"). An extension after the run is part
    of the phone."""

    ENTITIES = ["PHONE_NUMBER"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "PHONE_NUMBER" not in entities:
            return []
        results = []
        judgment = functools.lru_cache(maxsize=1)(lambda: in_judgment(text))  # this text only
        for m in _RUN.finditer(text):
            ext = m.start("ext") if m.group("ext") else m.end()
            run = text[m.start():ext].rstrip()
            groups = _groups(run)
            digits = "".join(groups)
            if len(groups) > 7 or not 6 <= len(digits) <= 20 or _DATE.fullmatch(run):
                continue
            whole = len(groups) <= 6 and len(digits) <= 15
            line_before = text[max(0, m.start() - 60):m.start()]
            cued = bool(_CUE.search(line_before)) or bool(
                _LABEL_AFTER.match(text[m.end():m.end() + 40]))
            if not cued and (date_or_time(text, m.start(), m.start() + len(run))
                             or numbered_in_a_series(run) or figures(text, m.start(), run)
                             or numbered_with_a_year(text, m.start(), m.start() + len(run),
                                                     judgment)):
                continue
            other = bool(_OTHER_NUMBER.search(line_before))
            if whole and (cued or (_shaped_like_a_phone(run, groups) and not other)):
                end = m.end() if m.group("ext") else m.start() + len(run)
                results.append(result(self, "PHONE_NUMBER", m.start(), end,
                                      0.6 if cued else 0.5))
            elif not other:
                part = _phone_beside_a_number(run, bool(m.group("ext")))
                if part and not date_or_time(text, m.start() + part[0], m.start() + part[1]):
                    end = m.end() if part[1] == len(run) else m.start() + part[1]
                    results.append(result(self, "PHONE_NUMBER", m.start() + part[0], end, 0.5))
        return results


_WORD_AFTER = re.compile(r"[ \t]*[^\W\d_]")


def figures(text: str, start: int, run: str) -> bool:
    """The run (no phone cue) is a row of scores (:func:`score_row`; "387 15 388 20" said)
    with no trunk or area code, not said with a country code at one end, and no word
    right after it (a count's unit: "41 48 609 95 29 | 45 years old"); or prices or
    figures on a results row (:func:`..results_rows.row_figures`); never a phone said
    with its country code (:func:`..results_rows.said_abroad`)."""
    groups = _groups(run)
    row = score_row(run) and not trunk_led(groups) and not (
        international(groups[1:]) or international(groups[:-1])) and not \
        _WORD_AFTER.match(text, start + len(run))
    return (row or row_figures(text, start, start + len(run))) and not said_abroad(groups)


def score_row(run: str) -> bool:
    """Four or more groups of one to three digits of mixed sizes, apart by blanks and marks
    other than a leading "+" or "(": a row of scores or a league table ("17 8 4 5 27 25
    28", "63 61 .508 6 1/2"), not a phone, whatever a phone library makes of it. A phone
    in short groups has groups of one size ("01 23 45 67 89", digit by digit), or a
    country code and a trunk "0" in front ("41 0 75 333 73 84")."""
    groups = _groups(run)
    return (len(groups) >= 4 and not run.lstrip().startswith(("+", "("))
            and all(len(g) <= 3 for g in groups) and len({len(g) for g in groups}) > 1
            and not international(groups))
