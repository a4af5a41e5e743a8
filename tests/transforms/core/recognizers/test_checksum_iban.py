"""ChecksumIbanRecognizer: mod-97-valid IBANs of any country."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


@pytest.mark.parametrize("text,gone", [
    ("refund to ES5041535255436301029398 customer", "ES5041535255436301029398"),
])
def test_ibans_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)


def test_an_iban_in_french_text_is_found(analyzer, policy):
    assert found_by("ChecksumIbanRecognizer", analyzer, policy,
                    "rembourser sur ES5041535255436301029398 merci", "IBAN_CODE",
                    language="fr") == ["ES5041535255436301029398"]
