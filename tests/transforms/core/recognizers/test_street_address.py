"""StreetAddressRecognizer: house number and street words, European order, P.O. boxes."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


@pytest.mark.parametrize("text,gone", [
    ("i live at 28400 Karen Pike Apt. 524 since may", "28400 Karen Pike"),
    ("ship it to 12 rue de la paix please", "12 rue de la"),
])
def test_addresses_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)


def test_a_street_in_french_text_is_found(analyzer, policy):
    assert found_by("StreetAddressRecognizer", analyzer, policy,
                    "j'habite au 12 rue de la paix depuis mai", "STREET_ADDRESS",
                    language="fr") == ["12 rue"]


def test_a_number_then_a_street_word_alone_is_not_an_address(redactor):
    text = "Arsenal finished with 104 points, 3 ways ahead of the rest."
    assert "104 points" in redacted(redactor, text)
