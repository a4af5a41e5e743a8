"""Sentences grouped into conversation records for the pipeline: a few consecutive
sentences of one source file per record, joined by newlines, entity offsets shifted."""
from __future__ import annotations

import dataclasses
from typing import List, Optional, Sequence, Tuple

from tests.evaluation.public.sentence import Entity, Sentence

PER_RECORD = 4


@dataclasses.dataclass(frozen=True)
class Record:
    id: str
    corpus: str
    split: str  # tune | heldout
    variant: str  # written | speech
    text: str
    entities: Tuple[Entity, ...]
    language: str = ""  # the export's `language` field (policy nlp.languageField); "" none

    def as_export(self) -> dict:
        """The record as a conversation export line the pipeline reads."""
        export = {"conversation_id": self.id,
                  "channel": "voice" if self.variant == "speech" else "chat",
                  "transcript_text": self.text, "notes": "", "custom_data_fields": {}}
        if self.language:
            export["language"] = self.language
        return export


def group(sentences: Sequence[Sentence], split: str, variant: str,
          per_record: Optional[int] = PER_RECORD, language: str = "") -> List[Record]:
    """Consecutive sentences of one doc, ``per_record`` at most (None: the whole doc);
    ``language`` (e.g. "fr") is written in each record's export."""
    out: List[Record] = []
    batch: List[Sentence] = []

    def flush() -> None:
        if not batch:
            return
        texts, entities, pos = [], [], 0
        for s in batch:
            entities += [Entity(e.start + pos, e.end + pos, e.type) for e in s.entities]
            texts.append(s.text)
            pos += len(s.text) + 1
        corpus = batch[0].corpus
        out.append(Record(f"{corpus}-{split}-{variant}-{len(out):05d}", corpus, split,
                          variant, "\n".join(texts), tuple(entities), language))
        batch.clear()

    for s in sentences:
        if not s.text.strip():
            continue
        if batch and (s.doc != batch[0].doc or len(batch) == per_record):
            flush()
        batch.append(s)
    flush()
    return out
