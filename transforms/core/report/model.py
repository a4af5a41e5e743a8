"""The content of a run report, computed from a run summary alone (Beam-free).

Rendered by html.py and markdown.py into the same sections. Holds counts, rates, checks,
reasons with conversation ids (never a value: ids are passthrough metadata or pseudonyms,
see samples.py), the excerpts the summary keeps (written, redacted output) and what made
the run (policy, key, model, time).
"""
from __future__ import annotations

import dataclasses
import datetime
from typing import List, Optional, Tuple

from transforms.core.elements import ENTITIES_BY_TYPE_FIELD, split_type_in_field

DEFAULT_MAX_QUARANTINE_RATE = 0.05  # the default of redact's --max-quarantine-rate
NO_ID = "(no id)"


def utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(
        timespec="seconds").replace("+00:00", "Z")


def seconds_between(start: str, end: str) -> Optional[float]:
    """Seconds from one :func:`utc_now` time to another; None if either is not one."""
    try:
        return (datetime.datetime.fromisoformat(end.replace("Z", "+00:00"))
                - datetime.datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
    except (AttributeError, ValueError):
        return None


@dataclasses.dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


@dataclasses.dataclass(frozen=True)
class Held:
    """A quarantine or dead-letter reason: how many, and the first ids (capped)."""
    reason: str
    count: int
    records: Tuple[Tuple[str, str], ...]  # (id or NO_ID, file:position)

    @property
    def more(self) -> int:
        return max(0, self.count - len(self.records))


@dataclasses.dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    totals: Tuple[Tuple[str, int, Optional[float]], ...]  # (label, count, share of read)
    checks: Tuple[Check, ...]
    entities: Tuple[Tuple[str, int], ...]  # by count, largest first
    fields: Tuple[str, ...]  # text fields with entities, the columns of the type x field table
    type_field: Tuple[Tuple[str, Tuple[int, ...], int], ...]  # (type, per field, total)
    structured: Tuple[Tuple[str, int], ...]
    quarantine: Tuple[Held, ...]
    dead_letters: Tuple[Held, ...]
    languages: Tuple[Tuple[str, int, float], ...]
    input_formats: Tuple[Tuple[str, int], ...]
    excerpts: Tuple[str, ...]
    excerpts_note: str
    run: Tuple[Tuple[str, str], ...]  # (label, value): policy, key, model, time

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)


def quarantine_share(summary: dict) -> Tuple[int, int]:
    """(quarantined, records that reached the leak guard: written + quarantined)."""
    quarantined = summary.get("records_quarantined") or 0
    return quarantined, (summary.get("records_written") or 0) + quarantined


def build(summary: dict, title: str = "hushbeam run report") -> Report:
    read = summary.get("records_read") or 0
    totals = tuple((label, summary.get(key) or 0, (summary.get(key) or 0) / read if read
                    else None)
                   for label, key in (("read", "records_read"), ("written", "records_written"),
                                      ("quarantined", "records_quarantined"),
                                      ("dead-lettered", "records_dead_lettered")))
    counts = summary.get("counts") or {}
    entities = _by_count(counts.get("entities"))
    by_type_field = {}
    for key, n in (counts.get(ENTITIES_BY_TYPE_FIELD) or {}).items():
        entity, field = split_type_in_field(key)
        by_type_field.setdefault(entity, {})[field] = n
    fields = tuple(sorted({f for per in by_type_field.values() for f in per}))
    type_field = tuple((entity, tuple(by_type_field.get(entity, {}).get(f, 0) for f in fields),
                        total) for entity, total in entities)
    languages = _by_count(counts.get("languages"))
    total_lang = sum(n for _, n in languages)
    samples = summary.get("samples") or {}
    excerpts = tuple(e["text"] for e in samples.get("excerpts", []) if e.get("text"))
    if summary.get("excerpts_withdrawn"):
        note = f"Excerpts withdrawn: {summary['excerpts_withdrawn']}."
    elif excerpts:
        note = (f"{len(excerpts)} records of the written output, as written (redacted), cut "
                "to a few lines; chosen by a hash of their place in the input.")
    else:
        note = "No excerpts: no record with text was written."
    return Report(
        title=title, subtitle=_subtitle(summary), totals=totals, checks=_checks(summary),
        entities=entities, fields=fields, type_field=type_field,
        structured=_by_count(counts.get("structured")),
        quarantine=_held(summary.get("quarantine_reasons"), samples.get("quarantine")),
        dead_letters=_held(summary.get("dead_letter_reasons"), samples.get("dead_letters")),
        languages=tuple((lang, n, n / total_lang) for lang, n in languages),
        input_formats=_by_count(counts.get("input_formats")),
        excerpts=excerpts, excerpts_note=note, run=_run(summary))


