"""The names a policy may use, each taken from one place, and the nearest valid name to
offer for a typo.

* Entity types: Presidio's predefined recognizers (read from the installed Presidio),
  hushbeam's registered recognizers (``transforms.core.recognizers.registry``), the
  pseudonym types hushbeam knows (``identifiers``), ``SECRET`` and the types the default
  policy names; a policy adds its own custom rules' and structured fields' entities.
* Fields of a canonical conversation record: the names the bundled default policy uses
  (``defaults.canonical_fields``).
"""
from __future__ import annotations

import difflib
import functools
import inspect
import re
from typing import FrozenSet, Iterable, Optional

from transforms.core.policy.defaults import canonical_fields, default_entity_types
from transforms.core.policy.identifiers import OWN_ENTITIES, SUBJECT_KINDS, known_column_types

_COUNTRY = re.compile(r"[a-z]{2}_")

__all__ = ["builtin_entities", "canonical_fields", "light_entities", "nearest",
           "presidio_entities", "registered_entities"]


@functools.lru_cache(maxsize=1)
def presidio_entities() -> FrozenSet[str]:
    """Every entity type a predefined recognizer of the installed Presidio supports."""
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer import predefined_recognizers

    found = set()
    for name in getattr(predefined_recognizers, "__all__", dir(predefined_recognizers)):
        cls = getattr(predefined_recognizers, name, None)
        if not (inspect.isclass(cls) and issubclass(cls, EntityRecognizer)):
            continue
        for attr in ("ENTITIES", "SUPPORTED_ENTITIES"):  # NER recognizers list them
            value = getattr(cls, attr, None)
            if isinstance(value, (list, tuple, dict)):
                found.update(str(e) for e in value)
        params = inspect.signature(cls.__init__).parameters
        for param in ("supported_entity", "supported_entities"):  # pattern recognizers
            default = params[param].default if param in params else None
            if isinstance(default, str):
                found.add(default)
            elif isinstance(default, (list, tuple)):
                found.update(str(e) for e in default)
    return frozenset(found)


def registered_entities() -> FrozenSet[str]:
    """The entity types of hushbeam's registered recognizers (read each time: a
    recognizer may be registered after the first policy is loaded)."""
    from transforms.core.recognizers.registry import ANY, registered

    found = set()
    for registration in registered():
        language = "en" if registration.languages == ANY else registration.languages[0]
        found.update(registration.factory(language).supported_entities)
    return frozenset(found)


def light_entities() -> FrozenSet[str]:
    """The entity types of :func:`builtin_entities` known without importing Presidio."""
    return (frozenset(SUBJECT_KINDS.values()) | known_column_types() | frozenset(OWN_ENTITIES)
            | default_entity_types())


def builtin_entities() -> FrozenSet[str]:
    """Entity types any policy may name (a policy adds its own rules' and columns')."""
    return presidio_entities() | registered_entities() | light_entities()


def nearest(name: object, candidates: Iterable[str], cutoff: float = 0.6,
            prefer: Iterable[str] = ()) -> Optional[str]:
    """The candidate closest to ``name`` (ignoring case), or None if none is close. A
    country-specific entity type is also compared without its country (``US_PASSPORT`` as
    ``PASSPORT``), so ``PASSPORT_NUMBR`` finds a passport; of equally close candidates,
    one in ``prefer`` (the names the policy uses) wins."""
    target, prefer = str(name).casefold(), set(prefer)
    best, best_score = None, (cutoff, False)
    for candidate in sorted(set(candidates)):
        folded = candidate.casefold()
        forms = [folded] + ([folded[3:]] if _COUNTRY.match(folded) else [])
        score = (max(difflib.SequenceMatcher(None, target, form).ratio() for form in forms),
                 candidate in prefer)
        if score[0] >= cutoff and (best is None or score > best_score):
            best, best_score = candidate, score
    return best
