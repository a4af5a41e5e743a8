"""GuardLeaks: a record that still carries a detectable identifier is quarantined."""

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms.core.elements import (DEAD_LETTER, METRICS_NAMESPACE, QUARANTINE,
                                      dead_letter, failed)
from transforms.core.leak_finder import LeakFinder
from transforms.core.nested_values import collect_strings, replace_strings
from transforms.core.policy import Policy
from transforms.core.recognizers.secret_value import mask_secrets


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
                "leak:" + ",".join(reasons), self._without_secrets(element["fields"])))
        else:
            yield element

    def _without_secrets(self, fields: dict) -> dict:
        """The fields with every PIN, password, code or answer after its cue replaced by
        ``<CREDENTIAL>`` (when the policy detects CREDENTIAL): the quarantine is sealed in
        the vault, which never stores one (PCI DSS), and a re-redaction writes the same
        placeholder. The other leaks stay in clear, for review."""
        if not self.finder.check_secrets:
            return fields
        texts = [text for _, text in collect_strings(fields)]
        masked = [mask_secrets(text) for text in texts]
        return fields if masked == texts else replace_strings(fields, masked)


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
