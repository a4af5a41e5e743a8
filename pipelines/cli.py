"""The ``hushbeam`` command.

    hushbeam redact --input GLOB --output DIR [...]       the batch pipeline (pipelines.redact)
    hushbeam redact --streaming --input GLOB --output DIR [...]   watch GLOB, windowed output
    hushbeam keys create --kms URI --out keyset.json       a new wrapped data key
    hushbeam keys rewrap --keyset FILE --kms NEW_URI       master-key rotation
    hushbeam keys vault-identity --out id.pem              a vault key pair
    hushbeam reidentify --vault DIR --identity PEM [--keyset FILE --dataset DIR] --reason TEXT P...
    hushbeam audit verify --vault DIR [--keyset FILE]      (or --log FILE)
    hushbeam audit init --vault DIR --reason TEXT [--keyset FILE]
    hushbeam forget --output DIR --vault DIR --subject TYPE:VALUE...
    hushbeam subject-access --output DIR --subject TYPE:VALUE... [--vault DIR --identity PEM]
    hushbeam rekey --dataset DIR --vault DIR --identity PEM [--keyset FILE] --new-keyset FILE
                   --output DIR

The commands that read a vault take the keyset it was made with (``--keyset``, default:
the development keyring) and refuse a vault whose manifest does not verify under it.
Errors are one line on stderr and exit code 2; they never hold a value from the data. A
flag, command or choice that does not exist (abbreviations included) is an error that names
the nearest valid one.
"""
from __future__ import annotations

import argparse
import difflib
import getpass
import importlib.metadata
import json
import logging
import re
import sys
from pathlib import Path
from typing import List, Optional

from pipelines.console import (EXPECTED_ERRORS, LOG_LEVEL_HELP, CommandLineError, HelpFormatter,
                              fail, split_log_level, unknown_arguments)
from pipelines import audit_listing, policy_command, vault_show
from pipelines.vault_show import VAULT_KINDS
from transforms.core.logs import configure_logging
from transforms.core.policy import load_policy
from transforms.datasets import audit, commit, erasure, layout
from transforms.datasets.audit import AuditError
from transforms.datasets.erasure import KeyMismatch
from transforms.datasets.rekey import RekeyError, rekey
from transforms.datasets.subjects import SubjectError, parse_subject
from transforms.datasets.dataset import load_summary
from transforms.datasets.vault import VaultError, VaultKey, load_manifest, token_map
from transforms.keys import keyset as keys
from transforms.keys import sealing
from transforms.keys.keyset import KeysetError, dev_keyset, load_keyset
from transforms.keys.kms import KMS_PROVIDERS


def _redact(argv: List[str]) -> int:
    # Imported here, not at the top: Beam, spaCy and Presidio take seconds to import and
    # only `redact` needs them (keys, audit, forget ... start at once).
    from pipelines.redact import redact_command

    return redact_command(argv)


def _keyset_arg(value: Optional[str]):
    return load_keyset(Path(value) if value else dev_keyset())


class _Parser(argparse.ArgumentParser):
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


