"""The command line as a newcomer reads it: every command's --help documents every flag with
its default (or says it is required), --version, one-line errors for a bad level or choice,
one name per thing (--dataset, the old --output still taken), no library warnings."""
from __future__ import annotations

import argparse
import concurrent.futures
import importlib.metadata
import json
import re

import pytest

from pipelines.cli_parser import build_parser
from pipelines.console import HelpFormatter
from pipelines.options import redact_parser
from tests.pipelines.hushbeam_cli import hb, keyed_workdir


def _commands(parser: argparse.ArgumentParser, path=()):
    """(command path, its parser) for every command and subcommand, leaves and groups."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield path + (name,), sub
                yield from _commands(sub, path + (name,))


COMMANDS = [path for path, _ in _commands(build_parser())]


def _documented(parser: argparse.ArgumentParser) -> list:
    """The flags of ``parser`` whose help says nothing, or neither a default nor required."""
    formatter = HelpFormatter("x")
    bad = []
    for action in parser._actions:
        if not action.option_strings or isinstance(action, (argparse._HelpAction,
                                                            argparse._VersionAction)):
            continue
        text = formatter._get_help_string(action)
        if not action.help or not ("default" in text or "required" in text):
            bad.append(action.option_strings[0])
    return bad


def test_every_command_and_subcommand_documents_every_flag_with_its_default():
    assert {("keys", "create"), ("vault", "show"), ("audit", "show"), ("policy", "validate"),
            ("policy", "show"), ("preview",), ("forget",)} <= set(COMMANDS)
    commands = dict(_commands(build_parser()))
    for path in COMMANDS:
        if path == ("redact",):
            assert _documented(redact_parser()) == []
        else:
            assert _documented(commands[path]) == [], path
    with concurrent.futures.ThreadPoolExecutor(4) as pool:  # about 3 s each: Presidio's import
        helps = list(pool.map(lambda path: hb(*path, "--help"), COMMANDS))
    for path, proc in zip(COMMANDS, helps):
        assert proc.stderr == "", (path, proc.stderr)
        assert proc.stdout.startswith(f"usage: hushbeam {' '.join(path)}"), path
        parser = redact_parser() if path == ("redact",) else commands[path]
        for action in parser._actions:
            for flag in action.option_strings:
                assert flag in proc.stdout, (path, flag)


def test_redact_help_lists_streaming_log_level_and_the_defaults():
    proc = hb("redact", "--help")
    text = " ".join(proc.stdout.split())
    assert proc.stdout.startswith("usage: hushbeam redact ")
    for flag in ("--streaming", "--log-level", "--runner", "--input-format", "--window-seconds",
                 "--max-quarantine-rate", "--kafka-topic"):
        assert flag in proc.stdout, flag
    assert "(default: 60)" in text and "(default: files)" in text
    assert "--output OUTPUT directory for the anonymized Parquet dataset (required)" in text


def test_version_is_the_installed_package_version():
    proc = hb("--version")
    assert proc.stdout.strip() == f"hushbeam {importlib.metadata.version('hushbeam')}"


def test_reason_is_shown_required_and_missing_it_is_one_line():
    usage = hb("vault", "show", "--help").stdout
    assert re.search(r"\s--reason REASON\s", usage.split("\n\n")[0])  # not [--reason ...]
    proc = hb("reidentify", "--vault", "v", "--identity", "i", "X", check=False)
    assert proc.returncode == 2 and "hushbeam reidentify: error: --reason is required" in \
        proc.stderr


def test_a_misspelt_log_level_is_an_error_naming_the_levels():
    for args in (("--log-level", "DEBG", "keys", "--help"),
                 ("redact", "--log-level=verbose", "--input", "x", "--output", "y")):
        proc = hb(*args, check=False)
        assert proc.returncode == 2 and proc.stdout == ""
        assert "is not a level; use one of DEBUG, INFO, WARNING, ERROR, CRITICAL" in \
            proc.stderr
    assert "(did you mean DEBUG?)" in hb("--log-level", "DEBG", "keys", check=False).stderr


def test_an_invalid_choice_in_redact_is_one_line_without_beams_usage(tmp_path):
    proc = hb("redact", "--input", "x", "--output", tmp_path / "o", "--input-format", "xml",
              check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "usage" not in proc.stderr
    assert "invalid choice: 'xml'" in proc.stderr and not (tmp_path / "o").exists()


def test_forget_and_subject_access_name_the_dataset_dataset_and_still_take_output():
    for command in ("forget", "subject-access"):
        usage = hb(command, "--help").stdout
        assert "--dataset DATASET" in usage and "--output OUTPUT" not in usage
    for flag in ("--dataset", "--output"):  # both reach the command (no such directory)
        proc = hb("subject-access", flag, "/nonexistent/ds", "--subject", "email:a@b.co",
                  check=False)
        assert proc.returncode == 2 and "/nonexistent/ds" in proc.stderr, proc.stderr
        assert "unknown flag" not in proc.stderr


def test_help_and_a_small_run_print_no_library_warning(tmp_path):
    assert hb("--help").stderr == ""
    env = keyed_workdir(tmp_path)
    (tmp_path / "in.jsonl").write_text(json.dumps({
        "conversation_id": "c1", "start_time": "2026-03-01T10:00:00Z", "channel": "voice",
        "transcript_text": "customer: I met John Smith at the Golden Gate Bridge and at "
                           "JFK Airport"}) + "\n")
    proc = hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "o",
              "--keyset", tmp_path / "keyset.json", "--vault-recipient",
              tmp_path / "id.pem.pub", env=env)
    assert "read 1, wrote 1" in proc.stdout
    assert [line for line in proc.stderr.splitlines() if " INFO " not in line] == []


@pytest.mark.parametrize("args", [("vault",), ("policy",), ("audit",)])
def test_a_command_group_without_its_subcommand_names_them(args):
    proc = hb(*args, check=False)
    assert proc.returncode == 2 and "COMMAND" in proc.stderr
