"""The answer to a question for personal data: the line after an agent asks for a name,
a postcode or a date of birth holds it ("agent: can I take your postcode? / customer:
m o h 9 y s", "who am I speaking with? / katie marshall", "when were you born? / 2601
1979").

The question is read on the previous non-empty line (a speaker other than the answer's
when both lines name theirs); in the answer, after its "customer:" label:

- a postcode: each run of spelling tokens (:mod:`.spelling`) with a digit or three tokens;
- a name: each run of words that are not stop words or dialogue fillers (capitalised stop
  words and single letters kept: "Will", "k a t e"), in an answer of six words at most;
  in an answer spelled out (three letters in a row or more), every word but the fillers;
- a date of birth: first to last of its day, month and year words; in an answer of more
  than eight words (a post after a post about a birthday) only a stretch with a year, or a
  month and a day.

English: the questions and fillers are English.
"""
from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

from presidio_analyzer import RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from transforms.core.date_words import MONTH_WORDS, ORDINAL_WORDS, TEEN_WORDS, TENS_WORDS
from transforms.core.number_words import ONE_TO_NINE
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.spelling import spelled_runs

QUESTIONS = {
    "POSTAL_CODE": re.compile(r"(?i)\b(?:post\s?code|postal\s+code|zip(?:\s?code)?)\b"),
    "PERSON": re.compile(r"(?i)\b(?:(?:first|last|full|sur|family|given)?\s?name|who\s+(?:am|"
                         r"do)\s+i\s+(?:speak|talk)\w*|who(?:'s|\s+is)\s+(?:calling|speaking)|"
                         r"spell\s+(?:it|that))\b"),
    "DATE_OF_BIRTH": re.compile(r"(?i)\b(?:date\s+of\s+birth|birth\s?date|birthday|d\.?o\.?b|"
                                r"when\s+were\s+you\s+born|year\s+of\s+birth)\b"),
}
# A question or request, not a statement: "my name is ..." asks for nothing.
_ASKING = re.compile(r"(?i)\?|\b(?:your|who|when|what|what's|whats|can|could|may|confirm|"
                     r"tell\s+me|give\s+me)\b")
MAX_NAME_WORDS = 6  # a longer answer is not just a name: left to the other recognizers
MAX_DATE_WORDS = 8  # a longer answer holds a birth date only as :func:`holds_a_date` says
MAX_SAME_LINE_WORDS = 3  # after the question on its line: the line's last words only
_NAME_THEN_ANSWER = re.compile(
    r"(?im)\bwhat(?:'s|s|\s+is)\s+your\s+(?:(?:first|last|full|sur|family|given)\s?)?name"
    r"\b[ \t]*[?:]?[ \t]*(?P<answer>[^\W\d_][^\n?.!,;:]*?)[ \t]*[.!]?[ \t]*$")
SPELLED = 3  # letters in a row (single, NATO words) that make an answer a spelling
_CONNECTORS = {"of", "the", "and"}
_SPEAKER = re.compile(r"^\s*([A-Za-z][\w ]{0,20}?)\s*:\s*")
_WORD = re.compile(r"[^\W\d_][\w'\-]*|\d[\w/]*")
FILLERS = {"yes", "yeah", "yep", "sure", "okay", "ok", "um", "uh", "er", "erm", "hmm", "sorry",
           "name", "names", "surname", "first", "last", "full", "spelled", "spell", "spelt",
           "it's", "its", "that's", "thats", "please", "thanks", "thank", "hello", "hi",
           "called", "double", "mr", "mrs", "ms", "miss", "dr", "like", "letter", "capital",
           "speaking", "hyphen", "dash", "space", "oh", "right", "correct", "no", "nope",
           "born", "birth", "date", "birthday", "sir", "madam", "ma'am"}
# A vendor's mask or a placeholder ("[PII]", "<PERSON>") is no name word.
_MASKED = re.compile(r"[\[<]\w+[\]>]")
_ORDINAL_WORDS = list(ORDINAL_WORDS)
# "nineteen eighty five": every tens word, not only "twenty" and "thirty".
_NUMBER_WORDS = (list(ONE_TO_NINE) + list(TEEN_WORDS) + list(TENS_WORDS)
                 + ["hundred", "thousand", "oh", "zero"])
_DATE_WORDS = set(MONTH_WORDS) | set(_ORDINAL_WORDS) | set(_NUMBER_WORDS)
_DATE_TOKEN = re.compile(r"\d{1,8}(?:st|nd|rd|th)?|\d{1,2}[/\-.]\d{1,2}(?:[/\-.]\d{2,4})?",
                         re.IGNORECASE)


_YEARISH = re.compile(r"(?i)\b(?:19|20)\d\d\b|\b\d{6,8}\b|\b\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}\b|"
                      r"\b(?:nineteen|thousand)\b")
_DAY = re.compile(r"(?i)\b(?:[0-3]?\d(?:st|nd|rd|th)?|%s)\b" % "|".join(
    _ORDINAL_WORDS + _NUMBER_WORDS))
_MONTH = re.compile(r"(?i)\b(?:%s)\b" % "|".join(MONTH_WORDS))


