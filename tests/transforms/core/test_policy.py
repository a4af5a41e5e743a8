import dataclasses
import json

import pytest

from transforms.core.policy import PolicyError, load_policy, parse_policy

DESIGN_FRAGMENTS = [
    {"name": "Custom Customer Identifiers", "pattern": "\\b(?:POL|ACCT)-[0-9]{8,12}\\b",
     "replacementType": "HASH", "caseSensitive": False},
    {"strategy": {"type": "HASH", "algorithm": "SHA256", "saltSource": "KMS_KEY_ID_12345"},
     "fields": ["phoneNumber", "emailAddress", "customerID"]},
    {"exportSchema": {"fields": ["conversation_id", "start_time", "transcript_text"],
                      "excludeFields": ["recording_url", "media_link", "agent_session_token"]}},
]


def test_default_policy_loads_with_the_pol_acct_rule():
    policy = load_policy()
    rule = next(r for r in policy.custom_rules if r.entity == "POLICY_ACCOUNT_ID")
    assert rule.pattern == r"\b(?:POL|ACCT)-[0-9]{8,12}\b"
    assert policy.treatment("POLICY_ACCOUNT_ID").operator == "TOKEN"
    assert policy.digest.startswith("sha256:")


def test_design_md_shapes_load_as_they_are(tmp_path):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(DESIGN_FRAGMENTS))
    policy = load_policy(str(path))
    assert policy.output_fields == ("conversation_id", "start_time", "transcript_text")
    assert [s.field for s in policy.field_strategies] == ["phoneNumber", "emailAddress",
                                                          "customerID"]
    assert [s.entity for s in policy.field_strategies] == ["PHONE", "EMAIL", "CUSTOMER_ID"]
    assert policy.custom_rules[0].entity == "CUSTOM_CUSTOMER_IDENTIFIERS"
    assert policy.treatment("CUSTOM_CUSTOMER_IDENTIFIERS").operator == "HASH"


@pytest.mark.parametrize("fragment", DESIGN_FRAGMENTS)
def test_each_design_md_fragment_loads_alone(fragment):
    parse_policy(fragment, source="fragment.json")


def test_presidio_recognizer_yaml_loads(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text("customRules: []\n"
                    "recognizers:\n  - name: Zip\n    supported_entity: ZIP\n"
                    "    patterns:\n      - name: zip\n        regex: '\\b\\d{5}\\b'\n"
                    "        score: 0.4\n")
    policy = load_policy(str(path))
    assert policy.custom_rules[0].entity == "ZIP" and "ZIP" in policy.entities


def test_unlisted_entity_gets_a_safe_default_never_keep():
    assert load_policy().treatment("SOMETHING_NEW").operator == "REPLACE"


@pytest.mark.parametrize("doc,key", [
    ({"exportSchema": {"fields": "transcript_text"}}, "exportSchema.fields"),
    ({"exportSchema": {"fields": []}}, "exportSchema.fields"),
    ({"customRules": [{"name": "x", "pattern": "("}]}, "customRules[0].pattern"),
    ({"customRules": [{"name": "x", "pattern": "a*"}]}, "customRules[0].pattern"),
    ({"customRules": [{"name": "x", "pattern": "a", "replacementType": "KEEP"}]},
     "customRules[0].replacementType"),
    ({"entities": {"PERSON": {"operator": "KEEP"}}}, "entities.PERSON.operator"),
    ({"structuredFields": [{"strategy": {"type": "HASH", "algorithm": "MD5"},
                            "fields": ["x"]}]}, "structuredFields[0].strategy.algorithm"),
    ({"defaultRegion": "XX"}, "defaultRegion"),
    ({"scoreThreshold": 3}, "scoreThreshold"),
    ({"exportSchem": {}}, "exportSchem"),
])
def test_bad_policy_names_file_key_and_problem(doc, key):
    with pytest.raises(PolicyError) as err:
        parse_policy(doc, source="rules/bad.yaml")
    assert err.value.key == key
    assert str(err.value).startswith(f"policy rules/bad.yaml: {key}: ")


def test_unreadable_or_invalid_yaml_policy_is_reported(tmp_path):
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(str(tmp_path / "missing.yaml"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("exportSchema: [unclosed\n")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policy(str(bad))


def test_an_empty_policy_is_the_default_policy():
    default = load_policy()
    empty = parse_policy({}, source="empty.yaml")
    assert dataclasses.replace(empty, source=default.source, digest=default.digest) == default


def test_keys_a_policy_omits_come_from_the_default_policy_file():
    default = load_policy()
    policy = parse_policy({"exportSchema": {"fields": ["notes"]}, "nlp": {"language": "fr"}})
    assert policy.keep_fields == ("notes",)
    assert policy.exclude_fields == default.exclude_fields
    assert policy.field_strategies == default.field_strategies
    assert policy.treatment("PHONE_NUMBER") == default.treatment("PHONE_NUMBER")
    assert policy.custom_rules == default.custom_rules
    assert policy.entity_priority == default.entity_priority
    assert (policy.language, policy.language_field) == ("fr", default.language_field)


def test_a_parameter_of_another_operator_is_rejected():
    with pytest.raises(PolicyError) as err:
        parse_policy({"entities": {"PERSON": {"operator": "REPLACE", "maskingChar": "#"}}},
                     source="p.yaml")
    assert str(err.value) == ("policy p.yaml: entities.PERSON.maskingChar: "
                              "is not a parameter of REPLACE (REPLACE takes newValue)")


def test_an_operator_parameter_error_names_the_entry_and_key():
    with pytest.raises(PolicyError) as err:
        parse_policy({"entities": {"CARD": {"operator": "MASK", "maskingChar": "##"}}},
                     source="p.yaml")
    assert str(err.value) == "policy p.yaml: entities.CARD.maskingChar: must be one character"


def test_one_normalizer_per_pseudonym_type_and_the_column_decides():
    policy = parse_policy({
        "structuredFields": [{"strategy": {"type": "HASH"}, "fields": [
            {"name": "memberId", "entity": "MEMBER", "normalizer": "id_exact"}]}],
        "entities": {"MEMBER_REF": {"operator": "TOKEN", "pseudonymType": "MEMBER",
                                    "normalizer": "id_casefold"},
                     "BADGE": {"operator": "HASH", "normalizer": "id_exact"}},
        "defaultEntityTreatment": {"operator": "HASH", "normalizer": "email"}})
    assert policy.pseudonym_type("MEMBER_REF") == "MEMBER"
    assert policy.normalizer("MEMBER") == "id_exact"
    assert policy.normalizer("BADGE") == "id_exact"
    assert policy.pseudonym_type("UNLISTED") == "UNLISTED"
    assert policy.normalizer("UNLISTED") == "email"


def test_default_policy_columns_and_text_share_each_pseudonym_types_normalizer():
    policy = load_policy()
    for strategy in policy.field_strategies:
        for entity, treatment in policy.treatments:
            if treatment.normalizer and policy.pseudonym_type(entity) == strategy.entity:
                assert treatment.normalizer == strategy.normalizer == policy.normalizer(
                    strategy.entity)
