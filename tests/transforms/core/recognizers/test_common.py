"""What the recognizers share: spoken digits, and the canonical value they read."""
import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.recognizers import spoken_digits
from transforms.core.text_redactor import KnownIdentifier


@pytest.mark.parametrize("spoken,digits", [
    ("four one five five five five two six seven one", "4155552671"),
    ("seven double two oh nine", "72209"),
    ("two triple five 12", "255512"),
])
def test_spoken_digits_read_as_digits(spoken, digits):
    assert spoken_digits(spoken) == digits


def test_spoken_phone_and_email_get_the_columns_pseudonyms(redactor, pseudonymizer):
    known = [KnownIdentifier("PHONE", "phone", "+14155552671"),
             KnownIdentifier("EMAIL", "email", "jane.doe@example.com")]
    out = redacted(redactor, "customer yes it's four one five five five five two six seven one "
                   "and my email is jane dot doe at example dot com", known)
    assert pseudonymizer.pseudonym("PHONE", "+14155552671") in out
    assert pseudonymizer.pseudonym("EMAIL", "jane.doe@example.com") in out
