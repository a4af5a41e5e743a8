"""EVI (PolyAI, Spithourakis et al. 2022): real UK phone calls through a real ASR, each
caller turn saying their postcode, full name or date of birth ("whiskey 2 0 alpha bravo",
"k e ER e s a smi-ith", "13th of August 1933", "Katie Marshall").

Files in ``<corpora>/evi/``: ``dialogues.en.tsv`` (one caller turn a row: dialogue_id,
scenario_id, turn_num, item, transcription = the ASR top hypothesis) and
``records.en.csv`` (the profile each scenario enacts: postcode, name_first, name_last, dob).
A turn is labelled from its profile, so only what the labeller finds is counted (an ASR
error can hide a value): PERSON = a token equal (case-insensitive) to the first or last
name, or spelled alike ("Linda" for Lynda, "Gemma" for Jemma), adjacent ones joined; PERSON_SPELLED = two or more short tokens spelling three or
more letters of the name in order ("r o s e m a r y", "M AR TI n"); ZIP = a run of tokens that spells three or more characters of
the postcode in order (letters, digits, NATO words, number words, mixed "w20"); DATE_OF_BIRTH
= the first to last token that is a day, month or year of the date of birth (or several of
them glued, "2601"). The turn's other spelled pieces and numbers (an ASR error, a slip)
are OTHER: neither a value found nor an ordinary word. So is, in a name turn, every word
that is not a stop word or what callers say around a name ("yes", "it's", "name",
"speaking"): a name the profile does not hold ("Derrick Barry" for a profile's Amy Nolan,
an ASR mishearing); in a date-of-birth turn, date words the profile's date lacks and "the"
/ "of" between them; "for" in a spelling ("c for charlie"). The ordinary words of a turn are then the ones a redactor must keep.

Each dialogue is one record, each turn a line. Two corpora: ``evi`` (the caller turns
bare) and ``evi_prompted`` (each turn after an agent line asking for the item: "agent: <our
question>" then "customer: <turn>"; the questions are ours, three wordings per item
chosen by hash; the caller's words are not). Split by a hash of the dialogue id.
"""
from __future__ import annotations

import csv
import difflib
import re
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.split import hash_half, stable_hash

DIRECTORY = "evi"
FILES = ("dialogues.en.tsv", "records.en.csv")
PROMPTS = {
    "postcode": ("Can I take your postcode, please?", "What's the postcode at the address?",
                 "Could you tell me your post code?"),
    "name": ("Can I have your full name, please?", "Who am I speaking with today?",
             "Could you give me your first and last name?"),
    "dob": ("And your date of birth?", "Can you confirm your date of birth, please?",
            "When were you born?"),
}
NATO = {"alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "echo": "E",
        "foxtrot": "F", "golf": "G", "hotel": "H", "india": "I", "juliet": "J",
        "juliett": "J", "kilo": "K", "lima": "L", "mike": "M", "november": "N", "oscar": "O",
        "papa": "P", "quebec": "Q", "romeo": "R", "sierra": "S", "tango": "T",
        "uniform": "U", "victor": "V", "whiskey": "W", "whisky": "W", "x-ray": "X",
        "xray": "X", "yankee": "Y", "zulu": "Z"}
# Letters said by their names, as the ASR writes them ("Zed" for Z, "Jay" for J, "tee";
# "ER" in capitals for R: the hesitation is written lowercase).
LETTER_NAMES = {"zed": "Z", "zee": "Z", "jay": "J", "tee": "T", "bee": "B", "cee": "C",
                "dee": "D", "gee": "G", "kay": "K", "pee": "P", "vee": "V", "ar": "R",
                "ER": "R"}
DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
               "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
            "nineteenth twentieth").split()
_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


def _tokens(text: str) -> List[Tuple[int, int, str]]:
    """(start, end, word) of each blank-separated token, punctuation at its edges cut."""
    out = []
    for m in _TOKEN.finditer(text):
        word = _EDGE.sub("", m.group(0))
        if word:
            lead = m.group(0).index(word)
            out.append((m.start() + lead, m.start() + lead + len(word), word))
    return out


