"""Names in speech-style news (issue 9): newswire read aloud or lowercased, without
punctuation, where spaCy's NER and the dialogue cues find little.

A word is *name-like* here when it is a listed surname or given name that is mostly a
name (census wordness < 1: "cook", "rice", "mullen") or an unlisted word English text
seldom uses (Zipf < 3, not a plural noun: "nagin", "tergat"). Such a word is a person:

- before a verb of attribution, not after a determiner or adjective: "during their
  meeting rice said", "cook told reporters" ("the cook said" stays);
- as the subject of a past or present verb opening a clause, the line's first word or
  after a date that opens it ("in april 2009 vidal accepted", "on november 18 ..."): a
  bare singular noun is no subject in English, so there a listed surname that is also a
  word (census wordness below :data:`AMBIGUOUS`, Zipf below :data:`OPENING_LISTED`:
  "in 2016 shorten led", "hawks was venerated") is a name too ("in 2016 sales rose",
  "police said" stay: too common words);
- after "said" / "says" / "according to", closing the line or before an apposition:
  "... in the gulf said burns", "according to mullen";
- beside a verb of contest: "sampras beat ivanisevic", "defeated kafelnikov";
- after an unlisted rare word when it is a listed surname: "dany heatley";
- in a results row, a line that opens with a rank and holds numbers after the name:
  "1 paul tergat kenya 13 05 72" (a listed given name counts here too; the country
  after the name, a common word, stays);
- in a results row, name-like words just before a country, the row holding two numbers
  or more, after the line's start, a figure or a verb of contest: "hollbruck austria 6
  3 6 2", "66 telmo vandraud france 67 kirsu matai japan" (the written "Name ( Country
  )" with its brackets read out); not before a company's legal form ("brinks india
  private limited");
- after a label naming people that opens the line ("scorers ostrava 23 pelanek 67"),
  each word before a figure that is no stop word or country, even a common one ("west",
  "stone": the label says the items are people).

Written text, where capitals carry meaning, is left to spaCy and the other recognizers.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from transforms.core.date_words import MONTHS
from transforms.core.name_lexicon import census_word, name_or_rare, name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer, line_ranges
from transforms.core.recognizers.country_names import COUNTRY_NAMES
from transforms.core.recognizers.results_entrant import COMPANY_FORMS
from transforms.core.recognizers.results_name import PEOPLE_LABELS
from transforms.core.recognizers.gazetteer_name import (AMBIGUOUS, CAPITALISED, NOT_NAMES,
                                                        RARE_WORD, cased_by_line)
from transforms.core.recognizers.written_words import english
from transforms.core.run_together import run_together
from transforms.core.world_names import label_surnames

SELDOM = 3.0  # Zipf below which an unlisted word may be a name in these contexts
UNSEEN = 2.0  # below: a verb's subject inside a line is a name ("budjana started")
# ... and below SELDOM when it is a notable person's surname ("campaign pinochet promised")
OPENING_LISTED = 4.0  # below: a listed surname opening a clause is a verb's subject ("atwood")
ATTRIBUTION = {"said", "says", "told", "added", "stated", "explained", "insisted",
               "warned", "noted", "acknowledged", "conceded", "argued", "declared",
               # what a player does in a report: "symonds scored", "hissou finished"
               "scored", "netted", "equalised", "equalized", "finished", "clinched",
               "retired", "withdrew", "struck", "converted", "crashed", "trailed"}
# Roles a person is named after in news and sport: "coach hiddink", "striker ronaldo".
ROLES = {"coach", "manager", "striker", "midfielder", "defender", "forward", "winger",
         "goalkeeper", "keeper", "captain", "skipper", "champion", "teammate", "compatriot",
         "rival", "opponent", "seed", "pitcher", "quarterback", "batsman", "bowler", "jockey",
         "trainer", "rider", "cyclist", "sprinter", "boxer", "golfer", "rookie", "substitute",
         "holder", "titleholder", "challenger", "leader", "chief", "prisoner", "ruler",
         "dictator", "incumbent", "nominee", "candidate", "lawmaker", "legislator",
         # arts and letters: "drummer shanahan", "author roald dahl"
         "drummer", "guitarist", "bassist", "singer", "vocalist", "musician", "pianist",
         "composer", "recruit", "producer", "author", "novelist", "poet", "playwright",
         "painter", "sculptor", "actor", "actress", "filmmaker"}
# Sovereigns' titles, before a name in every kind of text: "emperor caracalla", "Tsar Nicholas".
SOVEREIGNS = {"emperor", "empress", "tsar", "czar", "tsarina", "sultan", "pharaoh", "kaiser",
              "pope"}
SAID = {"said", "says"}
APPOSITION = {"who", "a", "an", "the"}  # "said burns the commander of ..."
CONTEST = {"beat", "beats", "defeated", "defeats", "edged", "outpointed", "overcame",
           "upset", "downed", "routed", "thrashed", "eliminated", "ousted"}
# What follows a price's or a market's move, not a player's: "silver added 5 cents",
# "sterling finished higher".
_MARKET = {"at", "up", "down", "higher", "lower", "unchanged", "flat", "mixed", "steady",
           "firm", "firmer", "weaker", "stronger", "percent", "cents", "points"}
_CLAUSE_OPENERS = {"SCONJ", "CCONJ", "ADV", "PUNCT"}
_CLAUSE_WORDS = {"after", "before", "when", "as", "until", "while", "since", "then"}
PLURAL_STEM = 4.0  # Zipf of "power" from which "powers" is read as its plural
SURNAME_ZIPF = 3.5  # a surname after a rare word is itself seldom written ("heatley")
_STRETCHED = re.compile(r"(.)\1\1")  # "wahaaay": a letter three times is no name
_COUNTRIES = {c.lower() for c in COUNTRY_NAMES if " " not in c}
_ALL_COUNTRIES = {c.lower() for c in COUNTRY_NAMES}
_HANDLE_BEFORE = {"rt", "via", "cc", "ht", "mt"}  # "rt allkpop confirmed": a user name
_NAME_POS = {"PROPN", "NOUN", "X"}  # a word after a name that goes on with it
_BEFORE_COMMON = {"DET", "ADJ", "NUM", "PRON"}  # "the cook said", "his rice said" (a noun)


def _plain(token) -> bool:
    return (token.is_alpha and len(token.text) >= 3 and not token.is_stop
            and token.lower_ not in NOT_A_NAME and token.lower_ not in NOT_NAMES
            and token.lower_ not in _COUNTRIES)


def _name_like(token) -> bool:
    if not _plain(token) or _STRETCHED.search(token.lower_):
        return False
    word = name_word(token.lower_)
    if word is None:
        # a plural ends in s ("tweets"); the tagger calls some rare names plural too
        return zipf(token.lower_) < SELDOM and not (
            token.tag_ == "NNS" and token.lower_.endswith("s"))
    return word.wordness < CAPITALISED


def _agent_like(token) -> bool:
    """A word that may name the doer of a verb of attribution, sport or contest: a
    name-like word, or a listed name that is a common word too (wordness below
    :data:`AMBIGUOUS`: "young", "price", "white"), not the plural of a common word
    ("powers", "banks": "sweeping powers finished"), a verb form ("rising"), a word the
    tagger reads as a verb, a place or a nationality to spaCy."""
    if _name_like(token):
        return True
    if not _plain(token) or _STRETCHED.search(token.lower_) \
            or token.ent_type_ in ("GPE", "LOC", "NORP") or token.pos_ in ("VERB", "AUX"):
        return False  # a word the tagger reads as a verb does nothing here ("mend said")
    word = name_word(token.lower_)
    lower = token.lower_
    return (word is not None and word.wordness < AMBIGUOUS and not _derived(lower)
            and not (lower.endswith("s") and zipf(lower[:-1]) >= PLURAL_STEM))


def _given(token) -> bool:
    word = name_word(token.lower_)
    return word is not None and word.first and word.wordness < AMBIGUOUS and _plain(token)


def _starts_name(token) -> bool:
    return _name_like(token) or _given(token)


def _joins(token) -> bool:
    """A word that continues a name: listed and often a name, or unlisted and rare."""
    if not _plain(token) or _STRETCHED.search(token.lower_):
        return False
    return name_or_rare(token.lower_, AMBIGUOUS, RARE_WORD)


def _subject(doc, i: int, b: int, opening: bool = False) -> bool:
    """``doc[i]`` is the subject of a past, present or modal verb after it, or of a past
    verb after an adverb ("preval would have", "hundal later ran"; not "cityofphan
    hopefully will"); not a question ("olly should i ...") nor a flattened hashtag.
    Unlisted; or, ``opening`` a clause, listed and seldom written ("in 2000 atwood
    published"; "grant was" is too common a word). Opening a clause, a past form the
    tagger reads as a participle counts unless "by" follows ("in 2016 shorten led labor":
    no noun phrase before it for a reduced relative clause to modify)."""
    j = i + 1 if i + 2 < b and doc[i + 1].tag_ == "RB" else i
    nxt = doc[j + 1] if j + 1 < b else None
    tags = ("VBD",) if j > i else ("VBD", "VBZ", "MD")
    if opening and j == i and (j + 2 >= b or doc[j + 2].lower_ != "by") \
            and not _derived(doc[i].lower_):
        tags += ("VBN",)
    return (nxt is not None and nxt.tag_ in tags
            and nxt.lower_ not in ("is", "s", "'s")
            and (census_word(doc[i].lower_) is None
                 or (opening and zipf(doc[i].lower_) < OPENING_LISTED))
            and not run_together(doc[i].lower_)
            and (j + 2 >= b or doc[j + 2].tag_ != "PRP"))


def _unseen_or_notable(word: str) -> bool:
    """A word English never uses (Zipf below :data:`UNSEEN`: "budjana"), or a seldom one
    (below :data:`SELDOM`) that ends the name of a notable person ("pinochet", "whitlam";
    not "protease", "tannin"): inside a line, before a verb, such a word is its subject,
    the comma before it lost ("after the campaign pinochet promised")."""
    frequency = zipf(word)
    return frequency < UNSEEN or (frequency < SELDOM and word in label_surnames())


def after_date(doc, i: int, a: int) -> bool:
    """``doc[i]`` follows a date after a preposition, on the line ``doc[a:]``: "in 1998",
    "in april 2009", "on november 18", "on 18 november 2009". Such a date opens a clause;
    its number is no determiner of the word after it."""
    k, digits = i - 1, False
    while k > a and (doc[k].lower_ in MONTHS or (doc[k].is_digit and len(doc[k].text) <= 4)):
        digits = digits or doc[k].is_digit
        k -= 1
    if not digits or k < a or k == i - 1 or doc[k].pos_ != "ADP":
        return False
    year = doc[i - 1].text  # a lone number: a year, not "in 18 cases"
    return doc[i - 2].lower_ in MONTHS or doc[i - 1].lower_ in MONTHS or (
        len(year) == 4 and year[0] in "12")


def _opens_clause(doc, i: int, a: int) -> bool:
    """``doc[i]`` opens its line ``doc[a:]``, or follows a date after a preposition ("in
    1998 oldman was", :func:`after_date`): nothing before it can make it a common noun."""
    return i == a or after_date(doc, i, a)


def _derived(word: str) -> bool:
    """An adverb or a verb form made from an English word ("maliciously", "instituted",
    "settling"): its stem is written (Zipf from :data:`SELDOM`); the census lists hold
    a few such words as surnames."""
    for suffix, restore in (("ly", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and \
                zipf(word[:-len(suffix)] + restore) >= SELDOM:
            return True
    return False


def _opening_surname(token) -> bool:
    """A listed surname that is also a word, not too common ("shorten", "hawks"): a name
    when it is a verb's subject opening a clause (no determiner before it). A bare plural
    is a subject in English ("forts were built"): a word that may be one needs a verb in
    the singular after it ("hawks was venerated")."""
    word = census_word(token.lower_)
    if not (word is not None and word.last and word.wordness < AMBIGUOUS and _plain(token)
            and zipf(token.lower_) < OPENING_LISTED and not _STRETCHED.search(token.lower_)
            and not _derived(token.lower_)):
        return False
    if token.tag_ != "NNS" and not token.lower_.endswith("s"):
        return True
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is not None and (nxt.lower_ in ("was", "has") or nxt.tag_ == "VBZ")


def _rare_then_surname(first, second) -> bool:
    """An unlisted rare word, then a listed surname that is mostly a name: "dany heatley"."""
    word = name_word(second.lower_)
    return (word is not None and word.last and _name_like(second) and _name_like(first)
            and zipf(second.lower_) < SURNAME_ZIPF and census_word(first.lower_) is None)


def _number(token) -> bool:
    return token.is_digit or token.like_num and any(c.isdigit() for c in token.text)


def _company_after(doc, j: int, b: int) -> bool:
    """A company's legal form after the country at ``doc[j]`` ("brinks india private
    limited": a company's national branch)."""
    k = next((j + n for n in (3, 2, 1) if j + n <= b and " ".join(
        t.lower_ for t in doc[j:j + n]) in _ALL_COUNTRIES), j)
    return k < b and doc[k].lower_ in COMPANY_FORMS


def _country_at(doc, j: int, b: int) -> bool:
    """A country's name of one to three words starts at ``doc[j]`` ("kenya", "south
    africa")."""
    return any(j + k <= b and " ".join(t.lower_ for t in doc[j:j + k]) in _ALL_COUNTRIES
               for k in (1, 2, 3))


class NewsNameRecognizer(PersonDocRecognizer):
    """Names in caseless news from attribution, contest verbs, pairs and results rows."""

    def spans(self, doc, text: str) -> List[Tuple[int, int]]:
        cased = cased_by_line(doc)
        spans = set()
        for a, b in line_ranges(doc):
            if a == b or cased[a]:
                continue
            row = self._row_name(doc, a, b)
            if row:
                spans.add(row)
            spans.update(self._entrants(doc, a, b))
            # Every word of a Tagalog or Malay line is rare to English: the weaker cues
            # (a pair, a line's first word) need an English line; a line of names is not.
            plain = english(doc[a:b])
            for i in range(a, b):
                if i > a and doc[i - 1].lower_ in ROLES and _starts_name(doc[i]):
                    j = i + 1
                    while j < b and j - i < 3 and _joins(doc[j]):
                        j += 1
                    spans.add((i, j))  # "coach guus hiddink"
                elif (_name_like(doc[i]) and self._cued(doc, i, a, b, plain)) or (
                        _agent_like(doc[i]) and self._agent(doc, i, a, b)) or (
                        plain and _opening_surname(doc[i]) and _opens_clause(doc, i, a)
                        and _subject(doc, i, b, opening=True)):
                    j = i + 1
                    while j < b and j - i < 3 and _joins(doc[j]) and \
                            doc[j].pos_ in _NAME_POS and doc[j].lower_ not in ATTRIBUTION:
                        j += 1
                    spans.add((i, j))  # "beat veronika kuehn"
                elif plain and i > a and _rare_then_surname(doc[i - 1], doc[i]):
                    spans.add((i - 1, i + 1))
        return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) for a, b in sorted(spans)]

    @staticmethod
    def _cued(doc, i: int, a: int, b: int, plain: bool) -> bool:
        """Whether ``doc[i]``, on the line ``doc[a:b]`` (``plain``: English prose), has a
        cue of news around it."""
        prev = doc[i - 1] if i > a else None
        nxt = doc[i + 1] if i + 1 < b else None
        if nxt is not None and nxt.lower_ in ATTRIBUTION:
            return prev is None or prev.pos_ not in _BEFORE_COMMON
        opening = _opens_clause(doc, i, a)
        if plain and _subject(doc, i, b, opening) and (opening or (
                prev.pos_ not in _BEFORE_COMMON and prev.lower_ not in _HANDLE_BEFORE
                and _unseen_or_notable(doc[i].lower_) and len(doc[i]) <= 12)):
            return True  # a verb's subject: "preval would", "in 1980 budjana started"
        if prev is not None and i - 1 > a and (prev.lower_ in SAID or (
                prev.lower_ == "to" and doc[i - 2].lower_ == "according")):
            return nxt is None or nxt.lower_ in APPOSITION
        if (prev is not None and prev.lower_ in CONTEST) or (
                nxt is not None and nxt.lower_ in CONTEST):
            return True
        return False

    @staticmethod
    def _agent(doc, i: int, a: int, b: int) -> bool:
        """Whether ``doc[i]``, on the line ``doc[a:b]``, a listed name that may be a common
        word (:func:`_agent_like`), does what only a person does: it stands bare (no
        noun, determiner, adjective, number or pronoun before it: opening the line or a
        clause) before a past verb of attribution or sport ("young scored twice", "when
        black added"; not "the young said", "the tracking page says", nor a reduced
        passive "the price said to be"), or a contest verb stands between it and another
        such name ("price beat white")."""
        prev = doc[i - 1] if i > a else None
        nxt = doc[i + 1] if i + 1 < b else None
        if nxt is None:
            return False
        if nxt.lower_ in ATTRIBUTION and nxt.lower_ != "says":
            after = doc[i + 2] if i + 2 < b else None
            if after is not None and (after.lower_ == "to" or after.lower_ in _MARKET
                                      or _number(after) or after.pos_ in ("AUX", "VERB")):
                # "said to be", a market's move ("silver added 5 cents"), a participle
                # before the clause's verb ("the amount of pepper added is")
                return False
            # the line's first word, or after a word that opens a clause ("when young
            # scored"); after a noun it may end a compound ("the tracking page says"),
            # after a preposition be its object ("the amount of pepper added")
            return prev is None or prev.pos_ in _CLAUSE_OPENERS \
                or prev.lower_ in _CLAUSE_WORDS
        if nxt.lower_ in CONTEST and i + 2 < b and _agent_like(doc[i + 2]):
            return prev is None or prev.pos_ not in _BEFORE_COMMON
        if prev is not None and prev.lower_ in CONTEST and i - 2 >= a \
                and _agent_like(doc[i - 2]):
            return True
        return False

    @staticmethod
    def _entrants(doc, a: int, b: int) -> List[Tuple[int, int]]:
        """(start, end) of each entrant of a results row ``doc[a:b]``: name-like words
        before a country, after the line's start, a figure or a contest verb; or, after a
        label naming people at the line's start, each name-like word before a figure."""
        if b - a < 3 or sum(_number(t) for t in doc[a:b]) < 2:
            return []
        found = []
        if doc[a].lower_ in PEOPLE_LABELS:
            for i in range(a + 1, b - 1):
                if _plain(doc[i]) and _number(doc[i + 1]):  # the label says: a person
                    start = i
                    while start - 1 > a and i - start < 2 and _starts_name(doc[start - 1]):
                        start -= 1
                    found.append((start, i + 1))
            return found
        for i in range(a, b):
            if not (i == a or _number(doc[i - 1]) or doc[i - 1].lower_ in CONTEST) \
                    or not _starts_name(doc[i]):
                continue
            j = i + 1
            while j < b and j - i < 3 and _joins(doc[j]) and not _country_at(doc, j, b):
                j += 1
            if _country_at(doc, j, b) and any(_name_like(t) for t in doc[i:j]) \
                    and not _company_after(doc, j, b):
                found.append((i, j))
        return found

    @staticmethod
    def _row_name(doc, a: int, b: int) -> Optional[Tuple[int, int]]:
        """(start, end) of the name in a results row: the line ``doc[a:b]`` opens with a
        rank, then name-like words, then two numbers or more."""
        if b - a < 4 or not doc[a].is_digit:
            return None
        j = a + 1
        while j < b and j - a <= 4 and (_name_like(doc[j]) or _given(doc[j])):
            j += 1
        rest = doc[j:b]
        if not any(_name_like(t) for t in doc[a + 1:j]) or sum(map(_number, rest)) < 2 \
                or sum(t.is_alpha for t in rest) > 3:  # a row is names and figures
            return None
        return a + 1, j
