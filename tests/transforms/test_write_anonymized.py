"""WriteAnonymized: rows reach Parquet in row groups as they come (not all held until the
bundle ends), and every row is written once."""
import glob
import os

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline

from pipelines.config import RedactConfig
from pipelines.runner import OfflineDirectRunner
from transforms.redact_text import BatchSizes
from transforms.write_anonymized import WriteAnonymized

ROWS = 3_000  # three record batches of Beam's 1,000 rows, about 0.9 MiB each


def test_rows_are_written_in_row_groups_as_they_come_and_none_is_lost(
        tmp_path, policy, keyset, key_home):
    cfg = RedactConfig(input="unused", output=str(tmp_path / "out"),
                       vault_output=str(tmp_path / "out.vault"), policy=policy, keyset=keyset,
                       recipient_pem=(key_home / "recipient.pem").read_bytes(), run_id="rg",
                       batch_sizes=BatchSizes())
    records = [{"source": "in.jsonl", "position": i, "counts": {},
                "fields": {"conversation_id": f"conv-{i:05d}", "language": "en",
                           "notes": f"note {i} " + "call back later " * 60}}
               for i in range(ROWS)]
    with BeamTestPipeline(runner=OfflineDirectRunner()) as p:
        _ = ({"records": p | "Records" >> beam.Create(records, reshuffle=False),
              "read": p | "Read" >> beam.Create(["in.jsonl"] * ROWS, reshuffle=False),
              "dead_letters": p | "NoDeadLetters" >> beam.Create([]),
              "quarantine": p | "NoQuarantine" >> beam.Create([]),
              "vault_files": p | "NoVaultFiles" >> beam.Create([])}
             | WriteAnonymized(str(tmp_path / "out"), policy, cfg.header()))
    parts = sorted(glob.glob(os.path.join(tmp_path, "out", "part-*.parquet")))
    groups = [pq.ParquetFile(path).metadata.num_row_groups for path in parts]
    ids = [r["conversation_id"] for path in parts for r in pq.read_table(path).to_pylist()]
    assert sorted(ids) == [f"conv-{i:05d}" for i in range(ROWS)]
    # with Beam's default (64 MiB) the three batches would be held and written as one group
    assert sum(groups) >= 2
