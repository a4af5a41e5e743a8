"""PseudonymizeFields: structured identifiers -> keyed HMAC-SHA256 pseudonyms."""

import apache_beam as beam

from transforms.core.elements import DEAD_LETTER, TOKENS, add_counts, dead_letter, failed
from transforms.keys.keyset import Keyset, unwrap_data_key
from transforms.core.policy import Policy
from transforms.core.pseudonym import Pseudonymizer
from transforms.core.structured_fields import IllTypedField, pseudonymize_structured


class _PseudonymizeFn(beam.DoFn):
    def __init__(self, policy: Policy, keyset: Keyset):
        self.policy, self.keyset = policy, keyset
        self._pseudonymizer = None

    def setup(self):  # the data key is unwrapped on the worker, never pickled in clear
        self._pseudonymizer = Pseudonymizer.for_policy(unwrap_data_key(self.keyset),
                                                       self.keyset.version, self.policy)

    def process(self, element: dict):
        try:
            fields, known, raw_ids, counts, tokens = pseudonymize_structured(
                element["fields"], self.policy, self._pseudonymizer,
                element.get("id_fields", ()))
            out = dict(element, fields=fields, known=element["known"] + known,
                       raw_ids=element["raw_ids"] + raw_ids)
            add_counts(out, "structured", counts)
        except IllTypedField as exc:
            yield beam.pvalue.TaggedOutput(DEAD_LETTER, dead_letter(
                "pseudonymize", element["source"], element["position"], exc.reason,
                element["fields"]))
            return
        except Exception as exc:  # safety net: this record only, by error type
            yield beam.pvalue.TaggedOutput(DEAD_LETTER, failed("pseudonymize", element, exc))
            return
        for token in tokens:
            yield beam.pvalue.TaggedOutput(TOKENS, token)
        yield out


class PseudonymizeFields(beam.PTransform):
    """Normalize (phone -> E.164, email -> trim+lowercase, ids) then HMAC under the data key.

    Outputs: main, ``dead_letter`` (ill-typed identifiers; any other failure of one record
    as ``pseudonymize_failed:<error type>``), ``tokens`` (TOKEN vault rows).
    """

    def __init__(self, policy: Policy, keyset: Keyset):
        super().__init__()
        self.policy, self.keyset = policy, keyset

    def expand(self, records):
        return records | "HashIdentifiers" >> beam.ParDo(
            _PseudonymizeFn(self.policy, self.keyset)).with_outputs(
                DEAD_LETTER, TOKENS, main="records")
