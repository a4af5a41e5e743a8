"""The run summary: conserved counts and counts by type, never a value from the data."""

import apache_beam as beam


def _merge(target: dict, counts: dict) -> None:
    for key, n in counts.items():
        target[key] = target.get(key, 0) + n


class SummaryFn(beam.CombineFn):
    """Combines ("read"|"written"|"quarantined"|"dead_lettered", payload) pairs.

    With ``track_sources`` (streaming), the payload of a "read" is the item's source (a
    file path or message label) and ``sources`` counts items per source: the ledger a
    restarted job uses to skip files already committed.
    """

    def __init__(self, track_sources: bool = False):
        self.track_sources = track_sources

    def create_accumulator(self):
        acc = {"records_read": 0, "records_written": 0, "records_quarantined": 0,
               "records_dead_lettered": 0, "counts": {}, "dead_letter_reasons": {},
               "quarantine_reasons": {}}
        if self.track_sources:
            acc["sources"] = {}
        return acc

    def add_input(self, acc, item):
        kind, payload = item
        if kind == "read":
            acc["records_read"] += 1
            if self.track_sources and payload is not None:
                _merge(acc["sources"], {payload: 1})
        elif kind == "written":
            acc["records_written"] += 1
            for group, counts in payload.items():
                _merge(acc["counts"].setdefault(group, {}), counts)
        elif kind == "quarantined":
            acc["records_quarantined"] += 1
            _merge(acc["quarantine_reasons"], {payload: 1})
        else:
            acc["records_dead_lettered"] += 1
            _merge(acc["dead_letter_reasons"], {payload: 1})
        return acc

    def merge_accumulators(self, accs):
        out = self.create_accumulator()
        for acc in accs:
            for key in ("records_read", "records_written", "records_quarantined",
                        "records_dead_lettered"):
                out[key] += acc[key]
            for group, counts in acc["counts"].items():
                _merge(out["counts"].setdefault(group, {}), counts)
            _merge(out["dead_letter_reasons"], acc["dead_letter_reasons"])
            _merge(out["quarantine_reasons"], acc["quarantine_reasons"])
            if self.track_sources:
                _merge(out["sources"], acc.get("sources", {}))
        return out

    def extract_output(self, acc):
        out = dict(acc)
        out["counts_conserved"] = acc["records_read"] == (
            acc["records_written"] + acc["records_quarantined"] + acc["records_dead_lettered"])
        return out


class AccountForRecords(beam.PTransform):
    """Every item's fate as ("read"|"written"|"quarantined"|"dead_lettered", payload).

    Input: a dict with ``read`` (one element per item read: its source, or 1),
    ``records``, ``quarantine`` and ``dead_letters``; the output feeds :class:`SummaryFn`.
    """

    def expand(self, inputs):
        return (
            (inputs["read"] | "AccountRead" >> beam.Map(lambda source: ("read", source)),
             inputs["records"] | "AccountWritten" >> beam.Map(
                 lambda e: ("written", e["counts"])),
             inputs["quarantine"] | "AccountQuarantined" >> beam.Map(
                 lambda d: ("quarantined", d["reason"])),
             inputs["dead_letters"] | "AccountDeadLetters" >> beam.Map(
                 lambda d: ("dead_lettered", d["reason"])))
            | "FlattenAccounting" >> beam.Flatten())
