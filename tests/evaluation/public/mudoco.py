"""MuDoCo (Martin et al. 2020): short dialogues, authored by crowd workers, between a user and
a voice assistant, one JSON file per domain. Read here: reminders ("remind Kim to pick up
the cake"), news and weather (the calling and messaging files are absent from the authors'
repository snapshot: git LFS-like "BAD" blobs).

Each dialogue carries its split (train, eval, test) and numbered turns, odd turns the
user's; each turn an ``utterance`` (tokens parted by spaces) and ``named_entities`` by
type with character spans. The text is rebuilt from the space-parted tokens as FiNER-ORD's
is (`finer_ord.join`). ``person`` marks every mention of a person ("me", "her", "mom",
"Your", "Uncle John", "Kim"): it is PERSON only when, kinship words and titles before it
set aside, every word is capitalised and none is a pronoun, a role or a weekday ("Mom",
"Dad", "Bot", "Dentist", "the GP", "his Principal", "You'd", "Tuesday"); any other person mention, and the words set aside, are OTHER. ``location`` is
LOCATION, ``time`` OTHER; ``entity`` (things: "reminder", "gift", "the dog", "Walmart") is
counted among the ordinary words, as MultiWOZ's venues are in ``multiwoz_words``. A turn is
a sentence; the doc is ``<domain>/<dialogue id>``, so a record never joins two dialogues.
Tune = the authors' train + eval dialogues, heldout = their test dialogues.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from tests.evaluation.public.finer_ord import join
from tests.evaluation.public.mentions import CONNECTORS, NOT_NAMES, _word
from tests.evaluation.public.sentence import Sentence

DOMAINS = ("reminders", "news", "weather")
FILES = tuple(f"mudoco_{d}.json" for d in DOMAINS)
# Person mentions that are no name: possessives, contractions, kin, roles, the assistant.
NOT_NAMES_HERE = NOT_NAMES | {
    "your", "yours", "our", "their", "its", "myself", "yourself", "i'll", "i'm", "i've",
    "i'd", "you'll", "you're", "mom", "mommy", "mum", "dad", "daddy", "mother", "father",
    "nana", "grandma", "grandpa", "granny", "grandmother", "grandfather", "sister",
    "brother", "wife", "husband", "son", "daughter", "uncle", "aunt", "auntie", "cousin",
    "boss", "bot", "assistant", "dentist", "doctor", "honey", "baby", "babe", "friend",
    "family", "kids", "team", "everybody", "somebody", "nobody", "all", "guys", "coach",
    "teacher",
    # roles and jobs the annotators marked as persons ("the GP", "his Principal", "the Vet")
    "gp", "principal", "vet", "quarterback", "sitter", "babysitter", "nurse", "manager",
    "landlord", "neighbor", "neighbour", "plumber", "mechanic", "pastor", "priest", "driver",
    # pronoun contractions and weekdays, marked a few times
    "you'd", "we'll", "we're", "we'd", "they're", "they'll", "he's", "she's", "let's",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TYPES = {"location": "LOCATION", "time": "OTHER"}
ORDINARY = {"entity"}


def _person(tokens: Sequence[str], a: int, b: int) -> List[Tuple[int, int, str]]:
    """The spans one person mention (tokens a..b) gives: the name PERSON, the rest OTHER."""
    name = a
    while name < b and (_word(tokens[name]) in NOT_NAMES_HERE or tokens[name] in CONNECTORS):
        name += 1
    rest = tokens[name:b]
    if name == b or not all((t[:1].isupper() and _word(t) not in NOT_NAMES_HERE)
                            or t in CONNECTORS for t in rest):
        return [(a, b, "OTHER")]
    return ([(a, name, "OTHER")] if name > a else []) + [(name, b, "PERSON")]


def turn_sentence(corpus: str, doc: str, index: int, utterance: str,
                  named: dict) -> Sentence:
    """One turn: its tokens joined as text, its labelled mentions as entities."""
    where = [(m.start(), m.end()) for m in re.finditer(r"\S+", utterance)]
    tokens = [utterance[s:e] for s, e in where]

    def token_range(span: dict) -> Optional[Tuple[int, int]]:
        inside = [i for i, (s, e) in enumerate(where)
                  if s < span.get("end", 0) and span.get("start", 0) < e]
        return (inside[0], inside[-1] + 1) if inside else None

    spans: List[Tuple[int, int, str]] = []
    for kind, mentions in (named or {}).items():
        if kind in ORDINARY:
            continue
        for mention in mentions:
            found = token_range(mention.get("span") or {})
            if found is None:
                continue
            if kind == "person":
                spans += _person(tokens, *found)
            else:
                spans.append((found[0], found[1], TYPES.get(kind, "OTHER")))
    text, entities = join(tokens, sorted(set(spans)))
    return Sentence(corpus, doc, index, text, entities)


def read(path: Path, corpus: str, split: str) -> List[Sentence]:
    """The turns of one domain file's dialogues in ``split`` (tune: train + eval)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    wanted = {"train", "eval"} if split == "tune" else {"test"}
    domain = data.get("domain") or Path(path).stem
    out: List[Sentence] = []
    for key, dialogue in (data.get("dialogs") or {}).items():
        if dialogue.get("split") not in wanted:
            continue
        for i, turn in enumerate(dialogue.get("turns") or []):
            out.append(turn_sentence(corpus, f"{domain}/{key}", i, turn.get("utterance") or "",
                                     turn.get("named_entities") or {}))
    return out


class MuDoCo:
    name = "mudoco"
    directory = "mudoco"
    kind = ("MuDoCo: user and voice-assistant dialogues (reminders, news, weather), "
            "crowd-written (person = capitalised person mentions)")
    split_note = "authors' split field: tune = train + eval dialogues, heldout = test"
    tune = FILES
    heldout = FILES

    def missing(self, root: Path) -> Optional[str]:
        folder = Path(root) / self.directory
        absent = [f for f in FILES if not (folder / f).is_file()]
        return f"{folder} lacks {', '.join(absent)}" if absent else None

    def load(self, root: Path, split: str) -> List[Sentence]:
        folder = Path(root) / self.directory
        return [s for f in FILES for s in read(folder / f, self.name, split)]
