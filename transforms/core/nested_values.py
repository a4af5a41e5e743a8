"""Walk the strings inside a nested value (dicts, lists, numbers) and put them back.

RedactText scans every string of a kept field, however deep; the leak guard re-scans
them. Booleans and nulls are never personal data and are left out.
"""
from __future__ import annotations

from typing import Any, Iterable, List, Tuple


def collect_strings(value: Any, path: str = "") -> List[Tuple[str, str]]:
    """(path, string) for every string or number inside a nested value, in order."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (int, float)):
        return [(path, str(value))]
    if isinstance(value, dict):
        out = []
        for key in value:
            out.extend(collect_strings(value[key], f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list):
        out = []
        for i, item in enumerate(value):
            out.extend(collect_strings(item, f"{path}[{i}]"))
        return out
    return []


def replace_strings(value: Any, new: Iterable[str]) -> Any:
    """Inverse of :func:`collect_strings`: put redacted strings back, same order and shape."""
    it = iter(new)

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            return next(it)
        if isinstance(v, bool) or v is None:
            return v
        if isinstance(v, (int, float)):
            text = next(it)
            return v if text == str(v) else text
        if isinstance(v, dict):
            return {k: walk(item) for k, item in v.items()}
        if isinstance(v, list):
            return [walk(item) for item in v]
        return v

    return walk(value)
