"""The other half of a name found in part: the word beside it in caseless text, and a
regnal or generational numeral after it.

Speech-style text has no capitals for :func:`.spans.extend_name` to follow, and the
detectors often find one word of a two-word name ("alan" of "alan turing", "kumar" of
"dilip kumar"): the other word is then left beside a placeholder. On a line without
capitals, a name found as one word that is a listed given name takes the word after it
(only spaces between), and one that is a listed surname the word before it, when that
word may be the other part: listed as such and seldom used as a word (census wordness
below :data:`~.recognizers.gazetteer_name.CAPITALISED`), or unlisted, seldom used in
English text (Zipf below :data:`~.recognizers.gazetteer_name.RARE_WORD`), neither
inflected ("mccarthy campaigned", "mohamud unwittingly") nor derived ("steamship").
A one-word "name" the census lists do not hold (a species or a product found as one) is
not grown; nor is a name of two words or more ("envoy richard holbrooke", "richard
holbrooke campaigned") or a particle alone ("al qaida"). "told alan yesterday",
"thanks maria for the refund" stay as they are.

A Roman numeral of two letters or more right after a name, in any case, is part of it:
"King Edward VII's", "john smith iii"; so is a generational suffix, after a comma or not
("Noah Webster Sr.", "Martin Luther King, Jr."), and a byname of origin after a given
name alone ("Gregory of Tours", "Benoît de Sainte-Maure"; not "King Hussein of Jordan"). A lone "I" or "V" is left (a pronoun, a letter).
So is an epithet, "the" and a word of :data:`EPITHETS`, as a numeral is a ruler's or a
saint's: "alexander the great's conquests", "pliny the elder produced", "William the
Conqueror". It must end the name: the line or the text ends after it, or a possessive, a
function word or a past form ("was", "on", "produced") follows, not a noun it may qualify
("told alexander the great news", "john the younger brother").
"""
from __future__ import annotations

import dataclasses
import re
from typing import List, Optional, Sequence, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.core.departments import DEPARTMENTS
from transforms.core.legal_words import is_legal
from transforms.core.name_lexicon import name_word, zipf
from transforms.core.ner_persons import foreign_function_word
from transforms.core.recognizers.caseless_address import caseless_lines
from transforms.core.recognizers.common import NOT_A_NAME
from transforms.core.recognizers.gazetteer_name import CAPITALISED, NOT_NAMES, RARE_WORD
from transforms.core.recognizers.speech_cue_name import PARTICLES
from transforms.core.spans import Span
from transforms.core.word_forms import stems

_NUMERAL = re.compile(r"[ \t]+(?=[IVXivx]{2})(X{0,3}(?:IX|IV|V?I{0,3})|x{0,3}(?:ix|iv|v?i{0,3}))"
                      r"(?![^\W\d_])")
# Epithets of rulers, saints and figures of legend, after "the".
EPITHETS = ("great", "elder", "younger", "conqueror", "magnificent", "confessor", "lionheart",
            "terrible", "bald", "pious", "wise", "bold", "venerable", "baptist", "apostle",
            "evangelist", "impaler", "navigator", "liberator", "unready", "martyr")
# A generational suffix after a name, after a comma or not: "Noah Webster Sr.", "Martin
# Luther King, Jr."; its full stop is left (it may end the sentence).
_GENERATION = re.compile(r"(?:,[ \t]*|[ \t]+)(?:Jr|Sr|Jnr|Snr|JR|SR|jr|sr)(?![^\W\d_])")
# A byname of origin after a given name alone: "Isabella of France", "Gregory of Tours",
# "Benoît de Sainte-Maure", "Vratislaus II of Bohemia": one capitalised word (or two
# joined by a hyphen) that ends the name.
_BYNAME = re.compile(r"[ \t]+(?:of|de|d'|von|van|da|di)[ \t]*(?<=[ \t'])"
                     r"[A-Z\u00C0-\u00DE][^\W\d_]+(?:-[A-Z\u00C0-\u00DE][^\W\d_]+)?"
                     r"(?![^\W\d_]|-|[ \t]+[A-Z\u00C0-\u00DE])")
_CAPITALISED_BEFORE = re.compile(r"[A-Z\u00C0-\u00DE][^\W\d_]*\.?[ \t]+\Z")
_EPITHET = re.compile(r"[ \t]+the[ \t]+(?:" + "|".join(EPITHETS) + r")(?![^\W\d_])",
                      re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|[ \t]+s)(?![^\W\d_])")
_STOPS_HERE = re.compile(r"[ \t]*(?:\n|$|[^\w\s'’])")
_NEXT = re.compile(r"[ \t]+([^\W\d_]+(?:'[^\W\d_]+)*)(?!\w)")
STEM = 2.5  # Zipf from which the stem of an inflected-looking word makes it a word
# Inflections and the letters a stem may have lost to them: "reshaped" -> "reshape".
_SUFFIXES = (("ed", "e"), ("ing", "e"), ("ly", ""), ("es", ""), ("s", ""))
_DERIVED = ("ship", "ness", "able", "ible", "ment", "ism", "ist", "ists", "ity", "tion",
            "sion", "ous", "ize", "izing", "ized", "ise", "ful", "less", "ate")
_SPACES = re.compile(r"[ \t]+")
_ONE_WORD = re.compile(r"[^\W\d_]+")
_PREVIOUS = re.compile(r"(?<![\w'])([^\W\d_]+)[ \t]+\Z")


