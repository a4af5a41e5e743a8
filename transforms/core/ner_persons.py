"""Which persons spaCy's NER finds in written English text stand (issue 9, over-redaction).

On tweets the NER reads many foreign or stretched words as people: a whole line of
Tagalog or Indonesian ("Basta dapat, pag may chance kang gawin"), "YESSSSH", "Helloooo";
and it takes the words around a name into it ("RT", "Apr", "amp", "'s").
:func:`written_person` trims a person's edges of such words and drops it when nothing
with evidence of a name is left. Persons the NER finds in a truecased copy of
speech-style text (:mod:`transforms.core.caseless_ner`) pass through it too, after
:func:`transforms.core.truecase.trusted`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional, Tuple

from transforms.core.departments import DEPARTMENTS
from transforms.core.name_lexicon import name_word
from transforms.core.recognizers.gazetteer_name import AMBIGUOUS, NOT_NAMES
from transforms.core.recognizers.speech_cue_name import PARTICLES
from transforms.core.recognizers.written_words import (any_foreign_stop, mixed_lines, mixed_stops,
                                                      name_evidence, sentence_start)
from transforms.core.venue_nouns import venue_span
from transforms.core.venue_words import (before_a_street_word, named_thing, numbered,
                                         plural_noun)

# Chat words, HTML entities left by a tweet's export ("&amp;" read as "amp"), and month
# and weekday abbreviations: never the edge of a name.
CHAT = {"rt", "amp", "gt", "lt", "quot", "lol", "lmao", "omg", "via", "ft", "feat", "pm",
        "am", "tue", "tues", "thu", "thur", "thurs", "fri", "apr", "aug", "sep", "null"}
# The labels written before a phone number ("tel. 020 ...", which the NER reads as a
# person): no edge of a name when a stop, a colon or a number follows ("Tel Aviv" keeps
# its first word).
CONTACT_LABELS = {"tel", "ph", "fax", "mob"}
# Month and weekday names that are not also given names ("June", "Jan", "May" are).
_DATE_WORDS = NOT_NAMES - {"jan", "may", "march", "april", "june", "august", "jesus", "god",
                           "lord", "allah", "christmas", "easter"}
_STRETCHED = re.compile(r"(\w)\1\1", re.IGNORECASE)


def stretched(word: str) -> bool:
    """A word with a letter three times in a row: "helloooo", "YESSSSH", "noooo"; no
    English or census name is written so ("Lloyd" has two)."""
    return bool(_STRETCHED.search(word)) and not any(c.isdigit() for c in word)


def _edge(token, stretch: bool = True) -> bool:
    """A token a written name does not begin or end with: punctuation, a possessive, a
    lowercase function word (English, or of a language tweets are often in:
    :func:`foreign_function_word`, on a line mixing that language in:
    :func:`.mixed_lines`), a chat or markup word, a month or weekday, a word of letters
    and digits ("user948", "mh17"), a stretched word (with ``stretch``). Written text keeps
    a capitalised stop word ("Will Smith") and a bare number, unlike
    :func:`..truecase._edge`, which reads caseless text."""
    lower = token.lower_
    return (token.is_punct or token.is_space or token.text in ("'s", "’s", "s")
            or (token.is_stop and token.text.islower()) or lower in CHAT
            or _contact_label(token)
            or lower in _DATE_WORDS or (stretch and stretched(token.text))
            or (token.text.islower() and foreign_function_word(lower)
                and mixed_lines(token.doc)[token.i])
            or _letters_and_digits(token.text))


def _contact_label(token) -> bool:
    """A label of :data:`CONTACT_LABELS` ("tel.", "fax") before a stop, a colon, a number
    or nothing."""
    if token.lower_.rstrip(".:") not in CONTACT_LABELS:
        return False
    if token.lower_ not in CONTACT_LABELS or token.i + 1 >= len(token.doc):
        return True  # "tel." read as one token
    after = token.doc[token.i + 1]
    return after.text in (".", ":") or after.like_num or after.text[:1].isdigit()


def _letters_and_digits(word: str) -> bool:
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


@lru_cache(maxsize=4096)
def foreign_function_word(word: str) -> bool:
    """A function word of a language tweets mix with English (Tagalog "si", "sa", "na",
    Indonesian "yang"; :data:`..written_words.MIXED_LANGUAGES`), never a name's own: not a name particle ("de", "van"), not a
    census name of some weight ("dan", "ana")."""
    if word in PARTICLES or word not in mixed_stops():
        return False
    entry = name_word(word)
    return entry is None or entry.wordness >= AMBIGUOUS


def _named(token) -> bool:
    """Evidence of a name on a foreign line: a word clearly a name in the census lists
    (:func:`.written_words.name_evidence`), or
    one capitalised mid-sentence ("Go Mar Roxas!")."""
    if name_evidence(token.lower_):
        return True
    if not token.text[:1].isupper() or token.text.isupper() or token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return not (token.is_sent_start or prev.is_punct or prev.is_space)


# The NER's labels for places (Presidio's LOCATION): trimmed as persons are, no more.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def hashtag(token) -> bool:
    """A word glued to "#" ("#AskEllen"), which the social text keeps as written. A user
    name ("@jdsamson", or "rt kurlykayy" with the "@" dropped) is no such edge: it names an
    account, so when the NER reads it as a person it goes like any name."""
    i = token.i
    prev = token.doc[i - 1] if i > 0 else None
    return prev is not None and prev.text == "#" and not prev.whitespace_


def trim_edges(doc, start: int, end: int, stretch: bool = True) -> Optional[Tuple[int, int]]:
    """The token range without the :func:`_edge` words at its ends ("rt X", "the chicago
    river", "sc amp") nor hashtags (:func:`hashtag`), or None when nothing else is left.
    Places keep stretched words (``stretch`` False): a handle such as "princessdollxxx" is
    read as one; and hashtags ("#Syria")."""
    def gone(token) -> bool:
        return _edge(token, stretch) or (stretch and hashtag(token))

    while start < end and gone(doc[start]):
        start += 1
    while end > start and gone(doc[end - 1]):
        end -= 1
    return (start, end) if start < end else None


# Verbs a command to an assistant opens with ("Add Ji-woo to the event", "Find Hannah's
# number"): the NER takes them into the name that follows.
COMMAND_VERBS = frozenset(
    "add find book get show play call text send tell ask remind notify schedule set check "
    "cancel make search look give let help email message transfer pay invite share contact "
    "thank reserve buy order open read list start stop turn phone ping dial forward reply "
    "request".split())


def _command_verb(token) -> bool:
    """The first word of a sentence that is a command verb, never a given name: unlisted,
    or listed but mostly an English word ("Call", "Book" are census surnames)."""
    lower = token.lower_
    if lower not in COMMAND_VERBS or not token.text[:1].isupper() or not sentence_start(token):
        return False
    entry = name_word(lower)
    return entry is None or entry.wordness >= AMBIGUOUS


def _possessive(doc, end: int) -> bool:
    """The token after ``end`` is "'s": a plural noun takes a bare apostrophe ("the
    Dodgers' game"), so "Mats's kid" is a person's."""
    return end < len(doc) and doc[end].text in ("'s", "’s")


_CLOSING_NOUNS = frozenset({"regards", "wishes", "rgds"})


def _closing_adjective(doc, start: int, end: int) -> bool:
    """ "Kindest regards", "Warmest wishes": words before a closing noun that are no listed
    name of some weight are the closing's adjective, not a person."""
    return end < len(doc) and doc[end].lower_ in _CLOSING_NOUNS and all(
        (entry := name_word(doc[i].lower_)) is None or entry.wordness >= AMBIGUOUS
        for i in range(start, end))


def written_person(doc, start: int, end: int,
                   foreign: Optional[List[bool]] = None) -> Optional[Tuple[int, int]]:
    """The token range of a person the NER found in written text, trimmed of :func:`_edge`
    words, or None when it does not stand: on a foreign line (``foreign``, from
    :func:`..written_words.foreign_lines`) a person needs :func:`_named` evidence. A span
    with a number in it ("Toy Story 4"), ending in a plural noun ("Imagine Dragons") or
    named after a kind of thing ("a restaurant named Bones") is a title, a band, a team or
    a venue (:mod:`..venue_words`), and so is one of a venue's words
    (:mod:`..venue_nouns`); a plural noun owning something ("Mats's kid") is not. An
    adjective before "regards" or "wishes" ("Kindest regards") is a closing formula."""
    if (numbered(doc, start, end) or named_thing(doc[start]) or venue_span(doc, start, end)
            or (plural_noun(doc[end - 1].text) and not _possessive(doc, end)
                and not before_a_street_word(doc, end))
            or _closing_adjective(doc, start, end)):
        return None
    span = trim_edges(doc, start, end)
    if span is None:
        return None
    start, end = span
    if end - start >= 2 and _command_verb(doc[start]):
        start += 1
    if end - start >= 3 and doc[end - 2].lower_ in ("of", "from") \
            and doc[end - 1].lower_ in DEPARTMENTS:
        end -= 2  # "Kevin of Billing": the department is no part of the name
    tokens = [doc[i] for i in range(start, end)]
    if foreign is not None and foreign[start] and not any(_named(t) for t in tokens):
        return None
    return start, end


def person_pieces(doc, start: int, end: int, foreign: List[bool],
                  caseless: bool = False) -> List[Tuple[int, int]]:
    """A person :func:`written_person` kept, on a line mostly not English (``foreign``,
    from :func:`..written_words.foreign_lines`, or a line mixing Tagalog or Indonesian in:
    :func:`.mixed_lines`), as the pieces of it that may be a name, each trimmed of
    :func:`_edge` words; on a foreign line each piece needs :func:`_named` evidence. The
    NER reads a word English does not know as a rare name, and such a line is full of
    them. In written text (not ``caseless``) the writer capitalised the names: the words
    in lower case are cut out ("nakita ko kanina si Ramon Bautista": "Ramon Bautista").
    In a caseless doc (speech-style, or a shouted line) the span is cut at the function
    words of those languages instead ("grabe talaga ang saya": "grabe talaga", "saya").
    On an English line the span as it is."""
    if not (foreign[start] or mixed_lines(doc)[start]):
        return [(start, end)]
    if not caseless:
        def cut(token) -> bool:
            return token.text.islower()  # "kanina", "@null"
    else:
        stops = any_foreign_stop()

        def cut(token) -> bool:
            return token.lower_ in stops
    pieces, i = [], start
    while i < end:
        if cut(doc[i]):
            i += 1
            continue
        j = i
        while j < end and not cut(doc[j]):
            j += 1
        piece = trim_edges(doc, i, j)
        if piece and (not foreign[start] or any(_named(doc[k]) for k in range(*piece))):
            pieces.append(piece)
        i = j
    return pieces
