"""ChecksumCardRecognizer: Luhn-valid card numbers of any issuer."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


@pytest.mark.parametrize("text,gone", [
    ("card 2720 9869 8797 3091", "3091"),  # 2-series Mastercard, Luhn-valid
])
def test_cards_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)


def test_a_card_in_french_text_is_found(analyzer, policy):
    assert found_by("ChecksumCardRecognizer", analyzer, policy, "ma carte 2720 9869 8797 3091",
                    "CREDIT_CARD", language="fr") == ["2720 9869 8797 3091"]
