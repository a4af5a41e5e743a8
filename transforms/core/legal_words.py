"""Words of court text that are never a person's name, taken off the edges of a name.

Judgments capitalise their vocabulary ("Court", "Article", "Applicant", "Registrar",
"Coram", "Versus", "Hon'ble Mr. Justice"), and a whole line may be one such word. spaCy and
the name rules read some of them as people ("Versus" PERSON; "Justice Najmi" after "Mr").
:func:`trim_person` takes these words, titles and "the", "of", "and" off both ends of a
PERSON result, and drops one left with no word, spelling a legal word ("O R D E R") or
inside a lettered heading ("A. Admissibility"):
"Mr. Justice Najmi Waziri" keeps "Najmi Waziri", "Versus" is no person. A word inside a
name is left alone.
"""
from __future__ import annotations

import re
from typing import Optional

from transforms.core.name_lexicon import name_word, zipf

LEGAL_WORDS = frozenset("""
court courts article articles government governments convention conventions applicant
applicants chamber chambers registrar registry section sections justice justices judge
judges judgment judgement order orders bench coram versus vs v hon hon'ble honble
honourable honorable ble petitioner petitioners respondent respondents appellant appellants
advocate advocates adv counsel petition petitions writ appeal appeals civil criminal
jurisdiction reportable dated present through between ors anr others learned senior
additional sessions magistrate tribunal commission plaintiff plaintiffs defendant
defendants accused deceased witness witnesses complainant prosecution prosecutor
applicant's state union oral sd prayer item crl cr case cases application affidavit
annexure exhibit paragraph para supra ibid apex supreme high district chief member
judicial accountant protocol commissioner secretary rapporteur grand president
vice-president deputy mr mrs ms miss dr shri sri smt sh kum kumari j jj nos no ld aor
dissenting concurring dissent admissibility merits act acts sr senior advs govt pleader
amicus curiae occ aged adult resident residing agp asg cgsc hcgp lawyer lawyers agent
agents solicitor solicitors barrister barristers attorney attorneys gp app addl
""".split())
# A title glued to a name is a word of its own ("Mr.Sanjay", "Ms.Justice"), and so is a
# parent's mark ("S/o", "W/o.": son, wife, daughter of).
_GLUED_TITLE = r"(?<![\w.])(?i:mr|mrs|ms|dr|shri|sri|smt|sh)\.(?=[^\W\d_])"
_PARENT = re.compile(r"(?i)[sdw]/o\.?")
_WORD = re.compile(_GLUED_TITLE + r"|(?<![\w/])(?i:[sdw]/o)\b\.?|[\w'’.-]+(?:\(s\)?|/[\w'’.-]+)*")
# A case number straight after the words: "Ia No.50939/2022", "Crl.A. No. 470" name a case.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]\.?")
_NUMERAL = re.compile(r"[IVXL]+\.")
_NAME_INITIAL = re.compile(r"[A-Z]\.")  # "P." of "H. P. Lovecraft"
_CASE_NUMBER = re.compile(r"(?i)nos?\.?[ \t]*\d")
# A case type's abbreviation ("Ia", "Crl.A.", "O.T."): pieces of one to three letters.
_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,3}\.)*[^\W\d_]{1,3}\.?")
# A legal word may carry a plural mark or a number: "Petitioner(s)", "Respondent/s",
# "Nos.15304", "No.4"; "Mr.Sanjay" is a title glued to a name, not a legal word.
_LEGAL_FORM = re.compile(r"([^\W\d_](?:[^\W\d_]|['’-])*)\.?(?:\(s\)?|/s)?(?:\d[\d./-]*)?")


# A judgment names its parties by their roles.
_PARTY_ROLE = re.compile(r"(?i)\b(?:petitioner|respondent|appellant|plaintiff|defendant)s?\b")


def in_judgment(text: str) -> bool:
    """Court text: two or more mentions of a party by its role ("petitioner",
    "respondents", "the appellant", "plaintiff", "defendant")."""
    found = _PARTY_ROLE.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


_TITLES = frozenset("mr mrs ms miss dr shri sri smt sh kum kumari j jj v vs no nos".split())


