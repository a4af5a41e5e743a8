"""Taskmaster-3 (TicketTalk; Byrne et al. 2021; CC BY 4.0): crowd-written dialogues of a
customer buying movie tickets from an agent, full of film titles, theatre names and cities.

Only two kinds of TM-3 file hold dialogue text in the authors' repository snapshot (the
``data/*.json`` with character-offset segments are absent there):

- ``train-bc.tsv`` (a chunk of the authors' train split): ``context<TAB>target<TAB>id``,
  the context a tag stream ``<U>`` user turn, ``<A>`` agent turn, ``<PN>`` API name,
  ``<PAN>``/``<PAV>`` argument name/value, ``<PR>``/``<PRAN>``/``<PRAV>`` its response;
  each dialogue appears with growing contexts, so the longest one is read.
- ``reward/*.json`` (written for PERL, 2024): ``{conversation_id, context, generation}``,
  the context a JSON list of ``{role: user|agent, text}`` and ``{role: agent, api:
  {name: {arg: value}}}`` turns; the longest context of a conversation is read, its
  generation appended when it is an API call. They score many continuations of one
  conversation under different ids: a dialogue whose user turns begin another's is dropped.

Every USER turn is a sentence (no speaker prefix), its dialogue the doc. The labels are
the API arguments the writer filled from that turn (the calls after it, before the next
turn), and the named values (person, title, venue, place) of any call of the dialogue:
each value found in the turn (case-insensitive, on word bounds, any punctuation between
its words; of a named value, also a run of two or more of its words) is a span.
``name.person`` (actors, directors) is PERSON; film and theatre names and characters are
VENUE_TITLE (not personal data: reported for utility, higher is better); ``location`` is
LOCATION; every other argument (times, dates, genres, counts, seating) is OTHER. A name
nobody passed to an API ("me and my friend Anna") is not labelled.
Split: a hash of the dialogue id (whole dialogues in one half).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.split import hash_half

TYPE_OF = {"name.person": "PERSON", "name.movie": "VENUE_TITLE",
           "name.theater": "VENUE_TITLE", "name.character": "VENUE_TITLE",
           "location": "LOCATION"}
NOT_VALUES = {"attribute"}  # its value names another argument ("name.genre")
SMALL = {"the", "a", "an", "and", "of", "in", "at", "on", "to", "for", "by", "with"}
TSV = "train-bc.tsv"
REWARD = tuple(f"reward/reward_{i:02d}.json" for i in range(8))
Turn = Tuple[str, List[Tuple[str, str]]]  # user text, the (argument, value) pairs after it


def phrases(name: str, value: str) -> List[str]:
    """Regular expressions for one argument value: its words with any punctuation or space
    between them ("Spring Hills, Kansas" = "Spring Hills Kansas", ’ = '), a trailing
    "(PG-13)" set aside; for a named value of three words or more, also each run of two
    or more of its words that neither begins nor ends with a small word ("AMC Mercado" of
    "AMC Mercado 24", never "Up in" of "Up in the Air")."""
    words = re.findall(r"[^\W_]+", re.sub(r"\s*\([^()]*\)\s*$", "", value))
    if not words:
        return []
    runs = [words]
    if name in TYPE_OF and len(words) >= 3:
        runs += [words[i:j] for i in range(len(words)) for j in range(i + 2, len(words) + 1)
                 if j - i < len(words) and words[i].lower() not in SMALL
                 and words[j - 1].lower() not in SMALL]
    return [r"(?<!\w)" + r"[\W_]+".join(map(re.escape, run)) + r"(?!\w)" for run in runs]


def label(text: str, args: Iterable[Tuple[str, str]]) -> Tuple[Entity, ...]:
    """Every occurrence of each argument value in ``text``; a longer span wins an overlap."""
    found = []
    for name, value in args:
        if name in NOT_VALUES:
            continue
        for pattern in phrases(name, value):
            for m in re.finditer(pattern, text, re.IGNORECASE):
                found.append((m.start(), m.end(), TYPE_OF.get(name, "OTHER")))
    kept: List[Tuple[int, int, str]] = []
    for a, b, kind in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(b <= s or e <= a for s, e, _ in kept):
            kept.append((a, b, kind))
    return tuple(Entity(a, b, kind) for a, b, kind in sorted(kept))


def tsv_turns(context: str) -> List[Turn]:
    """User turns of one tag-stream context, each with the API arguments after it."""
    parts = re.split(r"(<[A-Z]+>)", context)
    turns: List[Turn] = []
    open_turn, arg = False, None
    for tag, value in zip(parts[1::2], parts[2::2]):
        if tag == "<U>":
            turns.append((value.strip(), []))
            open_turn = True
        elif tag == "<A>":
            open_turn = False
        elif tag == "<PAN>":
            arg = value
        elif tag == "<PAV>" and open_turn and arg:
            turns[-1][1].append((arg, value))
    return turns


def reward_turns(context: Sequence[dict], generation: Optional[dict]) -> List[Turn]:
    """User turns of one reward context (plus its generation), with the API arguments."""
    turns: List[Turn] = []
    open_turn = False
    for item in list(context) + ([generation] if generation else []):
        if item.get("role") == "user" and "text" in item:
            turns.append((str(item["text"]).strip(), []))
            open_turn = True
        elif item.get("role") == "agent" and "api" in item and open_turn:
            for call in (item["api"] or {}).values():
                turns[-1][1].extend((k, str(v)) for k, v in (call or {}).items()
                                    if isinstance(v, (str, int, float)))
        elif item.get("role") == "agent" and "text" in item:
            open_turn = False
    return turns


def sentences(dialogues: Dict[str, List[Turn]], corpus: str) -> List[Sentence]:
    """A turn's labels: its own arguments, and every named value (person, title, venue,
    place) the dialogue passed to an API at any turn (a title said before it is looked up)."""
    out = []
    for doc, turns in dialogues.items():
        named = [(k, v) for _, args in turns for k, v in args if k in TYPE_OF]
        out += [Sentence(corpus, doc, i, text, label(text, args + named))
                for i, (text, args) in enumerate(turns) if text]
    return out


def distinct(dialogues: Dict[str, List[Turn]]) -> Dict[str, List[Turn]]:
    """Drop a dialogue whose user turns begin another's (the reward files score many
    continuations of one conversation under different ids)."""
    kept: Dict[str, List[Turn]] = {}
    texts: List[Tuple[str, ...]] = []
    for doc, turns in sorted(dialogues.items(), key=lambda d: (-len(d[1]), d[0])):
        said = tuple(text for text, _ in turns)
        if not any(other[:len(said)] == said for other in texts):
            kept[doc] = turns
            texts.append(said)
    return kept


def tsv_dialogues(path: Path) -> Dict[str, List[Turn]]:
    longest: Dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 3 and len(fields[0]) > len(longest.get(fields[2], "")):
            longest[fields[2]] = fields[0]
    return {d: tsv_turns(c) for d, c in longest.items()}


def reward_dialogues(path: Path) -> Dict[str, List[Turn]]:
    longest: Dict[str, Tuple[list, Optional[dict]]] = {}
    for example in json.loads(Path(path).read_text(encoding="utf-8")):
        context = json.loads(example["context"])
        doc = example["conversation_id"]
        if len(context) > len(longest.get(doc, ([], None))[0]):
            generation = json.loads(example["generation"])
            longest[doc] = (context, generation if "api" in generation else None)
    return {d: reward_turns(c, g) for d, (c, g) in longest.items()}


def read(folder: Path, corpus: str) -> List[Sentence]:
    """Every distinct dialogue of the TSV chunk and the reward files."""
    dialogues = tsv_dialogues(folder / TSV)
    for f in REWARD:
        dialogues.update(reward_dialogues(folder / f))
    return sentences(distinct(dialogues), corpus)


class Taskmaster:
    """The registry entry: both file kinds, halves by a hash of the dialogue id."""
    name = "taskmaster"
    directory = "taskmaster"
    kind = "customer turns buying movie tickets (Taskmaster-3 / TicketTalk)"
    split_note = "train-bc.tsv + reward files: hash halves by dialogue id"
    files = (TSV,) + REWARD

    def missing(self, root: Path) -> Optional[str]:
        folder = Path(root) / self.directory
        absent = [f for f in self.files if not (folder / f).is_file()]
        return f"{folder} lacks {', '.join(absent)}" if absent else None

    def load(self, root: Path, split: str) -> List[Sentence]:
        return [s for s in read(Path(root) / self.directory, self.name)
                if hash_half(s.corpus, s.doc, 0) == split]