def _spelling(word: str) -> Optional[str]:
    """The postcode characters a token says: "w20" -> "W20", "alpha" -> "A", "two" -> "2"."""
    low = word.lower()
    if low in NATO:
        return NATO[low]
    if low in LETTER_NAMES or word in LETTER_NAMES:  # "zed", "jay", "ER"
        return LETTER_NAMES.get(low) or LETTER_NAMES[word]
    if low in DIGIT_WORDS:
        return DIGIT_WORDS[low]
    return word.upper() if word.isalnum() and word.isascii() else None


def _runs(text: str, target: str, part_of, min_tokens: int) -> List[Tuple[int, int]]:
    """Runs of ``min_tokens`` or more tokens whose parts (``part_of(word)``, None: not a
    part) spell three or more characters of ``target`` in order, longest first."""
    toks = _tokens(text)
    spans, i = [], 0
    while i < len(toks):
        best, reading = None, ""
        for j in range(i, len(toks)):
            part = part_of(toks[j][2])
            if part is None or (reading + part) not in target:
                break
            reading += part
            best = j if j - i + 1 >= min_tokens and len(reading) >= 3 else best
        if best is None:
            i += 1
            continue
        spans.append((toks[i][0], toks[best][1]))
        i = best + 1
    return spans


def postcode_spans(text: str, postcode: str) -> List[Tuple[int, int]]:
    """Runs of tokens spelling 3+ characters of ``postcode`` in order (longest first)."""
    return _runs(text, re.sub(r"\W", "", postcode).upper(), _spelling, 1)


def _date_parts(dob: str) -> Tuple[set, str, str, str]:
    """Words that say a part of ``dob`` (YYYY-MM-DD), and its day, month and year digits."""
    year, month, day = dob.split("-")
    d, m = int(day), int(month)
    words = {year}
    for n, name in ((d, None), (m, MONTHS[m - 1])):
        for form in (str(n), f"{n:02d}"):
            words |= {form, form + "st", form + "nd", form + "rd", form + "th"}
        if n <= len(ORDINALS):
            words.add(ORDINALS[n - 1])
        if name:
            words |= {name, name[:3]}
    return words, f"{d:02d}", f"{m:02d}", year


def date_span(text: str, dob: str) -> Optional[Tuple[int, int]]:
    """First to last token naming a part of ``dob`` (day, month, year, or glued parts such
    as "2601", "26011979"), when one of them has two characters or more."""
    words, dd, mm, yyyy = _date_parts(dob)
    glued = {dd + mm, dd + mm + yyyy, dd.lstrip("0") + mm, dd + mm.lstrip("0"),
             dd.lstrip("0") + mm.lstrip("0"), dd + mm + yyyy[2:]}
    hits = [(s, e, w) for s, e, w in _tokens(text)
            if w.lower() in words or (len(w) >= 3 and w in glued)]
    if not hits or max(len(w) for _, _, w in hits) < 2:
        return None
    return hits[0][0], hits[-1][1]


SOUNDS_ALIKE = 0.75  # difflib ratio: "Lynda" / "Linda", "Brookes" / "Brooks"
NATO_ALIKE = 0.85  # difflib ratio: "Alima" / "lima", "x-ray" / "xray", "Juliette" / "juliet"


def _same_name(word: str, name: str) -> bool:
    word, name = word.casefold(), name.casefold()
    return word == name or (len(word) >= 3 and word.isalpha() and abs(len(word) - len(name))
                            <= 1 and difflib.SequenceMatcher(
        a=word, b=name).ratio() >= SOUNDS_ALIKE)


def name_spans(text: str, names: Sequence[str]) -> List[Tuple[int, int]]:
    """Tokens equal (case-insensitive) to one of ``names``, or a spelling of it that sounds
    the same as ASR writes it ("Linda" for Lynda, "Gemma" for Jemma: lengths one apart at
    most, difflib ratio 0.75 or more), adjacent ones joined."""
    wanted = [n for n in names if n]
    spans: List[List[int]] = []
    previous = None
    for k, (s, e, w) in enumerate(_tokens(text)):
        if any(_same_name(w, n) for n in wanted):
            if spans and previous == k - 1:
                spans[-1][1] = e
            else:
                spans.append([s, e])
            previous = k
    return [tuple(x) for x in spans]