def holds_a_date(span: str) -> bool:
    """A birth date names a year, or a month with a day: a lone "may", a clock time
    ("1030 pm", "17 00") or a list of numbers is none."""
    return bool(_YEARISH.search(span)) or bool(
        _MONTH.search(span) and _DAY.search(_MONTH.sub(" ", span)))


def _lines(text: str) -> Iterator[Tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _speaker(line: str) -> Optional[str]:
    m = _SPEAKER.match(line)
    return m.group(1).lower() if m else None


def _date_word(word: str) -> bool:
    low = word.lower()
    return (low in _DATE_WORDS or bool(_DATE_TOKEN.fullmatch(low))
            or any(low.startswith(p) and low[len(p):] in _DATE_WORDS
                   for p in ("twenty-", "thirty-", "nineteen-")))


def _name_word(word: str, first: bool) -> bool:
    """A word of a name: no filler, no stop word unless capitalised inside the answer."""
    low = word.lower()
    if low in FILLERS or not word[0].isalpha():
        return False
    if len(word) == 1:
        return low not in ("a", "i") or word.isupper()
    return low not in STOP_WORDS or (not first and word[0].isupper() and word[1:].islower())


def answer_spans(answer: str, kind: str) -> List[Tuple[int, int]]:
    """(start, end) of the ``kind`` value(s) in one answer line."""
    if kind == "POSTAL_CODE":
        return [(r.start, r.end) for r in spelled_runs(answer, 1)
                if r.tokens >= 3 or (any(c.isdigit() for c in r.reading)
                                     and len(r.reading) >= 2)]
    words = list(_WORD.finditer(answer))
    if kind == "DATE_OF_BIRTH":
        marks = [_date_word(w.group(0)) for w in words]
        for k, w in enumerate(words):  # "13th of the 8th": connectors inside a date
            marks[k] = marks[k] or (w.group(0).lower() in _CONNECTORS and any(marks[:k])
                                    and any(_date_word(x.group(0)) for x in words[k + 1:k + 3]))
    elif any(run.singles >= SPELLED for run in spelled_runs(answer, SPELLED)):
        marks = [w.group(0).lower() not in FILLERS for w in words]  # "l e w is", "SC o TT"
    elif len(words) > MAX_NAME_WORDS:
        return []
    else:  # a date in the same answer ("Jane Doe, born June 5") is not part of the name
        marks = [_name_word(w.group(0), k == 0) and not _date_word(w.group(0))
                 for k, w in enumerate(words)]
    masked = [m.span() for m in _MASKED.finditer(answer)]
    marks = [mark and not any(s < w.start() and w.end() < e for s, e in masked)
             for mark, w in zip(marks, words)]
    spans: List[List[int]] = []
    last = None
    for k, w in enumerate(words):
        if marks[k]:
            joined = last == k - 1 and (kind != "PERSON" or
                                        not answer[words[last].end():w.start()].strip())
            if spans and joined:  # "Jane Doe" one span; "Jane, Doe" two
                spans[-1][1] = w.end()
            else:
                spans.append([w.start(), w.end()])
            last = k
    if kind == "DATE_OF_BIRTH" and len(words) > MAX_DATE_WORDS:  # a tweet, not an answer
        spans = [s for s in spans if holds_a_date(answer[s[0]:s[1]])]
    return [tuple(s) for s in spans]


def prompted_answers(text: str) -> List[Tuple[str, int, int]]:
    """(entity, start, end) of each value answered right after a question for it."""
    found, previous = [], None
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        asked_here = [kind for kind, question in QUESTIONS.items() if question.search(line)
                      and _ASKING.search(line)]
        if previous is not None and not asked_here:  # a question answers nothing
            asked, who = previous
            speaker = _speaker(line)
            if asked and not (who and speaker == who):
                head = _SPEAKER.match(line).end() if speaker else 0
                for kind in asked:
                    found += [(kind, start + head + s, start + head + e)
                              for s, e in answer_spans(line[head:], kind)]
        previous = (asked_here, _speaker(line))
    return found


def same_line_names(text: str) -> List[Tuple[str, int, int]]:
    """A name answered on the question's own line, ending it: "what's your last name?
    Oomori", said without the question mark ("what's your last name king")."""
    found = []
    for m in _NAME_THEN_ANSWER.finditer(text):
        answer = m.group("answer")
        if len(_WORD.findall(answer)) <= MAX_SAME_LINE_WORDS:
            found += [("PERSON", m.start("answer") + s, m.start("answer") + e)
                      for s, e in answer_spans(answer, "PERSON")]
    return found


class PromptedAnswerRecognizer(RuleRecognizer):
    """The value on the line after a question for a name, a postcode or a birth date, and a
    name closing the line of its question."""

    ENTITIES = ["PERSON", "POSTAL_CODE", "DATE_OF_BIRTH"]

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        found = same_line_names(text) if "PERSON" in entities else []
        if "\n" in text:
            found += prompted_answers(text)
        return [result(self, kind, s, e, 0.6) for kind, s, e in found if kind in entities]
