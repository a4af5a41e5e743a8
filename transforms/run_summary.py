"""The run summary: conserved counts and counts by type, never a value from the data."""

import apache_beam as beam

from transforms.core import summary_counts
from transforms.core.policy import Policy
from transforms.core.report.samples import excerpt_of, held_entry
from transforms.core.structured_fields import scanned_fields


class SummaryFn(beam.CombineFn):
    """Combines ("read"|"written"|"quarantined"|"dead_lettered"|"joined", payload) pairs (the
    algebra is :mod:`transforms.core.summary_counts`).

    With ``track_sources`` (streaming), the payload of a "read" is the item's source (a
    file path or message label) and ``sources`` counts items per source: the ledger a
    restarted job uses to skip files already committed.
    """

    def __init__(self, track_sources: bool = False):
        self.track_sources = track_sources

    def create_accumulator(self):
        return summary_counts.empty(self.track_sources)

    def add_input(self, acc, item):
        return summary_counts.add(acc, item)

    def merge_accumulators(self, accs):
        return summary_counts.merge(accs, self.track_sources)

    def extract_output(self, acc):
        return summary_counts.finished(acc)


class AccountForRecords(beam.PTransform):
    """Every item's fate as ("read"|"quarantined"|"dead_lettered", payload), the written
    records' already summed (one ("summary", partial summary) per bundle).

    Input: a dict with ``read`` (one element per item read: its source, or 1),
    ``records``, ``quarantine``, ``dead_letters`` and optionally ``joined`` (the source of
    each part merged into another's record, by JoinConversations); the output feeds
    :class:`SummaryFn`. With the ``policy``, held records carry their id and place and
    written ones an excerpt, for the report (``transforms/core/report/samples.py``).
    """

    def __init__(self, policy: Policy = None):
        super().__init__()
        self.policy = policy

    def expand(self, inputs):
        joined = inputs.get("joined")
        joins = (() if joined is None else
                 (joined | "AccountJoined" >> beam.Map(lambda source: ("joined", source)),))
        passthrough = self.policy.passthrough_fields if self.policy else ()
        kinds = ({f: self.policy.field_kind(f) for f in scanned_fields(self.policy)}
                 if self.policy else {})

        def held(kind):
            return lambda d: (kind, (d["reason"], held_entry(d, passthrough)))

        def written(e):
            yield "written", e["counts"]
            excerpt = excerpt_of(e, kinds) if kinds else None
            if excerpt is not None:
                yield "excerpt", excerpt

        return (
            joins + (inputs["read"] | "AccountRead" >> beam.Map(lambda source: ("read", source)),
             inputs["records"] | "AccountWritten" >> beam.FlatMap(written)
             # summed next to the writer (Beam lifts the combine into that stage), so the
             # Flatten below holds one partial summary per bundle, not an item per record
             | "SumWritten" >> beam.CombineGlobally(SummaryFn()).without_defaults()
             | "AccountSum" >> beam.Map(lambda acc: ("summary", acc)),
             inputs["quarantine"] | "AccountQuarantined" >> beam.Map(held("quarantined")),
             inputs["dead_letters"] | "AccountDeadLetters" >> beam.Map(held("dead_lettered")))
            | "FlattenAccounting" >> beam.Flatten())


class _CountFn(beam.DoFn):
    def __init__(self, directory: str):
        self.directory = directory
        self._counter = None

    def setup(self):
        from transforms.core.progress import ProgressCounter

        self._counter = ProgressCounter(self.directory)

    def process(self, _):
        self._counter.add()

    def finish_bundle(self):
        self._counter.flush()

    def teardown(self):
        if self._counter is not None:
            self._counter.flush()


class CountProgress(beam.PTransform):
    """Counts every item whose fate is decided (written, quarantined, dead-lettered, or a
    part joined into another's record) into ``directory`` while the run goes on, for the
    driver's progress line (``transforms/core/progress.py``; local runners). Input: a tuple
    of those PCollections; output: as many empty PCollections."""

    def __init__(self, directory: str):
        super().__init__()
        self.directory = directory

    def expand(self, fates):
        # One counter per PCollection, each fused with the stage that makes it (a Flatten
        # of several stages' outputs would be counted only after all of them had run).
        return tuple(pcoll | f"Count{i}" >> beam.ParDo(_CountFn(self.directory))
                     for i, pcoll in enumerate(fates))
