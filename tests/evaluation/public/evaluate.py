"""Public corpora through the real pipeline (and Presidio as shipped), tallied.

All records of a run go through one `pipelines.redact.run` call (one JSON-lines input),
as a user's export would; each record is then scored against its gold spans.
"""
from __future__ import annotations

import glob
import json
import os
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import pyarrow.parquet as pq

from tests.evaluation.public.records import PER_RECORD, Record, group
from tests.evaluation.public.registry import CORPORA
from tests.evaluation.public.speech import speech
from tests.evaluation.public.split import sample
from tests.evaluation.public.survival import Tally

VARIANTS = ("written", "speech")


def build_records(root: Path, names: Sequence[str], splits: Sequence[str],
                  variants: Sequence[str], limit: Optional[int]
                  ) -> Tuple[List[Record], List[str]]:
    """Records of every available corpus x split x variant; lines saying what was skipped.
    ``root`` may list several directories (``dir1:dir2``): a corpus is read from the first
    one that holds all its files."""
    records, skipped = [], []
    roots = [Path(p) for p in str(root).split(os.pathsep) if p]
    for name in names:
        corpus = CORPORA[name]
        found = [r for r in roots if corpus.missing(r) is None]
        if not found:
            skipped.append(f"{name}: skipped ({corpus.missing(roots[0])})")
            continue
        root = found[0]
        for split in splits:
            per_record = getattr(corpus, "per_record", PER_RECORD)
            sentences = sample(corpus.load(root, split), limit, whole_docs=per_record is None)
            spoken = getattr(corpus, "spoken", False)
            for variant in variants:
                if spoken and variant == "written":
                    continue  # the corpus is speech-style already: its text as it is
                chosen = sentences if variant == "written" or spoken else \
                    [speech(s) for s in sentences]
                records += group(chosen, split, variant, per_record,
                                 getattr(corpus, "language", ""))
    return records, skipped


def run_hushbeam(records: Sequence[Record], work: Path,
                 policy: Optional[Path] = None) -> Tuple[Dict[str, str], dict]:
    """{record id: redacted transcript} of the records written, and the run summary."""
    return run_exports([r.as_export() for r in records], work, policy)


def run_exports(exports: Sequence[dict], work: Path,
                policy: Optional[Path] = None) -> Tuple[Dict[str, str], dict]:
    """Conversation exports through `pipelines.redact.run`: {id: transcript}, summary."""
    from pipelines.redact import run

    work.mkdir(parents=True, exist_ok=True)
    path = work / "input.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for export in exports:
            fh.write(json.dumps(export, ensure_ascii=False) + "\n")
    argv = ["--input", str(path), "--output", str(work / "anon"), "--overwrite"]
    if policy:
        argv += ["--policy", str(policy)]
    summary = run(argv)
    out = {}
    for part in glob.glob(str(work / "anon" / "part-*.parquet")):
        for row in pq.read_table(part, columns=["conversation_id", "transcript_text"]).to_pylist():
            out[row["conversation_id"]] = row["transcript_text"] or ""
    return out, summary


def tally(records: Sequence[Record], outputs: Dict[str, str]) -> Dict[str, Tally]:
    """Tallies keyed "corpus/split/variant"."""
    tallies: Dict[str, Tally] = {}
    for r in records:
        key = f"{r.corpus}/{r.split}/{r.variant}"
        tallies.setdefault(key, Tally()).add(r.text, r.entities, outputs.get(r.id))
    return tallies
