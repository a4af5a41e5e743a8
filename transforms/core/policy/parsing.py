"""Load a policy file into a :class:`Policy`.

A policy is a YAML (or JSON) mapping. The shapes of DESIGN.md load as they are:
``exportSchema`` (``fields`` allow-list, ``excludeFields``), ``strategy`` + ``fields``
for structured identifiers, and custom rules with ``name``/``pattern``/
``replacementType``/``caseSensitive`` (one rule, or a list under ``customRules``).
Presidio's recognizer YAML (``recognizers:`` with ``supported_entity`` and
``patterns``) loads too. A policy that says ``extends: default`` builds on the default
policy file (``defaults.with_defaults`` says how); one that does not must set every key
and is taken as it is. A bad policy raises
:class:`PolicyError` naming the file, the key, the problem and, for a misspelt name, the
nearest valid one, before any data is read: unknown keys, entity types nobody detects
(:mod:`.names`) and field names that are neither fields of the canonical record nor
declared by the policy (see :func:`_check_fields`).
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple

import phonenumbers
import yaml

from transforms.core.operators import (NORMALIZERS, OPERATORS, operator_names, parameter_keys,
                                       pseudonymizing_names)
from transforms.core.policy.defaults import (DEFAULT_POLICY_SOURCE, default_policy_text,
                                             missing_keys, with_defaults)
from transforms.core.policy.identifiers import column_identity, type_name
from transforms.core.policy.model import CustomRule, EntityTreatment, FieldStrategy, Policy
from transforms.core.policy.names import builtin_entities, canonical_fields, light_entities
from transforms.core.policy.validation import PolicyError, Validator
from transforms.core.pseudonym import LENGTH, MIN_LENGTH

_TOP_KEYS = {
    "exportSchema", "structuredFields", "customRules", "recognizers", "entities",
    "defaultEntityTreatment", "detectEntities", "entityPriority", "scoreThreshold",
    "defaultRegion", "nlp", "urlStripping", "csvColumns", "version", "description",
    "extends", "pseudonyms",
}
EXTENDS = ("default",)  # what a policy may build on: the bundled default policy
_RULE_KEYS = ("name", "pattern", "replacementType", "caseSensitive", "entity", "score",
              "context")
_LIST_KEYS = ("customRules", "structuredFields", "recognizers")
# Of Presidio's recognizer YAML, what hushbeam reads (and supported_language or the
# registry format's supported_languages, which it takes: a pattern rule applies in every
# language); anything else (a misspelt context) is refused. A deny_list becomes one more
# pattern rule, written as Presidio's PatternRecognizer writes it.
_RECOGNIZER_KEYS = {"name", "supported_entity", "supported_language", "supported_languages",
                    "patterns", "context", "deny_list", "deny_list_score"}
_TREATMENT_KEYS = ("operator", "minScore")  # of every entry; the rest belong to its operator


def load_policy(path: Optional[str] = None) -> Policy:
    """Load and validate a policy file; ``None`` loads the bundled default policy."""
    text, data, source = _read(path)
    return parse_policy(data, source=source, raw=text)


def load_effective(path: Optional[str] = None) -> Tuple[Policy, dict]:
    """:func:`load_policy`, and the file as it is applied, as a mapping: the DESIGN.md
    fragment shapes folded, ``extends`` resolved and every key it omits taken from the
    default policy (what ``hushbeam policy show --effective`` prints)."""
    text, data, source = _read(path)
    policy = parse_policy(data, source=source, raw=text)
    own = _canonical(data if isinstance(data, list) else [data])
    return policy, _applied(own, {key: value for key, value in own.items() if key != "extends"})


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


class _UniqueKeyLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """yaml.safe_load that refuses a key written twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        seen, merges = set(), 0
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                merges += 1  # `<<: *anchor` merges; keys written after it override, as meant
                if merges > 1:  # but of two `<<`, PyYAML keeps the last without a word
                    raise _DuplicateKey("<<", key_node.start_mark.line + 1)
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                twice = key in seen
            except TypeError:  # an unhashable key: SafeLoader reports it
                break
            if twice:
                raise _DuplicateKey(str(key), key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read(path: Optional[str]) -> Tuple[str, Any, str]:
    """(text, parsed YAML, source) of a policy file; ``None``: the bundled default."""
    if path is None:
        text, source = default_policy_text(), DEFAULT_POLICY_SOURCE
    else:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise PolicyError(source, "(file)", f"cannot be read ({exc.strerror})") from None
    try:
        return text, yaml.load(text, Loader=_UniqueKeyLoader), source  # nosec: a SafeLoader
    except _DuplicateKey as exc:
        raise PolicyError(source, f"line {exc.line}",
                          f"'{exc.key}' is written twice in one mapping (YAML would keep "
                          "the last without a word): keep one") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(document)"
        raise PolicyError(source, where, "is not valid YAML/JSON") from None


def _applied(own: dict, mine: dict) -> dict:
    """The policy as applied: its own keys, merged into the default policy if it extends
    it or omits keys (a policy that omits keys without ``extends`` is then refused)."""
    return mine if "extends" not in own and not missing_keys(mine) else with_defaults(mine)


def parse_policy(data: Any, source: str = "<policy>", raw: Optional[str] = None) -> Policy:
    """Validate a parsed policy mapping (or a list of DESIGN.md fragments)."""
    fragments = data if isinstance(data, list) else [data]
    for i, item in enumerate(fragments):  # a list of fragments: the DESIGN.md shapes
        if not isinstance(item, dict):
            raise PolicyError(source, f"[{i}]" if isinstance(data, list) else "(document)",
                              "must be a mapping")
    own = _canonical(fragments)
    v = Validator(source)
    v.unknown_keys(own, _TOP_KEYS, "")
    mine = _without_extends(v, own)
    # A partial policy without extends is refused below, after what it sets is checked.
    data = _applied(own, mine)
    _check_about(v, data)

    schema = v.mapping(data["exportSchema"], "exportSchema")
    v.unknown_keys(schema, {"fields", "excludeFields", "passthroughFields", "textFields"},
                   "exportSchema.")
    keep = v.str_list(schema["fields"], "exportSchema.fields")
    exclude = v.str_list(schema["excludeFields"], "exportSchema.excludeFields")
    passthrough = v.str_list(schema["passthroughFields"], "exportSchema.passthroughFields")
    text_fields = v.str_list(schema["textFields"], "exportSchema.textFields")
    if not keep:
        raise PolicyError(source, "exportSchema.fields", "must list at least one field")

    strategies, strategy_keys = [], []
    groups = v.list(data["structuredFields"], "structuredFields")
    for key, group in zip(_labels("structuredFields", groups, mine), groups):
        group = v.mapping(group, key)
        v.unknown_keys(group, {"strategy", "fields"}, key + ".")
        strategy = v.mapping(group.get("strategy", {"type": "HASH"}), key + ".strategy")
        v.unknown_keys(strategy, {"type", "algorithm", "saltSource"}, key + ".strategy.")
        op = v.choice(str(strategy.get("type", "HASH")).upper(), pseudonymizing_names(),
                      key + ".strategy.type")
        algorithm = str(strategy.get("algorithm", "SHA256")).upper().replace("-", "")
        if algorithm not in ("SHA256", "HMACSHA256"):
            raise PolicyError(source, key + ".strategy.algorithm",
                              f"'{algorithm}' is not supported (use SHA256: keyed HMAC-SHA256)")
        for j, spec in enumerate(v.list(group.get("fields"), key + ".fields")):
            strategies.append(_field_strategy(v, spec, op, f"{key}.fields[{j}]"))
            strategy_keys.append(f"{key}.fields[{j}]")
    names = [s.field for s in strategies]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise PolicyError(source, "structuredFields", f"field {dupes[0]!r} listed twice")

    custom = v.list(data["customRules"], "customRules")
    rules = tuple(_custom_rule(v, r, key)
                  for key, r in zip(_labels("customRules", custom, mine), custom))
    rules += tuple(rule for i, r in enumerate(v.list(data.get("recognizers", []), "recognizers"))
                   for rule in _presidio_recognizer(v, r, f"recognizers[{i}]"))

    treatments_raw = v.mapping(data["entities"], "entities")
    treatments = {}
    for entity, spec in treatments_raw.items():
        treatments[str(entity)] = _treatment(v, spec, f"entities.{entity}")
    # `entities` wins; then a rule's replacementType; a rule that names none is hashed
    for rule in sorted(rules, key=lambda r: r.replacement is None):
        treatments.setdefault(rule.entity, _implicit(rule.replacement or "HASH"))
    for strategy in strategies:
        treatments.setdefault(strategy.entity,
                              _implicit(strategy.operator, normalizer=strategy.normalizer))
    default = _treatment(v, data["defaultEntityTreatment"], "defaultEntityTreatment")
    _check_operator_types(v, treatments, treatments_raw, default)

    detect = v.str_list(data.get("detectEntities", [str(e) for e in treatments_raw]),
                        "detectEntities")
    for rule in rules:
        if rule.entity not in detect:
            detect.append(rule.entity)
    priority = _ranked_rules(v.str_list(data["entityPriority"], "entityPriority"), rules)
    _check_never_keyed(v, treatments, treatments_raw, default, detect, strategies,
                       strategy_keys)

    threshold = v.score(data["scoreThreshold"], "scoreThreshold")
    region = str(data["defaultRegion"]).upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise PolicyError(source, "defaultRegion", f"'{region}' is not a phone region code")
    nlp = v.mapping(data["nlp"], "nlp")
    v.unknown_keys(nlp, {"language", "spacyModel", "languages", "languageField"}, "nlp.")
    language = v.text(nlp["language"], "nlp.language")
    if not re.fullmatch(r"[a-z]{2,3}", language):
        raise PolicyError(source, "nlp.language",
                          f"'{language}' is not a language code (ISO 639, lower case, e.g. en)")
    others = v.mapping(nlp["languages"], "nlp.languages")
    for code, model in others.items():
        if not re.fullmatch(r"[a-z]{2,3}", str(code)) or not isinstance(model, str):
            raise PolicyError(source, f"nlp.languages.{code}",
                              "must map a language code (e.g. fr) to a spaCy model name")
    urls = v.mapping(data["urlStripping"], "urlStripping")
    v.unknown_keys(urls, {"secretParams", "mediaMarkers"}, "urlStripping.")
    language_field = v.text(nlp["languageField"], "nlp.languageField")
    v.text(nlp["spacyModel"], "nlp.spacyModel")
    _check_entities(v, mine, rules, strategies, treatments, default)
    _check_fields(v, keep, exclude, passthrough, text_fields,
                  list(zip(strategy_keys, strategies)), language_field)
    columns = _csv_columns(v, data.get("csvColumns", {}), canonical_fields() | set(keep)
                           | set(names))
    _check_complete(v, own, mine)

    digest_source = raw if raw is not None else json.dumps(own, sort_keys=True, default=str)
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
        score_threshold=threshold,
        default_region=region,
        language=language,
        spacy_model=str(nlp["spacyModel"]),
        other_languages=tuple(sorted((str(k), str(m)) for k, m in others.items()
                                     if str(k) != language)),
        language_field=language_field,
        strip_url_params=tuple(v.str_list(urls["secretParams"], "urlStripping.secretParams")),
        strip_url_markers=tuple(v.str_list(urls["mediaMarkers"], "urlStripping.mediaMarkers")),
        csv_columns=columns,
        pseudonym_length=_pseudonym_length(v, data.get("pseudonyms", {})),
    )


