"""The ``hushbeam`` command line: every command, subcommand and flag, with help and defaults.

argparse without abbreviations; a misspelt flag, command or choice is an error naming the
nearest valid one; old spellings of renamed flags (:data:`ALIASES`) are still taken, never
shown. ``--log-level`` is listed on every command (``main`` takes it out before parsing).
"""
from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import re
import sys
from pathlib import Path
from typing import List, Optional

from pipelines.console import LOG_LEVEL_HELP, HelpFormatter, unknown_arguments
from pipelines.vault_show import VAULT_KINDS
from transforms.datasets import layout
from transforms.keys.kms import KMS_PROVIDERS


class Parser(argparse.ArgumentParser):
    """argparse without abbreviations, where a misspelt flag, command or choice is an error
    naming the nearest valid one (argparse alone says "unrecognized arguments")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(unknown_arguments(extras, _flags_in_use(self, parsed),
                                         _aliases_of(getattr(parsed, "command", None))))
        return parsed

    def parse_known_args(self, args=None, namespace=None):
        self._given = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message):
        if "arguments are required" in message:  # a required flag misspelt: say so
            flags = [flag for action in self._actions for flag in action.option_strings]
            unknown = [arg for arg in getattr(self, "_given", ())
                       if arg.startswith("--") and arg.split("=", 1)[0] not in flags]
            required = message.split(": ", 1)[-1]
            message = f"{required} {'are' if ', ' in required else 'is'} required"
            if unknown:
                message = (f"{unknown_arguments(unknown, flags, _aliases_of(self.prog))}; "
                           f"{message}")
        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if choice:
            close = difflib.get_close_matches(choice.group(1),
                                              re.findall(r"'([^']*)'", choice.group(2)), n=1)
            if close:
                message += f"; did you mean '{close[0]}'?"
        super().error(message)


def _flags_in_use(parser: argparse.ArgumentParser, parsed) -> List[str]:
    """The flags of ``parser`` and of the subcommands ``parsed`` went into."""
    flags = [flag for action in parser._actions for flag in action.option_strings]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(parsed, action.dest, None) or "")
            if chosen is not None:
                flags += _flags_in_use(chosen, parsed)
    return flags


def _version() -> str:
    try:
        return importlib.metadata.version("hushbeam")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout, not installed
        return "unknown (not installed)"


# Old spellings still taken (never shown): (command, old flag) -> the flag it now is.
ALIASES = {("forget", "--output"): "--dataset", ("subject-access", "--output"): "--dataset"}


def _aliases_of(command: Optional[str]) -> dict:
    """Old spelling -> flag, for ``command`` (its name, or its parser's prog)."""
    name = (command or "").split(" ")[-1]
    return {old: new for (cmd, old), new in ALIASES.items() if cmd == name}


def aliased(argv: List[str]) -> List[str]:
    """``argv`` with the old spellings of :data:`ALIASES` replaced by the current ones."""
    if not argv:
        return argv
    out = [argv[0]]
    for arg in argv[1:]:
        flag, eq, value = arg.partition("=")
        new = ALIASES.get((argv[0], flag))
        out.append(new + eq + value if new else arg)
    return out


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)  # shown on every command, parsed by main
    common.add_argument("--log-level", default=argparse.SUPPRESS, help=LOG_LEVEL_HELP)
    parser = Parser(prog="hushbeam", description="Anonymize contact-center conversation "
                     "exports: Parquet for analytics and research, identifiers in a sealed "
                     "vault.",
                     epilog="Run 'hushbeam COMMAND --help' for a command's flags; "
                     "docs/cli.md has an example of each.", parents=[common])
    parser.add_argument("--version", action="version", version=f"hushbeam {_version()}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(where, name, text, **kwargs):
        return where.add_parser(name, help=text, description=text, parents=[common], **kwargs)

    sub.add_parser("redact", help="run the redaction pipeline, batch or --streaming "
                   "(see hushbeam redact --help)", add_help=False)
    preview = command(sub, "preview", "before and after for a few records, each detection "
                      "with its type, score and recognizer; writes nothing")
    preview.add_argument("--input", required=True,
                         help="glob of export files (any format redact reads)")
    preview.add_argument("-n", "--records", type=int, default=20,
                         help="how many records to show")
    preview.add_argument("--policy", help="policy YAML/JSON (default: "
                         "rules/default_policy.yaml)")
    preview.add_argument("--keyset", help="keyset for the pseudonyms (default: the "
                         "development keyring if it exists, else placeholders are shown)")
    preview.add_argument("--input-format", default="auto", help="the input's format, as "
                         "for redact")
    preview.add_argument("--format", choices=("text", "json"), default="text",
                         help="text for a person, json for scripts")
    preview.add_argument("--spacy-model", help="spaCy model (overrides the policy's)")

    keys = command(sub, "keys", "data keys and vault identities").add_subparsers(
        dest="keys_command", required=True, metavar="COMMAND")
    create = command(keys, "create", "make a keyset: a data key wrapped by a KMS key")
    create.add_argument("--kms", required=True,
                        help=f"the master key URI: {KMS_PROVIDERS.examples()}")
    create.add_argument("--out", required=True, type=Path, help="the keyset file to write")
    create.add_argument("--version", type=int, default=1,
                        help="data key version (appears in pseudonyms as k<version>)")
    rewrap = command(keys, "rewrap", "re-wrap the data key under a new master key")
    rewrap.add_argument("--keyset", required=True, type=Path, help="the keyset to re-wrap")
    rewrap.add_argument("--kms", required=True,
                        help=f"the new master key URI: {KMS_PROVIDERS.examples()}")
    rewrap.add_argument("--out", type=Path, help="write here (default: replace --keyset)")
    ident = command(keys, "vault-identity", "make an X25519 vault key pair")
    ident.add_argument("--out", required=True, type=Path, help="private key (PEM, 0600)")
    ident.add_argument("--recipient-out", type=Path,
                       help="public key for --vault-recipient (default: <out>.pub)")

    reid = command(sub, "reidentify", "print the original values of pseudonyms (audited)")
    _vault_flags(reid)
    reid.add_argument("--dataset", type=Path,
                      help="the dataset the vault belongs to: refuse a vault that is not "
                      "its (default: not checked)")
    _who_and_why(reid, "recorded in the audit log")
    reid.add_argument("--audit-log", type=Path,
                      help=f"an extra copy of the audit entry (it always goes to "
                      f"<vault>/{layout.AUDIT_LOG}; default: none)")
    reid.add_argument("pseudonyms", nargs="+", help="the pseudonyms to look up")

    vault = command(sub, "vault", "look inside a sealed vault (audited)").add_subparsers(
        dest="vault_command", required=True, metavar="COMMAND")
    show = command(vault, "show", "print each held record (quarantine, dead letters) or "
                   "token of a vault: its id, reason and content")
    _vault_flags(show)
    show.add_argument("--kind", required=True, choices=VAULT_KINDS,
                      help="what to show: quarantined records, dead letters or the token "
                      "vault (pseudonym -> value)")
    show.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                      help="text for a person; json for scripts; jsonl: the held records "
                      "as input for 'hushbeam redact' (pseudonyms the vault holds put "
                      "back, so a second run gives the same ones)")
    _who_and_why(show, "recorded in the audit log")

    audit = command(sub, "audit", "audit log tools").add_subparsers(
        dest="audit_command", required=True, metavar="COMMAND")
    verify = command(audit, "verify", "check a vault's keyed audit log")
    verify.add_argument("--vault", type=Path,
                        help=f"the vault: checks <vault>/{layout.AUDIT_LOG} and that it was "
                        "started for this vault's run (required unless --log is given)")
    verify.add_argument("--log", type=Path, help="an audit log file (default: the vault's, "
                        f"<vault>/{layout.AUDIT_LOG})")
    verify.add_argument("--keyset", help="the vault's keyset (default: dev keyring)")
    listing = command(audit, "show", "list a vault's audit log: time, actor, action, "
                      "reason, pseudonyms (verified first)")
    listing.add_argument("--vault", type=Path, required=True, help="the vault")
    listing.add_argument("--keyset", help="the vault's keyset (default: dev keyring)")
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help="text for a person, json for scripts")
    init = command(audit, "init", "start the audit log of a vault that has none "
                   "(made before keyed audit logs)")
    init.add_argument("--vault", required=True, type=Path, help="the vault")
    init.add_argument("--keyset", help="the vault's keyset (default: dev keyring)")
    _who_and_why(init, "recorded in the log's anchor")

    policy = command(sub, "policy", "check a policy, or show it as it is applied"
                     ).add_subparsers(dest="policy_command", required=True, metavar="COMMAND")
    validate = command(policy, "validate", "check a policy file: exit 0 if valid, 2 with "
                       "the error (file, key, problem, nearest valid name)")
    validate.add_argument("file", help="the policy YAML/JSON")
    shown = command(policy, "show", "print a policy as YAML")
    shown.add_argument("file", nargs="?", help="the policy YAML/JSON (default: "
                       "rules/default_policy.yaml)")
    shown.add_argument("--effective", action="store_true",
                       help="as it is applied: extends: resolved, every key the default "
                       "gives filled in (without it: the file as written, checked)")

    for name, text in (("forget", "erase data subjects from a dataset and its vault"),
                       ("subject-access", "list everything held about data subjects")):
        cmd = command(sub, name, text)
        cmd.add_argument("--dataset", required=True, type=Path,
                         help="the dataset directory (--output, its old name, is taken too)")
        cmd.add_argument("--vault", type=Path, required=(name == "forget"),
                         help="its vault" + ("" if name == "forget"
                                             else " (default: none, only the dataset)"))
        cmd.add_argument("--subject", action="append", required=True,
                         help="TYPE:VALUE, e.g. email:jane@example.com, phone:+14155552671, "
                         "customer:CUST_1 (repeatable; required)")
        cmd.add_argument("--keyset", help="the dataset's keyset (default: dev keyring)")
        cmd.add_argument("--policy", help="the policy the dataset was made with (default: "
                         "rules/default_policy.yaml)")
        cmd.add_argument("--identity", type=Path,
                         help="vault identity: also inspect dead letters and quarantine "
                         "(forget) or list vault values (subject-access) (default: none)")
        if name == "subject-access":
            cmd.add_argument("--reason", help="why (required with --identity: audited)")
            cmd.add_argument("--actor", default=None, help="who (default: the login name)")

    rekey = command(sub, "rekey", "re-keyed copy of a dataset under a new data key")
    rekey.add_argument("--dataset", required=True, type=Path, help="the dataset to re-key")
    rekey.add_argument("--vault", required=True, type=Path, help="its vault")
    rekey.add_argument("--identity", required=True, type=Path,
                       help="the vault identity (private key PEM)")
    rekey.add_argument("--keyset", help="the dataset's current keyset (default: dev "
                       "keyring); the old vault must verify under it")
    rekey.add_argument("--new-keyset", required=True, type=Path, help="the new keyset")
    rekey.add_argument("--output", required=True, type=Path,
                       help="directory for the re-keyed dataset")
    rekey.add_argument("--vault-output", type=Path, help="the re-keyed vault (default: "
                       "<output>.vault)")
    rekey.add_argument("--vault-recipient", type=Path,
                       help="seal the new vault to this key (default: the old vault's "
                       "recipient, as its verified manifest records it)")
    return parser


def _vault_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", required=True, type=Path, help="the vault directory")
    parser.add_argument("--identity", required=True, type=Path,
                        help="the vault identity (private key PEM)")
    parser.add_argument("--keyset", help="the keyset the vault was made with (default: dev "
                        "keyring); its manifest must verify under it, and it keys the "
                        "audit log")


def _who_and_why(parser: argparse.ArgumentParser, recorded: str) -> None:
    parser.add_argument("--reason", required=True, help=f"why (required; {recorded})")
    parser.add_argument("--actor", default=None, help="who (default: the login name)")
