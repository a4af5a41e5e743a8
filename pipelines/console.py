"""What every hushbeam command shares on the console: expected errors, the log level and
the help text.

Errors are one line on stderr and exit code 2; they never hold a value from the data.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from typing import Dict, List, Optional, Sequence

from transforms.core.policy import PolicyError
from transforms.datasets.audit import AuditError
from transforms.datasets.commit import CommitError
from transforms.datasets.dataset import DatasetError
from transforms.datasets.subjects import SubjectError
from transforms.keys.keyset import KeysetError
from transforms.keys.sealing import SealError


class CommandLineError(ValueError):
    """A flag or value the command does not take (exit code 2, no usage dump)."""


EXPECTED_ERRORS = (PolicyError, KeysetError, SealError, AuditError, DatasetError,
                   SubjectError, CommitError, CommandLineError)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_LEVEL_HELP = ("hushbeam's own log level, one of " + ", ".join(LOG_LEVELS) + "; libraries "
                  "stay at WARNING and never log data (default: INFO)")


def split_log_level(argv: List[str]) -> tuple:
    """(LEVEL, the other arguments): ``--log-level`` is taken by every command. A level
    that does not exist is a CommandLineError naming the valid ones."""
    level, rest, it = "INFO", [], iter(argv)
    for arg in it:
        if arg == "--log-level":
            level = next(it, "")
        elif arg.startswith("--log-level="):
            level = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    if level.upper() not in LOG_LEVELS:
        close = difflib.get_close_matches(level.upper(), LOG_LEVELS, n=1)
        raise CommandLineError(f"--log-level {level!r} is not a level; use one of "
                               f"{', '.join(LOG_LEVELS)}"
                               + (f" (did you mean {close[0]}?)" if close else ""))
    return level.upper(), rest


class HelpFormatter(argparse.HelpFormatter):
    """Every flag's help says its default, or that it is required."""

    def _get_help_string(self, action):
        text = action.help or ""
        if not action.option_strings or action.default is argparse.SUPPRESS or \
                "default" in text or "required" in text:
            return text
        if action.required:
            return text + " (required)"
        default = action.default
        if default is None or default == []:
            shown = "none"
        elif default is False:
            shown = "off"
        else:
            shown = "%(default)s"
        return f"{text} (default: {shown})"


class OneLineParser(argparse.ArgumentParser):
    """An argparse parser whose errors are a CommandLineError (one line, no usage)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message):
        raise CommandLineError(message)


def fail(exc: BaseException) -> int:
    """Report an expected error in one line; the exit code of a usage or data problem."""
    print(f"hushbeam: error: {exc}", file=sys.stderr)
    return 2


def unknown_arguments(extras: Sequence[str], flags: Sequence[str],
                      aliases: Optional[Dict[str, str]] = None) -> str:
    """One line on arguments that no flag takes: each unknown flag with the nearest known
    one (``aliases``: old spelling -> flag, an old spelling's nearest named by its flag); a
    stray value never by itself (it may be a file name or a data subject's value)."""
    problems, value_of_unknown, aliases = [], False, aliases or {}
    for arg in extras:
        if arg.startswith("-") and len(arg) > 1:
            name = arg.split("=", 1)[0]
            close = difflib.get_close_matches(name, list(flags) + list(aliases), n=1)
            close = [aliases.get(c, c) for c in close]
            problems.append(f"unknown flag {name}" + (f" (did you mean {close[0]}?)" if close
                                                      else ""))
            value_of_unknown = "=" not in arg
        elif value_of_unknown:
            value_of_unknown = False  # the value given to the unknown flag before it
        else:
            problems.append("an argument that no flag takes (an unquoted glob the shell "
                            "expanded into several files?)")
    return "; ".join(dict.fromkeys(problems))
