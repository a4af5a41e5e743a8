"""AssignWindows and WriteWindows: the streaming sink, one committed unit per window.

``AssignWindows`` puts what ReadConversations produced into fixed event-time windows:
the on-time pane fires when the watermark passes the window's end; data that still
arrives within the allowed lateness fires a late pane of its window.

``WriteWindows`` writes, per window (see window_store.py and layout.py for the layout):

1. Parquet shards: rows go to shard ``crc32(source, position) % N`` and are sorted by
   (source, position), so the same input gives the same files under the same names
   (``layout.part_name``; a shard without rows is written empty);
2. the sealed vault of the window: dead letters, quarantine and deduplicated TOKEN
   rows, sealed exactly as in batch, bound to the run id ``<job run id>:<window id>``;
3. once all of those are final (they are gathered by a second grouping on the same
   window, which fires only after every one of them), the vault manifest, the window's
   report (``layout.REPORTS``) and then the summary, the commit marker: conserved counts
   of the window, the files, the sources. The manifest records the sources too, under
   its MAC: the ledger a restarted job skips is read from there (window_store.py); and the
   SHA-256 of every part of the window and of the summary about to be written (made before
   the manifest, so both are bound in the one manifest the commit writes; a late pane
   checks the parts and summary there against the manifest before binding its own).

Files are written under hidden temporary names (``layout.pending_name``) and renamed at
the commit; a crash before
the summary leaves nothing a reader or a restarted job takes for committed.
"""
from __future__ import annotations

import logging
import zlib

import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from apache_beam.transforms import trigger, window
from apache_beam.utils.windowed_value import PaneInfoTiming

from transforms.core.arrow_rows import arrow_schema, to_row
from transforms.core.elements import METRICS_NAMESPACE, position_order
from transforms.core.policy import Policy
from transforms.datasets import layout
from transforms.datasets.atomic import write_any
from transforms.datasets.report_files import write_report
from transforms.datasets.vault import VaultKey, sha256_hex
from transforms.datasets.window_store import (commit_binding, ensure_parent, iso,
                                              merged_counts, pane_suffix, read_summary,
                                              unit_run_id, window_dir, window_id,
                                              write_manifest)
from transforms.keys.keyset import Keyset
from transforms.run_summary import AccountForRecords, SummaryFn
from transforms.write_vault import SealFn

_LOG = logging.getLogger(__name__)


class AssignWindows(beam.PTransform):
    """Fixed event-time windows on every PCollection of a dict (records, dead letters, reads)."""

    def __init__(self, window_seconds: int, allowed_lateness_seconds: int):
        super().__init__()
        self.window_seconds, self.lateness = window_seconds, allowed_lateness_seconds

    def expand(self, pcolls: dict) -> dict:
        out = {}
        for tag, pcoll in sorted(pcolls.items()):
            label = "".join(part.title() for part in tag.split("_"))
            out[tag] = pcoll | f"Window{label}" >> beam.WindowInto(
                window.FixedWindows(self.window_seconds),
                trigger=trigger.AfterWatermark(late=trigger.AfterCount(1)),
                allowed_lateness=self.lateness,
                accumulation_mode=trigger.AccumulationMode.DISCARDING)
        return out


def _is_late(pane) -> bool:
    return pane is not None and pane.timing == PaneInfoTiming.LATE


def _suffix(pane) -> str:
    return pane_suffix(_is_late(pane), pane.index if pane is not None else 0)


def shard_of(source: str, position: int, num_shards: int) -> int:
    return zlib.crc32(f"{source}\0{position}".encode("utf-8")) % num_shards


