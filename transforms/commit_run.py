"""CommitRun: the run's dataset and vault, staged out of sight, switched into place together.

WriteVault and WriteAnonymized write into the hidden staging directories of the run
(``commit.staging_dir(dir, run_id)``); once the summary is staged (it comes after every
Parquet part and the vault's manifest), this stage commits both directories with the
journal protocol of :mod:`transforms.datasets.commit`: the previous dataset and vault stay
as they were until then, and a failure or a kill before the commit point leaves them so.
"""

import apache_beam as beam

from transforms.datasets import commit, layout


class _CommitFn(beam.DoFn):
    def __init__(self, output: str, vault_output: str, run_id: str, overwrite: bool):
        self.output, self.vault_output = output, vault_output
        self.run_id, self.overwrite = run_id, overwrite

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
            commit.commit(self.output, self.vault_output, self.run_id,
                          retire=(layout.DATASET_OUTPUTS, layout.VAULT_OUTPUTS))
        yield summary


class CommitRun(beam.PTransform):
    """Input: the run summary (one element, already staged with the run's files).

    Output: the same summary, once the dataset and vault are visible. With ``overwrite``
    the files of an earlier run are retired in the same commit; without it, a commit onto
    an earlier run's output is refused.
    """

    def __init__(self, output: str, vault_output: str, run_id: str, overwrite: bool):
        super().__init__()
        self.output, self.vault_output = output, vault_output
        self.run_id, self.overwrite = run_id, overwrite

    def expand(self, summary):
        return summary | "Commit" >> beam.ParDo(_CommitFn(
            self.output, self.vault_output, self.run_id, self.overwrite))
