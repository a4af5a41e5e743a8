"""DateOfBirthRecognizer: a date with a birth cue nearby."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


@pytest.mark.parametrize("text,gone", [
    ("my date of birth is the 12 of june 1966", "1966"),
    ("dob: 03/14/1985", "03/14/1985"),
])
def test_birth_dates_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)


def test_an_english_birth_cue_counts_in_a_french_record(analyzer, policy):
    assert found_by("DateOfBirthRecognizer", analyzer, policy, "client : dob 14/03/1985",
                    "DATE_OF_BIRTH", language="fr") == ["14/03/1985"]
