import dataclasses
import json
import re

import pytest
import yaml

from transforms.core import structured_fields
from transforms.core.policy import PolicyError, load_policy, parse_policy
from transforms.core.policy.defaults import default_policy_text
from transforms.core.policy.names import builtin_entities, canonical_fields

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
    path.write_text(json.dumps([{"extends": "default"}] + DESIGN_FRAGMENTS))
    policy = load_policy(str(path))
    assert policy.output_fields == ("conversation_id", "start_time", "transcript_text")
    assert [s.field for s in policy.field_strategies] == ["phoneNumber", "emailAddress",
                                                          "customerID"]
    assert [s.entity for s in policy.field_strategies] == ["PHONE", "EMAIL", "CUSTOMER_ID"]
    assert policy.custom_rules[0].entity == "CUSTOM_CUSTOMER_IDENTIFIERS"
    assert policy.treatment("CUSTOM_CUSTOMER_IDENTIFIERS").operator == "HASH"


@pytest.mark.parametrize("fragment", DESIGN_FRAGMENTS)
def test_each_design_md_fragment_loads_alone(fragment):
    parse_policy({"extends": "default", **fragment}, source="fragment.json")


def test_presidio_recognizer_yaml_loads(tmp_path):
    path = tmp_path / "pack.yaml"
    complete = {**yaml.safe_load(default_policy_text()), "customRules": []}  # no extends
    path.write_text(yaml.safe_dump(complete) +
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
        parse_policy({"extends": "default", **doc}, source="rules/bad.yaml")
    assert err.value.key == key
    assert str(err.value).startswith(f"policy rules/bad.yaml: {key}: ")


def test_unreadable_or_invalid_yaml_policy_is_reported(tmp_path):
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(str(tmp_path / "missing.yaml"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("exportSchema: [unclosed\n")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policy(str(bad))


def test_a_policy_that_only_extends_default_is_the_default_policy():
    default = load_policy()
    empty = parse_policy({"extends": "default"}, source="empty.yaml")
    assert dataclasses.replace(empty, source=default.source, digest=default.digest) == default


def test_keys_a_policy_omits_come_from_the_default_policy_file():
    default = load_policy()
    policy = parse_policy({"extends": "default", "exportSchema": {"fields": ["notes"]},
                           "nlp": {"language": "fr"}})
    assert policy.keep_fields == ("notes",)
    assert policy.exclude_fields == default.exclude_fields
    assert policy.field_strategies == default.field_strategies
    assert policy.treatment("PHONE_NUMBER") == default.treatment("PHONE_NUMBER")
    assert policy.custom_rules == default.custom_rules
    assert policy.entity_priority == default.entity_priority
    assert (policy.language, policy.language_field) == ("fr", default.language_field)


def test_a_parameter_of_another_operator_is_rejected():
    with pytest.raises(PolicyError) as err:
        parse_policy({"extends": "default",
                      "entities": {"PERSON": {"operator": "REPLACE", "maskingChar": "#"}}},
                     source="p.yaml")
    assert str(err.value) == ("policy p.yaml: entities.PERSON.maskingChar: "
                              "is not a parameter of REPLACE (REPLACE takes newValue)")


def test_an_operator_parameter_error_names_the_entry_and_key():
    with pytest.raises(PolicyError) as err:
        parse_policy({"extends": "default",
                      "entities": {"CARD": {"operator": "MASK", "maskingChar": "##"}}},
                     source="p.yaml")
    assert str(err.value) == "policy p.yaml: entities.CARD.maskingChar: must be one character"


def test_one_normalizer_per_pseudonym_type_and_the_column_decides():
    policy = parse_policy({
        "extends": "default",
        "exportSchema": {"fields": ["conversation_id", "memberId"]},
        "customRules": [{"name": "Member ref", "entity": "MEMBER_REF", "pattern": r"\bMR-\d+"},
                        {"name": "Badge", "entity": "BADGE", "pattern": r"\bB-\d+"}],
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


# Nothing runs on a typo: a partial policy says what it builds on; misspelt keys, entity
# types and field names are refused naming the file, the key and the nearest valid name.

def _refused(doc, source="my.yaml") -> PolicyError:
    with pytest.raises(PolicyError) as err:
        parse_policy(doc, source=source)
    return err.value


def test_a_one_line_policy_without_extends_is_refused_naming_what_it_omits():
    err = _refused({"entities": {"PERSON": {"operator": "REPLACE"}}})
    assert err.key == "extends"
    assert str(err).startswith("policy my.yaml: extends: is not set and the policy omits ")
    assert "customRules" in err.problem and "'extends: default'" in err.problem
    assert "entities" not in err.problem.split(":")[0]  # it sets entities


def test_an_empty_policy_is_refused():
    assert _refused({}).key == "extends"


def test_a_complete_policy_needs_no_extends_and_one_missing_section_key_is_named():
    complete = yaml.safe_load(default_policy_text())
    parse_policy(complete, source="complete.yaml")
    del complete["nlp"]["languageField"]
    err = _refused(complete)
    assert err.key == "extends" and "nlp.languageField" in err.problem


def test_extends_names_the_default_policy_only():
    err = _refused({"extends": "defualt"})
    assert err.key == "extends" and "did you mean 'default'?" in err.problem


@pytest.mark.parametrize("doc,key,nearest", [
    ({"exportSchma": {}}, "exportSchma", "exportSchema"),
    ({"exportSchema": {"textField": ["notes"]}}, "exportSchema.textField", "textFields"),
    ({"entities": {"PERSON": {"operator": "REPLACE", "newvalue": "<P>"}}},
     "entities.PERSON.newvalue", "newValue"),
    ({"nlp": {"spacymodel": "x"}}, "nlp.spacymodel", "spacyModel"),
    ({"customRules": [{"name": "x", "pattern": "x-1", "replacmentType": "HASH"}]},
     "customRules[0].replacmentType", "replacementType"),
])
def test_a_misspelt_key_names_the_nearest_valid_key(doc, key, nearest):
    err = _refused({"extends": "default", **doc})
    assert err.key == key and f"did you mean '{nearest}'?" in err.problem


@pytest.mark.parametrize("doc,key,nearest", [
    ({"entities": {"PASSPORT_NUMBR": "REPLACE"}}, "entities.PASSPORT_NUMBR", "PASSPORT"),
    ({"entities": {"EMAIL_ADRESS": "REPLACE"}}, "entities.EMAIL_ADRESS", "EMAIL_ADDRESS"),
    ({"entities": {"EMAIL_ADDRESS": {"operator": "HASH", "pseudonymType": "EMIAL"}}},
     "entities.EMAIL_ADDRESS.pseudonymType", "EMAIL"),
    ({"detectEntities": ["PERSON", "LOCATOIN"]}, "detectEntities[1]", "LOCATION"),
    ({"entityPriority": ["PHONE_NUMBR", "PERSON"]}, "entityPriority[0]", "PHONE_NUMBER"),
])
def test_a_misspelt_entity_type_names_the_nearest_known_type(doc, key, nearest):
    err = _refused({"extends": "default", **doc})
    assert err.key == key
    suggested = re.search(r"did you mean '([A-Z_]+)'\?", err.problem).group(1)
    assert nearest in suggested


def test_entity_types_from_every_source_are_accepted():
    policy = parse_policy({
        "extends": "default",
        "exportSchema": {"fields": ["conversation_id", "memberNo"]},
        "customRules": [{"name": "Badge", "entity": "BADGE", "pattern": r"\bB-\d{4}\b"}],
        "structuredFields": [{"strategy": {"type": "TOKEN"}, "fields": [
            {"name": "memberNo", "entity": "MEMBER", "normalizer": "id_exact"}]}],
        "entities": {"UK_NHS": "REPLACE",  # Presidio's
                     "SPOKEN_NUMBER": "REDACT",  # a hushbeam recognizer's
                     "BADGE": {"operator": "HASH", "pseudonymType": "MEMBER"},  # a rule's
                     "MEMBER": "TOKEN",  # a structured field's
                     "EMAIL": "TOKEN",  # a pseudonym type
                     "SECRET": "REDACT"},
        "entityPriority": ["SECRET", "BADGE", "MEMBER", "UK_NHS"]})
    assert policy.treatment("BADGE").pseudonym_type == "MEMBER"
    assert structured_fields.SECRET in builtin_entities()


def test_extending_the_default_adds_rules_and_columns_and_replaces_same_named_ones():
    default = load_policy()
    policy = parse_policy({"extends": "default",
                           "exportSchema": {"fields": ["conversation_id", "memberNo"]},
                           "customRules": [
                               {"name": "Member", "entity": "MEMBER_ID", "pattern": r"\bM-\d+"},
                               {"name": "Session token", "entity": "SESSION_TOKEN",
                                "pattern": r"\bsess_\w{8,}", "replacementType": "REDACT"}],
                           "structuredFields": [{"strategy": {"type": "HASH"}, "fields": [
                               "memberNo", {"name": "phoneNumber", "normalizer": "id_exact"}]}]})
    names = [r.name for r in policy.custom_rules]
    assert names == [r.name for r in default.custom_rules] + ["Member"]
    session = next(r for r in policy.custom_rules if r.name == "Session token")
    assert session.pattern == r"\bsess_\w{8,}" and session.replacement == "REDACT"
    assert [(s.field, s.operator) for s in policy.field_strategies] == [
        ("emailAddress", "TOKEN"), ("customerID", "TOKEN"), ("memberNo", "HASH"),
        ("phoneNumber", "HASH")]


def test_a_complete_policy_is_taken_as_it_is():
    complete = yaml.safe_load(default_policy_text())
    complete["customRules"] = []
    assert parse_policy(complete).custom_rules == ()


@pytest.mark.parametrize("schema,key,nearest", [
    ({"fields": ["conversation_id", "transcript_txt"]}, "exportSchema.fields[1]",
     "transcript_text"),
    ({"textFields": ["transcript_txt"]}, "exportSchema.textFields[0]", "transcript_text"),
    ({"passthroughFields": ["conversation_id", "sentiment_scor"]},
     "exportSchema.passthroughFields[1]", "sentiment_score"),
])
def test_a_misspelt_field_name_names_the_nearest_field(schema, key, nearest):
    err = _refused({"extends": "default", "exportSchema": schema})
    assert err.key == key and f"did you mean '{nearest}'?" in err.problem


def test_a_misspelt_structured_field_names_the_nearest_field():
    err = _refused({"extends": "default", "structuredFields": [
        {"strategy": {"type": "TOKEN"}, "fields": ["emailAddress", "phoneNumbr"]}]})
    assert err.key == "structuredFields[0].fields[1]"
    assert "did you mean 'phoneNumber'?" in err.problem


def test_a_field_of_ones_own_export_is_kept_once_the_policy_says_how_to_treat_it():
    err = _refused({"extends": "default",
                    "exportSchema": {"fields": ["conversation_id", "agent_notes"]}})
    assert err.key == "exportSchema.fields[1]" and "textFields" in err.problem
    policy = parse_policy({"extends": "default", "exportSchema": {
        "fields": ["conversation_id", "agent_notes"],
        "textFields": ["agent_notes"], "excludeFields": ["vendor_token"]}})
    assert policy.output_fields == ("conversation_id", "agent_notes")


def test_canonical_fields_are_the_fields_the_default_policy_names():
    default = load_policy()
    names = set(default.keep_fields) | set(default.exclude_fields) | {
        s.field for s in default.field_strategies} | {default.language_field}
    assert canonical_fields() == names


def test_pseudonym_types_are_the_types_a_policy_hashes():
    assert load_policy().pseudonym_types == {"EMAIL", "PHONE", "CUSTOMER_ID",
                                             "POLICY_ACCOUNT_ID", "USERNAME", "ORDER_ID"}
    hashed = parse_policy({"extends": "default", "defaultEntityTreatment": "HASH"})
    assert {"PERSON", "LOCATION"} <= hashed.pseudonym_types


def test_extending_the_default_to_treat_one_type_keeps_detecting_every_other_type():
    default = load_policy()
    policy = parse_policy({"extends": "default", "entities": {"PERSON": "REDACT"}})
    assert policy.treatment("PERSON").operator == "REDACT"
    assert set(policy.entities) == set(default.entities)
    assert policy.treatment("PHONE_NUMBER") == default.treatment("PHONE_NUMBER")


@pytest.mark.parametrize("operator", ["NUMBERED", "SURROGATE"])
def test_numbered_and_surrogate_are_operators_a_policy_extending_the_default_can_name(operator):
    policy = parse_policy({"extends": "default", "entities": {"PERSON": {"operator": operator}}})
    assert policy.treatment("PERSON").operator == operator
    assert policy.treatment("EMAIL_ADDRESS").operator == "TOKEN"


def test_surrogate_is_refused_for_a_type_it_has_no_fake_values_for():
    with pytest.raises(PolicyError) as err:
        parse_policy({"extends": "default", "entities": {"US_SSN": {"operator": "SURROGATE"}}},
                     source="p.yaml")
    assert str(err.value) == ("policy p.yaml: entities.US_SSN.operator: SURROGATE treats only "
                              "PERSON, EMAIL_ADDRESS, EMAIL, PHONE_NUMBER, PHONE")
    with pytest.raises(PolicyError, match="defaultEntityTreatment.operator: SURROGATE"):
        parse_policy({"extends": "default", "defaultEntityTreatment": "SURROGATE"})


def test_pseudonym_length_defaults_to_26_and_is_checked():
    assert load_policy().pseudonym_length == 26
    assert parse_policy({"extends": "default", "pseudonyms": {"length": 16}}).pseudonym_length == 16
    for bad in (8, 27, "16", True):
        with pytest.raises(PolicyError, match="pseudonyms.length: must be a whole number "
                                              "from 16"):
            parse_policy({"extends": "default", "pseudonyms": {"length": bad}})
    with pytest.raises(PolicyError, match="pseudonyms.lenght: is not a known key"):
        parse_policy({"extends": "default", "pseudonyms": {"lenght": 16}})


def test_a_key_written_twice_in_a_policy_file_is_refused_naming_its_line(tmp_path):
    """YAML keeps the last of two equal keys without a word: the first treatment, the one
    the reader may have checked, would silently not apply."""
    path = tmp_path / "twice.yaml"
    path.write_text("extends: default\nentities:\n  PERSON: {operator: REPLACE}\n"
                    "  LOCATION: {operator: REPLACE}\n  PERSON: {operator: HASH}\n")
    with pytest.raises(PolicyError, match=r"line 5.*'PERSON' is written twice"):
        load_policy(str(path))
    nested = tmp_path / "nested.yaml"
    nested.write_text("extends: default\nnlp:\n  language: en\n  language: fr\n")
    with pytest.raises(PolicyError, match=r"line 4.*'language' is written twice"):
        load_policy(str(nested))


@pytest.mark.parametrize("language", ["english", "EN", "en-US", "1"])
def test_a_default_language_that_is_not_a_language_code_is_refused(tmp_path, language):
    """nlp.languages' keys were checked; nlp.language took any word and ran."""
    path = tmp_path / "lang.yaml"
    path.write_text(f"extends: default\nnlp: {{language: '{language}'}}\n")
    with pytest.raises(PolicyError, match=r"nlp\.language.*language code"):
        load_policy(str(path))


def test_a_custom_rule_s_entity_left_unranked_ranks_with_the_policy_s_other_rules():
    policy = parse_policy({"extends": "default", "customRules": [
        {"name": "Member id", "entity": "MEMBER_ID", "pattern": r"\bMEM-[0-9]{6,10}\b"}]})
    order = list(policy.entity_priority)
    assert order.index("POLICY_ACCOUNT_ID") + 1 == order.index("MEMBER_ID")
    assert order.index("MEMBER_ID") < order.index("PERSON")
    assert load_policy().entity_priority == parse_policy({"extends": "default"}).entity_priority


@pytest.mark.parametrize("operator", ["HASH", "TOKEN"])
def test_a_keyed_operator_is_refused_for_credential_which_must_never_reach_the_vault(operator):
    # A TOKEN would seal a PIN or CVV in the vault, a HASH of a 4-digit PIN is reversed by
    # trying its 10,000 values: docs/policy.md says keep CREDENTIAL a REPLACE or REDACT.
    with pytest.raises(PolicyError, match=r"entities.CREDENTIAL.operator: .*never "):
        parse_policy({"extends": "default", "entities": {"CREDENTIAL": {"operator": operator}}})
    own = yaml.safe_load(default_policy_text())
    del own["entities"]["CREDENTIAL"]  # detected, and treated by the default treatment
    own.update(detectEntities=[*own["entities"], "CREDENTIAL"], defaultEntityTreatment=operator)
    with pytest.raises(PolicyError, match=r"defaultEntityTreatment.operator: .*CREDENTIAL"):
        parse_policy(own)


def test_a_structured_field_cannot_pseudonymize_a_credential():
    with pytest.raises(PolicyError, match=r"structuredFields.*CREDENTIAL"):
        parse_policy({"extends": "default", "structuredFields": [
            {"strategy": {"type": "TOKEN"}, "fields": [{"name": "pin", "entity": "CREDENTIAL"}]}]})


@pytest.mark.parametrize("operator", ["REPLACE", "REDACT", "MASK"])
def test_credential_may_be_replaced_redacted_or_masked_whole(operator):
    policy = parse_policy({"extends": "default", "entities": {"CREDENTIAL": {"operator": operator}}})
    assert policy.treatment("CREDENTIAL").operator == operator


def test_numbered_is_refused_for_credential_as_it_shows_which_mentions_share_a_pin():
    # <CREDENTIAL_1> ... <CREDENTIAL_1> says the caller gave the same PIN twice, and
    # <CREDENTIAL_1> ... <CREDENTIAL_2> that the two differ: equality is kept.
    with pytest.raises(PolicyError, match=r"entities.CREDENTIAL.operator: NUMBERED.*never .*"
                       r"REPLACE or REDACT"):
        parse_policy({"extends": "default", "entities": {"CREDENTIAL": {"operator": "NUMBERED"}}})
    own = _without_credential_entry()
    own["customRules"].append({"name": "Pin", "entity": "CREDENTIAL",
                               "pattern": r"\bpin [0-9]{4}\b", "replacementType": "NUMBERED"})
    with pytest.raises(PolicyError, match=r"customRules \(the replacementType of CREDENTIAL\)"):
        parse_policy(own)
    own = _without_credential_entry()
    own.update(detectEntities=[*own["entities"], "CREDENTIAL"], defaultEntityTreatment="NUMBERED")
    with pytest.raises(PolicyError, match=r"defaultEntityTreatment.operator: .*CREDENTIAL"):
        parse_policy(own)


def test_a_mask_that_leaves_characters_of_a_credential_is_refused():
    with pytest.raises(PolicyError, match=r"entities.CREDENTIAL.operator: MASK.*unmasked"):
        parse_policy({"extends": "default", "entities": {"CREDENTIAL": {
            "operator": "MASK", "charsToMask": 2, "fromEnd": True}}})


def _without_credential_entry() -> dict:
    """The default policy as a complete policy, CREDENTIAL detected but without an entry."""
    own = yaml.safe_load(default_policy_text())
    del own["entities"]["CREDENTIAL"]
    return own


@pytest.mark.parametrize("description", [["a", "list"], {"a": 1}, 3, None, True])
def test_a_description_that_is_not_a_string_is_refused(description):
    with pytest.raises(PolicyError, match=r"description: must be a string"):
        parse_policy({"extends": "default", "description": description})
    assert parse_policy({"extends": "default", "description": "Ours, for team B"})


@pytest.mark.parametrize("version", [2, "1", 1.5, [1], None, True])
def test_a_policy_format_version_other_than_1_is_refused(version):
    with pytest.raises(PolicyError, match=r"version: must be 1"):
        parse_policy({"extends": "default", "version": version})
    assert parse_policy({"extends": "default", "version": 1})


@pytest.mark.parametrize("written", ["false", "no", 0, "true"])
def test_a_custom_rule_s_case_sensitive_must_be_true_or_false(written):
    # bool("false") is True: the rule became case-sensitive and missed "pol-..." silently
    with pytest.raises(PolicyError, match=r"customRules\[0\].caseSensitive: must be true or "
                       r"false"):
        parse_policy({"extends": "default", "customRules": [
            {"name": "Member id", "entity": "MEMBER_ID", "pattern": r"\bMEM-[0-9]{6}\b",
             "caseSensitive": written}]})


@pytest.mark.parametrize("pattern", [r"(-+)+z", r"^(\w+\s*)+$", r"\b(?:\d+-?)+x\b",
                                     r"(a+){1,20}b", r"x(?:(?:ab)*c*)+y"])
def test_a_rule_that_repeats_a_repeat_in_many_ways_is_refused(pattern):
    # (-+)+z on 30 dashes took 3 min 23 s for one record (the guard's `re` tries every
    # split of the dashes between the two repeats); 40 dashes is days: the run stalls.
    with pytest.raises(PolicyError, match=r"customRules\[0\].pattern: repeats a group that is "
                       r"itself only repeats"):
        parse_policy({"extends": "default", "customRules": [
            {"name": "Member id", "entity": "MEMBER_ID", "pattern": pattern}]})


@pytest.mark.parametrize("pattern", [r"\b(?:POL|ACCT)-[0-9]{8,12}\b", r"(?:[A-Z][a-z]+\s)+Inc",
                                     r"(?:[0-9]{3}-)+[0-9]{4}", r"(?>-+)+z", r"(?:-++)+z",
                                     r"\bMEM-[0-9]+(?:-[0-9]+)*\b", r"(a+){2}b"])
def test_a_rule_whose_repeats_split_a_text_one_way_is_accepted(pattern):
    assert parse_policy({"extends": "default", "customRules": [
        {"name": "Member id", "entity": "MEMBER_ID", "pattern": pattern}]}).custom_rules


def _recognizer(**changes) -> dict:
    spec = {"name": "Member", "supported_entity": "MEMBER_ID", "context": ["member"],
            "patterns": [{"name": "m", "regex": r"\bMEM-[0-9]{6}\b", "score": 0.6}]}
    pattern = changes.pop("pattern", {})
    spec.update(changes)
    spec["patterns"] = [dict(spec["patterns"][0], **pattern)]
    return {"extends": "default", "recognizers": [spec]}


@pytest.mark.parametrize("policy,key,problem", [
    (_recognizer(contxt=["member"]), "recognizers[0].contxt", "is not a known key"),
    (_recognizer(pattern={"scor": 0.6}), "recognizers[0].patterns[0].scor", "is not a known key"),
    (_recognizer(pattern={"score": "high"}), "recognizers[0].patterns[0].score", "(0, 1]"),
    (_recognizer(pattern={"score": 7}), "recognizers[0].patterns[0].score", "(0, 1]"),
    (_recognizer(pattern={"score": True}), "recognizers[0].patterns[0].score", "(0, 1]"),
])
def test_a_presidio_recognizer_s_misspelt_key_or_bad_score_is_refused(policy, key, problem):
    # Before: `contxt` and `scor` were ignored, a score of 7 taken, `high` a ValueError.
    with pytest.raises(PolicyError) as err:
        parse_policy(policy)
    assert err.value.key == key and problem in err.value.problem


def test_a_presidio_recognizer_as_presidio_writes_it_loads():
    rule, = [r for r in parse_policy(_recognizer(supported_language="en")).custom_rules
             if r.entity == "MEMBER_ID"]
    assert (rule.score, rule.context) == (0.6, ("member",))


@pytest.mark.parametrize("key", ["spacyModel", "languageField", "language"])
def test_an_nlp_setting_that_is_not_a_string_is_refused(key):
    # Before: [lang] became the field name "['lang']", which no record has: every record
    # was read in the default language without a word.
    with pytest.raises(PolicyError, match=rf"nlp\.{key}: must be a (non-empty )?string"):
        parse_policy({"extends": "default", "nlp": {key: ["en_core_web_md"]}})


def _deny(**changes) -> dict:
    spec = {"name": "Codenames", "supported_language": "en", "supported_entity": "CODENAME",
            "deny_list": ["Bluebird", "Night Jar"], **changes}
    return {"extends": "default", "recognizers": [spec]}


def test_a_presidio_deny_list_is_a_pattern_rule_as_presidio_builds_it():
    """mend25b. Before: `deny_list`, which Presidio's recognizer YAML takes, was refused."""
    rule, = [r for r in parse_policy(_deny()).custom_rules if r.entity == "CODENAME"]
    assert rule.score == 1.0 and not rule.case_sensitive  # Presidio's deny_list_score
    found = [m.group(0) for m in re.finditer(rule.pattern, "bluebird, Night Jar; Bluebirds",
                                             re.IGNORECASE)]
    assert found == ["bluebird", "Night Jar"]  # whole words only
    assert parse_policy(_deny()).treatment("CODENAME").operator == "HASH"


def test_a_deny_list_beside_a_pattern_and_a_list_of_languages_load():
    policy = parse_policy(_deny(supported_languages=["en", "de"], deny_list_score=0.7,
                                patterns=[{"name": "c", "regex": r"\bCN-[0-9]{4}\b"}]))
    rules = [r for r in policy.custom_rules if r.entity == "CODENAME"]
    assert [r.score for r in rules] == [0.9, 0.7] and "CN-" in rules[0].pattern


@pytest.mark.parametrize("policy,key,problem", [
    (_deny(deny_list=[]), "recognizers[0].deny_list", "one word or more"),
    (_deny(deny_list="Bluebird"), "recognizers[0].deny_list", "must be a list"),
    (_deny(deny_list=["Bluebird", 7]), "recognizers[0].deny_list[1]", "non-empty string"),
    (_deny(deny_list_score=3), "recognizers[0].deny_list_score", "(0, 1]"),
    (_deny(supported_languages="en"), "recognizers[0].supported_languages", "must be a list"),
])
def test_a_bad_deny_list_is_refused_naming_its_key(policy, key, problem):
    with pytest.raises(PolicyError) as err:
        parse_policy(policy)
    assert err.value.key == key and problem in err.value.problem


def test_the_leak_guard_searches_a_deny_list_as_any_rule():
    from transforms.core.leak_finder import LeakFinder
    finder = LeakFinder(parse_policy(_deny()))
    assert finder.find(["we shipped it to bluebird today"], [], []) == ["codename"]
    assert finder.find(["we shipped it to bluebirds today"], [], []) == []
