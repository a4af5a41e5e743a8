"""Names spaCy misses: tagged ORG, FAC or NORP, or not tagged at all, in written text and in
lowercase, unpunctuated speech-style text.

A word counts as a name from the census lists (:mod:`transforms.core.name_lexicon`),
weighed by how often it is an ordinary word, and from its context:

- a word that is mostly a name ("veronica", "benitez", "allen") is a name alone, in any
  case (in written text a lowercase one must be clearly a name: "heather" yes, "rose" no);
- a word that is also common ("grant", "brown", "mark") is a name when capitalised in
  the middle of a sentence, after a cue ("from mark", "my son grant", "named bill"), or when
  it pairs a given name with a surname ("taylor swift", "bill brennan");
- a very common word ("will", "may", "long") is a name only capitalised next to another
  name ("Will Smith") or after a strong cue (:mod:`.context_name`);
- a word the lists do not know but English text rarely uses ("Guðmundsdóttir",
  "schwarzenegger") joins a given name or surname it touches, and a short ORG/FAC/NORP
  span made only of such words and names is a person ("Tomomi Nishiyama lives at ...").

Text that is mostly capitalised (headlines, title case) or mostly lowercase is read with
the speech rules: capitals there say nothing. Words spaCy already tagged PERSON, GPE or
LOC are left to spaCy (both are redacted).
"""
from __future__ import annotations

from typing import List

from transforms.core.date_words import MONTHS, WEEKDAYS
from transforms.core.name_lexicon import lexicon, name_or_rare, name_word, zipf
from transforms.core.recognizers.common import (NOT_A_NAME, PersonDocRecognizer, line_ranges,
                                                marked_runs, once_per_doc)
from transforms.core.recognizers.written_words import foreign_lines, mixed_lines, name_evidence
from transforms.core.venue_nouns import venue_span, venue_word
from transforms.core.venue_words import after_the, named_thing

AMBIGUOUS = 2.0  # wordness below which a listed word is a name given some context
CAPITALISED = 1.0  # below: a name when capitalised mid-sentence
PAIRED = 2.5  # sum of both wordnesses below which a given name + surname pair
NEXT_TO_NAME = 3.5  # below: capitalised and touching another name
RARE_WORD = 3.5  # Zipf below which an unlisted word may join a name
SURNAME_AFTER = 3.0  # wordness below which a surname joins a clear given name in lower case
# Words after which a listed name, or (capitalised or not) a rare word, is a person.
CUES = {"named", "called", "mr", "mrs", "ms", "miss", "dr", "mister", "kid", "son",
        "daughter", "wife", "husband", "friend", "brother", "sister", "mom", "dad", "mum",
        "boss", "colleague", "uncle", "aunt", "cousin", "grandma", "grandpa", "nephew",
        "niece", "boyfriend", "girlfriend", "partner", "fiance", "neighbour", "neighbor"}
# Words after which a listed name that is also an ordinary word is a person ("booked
# under hogan").
WEAK_CUES = {"from", "to", "with", "and", "call", "text", "email", "message", "meet", "tell", "ask",
             "remind", "contact", "by", "for", "about", "thank", "thanks", "hi",
             "hey", "hello", "dear", "cc", "invite", "sue", "under", "owe", "owes", "owed"} | CUES
NOT_NAMES = set(MONTHS) | set(WEEKDAYS) | {"jan", "feb", "sept", "oct", "nov", "dec",
                                          "christmas", "easter", "god", "lord", "jesus",
                                          "allah"}
_SKIP_ENTS = {"PERSON", "GPE", "LOC"}
_ORG_LIKE = {"ORG", "FAC", "NORP"}
_FUNCTION_POS = {"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT", "NUM", "SYM",
                 "SPACE"}
_MODIFIER_POS = {"DET", "ADJ", "NUM"}  # "the carpenter", "a crystal": a common noun


def _cased(doc) -> bool:
    """Whether capitals carry meaning: some, and function words in lower case (not a
    headline, title case or shouting)."""
    inner = [t for t in doc if t.is_alpha and not _sentence_start(t)]
    if not any(not t.is_lower for t in inner):
        return False
    stops = [t for t in inner if t.is_stop] or inner
    return sum(not t.is_lower for t in stops) / len(stops) < 0.3


