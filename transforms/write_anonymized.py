"""WriteAnonymized: Parquet with an explicit schema, then the run's report and its summary,
written last.

In a batch run ``output`` is the run's staging directory (see commit_run.py); the summary
names the files and the vault manifest where the commit puts them (the header's output
and vault_output).
"""

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems

from transforms.core.arrow_rows import arrow_schema, to_row
from transforms.core.policy import Policy
from transforms.datasets import layout
from transforms.core.report.model import seconds_between, utc_now
from transforms.datasets.atomic import write_any
from transforms.datasets.report_files import write_report
from transforms.run_summary import AccountForRecords, SummaryFn

# Rows buffered (as Arrow record batches of 1,000 rows) before they are written as a row
# group. Beam's default, 64 MiB, holds every row of a bundle until it ends: all of them
# in a local run.
ROW_GROUP_BYTES = 1 << 20


class _WriteSummaryFn(beam.DoFn):
    def __init__(self, output: str, header: dict):
        self.output, self.header = output, header

    def process(self, summary, parquet_files, vault_files):
        body = dict(self.header)
        body.update(summary)
        body["files"] = sorted(FileSystems.split(f)[1] for f in parquet_files)
        # Where the manifest will be once committed (this run writes into staging).
        body["vault_manifest"] = FileSystems.join(
            self.header["vault_output"], layout.MANIFEST) if vault_files else None
        body["finished"] = utc_now()
        if self.header.get("started"):
            body["run_seconds"] = seconds_between(self.header["started"], body["finished"])
        write_report(self.output, body)  # committed with the summary
        # Atomic: readers never see a half-written summary.
        write_any(FileSystems.join(self.output, layout.SUMMARY), layout.json_document(body))
        yield body


class WriteAnonymized(beam.PTransform):
    """Writes rows to the dataset's Parquet parts (``layout.part_name``), then the run summary.

    Input: a dict of PCollections: ``records`` (clean elements), ``read`` (1 per item
    read), ``dead_letters``, ``quarantine`` and ``vault_files`` (names written by
    WriteVault, so the summary comes after the vault too). Returns the summary.
    """

    def __init__(self, output: str, policy: Policy, header: dict):
        super().__init__()
        self.output, self.policy, self.header = output, policy, header

    def expand(self, inputs):
        policy = self.policy
        header = self.header
        schema = arrow_schema(policy, layout.parquet_metadata(header, header["run_id"]))
        files = (inputs["records"]
                 | "ToArrowRows" >> beam.Map(lambda e: to_row(e["fields"], policy))
                 | "WriteParquet" >> beam.io.WriteToParquet(
                     FileSystems.join(self.output, layout.PART_PREFIX), schema,
                     row_group_buffer_size=ROW_GROUP_BYTES,
                     file_name_suffix=layout.PARQUET_SUFFIX))
        accounting = (
            inputs | "Account" >> AccountForRecords(policy)
            | "Summarize" >> beam.CombineGlobally(SummaryFn()))
        return accounting | "WriteSummary" >> beam.ParDo(
            _WriteSummaryFn(self.output, self.header),
            beam.pvalue.AsList(files), beam.pvalue.AsList(inputs["vault_files"]))
