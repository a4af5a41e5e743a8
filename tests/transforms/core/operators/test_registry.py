from typing import Any, Dict, Mapping

import pytest
from presidio_anonymizer.operators import Operator

from transforms.core.operators import (Detection, OPERATORS, PolicyOperator, get_operator,
                                       operator_names, parameter_keys, per_record_names,
                                       pseudonymizing_names)
from transforms.core.policy import PolicyError, parse_policy


class Upper(PolicyOperator):
    """A made-up operator, registered only by the test below."""

    name = "UPPER"
    keys = ("suffix",)

    @classmethod
    def params_from_policy(cls, spec: Mapping[str, Any]) -> Dict[str, Any]:
        return {"suffix": str(spec.get("suffix", ""))}

    def operate(self, text=None, params=None):
        return text.upper() + params["suffix"]

    def validate(self, params=None):
        pass

    def operator_name(self):
        return "upper"


def test_registered_operators_in_the_order_messages_list_them():
    assert operator_names() == ("HASH", "TOKEN", "REDACT", "REPLACE", "MASK", "NUMBERED",
                                "SURROGATE")
    assert per_record_names() == ("NUMBERED", "SURROGATE")
    assert pseudonymizing_names() == ("HASH", "TOKEN")


def test_every_operator_has_presidios_operator_interface_under_its_own_name():
    for name, cls in OPERATORS.items():
        assert cls.name == name and issubclass(cls, PolicyOperator)
        for method in Operator.__abstractmethods__ - {"operator_type"}:
            assert callable(getattr(get_operator(name), method))
        assert get_operator(name) is get_operator(name)


def test_mask_redact_and_replace_give_presidios_own_result():
    from presidio_anonymizer import operators as presidio

    cases = [("MASK", presidio.Mask, {"masking_char": "#", "chars_to_mask": 3,
                                       "from_end": True}),
             ("REDACT", presidio.Redact, {}),
             ("REPLACE", presidio.Replace, {"new_value": None, "entity_type": "PERSON"}),
             ("REPLACE", presidio.Replace, {"new_value": "<NAME>", "entity_type": "PERSON"})]
    for name, cls, params in cases:
        ours = get_operator(name).operate("Jane Doe", dict(params))
        assert ours == cls().operate("Jane Doe", dict(params))
        assert ours != "Jane Doe"


def test_policy_operator_errors_list_the_registered_operators():
    with pytest.raises(PolicyError) as err:
        parse_policy({"extends": "default", "entities": {"PERSON": "KEEP"}}, source="p.yaml")
    assert str(err.value).endswith("is not one of " + ", ".join(operator_names()))


def test_a_registered_operator_can_be_named_by_a_policy_with_its_own_keys(monkeypatch):
    monkeypatch.setitem(OPERATORS, "UPPER", Upper)
    assert "suffix" in parameter_keys()
    policy = parse_policy({"extends": "default",
                           "entities": {"PERSON": {"operator": "upper", "suffix": "!"}}})
    treatment = policy.treatment("PERSON")
    treated = OPERATORS[treatment.operator]().treat(
        Detection("jane", "PERSON", "PERSON", "id_casefold"), treatment.parameters, None)
    assert treated.text == "JANE!"
