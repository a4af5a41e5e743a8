"""CommitRun's DoFn called directly: it commits the staged run, once, and refuses to."""
import json
from pathlib import Path

import pytest

from transforms.commit_run import _CommitFn
from transforms.datasets import commit, layout
from transforms.datasets.vault import VaultKey, VaultError, sha256_hex, signed_manifest

RUN = "run2"
KEY = VaultKey(b"k" * 32, "hb-test", 1)


def _fn(out: Path, vault: Path, overwrite: bool = False, key: VaultKey = KEY) -> _CommitFn:
    fn = _CommitFn(str(out), str(vault), RUN, overwrite=overwrite, keyset=None)
    fn._key = key  # what setup() unwraps from the keyset
    fn.setup()
    return fn


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
    sealed = b"sealed\n"
    (stage_vault / layout.MANIFEST).write_bytes(layout.json_document(signed_manifest(
        KEY, run_id, {"tokens/part-00000-of-00001.sealed.jsonl": {
            "sha256": sha256_hex(sealed), "lines": 1}}, "r" * 64)))
    return summary


def _visible(root: Path) -> list:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and not any(x.startswith(".") for x in p.relative_to(
                      root).parts))


def test_the_staged_run_becomes_visible_and_the_summary_goes_on(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    summary = _stage(out, vault)
    fn = _fn(out, vault)
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
        list(_fn(out, vault).process(summary))
    assert _visible(out) == [layout.SUMMARY] and _visible(vault) == []
    assert list(_fn(out, vault, overwrite=True).process(summary))
    assert json.loads((out / layout.SUMMARY).read_text())["run_id"] == RUN


def test_a_run_whose_counts_are_not_conserved_is_not_committed(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    summary = dict(_stage(out, vault), counts_conserved=False)
    with pytest.raises(RuntimeError, match="counts not conserved"):
        list(_fn(out, vault).process(summary))
    assert _visible(out) == [] and _visible(vault) == []


def test_the_commit_binds_every_staged_part_and_the_summary_into_the_signed_manifest(
        tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    _stage(out, vault)
    list(_fn(out, vault).process({"run_id": RUN, "counts_conserved": True}))
    manifest = json.loads((vault / layout.MANIFEST).read_text())
    assert manifest["dataset"] == {
        "run_id": RUN,
        "parts": {"part-00000-of-00001.parquet": sha256_hex(b"rows")},
        "summary_sha256": sha256_hex((out / layout.SUMMARY).read_bytes())}
    assert manifest["mac"] == KEY.mac(manifest) and manifest["generation"] == 0


def test_a_staged_manifest_that_does_not_verify_is_not_bound_nor_committed(tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    summary = _stage(out, vault)
    with pytest.raises(VaultError, match="does not verify"):
        list(_fn(out, vault, key=VaultKey(b"x" * 32, "hb-test", 1)).process(summary))
    assert _visible(out) == [] and _visible(vault) == []