def _pseudonym_length(v: Validator, spec: Any) -> int:
    """``pseudonyms: {length: N}``: base32 characters of a pseudonym's body (5 bits each)."""
    spec = v.mapping({} if spec is None else spec, "pseudonyms")
    v.unknown_keys(spec, {"length"}, "pseudonyms.")
    length = spec.get("length", LENGTH)
    if isinstance(length, bool) or not isinstance(length, int) or not (
            MIN_LENGTH <= length <= LENGTH):
        raise v.fail("pseudonyms.length", f"must be a whole number from {MIN_LENGTH} "
                     f"({MIN_LENGTH * 5} bits: collisions stay negligible, see "
                     f"docs/pseudonyms.md) to {LENGTH}")
    return length


FORMAT_VERSION = 1  # the one policy format there is


def _check_about(v: Validator, data: dict) -> None:
    """``version`` is the format's (1) and ``description`` a string, when written: they
    took any YAML value (a list, a mapping, an alias bomb) without a word."""
    if "version" in data and (isinstance(data["version"], bool)
                              or data["version"] != FORMAT_VERSION
                              or not isinstance(data["version"], int)):
        raise v.fail("version", f"must be {FORMAT_VERSION} (the policy format version), "
                     "or left out")
    if "description" in data and not isinstance(data["description"], str):
        raise v.fail("description", "must be a string (quote it if YAML reads it as "
                     "something else), or left out")