def _inflected(word: str) -> bool:
    """An English word inflected or made an adverb ("campaigned", "condemns", "sowing",
    "hotly"): its stem is a word English text uses ("campaign", "condemn", "sow"); or
    one made with a suffix names seldom end with ("steamship", "impenetrable")."""
    if word.endswith(_DERIVED):
        return True
    for suffix, restore in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2 \
                and any(zipf(s) >= STEM for s in stems(word, suffix, restore)):
            return True  # "campaigned", "regretted", "stopping"
    return False


def _may_join(word: str, part: str) -> bool:
    """A word that may be the ``part`` ("first" or "last") of a name beside the other
    part: a lowercase word listed and seldom used as a word, or unlisted and seldom used
    in English text and not inflected (not "yesterday", "for", "campaigned")."""
    if not word[:1].islower():
        return False  # a script without case ("张伟"); the line holds no capital
    lower = word.lower()
    if lower.endswith("'s"):
        lower = lower[:-2]
    if len(lower) < 2 or lower in NOT_A_NAME or lower in NOT_NAMES \
            or foreign_function_word(lower):
        return False
    entry = name_word(lower)
    if entry is not None:
        return getattr(entry, part) and entry.wordness < CAPITALISED
    return zipf(lower) < RARE_WORD and not _inflected(lower)


def _listed_as(word: str, part: str) -> bool:
    entry = name_word(word)
    return entry is not None and getattr(entry, part)


def _epithet_end(text: str, end: int) -> Optional[int]:
    """Where an epithet right after a name (``text[:end]``) ends: "[ the great]'s", or
    None (no epithet, or a word after it that it may qualify: a noun)."""
    epithet = _EPITHET.match(text, end)
    if not epithet:
        return None
    at = epithet.end()
    if _POSSESSIVE_AFTER.match(text, at) or _STOPS_HERE.match(text, at):
        return at
    after = _NEXT.match(text, at)
    word = after.group(1).lower() if after else ""
    if word in STOP_WORDS or (word.endswith("ed") and len(word) > 4):
        return at  # "was", "on", "produced"
    return None


_WORD_AFTER = re.compile(r"\.?[ \t]*([^\W\d_]+)")


def _legal_after(text: str, end: int) -> bool:
    """A legal word after "Sr" / "Jr": "Sr. Adv." (a senior advocate), "sr nos" (serial
    numbers) are no generational suffix."""
    after = _WORD_AFTER.match(text, end)
    return bool(after) and is_legal(after.group(1))


def _byname_fits(text: str, first: int, last: int, end: int) -> bool:
    """A byname of origin (:data:`_BYNAME`) follows the name ``text[first:last]`` (grown to
    ``end`` by a numeral): the name is one word, a listed given name or an unlisted rare
    one ("Niccola"), or a ruler's name with a numeral; no title
    or other capitalised word before it ("King Hussein of Jordan", "John Smith of Boston"
    stay apart)."""
    byname = _BYNAME.match(text, end)
    if not byname or not _ONE_WORD.fullmatch(text, first, last):
        return False
    if _ONE_WORD.findall(byname.group(0))[-1].lower() in DEPARTMENTS:
        return False  # "Kevin of Billing": a department, no place
    if _CAPITALISED_BEFORE.search(text, max(0, first - 40), first):
        return False
    if end != last:
        return True  # "Vratislaus II"
    entry = name_word(text[first:last].lower())
    if entry is None:
        return zipf(text[first:last].lower()) < RARE_WORD
    return entry.first


def _word_before(text: str, start: int) -> Optional[re.Match]:
    """:data:`_PREVIOUS` over the word before ``start``, read from that word's start (not
    from the text's: a long line of names would be read once per name)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_'"):
        i -= 1
    return _PREVIOUS.match(text, i, start)


def _names(text: str, spans: Sequence[Span]) -> List[Tuple[int, int, Span]]:
    """The extent of each name the PERSON spans make, those overlapping or parted only by
    spaces joined ("richard" + "holbrooke"), with the first of its spans."""
    names: List[List] = []
    for span in sorted((s for s in spans if s.entity == "PERSON"),
                       key=lambda s: (s.start, s.end)):
        last = names[-1] if names else None
        if last and (span.start <= last[1] or _SPACES.fullmatch(text, last[1], span.start)):
            last[1] = max(last[1], span.end)
        else:
            names.append([span.start, span.end, span])
    return [tuple(name) for name in names]


def join_neighbours(text: str, spans: Sequence[Span]) -> List[Span]:
    """A PERSON span over each name grown over a numeral after it, or, a one-word name on
    a caseless line, over the word before and the word after it that may be names."""
    grown, caseless_line = [], caseless_lines(text)
    for first, last, span in _names(text, spans):
        start, end = first, last
        numeral = _NUMERAL.match(text, end)
        epithet = _epithet_end(text, end)
        generation = _GENERATION.match(text, end)
        if generation and not _legal_after(text, generation.end()):
            end = generation.end()
        elif numeral and numeral.group(1):
            end = numeral.end()
        elif epithet is not None:
            end = epithet
        elif _ONE_WORD.fullmatch(text, start, end) and caseless_line(start, end) \
                and text[start:end] not in PARTICLES:  # "al" of "al qaida"
            found = text[start:end]
            after = _NEXT.match(text, end)
            if after and _listed_as(found, "first") and _may_join(after.group(1), "last"):
                end = after.end()
            before = _word_before(text, start)
            if before and _listed_as(found, "last") and _may_join(before.group(1), "first"):
                start = before.start()
        if _byname_fits(text, first, last, end):
            end = _BYNAME.match(text, end).end()
        if (start, end) != (first, last):
            grown.append(dataclasses.replace(span, start=start, end=end))
    return grown
