"""The redaction graph: the stages wired into one Beam pipeline, batch or windowed.

``build_pipeline(p, cfg)`` is what the CLI runs and what tests build: read ->
JoinConversations -> ApplyExportSchema -> PseudonymizeFields -> RedactText -> GuardLeaks ->
CheckRows -> (WriteVault, WriteAnonymized, both into the run's hidden staging directories) ->
CommitRun in batch, or read -> AssignWindows -> JoinConversations ... WriteWindows in
streaming.
"""
from __future__ import annotations

from typing import Optional

import apache_beam as beam

from pipelines.config import RedactConfig
from transforms.apply_export_schema import ApplyExportSchema
from transforms.check_rows import CheckRows
from transforms.commit_run import CommitRun
from transforms.datasets.commit import staging_dir
from transforms.guard_leaks import GuardLeaks
from transforms.join_conversations import JoinConversations
from transforms.pseudonymize_fields import PseudonymizeFields
from transforms.read_conversations import ReadConversations
from transforms.redact_text import RedactText
from transforms.run_summary import CountProgress
from transforms.write_anonymized import WriteAnonymized
from transforms.write_vault import DropRepeatedTokens, WriteVault
from transforms.write_windows import AssignWindows, WriteWindows


def build_pipeline(p: beam.Pipeline, cfg: RedactConfig,
                   read_transform: Optional[beam.PTransform] = None) -> dict:
    """Wires the stages; returns the main PCollections (tests assert on them).

    ``read_transform`` replaces ``ReadConversations(cfg.source_spec())``; it must return
    the same dict (tests feed one from a TestStream).
    """
    read = p | "ReadConversations" >> (read_transform or ReadConversations(cfg.source_spec()))
    if cfg.windows:
        read = read | "AssignWindows" >> AssignWindows(
            cfg.windows.window_seconds, cfg.windows.allowed_lateness_seconds)
    # after the windows: a GroupByKey per window (parts in different windows stay apart)
    read = read | "JoinConversations" >> JoinConversations()
    kept = read["records"] | "ApplyExportSchema" >> ApplyExportSchema(cfg.policy)
    hashed = kept.records | "PseudonymizeFields" >> PseudonymizeFields(cfg.policy, cfg.keyset)
    redacted = hashed.records | "RedactText" >> RedactText(cfg.policy, cfg.keyset,
                                                           cfg.batch_sizes)
    guarded = redacted.records | "GuardLeaks" >> GuardLeaks(cfg.policy)
    rows = guarded.records | "CheckRows" >> CheckRows(cfg.policy)
    dead_letters = ((read["dead_letter"], kept.dead_letter, hashed.dead_letter,
                     redacted.dead_letter, guarded.dead_letter, rows.dead_letter)
                    | "FlattenDeadLetters" >> beam.Flatten())
    # repeats dropped where the rows are made, so fewer are buffered for the Distinct
    tokens = ((hashed.tokens | "DropRepeatedFieldTokens" >> beam.ParDo(DropRepeatedTokens()),
               redacted.tokens | "DropRepeatedTextTokens" >> beam.ParDo(DropRepeatedTokens()))
              | "FlattenTokens" >> beam.Flatten())
    if cfg.progress_dir:
        _ = ((rows.records, guarded.quarantine, dead_letters, read["joined"])
             | "CountProgress" >> CountProgress(cfg.progress_dir))
    if cfg.windows:
        summary = ({"records": rows.records, "read": read["read"], "joined": read["joined"],
                    "dead_letters": dead_letters, "quarantine": guarded.quarantine,
                    "tokens": tokens}
                   | "WriteWindows" >> WriteWindows(cfg.output, cfg.vault_output, cfg.policy,
                                                    cfg.header(), cfg.recipient_pem,
                                                    cfg.windows.num_shards, cfg.keyset))
        return {"records": rows.records, "dead_letters": dead_letters,
                "quarantine": guarded.quarantine, "summary": summary}
    vault_files = ({"dead_letters": dead_letters, "quarantine": guarded.quarantine,
                    "tokens": tokens}
                   | "WriteVault" >> WriteVault(staging_dir(cfg.vault_output, cfg.run_id),
                                                cfg.recipient_pem, cfg.run_id, cfg.keyset,
                                                commits_into=cfg.vault_output))
    staged = ({"records": rows.records, "read": read["read"], "joined": read["joined"],
               "dead_letters": dead_letters, "quarantine": guarded.quarantine,
               "vault_files": vault_files}
              | "WriteAnonymized" >> WriteAnonymized(staging_dir(cfg.output, cfg.run_id),
                                                     cfg.policy, cfg.header()))
    summary = staged | "CommitRun" >> CommitRun(cfg.output, cfg.vault_output, cfg.run_id,
                                                cfg.overwrite, cfg.keyset)
    return {"records": rows.records, "dead_letters": dead_letters,
            "quarantine": guarded.quarantine, "summary": summary}
