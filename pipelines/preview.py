"""``hushbeam preview``: a policy tried on a few records, before and after, in the terminal.

The first ``-n`` records of ``--input`` go through the run's own steps, without Beam: the
export schema, the structured pseudonyms (transforms/core/structured_fields.py), text
redaction (TextRedactor, whose results carry each replaced span with its type, score and
recognizer) and the leak guard's check (LeakFinder: would the record be quarantined?).

Nothing is written: no dataset, no vault, no keyring (without ``--keyset`` the development
keyring is used only if it exists; else keyed operators show a placeholder and the output
says so). The raw text goes to stdout only, the user's own terminal, never to a log.
"""
from __future__ import annotations

import collections
import dataclasses
import glob
import json
import os
import sys
from pathlib import Path
from typing import List, Optional

from pipelines.config import format_settings
from pipelines.console import CommandLineError
from transforms.core.elements import conversation
from transforms.core.field_redaction import RecordTexts, redact_records
from transforms.core.formats.reader import iter_items
from transforms.core.leak_finder import LeakFinder
from transforms.core.policy import Policy, load_policy
from transforms.core.pseudonym import Pseudonymizer
from transforms.core.structured_fields import (IllTypedField, pseudonymize_structured,
                                               select_fields)
from transforms.core.text_redactor import TextRedactor
from transforms.keys.keyset import DEV_KEYSET_NAME, hushbeam_home, load_keyset, unwrap_data_key


class PlaceholderPseudonymizer(Pseudonymizer):
    """Without a keyset: ``<EMAIL pseudonym>`` where a keyed operator would put one."""

    def __init__(self, default_region: str):
        super().__init__(bytes(32), 0, default_region)  # the key is never used

    def pseudonym(self, entity: str, canonical: str) -> str:
        return f"<{entity} pseudonym>"


def _pseudonymizer(keyset_path: Optional[str], policy: Policy):
    """(pseudonymizer, what the pseudonyms are): the keyset given, else the development
    keyring if it exists (never created here), else placeholders."""
    path = Path(keyset_path) if keyset_path else hushbeam_home() / DEV_KEYSET_NAME
    if keyset_path or path.exists():
        keyset = load_keyset(path)
        return (Pseudonymizer.for_policy(unwrap_data_key(keyset), keyset.version, policy),
                f"keyed with {keyset.key_id} v{keyset.version} ({path})")
    return (PlaceholderPseudonymizer(policy.default_region),
            "placeholders: no --keyset and no development keyring, so keyed operators "
            "(HASH, TOKEN) show <TYPE pseudonym> instead of the pseudonym a run would write")


def _records(pattern: str, input_format: str, policy: Policy, limit: int):
    """(records, skipped reasons): the first ``limit`` records of the matching files."""
    files = sorted(glob.glob(pattern))
    if not files:
        raise CommandLineError(f"no input file matches {pattern!r}")
    records, skipped = [], collections.Counter()
    for path in files:
        with open(path, "rb") as stream:
            for item in iter_items(stream, input_format, format_settings(policy)):
                if item.record is None:
                    skipped[item.reason] += 1
                    continue
                records.append(conversation(path, item.where, item.record, item.names,
                                            item.id_fields, item.input_format))
                if len(records) >= limit:
                    return records, skipped
    return records, skipped


def preview_record(element: dict, policy: Policy, redactor: TextRedactor,
                   finder: LeakFinder) -> dict:
    """What a run does to one record: fields before and after, each detection, and the
    leak guard's reasons (a non-empty list: the record would be quarantined)."""
    raw_fields = element["fields"]
    kept, _, secrets = select_fields(raw_fields, policy)
    out = {"id": str(raw_fields.get("conversation_id") or f"{element['source']}:"
                     f"{element['position']}"),
           "source": element["source"], "position": element["position"],
           "dropped_fields": sorted(set(raw_fields) - set(kept)), "structured": [],
           "text": []}
    try:
        fields, known, raw_ids, _, _ = pseudonymize_structured(
            kept, policy, redactor.pseudonymizer, element.get("id_fields", ()))
    except IllTypedField as exc:
        out["dead_letter"] = exc.reason
        return out
    known = element["known"] + secrets + known
    raw_ids = [s.canonical for s in secrets] + raw_ids
    for name in sorted(set(kept)):
        if fields[name] != kept[name]:
            out["structured"].append({"field": name, "before": kept[name],
                                      "after": fields[name]})
    # as the run: numbers and surrogates shared by the record's fields
    record = redact_records(redactor, [RecordTexts(fields, known, raw_fields.get(
        policy.language_field))])[0]
    for field, result in record.results:
        out["text"].append({"field": field, "before": result.scanned, "after": result.text,
                            "detections": [dict(d._asdict(), text=result.scanned[
                                d.start:d.end]) for d in result.detections]})
    out["language"] = record.language
    out["quarantine"] = finder.find_in_fields(record.fields, known, raw_ids)
    return out