def _check_operator_types(v: Validator, treatments: dict, written: dict,
                          default: EntityTreatment) -> None:
    """An operator made for some entity types only (SURROGATE) treats only those."""
    for entity, treatment in sorted(treatments.items()):
        allowed = OPERATORS[treatment.operator].entity_types
        if allowed is not None and entity not in allowed:
            key = (f"entities.{entity}.operator" if entity in written
                   else f"customRules (the replacementType of {entity})")
            raise v.fail(key, f"{treatment.operator} treats only {', '.join(allowed)}")
    allowed = OPERATORS[default.operator].entity_types
    if allowed is not None:
        raise v.fail("defaultEntityTreatment.operator", f"{default.operator} treats only "
                     f"{', '.join(allowed)}, not every type")


# Types whose value must leave no trace: a TOKEN is a vault row (PCI DSS forbids storing
# a CVV or PIN after authorisation), a HASH of a 4-digit PIN is reversed by trying its
# 10,000 values, and NUMBERED (<CREDENTIAL_1> twice) tells which PINs of a record are
# equal. Only an operator whose ``keeps`` is None treats them: REPLACE, REDACT, a whole MASK.
NEVER_KEYED = ("CREDENTIAL",)


def _keeps(treatment: EntityTreatment) -> Optional[str]:
    return OPERATORS[treatment.operator].keeps(treatment.parameters)


