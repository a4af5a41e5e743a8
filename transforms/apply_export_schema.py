"""ApplyExportSchema: keep the policy's allow-listed fields, drop excluded ones."""

import apache_beam as beam

from transforms.core.elements import DEAD_LETTER, add_counts, failed
from transforms.core.policy import Policy
from transforms.core.structured_fields import select_fields


class _SelectFieldsFn(beam.DoFn):
    def __init__(self, policy: Policy):
        self.policy = policy

    def process(self, element: dict):
        try:
            kept, dropped, secrets = select_fields(element["fields"], self.policy)
            out = dict(element, fields=kept, known=element["known"] + secrets,
                       raw_ids=element["raw_ids"] + [s.canonical for s in secrets],
                       language_hint=element["fields"].get(self.policy.language_field))
            add_counts(out, "fields_dropped", dropped)
        except Exception as exc:  # safety net: this record only, by error type
            yield beam.pvalue.TaggedOutput(DEAD_LETTER, failed("schema", element, exc))
            return
        yield out


class ApplyExportSchema(beam.PTransform):
    """Allow-list of fields; ``excludeFields`` (recording links, session tokens) never pass.

    Values of excluded fields travel on as known secrets: RedactText replaces them where
    they were pasted into text, and GuardLeaks checks they are gone.

    Links and tokens inside free text are stripped by RedactText, on every string it
    scans, right before Presidio. Outputs: main and ``dead_letter`` (a record the stage
    could not process, ``schema_failed:<error type>``).
    """

    def __init__(self, policy: Policy):
        super().__init__()
        self.policy = policy

    def expand(self, records):
        return records | "SelectFields" >> beam.ParDo(_SelectFieldsFn(self.policy)).with_outputs(
            DEAD_LETTER, main="records")
