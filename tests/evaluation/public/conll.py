"""CoNLL-style readers: one token per line, a blank line between sentences.

Handles the quirks of the corpora in SOURCE.md: separator lines holding only a TAB
(WNUT-17 train), CRLF line endings and the tag in the first column (MIT Movie),
four columns and a ``-DOCSTART-`` line (Tweebank-NER), empty tokens or tokens with
spaces inside (Broad Twitter Corpus), space-separated columns with the tag last and
IO tags, ``I-`` only (WikiGold, SEC filings).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, List, Tuple

from tests.evaluation.public.sentence import Sentence, from_bio


def blocks(text: str, tag_first: bool = False) -> Iterator[Tuple[List[str], List[str]]]:
    """(tokens, tags) of each sentence in CoNLL text."""
    tokens: List[str] = []
    tags: List[str] = []
    for line in text.splitlines():
        if not line.strip():
            if tokens:
                yield tokens, tags
            tokens, tags = [], []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        parts = line.split("\t")
        if len(parts) == 1:  # spaces instead of the TAB: the token first, the tag last
            parts = line.split(" ", 1) if tag_first else line.split()
        tag, token = (parts[0], parts[-1]) if tag_first else (parts[-1], parts[0])
        tokens.append(token)
        tags.append(tag)
    if tokens:
        yield tokens, tags


def read(path: Path, corpus: str, tag_first: bool = False) -> List[Sentence]:
    text = Path(path).read_text(encoding="utf-8")
    return [from_bio(corpus, Path(path).name, i, toks, tags)
            for i, (toks, tags) in enumerate(blocks(text, tag_first))]


def read_tag_first(path: Path, corpus: str) -> List[Sentence]:
    return read(path, corpus, tag_first=True)
