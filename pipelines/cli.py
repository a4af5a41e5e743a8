"""The ``hushbeam`` command (every command with an example: docs/cli.md).

    hushbeam redact --input GLOB --output DIR [...]       the batch pipeline (pipelines.redact)
    hushbeam redact --streaming --input GLOB --output DIR [...]   watch GLOB, windowed output
    hushbeam preview --input GLOB [-n 20] [--policy FILE] [--format text|json]   writes nothing
    hushbeam policy validate FILE | policy show [--effective] [FILE]
    hushbeam keys create --kms URI --out keyset.json       a new wrapped data key
    hushbeam keys rewrap --keyset FILE --kms NEW_URI       master-key rotation
    hushbeam keys vault-identity --out id.pem              a vault key pair
    hushbeam reidentify --vault DIR --identity PEM [--keyset FILE --dataset DIR] --reason TEXT P...
    hushbeam vault show --vault DIR --identity PEM --kind quarantine|dead_letters|tokens
                        --reason TEXT [--format text|json|jsonl]
    hushbeam audit show --vault DIR | audit verify --vault DIR (or --log FILE)
    hushbeam audit init --vault DIR --reason TEXT [--keyset FILE]
    hushbeam forget --dataset DIR --vault DIR --subject TYPE:VALUE...
    hushbeam subject-access --dataset DIR --subject TYPE:VALUE... [--vault DIR --identity PEM]
    hushbeam rekey --dataset DIR --vault DIR --identity PEM [--keyset FILE] --new-keyset FILE
                   --output DIR

The commands that read a vault take the keyset it was made with (``--keyset``, default:
the development keyring) and refuse a vault whose manifest does not verify under it; those
that show what a vault holds (reidentify, vault show, subject-access --identity) record the
access in its audit log first. Errors are one line on stderr and exit code 2; they never
hold a value from the data. A flag, command or choice that does not exist (abbreviations
included) is an error that names the nearest valid one; old spellings (forget and
subject-access ``--output``, now ``--dataset``) are still taken.
"""
from __future__ import annotations

import getpass
import json
import logging
import sys
from pathlib import Path
from typing import List, Optional

from pipelines import audit_listing, policy_command, vault_show
from pipelines.cli_parser import aliased, build_parser
from pipelines.console import EXPECTED_ERRORS, CommandLineError, fail, split_log_level
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


def _redact(argv: List[str]) -> int:
    # Imported here, not at the top: Beam, spaCy and Presidio take seconds to import and
    # only `redact` needs them (keys, audit, forget ... start at once).
    from pipelines.redact import redact_command

    return redact_command(argv)


def _keyset_arg(value: Optional[str]):
    return load_keyset(Path(value) if value else dev_keyset())


def _run(args) -> int:
    if args.command == "keys" and args.keys_command == "create":
        if args.version < 1:  # a keyset no command could load (its check wants 1 or more)
            raise CommandLineError(f"--version must be 1 or more (got {args.version})")
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


def _say_not_found(answer: dict) -> None:
    """A subject that matched nothing is no error (the person may not be in the data), but
    it may be misspelt: say which, by its place, never its value."""
    for i in answer.get("subjects_not_found", []):
        logging.getLogger("hushbeam").warning(
            "--subject #%d matched no row and no vault token: not in the data, erased "
            "already, or misspelt (check for a full stop, brackets or a digit too many)", i)


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
        _say_not_found(receipt)
        return 0
    if identity is not None:
        if not args.vault:
            raise SubjectError("--identity needs --vault")
        if not args.reason:
            raise AuditError("--reason is required with --identity: vault access is audited")
    if args.vault is None:  # nothing to check the parts against: say so
        logging.getLogger("hushbeam").warning(
            "without --vault the dataset's parts and summary are not authenticated (their "
            "SHA-256 is in the vault's manifest): pass --vault to refuse a forged part")
    report = (erasure.subject_access_windows if streaming else erasure.subject_access)(
        args.dataset, subjects, keyset, policy, args.vault, identity)
    if identity is not None:
        _record(args.vault, audit.AuditKey.from_keyset(keyset), args.actor,
                "subject-access", args.reason, report["pseudonyms"])
    print(json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True))
    _say_not_found(report)
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
    args = build_parser().parse_args(aliased(argv))
    if args.command == "redact":
        return _redact([])
    try:
        return _run(args)
    except EXPECTED_ERRORS + (KeyMismatch, RekeyError, OSError) as exc:
        return fail(exc)


if __name__ == "__main__":
    sys.exit(main())
