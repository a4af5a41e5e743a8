"""ChecksumIbanRecognizer: mod-97-valid IBANs of any country."""
import pytest

from tests.transforms.core.recognizers.support import redacted


@pytest.mark.parametrize("text,gone", [
    ("refund to ES5041535255436301029398 customer", "ES5041535255436301029398"),
])
def test_ibans_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)
