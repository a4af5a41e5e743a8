"""MultiWOZ 2.2 (Budzianowski et al. 2018; Zang et al. 2020; MIT): task-oriented
dialogues between a tourist and a Cambridge information desk, full of restaurant, hotel,
attraction and train station names.

A JSON list of dialogues ``{dialogue_id, turns: [{speaker, utterance, frames: [{slots:
[{slot, start, exclusive_end}]}]}]}``; a slot carried over from another (``copy_from``,
no ``start``) has no span. Each turn is a sentence, as it is (no speaker prefix), its
dialogue the doc, so a record holds consecutive turns of one dialogue.

MultiWOZ labels no person (its point is the names that are not people). Two readings:
`read` makes every slot span OTHER (excluded from the ordinary words, as other readers
do); `read_words` counts the spans of named things and kinds (`WORD_SLOTS`: venue
names, stations and taxi ends, food, area, type, department) as ordinary words, as a
scorer labelling only personal data would, and keeps OTHER for the values hushbeam
removes by design (phones, postcodes, addresses, references, times, prices).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

from tests.evaluation.public.sentence import Entity, Sentence

WORD_SLOTS = ("name", "departure", "destination", "food", "area", "type", "department")


def is_word_slot(slot: str) -> bool:
    """``restaurant-name``, ``taxi-destination``, ``restaurant-food`` ...: a named thing."""
    return slot.rpartition("-")[2] in WORD_SLOTS


def parse(turn: dict, corpus: str, doc: str, index: int, words: bool) -> Sentence:
    text = turn["utterance"]
    spans = {(s["start"], s["exclusive_end"])
             for frame in turn.get("frames") or [] for s in frame.get("slots") or []
             if "start" in s and "exclusive_end" in s
             and not (words and is_word_slot(s["slot"]))}
    entities = tuple(Entity(a, b, "OTHER") for a, b in sorted(spans) if b > a)
    return Sentence(corpus, doc, index, text, entities)


def _read(path: Path, corpus: str, words: bool) -> List[Sentence]:
    dialogues = json.loads(Path(path).read_text(encoding="utf-8"))
    return [parse(turn, corpus, d["dialogue_id"], i, words)
            for d in dialogues for i, turn in enumerate(d["turns"])]


def read(path: Path, corpus: str) -> List[Sentence]:
    """Every slot span OTHER."""
    return _read(path, corpus, words=False)


def read_words(path: Path, corpus: str) -> List[Sentence]:
    """Names and kinds as ordinary words; other slot spans OTHER."""
    return _read(path, corpus, words=True)
