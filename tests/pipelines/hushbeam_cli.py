"""The installed ``hushbeam`` command, run as a user runs it (tests share this helper)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

HUSHBEAM = str(Path(sys.executable).with_name("hushbeam"))


def hb(*args, env=None, check: bool = True, timeout: int = 600) -> subprocess.CompletedProcess:
    """``hushbeam ARGS`` from the repository root; with ``check``, it must exit 0."""
    proc = subprocess.run([HUSHBEAM, *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=timeout)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc
