"""Counts a written row still shows, for a summary that must stay true after an erasure
(Beam-free).

A run counts, per record, structured identifiers it pseudonymized and entities it found in
text; the counts of one row are not stored. When ``forget`` removes rows it subtracts
what the rows show of those counts:

- ``structured``: one per non-empty value of a structured column, under its entity (the
  column holds the pseudonym), and one per vendor id pseudonymized whole (a vendor's
  ``conversation_id``, as ``CONVERSATION_ID``): exact;
- ``languages``: the row's ``language``;
- ``entities``, ``entities_by_field`` and ``entities_by_type_field``: in the scanned text
  fields (the texts of ``turns`` too), one per pseudonym (the record's own identifier found again counts under
  its structured type, ``EMAIL``; any other under the entity hashed as that type,
  ``EMAIL_ADDRESS``) and one per
  placeholder a REPLACE treatment or URL stripping leaves (``<PERSON>``, ``<REMOVED_URL>``);
- ``vendor_masked``: the masks a vendor left in those fields (``[PII]``), kept as they are.

What leaves no mark in a row (MASK and REDACT treatments, trimmed URL paths, dropped
fields, the format a record was read as: ``input_formats``) cannot be recounted and stays
counted; the summary says so in ``counts_after_erasure``.
"""
from __future__ import annotations

import collections
from typing import Dict, Iterable

from transforms.core.elements import ENTITIES_BY_TYPE_FIELD, type_in_field
from transforms.core.nested_values import collect_strings
from transforms.core.policy import Policy
from transforms.core.policy.identifiers import type_name
from transforms.core.pseudonym import PSEUDONYM_RE
from transforms.core.structured_fields import scanned_fields
from transforms.core.urls import REMOVED_URL, SECRET_TOKEN
from transforms.core.vendor_masks import count_masks

NOT_RECOUNTED = ("MASK and REDACT treatments, trimmed URL paths, dropped fields and the "
                 "input format of erased rows leave no mark in them and stay counted")


def _placeholders(policy: Policy) -> Dict[str, str]:
    """placeholder text -> the entity it is counted under."""
    found = {REMOVED_URL: "REMOVED_URL", SECRET_TOKEN: "SECRET_TOKEN"}
    for entity in policy.entities:
        treatment = policy.treatment(entity)
        if treatment.operator == "REPLACE":
            found[treatment.parameters.get("new_value") or f"<{entity}>"] = entity
    return found


def _text_entity(pseudonym: str, own: set, policy: Policy) -> str:
    """The entity a pseudonym found in text is counted under."""
    pseudonym_type = pseudonym.split("#", 1)[0]
    if pseudonym in own:
        return pseudonym_type  # the record's own identifier, found again in its text
    for entity in policy.entities:
        if entity != pseudonym_type and policy.pseudonym_type(entity) == pseudonym_type:
            return entity
    return pseudonym_type


def row_counts(row: dict, policy: Policy) -> Dict[str, Dict[str, int]]:
    """The counts one written row shows, in the groups of a run summary."""
    structured, entities, by_field, masked, by_type_field, languages = (
        collections.Counter() for _ in range(6))
    if isinstance(row.get("language"), str):
        languages[row["language"]] += 1
    own = set()
    for strategy in policy.field_strategies:
        value = row.get(strategy.field)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item:
                structured[strategy.entity] += 1
                own.add(item)
    strategy_fields = {s.field for s in policy.field_strategies}
    for field, value in row.items():  # a vendor's id, pseudonymized whole under its type
        if field not in strategy_fields and isinstance(value, str):
            whole = PSEUDONYM_RE.fullmatch(value)
            if whole and value.split("#", 1)[0] == type_name(field):
                structured[type_name(field)] += 1
                own.add(value)
    placeholders = _placeholders(policy)
    for field in scanned_fields(policy):
        texts = [text for _, text in collect_strings(row.get(field), numbers=False)]
        found = collections.Counter(_text_entity(m.group(0), own, policy)
                                    for text in texts for m in PSEUDONYM_RE.finditer(text))
        for placeholder, entity in placeholders.items():
            found[entity] += sum(text.count(placeholder) for text in texts)
        entities.update(found)
        for text in texts:
            masked.update(count_masks(text))
        if sum(found.values()):
            by_field[field] += sum(found.values())
        by_type_field.update({type_in_field(e, field): n for e, n in found.items()})
    return {group: dict(+counter) for group, counter in (
        ("structured", structured), ("entities", entities), ("entities_by_field", by_field),
        (ENTITIES_BY_TYPE_FIELD, by_type_field), ("languages", languages),
        ("vendor_masked", masked))
        if +counter}


def subtract(counts: dict, removed: Iterable[Dict[str, Dict[str, int]]]) -> dict:
    """``counts`` (a summary's ``counts``) less the counts of removed rows, never below 0."""
    out = {group: dict(values) for group, values in counts.items()}
    for row in removed:
        for group, values in row.items():
            bucket = out.setdefault(group, {})
            for name, n in values.items():
                left = bucket.get(name, 0) - n
                if left > 0:
                    bucket[name] = left
                else:
                    bucket.pop(name, None)
    return out