def is_legal(word: str) -> bool:
    """A legal word, also as the end of a compound: "Sub-Registrar", "Co-Accused"."""
    m = _LEGAL_FORM.fullmatch(word)
    if not m:
        return False
    low = m.group(1).lower().replace("’", "'")
    return low in LEGAL_WORDS or ("-" in low.strip("-") and low.rsplit("-", 1)[1] in (
        LEGAL_WORDS - _TITLES))


# Function words a name neither starts nor ends with ("The Court" is no "The").
_EDGE_WORDS = frozenset({"the", "of", "and", "in", "at", "for", "by", "to", "&"})


def _off_edge(word: str) -> bool:
    """A court word, title or joining word at either end of any detector's PERSON span;
    not the token edges of :mod:`.ner_persons` and :mod:`.truecase` (the NER's persons)."""
    return is_legal(word) or word.lower() in _EDGE_WORDS or bool(_PARENT.fullmatch(word))


# A language after "in" is no name ("done in english", the last line of a judgment).
_LANGUAGES = frozenset("""english french german turkish polish russian italian spanish
romanian ukrainian greek portuguese dutch arabic hungarian""".split())
_VERB_FORM = re.compile(r"(?i)[^\W\d_]{3,}(?:ed|ing)")


STEM = 2.5  # Zipf from which the word without its -ed/-ing is an English verb
SHORT_STEM = 4.0  # the same for a stem of three letters or fewer ("see", "pay"; not "tur")


def _verb_after(word: str) -> bool:
    """A verb read into the end of a name ("ayşe yıldırım lodged", "kowalska practising"):
    a common word in -ed or -ing that no census lists as a name ("Mohammed" is one), whose
    stem is an English word ("lodge", "practise"; not "khal(e)" of "Khaled", nor the
    abbreviation "tur" of "Turing": a short stem must be a common word, "seeing", "paying")."""
    low = word.lower()
    if not _VERB_FORM.fullmatch(word) or name_word(low) is not None or zipf(low) < 3.0:
        return False
    stem = low[:-2] if low.endswith("ed") else low[:-3]
    stems = {stem, stem + "e", stem[:-1] + "y"}  # "lodg(e)d", "appli(y)ed"
    if stem[-1:] == stem[-2:-1]:
        stems.add(stem[:-1])  # "submitted", "acquitted"
    return any(zipf(s) >= (SHORT_STEM if len(s) <= 3 else STEM) for s in stems)


def _parent_mark_cut(text: str, words: list) -> list:
    """Words without the half of a parent's mark spaCy cut in two ("Ali S" | "/o. Kalu")."""
    if words and len(words[-1].group(0)) == 1 and _PARENT.match(text, words[-1].start()):
        words = words[:-1]
    if words and words[0].group(0).lower().rstrip(".") == "o" and \
            _PARENT.match(text, max(0, words[0].start() - 2)):
        words = words[1:]
    return words


def _spelled_legal(words) -> bool:
    """A heading spaced out letter by letter ("O R D E R", "J U D G M E N T")."""
    return len(words) > 2 and all(len(w.strip(".")) == 1 for w in words) and \
        is_legal("".join(w.strip(".") for w in words))


def _spelled(words) -> bool:
    """A name spelled out ("j o h n", "s m i t h j", "M AR TI n Bo y l e"): three words or
    more, none longer than two letters; a letter at its ends is part of it, not a legal
    word ("J.", "v.")."""
    return len(words) > 2 and all(len(w.strip(".")) <= 2 for w in words)


# A lettered section heading on its own line: "A. Admissibility", "B. Merits", "C. Just
# satisfaction" (a name word there is rare and no English noun: "K. Dhananjay" stays).
_HEADING = re.compile(r"(?m)^[ \t]*[A-H]\.[ \t]+(?P<words>[^\n]*?)[ \t]*$")
_ABSTRACT = re.compile(r"(?:ility|ness|tion|sion|ment|ity|ence|ance|ism|ure|ings?)$")


