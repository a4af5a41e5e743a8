"""A truecased copy of a speech-style spaCy doc, for the NER alone, and which of the
persons the NER finds in it stand.

spaCy's English NER leans on capitals: in "veronica brenner of canada won" it finds
nothing but an organisation. :func:`truecased_words` writes each token of a caseless
text as written English would, from shipped data only, capitalising:

- a word the census lists hold as mostly a name ("veronica");
- a word spaCy's tagger reads as a proper noun that is not a very common word ("canada");
- a word the lists do not know and English text hardly uses (wordfreq Zipf < 2: "uotila",
  "oluwaseun"), and a rare content word (Zipf < 3; < 3.5 if listed: "hepburn"), unless
  it is a regular form of a common word (:mod:`.word_forms`: "assignees", "undrawn");
- both words of a given name and a surname, as the census recognizer pairs them ("brad
  pitt"), and "i".

Function words, stop words and common words stay lowercase, and so do, on rarity alone,
run-together words ("leadersdebate", "southernhospitality": flattened hashtags) and the
words of a line English hardly uses (a tweet in Tagalog or Indonesian), where rarity
says nothing about names. Only letter case changes, token by token, so the NER's spans
map back to the original tokens one to one; every other detector reads the original doc. A person found in the copy stands only with some
evidence (:func:`trusted`): capitalised rare words in tweets ("honeymoon", "squirrel")
are otherwise read as names.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from transforms.core.name_lexicon import name_or_rare, name_word, zipf
from transforms.core.recognizers.common import line_ranges, shouted
from transforms.core.recognizers.gazetteer_name import (AMBIGUOUS, CAPITALISED, PAIRED,
                                                        RARE_WORD, WEAK_CUES)
from transforms.core.recognizers.secret_value import CUE_WORDS
from transforms.core.recognizers.written_words import foreign_lines
from transforms.core.results_words import SECTION_WORDS
from transforms.core.run_together import UNHEARD, run_together
from transforms.core.word_forms import english_form
from transforms.core.world_names import full_names

PROPER_NOUN = 5.5  # Zipf below which a word the tagger calls PROPN is capitalised
RARE = 3.0  # Zipf below which an unlisted noun, adjective or interjection is capitalised
LISTED_RARE = 3.5  # the same for a listed word that is not mostly a name
_CONTENT_POS = {"NOUN", "PROPN", "ADJ", "X", "INTJ"}
# ... and the cues of secrets and handles ("cvv is 123": no person).
_KEEP_LOWER = {"am", "pm", "ok", "okay", "yeah", "um", "uh", "hmm", "lol", "omg", "rt",
               *CUE_WORDS}
_ORG_LIKE = {"ORG", "FAC", "NORP"}
_CUES = WEAK_CUES | {"is", "am", "name", "named", "called", "mr", "mrs", "ms", "dr"}
COMMON = 3.5  # Zipf from which a word is common English
ENGLISH_SHARE = 0.35  # share of common-English words or names below which a line is not English
LONGEST_PERSON = 4  # tokens; a longer "person" in the copy is a list of names or a misread line


def _eligible(token) -> bool:
    return (token.is_alpha and len(token.text) >= 2 and not token.is_stop
            and token.lower_ not in _KEEP_LOWER and not _section_word(token))


def _section_word(token) -> bool:
    """A sports or market word ("soccer", "results"), kept lower case; not right after a
    given name, where it is a surname ("joe hockey")."""
    if token.lower_ not in SECTION_WORDS:
        return False
    before = name_word(token.doc[token.i - 1].lower_) if token.i > 0 else None
    return before is None or not before.first or before.wordness >= AMBIGUOUS


def _listed(word: str) -> bool:
    entry = name_word(word)
    return entry is not None and entry.wordness < AMBIGUOUS


def _english_lines(doc) -> List[bool]:
    """Per token: are enough words of its line common English words or listed names (or
    is it too short to tell)? A list of names is English; a line in Tagalog is not."""
    out, start = [False] * len(doc), 0
    for end in range(len(doc) + 1):
        if end < len(doc) and "\n" not in doc[end].text:
            continue
        words = [t for t in doc[start:end] if t.is_alpha]
        common = sum(zipf(t.lower_) >= COMMON or t.is_stop or _listed(t.lower_) for t in words)
        english = len(words) < 4 or common >= ENGLISH_SHARE * len(words)
        for i in range(start, min(end + 1, len(doc))):
            out[i] = english
        start = end + 1
    return out


def shouted_lines(doc) -> List[bool]:
    """Per token: is its line :func:`shouted`? The tagger reads such a line as proper nouns
    throughout, and the NER as organisations."""
    out = [False] * len(doc)
    for start, end in line_ranges(doc):
        if end > start and shouted(doc[start:end].text):
            out[start:end] = [True] * (end - start)
    return out


def _capitalise(token, english: bool = True) -> bool:
    if not _eligible(token):
        return False
    word = name_word(token.lower_)
    if word is not None and word.mostly_name:
        return True
    if not english or run_together(token.lower_) or english_form(token.lower_):
        return False
    frequency = zipf(token.lower_)
    if token.pos_ == "PROPN" and frequency < PROPER_NOUN:
        return True
    if word is None and frequency < UNHEARD:
        return True
    if token.pos_ not in _CONTENT_POS:
        return False
    return frequency < (RARE if word is None else LISTED_RARE)


def _pair(a, b) -> bool:
    """A given name and a surname ("brad pitt", "rosemary clooney", "bela lévai")."""
    if not (_eligible(a) and _eligible(b)):
        return False
    first, last = name_word(a.lower_), name_word(b.lower_)
    if first and last:
        return ((first.first or first.mostly_name) and last.last
                and first.wordness < AMBIGUOUS and last.wordness < AMBIGUOUS
                and first.wordness + last.wordness < PAIRED)
    if first:
        return ((first.first and first.mostly_name and zipf(b.lower_) < RARE_WORD)
                or (first.wordness < AMBIGUOUS and zipf(b.lower_) < UNHEARD))
    if last:
        return ((last.last and last.mostly_name and zipf(a.lower_) < RARE_WORD)
                or (last.wordness < AMBIGUOUS and zipf(a.lower_) < UNHEARD))
    return False


def truecased_words(doc, only: Optional[Sequence[bool]] = None) -> List[str]:
    """The doc's tokens as written English would case them (each the same length);
    ``only``: per token, whether to recase it (default: all; the others stay as written)."""
    foreign = foreign_lines(doc)
    english = [e and not f for e, f in zip(_english_lines(doc), foreign)]
    caps = [_capitalise(token, english[token.i]) for token in doc]
    for a, b in zip(doc, doc[1:]):
        if _pair(a, b):
            caps[a.i] = caps[b.i] = True
    out = []
    for token, cap in zip(doc, caps):
        lower = token.text.lower()
        if only is not None and not only[token.i]:
            out.append(token.text)
        elif len(lower) != len(token.text):
            out.append(token.text)  # a letter whose lower case is longer: as written
        elif cap or lower == "i":
            cased = lower[:1].upper() + lower[1:]
            out.append(cased if len(cased) == len(lower) else lower)
        else:
            out.append(lower)
    return out


def truecased_doc(doc, only: Optional[Sequence[bool]] = None):
    """A new, unprocessed doc of the truecased words with the same tokens and spaces
    (``only``: as in :func:`truecased_words`)."""
    from spacy.tokens import Doc

    return Doc(doc.vocab, words=truecased_words(doc, only),
               spaces=[bool(token.whitespace_) for token in doc])


def _evidence(token) -> bool:
    if run_together(token.lower_) or english_form(token.lower_):
        return False
    if token.pos_ == "PROPN" or zipf(token.lower_) < UNHEARD:
        return True
    word = name_word(token.lower_)
    return word is not None and word.wordness < AMBIGUOUS


def trusted(doc, start: int, end: int, label: str) -> bool:
    """Whether an entity the NER found in the truecased copy (tokens start..end of the
    original doc) stands. Places and organisations do; a person needs a word the tagger
    read as a proper noun in the original, a listed name or a word English text hardly
    uses, or a cue before it ("my kid lukas"). A person longer than
    :data:`LONGEST_PERSON` tokens is a list of names, half of them listed, or a misread
    line ("hari ini hari sabtu tanggal")."""
    if label == "PERSON" and end - start > LONGEST_PERSON and \
            2 * sum(_listed(doc[i].lower_) for i in range(start, end)) < end - start:
        return False
    if label != "PERSON" or any(_evidence(doc[i]) for i in range(start, end)):
        return True
    return start > 0 and doc[start - 1].lower_ in _CUES


def trimmed(doc, start: int, end: int):
    """An entity's token range without the function words, chat words ("rt") and words
    with digits at its edges ("rt Kenzhana", "Tomo 17"); None when nothing is left."""
    while start < end and _edge(doc[start]):
        start += 1
    while end > start and _edge(doc[end - 1]):
        end -= 1
    return (start, end) if start < end else None


COMMON_TAIL = 4.0  # Zipf from which an unlisted word closing a person is an ordinary word


def common_tail(doc, start: int, end: int):
    """A person's token range without the common English words at its end that no name
    list holds ("james cameron film", "tom hanks middle name", "tom wilkinson movie":
    the tagger reads every word of a lowercase name and what follows it as a proper noun,
    so the copy capitalises them all), when a listed name is left before them and the
    whole is no known full name ("john legend", "ice cube" stay whole) nor a street's name
    ("freeman mountains st"), and no given name follows (the word may be its title: "dj"
    of "dj jimmy jatt"). A notable person's short form ("sarah obama": as frequent as a
    common word) and a word of two letters ("tom molomby sc") are never cut off."""
    from transforms.core.famous_names import famous
    from transforms.core.venue_words import before_a_street_word  # imports this module

    if before_a_street_word(doc, end):
        return start, end  # "freeman mountains st": a street's name, kept whole
    if end < len(doc) and (entry := name_word(doc[end].lower_)) is not None \
            and entry.first and entry.wordness < AMBIGUOUS:
        return start, end  # "ty bello dj jimmy jatt": the title of the name after it
    while end - start >= 2:
        last = doc[end - 1].lower_
        if name_word(last) is not None or zipf(last) < COMMON_TAIL or len(last) < 3 \
                or (last,) in famous().forms.get(last, ()) or not any(
                (entry := name_word(doc[i].lower_)) is not None
                and entry.wordness < AMBIGUOUS for i in range(start, end - 1)):
            break
        if " ".join(doc[i].lower_ for i in range(start, end)) in full_names()[0]:
            break
        end -= 1
    return start, end


def _edge(token) -> bool:
    """A word a name does not begin or end with: a function or chat word, punctuation, or
    one with a digit ("17", "x1x", "shallyfox5"); "o'neal" is not one. Caseless text shows
    no capital to tell a stop word or a number from a name's, so any goes here, before
    :func:`..ner_persons._edge` (chat words, dates, foreign words) trims the span again."""
    return (token.is_punct or token.is_space or token.is_stop or token.lower_ in _KEEP_LOWER
            or any(c.isdigit() for c in token.text))


def label_of(doc, start: int, end: int, label: str) -> str:
    """The label to set: a 2-3 word organisation the NER read in the copy that is made only
    of names and rare words ("kylian mbappe", ORG to spaCy's small model) is a person, as
    the census recognizer reads such spans in written text."""
    if label not in _ORG_LIKE or not 2 <= end - start <= 3:
        return label
    tokens = [doc[i] for i in range(start, end)]
    if not all(_eligible(t) and _name_or_rare(t) for t in tokens):
        return label
    if any(name_word(t.lower_) is not None for t in tokens) or all(
            zipf(t.lower_) < RARE_WORD - 1.0 for t in tokens):
        return "PERSON"
    return label


def _name_or_rare(token) -> bool:
    return name_or_rare(token.lower_, CAPITALISED, RARE_WORD)
