"""Well-known names for identifiers: which pseudonym type (and normalizer) a column name
listed bare in ``structuredFields`` gets, and which type a data subject's kind
(``email:...``, ``customer:...``) means."""
from __future__ import annotations

import re
from typing import Tuple

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
