"""WriteAnonymized: Parquet with an explicit schema, then ``_summary.json`` written last."""

import json

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems

from transforms.core.arrow_rows import arrow_schema, to_row
from transforms.core.policy import Policy
from transforms.run_summary import AccountForRecords, SummaryFn


class _WriteSummaryFn(beam.DoFn):
    def __init__(self, output: str, header: dict):
        self.output, self.header = output, header

    def process(self, summary, parquet_files, vault_files):
        body = dict(self.header)
        body.update(summary)
        body["files"] = sorted(FileSystems.split(f)[1] for f in parquet_files)
        body["vault_manifest"] = vault_files[0] if vault_files else None
        data = (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")
        final = FileSystems.join(self.output, "_summary.json")
        temp = FileSystems.join(self.output, "._summary.json.tmp")
        with FileSystems.create(temp) as fh:
            fh.write(data)
        FileSystems.rename([temp], [final])  # readers never see a half-written summary
        yield body


class WriteAnonymized(beam.PTransform):
    """Writes rows to ``<output>/part-SSSSS-of-NNNNN.parquet``, then the run summary.

    Input: a dict of PCollections: ``records`` (clean elements), ``read`` (1 per item
    read), ``dead_letters``, ``quarantine`` and ``vault_files`` (names written by
    WriteVault, so the summary comes after the vault too). Returns the summary.
    """

    def __init__(self, output: str, policy: Policy, header: dict):
        super().__init__()
        self.output, self.policy, self.header = output, policy, header

    def expand(self, inputs):
        policy = self.policy
        schema = arrow_schema(policy, {
            "hushbeam.policy_digest": self.header["policy_digest"],
            "hushbeam.key_id": self.header["key_id"],
            "hushbeam.key_version": self.header["key_version"],
            "hushbeam.run_id": self.header["run_id"],
            "hushbeam.pseudonym_format": self.header["pseudonym_format"]})
        files = (inputs["records"]
                 | "ToArrowRows" >> beam.Map(lambda e: to_row(e["fields"], policy))
                 | "WriteParquet" >> beam.io.WriteToParquet(
                     FileSystems.join(self.output, "part"), schema,
                     file_name_suffix=".parquet"))
        accounting = (
            inputs | "Account" >> AccountForRecords()
            | "Summarize" >> beam.CombineGlobally(SummaryFn()))
        return accounting | "WriteSummary" >> beam.ParDo(
            _WriteSummaryFn(self.output, self.header),
            beam.pvalue.AsList(files), beam.pvalue.AsList(inputs["vault_files"]))
