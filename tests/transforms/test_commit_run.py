"""CommitRun's DoFn called directly: it commits the staged run, once, and refuses to."""
import json
from pathlib import Path

import pytest

from transforms.commit_run import _CommitFn
from transforms.datasets import commit, layout

RUN = "run2"


def _stage(out: Path, vault: Path, run_id: str = RUN) -> dict:
    summary = {"run_id": run_id, "counts_conserved": True,
               "files": ["part-00000-of-00001.parquet"]}
    stage, stage_vault = Path(commit.staging_dir(str(out), run_id)), Path(
        commit.staging_dir(str(vault), run_id))
    (stage_vault / "tokens").mkdir(parents=True)
    stage.mkdir(parents=True)
    (stage / "part-00000-of-00001.parquet").write_bytes(b"rows")
    (stage / layout.SUMMARY).write_text(json.dumps(summary))
    (stage_vault / "tokens" / "part-00000-of-00001.sealed.jsonl").write_bytes(b"sealed\n")
    (stage_vault / layout.MANIFEST).write_text("{}")
    return summary


def _visible(root: Path) -> list:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and not any(x.startswith(".") for x in p.relative_to(
                      root).parts))


def test_the_staged_run_becomes_visible_and_the_summary_goes_on(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    summary = _stage(out, vault)
    fn = _CommitFn(str(out), str(vault), RUN, overwrite=False)
    assert list(fn.process(summary)) == [summary]
    assert _visible(out) == [layout.SUMMARY, "part-00000-of-00001.parquet"]
    assert _visible(vault) == [layout.MANIFEST, "tokens/part-00000-of-00001.sealed.jsonl"]
    assert list(fn.process(summary)) == [summary]  # a retried bundle: committed already


def test_an_earlier_output_that_appeared_meanwhile_is_not_replaced_without_overwrite(
        tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    summary = _stage(out, vault)
    (out / layout.SUMMARY).write_text('{"run_id": "another"}')
    with pytest.raises(commit.CommitError, match="another run meanwhile"):
        list(_CommitFn(str(out), str(vault), RUN, overwrite=False).process(summary))
    assert _visible(out) == [layout.SUMMARY] and _visible(vault) == []
    assert list(_CommitFn(str(out), str(vault), RUN, overwrite=True).process(summary))
    assert json.loads((out / layout.SUMMARY).read_text())["run_id"] == RUN


def test_a_run_whose_counts_are_not_conserved_is_not_committed(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    summary = dict(_stage(out, vault), counts_conserved=False)
    with pytest.raises(RuntimeError, match="counts not conserved"):
        list(_CommitFn(str(out), str(vault), RUN, overwrite=False).process(summary))
    assert _visible(out) == [] and _visible(vault) == []