def _check_never_keyed(v: Validator, treatments: dict, written: dict,
                       default: EntityTreatment, detect: list, strategies: list,
                       strategy_keys: list) -> None:
    """A type of :data:`NEVER_KEYED` is treated by no operator that keeps something of its
    value (HASH, TOKEN, NUMBERED, a partial MASK): not in ``entities``, nor by a custom
    rule's ``replacementType``, a structured column, or the ``defaultEntityTreatment`` of
    a policy that detects it without an entry."""
    for entity in NEVER_KEYED:
        for strategy, key in zip(strategies, strategy_keys):
            if strategy.entity == entity:
                raise v.fail(key, f"a structured column cannot hold {entity}: its value "
                             "is never pseudonymized (a column is HASH or TOKEN)")
        if entity in treatments:
            kept = _keeps(treatments[entity])
            if kept:
                key = (f"entities.{entity}.operator" if entity in written
                       else f"customRules (the replacementType of {entity})")
                raise v.fail(key, f"{treatments[entity].operator} keeps {kept}; {entity} "
                             "is never pseudonymized nor partly kept (use REPLACE or REDACT)")
        elif entity in detect and _keeps(default):
            raise v.fail("defaultEntityTreatment.operator", f"{default.operator} would "
                         f"keep {_keeps(default)} of {entity}, which is never pseudonymized "
                         "nor partly kept: give it an entities entry (REPLACE or REDACT)")


def _labels(key: str, entries: list, mine: dict) -> list:
    """Where each entry of a merged list is written: ``customRules[1]`` for the policy's
    own second rule, ``customRules[0] of rules/default_policy.yaml`` for the default's."""
    written = mine.get(key) if isinstance(mine.get(key), list) else []
    own = {id(entry): i for i, entry in enumerate(written)}
    default, labels = 0, []
    for entry in entries:
        if id(entry) in own:
            labels.append(f"{key}[{own[id(entry)]}]")
        else:
            labels.append(f"{key}[{default}] of {DEFAULT_POLICY_SOURCE}")
            default += 1
    return labels


