"""Well-known names for identifiers: which pseudonym type (and normalizer) a column name
listed bare in ``structuredFields`` gets, and which type a data subject's kind
(``email:...``, ``customer:...``) means."""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, Iterable, Tuple

# column name, lowercased -> (pseudonym type, normalizer)
KNOWN_COLUMNS = {
    "phonenumber": ("PHONE", "phone"), "phone": ("PHONE", "phone"),
    "phone_number": ("PHONE", "phone"), "emailaddress": ("EMAIL", "email"),
    "email": ("EMAIL", "email"), "email_address": ("EMAIL", "email"),
    "customerid": ("CUSTOMER_ID", "id_exact"), "customer_id": ("CUSTOMER_ID", "id_exact"),
}
# subject kind, lowercased -> pseudonym type; any other kind is its own type, uppercased
SUBJECT_KINDS = {"email": "EMAIL", "phone": "PHONE", "customer": "CUSTOMER_ID",
                 "customer_id": "CUSTOMER_ID", "customerid": "CUSTOMER_ID",
                 "policy": "POLICY_ACCOUNT_ID", "account": "POLICY_ACCOUNT_ID"}
# Entity types hushbeam itself gives a span: an excluded field's value found again in text
# (``structured_fields.SECRET``).
OWN_ENTITIES = ("SECRET",)


def type_name(name: str) -> str:
    """A name as a pseudonym type: ``Customer Ids`` -> ``CUSTOMER_IDS``."""
    return re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")


def column_identity(column: str) -> Tuple[str, str]:
    """(pseudonym type, normalizer) of a column listed by name alone."""
    entity, normalizer = KNOWN_COLUMNS.get(column.lower(), (None, "id_exact"))
    return entity or type_name(column), normalizer


def subject_type(kind: str) -> str:
    """The pseudonym type a subject kind names (``customer`` -> ``CUSTOMER_ID``)."""
    kind = kind.strip()
    return SUBJECT_KINDS.get(kind.lower(), kind.upper())


def known_column_types() -> FrozenSet[str]:
    """The pseudonym types of the columns known by name."""
    return frozenset(entity for entity, _ in KNOWN_COLUMNS.values())


def subject_kinds(types: Iterable[str]) -> Dict[str, str]:
    """The subject kinds (lowercase) that name one of these pseudonym types -> the type:
    each type by its own name (``customer_id``) and by its short names (``customer``)."""
    types = set(types)
    kinds = {kind: t for kind, t in SUBJECT_KINDS.items() if t in types}
    kinds.update((t.lower(), t) for t in types)
    return dict(sorted(kinds.items()))