HEADING_WORDS = 6  # a lettered line of this many words or more ending in a stop is prose


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a lettered heading line (or lies inside one). A line
    whose letter is followed by another initial opens with a name ("H. P. Lovecraft
    stated ..."), and a long line ending in a full stop, "!" or "?" is a sentence ("E. Smith
    said on Tuesday that the talks had failed."): neither is a heading."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _HEADING.match(text, line_start)
    if not m or m.end() < end:
        return False
    words = m.group("words").split()
    if words and _NAME_INITIAL.fullmatch(words[0]):
        return False
    if len(words) + 1 >= HEADING_WORDS and words[-1][-1:] in ".!?":
        return False
    return any(_ABSTRACT.search(w.lower()) or zipf(w.lower()) >= 3.0 for w in words)


def _line_end(text: str, end: int) -> int:
    """Where the line of a span ending at ``end`` ends. Read only when the span's words may
    make it a heading: a long line holds many names, and reading it for each would cost
    its length every time."""
    line_end = text.find("\n", end)
    return len(text) if line_end < 0 else line_end


def _case_type_initials(text: str, end: int, words: list) -> bool:
    """Initials before a bracket: a case type ("W.P.(C) 516/2010")."""
    return bool(words) and all(_INITIALS.fullmatch(w.group(0)) for w in words) and \
        "(" in text[words[0].start():min(len(text), end + 1)]


def _numbered_heading(text: str, end: int, words: list) -> bool:
    """Initials or a numeral before capitals: "I. THE CIRCUMSTANCES OF THE CASE"."""
    if not words or not all(_INITIALS.fullmatch(w.group(0)) or _NUMERAL.fullmatch(w.group(0))
                            for w in words):
        return False
    rest = text[end:_line_end(text, end)]
    return any(c.isupper() for c in rest) and not any(c.islower() for c in rest)


def _language_after_in(text: str, start: int, words: list) -> bool:
    """A language after "in": "done in english"."""
    return len(words) == 1 and words[0].group(0).lower() in _LANGUAGES and \
        bool(re.search(r"(?i)\bin[ \t]+\Z", text[max(0, start - 10):start]))


def _heading(text: str, start: int, end: int, words: list) -> bool:
    """A legal word spelled out, in the span or on its line ("O R D E R"), or a lettered
    heading (:func:`is_heading`)."""
    letters = all(len(w.group(0).strip(".")) == 1 for w in words)  # the line's are too
    line = text[text.rfind("\n", 0, start) + 1:_line_end(text, end)].split() if letters else []
    return _spelled_legal([w.group(0) for w in words]) or _spelled_legal(line) or \
        is_heading(text, start, end)


def _trimmed_words(text: str, words: list) -> tuple:
    """The words without a cut parent's mark, legal words and titles at both ends and verbs
    at the end; and the last word taken off the end (None if none)."""
    words = _parent_mark_cut(text, words)
    while words and _off_edge(words[0].group(0)):
        words.pop(0)
    tail = None
    while len(words) > 1 and _verb_after(words[-1].group(0)):
        words.pop()
    while words and _off_edge(words[-1].group(0)):
        tail = words.pop()
    return words, tail


def _case_type(text: str, end: int, words: list, tail) -> bool:
    """A case type before its number, not a name ("Crl.A. No. 470"; not "Anna Kowalska
    no. 3")."""
    return bool((tail is not None and _CASE_NUMBER.match(tail.group(0)) or
                 _CASE_NUMBER.match(text[end:end + 12].lstrip(" \t"))) and
                all(_ABBREVIATION.fullmatch(w.group(0)) for w in words))


def trim_person(text: str, start: int, end: int) -> Optional[tuple]:
    """(start, end) of a PERSON span without legal words or titles at its ends; None when
    nothing of a name is left."""
    words = list(_WORD.finditer(text, start, end))
    if _case_type_initials(text, end, words) or _numbered_heading(text, end, words) or \
            _language_after_in(text, start, words) or _heading(text, start, end, words):
        return None
    if _spelled([w.group(0) for w in words]):
        return start, end
    words, tail = _trimmed_words(text, words)
    if _case_type(text, end, words, tail) or \
            not any(c.isalpha() for w in words for c in w.group(0)):
        return None
    new_start, new_end = words[0].start(), words[-1].end()
    if (new_start, new_end) == (start, end):
        return start, end
    while new_end > new_start and text[new_end - 1] in ",;:(":
        new_end -= 1
    return (new_start, new_end) if new_end > new_start else None