def preview_command(args) -> int:
    if args.records < 1:
        raise CommandLineError("-n must be at least 1")
    policy = load_policy(args.policy)
    if args.spacy_model:
        policy = dataclasses.replace(policy, spacy_model=args.spacy_model)
    from transforms.core.presidio_engine import EngineError, LanguageAnalyzers

    try:
        analyzer = LanguageAnalyzers(policy)
        analyzer.for_language(policy.language)
    except EngineError as exc:
        raise CommandLineError(str(exc)) from None
    pseudonymizer, keyed = _pseudonymizer(args.keyset, policy)
    records, skipped = _records(args.input, args.input_format, policy, args.records)
    redactor, finder = TextRedactor(policy, pseudonymizer, analyzer), LeakFinder(policy)
    shown = [preview_record(r, policy, redactor, finder) for r in records]
    if args.format == "json":
        print(json.dumps({"policy": policy.source, "policy_digest": policy.digest,
                          "pseudonyms": keyed, "records": shown,
                          "not_records": dict(skipped)}, indent=2, ensure_ascii=False,
                         default=str))
    else:
        _print_text(shown, policy, keyed, skipped)
    return 0


# --- the terminal -----------------------------------------------------------------------

def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _marked(text: str, detections: List[dict], first: int, colour: bool) -> str:
    """``text`` with each detection bracketed and numbered: ``[Jane Doe]^1``."""
    pieces, last = [], 0
    for n, d in enumerate(detections, first):
        found = text[d["start"]:d["end"]]
        pieces.append(text[last:d["start"]])
        pieces.append(f"\x1b[1;31m[{found}]\x1b[0m^{n}" if colour else f"[{found}]^{n}")
        last = d["end"]
    return "".join(pieces) + text[last:]


def _indented(label: str, text: str) -> str:
    lines = text.splitlines() or [""]
    pad = " " * len(label)
    return "\n".join((label if i == 0 else pad) + line for i, line in enumerate(lines))


def _print_text(shown: List[dict], policy: Policy, keyed: str, skipped) -> None:
    colour = _colour()
    print(f"hushbeam preview: {len(shown)} record(s), policy {policy.source} "
          f"({policy.digest[:19]}); pseudonyms: {keyed}. Nothing is written.")
    if skipped:
        print("not records (a run dead-letters them): " + ", ".join(
            f"{n} {reason}" for reason, n in sorted(skipped.items())))
    for i, record in enumerate(shown, 1):
        print(f"\n=== record {i}: {record['id']} ({record['source']} item "
              f"{record['position']}, language {record.get('language', '?')})")
        if record.get("dead_letter"):
            print(f"  a run dead-letters it: {record['dead_letter']}")
            continue
        if record["dropped_fields"]:
            print("  dropped (not in the export schema): " + ", ".join(record["dropped_fields"]))
        for s in record["structured"]:
            print(f"  {s['field']}: {s['before']!r} -> {s['after']!r}")
        number, quiet = 1, collections.Counter()
        for t in record["text"]:
            if not t["detections"] and t["before"] == t["after"]:
                quiet[t["field"]] += 1
                continue
            print(f"  --- {t['field']}")
            print(_indented("  before: ", _marked(t["before"], t["detections"], number, colour)))
            print(_indented("  after:  ", t["after"]))
            for n, d in enumerate(t["detections"], number):
                print(f"    ^{n} {d['entity']:<14} score {d['score']:.2f}  "
                      f"{d['recognizer'] or '?':<28} {d['text']!r} -> {d['replacement']}")
            number += len(t["detections"])
        if quiet:
            print("  nothing found in: " + ", ".join(
                f"{field} ({n} string{'s' if n > 1 else ''})" for field, n in quiet.items()))
        verdict = ("QUARANTINED by the leak guard: " + ", ".join(record["quarantine"])
                   if record["quarantine"] else "written (the leak guard finds nothing)")
        print(f"  => {verdict}")
