"""The bundled default policy, ``rules/default_policy.yaml``: read once, it is both the
policy used without ``--policy`` and the value of every key another policy omits."""
from __future__ import annotations

import copy
import functools
from importlib import resources

import yaml

DEFAULT_POLICY_RESOURCE = "default_policy.yaml"
DEFAULT_POLICY_SOURCE = f"rules/{DEFAULT_POLICY_RESOURCE}"
# Mappings whose keys default one by one (a policy giving only exportSchema.fields keeps
# the default excludeFields); every other key is taken whole.
_SECTIONS = ("exportSchema", "nlp", "urlStripping")


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
    for section in _SECTIONS:
        if isinstance(document.get(section), dict) and isinstance(defaults.get(section), dict):
            merged[section] = {**defaults[section], **document[section]}
    return merged
