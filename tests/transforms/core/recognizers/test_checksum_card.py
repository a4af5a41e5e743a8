"""ChecksumCardRecognizer: Luhn-valid card numbers of any issuer."""
import pytest

from tests.transforms.core.recognizers.support import redacted


@pytest.mark.parametrize("text,gone", [
    ("card 2720 9869 8797 3091", "3091"),  # 2-series Mastercard, Luhn-valid
])
def test_cards_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)
