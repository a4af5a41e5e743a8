"""Redact the free-text fields of a batch of records (Beam-free): what RedactText does
to a batch and ``hushbeam preview`` to one record.

Every scanned string of every record goes through one :meth:`TextRedactor.redact` call
(one nlp.pipe stream per language); a record's language is its own language field if
the policy has one, else detected from its texts. A field whose redacted strings no
longer fit back (a detection crossed two turns) is redacted again one turn at a time,
keeping the record's numbers and surrogates.
"""
from __future__ import annotations

from typing import List, NamedTuple, Sequence, Tuple

from transforms.core.formats.canonical import turn_texts, with_turn_texts
from transforms.core.language import detect, from_field
from transforms.core.nested_values import scanned_strings, with_scanned_strings
from transforms.core.spans import KnownIdentifier
from transforms.core.structured_fields import scanned_fields


class RecordTexts(NamedTuple):
    """One record to redact: its fields, its known identifiers, its language field's value."""

    fields: dict
    known: Sequence[KnownIdentifier]
    language_hint: object = None


class RedactedRecord(NamedTuple):
    """The record's fields with the scanned ones redacted (a new dict), its language, and
    each scanned string's TextResult with its field, in field order."""

    fields: dict
    language: str
    results: List[Tuple[str, object]]  # (field, TextResult)


def redact_records(redactor, records: Sequence[RecordTexts]) -> List[RedactedRecord]:
    """Redact the scanned fields of ``records`` with ``redactor`` (a TextRedactor)."""
    policy = redactor.policy
    kinds = {f: policy.field_kind(f) for f in scanned_fields(policy)}
    supported = [lang for lang, _ in policy.languages]
    texts, known, owners, record_langs = [], [], [], []
    for i, record in enumerate(records):
        first = len(texts)
        for field, kind in kinds.items():
            if field in record.fields:
                for text in scanned_strings(kind, record.fields[field]):
                    texts.append(text)
                    known.append(record.known)
                    owners.append((i, field))
        record_langs.append(from_field(record.language_hint, supported) or detect(
            " ".join(texts[first:]), supported, policy.language))
    groups = [i for i, _ in owners]
    scopes: dict = {}  # per record: its numbers and surrogates, kept for a retry below
    results = (redactor.redact(texts, known, groups, [record_langs[i] for i in groups],
                               scopes) if texts else [])
    by_field: dict = {}
    for owner, result in zip(owners, results):
        by_field.setdefault(owner, []).append(result)
    redacted = []
    for i, record in enumerate(records):
        fields, found = dict(record.fields), []
        for field, kind in kinds.items():
            field_results = by_field.get((i, field))
            if not field_results:
                continue
            value = with_scanned_strings(kind, fields[field], [r.text for r in field_results])
            if value is None:  # a detection crossed two turns: redact them one by one
                alone = turn_texts(fields[field])
                field_results = redactor.redact(alone, [record.known] * len(alone),
                                                [i] * len(alone),
                                                [record_langs[i]] * len(alone), scopes)
                value = with_turn_texts(fields[field], [r.text for r in field_results])
            fields[field] = value
            found.extend((field, result) for result in field_results)
        redacted.append(RedactedRecord(fields, record_langs[i], found))
    return redacted