def _without_extends(v: Validator, own: dict) -> dict:
    """The policy's own keys, ``extends`` checked and taken out."""
    own = dict(own)
    if "extends" in own:
        v.known_name(str(own.pop("extends")), EXTENDS, "extends",
                     "a policy it can build on (extends: default)")
    return own


def _check_complete(v: Validator, own: dict, mine: dict) -> None:
    """A policy that omits keys must say what it builds on (``extends: default``), so that
    one that sets a single key never silently detects less than the user thinks. Checked
    last: a typo in what the policy does set is the more useful message."""
    missing = [] if "extends" in own else missing_keys(mine)
    if missing:
        raise v.fail("extends", f"is not set and the policy omits {', '.join(missing)}: add "
                     f"'extends: default' to take what it omits from {DEFAULT_POLICY_SOURCE}, "
                     "or set those keys")


def _check_entities(v: Validator, own: dict, rules: tuple, strategies: list,
                    treatments: dict, default: EntityTreatment) -> None:
    """Every entity type the policy itself names (under ``entities``, ``pseudonymType``,
    ``detectEntities``, ``entityPriority``) is one something detects or hashes: Presidio's,
    hushbeam's recognizers', a custom rule's, a structured field's, a known pseudonym type.
    Names taken from the default policy are valid there and not checked again. Presidio's
    and the recognizers' types (which import Presidio) are read only for a name that is
    none of the others."""
    declared = {r.entity for r in rules} | {s.entity for s in strategies}
    entities = own.get("entities") if isinstance(own.get("entities"), dict) else {}
    checked = [(f"entities.{e}", treatments[str(e)]) for e in entities]
    if "defaultEntityTreatment" in own:
        checked.append(("defaultEntityTreatment", default))
    known = light_entities() | declared
    if not ({str(e) for e in entities} <= known
            and {t.pseudonym_type for _, t in checked if t.pseudonym_type}
            <= known | {str(e) for e in entities}
            and {str(e) for key in ("detectEntities", "entityPriority")
                 for e in own.get(key) or []} <= known):
        known = builtin_entities() | declared
    used = set(treatments)  # on a tie, suggest a type the policy already treats
    hint = "; a new type is declared by the customRules or structuredFields entry finding it"
    what = "an entity type Presidio, hushbeam or this policy's rules detect"
    for entity in entities:
        v.known_name(str(entity), known, f"entities.{entity}", what, hint, used)
    types = known | {str(e) for e in entities}
    for key, treatment in checked:
        if treatment.pseudonym_type:
            v.known_name(treatment.pseudonym_type, types, key + ".pseudonymType",
                         "a known pseudonym type", hint, used)
    for key in ("detectEntities", "entityPriority"):
        for i, entity in enumerate(own.get(key) or []):
            v.known_name(str(entity), known, f"{key}[{i}]", what, hint, used)


def _check_fields(v: Validator, keep: list, exclude: list, passthrough: list,
                  text_fields: list, strategies: list, language_field: str) -> None:
    """Field names that match nothing are typos, not silent no-ops.

    * ``exportSchema.fields``: a field of the canonical record (``canonical_fields``), or a
      field of the user's own export that the policy declares: listed under
      ``textFields``, ``passthroughFields`` or ``structuredFields``, or ``nlp.languageField``.
    * ``textFields``, ``passthroughFields``, ``structuredFields``: a name in
      ``exportSchema.fields`` or ``excludeFields``, or a canonical field (a canonical
      field the policy does not keep is inert, as the default lists are for a policy
      that keeps fewer fields).
    * ``excludeFields`` declares names (a field of one's own export to drop) and is not
      checked.
    """
    canonical = canonical_fields()
    declared = set(keep) | set(exclude) | canonical
    for key, names in (("exportSchema.passthroughFields", passthrough),
                       ("exportSchema.textFields", text_fields)):
        for i, name in enumerate(names):
            v.known_name(name, declared, f"{key}[{i}]", "in exportSchema.fields or "
                         "excludeFields, nor a field of the canonical record")
    for key, strategy in strategies:
        v.known_name(strategy.field, declared, key, "in exportSchema.fields or "
                     "excludeFields, nor a field of the canonical record")
    treated = set(passthrough) | set(text_fields) | {s.field for _, s in strategies}
    allowed = canonical | treated | {language_field}
    for i, name in enumerate(keep):
        v.known_name(name, allowed, f"exportSchema.fields[{i}]", "a field of the canonical "
                     "record", "; a field of your own export is declared by listing it under "
                     "exportSchema.textFields, passthroughFields or structuredFields too")


