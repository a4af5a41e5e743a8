import pytest

from transforms.core.operators import Detection, ParameterError
from transforms.core.operators.replace import Replace


def _replace(spec, value="Jane Doe", entity="PERSON"):
    return Replace().treat(Detection(value, entity, entity, "id_casefold"),
                           Replace.params_from_policy(spec), None)


def test_replace_writes_the_new_value():
    assert _replace({"newValue": "<NAME>"}).text == "<NAME>"


def test_without_a_new_value_the_entity_type_is_written():
    assert _replace({}, entity="LOCATION").text == "<LOCATION>"
    assert _replace({}).vault_row is None


def test_a_new_value_that_is_not_a_string_is_rejected():
    with pytest.raises(ParameterError) as err:
        Replace.params_from_policy({"newValue": 42})
    assert (err.value.key, err.value.problem) == ("newValue", "must be a string")
