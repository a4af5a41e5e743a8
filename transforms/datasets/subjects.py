"""Data subjects: ``email:jane@example.com``, ``phone:+1...``, ``customer:CUST_1`` -> pseudonyms,
and the rows of a dataset linked to them (Beam-free)."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple

import pyarrow as pa

from transforms.datasets.dataset import parts, read_part, text_columns
from transforms.core.nested_values import collect_strings
from transforms.core.normalize import NormalizationError
from transforms.core.policy import Policy
from transforms.core.policy.identifiers import subject_kinds, subject_type
from transforms.core.policy.names import nearest
from transforms.core.pseudonym import PSEUDONYM_RE, Pseudonymizer


class SubjectError(ValueError):
    """A subject that cannot be parsed; the message never repeats its value."""


@dataclasses.dataclass(frozen=True)
class Subject:
    kind: str  # pseudonym type
    raw: str

    def __repr__(self) -> str:  # never print the value
        return f"Subject({self.kind})"


def parse_subject(spec: str, policy: Optional[Policy] = None) -> Subject:
    """``TYPE:VALUE`` as a Subject; with a policy, TYPE must name one of the types it gives
    pseudonyms (else SubjectError with the valid types and the nearest, never the input:
    a mistyped subject may hold its value where its type should be)."""
    kind, sep, value = spec.partition(":")
    if not sep or not value.strip():
        raise SubjectError("a subject is TYPE:VALUE, e.g. email:jane@example.com")
    if policy is None:
        return Subject(subject_type(kind), value.strip())
    kinds = subject_kinds(policy.pseudonym_types)
    folded = kind.strip().lower()
    if folded not in kinds:
        close = nearest(folded, kinds)
        raise SubjectError("unknown subject type" + (f" (did you mean '{close}'?)" if close
                                                     else "")
                           + f"; the policy {policy.source} gives pseudonyms to: "
                           + ", ".join(kinds))
    return Subject(kinds[folded], value.strip())


def subject_pseudonyms(subjects: Sequence[Subject], policy: Policy,
                       pseudonymizer: Pseudonymizer) -> Set[str]:
    return set(each_pseudonym(subjects, policy, pseudonymizer))


def each_pseudonym(subjects: Sequence[Subject], policy: Policy,
                   pseudonymizer: Pseudonymizer) -> List[str]:
    """The pseudonym of each subject, in order."""
    out = []
    for subject in subjects:
        try:
            out.append(pseudonymizer.pseudonymize(subject.kind,
                                                  policy.normalizer(subject.kind),
                                                  subject.raw))
        except NormalizationError:
            raise SubjectError(f"the {subject.kind} subject cannot be normalized") from None
    return out


def not_found(pseudonyms: Sequence[str], present: Set[str]) -> List[int]:
    """The places (1-based, as ``--subject #N`` says) of the subjects whose pseudonym is
    not ``present``: a subject misspelt, or not in the data. Never their values."""
    return [i for i, pseudonym in enumerate(pseudonyms, 1) if pseudonym not in present]


def row_pseudonyms(row: Dict[str, object], columns: Sequence[str]) -> Set[str]:
    """Pseudonyms in a row's columns, nested ones (the texts of ``turns``) included."""
    found = set()
    for column in columns:
        for _, text in collect_strings(row.get(column), numbers=False):
            found.update(PSEUDONYM_RE.findall(text))
    return found


def linked_rows(dataset: Path, pseudonyms: Set[str], structured: Sequence[str],
                pins: Optional[Dict[str, str]] = None
                ) -> Tuple[Dict[Path, List[int]], Set[str]]:
    """Row indices per part that mention any of the pseudonyms anywhere, and the
    pseudonyms linked to the subject (the given ones and those found beside them).

    Linking is transitive through the structured columns: a row matched by the email
    brings in the phone and customer id of that row, and so the rows carrying those.
    ``pins``: the parts' SHA-256 as the verified vault manifest records them (each part is
    read once and refused if its bytes are not those, see :func:`dataset.read_part`).
    """
    wanted = set(pseudonyms)
    tables = {path: read_part(path, pins) for path in parts(dataset, pins)}
    while True:
        matches: Dict[Path, List[int]] = {}
        grown = set(wanted)
        for path, table in tables.items():
            columns = text_columns(table)
            for i, row in enumerate(table.to_pylist()):
                if row_pseudonyms(row, columns) & wanted:
                    matches.setdefault(path, []).append(i)
                    grown |= row_pseudonyms(row, [c for c in structured if c in columns])
        if grown == wanted:
            return matches, wanted
        wanted = grown


def without_rows(table: pa.Table, drop: Sequence[int]) -> pa.Table:
    keep = [i for i in range(table.num_rows) if i not in set(drop)]
    return table.take(pa.array(keep, type=pa.int64()))
