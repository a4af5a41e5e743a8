"""The installed ``hushbeam`` command, run as a user runs it (tests share this helper)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

HUSHBEAM = str(Path(sys.executable).with_name("hushbeam"))


def hb(*args, env=None, check: bool = True, timeout: int = 600,
       cwd=None) -> subprocess.CompletedProcess:
    """``hushbeam ARGS`` from the repository root (or ``cwd``); with ``check``, it must
    exit 0."""
    proc = subprocess.run([HUSHBEAM, *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd or REPO, timeout=timeout)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def keyed_workdir(work: Path, master: str = "master.key") -> dict:
    """``work`` with its own HUSHBEAM_HOME, a vault identity (``id.pem``, ``id.pem.pub``)
    and a keyset (``keyset.json``) wrapped by a local master key; returns the environment."""
    env = dict(os.environ, HUSHBEAM_HOME=str(work / "home"))
    hb("keys", "vault-identity", "--out", work / "id.pem", env=env)
    hb("keys", "create", "--kms", f"local://{work / master}", "--out", work / "keyset.json",
       env=env)
    return env