def _canonical(fragments: list) -> dict:
    """Fold DESIGN.md fragment shapes (a bare rule, a bare strategy) into canonical keys."""
    out: dict = {}
    for fragment in fragments:
        rule = ({k: fragment[k] for k in _RULE_KEYS if k in fragment}
                if "pattern" in fragment else {})
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


def _csv_columns(v: Validator, spec: Any, fields: set) -> tuple:
    """``csvColumns``: CSV/TSV column header -> the canonical (or policy) field it holds."""
    spec = v.mapping({} if spec is None else spec, "csvColumns")
    seen = {}
    for header, field in spec.items():
        key = f"csvColumns.{header}"
        if not isinstance(header, str) or not header.strip():
            raise PolicyError(v.source, "csvColumns", "column headers must be non-empty strings")
        if not isinstance(field, str):
            raise PolicyError(v.source, key, f"{field!r} is not a field name")
        v.known_name(field, fields, key, "a canonical field nor a field this policy keeps")
        folded = header.strip().casefold()
        if folded in seen:
            raise PolicyError(v.source, key, f"the same column as {seen[folded]!r} "
                              "(headers match in any case)")
        seen[folded] = header
    return tuple((str(h), str(f)) for h, f in spec.items())


def _field_strategy(v: Validator, spec: Any, op: str, key: str) -> FieldStrategy:
    if isinstance(spec, str):
        entity, normalizer = column_identity(spec)
        return FieldStrategy(spec, entity, normalizer, op)
    spec = v.mapping(spec, key)
    v.unknown_keys(spec, {"name", "entity", "normalizer"}, key + ".")
    name = spec.get("name")
    if not isinstance(name, str) or not name:
        raise PolicyError(v.source, key + ".name", "must be a field name")
    default_entity, default_norm = column_identity(name)
    normalizer = v.choice(str(spec.get("normalizer", default_norm)), NORMALIZERS,
                          key + ".normalizer")
    entity = str(spec.get("entity") or default_entity)
    return FieldStrategy(name, entity.upper(), normalizer, op)


def _ranked_rules(priority: List[str], rules: Sequence[CustomRule]) -> List[str]:
    """``entityPriority`` with the custom rules' entities it leaves out ranked with the
    rules it lists (after the last of them, or first when it lists none): a rule the
    policy adds is more specific than what the recognizers guess ("m e m dash one two
    ..." is the rule's id said aloud, not the initials of a name), and a policy that adds
    a rule should not have to rank it too."""
    ranked = [rule.entity for rule in rules if rule.entity in priority]
    missing = list(dict.fromkeys(rule.entity for rule in rules if rule.entity not in priority))
    at = max((priority.index(e) + 1 for e in ranked), default=0)
    return priority[:at] + missing + priority[at:]


def _custom_rule(v: Validator, spec: Any, key: str) -> CustomRule:
    spec = v.mapping(spec, key)
    v.unknown_keys(spec, set(_RULE_KEYS), key + ".")
    name, pattern = spec.get("name"), spec.get("pattern")
    if not isinstance(name, str) or not name:
        raise PolicyError(v.source, key + ".name", "must be a non-empty string")
    case_sensitive = v.boolean(spec.get("caseSensitive", False), key + ".caseSensitive")
    v.regex(pattern, case_sensitive, key + ".pattern")
    if "replacementType" in spec:
        v.choice(str(spec["replacementType"]).upper(), operator_names(),
                 key + ".replacementType")
    score = spec.get("score", 0.9)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 < score <= 1:
        raise PolicyError(v.source, key + ".score", "must be a number in (0, 1]")
    entity = str(spec["entity"]).upper() if spec.get("entity") else type_name(name)
    return CustomRule(name=name, entity=entity, pattern=pattern,
                      score=float(score), case_sensitive=case_sensitive,
                      replacement=(str(spec["replacementType"]).upper()
                                   if spec.get("replacementType") else None),
                      context=tuple(v.str_list(spec.get("context", []), key + ".context")))


