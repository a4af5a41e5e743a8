"""What every hushbeam command shares on the console: expected errors and the log level.

Errors are one line on stderr and exit code 2; they never hold a value from the data.
"""
from __future__ import annotations

import sys
from typing import List

from transforms.core.policy import PolicyError
from transforms.datasets.audit import AuditError
from transforms.datasets.commit import CommitError
from transforms.datasets.dataset import DatasetError
from transforms.datasets.subjects import SubjectError
from transforms.keys.keyset import KeysetError
from transforms.keys.sealing import SealError

EXPECTED_ERRORS = (PolicyError, KeysetError, SealError, AuditError, DatasetError,
                   SubjectError, CommitError)


def split_log_level(argv: List[str]) -> tuple:
    """(LEVEL, the other arguments): ``--log-level`` is taken by every command."""
    level, rest, it = "INFO", [], iter(argv)
    for arg in it:
        if arg == "--log-level":
            level = next(it, "INFO")
        elif arg.startswith("--log-level="):
            level = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return level.upper(), rest


def fail(exc: BaseException) -> int:
    """Report an expected error in one line; the exit code of a usage or data problem."""
    print(f"hushbeam: error: {exc}", file=sys.stderr)
    return 2