is_cased = _cased  # the NER's truecasing (transforms.core.caseless_ner) asks it too


def _capitals_inside(tokens) -> bool:
    """A capital not at the start of the line or of a sentence, nor in the pronoun "I"
    (capitalised by rule, also by people who type names in lower case)."""
    return any(t.is_alpha and not t.is_lower and t.i > tokens[0].i and not _sentence_start(t)
               and t.text != "I" for t in tokens)


@once_per_doc
def cased_by_line(doc) -> List[bool]:
    """For each token, whether capitals carry meaning on its line: as in the whole text
    (:func:`is_cased`), except on a line with no capital but at a sentence start or in "I"
    ("Indeed, I paid waddell"): in a transcript the agent may type with capitals and the
    customer without, and such a turn is read as speech."""
    whole = _cased(doc)
    out = [False] * len(doc)  # a line break's own token: no line
    for start, end in line_ranges(doc):
        out[start:end] = [whole and end > start and _capitals_inside(doc[start:end])] * (
            end - start)
    return out


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and not token.text.isupper()


def _sentence_start(token) -> bool:
    if token.is_sent_start or token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.is_punct and prev.text not in (",", "(", "&", "-")


def _in_title(token) -> bool:
    """A capitalised neighbour the lists do not know as a name: a title or organisation."""
    doc = token.doc
    for i in (token.i - 1, token.i + 1):
        if 0 <= i < len(doc) and doc[i].is_alpha and _capitalised(doc[i]):
            word = name_word(doc[i].lower_)
            if word is None or word.wordness >= AMBIGUOUS:
                return True
    return False


def _after_name_question(token) -> bool:
    """ "What's your last name? Boyle", "surname: Hodge": a name asked for just before."""
    doc, i = token.doc, token.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    return i < token.i - 1 and i >= 0 and doc[i].lower_ in ("name", "surname", "spelled")


def _vocative(token) -> bool:
    """ "Where are my keys, Summer?": a capitalised word between a comma and the end."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (token.i > 0 and doc[token.i - 1].text == ","
            and (after is None or after.text in ("?", "!", ".", "...")))


def _named_here(token) -> bool:
    """A word clearly a name (:func:`.written_words.name_evidence`: not a Tagalog word
    listed as a surname, "talaga"), or capitalised mid-sentence: a name even on a foreign
    line."""
    return name_evidence(token.lower_) or (_capitalised(token) and not _sentence_start(token))


# Words that follow a verb opening a sentence with its subject dropped ("Hope this
# helps", "Hope you enjoy", "Hope to see you"), and never a name opening one.
VERB_FOLLOWERS = {"you", "u", "ya", "this", "that", "it", "all", "everyone", "everybody",
                  "everything", "to", "she", "he", "they", "we", "i", "your", "ur", "so"}


def _verb_first(token, nxt) -> bool:
    """A word that is also a verb ("hope", "trust") opening a sentence before a pronoun or
    "to": the writer's "I" dropped, as emails and chats do, not a name."""
    line_start = token.i > 0 and "\n" in token.doc[token.i - 1].text
    return nxt is not None and nxt.lower_ in VERB_FOLLOWERS and (
        line_start or _sentence_start(token))


def _ordinary_use(token, nxt) -> bool:
    """A lowercase word used as the ordinary word: heading an "of" phrase ("for grant of
    compensation", "hand and seal of the court") or the verb after "to" ("power to grant
    bail"). Said of a word in text where capitals carry meaning (on its line, or in the
    whole doc: "Given under my hand and seal of the court"), whose writer would have
    capitalised a name."""
    if not token.text.islower():
        return False
    prev = _prev(token)
    return ((nxt is not None and nxt.lower_ == "of")
            or (prev is not None and prev.lower_ == "to" and token.pos_ == "VERB"))


def _prev(token):
    return token.doc[token.i - 1] if token.i > 0 else None


