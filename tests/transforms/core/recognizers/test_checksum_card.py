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


def test_a_league_table_row_that_passes_luhn_is_not_a_card(analyzer, policy):
    row = "Liverpool 38 30 7 1 85 22 97"  # 38307185229 7: Luhn-valid by chance
    assert found_by("ChecksumCardRecognizer", analyzer, policy, row, "CREDIT_CARD") == []
