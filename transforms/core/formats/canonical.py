"""The canonical record every format produces: its field names, and its dialogue as
``turns``, a list of ``{role, begin_ms, text}`` (Beam-free).

``role`` is one of :data:`ROLES` (a vendor's role or purpose mapped by :func:`role`, never
copied), ``begin_ms`` an integer offset from the start of the conversation, ``text`` what
was said or written (the only part of a turn that is scanned).
"""
from __future__ import annotations

from typing import Any, Iterable, List, Optional

from transforms.core.policy.defaults import canonical_fields

# Field names a canonical record may carry: those rules/default_policy.yaml names (it keeps,
# excludes or hashes each), read from there so that the formats and the policy's checks
# agree; a format that brings a new field adds it to that file.
FIELDS = tuple(sorted(canonical_fields()))
TURNS = "turns"
TURN_KEYS = ("role", "begin_ms", "text")
ROLES = ("agent", "customer", "system", "bot", "supervisor", "other")
CHANNELS = ("voice", "chat", "email", "message", "callback", "video", "other")

_ROLE_OF = {  # a vendor's role or participant purpose, lowercased -> canonical role
    "agent": "agent", "internal": "agent", "user": "agent",
    "customer": "customer", "external": "customer", "end_user": "customer",
    "system": "system", "acd": "system", "workflow": "system",
    "bot": "bot", "custom_bot": "bot", "ivr": "bot", "virtual_agent": "bot",
    "supervisor": "supervisor",
}


def role(vendor_role: Any) -> str:
    """The canonical role of a vendor's role name (``AGENT``, ``external``...); ``other``
    for anything unknown, so a vendor's value is never copied."""
    if not isinstance(vendor_role, str):
        return "other"
    return _ROLE_OF.get(vendor_role.strip().lower(), "other")


_CHANNEL_OF = {"call": "voice", "phone": "voice", "sms": "message", "webchat": "chat",
               "messaging": "message", "screenshare": "video", "cobrowse": "video"}


def channel(vendor_channel: Any) -> Optional[str]:
    """The canonical channel of a vendor's channel or media type (``VOICE``, ``call``,
    ``chat``...); ``other`` for anything unknown, None for nothing."""
    if not isinstance(vendor_channel, str) or not vendor_channel.strip():
        return None
    name = vendor_channel.strip().lower()
    name = _CHANNEL_OF.get(name, name)
    return name if name in CHANNELS else "other"


def turn(role_name: str, begin_ms: Optional[int], text: str) -> dict:
    return {"role": role_name, "begin_ms": begin_ms, "text": text}


def turns_problem(value: Any) -> bool:
    """Whether a ``turns`` value is not a list of ``{role, begin_ms, text}`` (each optional)."""
    if not isinstance(value, list):
        return True
    for item in value:
        if not isinstance(item, dict) or set(item) - set(TURN_KEYS):
            return True
        begin = item.get("begin_ms")
        if begin is not None and (isinstance(begin, bool) or not isinstance(begin, int)):
            return True
        if any(item.get(k) is not None and not isinstance(item[k], str)
               for k in ("role", "text")):
            return True
    return False


def dialogue(turns: Iterable[dict]) -> str:
    """The turns as one text, a ``role: text`` line per turn (as a transcript is written):
    what RedactText scans, so that an answer is read with its question ("date of birth?"
    / "August 19, 2020"). Roles and offsets are never scanned."""
    return "\n".join(f"{t.get('role') or 'other'}: {t['text']}"
                     for t in turns if isinstance(t.get("text"), str))


def from_dialogue(turns: List[dict], text: str) -> Optional[List[dict]]:
    """``turns`` with the texts of a redacted :func:`dialogue`; None if the redaction
    crossed a line or changed a role, and the turns must be redacted one by one."""
    lines = text.split("\n")
    texts = []
    for t in turns:
        if not isinstance(t.get("text"), str):
            continue
        count = t["text"].count("\n") + 1
        prefix = f"{t.get('role') or 'other'}: "
        if len(lines) < count or not lines[0].startswith(prefix):
            return None
        texts.append("\n".join([lines[0][len(prefix):]] + lines[1:count]))
        lines = lines[count:]
    return with_turn_texts(turns, texts) if not lines else None


def turn_texts(turns: Iterable[dict]) -> List[str]:
    """The texts of a turns value, in order."""
    return [t["text"] for t in turns if isinstance(t.get("text"), str)]


def with_turn_texts(turns: Iterable[dict], texts: Iterable[str]) -> List[dict]:
    """``turns`` with their texts replaced, in the order :func:`turn_texts` gave them."""
    it = iter(texts)
    return [dict(t, text=next(it)) if isinstance(t.get("text"), str) else dict(t)
            for t in turns]
