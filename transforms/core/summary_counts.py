"""The count algebra of a run summary: accounting items add up, accumulators merge, and
read = written + quarantined + dead-lettered is checked. Counts and reasons only, never a
value from the data.

An accounting item is ``(kind, payload)``:

    ("read", source)                 one item read; ``source`` (file path or message label,
                                     or None) is counted in ``sources`` when tracked
    ("written", {group: {name: n}})  one record written with its counts by type
    ("quarantined", reason)          one record quarantined; or (reason, entry), entry its
                                     id and place (report/samples.py), kept for the report
    ("dead_lettered", reason)        one item dead-lettered; the same
    ("excerpt", excerpt)             not an item: an excerpt of a written record, for the
                                     report (report/samples.py; the smallest few are kept)
    ("summary", acc)                 a partial summary (written records summed where they
                                     are written, so a run holds no item per record)
    ("joined", source)               one part of a conversation merged into another part's
                                     record (JoinConversations): ``parts_joined``; the
                                     record is read (and written) once, as a conversation

With ``track_sources`` (streaming), ``sources`` counts items per source, a joined part
under its own source: the ledger a restarted job uses to skip what committed windows hold.
"""
from __future__ import annotations

from typing import Iterable, Tuple

from transforms.core.report import samples as run_samples

TOTALS = ("records_read", "records_written", "records_quarantined", "records_dead_lettered")
PARTS_JOINED = "parts_joined"
SOURCES = "sources"
SAMPLES = "samples"
COUNTED = TOTALS + (PARTS_JOINED, "counts", "dead_letter_reasons", "quarantine_reasons",
                    SOURCES, SAMPLES)


def _add_counts(target: dict, counts: dict) -> None:
    for key, n in counts.items():
        target[key] = target.get(key, 0) + n


def empty(track_sources: bool = False) -> dict:
    acc = {"records_read": 0, "records_written": 0, "records_quarantined": 0,
           "records_dead_lettered": 0, PARTS_JOINED: 0, "counts": {}, "dead_letter_reasons": {},
           "quarantine_reasons": {}, SAMPLES: run_samples.empty()}
    if track_sources:
        acc[SOURCES] = {}
    return acc


def add(acc: dict, item: Tuple[str, object]) -> dict:
    """Account for one item (sources only if ``acc`` tracks them); returns ``acc``."""
    kind, payload = item
    if kind == "read":
        acc["records_read"] += 1
        if SOURCES in acc and payload is not None:
            _add_counts(acc[SOURCES], {payload: 1})
    elif kind == "written":
        acc["records_written"] += 1
        for group, counts in payload.items():
            _add_counts(acc["counts"].setdefault(group, {}), counts)
    elif kind == "joined":
        acc[PARTS_JOINED] += 1
        if SOURCES in acc and payload is not None:
            _add_counts(acc[SOURCES], {payload: 1})
    elif kind == "summary":
        merged = merge([acc, payload], SOURCES in acc)
        acc.clear()
        acc.update(merged)
    elif kind == "excerpt":
        run_samples.add_excerpt(acc[SAMPLES], payload)
    else:  # "quarantined" or "dead_lettered"
        total, reasons, held = (
            ("records_quarantined", "quarantine_reasons", "quarantine") if kind == "quarantined"
            else ("records_dead_lettered", "dead_letter_reasons", "dead_letters"))
        reason, entry = (payload, None) if isinstance(payload, str) else payload
        acc[total] += 1
        _add_counts(acc[reasons], {reason: 1})
        if entry is not None:
            run_samples.add_held(acc[SAMPLES], held, reason, entry)
    return acc


def merge(accs: Iterable[dict], track_sources: bool = False) -> dict:
    out, samples = empty(track_sources), []
    for acc in accs:
        for key in TOTALS:
            out[key] += acc[key]
        out[PARTS_JOINED] += acc.get(PARTS_JOINED) or 0  # an older summary has none
        for group, counts in acc["counts"].items():
            _add_counts(out["counts"].setdefault(group, {}), counts)
        _add_counts(out["dead_letter_reasons"], acc["dead_letter_reasons"])
        _add_counts(out["quarantine_reasons"], acc["quarantine_reasons"])
        samples.append(acc.get(SAMPLES))
        if track_sources:
            _add_counts(out[SOURCES], acc.get(SOURCES, {}))
    out[SAMPLES] = run_samples.merge(samples)  # once: each accumulator's samples added once
    return out


def counts_conserved(acc: dict) -> bool:
    return acc["records_read"] == (
        acc["records_written"] + acc["records_quarantined"] + acc["records_dead_lettered"])


def finished(acc: dict) -> dict:
    """The counts as a summary holds them: the accumulator and ``counts_conserved``."""
    out = dict(acc)
    out["counts_conserved"] = counts_conserved(acc)
    return out


def counted(summary: dict) -> dict:
    """The counted part of a written summary, as an accumulator that tracks sources
    (a key an older summary lacks counts as empty)."""
    blank = empty(track_sources=True)
    return {k: summary.get(k, blank[k]) for k in COUNTED}