def _aliased(argv: List[str]) -> List[str]:
    """``argv`` with the old spellings of :data:`ALIASES` replaced by the current ones."""
    if not argv:
        return argv
    out = [argv[0]]
    for arg in argv[1:]:
        flag, eq, value = arg.partition("=")
        new = ALIASES.get((argv[0], flag))
        out.append(new + eq + value if new else arg)
    return out


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)  # shown on every command, parsed by main
    common.add_argument("--log-level", default=argparse.SUPPRESS, help=LOG_LEVEL_HELP)
    parser = _Parser(prog="hushbeam", description=__doc__.split("\n\n")[0],
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


def _run(args) -> int:
    if args.command == "keys" and args.keys_command == "create":
        keyset = keys.create_keyset(args.kms, args.out, version=args.version)
        print(f"keyset {args.out}: key {keyset.key_id} v{keyset.version} wrapped by {args.kms}")
    elif args.command == "keys" and args.keys_command == "rewrap":
        keyset = keys.rewrap_keyset(args.keyset, args.kms, args.out)
        print(f"keyset {args.out or args.keyset}: key {keyset.key_id} v{keyset.version} now "
              f"wrapped by {args.kms}; pseudonyms unchanged")
    elif args.command == "keys":
        recipient = args.recipient_out or args.out.with_name(args.out.name + ".pub")
        if args.out.exists() or recipient.exists():
            raise KeysetError(f"{args.out} or {recipient} exists; refusing to overwrite")
        sealing.generate_identity(args.out, recipient)
        print(f"vault identity {args.out} (keep it secret); recipient {recipient} "
              "(pass it to --vault-recipient)")
    elif args.command == "audit":
        return _audit(args)
    elif args.command == "policy":
        return (policy_command.validate(args.file) if args.policy_command == "validate"
                else policy_command.show(args.file, args.effective))
    elif args.command == "vault":
        return _vault_show(args)
    elif args.command == "preview":
        from pipelines.preview import preview_command  # Presidio and spaCy: seconds to load

        return preview_command(args)
    elif args.command == "reidentify":
        return _reidentify(args)
    elif args.command in ("forget", "subject-access"):
        return _subjects(args)
    elif args.command == "rekey":
        vault_output = args.vault_output or args.output.with_name(args.output.name + ".vault")
        recipient = args.vault_recipient.read_bytes() if args.vault_recipient else None
        summary = rekey(args.dataset, args.vault, sealing.load_identity(args.identity),
                        _keyset_arg(args.keyset), keys.load_keyset(args.new_keyset),
                        args.output, vault_output, recipient)
        print(f"re-keyed {args.dataset} -> {args.output} (key {summary['key_id']} "
              f"v{summary['key_version']}): {summary['rekey_mapped_pseudonyms']} pseudonyms "
              f"mapped, {summary['rekey_unmapped_pseudonyms']} without a vault row replaced")
    return 0


def _audit(args) -> int:
    key = audit.AuditKey.from_keyset(_keyset_arg(args.keyset))
    if args.audit_command == "init":
        anchor = audit.init(args.vault, key, _vault_run(args.vault),
                            args.actor or getpass.getuser(), args.reason)
        print(f"audit log {args.vault / layout.AUDIT_LOG}: started for run {anchor['run']}, "
              f"keyed with {key.name()}")
        return 0
    if args.audit_command == "show":
        state = audit.verify(args.vault / layout.AUDIT_LOG, key, _vault_run(args.vault))
        audit_listing.show(state, args.format)
        return 0
    if not (args.log or args.vault):
        raise AuditError("audit verify needs --vault DIR (or --log FILE)")
    log = args.log or args.vault / layout.AUDIT_LOG
    state = audit.verify(log, key, _vault_run(args.vault) if args.vault else None)
    last = state.entries[-1] if state.entries else None
    print(f"audit log {log}: {len(state.entries)} entries, chain intact (keyed with "
          f"{key.name()}; started {state.anchor['created']} for run {state.anchor['run']}"
          + (f"; last entry {last['seq']}, MAC {last['mac']})" if last else ")"))
    for note in state.notes():
        print(f"note: {note}; the next access repairs it")
    return 0


def _vault_run(vault: Path) -> str:
    """The run a vault was written by: its manifest's, or a streaming job's."""
    if (vault / layout.MANIFEST).exists():
        return load_manifest(vault)["run_id"]
    windows = sorted(p.parent for p in vault.glob(layout.in_every_window(layout.MANIFEST)))
    return load_manifest(windows[0] if windows else vault)["run_id"].split(":")[0]


def _record(vault: Path, key, actor: Optional[str], action: str, reason: str,
            pseudonyms, copy: Optional[Path] = None) -> None:
    """Append the access to the vault's audit log before anything is shown; notes of an
    interrupted earlier write that was repaired go to stderr."""
    notes: list = []
    audit.append(vault / layout.AUDIT_LOG, key, actor or getpass.getuser(), action, reason,
                 pseudonyms, run_id=_vault_run(vault), copy=copy, notes=notes)
    for note in notes:
        print(f"hushbeam: audit log: {note}; repaired", file=sys.stderr)


def _reidentify(args) -> int:
    if not args.reason or not args.reason.strip():
        raise AuditError("--reason is required: re-identification is audited")
    identity = sealing.load_identity(args.identity)
    commit.recover_vault(str(args.vault))  # an interrupted commit: completed or rolled back
    vault_key, audit_key = _vault_and_audit_keys(_keyset_arg(args.keyset))
    windows = [] if (args.vault / layout.MANIFEST).exists() else sorted(
        p.parent for p in args.vault.glob(layout.in_every_window(layout.MANIFEST)))
    tokens = _verified_tokens(args, identity, vault_key, windows)
    _record(args.vault, audit_key, args.actor, "reidentify", args.reason, args.pseudonyms,
            copy=args.audit_log)  # recorded before anything is shown
    missing = 0
    for pseudonym in args.pseudonyms:
        row = tokens.get(pseudonym)
        if row is None:
            missing += 1
            run = ("job " + load_manifest(windows[0])["run_id"].split(":")[0] if windows
                   else "run " + load_manifest(args.vault)["run_id"])
            print(f"{pseudonym}\t(not in the vault of {run})")
        else:
            print(f"{pseudonym}\t{row['type']}\t{row['value']}")
    return 1 if missing else 0


def _vault_show(args) -> int:
    if not args.reason.strip():
        raise AuditError("--reason is required: vault access is audited")
    identity = sealing.load_identity(args.identity)
    vault_key, audit_key = _vault_and_audit_keys(_keyset_arg(args.keyset))
    return vault_show.show(args.vault, identity, vault_key, args.kind, args.format,
                           lambda pseudonyms: _record(args.vault, audit_key, args.actor,
                                                      f"vault-show:{args.kind}", args.reason,
                                                      pseudonyms))


def _vault_and_audit_keys(keyset: keys.Keyset) -> tuple:
    """The vault's and the audit log's keys from one unwrap of the data key (one KMS call)."""
    data_key = keys.unwrap_data_key(keyset)
    return (VaultKey(data_key, keyset.key_id, keyset.version),
            audit.AuditKey.from_data_key(data_key, keyset.key_id, keyset.version))


def _verified_tokens(args, identity, key: VaultKey, windows: list) -> dict:
    """Every token row of the vault (a streaming job's: every window, ``windows``), each
    vault verified under ``key`` and, with --dataset, checked to belong to that dataset."""
    if args.dataset is None:
        pairs = [(vault, None) for vault in windows or [args.vault]]
    elif erasure.windows_of(args.dataset):  # every committed window needs its vault
        pairs = [(args.vault / w.name, w) for w in erasure.windows_of(args.dataset)]
    elif windows:
        raise VaultError(f"{args.vault} is a streaming job's vault, {args.dataset} a batch "
                         "dataset: not its vault")
    else:
        pairs = [(args.vault, args.dataset)]
    tokens = {}
    for vault, dataset in pairs:
        run_id = load_summary(dataset)["run_id"] if dataset is not None else None
        tokens.update(token_map(vault, identity, key, run_id, dataset))
    return tokens


def _subjects(args) -> int:
    keyset, policy = _keyset_arg(args.keyset), load_policy(args.policy)
    subjects = []
    for i, spec in enumerate(args.subject, 1):
        try:
            subjects.append(parse_subject(spec, policy))
        except SubjectError as exc:
            raise SubjectError(f"--subject #{i}: {exc}") from None
    identity = sealing.load_identity(args.identity) if args.identity else None
    streaming = bool(erasure.windows_of(args.dataset))  # a streaming job: every window
    if args.command == "forget":
        receipt = (erasure.forget_windows if streaming else erasure.forget)(
            args.dataset, args.vault, subjects, keyset, policy, identity)
        print(json.dumps({k: v for k, v in receipt.items() if k != "pseudonyms"}, indent=2))
        return 0
    if identity is not None:
        if not args.vault:
            raise SubjectError("--identity needs --vault")
        if not args.reason:
            raise AuditError("--reason is required with --identity: vault access is audited")
    report = (erasure.subject_access_windows if streaming else erasure.subject_access)(
        args.dataset, subjects, keyset, policy, args.vault, identity)
    if identity is not None:
        _record(args.vault, audit.AuditKey.from_keyset(keyset), args.actor,
                "subject-access", args.reason, report["pseudonyms"])
    print(json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True))
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        level, argv = split_log_level(argv)
    except CommandLineError as exc:
        return fail(exc)
    configure_logging(getattr(logging, level))
    if argv and argv[0] == "redact":
        return _redact(argv[1:])
    args = _parser().parse_args(_aliased(argv))
    if args.command == "redact":
        return _redact([])
    try:
        return _run(args)
    except EXPECTED_ERRORS + (KeyMismatch, RekeyError, OSError) as exc:
        return fail(exc)


if __name__ == "__main__":
    sys.exit(main())