def spelled_name_spans(text: str, first: str, last: str) -> List[Tuple[int, int]]:
    """Runs of two or more short tokens ("k a t", "M AR TI n") whose letters spell three
    or more letters of the name in order."""
    name = re.sub(r"[^a-z]", "", f"{first}{last}".lower())
    return _runs(text, name, lambda w: w.lower() if w.isalpha() and len(w) <= 3 else None, 2)


def _piece(word: str) -> bool:
    """A token that is a piece of a spelled value or a number (ASR-garbled ones included:
    "Alima" for "Lima", "x-ray")."""
    low = word.lower()
    return (low in NATO or low in DIGIT_WORDS or any(c.isdigit() for c in word)
            or low in LETTER_NAMES or word in LETTER_NAMES
            or bool(re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]?", word))  # "e.l.f", "D.O"
            or (len(word) <= 2 and word.isalpha() and low not in _WORDS)
            or (len(low) >= 4 and any(difflib.SequenceMatcher(a=low, b=n).ratio() >= NATO_ALIKE
                                      for n in NATO)))


_WORDS = {"is", "it", "in", "on", "at", "to", "of", "my", "me", "so", "no", "oh", "an", "as",
          "or", "and", "be", "do", "he", "we", "um", "uh", "er", "ah"}
# What a caller says around a name besides the name: the ordinary words of a name turn.
_AROUND_NAME = {"yes", "yeah", "yep", "sure", "okay", "ok", "sorry", "hi", "hello", "please",
                "thanks", "thank", "you", "name", "names", "first", "last", "full", "surname",
                "called", "speaking", "spelled", "spelt", "spell", "that", "that's", "it's",
                "i'm", "this", "here", "double", "like", "with", "letter", "hmm", "erm"}


def _name_attempt(word: str) -> bool:
    """In a turn answering "what is your name?", a word that is neither a stop word nor
    what callers say around a name: an attempt at a name the profile does not hold (the
    caller gave another name, or the ASR misheard it: "Derrick Barry", "Etta")."""
    low = word.lower()
    return re.sub(r"[-']", "", word).isalpha() and low not in _WORDS and \
        low not in _AROUND_NAME and low not in STOP_WORDS  # "smi-ith": Smith drawn out


def _date_word(word: str) -> bool:
    low = word.lower()
    return low in MONTHS or low[:3] in {m[:3] for m in MONTHS} and len(low) <= 4 or \
        low in ORDINALS or bool(re.fullmatch(r"\d+(?:st|nd|rd|th)?", low))


def _date_piece(toks, k: int) -> bool:
    """In a date-of-birth turn, a date word the profile's date does not hold (the caller
    said another date) or "the"/"of" between date words ("the 20th of November")."""
    word = toks[k][2].lower()
    if _date_word(word):
        return True
    return word in ("the", "of") and k + 1 < len(toks) and (
        _date_word(toks[k + 1][2]) or toks[k + 1][2].lower() == "the")


def _spelled(word: str) -> bool:
    return (len(word) == 1 and word.isalnum()) or _piece(word)


def _inside_spelling(toks, k: int) -> bool:
    """A word of two letters between two spelled pieces: letters of the spelling that
    happen to make a word ("t e o e s e he h u", "L at 3 2 p")."""
    return len(toks[k][2]) == 2 and 0 < k < len(toks) - 1 and \
        _spelled(toks[k - 1][2]) and _spelled(toks[k + 1][2])


def _spelling_link(toks, k: int) -> bool:
    """"for" in a spelling: "c for charlie", "d for david"."""
    return toks[k][2].lower() == "for" and k > 0 and len(toks[k - 1][2]) == 1 and \
        k + 1 < len(toks)


