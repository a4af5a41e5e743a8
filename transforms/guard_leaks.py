"""GuardLeaks: a record that still carries a detectable identifier is quarantined."""

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms.core.elements import METRICS_NAMESPACE, QUARANTINE, dead_letter
from transforms.core.leak_finder import LeakFinder
from transforms.core.nested_values import collect_strings
from transforms.core.policy import Policy


class _GuardFn(beam.DoFn):
    def __init__(self, policy: Policy):
        self.finder = LeakFinder(policy)
        self._quarantined = Metrics.counter(METRICS_NAMESPACE, "records_quarantined")

    def process(self, element: dict):
        strings = [text for _, text in collect_strings(element["fields"])]
        reasons = self.finder.find(strings, element["known"], element["raw_ids"])
        if reasons:
            self._quarantined.inc()
            yield beam.pvalue.TaggedOutput(QUARANTINE, dead_letter(
                "guard", element["source"], element["position"],
                "leak:" + ",".join(reasons), element["fields"]))
        else:
            yield element


class GuardLeaks(beam.PTransform):
    """Re-scans outgoing records with high-precision detectors; outputs main + ``quarantine``."""

    def __init__(self, policy: Policy):
        super().__init__()
        self.policy = policy

    def expand(self, records):
        return records | "RescanOutgoing" >> beam.ParDo(_GuardFn(self.policy)).with_outputs(
            QUARANTINE, main="records")
