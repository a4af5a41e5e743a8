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
    # Presidio masks nothing for 0 or less: the value would pass in clear
    ({"charsToMask": 0}, "charsToMask", "must be a whole number of 1 or more"),
    ({"charsToMask": -4}, "charsToMask", "must be a whole number of 1 or more"),
    ({"charsToMask": 2.5}, "charsToMask", "must be a whole number"),
    ({"charsToMask": True}, "charsToMask", "must be a whole number"),
    # bool("false") is True: a quoted false masked the value's end instead of its start
    ({"fromEnd": "false"}, "fromEnd", "must be true or false"),
    ({"fromEnd": "no"}, "fromEnd", "must be true or false"),
    ({"fromEnd": 1}, "fromEnd", "must be true or false"),
])
def test_bad_mask_parameters_name_their_key(spec, key, problem):
    with pytest.raises(ParameterError) as err:
        Mask.params_from_policy(spec)
    assert (err.value.key, err.value.problem) == (key, problem)


def test_what_a_mask_keeps_of_a_value():
    assert Mask.keeps(Mask.params_from_policy({})) is None  # every character, any length
    assert "unmasked" in Mask.keeps(Mask.params_from_policy({"charsToMask": 4}))


@pytest.mark.parametrize("spec", [{}, {"charsToMask": 100}, {"charsToMask": 150},
                                  {"charsToMask": 100, "fromEnd": True}])
def test_a_whole_mask_hides_every_character_of_a_value_longer_than_its_count(spec):
    """Before: a whole mask (the default 100, which keeps() calls nothing kept) left the
    characters of a longer value past the 100th in clear (a 137-character secret kept 37)."""
    assert _mask(spec, value="x7k" * 60) == "*" * 180
