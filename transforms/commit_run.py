"""CommitRun: the run's dataset and vault, staged out of sight, switched into place together.

WriteVault and WriteAnonymized write into the hidden staging directories of the run
(``commit.staging_dir(dir, run_id)``); once the summary is staged (it comes after every
Parquet part and the vault's manifest), this stage commits both directories with the
journal protocol of :mod:`transforms.datasets.commit`: the previous dataset and vault stay
as they were until then, and a failure or a kill before the commit point leaves them so.

Just before the commit, the staged vault manifest is verified and signed again with the
SHA-256 of every staged Parquet part and of the staged summary (:func:`bind_staged`): the
parts' run id is no secret, their digests under the manifest's MAC are what a reader
checks (``vault.check_belongs``). The stage unwraps the data key in ``setup()``, like the
manifest writer.
"""
import fnmatch
from typing import Optional

import apache_beam as beam

from transforms.datasets import commit, layout
from transforms.datasets.atomic import write_any
from transforms.datasets.vault import (VaultError, VaultKey, check_manifest, parse_manifest,
                                       sha256_hex, signed_manifest)
from transforms.keys.keyset import Keyset


def bind_staged(output: str, vault_output: str, run_id: str, key: VaultKey) -> dict:
    """Re-sign the run's staged vault manifest with its staged dataset: every part's and
    the summary's SHA-256 (names as the committed dataset will hold them). Returns the new
    manifest. Idempotent: a retried bundle binds the same files again."""
    stage, stage_vault = commit.staging_dir(output, run_id), commit.staging_dir(
        vault_output, run_id)
    where = commit.join(stage_vault, layout.MANIFEST)
    data = commit._read(where)
    if data is None:
        raise VaultError(f"the run's staged vault has no {layout.MANIFEST}; nothing was "
                         "committed")
    manifest = check_manifest(parse_manifest(data, where), key, where)
    if manifest["run_id"] != run_id or manifest["dataset"]["run_id"] != run_id:
        raise VaultError(f"the staged vault manifest {where} is not this run's; nothing was "
                         "committed")
    summary = commit._read(commit.join(stage, layout.SUMMARY))
    if summary is None:
        raise commit.CommitError(f"nothing to commit: run {run_id} staged no "
                                 f"{layout.SUMMARY}")
    names = sorted(rel for rel in commit.staged_files(stage)
                   if "/" not in rel and fnmatch.fnmatchcase(rel, layout.PART_GLOB))
    binding = {"run_id": run_id,
               "parts": {name: sha256_hex(commit._read(commit.join(stage, name)) or b"")
                         for name in names},
               "summary_sha256": sha256_hex(summary)}
    new = signed_manifest(key, run_id, manifest["files"], manifest["recipient_sha256"],
                          binding, int(manifest["generation"]), manifest.get("sources"),
                          manifest.get("added_sources"))
    write_any(where, layout.json_document(new))
    return new


class _CommitFn(beam.DoFn):
    def __init__(self, output: str, vault_output: str, run_id: str, overwrite: bool,
                 keyset: Optional[Keyset]):
        self.output, self.vault_output = output, vault_output
        self.run_id, self.overwrite = run_id, overwrite
        self.keyset = keyset  # binds the parts into the manifest (unwrapped in setup)
        self._key: Optional[VaultKey] = None

    def setup(self):  # the data key is unwrapped on the worker, never pickled in clear
        if self._key is None and self.keyset is not None:
            self._key = VaultKey.of(self.keyset)

    def process(self, summary):
        if not summary.get("counts_conserved"):
            raise RuntimeError("counts not conserved: records read != written + quarantined "
                               "+ dead-lettered; nothing was committed")
        with commit.locked(self.output):
            commit.recover_locked(self.output, self.vault_output, keep={self.run_id})
            stage = commit.staging_dir(self.output, self.run_id)
            if not commit.staged_files(stage) and (
                    commit.visible_run_id(self.output) == self.run_id):
                yield summary  # a retried bundle: committed already
                return
            if not self.overwrite and (
                    commit.visible_files(self.output, layout.DATASET_OUTPUTS)
                    or commit.visible_files(self.vault_output, layout.VAULT_OUTPUTS)):
                raise commit.CommitError(
                    f"{self.output} received the output of another run meanwhile; nothing "
                    "was committed (pass --overwrite to replace it)")
            bind_staged(self.output, self.vault_output, self.run_id, self._key)
            commit.commit(self.output, self.vault_output, self.run_id,
                          retire=(layout.DATASET_OUTPUTS, layout.VAULT_OUTPUTS))
        yield summary


class CommitRun(beam.PTransform):
    """Input: the run summary (one element, already staged with the run's files).

    Output: the same summary, once the dataset and vault are visible, the vault's manifest
    bound to every part and the summary (signed under ``keyset``'s data key). With ``overwrite``
    the files of an earlier run are retired in the same commit; without it, a commit onto
    an earlier run's output is refused.
    """

    def __init__(self, output: str, vault_output: str, run_id: str, overwrite: bool,
                 keyset: Keyset):
        super().__init__()
        self.output, self.vault_output = output, vault_output
        self.run_id, self.overwrite, self.keyset = run_id, overwrite, keyset

    def expand(self, summary):
        return summary | "Commit" >> beam.ParDo(_CommitFn(
            self.output, self.vault_output, self.run_id, self.overwrite, self.keyset))
