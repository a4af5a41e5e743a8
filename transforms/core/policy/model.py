"""The parsed policy as frozen dataclasses, and the one place that answers what treatment
an entity or a field gets: its operator (:meth:`Policy.treatment`), the type its
pseudonym carries (:meth:`Policy.pseudonym_type`) and how that type is normalized
(:meth:`Policy.normalizer`). Text redaction, structured fields, subject look-ups and the
leak guard all ask here, so a value gets one pseudonym wherever it is found.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Dict, Optional, Tuple

from transforms.core.operators import DEFAULT_NORMALIZER, pseudonymizing_names
from transforms.core.pseudonym import LENGTH as PSEUDONYM_LENGTH

# Canonical fields whose type we know; every other kept field is stored as a string.
# ``turns`` is a list of {role, begin_ms, text}: only the texts are scanned; in
# ``analytics`` (a vendor's metrics) only the strings, numbers stay numbers.
_FIELD_KINDS = {"sentiment_score": "float", "turns": "turns", "analytics": "analytics"}


@dataclasses.dataclass(frozen=True)
class FieldStrategy:
    """How one structured identifier column is pseudonymized."""

    field: str
    entity: str  # pseudonym type, e.g. EMAIL; shared with the text recognizers
    normalizer: str  # one of operators.NORMALIZERS
    operator: str = "HASH"  # a pseudonymizing operator


@dataclasses.dataclass(frozen=True)
class CustomRule:
    """A regex recognizer added to Presidio (one pattern, one entity)."""

    name: str
    entity: str
    pattern: str
    score: float = 0.9
    case_sensitive: bool = False
    context: tuple = ()
    replacement: Optional[str] = None  # the rule's replacementType, if it names one


@dataclasses.dataclass(frozen=True)
class EntityTreatment:
    """The operator an entity type gets, with the parameters that operator validated."""

    operator: str  # a registered operator name
    params: Tuple[Tuple[str, Any], ...] = ()  # (Presidio parameter name, value), sorted
    min_score: Optional[float] = None  # detection threshold for this type (else global)

    @property
    def parameters(self) -> Dict[str, Any]:
        return dict(self.params)

    @property
    def normalizer(self) -> Optional[str]:
        """For a keyed operator: how the value is normalized before hashing."""
        return self.parameters.get("normalizer")

    @property
    def pseudonym_type(self) -> Optional[str]:
        """For a keyed operator: the type it hashes as (EMAIL_ADDRESS as EMAIL)."""
        return self.parameters.get("pseudonym_type")


@dataclasses.dataclass(frozen=True)
class Policy:
    source: str
    digest: str
    keep_fields: tuple
    exclude_fields: tuple
    passthrough_fields: tuple
    text_fields: tuple
    field_strategies: tuple  # of FieldStrategy
    entities: tuple  # Presidio entity types to detect in text
    entity_priority: tuple  # earlier wins when detections overlap
    treatments: tuple  # of (entity, EntityTreatment), sorted by entity
    default_treatment: EntityTreatment
    custom_rules: tuple  # of CustomRule
    score_threshold: float
    default_region: str
    language: str  # the default language
    spacy_model: str  # its spaCy model
    other_languages: tuple  # of (language, spaCy model), chosen per record
    language_field: str  # record field that names a record's language, if present
    strip_url_params: tuple  # query keys that make a URL a secret-bearing link
    strip_url_markers: tuple  # path words that make a URL a recording/media link
    csv_columns: tuple = ()  # (CSV/TSV column header, canonical field) for the csv-tsv format
    pseudonym_length: int = PSEUDONYM_LENGTH  # base32 characters of a pseudonym's body

    def treatment(self, entity: str) -> EntityTreatment:
        """The operator an entity type found in text gets (never "keep")."""
        for name, treatment in self.treatments:
            if name == entity:
                return treatment
        return self.default_treatment

    def pseudonym_type(self, entity: str) -> str:
        """The type an entity's pseudonym carries: its ``pseudonymType``, else its name."""
        return self.treatment(entity).pseudonym_type or entity

    def normalizer(self, pseudonym_type: str) -> str:
        """How values of a pseudonym type are normalized before hashing, wherever found.

        One answer per type, so that a value has one pseudonym in its column, in text and
        in a subject look-up: the structured field's normalizer, else that of the first
        keyed entity (by name) hashed as this type, else the default treatment's.
        """
        for strategy in self.field_strategies:
            if strategy.entity == pseudonym_type:
                return strategy.normalizer
        for name, treatment in self.treatments:
            if treatment.normalizer and (treatment.pseudonym_type or name) == pseudonym_type:
                return treatment.normalizer
        return self.default_treatment.normalizer or DEFAULT_NORMALIZER

    @property
    def operators_used(self) -> frozenset:
        """The names of the operators this policy applies (entities and default)."""
        return frozenset([self.default_treatment.operator]
                         + [t.operator for _, t in self.treatments])

    @property
    def pseudonym_types(self) -> frozenset:
        """The types this policy gives keyed pseudonyms: its structured columns' and those
        of the entities a keyed operator treats (with a keyed default treatment, those of
        every entity it detects). A data subject must be of one of them."""
        keyed = pseudonymizing_names()
        types = {s.entity for s in self.field_strategies}
        types.update(self.pseudonym_type(name) for name, treatment in self.treatments
                     if treatment.operator in keyed)
        if self.default_treatment.operator in keyed:
            types.update(self.pseudonym_type(name) for name in self.entities)
        return frozenset(types)

    @property
    def pseudonym_settings(self) -> dict:
        """What a value's pseudonym depends on besides the key and its length: the phone
        region, the normalizer of each pseudonym type and the structured columns. Each
        run's summary records it, so that ``forget`` and ``subject-access`` given another
        policy refuse rather than hash a subject into a pseudonym the dataset never had."""
        return {"default_region": self.default_region,
                "normalizers": {t: self.normalizer(t) for t in sorted(self.pseudonym_types)},
                "structured_fields": {s.field: s.entity for s in self.field_strategies}}

    @property
    def languages(self) -> tuple:
        """(language, spaCy model) pairs, the default language first."""
        return ((self.language, self.spacy_model),) + self.other_languages

    def min_score(self, entity: str) -> float:
        own = self.treatment(entity).min_score
        return self.score_threshold if own is None else own

    @property
    def lowest_score(self) -> float:
        """The analyzer threshold: the lowest of the global and per-entity thresholds."""
        return min([self.score_threshold] + [t.min_score for _, t in self.treatments
                                             if t.min_score is not None])

    def strategy_for(self, field: str) -> Optional[FieldStrategy]:
        for strategy in self.field_strategies:
            if strategy.field == field:
                return strategy
        return None

    def field_kind(self, field: str) -> str:
        return _FIELD_KINDS.get(field, "string")

    @property
    def output_fields(self) -> tuple:
        return tuple(f for f in self.keep_fields if f not in self.exclude_fields)