def deny_list_pattern(words: Sequence[str]) -> str:
    """The regex Presidio's ``PatternRecognizer`` makes of a ``deny_list``: any of the
    words, whole (not inside a longer word), case-insensitive by the rule's flags."""
    return r"(?:^|(?<=\W))(" + "|".join(re.escape(w) for w in words) + r")(?:(?=\W)|$)"


def _score(v: Validator, value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise PolicyError(v.source, key, "must be a number in (0, 1]")
    return float(value)


def _presidio_recognizer(v: Validator, spec: Any, key: str) -> Tuple[CustomRule, ...]:
    """Presidio's recognizer YAML: one entity, one pattern and/or a ``deny_list`` (each a
    pattern rule, the deny list's as Presidio builds it, score ``deny_list_score``)."""
    spec = v.mapping(spec, key)
    v.unknown_keys(spec, _RECOGNIZER_KEYS, key + ".")
    entity = spec.get("supported_entity")
    if not isinstance(entity, str) or not entity:
        raise PolicyError(v.source, key + ".supported_entity", "must be an entity name")
    if "supported_languages" in spec:
        v.str_list(spec["supported_languages"], key + ".supported_languages")
    name = str(spec.get("name", entity))
    context = tuple(v.str_list(spec.get("context", []), key + ".context"))
    rules = []
    if "patterns" in spec or "deny_list" not in spec:
        patterns = v.list(spec.get("patterns"), key + ".patterns")
        if len(patterns) != 1:
            raise PolicyError(v.source, key + ".patterns",
                              "hushbeam takes one pattern per recognizer; split it into several")
        pat = v.mapping(patterns[0], key + ".patterns[0]")
        v.unknown_keys(pat, {"name", "regex", "score"}, key + ".patterns[0].")
        v.regex(pat.get("regex"), False, key + ".patterns[0].regex")
        rules.append(CustomRule(name=name, entity=entity.upper(), pattern=pat["regex"],
                                score=_score(v, pat.get("score", 0.9),
                                             key + ".patterns[0].score"),
                                case_sensitive=False, context=context))
    if "deny_list" in spec:
        words = v.str_list(spec["deny_list"], key + ".deny_list")
        if not words:
            raise PolicyError(v.source, key + ".deny_list", "must list one word or more")
        pattern = deny_list_pattern(words)
        v.regex(pattern, False, key + ".deny_list")
        rules.append(CustomRule(name=name, entity=entity.upper(), pattern=pattern,
                                score=_score(v, spec.get("deny_list_score", 1.0),
                                             key + ".deny_list_score"),
                                case_sensitive=False, context=context))
    elif "deny_list_score" in spec:
        raise PolicyError(v.source, key + ".deny_list_score", "is read only with a deny_list")
    return tuple(rules)


def _treatment(v: Validator, spec: Any, key: str) -> EntityTreatment:
    """An ``entities`` entry (or ``defaultEntityTreatment``): the operator reads its own keys."""
    if isinstance(spec, str):
        spec = {"operator": spec}
    spec = v.mapping(spec, key)
    v.unknown_keys(spec, _TREATMENT_KEYS + parameter_keys(), key + ".")
    min_score = spec.get("minScore")
    if min_score is not None:
        min_score = v.score(min_score, key + ".minScore")
    op = v.choice(str(spec.get("operator", "")).upper(), operator_names(), key + ".operator")
    operator = OPERATORS[op]
    for name in spec:
        if name not in _TREATMENT_KEYS and name not in operator.keys:
            raise PolicyError(v.source, f"{key}.{name}", f"is not a parameter of {op} "
                              f"({op} takes {', '.join(operator.keys) or 'none'})")
    params = v.parameters(operator.params_from_policy, spec, key + ".")
    return EntityTreatment(op, tuple(sorted(params.items())), min_score)


def _implicit(op: str, **spec: Any) -> EntityTreatment:
    """The treatment of an entity a rule or a column brings, unless ``entities`` lists it."""
    return EntityTreatment(op, tuple(sorted(OPERATORS[op].params_from_policy(spec).items())))
