import pytest

from transforms.core.operators import Detection, ParameterError
from transforms.core.operators.mask import Mask


def _mask(spec, value="4111111111111111"):
    return Mask().treat(Detection(value, "CREDIT_CARD", "CREDIT_CARD", "id_casefold"),
                        Mask.params_from_policy(spec), None).text


def test_mask_hides_the_whole_value_by_default():
    assert _mask({}) == "*" * 16


def test_mask_hides_the_first_or_last_characters_with_the_given_character():
    assert _mask({"charsToMask": 12, "maskingChar": "#"}) == "#" * 12 + "1111"
    assert _mask({"charsToMask": 4, "fromEnd": True}) == "411111111111****"


@pytest.mark.parametrize("spec,key,problem", [
    ({"maskingChar": "##"}, "maskingChar", "must be one character"),
    ({"charsToMask": "many"}, "charsToMask", "must be a whole number"),
])
def test_bad_mask_parameters_name_their_key(spec, key, problem):
    with pytest.raises(ParameterError) as err:
        Mask.params_from_policy(spec)
    assert (err.value.key, err.value.problem) == (key, problem)
