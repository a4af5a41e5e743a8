"""Commands that detect nothing start without the NLP stack (spaCy, Presidio, Beam)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

# Runs ``hushbeam ARGS`` in this interpreter, then prints which heavy packages it imported.
_RUN = r"""
import json, sys
from pipelines.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
heavy = ("spacy", "presidio_analyzer", "presidio_anonymizer", "apache_beam")
print("IMPORTED " + json.dumps([m for m in heavy if m in sys.modules]))
sys.exit(code)
"""


def _imported(args, tmp_path):
    env = dict(os.environ, HUSHBEAM_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", _RUN, *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = [x for x in proc.stdout.splitlines() if x.startswith("IMPORTED ")][-1]
    return json.loads(line[len("IMPORTED "):])


@pytest.mark.parametrize("args", [
    ["--help"], ["--version"], ["policy", "validate", "rules/default_policy.yaml"],
    ["policy", "show"], ["keys", "vault-identity", "--out", "{tmp}/id.pem"]])
def test_a_command_that_detects_nothing_imports_no_nlp_library(args, tmp_path):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert _imported(args, tmp_path) == []


def test_a_policy_naming_a_presidio_type_is_still_checked_against_presidios_types(
        tmp_path):
    policy = tmp_path / "p.yaml"
    policy.write_text("extends: default\nentities:\n  UK_NHS: {operator: REDACT}\n")
    assert "presidio_analyzer" in _imported(["policy", "validate", str(policy)], tmp_path)
