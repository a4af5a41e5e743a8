"""Reading a vendor's fields that hold personal data (Beam-free): phone numbers out of
``tel:`` and ``sip:`` addresses, emails, display names worth finding again in the text,
times, and the stand-in id of a document that has none.

Nothing here keeps a vendor's value as it is: an address that is neither a phone number
nor an email (a ``sip:`` device on an IP address) gives nothing.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import math
import re
from typing import Any, Iterable, List, Optional, Tuple

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"\+?[\d\s().\-]{6,}")
_MIN_PHONE_DIGITS = 6
_VENDOR_MASK = re.compile(r"\[[A-Z_]+\]")
_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_'\-]*")
# Display names that are roles or placeholders, not people; and words a name is not.
_NOT_NAMES = {
    "customer", "agent", "system", "system_message", "bot", "user", "caller", "client",
    "visitor", "guest", "anonymous", "unknown", "participant", "chat", "queue", "ivr",
    "support", "team", "external", "internal", "acd", "workflow", "supervisor", "mr",
    "mrs", "ms", "miss", "dr", "jr", "sr", "the", "and", "of",
    # words of hushbeam's placeholders and the vendors' masks (<PERSON>, [NAME])
    "person", "name", "location", "address", "number", "phone", "email", "pii", "secret",
    "token", "date",
}


def phone_of(address: Any) -> Optional[str]:
    """The phone number of a ``tel:``/``sip:`` address or a bare number (``+1 317...``),
    without the scheme, host and parameters; None if it holds no phone number."""
    if not isinstance(address, str):
        return None
    value = address.strip()
    scheme, sep, rest = value.partition(":")
    if sep and scheme.lower() in ("tel", "sip", "sips"):
        value = rest
    value = value.split(";", 1)[0].split("@", 1)[0].strip()
    if not _PHONE.fullmatch(value):
        return None
    digits = re.sub(r"\D", "", value)
    if len(digits) < _MIN_PHONE_DIGITS:
        return None
    return ("+" if value.startswith("+") else "") + digits


def email_of(address: Any) -> Optional[str]:
    """The email of an address (``mailto:`` dropped); None for ``sip:`` and anything else."""
    if not isinstance(address, str):
        return None
    value = address.strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if value.lower().startswith(("sip:", "sips:")) or not _EMAIL.fullmatch(value):
        return None
    return value


def display_names(values: Iterable[Any]) -> Tuple[str, ...]:
    """Names worth finding again in the text: each display name, and each word of it that
    is not a role or a title; placeholders (``Customer``, ``SYSTEM_MESSAGE``, ``[PII]``),
    numbers and emails are left out."""
    out: List[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            continue
        value = " ".join(value.split())
        if (value.lower() in _NOT_NAMES or "_" in value or _VENDOR_MASK.search(value)
                or email_of(value) or phone_of(value)):
            continue
        words = [w for w in _NAME_TOKEN.findall(value)
                 if len(w) >= 2 and w.lower() not in _NOT_NAMES]
        if not words:
            continue
        out.extend([value] + words)
    return distinct(out)


def distinct(values: Iterable[Any]) -> tuple:
    """Values without repeats (case-insensitive for strings), in order; Nones dropped."""
    seen, out = set(), []
    for value in values:
        key = value.casefold() if isinstance(value, str) else value
        if value is not None and key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)


def one_or_many(values: Iterable[Any]) -> Any:
    """None, the one value, or the list of distinct values (a column holds any of them)."""
    values = distinct(values)
    if not values:
        return None
    return values[0] if len(values) == 1 else list(values)


def iso_from_epoch_ms(value: Any) -> Optional[str]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        moment = datetime.datetime.fromtimestamp(value / 1000, datetime.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def epoch_ms(value: Any) -> Optional[int]:
    """Milliseconds since the epoch of an ISO-8601 time (``2022-10-27T03:31:50.735Z``)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp() * 1000)


_INT64 = (-(2 ** 63), 2 ** 63 - 1)


def whole_ms(value: Any) -> Optional[int]:
    """A vendor's millisecond number as an int (None if it is not a number, or not one an
    int64 column holds)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    number = int(value)
    return number if _INT64[0] <= number <= _INT64[1] else None


def text_of(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value.strip() else None


def stand_in_id(document: Any) -> str:
    """An id for a document that carries none: a digest of its content (pseudonymized
    downstream like any vendor id, so equal documents get one id)."""
    blob = json.dumps(document, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return "sha256:" + hashlib.sha256(blob).hexdigest()[:32]
