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
