"""The bundled default policy, ``rules/default_policy.yaml``: read once, it is both the
policy used without ``--policy`` and, for a policy that says ``extends: default``, the
value of every key that policy omits. It also names the fields of a canonical record."""
from __future__ import annotations

import copy
import functools
from importlib import resources

import yaml

DEFAULT_POLICY_RESOURCE = "default_policy.yaml"
DEFAULT_POLICY_SOURCE = f"rules/{DEFAULT_POLICY_RESOURCE}"
# Sections whose keys default one by one (a policy giving only exportSchema.fields keeps
# the default excludeFields); a policy without ``extends`` sets each of their keys.
_SECTIONS = ("exportSchema", "nlp", "urlStripping")
# Mappings merged entry by entry as well: a policy that treats one entity type differently
# keeps the default's treatment (and detection) of the others. Every other key (the lists:
# customRules, structuredFields, recognizers, entityPriority, detectEntities) is taken whole.
_MERGED = _SECTIONS + ("entities",)


@functools.lru_cache(maxsize=1)
def default_policy_text() -> str:
    return resources.files("rules").joinpath(DEFAULT_POLICY_RESOURCE).read_text()


@functools.lru_cache(maxsize=1)
def _default_document() -> dict:
    return yaml.safe_load(default_policy_text())


def with_defaults(document: dict) -> dict:
    """A copy of a (canonical) policy mapping with what it omits taken from the default."""
    defaults = copy.deepcopy(_default_document())
    merged = {**defaults, **document}
    for section in _MERGED:
        if isinstance(document.get(section), dict) and isinstance(defaults.get(section), dict):
            merged[section] = {**defaults[section], **document[section]}
    return merged


# Keys a policy may leave out without ``extends``: they have no default or only describe it.
_OPTIONAL = ("version", "description")


def missing_keys(document: dict) -> list:
    """The keys (``nlp.spacyModel`` for one of a section) that a (canonical) policy
    mapping omits and the default policy sets."""
    defaults = _default_document()
    missing = [key for key in defaults if key not in document and key not in _OPTIONAL]
    for section in _SECTIONS:
        if isinstance(document.get(section), dict) and isinstance(defaults.get(section), dict):
            missing += [f"{section}.{key}" for key in defaults[section]
                        if key not in document[section]]
    return missing


@functools.lru_cache(maxsize=1)
def canonical_fields() -> frozenset:
    """The fields of a canonical conversation record: every field the default policy
    names (kept, excluded, passthrough, text, structured, and its language field). A
    format that brings a new field adds it to ``rules/default_policy.yaml``."""
    doc = _default_document()
    schema = doc["exportSchema"]
    names = set()
    for key in ("fields", "excludeFields", "passthroughFields", "textFields"):
        names.update(schema.get(key, []))
    for group in doc.get("structuredFields", []):
        names.update(f if isinstance(f, str) else f["name"] for f in group.get("fields", []))
    names.add(doc["nlp"]["languageField"])
    return frozenset(names)