def label(text: str, item: str, profile: Dict[str, str]) -> Tuple[Entity, ...]:
    """The entities a caller turn answering ``item`` holds, from the caller's profile;
    the turn's other spelled pieces and numbers (unmatched: an ASR error or a slip) are
    OTHER, neither a value found nor an ordinary word."""
    if item == "postcode":
        found = [Entity(s, e, "ZIP") for s, e in postcode_spans(text, profile["postcode"])]
    elif item == "name":
        found = [Entity(s, e, "PERSON") for s, e in
                 name_spans(text, (profile["name_first"], profile["name_last"]))]
        found += [Entity(s, e, "PERSON_SPELLED") for s, e in spelled_name_spans(
            text, profile["name_first"], profile["name_last"])
            if not any(f.start < e and s < f.end for f in found)]
    elif item == "dob":
        span = date_span(text, profile["dob"])
        found = [Entity(span[0], span[1], "DATE_OF_BIRTH")] if span else []
    else:
        found = []
    toks = _tokens(text)
    found += [Entity(s, e, "OTHER") for k, (s, e, w) in enumerate(toks)
              if (_piece(w) or (item == "name" and _name_attempt(w))
                  or (item == "dob" and _date_piece(toks, k)) or _spelling_link(toks, k)
                  or _inside_spelling(toks, k))
              and not any(f.start < e and s < f.end for f in found)]
    return tuple(sorted(found, key=lambda x: (x.start, -x.end)))


def prompt(dialogue: str, turn: int, item: str) -> str:
    wordings = PROMPTS[item]
    return wordings[stable_hash("evi-prompt", dialogue, turn) % len(wordings)]


def turn_sentence(corpus: str, dialogue: str, turn: int, item: str, text: str,
                  profile: Dict[str, str], prompted: bool) -> Sentence:
    """One caller turn as a sentence; with ``prompted``, "agent: ..." and "customer: ..."."""
    head = f"agent: {prompt(dialogue, turn, item)}\ncustomer: " if prompted else ""
    entities = tuple(Entity(e.start + len(head), e.end + len(head), e.type)
                     for e in label(text, item, profile))
    return Sentence(corpus, dialogue, turn, head + text, entities)


def _rows(folder: Path) -> Iterator[dict]:
    with open(folder / FILES[0], encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t")


def _profiles(folder: Path) -> Dict[str, Dict[str, str]]:
    with open(folder / FILES[1], encoding="utf-8", newline="") as fh:
        return {row["scenario_id"]: row for row in csv.DictReader(fh)}


def read(folder: Path, corpus: str, prompted: bool, split: Optional[str] = None
         ) -> List[Sentence]:
    """Every non-empty caller turn (of one half with ``split``), dialogue by dialogue.
    Turns whose scenario has no profile (207 rows with a bare number as scenario id) are
    left out: nothing could label them."""
    profiles = _profiles(folder)
    rows = [r for r in _rows(folder) if r["transcription"].strip() and r["item"] in PROMPTS
            and r["scenario_id"] in profiles
            and (split is None or hash_half("evi", r["dialogue_id"], 0) == split)]
    rows.sort(key=lambda r: (r["dialogue_id"], int(r["turn_num"])))
    return [turn_sentence(corpus, r["dialogue_id"], int(r["turn_num"]), r["item"],
                          " ".join(r["transcription"].split()), profiles[r["scenario_id"]],
                          prompted) for r in rows]


class Evi:
    """A registry entry: ``evi`` (bare caller turns) or ``evi_prompted``."""

    spoken = True  # ASR output: scored once, as it is, as the speech variant
    per_record = None  # a whole dialogue per record

    def __init__(self, prompted: bool):
        self.prompted = prompted
        self.name = "evi_prompted" if prompted else "evi"
        self.kind = ("UK phone calls, real ASR: caller turns after our agent prompt"
                     if prompted else "UK phone calls, real ASR: caller turns saying "
                     "postcode, name, date of birth")
        self.split_note = "hash halves by dialogue"

    def missing(self, root: Path) -> Optional[str]:
        folder = Path(root) / DIRECTORY
        absent = [f for f in FILES if not (folder / f).is_file()]
        return f"{folder} lacks {', '.join(absent)}" if absent else None

    def load(self, root: Path, split: str) -> List[Sentence]:
        return read(Path(root) / DIRECTORY, self.name, self.prompted, split)
