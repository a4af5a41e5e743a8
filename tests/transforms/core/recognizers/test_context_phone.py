"""ContextPhoneRecognizer: grouped digits are a phone only with a phone cue nearby."""
from functools import partial

from tests.transforms.core.recognizers.support import found_by

_found = partial(found_by, "ContextPhoneRecognizer", entity="PHONE_NUMBER")


def test_grouped_digits_are_a_phone_only_with_a_phone_cue(analyzer, policy):
    assert _found(analyzer, policy, "my phone number is 4471 2290 331") == ["4471 2290 331"]
    assert _found(analyzer, policy, "ticket 4471 2290 331 closed") == []


def test_a_french_phone_cue_counts_in_french_text(analyzer, policy):
    assert _found(analyzer, policy, "mon portable est le 4471 2290 331", language="fr") == \
        ["4471 2290 331"]
