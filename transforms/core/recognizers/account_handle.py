"""Account handles said or written after their cue (issue 9): "Username: cminh730", "my
username is aphoenix939", "user name is jsmith_84", "login: rosa.lopez", "my screen name
is ...", and the answer right after an agent asked for it in the same text ("what is your
username? it's cminh730", or the handle alone on the next line or the one after).

A handle names one account, so it is pseudonymized like an e-mail address (``USERNAME``,
TOKEN in the default policy: the same handle gets the same pseudonym; the canonical is the
handle in lower case). The handle must follow its cue after a linking word ("is", ":",
"=") or, with a digit or joiner, right after it ("username cminh730", speech style), and
look like a handle: 3-32 letters, digits, ".", "_" or "-", with a digit, "_" or
"." inside, or a plain word rarer than ordinary English. So "user name field is empty",
"my username is not working", "login is broken" keep every word. A handle spelled letter by letter after its cue ("my
username is c m i n h seven three zero", or half in words: "j smith eighty four") is read
as one ("cminh730", "jsmith84": the same pseudonym as the handle written); after a cue
that names only an account ("username", "gamer tag") a plain noun and digits too
("dragon ninety nine": "dragon99").

A handle said alone, without its cue ("cminh730" in its own turn, answering the agent),
is found when it holds a name found in the same record: :func:`handles_of_names` (after
the recognizers, in :mod:`..text_redactor`) takes a token of letters with digits, or
joined by "." or "_" (in lower case when joined by "." or without digits: "Mr.V.Sheela" is
a title and a name), whose letters hold a surname or given name of four letters or more
the record names ("cminh730" once "Crystal Minh" is found, "rosa.lopez" after "Rosa").

Serves every language: the cues are English, the values language-neutral tokens.
"""
from __future__ import annotations

import re
from typing import Dict, List, Sequence, Set, Tuple

from transforms.core.name_lexicon import name_or_rare, zipf
from transforms.core.number_words import NUMBER_START, NUMBER_WORDS, read_value
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.secret_value import RARE_WORD, STATE_WORDS

ENTITY = "USERNAME"
_CUE = (r"(?:user\s?name|user\s?id|login(?:\s+(?:name|id))?|log[\s\-]in(?:\s+(?:name|id))?|"
        r"sign[\s\-]in\s+name|screen\s?name|account\s+(?:name|handle|username)|handle|"
        r"gamer\s?tag)")
_LINK = r"(?:[ \t]*(?:is|was|would\s+be|will\s+be|should\s+be|it's|it\s+is|:|=)(?![\w]))"
_NOISE = r"(?:[ \t]*(?:um|uh|er|erm|,|just)(?![\w]))*"
_VALUE = r"(?P<value>@?[A-Za-z0-9][A-Za-z0-9._\-]{1,30}[A-Za-z0-9])(?![\w@]|[.\-_]\w)"
# "user" alone is no cue: "User:" labels a speaker's turn in many dialogue exports.
_CUED = re.compile(r"(?i)\b(?P<cue>" + _CUE + r")\b" + _NOISE + r"(?P<link>" + _LINK + r")?"
                   + _NOISE + r"[ \t]*" + _VALUE)
# An agent's question for the handle, then "it's X" in the same text.
_ASKED = re.compile(r"(?i)\b(?:user\s?name|login|screen\s?name|handle|user\s?id)\b[^?\n]{0,40}\?"
                    r"[\s\S]{0,40}?\b(?:it's|it\s+is|its|sure,?\s+it's)[ \t]+" + _VALUE)
# The same question, answered on one of the next two lines by the handle alone, after a
# speaker's label or not ("agent: may I have your username?" / "customer: cminh730").
_ASKED_LINE = re.compile(r"(?im)\b(?:user\s?name|login|screen\s?name|handle|user\s?id)\b"
                         r"[^?\n]{0,60}\?[ \t]*\n(?:[^\n]*\n)?[ \t]*(?:[A-Za-z]{2,12}:[ \t]*)?"
                         r"(?:(?:it's|its|it\s+is|sure|yes|yeah|ok|okay)[,.]?[ \t]+)?"
                         + _VALUE + r"[ \t]*[.!]?[ \t]*$")
