"""Names in lowercase speech after cues such as "my name is", "this is", "thanks".

Serves the languages it has cue words for (:data:`NAME_CUES`); a name is kept only when
spaCy does not tag the word as a function word or an inflected verb. To serve one more
language, add its cues here and the language to its registration.
"""
from __future__ import annotations

import re
from typing import List

from presidio_analyzer import RecognizerResult

from transforms.core.name_lexicon import name_word, zipf
from transforms.core.recognizers.common import (DATE_NOT_NAMES, NOT_A_NAME, RuleRecognizer,
                                                result)

# Cues before a name, by strength: after a strong cue a name may be any content word;
# after a medium cue it must look like a noun; after a weak cue spaCy must call it PROPN.
NAME_CUES = {
    "en": {"strong": r"my name is|my name's|my names|name is|speaking with|speak with|"
                     r"speak to|talking to|mr|mrs|ms|miss|dr|mister|missus",
           "medium": r"this is|thanks|thank you|hi|hello|dear|bye|goodbye|call me|known as|"
                     r"goes by|(?:under|on|in|for|with) (?:the )?name(?: of)?",
           "weak": r"i am|i'm|it's"},
    # French titles: french_cue_name, which reads no comma after one ("Madame, Monsieur,
    # veuillez ..." opens a letter)
    "fr": {"strong": r"je m'appelle|je m’appelle|mon nom est",
           "medium": r"c'est|c’est|merci|bonjour|bonsoir|au revoir",
           "weak": r"je suis|ici"},
}
_FUNCTION_POS = {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT", "NUM", "SYM",
                 "SPACE"}
RARE = 3.0  # Zipf below which an English word the tagger calls a function word may be a name
COMMON = 3.5  # Zipf from which a word mostly a word is how one is addressed, not a name
WORDY = 2.0  # wordness from which a listed word is mostly a word ("friend", "mate", "lovely")
# Cues that greet or thank someone: what follows may be how one is addressed ("thanks
# friend"); a naming phrase ("on name kit", "call me") names.
GREETINGS = {"thanks", "thank you", "hi", "hello", "dear", "bye", "goodbye"}
_ALLOWED_POS = {"strong": None, "medium": {"PROPN", "NOUN", "X", "INTJ"}, "weak": {"PROPN"}}
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*")


def _rare_english(token) -> bool:
    """ "my name is miia": the tagger calls a lowercase rare word ADP; it is no function
    word (English frequencies, so English text only)."""
    return token.lang_ == "en" and zipf(token.lower_) < RARE


class ContextNameRecognizer(RuleRecognizer):
    """One or two words after a name cue, in text with little capitalisation."""

    ENTITIES = ["PERSON"]

    def __init__(self, supported_language: str = "en"):
        if supported_language not in NAME_CUES:
            raise ValueError(f"no name cues for language {supported_language!r}; "
                             f"cues exist for {sorted(NAME_CUES)}")
        super().__init__(supported_language)
        cues = NAME_CUES[supported_language]
        self._cue = re.compile(r"(?i)\b(?:" + "|".join(
            f"(?P<{strength}>{pattern})" for strength, pattern in cues.items())
            + r")\.?,?\s+")

    def analyze(self, text, entities, nlp_artifacts=None) -> List[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        doc = getattr(nlp_artifacts, "tokens", None)
        tokens = {} if doc is None else {t.idx: t for t in doc}  # by offset, built once
        results = []
        for cue in self._cue.finditer(text):
            strength = cue.lastgroup
            greeting = cue.group(strength).lower() in GREETINGS
            pos, end = cue.end(), None
            for _ in range(2):  # first name, optional last name
                word = _NAME_WORD.match(text, pos)
                token = tokens.get(word.start()) if word else None
                if not word or text[word.end():word.end() + 1].isdigit() or not self._name_like(word.group(0), token,
                                                   strength):
                    break
                if token is not None and greeting and _addressed_as(token):
                    break  # "thanks friend", "hi followers", "dear fridge"
                end = word.end()
                nxt = re.match(r"[ \t]+", text[end:])
                if not nxt:
                    break
                pos = end + nxt.end()
            if end is not None:
                results.append(result(self, "PERSON", cue.end(), end, 0.6))
        return results

    @staticmethod
    def _name_like(word: str, token, strength: str) -> bool:
        """``token`` is spaCy's token at the word, if any (no NLP: strong cues only)."""
        if len(word) < 2 or word.lower() in NOT_A_NAME or word.lower() in DATE_NOT_NAMES:
            return False  # "it's friday", "it's december 19"
        if token is None:
            return strength == "strong"
        if token.is_stop or (token.pos_ in _FUNCTION_POS and not _rare_english(token)):
            return False
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "ADV") and lemma != token.lower_ and zipf(lemma) >= RARE:
            return False  # "calling", "going": an inflected verb; not "turing" ("ture")
        allowed = _ALLOWED_POS[strength]
        return allowed is None or token.pos_ in allowed


def _addressed_as(token) -> bool:
    """A common noun that is mostly a word, after a greeting or thanks: how one is addressed
    ("thanks friend", "hi followers", "dear fridge"), not a name. Mostly a word: listed as
    a name but far more often a word (wordness >= :data:`WORDY`: "friend", "mate"; not
    "mark", "grace", "summer" below it), or in no name list ("brother", "followers"). The
    tagger must read a common noun: "dear god" (an interjection to it) and "thanks obama"
    (a proper noun) keep their names; so does a title before a given name ("thanks sister
    margaret")."""
    word = token.lower_
    if token.pos_ != "NOUN" or zipf(word) < COMMON:
        return False  # "dear god": the tagger reads no common noun
    if token.i + 1 < len(token.doc) and (after := name_word(token.nbor().lower_)) is not None \
            and after.first and after.wordness < WORDY:
        return False  # "thanks sister margaret": a title before a given name
    entry = name_word(word)
    return entry is None or entry.wordness >= WORDY
