"""Walk the strings inside a nested value (dicts, lists, numbers) and put them back.

RedactText scans every string of a kept field, however deep; the leak guard re-scans
them. Booleans and nulls are never personal data and are left out. What is scanned
depends on the field's kind (:func:`scanned_strings`): numbers too for free fields, only
strings for ``analytics``, and ``turns`` as one dialogue of their texts.
"""
from __future__ import annotations

from typing import Any, Iterable, List, Tuple

from transforms.core.formats.canonical import dialogue, from_dialogue, turn_texts


def scanned_strings(kind: str, value: Any) -> List[str]:
    """The strings RedactText scans in a field of this kind (see the module)."""
    if kind == "turns":
        return [dialogue(value)] if isinstance(value, list) and turn_texts(value) else []
    return [text for _, text in collect_strings(value, numbers=kind != "analytics")]


def with_scanned_strings(kind: str, value: Any, texts: List[str]) -> Any:
    """Inverse of :func:`scanned_strings`; None for turns whose redacted dialogue no
    longer splits into them (see ``canonical.from_dialogue``)."""
    if kind == "turns":
        return from_dialogue(value, texts[0])
    return replace_strings(value, texts, numbers=kind != "analytics")


def collect_strings(value: Any, path: str = "", numbers: bool = True) -> List[Tuple[str, str]]:
    """(path, string) for every string (and number, unless ``numbers`` is False) inside a
    nested value, in order."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (int, float)):
        return [(path, str(value))] if numbers else []
    if isinstance(value, dict):
        out = []
        for key in value:
            out.extend(collect_strings(value[key], f"{path}.{key}" if path else str(key),
                                       numbers))
        return out
    if isinstance(value, list):
        out = []
        for i, item in enumerate(value):
            out.extend(collect_strings(item, f"{path}[{i}]", numbers))
        return out
    return []


def replace_strings(value: Any, new: Iterable[str], numbers: bool = True) -> Any:
    """Inverse of :func:`collect_strings`: put redacted strings back, same order and shape."""
    it = iter(new)

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            return next(it)
        if isinstance(v, bool) or v is None:
            return v
        if isinstance(v, (int, float)):
            if not numbers:
                return v
            text = next(it)
            return v if text == str(v) else text
        if isinstance(v, dict):
            return {k: walk(item) for k, item in v.items()}
        if isinstance(v, list):
            return [walk(item) for item in v]
        return v

    return walk(value)
