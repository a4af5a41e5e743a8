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
# keeps the default's treatment (and detection) of the others.
_MERGED = _SECTIONS + ("entities",)
# Lists of named entries merged by name: the policy's entry replaces the default's entry of
# the same name, in its place; its other entries are added. So a policy that adds a rule or
# a column never drops the default's. (structuredFields merges by field name, below.) Any
# other list (entityPriority, detectEntities) is taken whole.
_NAMED_LISTS = {"customRules": "name"}


@functools.lru_cache(maxsize=1)
def default_policy_text() -> str:
    return resources.files("rules").joinpath(DEFAULT_POLICY_RESOURCE).read_text()


@functools.lru_cache(maxsize=1)
def _default_document() -> dict:
    return yaml.safe_load(default_policy_text())


def with_defaults(document: dict) -> dict:
    """A copy of a (canonical) policy mapping that extends the default: what it omits
    taken from the default, its mappings and named lists merged into the default's."""
    defaults = copy.deepcopy(_default_document())
    merged = {**defaults, **document}
    for section in _MERGED:
        if isinstance(document.get(section), dict) and isinstance(defaults.get(section), dict):
            merged[section] = {**defaults[section], **document[section]}
    for key, name in _NAMED_LISTS.items():
        if isinstance(document.get(key), list) and isinstance(defaults.get(key), list):
            merged[key] = _by_name(defaults[key], document[key],
                                   lambda e, name=name: e.get(name) if isinstance(e, dict)
                                   else None)
    if isinstance(document.get("structuredFields"), list):
        merged["structuredFields"] = _structured_fields(defaults.get("structuredFields", []),
                                                        document["structuredFields"])
    return merged


def _by_name(base: list, own: list, name_of) -> list:
    """``base`` with each entry ``own`` names again replaced in place, then the rest of
    ``own`` (entries without a name included; validation reports those)."""
    replacing = {}
    for entry in own:
        replacing.setdefault(name_of(entry), entry)
    replacing.pop(None, None)
    out = [replacing.get(name_of(entry), entry) for entry in base]
    used = {id(entry) for entry in out}
    return out + [entry for entry in own if id(entry) not in used]


def _field_name(spec) -> object:
    return spec if isinstance(spec, str) else spec.get("name") if isinstance(spec, dict) else None


def _structured_fields(base: list, own: list) -> list:
    """The default's groups without the fields the policy lists again, then the policy's."""
    named = {_field_name(spec) for group in own if isinstance(group, dict)
             and isinstance(group.get("fields"), list) for spec in group["fields"]}
    kept = []
    for group in base:
        fields = [spec for spec in group["fields"] if _field_name(spec) not in named]
        if fields:
            kept.append({**group, "fields": fields})
    return kept + list(own)


# Keys a policy may leave out without ``extends``: they have no default or only describe it
# (csvColumns: the default maps no column; a column named like a field needs no entry;
# pseudonyms: the length is 26 unless said otherwise).
_OPTIONAL = ("version", "description", "csvColumns", "pseudonyms")


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


@functools.lru_cache(maxsize=1)
def default_entity_types() -> frozenset:
    """The entity types the default policy names (its own, such as SESSION_TOKEN, among
    them): a policy that copies an entry of the default names a known type."""
    doc = _default_document()
    names = set(doc.get("entities", {})) | set(doc.get("entityPriority", []))
    names.update(rule["entity"] for rule in doc.get("customRules", []) if "entity" in rule)
    return frozenset(str(n) for n in names)
