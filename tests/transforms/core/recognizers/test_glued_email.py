"""GluedEmailRecognizer: an ASCII email written straight against CJK text."""
from tests.transforms.core.recognizers.support import found_by, redacted


def test_an_email_touching_japanese_text_is_found_alone(analyzer, policy):
    assert found_by("GluedEmailRecognizer", analyzer, policy, "メールはtaro@example.jpです",
                    "EMAIL_ADDRESS") == ["taro@example.jp"]


def test_the_japanese_words_around_it_stay(redactor):
    out = redacted(redactor, "メールはtaro@example.jpです")
    assert out.startswith("メールはEMAIL#") and out.endswith("です") and "taro" not in out
