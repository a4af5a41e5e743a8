import pytest

from transforms.core.operators import Detection, ParameterError
from transforms.core.operators.keyed_pseudonym import KeyedPseudonym, KeyedToken


def test_hash_gives_the_pseudonym_of_the_normalized_value_and_no_vault_row(pseudonymizer):
    treated = KeyedPseudonym().treat(
        Detection("(415) 555-2671", "PHONE_NUMBER", "PHONE", "phone"), {}, pseudonymizer)
    assert treated.text == pseudonymizer.pseudonym("PHONE", "+14155552671")
    assert treated.vault_row is None


def test_token_also_leaves_a_vault_row_with_the_normalized_value(pseudonymizer):
    treated = KeyedToken().treat(
        Detection(" Jane@Example.com", "EMAIL_ADDRESS", "EMAIL", "email"), {}, pseudonymizer)
    assert treated.vault_row == (treated.text, "EMAIL", "jane@example.com")
    assert treated.text == pseudonymizer.pseudonym("EMAIL", "jane@example.com")


def test_a_record_identifier_is_hashed_from_its_canonical_not_its_text(pseudonymizer):
    treated = KeyedPseudonym().treat(
        Detection("555 2671", "PHONE", "PHONE", "phone", canonical="+14155552671"), {},
        pseudonymizer)
    assert treated.text == pseudonymizer.pseudonym("PHONE", "+14155552671")


def test_a_spoken_value_is_hashed_from_what_the_recognizer_read(pseudonymizer):
    treated = KeyedPseudonym().treat(
        Detection("four one five five five five two six seven one", "PHONE_NUMBER", "PHONE",
                  "phone", read_as="4155552671"), {}, pseudonymizer)
    assert treated.text == pseudonymizer.pseudonym("PHONE", "+14155552671")


def test_a_value_that_cannot_be_normalized_is_replaced_never_kept(pseudonymizer):
    treated = KeyedToken().treat(Detection("@", "EMAIL_ADDRESS", "EMAIL", "email"), {},
                                 pseudonymizer)
    assert (treated.text, treated.vault_row) == ("<EMAIL_ADDRESS>", None)


def test_presidio_operate_takes_the_pseudonymizer_in_its_params(pseudonymizer):
    out = KeyedPseudonym().operate("CUST_7", {"pseudonymizer": pseudonymizer,
                                              "pseudonym_type": "CUSTOMER_ID",
                                              "normalizer": "id_casefold"})
    assert out == pseudonymizer.pseudonym("CUSTOMER_ID", "cust_7")


def test_policy_parameters_default_to_case_folded_ids_and_uppercase_the_type():
    assert KeyedPseudonym.params_from_policy({}) == {"normalizer": "id_casefold",
                                                     "pseudonym_type": None}
    assert KeyedToken.params_from_policy({"normalizer": "email", "pseudonymType": "email"}) == {
        "normalizer": "email", "pseudonym_type": "EMAIL"}


def test_an_unknown_normalizer_is_rejected_with_the_known_ones():
    with pytest.raises(ParameterError) as err:
        KeyedPseudonym.params_from_policy({"normalizer": "soundex"})
    assert err.value.key == "normalizer"
    assert err.value.problem == "'soundex' is not one of phone, email, id_exact, id_casefold"
