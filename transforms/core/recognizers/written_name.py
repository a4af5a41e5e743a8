"""Names in edited written English (news, articles, forms) that spaCy and the census lists
miss, read from spaCy's tokens and English word frequencies (:mod:`.written_words`):

- a capitalised word English never uses ("Lončar", "Saidmagomed") mid-sentence, as a
  subject, or beside another one ("Maarit Pohjonen"); its rare capitalised neighbours;
- two or three rare proper nouns together ("to Ivanka Petrovna");
- a rare proper noun before its verb ("But Anas says", "Budjana also owns"), an
  apposition between ("Barzani - a longtime U.S. ally - criticized");
- the speaker of a quote (', " says Player.', ', " Player will tell you');
- in an English headline in capitals, a word English never uses ("BERTOLOTTI BACK");
- after a title, the capitalised words that follow ("President Hollande", "Madame de
  Staël"), the title kept;
- an item of a comma / "and" list beside a person ("Jared Leto, Shannon Leto, Tomo
  Milicevic"), or one ending in a name ("Rabbit Maranville", "Paris Hilton");
- the capitalised word right before a name or an untagged surname, not a title
  ("recruit, Camera Shanahan"), and
  a particle before or inside one ("through de Staël's").

Nothing in a line whose lowercase words are not English (a Malay or Japanese tweet);
camelCase hashtags, shouted tweets and words spaCy tagged PERSON, GPE or LOC are left alone.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from transforms.core.famous_names import famous
from transforms.core.name_lexicon import lexicon, name_or_rare, name_word, zipf
from transforms.core.recognizers.common import NOT_A_NAME, PersonDocRecognizer, marked_runs
from transforms.core.recognizers.country_names import COUNTRY_NAMES
from transforms.core.recognizers.gazetteer_name import NOT_NAMES
from transforms.core.recognizers.news_name import ATTRIBUTION, ROLES, SOVEREIGNS
from transforms.core.recognizers.written_words import (INITIAL, RARE, SKIP_ENTS, TRIPLED, UNSEEN, VOWEL,
                                          capitalised, english, joins, namely, part_of,
                                          plain, sentence_start, subject, unseen)
from transforms.core.venue_nouns import venue_word
from transforms.core.venue_words import named_thing

TITLES = {"president", "senator", "sen", "governor", "gov", "judge", "justice", "professor",
          "prof", "minister", "chancellor", "ambassador", "colonel", "col", "lt", "gen",
          "sgt", "capt", "captain", "lieutenant", "sergeant", "commander", "admiral",
          "sir", "dame", "lady", "madame", "mme", "mlle", "monsieur", "señor", "senor",
          "señora", "senora", "herr", "frau", "sheikh", "sheik", "imam", "rabbi", "rev",
          "reverend", "cardinal", "bishop", "inspector", "detective", "officer", "coach",
          "striker", "midfielder", "defender", "goalkeeper", "pitcher", "batsman",
          "mr", "mrs", "ms", "miss", "dr", "mister", "doctor", "prince", "princess",
          "king", "queen", "chairman", "spokesman", "spokeswoman", "secretary", "envoy",
          "advisor", "adviser", "administrator", "attorney", "mayor", "deputy", "spc",
          "pvt", "cpl", "brig", "maj", "cmdr", "adm", "rep", "premier"} | SOVEREIGNS
SPEAKER_ZIPF = 4.0  # an unlisted quote's speaker is a word rarer than this ("Police" stays)
LISTED_LAST = 1.0  # wordness below which a listed surname ends a list item that is a name
PAIR_RARE = 2.5  # one word of a pair of rare proper nouns below this Zipf
SUBJECT_RARE = 3.0  # Zipf below which an unlisted proper noun before its verb is a name
SUBJECT_LISTED = 1.5  # wordness below which a listed proper noun before its verb is one
PARTICLES = {"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le",
             "al", "el", "bin", "ibn", "ben", "abu", "st", "mc", "mac", "dos", "das", "y"}
_LIST_SEP = {",", "and", "&", ";"}
# Particles that open a surname alone ("through de Staël's"); the others only join names.
OPENING_PARTICLES = {"de", "del", "della", "der", "den", "van", "von", "du", "da", "di", "dos",
                     "das"}
HEAD_SKIP_ENTS = {"NORP", "ORG"}
_HEAD_AFTER_NOT = {"of", "the", "a", "an", "-", "–"}
SPEECH = ATTRIBUTION | {"tell", "tells", "adds", "asked", "asks", "recalled", "recalls", "wrote",
                        "writes"}
_ORGS = {"ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
_APPOSITION_MARKS = {",", "-", "–", "—"}
APPOSITION_WORDS = 8  # the longest apposition read between a subject and its verb
_QUOTES = {'"', "”", "“", "''"}  # "Republican John McCain", "Microsoft Bill Gates" stay
# Nouns only a person has, after a possessive: kin, a life's events and parts, and what a
# person writes or rules ("Assad's regime", "Fell's novel"); not what a company or a team
# also has ("policy", "leader", "injury", "film", "performance"). Nouns a team, a company
# or a product has as well as a person (:data:`SHARED_NOUNS`) count only after a census
# surname ("Fell's play", "Federer's reign"; "Arsenal's play", "Chelsea's reign",
# "Netflix's face" stay).
PERSON_NOUNS = {
    "wife", "husband", "widow", "widower", "son", "sons", "daughter", "daughters", "father",
    "mother", "brother", "brothers", "sister", "sisters", "parents", "grandson",
    "granddaughter", "grandfather", "grandmother", "uncle", "aunt", "nephew", "niece",
    "cousin", "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance", "fiancé", "mistress",
    "spouse", "stepson", "stepdaughter", "stepfather", "stepmother", "birth",
    "death", "funeral", "grave", "tomb", "childhood", "boyhood", "girlhood", "marriage",
    "wedding", "divorce", "assassination", "murder", "widowhood", "deathbed",
    "novel", "novels", "novella", "poem", "poems", "poetry", "memoir", "memoirs",
    "autobiography", "diary", "diaries", "presidency", "premiership", "regime",
    "knee", "ankle", "hamstring", "elbow", "wrist", "shoulder", "groin", "hair",
    "eyes", "biographer", "lover", "bodyguard", "bodyguards"}
SHARED_NOUNS = {"play", "plays", "reign", "face", "mind", "birthday", "lifetime"}
_KIN_WORDS = {"mum", "mom", "mummy", "mommy", "dad", "daddy", "papa", "mama", "granny",
              "grandma", "grandpa", "nan", "nana", "baby", "god", "lord"}
_OWN_PRONOUNS = {"his", "himself", "herself"}  # and "her" as a determiner ("sold her shares")
ANIMATE_COMMON = 5.0  # Zipf from which a capitalised word is too common to be read so
_COUNTRY_WORDS = {c.lower() for c in COUNTRY_NAMES}
_ANIMATE_ENTS = {"", "ORG"}
_LOCATIVE = {"in", "at", "near", "outside", "inside", "from", "to", "via"}  # spaCy's readings such a word may carry


class WrittenNameRecognizer(PersonDocRecognizer):
    """Foreign names, names after a title and names in a list, in written English."""

    SCORE = 0.55  # below the census names (0.6): a span both find is credited to those

    def load(self) -> None:
        lexicon()
        famous()

    def spans(self, doc, text: str) -> List[Tuple[int, int]]:
        marks = [False] * len(doc)
        self._rare(doc, marks)
        self._pairs(doc, marks)
        self._subjects(doc, marks)
        self._shouted(doc, marks)
        self._titled(doc, marks)
        self._grow(doc, marks)
        self._lists(doc, marks)
        self._quoted(doc, marks)
        self._heads(doc, marks)
        self._particles(doc, marks)
        self._animate(doc, marks)
        read_as_english: dict = {}
        for t in doc:  # no names read in a Malay or Japanese line
            if marks[t.i]:
                part = part_of(t)
                if part not in read_as_english:
                    read_as_english[part] = english(doc[part[0]:part[1]])
                # "a restaurant named Faanoos" (venue_words), "Alamo Cinema" (venue_nouns)
                marks[t.i] = read_as_english[part] and not named_thing(t) and \
                    not venue_word(t)
        return list(marked_runs(doc, marks))

    @staticmethod
    def _pairs(doc, marks: List[bool]) -> None:
        """Two or three rare proper nouns together, mid-sentence or before their verb
        ("to Ivanka Petrovna", "Gotthold Ephraim Lessing was"): each unlisted and rare
        (Zipf < 3.5) or listed and not common, one of them rare (Zipf < 2.5)."""
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and joins(doc[j]):
                j += 1
            if j - i >= 2 and min(zipf(doc[k].lower_) for k in range(i, j)) < PAIR_RARE and (
                    not sentence_start(doc[i]) or subject(doc[j - 1])):
                for k in range(i, j):
                    marks[k] = True
            i = max(j, i + 1)

    @staticmethod
    def _subjects(doc, marks: List[bool]) -> None:
        """A capitalised proper noun right before its verb, rare or mostly a name
        ("But Anas says", "Matthias is from ..."), not after a determiner in lower case:
        contracts and filings capitalise their defined terms ("of the Indenture have", "any
        of the Bonds remain"); English puts no article before a person's name. A sentence
        opening "The Pope asked" may be a nickname, and is read as before."""
        for t in doc:
            if marks[t.i] or not plain(t) or not (subject(t) or _apposed_subject(t)):
                continue
            if t.pos_ != "PROPN" and not (t.pos_ == "NOUN" and zipf(t.lower_) < RARE):
                continue  # spaCy reads a rare name as a noun at times ("Shalev is")
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is not None and plain(prev) and prev.pos_ in ("PROPN", "NOUN", "ADJ") \
                    and not sentence_start(t):
                continue  # "Golden Globe wins": leave runs to the other rules
            if prev is not None and prev.pos_ == "DET" and prev.text.islower():
                continue  # "of the Indenture have", "any of the Bonds remain": a defined term
            if name_or_rare(t.lower_, SUBJECT_LISTED, SUBJECT_RARE):
                marks[t.i] = True

    @staticmethod
    def _shouted(doc, marks: List[bool]) -> None:
        """In an English headline in capitals ("SOCCER - CUTTITTA BACK FOR ITALY": four
        words or more, the others common), a word of five or more letters English never
        uses."""
        for t in doc:
            if not (t.is_alpha and t.text.isupper() and len(t.text) >= 5) or \
                    t.ent_type_ in SKIP_ENTS or name_word(t.lower_) is not None:
                continue
            a, b = part_of(t)
            letters = [w for w in doc[a:b] if w.is_alpha and len(w.text) > 1]
            known = [w for w in letters if w.i != t.i and zipf(w.lower_) >= 3.0]
            if (all(w.text.isupper() for w in letters) and VOWEL.search(t.text)
                    and len(letters) >= 4 and len(known) >= 0.75 * (len(letters) - 1)
                    and not TRIPLED.search(t.text) and zipf(t.lower_) < UNSEEN):
                marks[t.i] = True

    @staticmethod
    def _rare(doc, marks: List[bool]) -> None:
        for t in doc:
            if not unseen(t):
                continue
            pair = any(0 <= k < len(doc) and unseen(doc[k]) for k in (t.i - 1, t.i + 1))
            if pair or not sentence_start(t) or subject(t):
                marks[t.i] = True

    @staticmethod
    def _titled(doc, marks: List[bool]) -> None:
        """The capitalised words after a capitalised title, initials and particles in."""
        for t in doc:
            if t.lower_.rstrip(".") not in TITLES or not t.text[:1].isupper():
                continue
            j, found = t.i + 1, []
            if j < len(doc) and doc[j].text == ".":
                j += 1
            while j < len(doc) and len(found) < 4:
                tok = doc[j]
                if tok.ent_type_ in ("GPE", "LOC") or tok.lower_ in TITLES:
                    break
                if INITIAL.match(tok.text) or joins(tok) or unseen(tok):
                    found.append(j)
                elif tok.lower_ in PARTICLES and j + 1 < len(doc) and capitalised(doc[j + 1]):
                    found.append(j)
                else:
                    break
                j += 1
            while found and not capitalised(doc[found[-1]]):
                found.pop()  # an initial or particle alone at the end is not a name
            for k in found:
                marks[k] = True

    @staticmethod
    def _grow(doc, marks: List[bool]) -> None:
        changed = True
        while changed:
            changed = False
            for t in doc:
                if marks[t.i] or not joins(t):
                    continue
                if (t.i > 0 and marks[t.i - 1]) or (t.i + 1 < len(doc) and marks[t.i + 1]):
                    marks[t.i] = changed = True

    @staticmethod
    def _quoted(doc, marks: List[bool]) -> None:
        """The speaker of a quote, a capitalised word that is no title nor organisation:
        after the quote and its verb, closing the sentence (', " says Player.'), or right
        after the quote, before its verb (', " Player will tell you'); listed as a name or
        not a common word ("Police said" stays)."""
        def speaker(k: int) -> bool:
            t = doc[k]
            return plain(t) and t.pos_ == "PROPN" and t.ent_type_ not in _ORGS \
                and t.lower_ not in TITLES and t.lower_ not in ROLES \
                and (name_word(t.lower_) is not None or zipf(t.lower_) < SPEAKER_ZIPF)

        def closing(k: int) -> bool:  # a quote after the quoted sentence's comma or stop
            return k >= 1 and doc[k].text in _QUOTES and doc[k - 1].text in (",", ".", "?", "!")

        for t in doc:
            i = t.i
            if t.lower_ in SPEECH and closing(i - 1) and i + 1 < len(doc) and speaker(i + 1):
                end = i + 2
                while end < len(doc) and capitalised(doc[end]) and speaker(end):
                    end += 1
                if end == len(doc) or doc[end].text in (".", ",", "!", "?", ";"):
                    for k in range(i + 1, end):
                        marks[k] = True
            elif closing(i - 1) and speaker(i):
                j = i + 1
                while j < len(doc) and doc[j].pos_ in ("AUX", "ADV") and j - i <= 2:
                    j += 1
                if j < len(doc) and doc[j].lower_ in SPEECH:
                    marks[i] = True

    @staticmethod
    def _heads(doc, marks: List[bool]) -> None:
        """The capitalised word right before a name (one marked or tagged PERSON), in the
        same run of words: a rare first name anywhere ("Gotthold Ephraim Lessing"), one
        that is also a word after a comma or "and" only ("recruit, Camera Shanahan").
        Titles and roles, and a word after another capitalised word or "of" ("NASA
        Administrator", "Secretary of Defense"), stay."""
        for t in doc[:-1]:
            nxt = doc[t.i + 1]
            if marks[t.i] or not (marks[nxt.i] or nxt.ent_type_ == "PERSON" or _surname(nxt)) or \
                    not capitalised(nxt) or not plain(t) or t.pos_ != "PROPN" or \
                    t.ent_type_ in HEAD_SKIP_ENTS or t.whitespace_ != " ":
                continue
            if {t.lower_, nxt.lower_.rstrip(".")} & (TITLES | ROLES | PARTICLES):
                continue
            if nxt.ent_type_ == "PERSON" and nxt.ent_iob_ != "B":
                continue  # inside spaCy's own name
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is not None and not sentence_start(t) and (
                    capitalised(prev) or prev.text.isupper() or prev.lower_ in _HEAD_AFTER_NOT):
                continue  # "NASA Administrator", "Secretary of Defense", "then-Specialist"
            if not joins(t) and (prev is None or prev.lower_ not in _LIST_SEP):
                continue  # a common word only as a list item or apposition ("recruit, Camera")
            marks[t.i] = marks[nxt.i] = True

    @staticmethod
    def _particles(doc, marks: List[bool]) -> None:
        """A lowercase particle between two names ("Germaine de Staël"), or one of
        :data:`OPENING_PARTICLES` right before a name ("through de Staël's")."""
        def name(k: int) -> bool:
            return 0 <= k < len(doc) and capitalised(doc[k]) and (
                marks[k] or doc[k].ent_type_ == "PERSON")
        for t in doc:
            if marks[t.i] or not t.is_lower or t.lower_ not in PARTICLES or not name(t.i + 1):
                continue
            if name(t.i - 1) or t.lower_ in OPENING_PARTICLES:
                marks[t.i] = True

    @staticmethod
    def _animate(doc, marks: List[bool]) -> None:
        """A word standing alone, tagged an organisation or nothing, that the words after it
        say is a person (an organisation has "its"; a company no wife, novel or funeral):

        - before a possessive ("'s", "’ s") and a noun of :data:`PERSON_NOUNS`, up to two
          adjectives or adverbs between ("Shorten's late wife", "Assad's regime");
        - before its verb (auxiliaries and adverbs before it) followed by "his", "himself",
          "herself" or "her" as a determiner ("Milestone won his second award").

        Not a common word (Zipf :data:`ANIMATE_COMMON` or more), a title, role, kin word
        ("Mum's birthday"), country or never-name, nor a word after a determiner or another
        capitalised word ("the Board's", "Microsoft Word's")."""
        n = len(doc)
        for t in doc:
            if marks[t.i] or not _standing_word(t):
                continue
            j = t.i + 1
            if j < n and doc[j].text in ("'s", "’s"):
                k = j + 1
            elif j + 1 < n and doc[j].text in ("'", "’") and doc[j + 1].text == "s":
                k = j + 2
            else:
                k = None
            if k is not None:
                while k < n and k - j <= 4 and doc[k].pos_ in ("ADJ", "ADV") \
                        and doc[k].lower_ not in PERSON_NOUNS:
                    k += 1
                if k < n and _person_noun(t, doc[k].lower_) and doc[k].pos_ in ("NOUN", "PROPN") \
                        and not (k + 1 < n and doc[k + 1].pos_ == "NOUN"):
                    # the noun heads its phrase (no parser here): "Nokia's funeral plans",
                    # "Google's play store" say nothing of a person
                    marks[t.i] = True
                continue
            while j < n and j - t.i <= 3 and doc[j].pos_ in ("AUX", "ADV", "PART") and \
                    doc[j].lower_ not in ("'s", "’s"):
                j += 1
            if j + 1 < n and doc[j].pos_ == "VERB" and doc[j].tag_ != "VBG" and (
                    doc[j + 1].lower_ in _OWN_PRONOUNS
                    or (doc[j + 1].lower_ == "her" and doc[j + 1].tag_ == "PRP$")):
                marks[t.i] = True

    @staticmethod
    def _item(doc, start: int, end: int) -> bool:
        """doc[start:end] is a list item that may be a name: 1-3 capitalised words, none
        common, no place; or 2-3 capitalised words ending in a word that is mostly a name
        ("Rabbit Maranville", "Paris Hilton")."""
        if not 1 <= end - start <= 3:
            return False
        if all(unseen(doc[k]) or namely(doc[k]) for k in range(start, end)):
            return True
        if end - start == 1 and _famous_alone(doc[start]):
            return True  # "with Trump and Angela Merkel"
        last = doc[end - 1]
        word = name_word(last.lower_)
        return end - start >= 2 and capitalised(last) and last.ent_type_ not in SKIP_ENTS and (
            namely(last) or (word is not None and word.last and word.wordness < LISTED_LAST)) \
            and all(capitalised(doc[k]) and doc[k].ent_type_ != "NORP"
                    for k in range(start, end - 1))

    def _lists(self, doc, marks: List[bool]) -> None:
        """Items of a comma / "and" list beside an item that is a person."""
        runs = _capitalised_runs(doc)
        for n, (a, b) in enumerate(runs):
            if any(marks[a:b]) or any(doc[k].ent_type_ == "PERSON" for k in range(a, b)):
                continue
            if not self._item(doc, a, b):
                continue
            for m in (n - 1, n + 1):
                if not 0 <= m < len(runs):
                    continue
                (c, d), (e, f) = sorted([(a, b), runs[m]])
                between = [doc[k].lower_ for k in range(d, e)]
                if 1 <= len(between) <= 2 and all(w in _LIST_SEP for w in between) and \
                        all(marks[k] or doc[k].ent_type_ == "PERSON" for k in range(*runs[m])):
                    for k in range(a, b):
                        marks[k] = True
                    break


def _apposed_subject(token) -> bool:
    """Followed by an apposition between commas or dashes, then its verb ("Loeb, in a
    Citroen, expanded", "Barzani - a longtime U.S. ally - criticized")."""
    doc = token.doc
    j = token.i + 1
    if j >= len(doc) or doc[j].text not in _APPOSITION_MARKS or (
            token.i > 0 and doc[token.i - 1].pos_ == "DET"):  # "The Hare, believing ..."
        return False
    for k in range(j + 2, min(j + 2 + APPOSITION_WORDS, len(doc))):
        if doc[k].text in (".", "!", "?", ";") or "\n" in doc[k].text:
            return False
        if doc[k].text == doc[j].text:
            return k + 1 < len(doc) and doc[k + 1].pos_ in ("AUX", "VERB") \
                and doc[k + 1].tag_ != "VBG"
    return False


def _person_noun(owner, noun: str) -> bool:
    """``noun`` after ``owner``'s possessive says the owner is a person: a noun of
    :data:`PERSON_NOUNS`, or of :data:`SHARED_NOUNS` after a census surname."""
    if noun in PERSON_NOUNS:
        return True
    if noun not in SHARED_NOUNS:
        return False
    entry = name_word(owner.lower_)
    return entry is not None and entry.last


def _famous_alone(token) -> bool:
    """The one-word short form of a very notable person (:mod:`..famous_names`), capitalised,
    not a notable place or a settlement, nor after a preposition of place ("in Lincoln")."""
    if not plain(token) or (token.i > 0 and token.doc[token.i - 1].lower_ in _LOCATIVE):
        return False
    data, low = famous(), token.lower_
    return (low,) in data.forms.get(low, ()) and low not in data.countries and \
        low not in data.towns


def _standing_word(token) -> bool:
    """A capitalised word of three letters or more (an inner capital only after a prefix:
    "LaBeouf", "McCain"), alone (no capitalised word beside it, no determiner before it),
    that may be a name read as an organisation: see :meth:`WrittenNameRecognizer._animate`."""
    text, low = token.text, token.lower_
    if len(text) < 3 or not capitalised(token) or token.ent_type_ not in _ANIMATE_ENTS or \
            token.is_stop or (any(c.isupper() for c in text[1:]) and not _PREFIXED.match(text)):
        return False
    if low in NOT_A_NAME or low in NOT_NAMES or low in TITLES or low in ROLES or \
            low in PERSON_NOUNS or low in SHARED_NOUNS or low in _KIN_WORDS or \
            low in _COUNTRY_WORDS or zipf(low) >= ANIMATE_COMMON:
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and _name_like(doc[token.i + 1]):
        return False
    if token.i == 0:
        return True
    prev = doc[token.i - 1]
    return prev.pos_ not in ("DET", "PRON") and not prev.text.isupper() and \
        (sentence_start(token) or not _name_like(prev))


_PREFIXED = re.compile(r"(?:Mc|Mac|La|Le|De|Di|Du|Da|Van|Von|O')[A-Z][a-z]+")


def _surname(token) -> bool:
    """Untagged, listed as a surname and mostly one, closing its run ("Shanahan")."""
    doc = token.doc
    word = name_word(token.lower_)
    if word is None or not word.last or word.wordness >= LISTED_LAST or token.ent_type_ \
            or not plain(token):
        return False
    return token.i + 1 >= len(doc) or not _name_like(doc[token.i + 1])


def _name_like(token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or bool(INITIAL.match(token.text))


def _capitalised_runs(doc) -> List[Tuple[int, int]]:
    """(start, end) of each run of capitalised words and initials."""
    runs, i = [], 0
    while i < len(doc):
        if not _name_like(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and _name_like(doc[j]):
            j += 1
        runs.append((i, j))
        i = j
    return runs