def _by_count(counts: Optional[dict]) -> Tuple[Tuple[str, int], ...]:
    return tuple(sorted(((str(k), int(n)) for k, n in (counts or {}).items() if n),
                        key=lambda kv: (-kv[1], kv[0])))


def _held(reasons: Optional[dict], samples: Optional[dict]) -> Tuple[Held, ...]:
    samples = samples or {}
    return tuple(Held(reason, n, tuple((e.get("id") or NO_ID, e.get("at") or "")
                                       for e in samples.get(reason, [])))
                 for reason, n in _by_count(reasons))


def _checks(summary: dict) -> Tuple[Check, ...]:
    read = summary.get("records_read") or 0
    written, quarantined, dead = (summary.get(k) or 0 for k in (
        "records_written", "records_quarantined", "records_dead_lettered"))
    conserved = bool(summary.get("counts_conserved"))
    q, guarded = quarantine_share(summary)
    limit = summary.get("max_quarantine_rate")
    limit = DEFAULT_MAX_QUARANTINE_RATE if limit is None else float(limit)
    rate = q / guarded if guarded else 0.0
    unscanned = sum(n for reason, n in (summary.get("dead_letter_reasons") or {}).items()
                    if reason.startswith("guard_failed"))
    erased = summary.get("records_erased") or 0
    return (
        Check("Counts conserved", conserved,
              f"read {read} {'=' if conserved else '≠'} written {written} + quarantined "
              f"{quarantined} + dead-lettered {dead}"
              + (f" + erased by forget {erased}" if erased else "")),
        Check("Leak guard", unscanned == 0,
              f"every record was re-scanned before it was written; {quarantined} held back "
              "in quarantine" + (f"; {unscanned} could not be scanned (dead-lettered, not "
                                 "written)" if unscanned else "")),
        Check("Quarantine rate", rate <= limit,
              f"{q} of {guarded} records that reached the leak guard ({_pct(rate)}), "
              f"threshold {_pct(limit)} (--max-quarantine-rate {limit:g})"))


def _subtitle(summary: dict) -> str:
    window = summary.get("window")
    if isinstance(window, dict):
        return f"window {window.get('start')} – {window.get('end')} of job " \
               f"{summary.get('job_run_id')}"
    if summary.get("mode") == "streaming":
        return f"streaming job {summary.get('run_id')}: {summary.get('windows')} window(s)"
    return f"run {summary.get('run_id')}"


def _run(summary: dict) -> Tuple[Tuple[str, str], ...]:
    rows: List[Tuple[str, str]] = []
    digest = summary.get("policy_digest")
    rows.append(("Policy", f"{summary.get('policy_source')} ({digest})"))
    rows.append(("Key", f"{summary.get('key_id')} version {summary.get('key_version')}"))
    rows.append(("spaCy model", str(summary.get("spacy_model"))))
    if summary.get("started") and not summary.get("window"):  # a window: the job's start
        rows.append(("Started", str(summary["started"])))
    if summary.get("finished"):
        rows.append(("Finished", str(summary["finished"])))
    seconds = summary.get("run_seconds")
    if isinstance(seconds, (int, float)) and seconds > 0:
        rows.append(("Run time", duration(seconds)))
        read = summary.get("records_read") or 0
        rows.append(("Throughput", f"{read / seconds:.1f} records/s"))
    if summary.get("records_erased"):
        rows.append(("Erased since", f"{summary['records_erased']} record(s) removed by "
                                     "forget; counts are those left"))
    rows.append(("Output", str(summary.get("output"))))
    rows.append(("Sealed vault", str(summary.get("vault_output"))))
    return tuple(rows)


def _pct(share: float) -> str:
    return f"{share * 100:.1f} %"


def duration(seconds: float, coarse: bool = False) -> str:
    """"12.3 s", "4 min 05 s", "1 h 02 min 03 s"; ``coarse`` (an estimate) to the second
    under a minute, else to the minute: "12 s", "4 min", "1 h 02 min"."""
    whole = int(seconds + 0.5)
    if whole < 60:
        return f"{whole} s" if coarse else f"{seconds:.1f} s"
    if coarse:
        whole = (whole + 30) // 60 * 60
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"]
    return " ".join(parts if coarse else parts + [f"{secs:02d} s"])


def pct(share: Optional[float]) -> str:
    return "–" if share is None else _pct(share)
