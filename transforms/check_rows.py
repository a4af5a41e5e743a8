"""CheckRows: a record whose row Arrow cannot take is a dead letter, not a failed write.

The writers (WriteAnonymized, WriteWindows) convert many rows at once, where one bad value
would fail the whole run; here each row is converted alone first (``arrow_rows.checked_row``),
before the dead letters are gathered, so a failure costs that record only.
"""

import apache_beam as beam

from transforms.core.arrow_rows import RowConversionError, arrow_schema, checked_row
from transforms.core.elements import DEAD_LETTER, failed
from transforms.core.policy import Policy


class _CheckRowFn(beam.DoFn):
    def __init__(self, policy: Policy):
        self.policy = policy
        self._schema = None

    def setup(self):
        self._schema = arrow_schema(self.policy, {})

    def process(self, element: dict):
        try:
            checked_row(element["fields"], self.policy, self._schema)
        except RowConversionError as exc:
            yield beam.pvalue.TaggedOutput(DEAD_LETTER, failed("rows", element, exc,
                                                               exc.reason))
            return
        except Exception as exc:  # safety net: this record only, by error type
            yield beam.pvalue.TaggedOutput(DEAD_LETTER, failed(
                "rows", element, exc, f"row_conversion_failed:{type(exc).__name__}"))
            return
        yield element


class CheckRows(beam.PTransform):
    """Outputs: main (records whose row converts) and ``dead_letter``."""

    def __init__(self, policy: Policy):
        super().__init__()
        self.policy = policy

    def expand(self, records):
        return records | "ConvertEachRow" >> beam.ParDo(_CheckRowFn(self.policy)).with_outputs(
            DEAD_LETTER, main="records")
