"""The ``hushbeam`` command: ``hushbeam redact --input GLOB --output DIR [...]``."""
from __future__ import annotations

import logging
import sys
from typing import List, Optional

USAGE = """usage: hushbeam redact --input GLOB --output DIR [--policy FILE] [--vault-output DIR]
                       [--keyset FILE] [--vault-recipient PEM] [--spacy-model NAME]
                       [--overwrite] [--log-level LEVEL] [Beam options ...]
"""


def _log_level(argv: List[str]) -> tuple:
    level, rest, it = "INFO", [], iter(argv)
    for arg in it:
        if arg == "--log-level":
            level = next(it, "INFO")
        elif arg.startswith("--log-level="):
            level = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return level.upper(), rest


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE + "\nSee README.md for the flags, the policy format and the outputs.")
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    level, rest = _log_level(rest)
    logging.basicConfig(level=getattr(logging, level, logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if command != "redact":
        print(f"hushbeam: unknown command {command!r}\n{USAGE}", file=sys.stderr)
        return 2
    if "-h" in rest or "--help" in rest:
        from pipelines.options import RedactOptions

        RedactOptions(["--help"])
        return 0
    from pipelines.redact import UsageError, run
    from transforms.keys import KeysetError
    from transforms.policy import PolicyError
    from transforms.presidio_engine import EngineError
    from transforms.sealing import SealError

    try:
        summary = run(rest)
    except (UsageError, PolicyError, KeysetError, EngineError, SealError) as exc:
        print(f"hushbeam: error: {exc}", file=sys.stderr)
        return 2
    print(f"hushbeam: read {summary['records_read']}, wrote {summary['records_written']}, "
          f"quarantined {summary['records_quarantined']}, dead-lettered "
          f"{summary['records_dead_lettered']}; summary in "
          f"{summary['output']}/_summary.json, sealed vault in {summary['vault_output']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
