"""The command line as a user meets it: errors before data is read, flags, the entry point."""
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

SAMPLES = str(REPO / "samples" / "*.json*")


def _run(args, tmp_path, **env):
    full_env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO),
                    **env)
    return subprocess.run([sys.executable, "-m", "pipelines.redact", *args], cwd=REPO,
                          env=full_env, capture_output=True, text=True, timeout=600)


def test_bad_policy_stops_the_run_before_any_data_is_read(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  PERSON: {operator: KEEP}\n")
    proc = _run(["--input", SAMPLES, "--output", str(tmp_path / "o"), "--policy", str(bad)],
                tmp_path)
    assert proc.returncode == 2
    assert f"policy {bad}: entities.PERSON.operator: 'KEEP' is not one of" in proc.stderr
    assert not (tmp_path / "o").exists()


def test_missing_input_model_keyset_recipient_and_vault_inside_dataset_are_clear_errors(
        tmp_path):
    out = str(tmp_path / "o")
    cases = [
        (["--input", str(tmp_path / "none*.jsonl"), "--output", out], "no input file matches"),
        (["--input", SAMPLES, "--output", out, "--spacy-model", "en_core_web_nope"],
         "spaCy model 'en_core_web_nope' is not installed"),
        (["--input", SAMPLES, "--output", out, "--vault-output", out + "/vault"],
         "must not be inside --output"),
        (["--input", SAMPLES], "--input and --output are required"),
        (["--input", SAMPLES, "--output", out, "--keyset", str(tmp_path / "nope.json")],
         "does not exist"),
        (["--input", SAMPLES, "--output", out, "--vault-recipient", str(tmp_path / "x.pem")],
         "cannot be read"),
    ]
    for args, message in cases:
        proc = _run(args, tmp_path)
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr[-2000:]
        assert "Traceback" not in proc.stderr


def test_earlier_output_is_kept_unless_overwrite_is_given(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "_summary.json").write_text("{}")
    proc = _run(["--input", SAMPLES, "--output", str(out)], tmp_path)
    assert proc.returncode == 2 and "--overwrite" in proc.stderr
    proc = _run(["--input", SAMPLES, "--output", str(out), "--overwrite",
                 "--direct_num_workers", "2", "--direct_running_mode", "multi_threading"],
                tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "read 7, wrote 5, quarantined 0, dead-lettered 2" in proc.stdout


def test_hushbeam_entry_point_is_installed_and_documents_its_flags():
    exe = Path(sys.executable).with_name("hushbeam")
    proc = subprocess.run([str(exe), "redact", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for flag in ("--input", "--output", "--policy", "--vault-output", "--keyset",
                 "--spacy-model"):
        assert flag in proc.stdout
