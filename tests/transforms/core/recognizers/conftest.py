"""The text redactor over the session analyzer, shared by the recognizer tests."""
import pytest

from transforms.core.text_redactor import TextRedactor


@pytest.fixture(scope="module")
def redactor(policy, pseudonymizer, analyzer):
    return TextRedactor(policy, pseudonymizer, analyzer)