class GazetteerNameRecognizer(PersonDocRecognizer):
    """Person names from census given-name and surname lists, weighed by context."""

    def load(self) -> None:
        lexicon()  # once per process, when the analyzer is built, not on the first text

    def spans(self, doc, text: str) -> List[tuple]:
        if not any(t.is_alpha for t in doc):
            return []
        cased = cased_by_line(doc)
        marks = [self._mark(t, cased[t.i]) for t in doc]
        self._pairs(doc, marks, cased)
        self._grow(doc, marks, cased)
        self._org_spans(doc, marks, cased)
        self._foreign(doc, marks, cased)
        return list(marked_runs(doc, marks))

    @staticmethod
    def _foreign(doc, marks: List[bool], cased: List[bool]) -> None:
        """On a line English hardly uses, or in written text one mixing Tagalog or
        Indonesian in (a tweet in Tagalog: "lang", "naman", "basta", "ako" are listed
        surnames), a word clearly a name, or capitalised mid-sentence, stays a name, with
        the marked words next to it ("justin bieber"). Where capitals carry meaning on
        such a line, the writer capitalised the names: a word in lower case is none
        ("nakita ko si Ramon")."""
        if not any(marks):
            return
        foreign, i = foreign_lines(doc), 0
        # a line mixing Tagalog or Indonesian in, in written text only: in a caseless
        # transcript their one- and two-letter function words ("o", "ia") are as often
        # letters and numbers said ("i a no 3")
        mixed = mixed_lines(doc) if _cased(doc) else [False] * len(doc)
        for k, token in enumerate(doc):
            if marks[k] and cased[k] and (foreign[k] or mixed[k]) and token.text.islower():
                marks[k] = False
        while i < len(doc):
            j = i
            while marks[i] and j + 1 < len(doc) and marks[j + 1]:
                j += 1
            if marks[i] and (foreign[i] or mixed[i]) and \
                    not any(_named_here(doc[k]) for k in range(i, j + 1)):
                marks[i:j + 1] = [False] * (j + 1 - i)
            i = j + 1

    @staticmethod
    def _eligible(token) -> bool:
        return (token.is_alpha and len(token.text) >= 2 and token.ent_type_ not in _SKIP_ENTS
                and not token.is_stop and token.lower_ not in NOT_A_NAME
                and token.lower_ not in NOT_NAMES)

    def _mark(self, token, cased: bool) -> bool:
        if not self._eligible(token) or after_the(token) or named_thing(token) or \
                venue_word(token):
            return False  # "the crowne plaza", "a restaurant named Faanoos", "Alamo Cinema"
        word = name_word(token.lower_)
        prev = _prev(token)
        strong_cue = (prev is not None and prev.lower_ in CUES) or _after_name_question(token)
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        cue = strong_cue or (prev is not None and prev.lower_ in WEAK_CUES
                             and not (nxt is not None and nxt.pos_ in ("PRON", "DET")))
        subject = nxt is not None and nxt.pos_ in ("AUX", "VERB")  # "Gabe is", "Macy was"
        if word is None:  # unknown: a rare word after a cue, or a capitalised rare subject
            if strong_cue and zipf(token.lower_) < RARE_WORD:
                return not cased or _capitalised(token)
            return (cased and _capitalised(token) and token.pos_ == "PROPN"
                    and zipf(token.lower_) < RARE_WORD - 1.0 and (cue or subject)
                    and not _in_title(token))
        if cased and _capitalised(token):
            if word.mostly_name or (cue and word.wordness < AMBIGUOUS):
                return True
            if _in_title(token):  # inside a run of capitalised words ("Golden Globe")
                return False
            if subject or _vocative(token):
                return word.wordness < CAPITALISED
            return (not _sentence_start(token) and word.wordness < CAPITALISED
                    and token.pos_ not in _FUNCTION_POS)
        if cue and not strong_cue and _ordinary_use(token, nxt) and (cased or _cased(token.doc)):
            cue = False  # "applied for grant of a licence", "power to grant bail"
        if word.wordness < AMBIGUOUS and (cue or (not cased and token.pos_ == "PROPN"
                                                  and not _verb_first(token, nxt))):
            return True  # "from mark"; spaCy reads "does bob live" as a proper noun
        if not word.mostly_name:
            return False
        if prev is not None and prev.pos_ in _MODIFIER_POS and not prev.is_punct:
            return False  # "the carpenter", "a crystal"
        return not cased or word.wordness < -0.5

    def _pairs(self, doc, marks: List[bool], cased: List[bool]) -> None:
        """Given name + surname, both listed and not too common ("taylor swift"), or a
        listed given name with a rare unlisted word ("arnold schwarzenegger")."""
        for a, b in zip(doc, doc[1:]):
            if not (self._eligible(a) and self._eligible(b)):
                continue
            if cased[a.i] and not (_capitalised(a) and _capitalised(b)):
                continue
            first, last = name_word(a.lower_), name_word(b.lower_)
            if (after_the(a) and not (first and first.first)) or named_thing(a) or \
                    venue_span(doc, a.i, b.i + 1):
                continue  # "the golden gate"; "the Ed Sheeran show" stays a pair
            if first and last:
                ok = ((first.first or first.mostly_name) and last.last
                      and first.wordness < AMBIGUOUS
                      and last.wordness < AMBIGUOUS
                      and first.wordness + last.wordness < PAIRED)
            elif first:
                ok = first.first and first.mostly_name and zipf(b.lower_) < RARE_WORD
            elif last:
                ok = last.last and last.mostly_name and zipf(a.lower_) < RARE_WORD
            else:
                ok = False
            if ok:
                marks[a.i] = marks[b.i] = True

    def _grow(self, doc, marks: List[bool], cased: List[bool]) -> None:
        """Capitalised neighbours of a name: listed but common ("Will"), or rare words; in
        lower case, a listed surname after a clear given name ("latrice song")."""
        for a, b in zip(doc, doc[1:]):
            if not ((marks[a.i] or a.ent_type_ == "PERSON") and not cased[b.i]):
                continue  # the lexicon is read only after a name, in lower case
            first, last = name_word(a.lower_), name_word(b.lower_)
            if (first is not None and first.first and first.mostly_name
                    and last is not None and last.last and last.wordness < SURNAME_AFTER
                    and self._eligible(b) and b.pos_ not in _FUNCTION_POS
                    and (b.pos_ != "VERB" or b.lemma_.lower() == b.lower_)):
                marks[b.i] = True
        changed = True
        while changed:
            changed = False
            for t in doc:
                if marks[t.i] or not (cased[t.i] and self._eligible(t) and _capitalised(t)):
                    continue
                near = ((t.i > 0 and marks[t.i - 1]) or
                        (t.i + 1 < len(doc) and marks[t.i + 1]))
                if near and self._joins(t):
                    marks[t.i] = changed = True

    @staticmethod
    def _joins(token) -> bool:
        return name_or_rare(token.lower_, NEXT_TO_NAME, RARE_WORD)

    @staticmethod
    def _org_word(token) -> bool:
        """A word of an ORG/FAC/NORP span that may be part of a name ("Oak" is not)."""
        return name_or_rare(token.lower_, CAPITALISED, RARE_WORD)

    def _org_spans(self, doc, marks: List[bool], cased: List[bool]) -> None:
        """A 2-3 word ORG/FAC/NORP span of names and rare capitalised words, or of very
        rare words only ("Miklós Hajdu"), is a person."""
        for ent in doc.ents:
            if not cased[ent.start] or ent.label_ not in _ORG_LIKE or not 2 <= len(ent) <= 3 \
                    or after_the(ent[0]) or named_thing(ent[0]) \
                    or venue_span(doc, ent.start, ent.end):
                continue
            if all(self._eligible(t) and _capitalised(t) and self._org_word(t) for t in ent) and (
                    any(name_word(t.lower_) is not None for t in ent)
                    or all(zipf(t.lower_) < RARE_WORD - 1.0 for t in ent)):
                for t in ent:
                    marks[t.i] = True