def handle_ok(value: str) -> bool:
    """Whether a token after the cue is a handle, not an ordinary word."""
    bare = value.lstrip("@")
    low = bare.lower()
    if low in STATE_WORDS or "#k1:" in bare or len(bare) < 3:
        return False
    if any(c.isdigit() for c in bare) or any(c in "._-" for c in bare) or value.startswith("@"):
        return not bare.isdigit() or len(bare) >= 4
    return zipf(low) < RARE_WORD


def _shaped(value: str) -> bool:
    """A handle by its shape alone: a letter, and a digit or a "." or "_" inside."""
    return any(c.isalpha() for c in value) and (any(c.isdigit() for c in value)
                                                or any(c in "._" for c in value[1:-1]))


def find_handles(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each handle after its cue."""
    spans = []
    for m in _CUED.finditer(text):
        if m.group("link") is None and not _shaped(m.group("value")):
            continue  # without "is" or ":" ("username cminh730", speech style) it must look like one
        if handle_ok(m.group("value")):
            spans.append(m.span("value"))
    for m in _ASKED.finditer(text):
        if handle_ok(m.group("value")):
            spans.append(m.span("value"))
    for m in _ASKED_LINE.finditer(text):
        value = m.group("value")  # alone, it must look like one
        if handle_ok(value) and _shaped(value):
            spans.append(m.span("value"))
    return sorted(set(spans))


# A handle spelled letter by letter after its cue, as speech recognition writes it ("my
# username is c m i n h seven three zero"): two single letters at least, then letters and
# number words (number_words.read_value reads them: "CMINH730").
_SPELLED_START = re.compile(r"(?i)\b(?:" + _CUE + r")\b" + _NOISE + _LINK + "?" + _NOISE
                            + r"[ \t]*(?=[a-z][ \t,]+[a-z0-9](?![\w'\-]))")


# Or said half in words, an initial or two, a word, then its digits ("my username is j
# smith eighty four": "jsmith84"); the word is no state word nor a very common one ("my
# username is the same as ...", "is also two ..." stay), and without an initial a name or a
# rare word ("my handle is dave ninety nine"; "the handle is loose five" stays).
_HALF_SPELLED = re.compile(r"(?i)\b(?P<cue>" + _CUE + r")\b" + _NOISE + _LINK + _NOISE
                           + r"[ \t]*(?P<letters>(?:[a-z][ \t]+){0,3})(?P<word>[a-z]{2,20})"
                           r"[ \t]+(?=(?:" + NUMBER_START + r"|double|triple)(?![\w'\-]))")
_COMMON_WORD = 5.5  # Zipf: "also", "still", "same" are commoner; "smith", "john" are not
# Without an initial before it, the word must be a name more than a word (census wordness
# under this: "dave", "golden"; "loose", "stuck", "morning" are over) or a rare word:
# "the handle is loose five millimetres", "my login is morning seven days a week" stay.
_NAME_NOT_WORD = 2.0
# After a cue that names nothing but an account ("username", "screen name", "gamer tag";
# not "handle", "login"), a plain noun will do ("dragon ninety nine": "dragon99") if it is
# rarer than the adverbs said there ("basically" 4.6, "currently" 5.1, "usually" 5.2).
_ACCOUNT_ONLY_CUE = re.compile(r"(?i)user\s?(?:name|id)|screen\s?name|gamer\s?tag|"
                               r"account\s+(?:name|username)")
_PLAIN_HANDLE_WORD = 4.5


def spelled_handles(text: str) -> List[Tuple[int, int, str]]:
    """(start, end, handle in lower case) of each handle spelled after its cue: three
    tokens or more read as letters and digits, two of them letters; or initials, a word
    and the digits said after it."""
    found = []
    for m in _SPELLED_START.finditer(text):
        value = read_value(text, m.end(), letters=True)
        if value is None or value.tokens < 3:
            continue
        reading = value.reading.lower()
        if sum(c.isalpha() for c in reading) >= 2 and len(reading) >= 3:
            found.append((m.end(), value.end, reading))
    for m in _HALF_SPELLED.finditer(text):
        word = m.group("word").lower()
        if (word in STATE_WORDS or word in NUMBER_WORDS or zipf(word) >= _COMMON_WORD
                or any(s <= m.start("letters") < e for s, e, _ in found)):
            continue
        if not m.group("letters").strip() and not name_or_rare(word, _NAME_NOT_WORD, RARE_WORD) \
                and not (_ACCOUNT_ONLY_CUE.fullmatch(m.group("cue"))
                         and zipf(word) < _PLAIN_HANDLE_WORD):
            continue
        value = read_value(text, m.end())
        if value is None or not value.reading.isdigit():
            continue
        initials = re.sub(r"\s", "", m.group("letters")).lower()
        found.append((m.start("letters"), value.end, initials + word + value.reading))
    return found


# A name word a handle is built of: letters only, four or more.
_NAME_WORD = re.compile(r"[^\W\d_]{4,}")
_HANDLE_TOKEN = re.compile(r"(?<![\w@.#:/\-])[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*"
                           r"(?![\w@#]|[.\-_][A-Za-z0-9])")


_DOMAIN = re.compile(r"^www\.|\.(?:com|org|net|edu|gov|io|co|uk|in|info|biz|us|de|fr|ca|au)$")


def handles_of_names(texts: Sequence[str], spans: Sequence[list],
                     groups: Sequence[int]) -> List[List[Tuple[int, int, str]]]:
    """(start, end, handle in lower case) for each text: the tokens that are a handle
    built of a name its record names (see the module's docstring); a text whose record
    names nobody gives none."""
    names: Dict[int, Set[str]] = {}
    for text, found, group in zip(texts, spans, groups):
        for span in found:
            if span.entity == "PERSON":
                names.setdefault(group, set()).update(
                    w.lower() for w in _NAME_WORD.findall(text[span.start:span.end]))
    out = []
    for text, text_spans, group in zip(texts, spans, groups):
        words = names.get(group)
        found = []
        if words:
            taken = [(sp.start, sp.end, sp.entity) for sp in text_spans]
            for m in _HANDLE_TOKEN.finditer(text):
                token = m.group(0)
                low = token.lower()
                if low in words or not (any(c.isdigit() for c in token)
                                        or "." in token or "_" in token):
                    continue  # the name itself, or a plain word: the cheap tests first
                if _DOMAIN.search(low) or any(
                        a < m.end() and m.start() < b and not (
                            entity == "PERSON" and m.start() <= a and b <= m.end()
                            and (m.start(), m.end()) != (a, b)) for a, b, entity in taken):
                    continue  # a web address; or found already, and not a name inside it
                if token != low and ("." in token or not any(c.isdigit() for c in token)):
                    continue  # "Mr.V.Sheela", "Conmt.Pet.": a title or abbreviation, no handle
                letters = re.sub(r"[^a-z]", "", low)
                if len(letters) >= 4 and any(w in letters for w in words) and handle_ok(token):
                    found.append((m.start(), m.end(), low))
        out.append(found)
    return out


class AccountHandleRecognizer(RuleRecognizer):
    """A user name, login or screen name after its cue: a ``USERNAME``."""

    ENTITIES = [ENTITY]
    SCORE = 0.8

    def analyze(self, text, entities, nlp_artifacts=None):
        if ENTITY not in entities:
            return []
        written = find_handles(text)
        spelled = [(s, e, value) for s, e, value in spelled_handles(text)
                   if not any(a < e and s < b for a, b in written)]
        return [result(self, ENTITY, s, e, self.SCORE, canonical=text[s:e].lstrip("@").lower())
                for s, e in written] + [result(self, ENTITY, s, e, self.SCORE, canonical=value)
                                        for s, e, value in spelled]
