"""Per-record field logic (Beam-free): the export schema and structured pseudonyms."""
from __future__ import annotations

import collections
from typing import Iterable, List, Tuple

from transforms.core.normalize import NormalizationError, normalize, normalize_id_casefold
from transforms.core.operators import Detection, VaultRow, get_operator
from transforms.core.policy import FieldStrategy, Policy
from transforms.core.policy.identifiers import type_name
from transforms.core.pseudonym import Pseudonymizer
from transforms.core.spans import KnownIdentifier


class IllTypedField(ValueError):
    """A structured identifier that is neither a string, a number nor a list of them."""

    def __init__(self, field: str):
        super().__init__(f"ill_typed_field:{field}")
        self.reason = f"ill_typed_field:{field}"


SECRET = "SECRET"  # entity of an excluded field's value found again in free text
_MIN_SECRET_CHARS = 8


def select_fields(fields: dict, policy: Policy
                  ) -> Tuple[dict, collections.Counter, List[KnownIdentifier]]:
    """Keep the allow-listed fields, drop excluded ones; counts what was dropped.

    The string values of excluded fields (session tokens, recording links) come back as
    known secrets, so that RedactText removes them where they are pasted into text.
    """
    allowed = set(policy.output_fields)
    kept = {k: v for k, v in fields.items() if k in allowed}
    dropped = collections.Counter()
    secrets = []
    for key, value in fields.items():
        if key in allowed:
            continue
        excluded = key in policy.exclude_fields
        dropped["excluded" if excluded else "not_allow_listed"] += 1
        if excluded and isinstance(value, str) and len(value.strip()) >= _MIN_SECRET_CHARS:
            secrets.append(KnownIdentifier(SECRET, "secret", value.strip()))
    return kept, dropped, secrets


def scanned_fields(policy: Policy) -> Tuple[str, ...]:
    """Kept fields that are scanned as free text: all but passthrough and structured ones."""
    structured = {s.field for s in policy.field_strategies}
    return tuple(f for f in policy.output_fields
                 if f not in structured and f not in policy.passthrough_fields)


def vendor_id_strategies(policy: Policy, id_fields: Iterable[str]) -> Tuple[FieldStrategy, ...]:
    """How the fields a vendor format marked as its own ids are pseudonymized, unless the
    policy pseudonymizes them already: TOKEN, typed by field (``CONVERSATION_ID``)."""
    own = {s.field for s in policy.field_strategies}
    return tuple(FieldStrategy(f, type_name(f), policy.normalizer(type_name(f)), "TOKEN")
                 for f in id_fields if f not in own)


def pseudonymize_fields(fields: dict, policy: Policy, pseudonymizer: Pseudonymizer,
                        id_fields: Iterable[str] = ()
                        ) -> Tuple[dict, List[KnownIdentifier], List[str], collections.Counter,
                                   List[VaultRow]]:
    """Replace structured identifiers (and a vendor's ``id_fields``) by pseudonyms.

    Returns (fields, known identifiers for the text stage, raw values for the leak
    guard, counts, vault tokens). Raises IllTypedField for a dict or other odd value.
    """
    out = dict(fields)
    known: List[KnownIdentifier] = []
    raw_values: List[str] = []
    tokens: List[VaultRow] = []
    counts = collections.Counter()
    for strategy in policy.field_strategies + vendor_id_strategies(policy, id_fields):
        operator = get_operator(strategy.operator)
        normalizer = policy.normalizer(strategy.entity)
        value = fields.get(strategy.field)
        if value is None or value == "":
            continue
        values = value if isinstance(value, list) else [value]
        pseudonyms = []
        for item in values:
            if isinstance(item, bool) or not isinstance(item, (str, int)):
                raise IllTypedField(strategy.field)
            raw = str(item)
            if not raw.strip():
                pseudonyms.append(None)
                continue
            canonical, fallback = _canonical(normalizer, raw, policy.default_region)
            treated = operator.treat(Detection(raw, strategy.entity, strategy.entity,
                                               normalizer, canonical=canonical),
                                     {}, pseudonymizer)
            pseudonyms.append(treated.text)
            known.append(KnownIdentifier(strategy.entity, normalizer, canonical))
            raw_values.append(raw.strip())
            counts[strategy.entity] += 1
            if fallback:
                counts[f"{strategy.entity}_unnormalized"] += 1
            if treated.vault_row:
                tokens.append(treated.vault_row)
        out[strategy.field] = pseudonyms if isinstance(value, list) else pseudonyms[0]
    return out, known, raw_values, counts, tokens


def _canonical(normalizer: str, raw: str, region: str) -> Tuple[str, bool]:
    try:
        return normalize(normalizer, raw, region), False
    except NormalizationError:  # unusable as its type: hashed as a case-folded id
        return normalize_id_casefold(raw), True