class _WriteShardFn(beam.DoFn):
    """One shard of one window's pane -> a temporary Parquet file."""

    def __init__(self, output: str, policy: Policy, header: dict):
        self.output, self.policy, self.header = output, policy, header

    def process(self, keyed, win=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        shard, items = keyed
        rows = [row for _, row in sorted(  # positions may be 3 or "3:2" (an array on a line)
            items, key=lambda item: (item[0][0], position_order(item[0][1])))]
        wid = window_id(win.start)
        schema = _schema(self.policy, self.header, unit_run_id(self.header["run_id"], wid))
        temp = FileSystems.join(window_dir(self.output, wid),
                                layout.pending_name(layout.PARQUET_SUFFIX))
        _write_parquet(temp, pa.Table.from_pylist(rows, schema=schema))
        yield "parquet", {"shard": shard, "suffix": _suffix(pane), "temp": temp,
                          "rows": len(rows)}


class _SealWindowedFn(SealFn):
    """Seals to the run id of the element's window, keyed by kind for the file writer."""

    def process(self, payload, win=beam.DoFn.WindowParam):
        yield self.kind, self.sealed(payload, unit_run_id(self.run_id, window_id(win.start)))


class _WriteSealedFn(beam.DoFn):
    """All sealed lines of one kind in one window's pane -> a temporary file."""

    def __init__(self, vault_output: str):
        self.vault_output = vault_output

    def process(self, keyed, win=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        kind, lines = keyed
        lines = sorted(lines)
        temp = FileSystems.join(window_dir(self.vault_output, window_id(win.start)),
                                layout.pending_name(layout.SEALED_SUFFIX))
        with FileSystems.create(temp) as fh:
            fh.write("".join(line + "\n" for line in lines).encode("utf-8"))
        yield "vault", {"kind": kind, "suffix": _suffix(pane), "temp": temp,
                        "lines": len(lines)}


class _CommitWindowFn(beam.DoFn):
    """Renames a pane's files into place, then the manifest, then the summary (the commit)."""

    def __init__(self, output: str, vault_output: str, policy: Policy, header: dict,
                 recipient_pem: bytes, num_shards: int, keyset: Keyset):
        self.output, self.vault_output, self.policy = output, vault_output, policy
        self.header, self.recipient_pem, self.num_shards = header, recipient_pem, num_shards
        self.keyset = keyset
        self._key = None
        self._windows = Metrics.counter(METRICS_NAMESPACE, "windows_committed")
        self._late = Metrics.counter(METRICS_NAMESPACE, "late_panes_committed")

    def setup(self):  # the manifest's MAC key, from the data key unwrapped on the worker
        self._key = VaultKey.of(self.keyset)

    def process(self, keyed, win=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        _, items = keyed
        wid = window_id(win.start)
        run = unit_run_id(self.header["run_id"], wid)
        data_dir = window_dir(self.output, wid)
        vault_dir = window_dir(self.vault_output, wid)
        existing, existing_bytes = read_summary(data_dir)  # read once: counts and digest
        pane_index = pane.index if pane is not None else 0
        if existing and pane_index in existing.get("committed_panes", []):
            yield existing  # a retried commit that had already completed
            return
        files = set(existing["files"]) if existing else set()
        vault_files = set(existing["vault_files"]) if existing else set()
        new_vault_files, new_parts = set(), set()
        accumulators = []
        for kind, item in items:
            if kind == "summary":
                accumulators.append(item)
            elif kind == "parquet":
                name = layout.part_name(item["shard"], self.num_shards, item["suffix"])
                _move(item["temp"], FileSystems.join(data_dir, name))
                files.add(name)
                new_parts.add(name)
            else:
                name = layout.sealed_name(item["kind"], item["suffix"])
                _move(item["temp"], FileSystems.join(vault_dir, name))
                vault_files.add(name)
                new_vault_files.add(name)
        if existing is None:  # the first commit of the window: every shard and kind exists
            schema = _schema(self.policy, self.header, run)
            for shard in range(self.num_shards):
                name = layout.part_name(shard, self.num_shards)
                if name not in files:
                    _write_parquet(FileSystems.join(data_dir, name), schema.empty_table())
                    files.add(name)
                    new_parts.add(name)
            for kind in (layout.DEAD_LETTER, layout.QUARANTINE, layout.TOKEN):
                name = layout.sealed_name(kind)
                if name not in vault_files:
                    ensure_parent(FileSystems.join(vault_dir, name))
                    with FileSystems.create(FileSystems.join(vault_dir, name)) as fh:
                        fh.write(b"")
                    vault_files.add(name)
                    new_vault_files.add(name)
            with FileSystems.create(FileSystems.join(vault_dir, layout.RECIPIENT)) as fh:
                fh.write(self.recipient_pem)
        # the sources of this pane go into the MAC'd manifest: the ledger a restart trusts
        pane_sources = merged_counts(None, accumulators).get("sources") or {}
        summary = {}

        def bind(old_manifest, generation):
            # the summary this commit writes (its generation is known only now), and the
            # parts of the window, bound into the manifest under its MAC
            body = dict(self.header)
            body.update(merged_counts(existing, accumulators))
            body.update({
                "run_id": run, "job_run_id": self.header["run_id"],
                "window": {"id": wid, "start": iso(win.start), "end": iso(win.end),
                           "start_seconds": float(win.start), "end_seconds": float(win.end)},
                "late_panes": (existing or {}).get("late_panes", 0) + (
                    1 if _is_late(pane) else 0),
                "committed_panes": sorted(set((existing or {}).get("committed_panes", []))
                                          | {pane_index}),
                "files": sorted(files), "vault_files": sorted(vault_files),
                "vault_manifest": FileSystems.join(vault_dir, layout.MANIFEST),
                "vault_generation": generation,
                "output": data_dir, "vault_output": vault_dir})
            summary["body"], summary["bytes"] = body, layout.json_document(body)
            return commit_binding(data_dir, vault_dir, run, old_manifest, new_parts,
                                  existing_bytes, summary["bytes"])

        write_manifest(vault_dir, run, vault_files, self._key, sha256_hex(self.recipient_pem),
                       new_files=new_vault_files, sources=pane_sources, bind=bind)
        body = summary["body"]
        # Before the summary: a committed window always has its report (after it, a crash
        # in between would leave a committed window without one, or with the previous
        # pane's counts, until some later restart). A commit killed between the two leaves
        # this pane's report: recovery renders the kept summary's over it.
        write_report(data_dir, body)
        write_any(FileSystems.join(data_dir, layout.SUMMARY), summary["bytes"])
        (self._late if _is_late(pane) else self._windows).inc()
        _LOG.info("window %s committed%s: read %d, written %d, quarantined %d, "
                  "dead-lettered %d", wid, " (late data)" if _is_late(pane) else "",
                  body["records_read"], body["records_written"], body["records_quarantined"],
                  body["records_dead_lettered"])
        yield body


def _schema(policy: Policy, header: dict, run_id: str) -> pa.Schema:
    return arrow_schema(policy, layout.parquet_metadata(header, run_id))


def _write_parquet(path: str, table: pa.Table) -> None:
    with FileSystems.create(path) as fh:
        pq.write_table(table, fh)


def _move(temp: str, final: str) -> None:
    """Idempotent: a retried commit finds the files it already moved in place."""
    if not FileSystems.exists(temp) and FileSystems.exists(final):
        return
    if FileSystems.exists(final):
        FileSystems.delete([final])
    ensure_parent(final)
    FileSystems.rename([temp], [final])


class WriteWindows(beam.PTransform):
    """The streaming sink. Input: dict of windowed PCollections ``records``, ``read``,
    ``dead_letters``, ``quarantine`` and ``tokens``. Returns the window summaries."""

    def __init__(self, output: str, vault_output: str, policy: Policy, header: dict,
                 recipient_pem: bytes, num_shards: int = 1, keyset: Keyset = None):
        super().__init__()
        if keyset is None:
            raise ValueError("WriteWindows needs the keyset: window manifests are "
                             "authenticated under the data key")
        self.output, self.vault_output, self.policy = output, vault_output, policy
        self.header, self.recipient_pem, self.num_shards = header, recipient_pem, num_shards
        self.keyset = keyset

    def expand(self, inputs):
        policy, n, run_id = self.policy, self.num_shards, self.header["run_id"]
        parquet = (inputs["records"]
                   | "ShardRows" >> beam.Map(lambda e: (
                       shard_of(e["source"], e["position"], n),
                       ((e["source"], e["position"]), to_row(e["fields"], policy))))
                   | "GroupShards" >> beam.GroupByKey()
                   | "WriteShards" >> beam.ParDo(_WriteShardFn(self.output, policy,
                                                               self.header)))
        tokens = (inputs["tokens"]
                  | "DedupTokens" >> beam.Distinct()
                  | "TokenRows" >> beam.Map(
                      lambda t: {"pseudonym": t[0], "type": t[1], "value": t[2]}))
        sealed = [pcoll | f"Seal{label}" >> beam.ParDo(_SealWindowedFn(
                      self.recipient_pem, kind, run_id))
                  for label, kind, pcoll in (
                      ("DeadLetters", layout.DEAD_LETTER, inputs["dead_letters"]),
                      ("Quarantine", layout.QUARANTINE, inputs["quarantine"]),
                      ("Tokens", layout.TOKEN, tokens))]
        vault = (tuple(sealed)
                 | "FlattenSealed" >> beam.Flatten()
                 | "GroupSealed" >> beam.GroupByKey()
                 | "WriteSealed" >> beam.ParDo(_WriteSealedFn(self.vault_output)))
        counts = (
            inputs | "Account" >> AccountForRecords(policy)
            | "Summarize" >> beam.CombineGlobally(
                SummaryFn(track_sources=True)).without_defaults()
            | "AsCommitItem" >> beam.Map(lambda acc: ("summary", acc)))
        return ((parquet, vault, counts)
                | "FlattenCommitItems" >> beam.Flatten()
                | "KeyByWindow" >> beam.Map(lambda item: ("window", item))
                | "GatherWindow" >> beam.GroupByKey()
                | "CommitWindow" >> beam.ParDo(_CommitWindowFn(
                    self.output, self.vault_output, policy, self.header,
                    self.recipient_pem, n, self.keyset)))
