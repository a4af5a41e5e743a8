"""The hand-written French probe through the real TextRedactor, as French records.

Each line of ``french_probe.txt`` is ``text | must go; ... | must stay; ...`` (contact-centre
turns, lowercase, no punctuation, as speech recognition writes them). Prints each line
redacted with what leaked and what was lost, then the counts. Hand-written, not an
evaluation corpus. Usage: ``PYTHONPATH=. python -m tests.evaluation.french_probe [FILE]``.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from transforms.core.policy import load_policy
from transforms.core.presidio_engine import build_analyzer
from transforms.core.pseudonym import Pseudonymizer
from transforms.core.text_redactor import TextRedactor
from transforms.keys.keyset import create_keyset, load_keyset, unwrap_data_key

PROBE = Path(__file__).with_name("french_probe.txt")


def read(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, go, stay = (part.strip() for part in line.split("|"))
            yield text, [g for g in go.split(";") if g], [s for s in stay.split(";") if s]


def _present(phrase: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def main(path: Path = PROBE) -> None:
    rows = list(read(path))
    policy = load_policy()
    with tempfile.TemporaryDirectory() as home:
        create_keyset(f"local://{home}/master.key", Path(home) / "keyset.json")
        keyset = load_keyset(Path(home) / "keyset.json")
        redactor = TextRedactor(policy, Pseudonymizer(unwrap_data_key(keyset), keyset.version,
                                                      policy.default_region),
                                build_analyzer(policy))
        outs = [r.text for r in redactor.redact([r[0] for r in rows], [[] for _ in rows],
                                                languages=["fr"] * len(rows))]
    leaked = lost = 0
    for (_, go, stay), out in zip(rows, outs):
        left = [g for g in go if _present(g, out)]
        gone = [s for s in stay if not _present(s, out)]
        leaked, lost = leaked + len(left), lost + len(gone)
        flag = ("LEAK " if left else "") + ("LOST " if gone else "") or "ok   "
        print(flag + out + (f"   leak={left}" if left else "") + (f"   lost={gone}" if gone else ""))
    print(f"lines={len(rows)} must-go={sum(len(r[1]) for r in rows)} leaked={leaked} "
          f"must-stay={sum(len(r[2]) for r in rows)} lost={lost}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else PROBE)
