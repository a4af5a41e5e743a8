"""Spans of personal data in one text: the record's own identifiers found again, names
completed and carried across a record's fields, and overlaps resolved to one winner.

Beam-free and Presidio-free: a :class:`Span` is what any detector found; TextRedactor
turns Presidio's results into spans and treats the winners.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterable, List, Optional, Sequence, Tuple

from transforms.core.date_words import WEEKDAYS
from transforms.core.legal_words import is_legal
from transforms.core.name_lexicon import is_mostly_name, name_word, zipf
from transforms.core.normalize import NormalizationError, normalize_phone

_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().\-]{5,}\d(?!\w)")
_PHONE_SUFFIX = 8  # a written phone with the same last 8 digits is the same number


@dataclasses.dataclass(frozen=True)
class Span:
    """Where personal data was found in a text, and what it is."""

    start: int
    end: int
    entity: str
    score: float
    canonical: Optional[str] = None  # set for the record's own identifiers
    pseudonym_type: Optional[str] = None
    raw_canonical: Optional[str] = None  # what a recognizer read (spoken digits, email)
    # what found it (Presidio's recognizer name; see text_redactor.FOUND_BY); not compared
    recognizer: Optional[str] = dataclasses.field(default=None, compare=False)


@dataclasses.dataclass(frozen=True)
class KnownIdentifier:
    """A structured identifier of the record, to be found again in its text."""

    entity: str  # pseudonym type, e.g. EMAIL
    normalizer: str
    canonical: str


@functools.lru_cache(maxsize=4096)
def same_phone(written: str, canonical: str, region: str) -> bool:
    """Whether a phone written in text is the identifier (E.164 equal, or same last digits
    when the text adds or drops a country or trunk prefix). Kept per question: a record's
    phone is asked about again in each of its texts; ``TextRedactor.redact`` clears the
    memory after each batch (it holds raw phones)."""
    try:
        if normalize_phone(written, region) == canonical:
            return True
    except NormalizationError:
        return False
    digits, known = re.sub(r"\D", "", written), re.sub(r"\D", "", canonical)
    return (len(digits) >= _PHONE_SUFFIX and len(known) >= _PHONE_SUFFIX
            and digits[-_PHONE_SUFFIX:] == known[-_PHONE_SUFFIX:])


NAME = "name"  # normalizer of a display name from a vendor's metadata (never hashed)


def name_pattern(name: str) -> re.Pattern:
    """A display name as a whole word, any case; not inside an email or a dotted name."""
    return re.compile(r"(?<![\w.@])" + re.escape(name) + r"(?![\w@]|\.\w)", re.IGNORECASE)


def find_known(text: str, known: Sequence[KnownIdentifier], region: str) -> List[Span]:
    """Spans where the record's own identifiers occur, in any formatting for phones.

    A display name (normalizer NAME) is a PERSON span without a canonical value: it
    loses an overlap to an email or a phone, whose pseudonym must not change."""
    spans = []
    for ident in known:
        if ident.normalizer == NAME:
            spans.extend(Span(m.start(), m.end(), "PERSON", 1.0)
                         for m in name_pattern(ident.canonical).finditer(text))
        elif ident.normalizer == "phone":
            for m in _PHONE_CANDIDATE.finditer(text):
                if same_phone(m.group(0), ident.canonical, region):
                    spans.append(Span(m.start(), m.end(), ident.entity, 1.0,
                                      ident.canonical, ident.entity))
        else:
            pattern = re.compile(r"(?<![\w.@])" + re.escape(ident.canonical) + r"(?![\w@])",
                                 re.IGNORECASE)
            spans.extend(Span(m.start(), m.end(), ident.entity, 1.0, ident.canonical,
                              ident.entity) for m in pattern.finditer(text))
    return spans


_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_'\-]+")
_NOT_A_NAME = {"the", "and", "mr", "mrs", "ms", "miss", "dr", "van", "von", "de", "del", "da",
               "customer", "agent", "person"}


def name_words(name: str) -> List[re.Match]:
    """The words of a name that name someone (not "Mr", "the", "Customer"), as matches."""
    return [m for m in _NAME_TOKEN.finditer(name) if m.group(0).lower() not in _NOT_A_NAME]


# A possessive ("Einstein's") is no part of the name: "O'Neal" is, "'s" is not; a nickname
# in quotes is ('William " Cowboy " Cowley').
_NEXT_CAPITALISED = re.compile(
    r"[ \t]+(?:[\"“][ \t]*)?([A-Z\u00C0-\u00DE][^\W\d_]+(?:-[^\W\d_]+|'(?![sS]\b)[^\W\d_]+)*)")
_CAPITALISED_NOT_NAMES = {"The", "And", "Called", "Customer", "Agent", "Thanks", "Thank",
                          "Please", "Policy", "Account", "Card", "Email", "Phone", "Number"}


# "Sunil Dhadda Son Of Shri Heeralal Dhadda": a kinship said before the parent's name.
_KINSHIP = re.compile(r"(?i)(?:son|daughter|wife|husband|widow)[ \t]+of\b")


def _may_extend(word: str) -> bool:
    """Not shouting ("COMING"), no legal word ("Regional Court"), and not a common word
    unless it is a surname too ("Shannon Day" yes, "Look" no), and no weekday ("Justice
    Murali Purushothaman Thursday, The 7Th Day Of April")."""
    if (len(word) > 1 and word.isupper()) or is_legal(word) or word.lower() in WEEKDAYS:
        return False
    entry = name_word(word)
    return (zipf(word.lower()) < 5.0 or is_mostly_name(word)
            or (entry is not None and entry.last and entry.wordness < 3.5))


def extend_name(text: str, span: Span) -> Span:
    """'Urmi' followed by ' Nanda': NER often stops after a first name it doesn't know."""
    if span.entity != "PERSON":
        return span
    end = span.end
    for _ in range(2):
        m = _NEXT_CAPITALISED.match(text, end)
        if not m or m.group(1) in _CAPITALISED_NOT_NAMES or not _may_extend(m.group(1)) \
                or _KINSHIP.match(text, m.start(1)):
            break
        end = m.end()
    return span if end == span.end else dataclasses.replace(span, end=end)


COMMON_WORD = 4.5  # Zipf from which an unlisted word of a name is not looked for again
WORDY = 2.0  # wordness from which a listed one is not ("love", "will"; "mark" 0.1 is)


def _common_word(word: str) -> bool:
    """A common English word seldom a name ("love" of "Kevin Love", "surprise", "will"):
    found again alone it is the word, not the name."""
    entry = name_word(word)
    if entry is not None:
        return entry.wordness >= WORDY
    return zipf(word.lower()) >= COMMON_WORD


def propagate_names(texts: Sequence[str], spans: Sequence[List[Span]],
                    groups: Sequence[int]) -> List[List[Span]]:
    """Names found anywhere in a record, found again (any case) in all its texts.

    Agent notes often carry "Customer Jane Doe called" while the voice transcript says
    "this is jane": the notes' name then marks the transcript too. A legal word inside a
    name ("Court" of a court read as a person) is not looked for. A common English word
    seldom a name (:func:`_common_word`) is looked for in any case in the record's other
    fields (the notes' "Shannon Day" makes the transcript's "day" a name), but in its
    own text alone only as written, capitalised ("Player" again, not "love" in "you gotta
    love it" after "Kevin Love"), and in any case with the rest of its name.
    """
    names, common = {}, {}  # group -> patterns; (group, text index) -> common words
    for index, (text, found, group) in enumerate(zip(texts, spans, groups)):
        for span in found:
            if span.entity == "PERSON":
                words = [w for w in _NAME_TOKEN.findall(text[span.start:span.end])
                         if len(w) >= 3 and w.lower() not in _NOT_A_NAME and not is_legal(w)]
                for word in words:
                    if _common_word(word):
                        common.setdefault((group, index), set()).add(word)
                    else:
                        names.setdefault(group, set()).add(re.escape(word.lower()))
                if len(words) > 1 and any(_common_word(w) for w in words):
                    # "shannon day" in any case, as a whole
                    names.setdefault(group, set()).add(
                        r"\s+".join(re.escape(w.lower()) for w in words))
    extra = []
    for index, (text, group) in enumerate(zip(texts, groups)):
        anycase, written = set(names.get(group, ())), set()
        for (other_group, other), words in common.items():
            if other_group != group:
                continue
            if other == index:  # its own text: only as written, capitalised
                written |= {re.escape(w) for w in words if w[:1].isupper() and not w.isupper()}
            else:  # another field's name (the notes'): in any case
                anycase |= {re.escape(w.lower()) for w in words}
        found = []
        for words, flags in ((anycase, re.IGNORECASE), (written, 0)):
            if words:
                pattern = re.compile(r"(?<![\w])(?:" + "|".join(
                    sorted(words, key=len, reverse=True)) + r")(?![\w])", flags)
                found += [Span(m.start(), m.end(), "PERSON", 0.55)
                          for m in pattern.finditer(text)]
        extra.append(found)
    return extra


def resolve_overlaps(spans: Iterable[Span], priority: Sequence[str]) -> List[Tuple[int, int, Span]]:
    """Merge overlapping spans into clusters; returns (start, end, winner) sorted by start."""
    rank = {entity: i for i, entity in enumerate(priority)}
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    clusters: List[List[Span]] = []
    cluster_end = -1
    for span in ordered:
        if clusters and span.start < cluster_end:
            clusters[-1].append(span)
            cluster_end = max(cluster_end, span.end)
        else:
            clusters.append([span])
            cluster_end = span.end
    out = []
    for cluster in clusters:
        winner = min(cluster, key=lambda s: (s.canonical is None,
                                             rank.get(s.entity, len(rank)), -s.score,
                                             -(s.end - s.start), s.start, s.entity))
        out.append((min(s.start for s in cluster), max(s.end for s in cluster), winner))
    return out
