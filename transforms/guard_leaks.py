"""GuardLeaks: a record that still carries a detectable identifier is quarantined."""

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms.core.elements import (DEAD_LETTER, METRICS_NAMESPACE, QUARANTINE,
                                      dead_letter, failed)
from transforms.core.leak_finder import LeakFinder
from transforms.core.policy import Policy


class _GuardFn(beam.DoFn):
    def __init__(self, policy: Policy):
        self.finder = LeakFinder(policy)
        self._quarantined = Metrics.counter(METRICS_NAMESPACE, "records_quarantined")

    def process(self, element: dict):
        try:
            reasons = self.finder.find_in_fields(element["fields"], element["known"],
                                                 element["raw_ids"])
        except Exception as exc:  # unchecked is never written: a dead letter, by error type
            yield beam.pvalue.TaggedOutput(DEAD_LETTER, failed("guard", element, exc))
            return
        if reasons:
            self._quarantined.inc()
            yield beam.pvalue.TaggedOutput(QUARANTINE, dead_letter(
                "guard", element["source"], element["position"],
                "leak:" + ",".join(reasons), element["fields"]))
        else:
            yield element


class GuardLeaks(beam.PTransform):
    """Re-scans outgoing records with high-precision detectors.

    Outputs: main, ``quarantine`` (a leak found) and ``dead_letter`` (a record the scan
    failed on, ``guard_failed:<error type>``: what was not checked is not written).
    """

    def __init__(self, policy: Policy):
        super().__init__()
        self.policy = policy

    def expand(self, records):
        return records | "RescanOutgoing" >> beam.ParDo(_GuardFn(self.policy)).with_outputs(
            QUARANTINE, DEAD_LETTER, main="records")
