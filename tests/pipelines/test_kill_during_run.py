"""kill -9 at any moment of a batch run (or of ``forget``): the visible dataset and vault are
the previous ones, byte for byte, or the complete new ones; never a readable half, never an
orphan sealed file; the next command completes or rolls back, the next run succeeds.

Real subprocesses of the ``hushbeam`` command on a few hundred synthetic conversations.
Kills come from polling the file system (the staging directory, a part being written, the
staged summary, random delays) and, for the exact steps of a commit, from
killpoint_sitecustomize.py (SIGKILL right after the N-th rename or removal of a visible file).
"""
from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.synthetic import make_corpus
from transforms.datasets import layout
from transforms.datasets.vault import VaultKey, verify_vault
from transforms.keys.keyset import DEV_KEYSET_NAME, load_keyset

HUSHBEAM = str(Path(sys.executable).with_name("hushbeam"))
N_PREVIOUS, N_NEW = 200, 240


def _state(root: Path) -> dict:
    """What a reader sees in a directory: every file with no hidden path component (the
    commit journal is looked at on its own)."""
    found = {}
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and not any(p.startswith(".") for p in rel.parts) and (
                    str(rel) != layout.COMMIT_JOURNAL):
                found[str(rel)] = path.read_bytes()
    return found


def _leftovers(root: Path) -> list:
    """Staging directories, staging locks and journals (the commit lock may stay)."""
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir()
                  if p.name == layout.COMMIT_JOURNAL
                  or p.name.startswith(layout.STAGING_PREFIX))


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    """Corpus A redacted into ``previous/``; corpus B, the new run's input."""
    work = tmp_path_factory.mktemp("kill")
    site = work / "site"
    site.mkdir()
    shutil.copy(Path(__file__).with_name("killpoint_sitecustomize.py"),
                site / "sitecustomize.py")
    env = dict(os.environ, HUSHBEAM_HOME=str(work / "home"),
               PYTHONPATH=os.pathsep.join([str(site), str(REPO)]))
    make_corpus(n=N_PREVIOUS, seed=3, n_customers=40).write_jsonl(work / "a.jsonl")
    new = make_corpus(n=N_NEW, seed=4, n_customers=40)
    new.write_jsonl(work / "b.jsonl")
    previous = work / "previous"
    started = time.monotonic()
    proc = _hb(["redact", "--input", work / "a.jsonl", "--output", previous / "out"], env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((previous / "out" / layout.SUMMARY).read_text())
    return {"work": work, "env": env, "previous": previous,
            "before": (_state(previous / "out"), _state(previous / "out.vault")),
            "previous_run": summary["run_id"], "duration": time.monotonic() - started,
            "planted": [e.lower() for e in new.planted["email"]],
            "subject": "email:" + new.customers[0].email}


def _hb(args, env, **kwargs):
    return subprocess.run([HUSHBEAM, *map(str, args)], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=900, **kwargs)


def _copy_previous(ctx, into: Path) -> tuple:
    out, vault = into / "out", into / "out.vault"
    shutil.copytree(ctx["previous"] / "out", out)
    shutil.copytree(ctx["previous"] / "out.vault", vault)
    return out, vault


def _redact_args(ctx, out: Path, overwrite: bool) -> list:
    return ["redact", "--input", ctx["work"] / "b.jsonl", "--output", out] + (
        ["--overwrite"] if overwrite else [])


def _kill_when(ctx, args, condition, env=None) -> int:
    """Start ``hushbeam ARGS``; SIGKILL it as soon as ``condition()`` holds."""
    proc = subprocess.Popen([HUSHBEAM, *map(str, args)], env=env or ctx["env"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None:
            if condition():
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.002)
        return proc.wait(timeout=900)
    finally:
        if proc.poll() is None:
            proc.kill()


def _killpoint_env(ctx, roots, at: int, log: Path) -> dict:
    return dict(ctx["env"], HUSHBEAM_KILL_ROOTS=os.pathsep.join(map(str, roots)),
                HUSHBEAM_KILL_AT=str(at), HUSHBEAM_KILL_LOG=str(log))


def _complete_new(out: Path, vault: Path, ctx) -> None:
    """The new run, whole: summary, its parts and nothing else, a vault that verifies."""
    summary = json.loads((out / layout.SUMMARY).read_text())
    assert summary["run_id"] != ctx["previous_run"]
    assert summary["counts_conserved"] and summary["records_read"] == N_NEW
    parts = sorted(p.name for p in out.glob(layout.PART_GLOB))
    assert parts == sorted(summary["files"])
    assert sum(pq.read_metadata(out / p).num_rows for p in parts) == summary["records_written"]
    key = VaultKey.of(load_keyset(ctx["work"] / "home" / DEV_KEYSET_NAME))  # MAC'd manifests
    manifest = verify_vault(vault, key, summary["run_id"], out)
    sealed = {str(p.relative_to(vault)) for p in vault.rglob("*" + layout.SEALED_SUFFIX)}
    assert sealed == set(manifest["files"])  # hidden folders too: no orphan sealed file


def _judge(ctx, out: Path, vault: Path, previous: tuple) -> str:
    """The state a kill left, before and after the next command looked: "previous"|"new"."""
    raw = (_state(out), _state(vault))
    if not (out / layout.COMMIT_JOURNAL).exists():
        assert raw == previous or _is_complete_new(out, vault, ctx), "a half state"
    summary = raw[0].get(layout.SUMMARY)
    if summary is not None:  # a visible summary always describes the visible parts
        assert sorted(json.loads(summary)["files"]) == sorted(
            p.name for p in out.glob(layout.PART_GLOB))
    for staged in list(out.glob(layout.STAGING_PREFIX + "*")) + list(
            vault.glob(layout.STAGING_PREFIX + "*")):
        for path in [staged] if staged.is_file() else staged.rglob("*"):
            if path.is_file():  # what a killed run leaves holds no raw value
                data = path.read_bytes().lower()
                assert not any(e.encode() in data for e in ctx["planted"]), path
    # Any command that opens the dataset and vault first completes or rolls back.
    proc = _hb(["subject-access", "--output", out, "--vault", vault, "--subject",
                ctx["subject"]], ctx["env"])
    assert proc.returncode == 0 or (previous == ({}, {}) and "not a complete" in proc.stderr), (
        proc.stderr[-2000:])
    assert _leftovers(out) == [] and _leftovers(vault) == []
    after = (_state(out), _state(vault))
    if after == previous:
        return "previous"
    _complete_new(out, vault, ctx)
    return "new"


def _is_complete_new(out, vault, ctx) -> bool:
    try:
        _complete_new(out, vault, ctx)
    except (AssertionError, FileNotFoundError, ValueError):
        return False
    return True


def _staged(root: Path, pattern: str):
    return lambda: any(root.glob(layout.STAGING_PREFIX + "*/" + pattern))


def _after(seconds: float):
    def make(out, vault):
        start = time.monotonic()
        return lambda: time.monotonic() - start >= seconds
    return make


def test_kill_at_polled_moments_and_random_delays_leaves_previous_or_complete_new(
        ctx, tmp_path):
    rng = random.Random(10)
    moments = {
        "staging directory made": lambda out, vault: lambda: any(
            p.is_dir() for p in out.glob(layout.STAGING_PREFIX + "*")),
        "Parquet part staged": lambda out, vault: _staged(out, layout.PART_GLOB),
        "summary staged": lambda out, vault: _staged(out, layout.SUMMARY),
    }
    delay = rng.uniform(0.3, 1.1) * ctx["duration"]
    moments[f"after {delay:.1f} s"] = _after(delay)
    outcomes = {}
    for number, (moment, make_condition) in enumerate(moments.items()):
        out, vault = _copy_previous(ctx, tmp_path / str(number))
        code = _kill_when(ctx, _redact_args(ctx, out, overwrite=True),
                          make_condition(out, vault))
        outcomes[moment] = (code, _judge(ctx, out, vault, ctx["before"]))
    assert outcomes["staging directory made"] == (-signal.SIGKILL, "previous"), outcomes
    for code, kind in outcomes.values():
        assert (code, kind) in ((-signal.SIGKILL, "previous"), (-signal.SIGKILL, "new"),
                                (0, "new")), outcomes


def test_kill_at_each_step_of_the_commit_leaves_previous_or_complete_new(ctx, tmp_path):
    # A full --overwrite run, logged: the steps of its commit (renames and removals of
    # visible files) and the state it ends in.
    out, vault = _copy_previous(ctx, tmp_path / "full")
    log = tmp_path / "full.log"
    proc = _hb(_redact_args(ctx, out, overwrite=True), _killpoint_env(ctx, [out, vault], 0,
                                                                      log))
    assert proc.returncode == 0, proc.stderr[-3000:]
    _complete_new(out, vault, ctx)
    steps = [line.split("\t") for line in log.read_text().splitlines()]
    names = [Path(path).relative_to(tmp_path / "full").as_posix() for _, _, path in steps]
    commit_point = names.index(f"out/{layout.COMMIT_JOURNAL}") + 1
    part_in = max(i for i, n in enumerate(names, 1) if n.startswith("out/part-"))
    assert names[0] == f"out.vault/{layout.COMMIT_JOURNAL}" and commit_point == 2
    assert names[part_in] == f"out/{layout.SUMMARY}"  # the summary comes after the parts
    assert names.index(f"out.vault/{layout.MANIFEST}") < names.index(f"out/{layout.SUMMARY}")
    # Each step in turn is tests/transforms/datasets/test_commit.py's (in process); here
    # the two sides of the commit point and the moment that used to leave a half dataset.
    chosen = {"vault journal written": 1, "commit point": commit_point,
              "just after the Parquet part is renamed into place": part_in}
    outcomes = {}
    for moment, at in chosen.items():
        out, vault = _copy_previous(ctx, tmp_path / f"at{at}")
        proc = _hb(_redact_args(ctx, out, overwrite=True),
                   _killpoint_env(ctx, [out, vault], at, tmp_path / f"at{at}.log"))
        assert proc.returncode == -signal.SIGKILL, (moment, proc.stderr[-2000:])
        outcomes[moment] = _judge(ctx, out, vault, ctx["before"])
    assert outcomes == {"vault journal written": "previous", "commit point": "new",
                        "just after the Parquet part is renamed into place": "new"}


def test_a_killed_first_run_leaves_nothing_and_the_next_run_succeeds(ctx, tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    code = _kill_when(ctx, _redact_args(ctx, out, overwrite=False), _staged(
        out, layout.PART_GLOB))
    assert code == -signal.SIGKILL
    assert _state(out) == {} and _state(vault) == {}  # nothing readable
    assert any(out.glob(layout.STAGING_PREFIX + "*"))  # the killed run's staging ...
    proc = _hb(_redact_args(ctx, out, overwrite=False), ctx["env"])  # no --overwrite needed
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _leftovers(out) == [] and _leftovers(vault) == []  # ... removed by the next run
    _complete_new(out, vault, ctx)


def test_a_first_run_killed_after_its_commit_point_is_completed_by_the_next_command(
        ctx, tmp_path):
    out, vault = tmp_path / "out", tmp_path / "out.vault"
    proc = _hb(_redact_args(ctx, out, overwrite=False),
               _killpoint_env(ctx, [out, vault], 4, tmp_path / "kill.log"))
    assert proc.returncode == -signal.SIGKILL
    assert _judge(ctx, out, vault, ({}, {})) == "new"


def test_a_failing_overwrite_run_leaves_the_previous_dataset_and_vault_as_they_were(
        ctx, tmp_path):
    """The output device fills up mid-run (a 64 KB file-size limit: EFBIG, as ENOSPC)."""
    out, vault = _copy_previous(ctx, tmp_path)

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    proc = subprocess.run([HUSHBEAM, *map(str, _redact_args(ctx, out, overwrite=True))],
                          env=ctx["env"], cwd=REPO, capture_output=True, text=True,
                          timeout=900, preexec_fn=small_files)
    assert proc.returncode == 2, proc.stderr[-3000:]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("hushbeam:")]
    assert errors == [f"hushbeam: error: writing the output failed: File too large (errno "
                      f"27); nothing was committed: {out} and {vault} are as they were"]
    assert "Traceback" not in proc.stderr
    assert (_state(out), _state(vault)) == ctx["before"]
    assert _leftovers(out) == [] and _leftovers(vault) == []


@pytest.mark.parametrize("flag", ["--output", "--vault-output"])
def test_an_unwritable_output_or_vault_is_one_line_and_exit_2(ctx, tmp_path, flag):
    """Root can write anywhere chmod allows nothing: a path under a regular file."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    args = ["redact", "--input", ctx["work"] / "b.jsonl", "--output", tmp_path / "out"]
    args += [flag, blocker / "sub"]
    proc = _hb(args, ctx["env"])
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == (
        f"hushbeam: error: {flag} {blocker / 'sub'} cannot be written: Not a directory")
    assert "Traceback" not in proc.stderr
    assert not any(line.startswith("hushbeam: error") for line in
                   proc.stderr.strip().splitlines()[:-1])


def test_forget_killed_at_any_step_erases_all_or_nothing(ctx, tmp_path):
    """And forget itself first completes or rolls back the killed forget, and removes its
    staging (which holds sealed lines of the subject)."""
    subject = "email:" + _an_email_of_the_previous_dataset(ctx)
    args = lambda out, vault: ["forget", "--output", out, "--vault", vault,  # noqa: E731
                               "--subject", subject]
    out, vault = _copy_previous(ctx, tmp_path / "full")
    log = tmp_path / "full.log"
    proc = _hb(args(out, vault), _killpoint_env(ctx, [out, vault], 0, log))
    assert proc.returncode == 0, proc.stderr[-2000:]
    removed = json.loads(proc.stdout)["rows_removed"]
    assert removed > 0 and json.loads(proc.stdout)["vault_tokens_removed"] > 0
    erased = _without_receipts(out, vault)
    steps = len(log.read_text().splitlines())
    for at in (1, 2, steps // 2, steps - 1):
        out, vault = _copy_previous(ctx, tmp_path / f"at{at}")
        proc = _hb(args(out, vault), _killpoint_env(ctx, [out, vault], at,
                                                    tmp_path / f"at{at}.log"))
        assert proc.returncode == -signal.SIGKILL
        if not (out / layout.COMMIT_JOURNAL).exists():
            assert _without_receipts(out, vault) in (ctx["before"], erased), at
        if at == 1:  # before the commit point: nothing erased yet
            assert _without_receipts(out, vault) == ctx["before"]
        again = _hb(args(out, vault), ctx["env"])
        assert again.returncode == 0, again.stderr[-2000:]
        assert _leftovers(out) == [] and _leftovers(vault) == []
        assert _without_receipts(out, vault) == erased, at
        receipts = sorted(json.loads(p.read_text())["rows_removed"]
                          for p in (out / layout.RECEIPTS).glob("*.json"))
        # Rolled back and done again, or completed by the second call (which finds nothing).
        assert receipts == ([removed] if at == 1 else [0, removed]), at


def _without_receipts(out: Path, vault: Path) -> tuple:
    return ({k: v for k, v in _state(out).items() if not k.startswith(layout.RECEIPTS)},
            _state(vault))


def _an_email_of_the_previous_dataset(ctx) -> str:
    corpus = make_corpus(n=N_PREVIOUS, seed=3, n_customers=40)
    return corpus.customers[corpus.customer_of[corpus.records[0]["conversation_id"]]].email
