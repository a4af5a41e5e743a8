"""What every hushbeam command shares on the console: expected errors and the log level.

Errors are one line on stderr and exit code 2; they never hold a value from the data.
"""
from __future__ import annotations

import difflib
import sys
from typing import List, Sequence

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


def unknown_arguments(extras: Sequence[str], flags: Sequence[str]) -> str:
    """One line on arguments that no flag takes: each unknown flag with the nearest known
    one; a stray value never by itself (it may be a file name or a data subject's value)."""
    problems, value_of_unknown = [], False
    for arg in extras:
        if arg.startswith("-") and len(arg) > 1:
            name = arg.split("=", 1)[0]
            close = difflib.get_close_matches(name, list(flags), n=1)
            problems.append(f"unknown flag {name}" + (f" (did you mean {close[0]}?)" if close
                                                      else ""))
            value_of_unknown = "=" not in arg
        elif value_of_unknown:
            value_of_unknown = False  # the value given to the unknown flag before it
        else:
            problems.append("an argument that no flag takes (an unquoted glob the shell "
                            "expanded into several files?)")
    return "; ".join(dict.fromkeys(problems))
