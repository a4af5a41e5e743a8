"""A truecased copy of a caseless (speech-style) spaCy doc, for the NER alone.

spaCy's English NER leans on capitals: in "veronica brenner of canada won" it finds no
person. When a text's capitals say nothing (:func:`..recognizers.gazetteer_name.is_cased`
is false: lowercase speech transcripts, shouting, title case), :func:`truecased_words`
writes each token as written English would, from shipped data only: the first word and
"i" capitalised; a word capitalised when the census lists hold it as mostly a name, when
spaCy's tagger reads it as a proper noun and it is not a very common word, or when it is
rare in English text (wordfreq) and no function word. Common words and function words
stay lowercase. Only letter case changes, token by token, so the NER's spans map back to
the original tokens one to one; every other detector keeps reading the original doc.
"""
from __future__ import annotations

import os
from typing import List

from transforms.core.name_lexicon import name_word, zipf
from transforms.core.recognizers.gazetteer_name import AMBIGUOUS, PAIRED, RARE_WORD, WEAK_CUES

PROPER_NOUN = float(os.environ.get("TC_PROPN", 5.5))  # Zipf below which a word spaCy tags PROPN is written capitalised
RARE = float(os.environ.get("TC_RARE", 3.0))  # Zipf below which an unlisted content word is written capitalised
LISTED_RARE = float(os.environ.get("TC_LRARE", 3.5))  # Zipf below which a listed (not mostly-name) word is capitalised
FIRST = bool(int(os.environ.get("TC_FIRST", 0)))
PAIRS = bool(int(os.environ.get("TC_PAIRS", 1)))
VERY_RARE = float(os.environ.get("TC_VRARE", 2.0))  # Zipf below which an unlisted word is capitalised whatever its tag
_FUNCTION_POS = {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "NUM", "SYM"}
_CONTENT_POS = {"NOUN", "PROPN", "ADJ", "X", "INTJ"}
_KEEP_LOWER = {"am", "pm", "ok", "okay", "yeah", "um", "uh", "hmm", "lol", "omg", "rt"}


def _eligible(token) -> bool:
    text = token.lower_
    return (token.is_alpha and len(text) >= 2 and not token.is_stop
            and text not in _KEEP_LOWER)


def _capitalise(token) -> bool:
    if not _eligible(token):
        return False
    text = token.lower_
    word = name_word(text)
    if word is not None and word.mostly_name:
        return True
    frequency = zipf(text)
    if token.pos_ == "PROPN" and frequency < PROPER_NOUN:
        return True
    if word is None and frequency < VERY_RARE and token.pos_ not in _FUNCTION_POS:
        return True
    if token.pos_ not in _CONTENT_POS:
        return False
    return frequency < (RARE if word is None else LISTED_RARE)


def _pair(a, b) -> bool:
    """A given name and a surname ("brad pitt", "rosemary clooney"), as the census
    recognizer pairs them."""
    if not (_eligible(a) and _eligible(b)):
        return False
    first, last = name_word(a.lower_), name_word(b.lower_)
    if first and last:
        return ((first.first or first.mostly_name) and last.last
                and first.wordness < AMBIGUOUS and last.wordness < AMBIGUOUS
                and first.wordness + last.wordness < PAIRED)
    if first:
        return ((first.first and first.mostly_name and zipf(b.lower_) < RARE_WORD)
                or (first.wordness < AMBIGUOUS and zipf(b.lower_) < VERY_RARE))
    if last:
        return ((last.last and last.mostly_name and zipf(a.lower_) < RARE_WORD)
                or (last.wordness < AMBIGUOUS and zipf(a.lower_) < VERY_RARE))
    return False


def truecased_words(doc) -> List[str]:
    """The doc's tokens as written English would case them (each the same length)."""
    caps = [_capitalise(token) for token in doc]
    if PAIRS:
        for a, b in zip(doc, doc[1:]):
            if _pair(a, b):
                caps[a.i] = caps[b.i] = True
    out, start = [], FIRST
    for token in doc:
        text = token.text
        lower = text.lower()
        if len(lower) != len(text):
            out.append(text)
            continue
        if lower == "i" or (token.is_alpha and (start or caps[token.i])):
            cased = lower[:1].upper() + lower[1:]
            out.append(cased if len(cased) == len(text) else lower)
        else:
            out.append(lower)
        if token.is_alpha or token.like_num:
            start = False
        elif FIRST and ("\n" in token.text or token.text in (".", "!", "?")):
            start = True
    return out


def truecased_doc(doc):
    """A new, unprocessed doc of the truecased words with the same tokens and spaces."""
    from spacy.tokens import Doc

    return Doc(doc.vocab, words=truecased_words(doc),
               spaces=[bool(token.whitespace_) for token in doc])


FILTER = bool(int(os.environ.get("TC_FILTER", 1)))
MULTI = bool(int(os.environ.get("TC_MULTI", 0)))
_CUES = WEAK_CUES | {"is", "am", "name", "named", "called", "mr", "mrs", "ms", "dr"}


def _evidence(token) -> bool:
    if token.pos_ == "PROPN" or zipf(token.lower_) < VERY_RARE:
        return True
    word = name_word(token.lower_)
    return word is not None and word.wordness < AMBIGUOUS


def trusted(doc, start: int, end: int, label: str) -> bool:
    """Whether a person the NER found in the truecased copy (tokens start..end of the
    original doc) stands: one of its words is read as a proper noun by the tagger, is a
    listed name or very rare, or a cue comes before it ("my kid lukas")."""
    if not FILTER or label != "PERSON" or (MULTI and end - start > 1):
        return True
    if any(_evidence(doc[i]) for i in range(start, end)):
        return True
    return start > 0 and doc[start - 1].lower_ in _CUES
