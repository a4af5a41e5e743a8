"""The analyzer built from the policy: custom rules and every recognizer together."""
import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.text_redactor import TextRedactor


@pytest.fixture(scope="module")
def redactor(policy, pseudonymizer, analyzer):
    return TextRedactor(policy, pseudonymizer, analyzer)


def test_meeting_dates_and_domain_words_are_not_redacted(redactor):
    text = ("the renewal is due on march 3 2026; please confirm your SSN and IBAN by card "
            "or account statement")
    assert redacted(redactor, text) == text


def test_custom_rule_matches_next_to_non_latin_scripts(redactor):
    for text in ("保单POL-12345678已更新", "полис POL-12345678 обновлён", "policy POL-12345678"):
        assert "12345678" not in redacted(redactor, text)


def test_redacting_redacted_text_changes_nothing(redactor):
    once = redacted(redactor, "Hi, I am John Smith, call 212-555-0147 or john@example.com")
    assert redacted(redactor, once) == once


def test_a_facility_name_raises_no_unmapped_entity_warning_and_is_not_returned(analyzer,
                                                                                caplog):
    with caplog.at_level("WARNING", logger="presidio-analyzer"):
        found = analyzer.analyze("I met John Smith at the Golden Gate Bridge", language="en")
    assert "not mapped" not in caplog.text
    assert {r.entity_type for r in found} == {"PERSON"}


def test_the_english_model_tags_no_sentence_without_latin_letters(analyzer):
    # en_core_web_sm calls each of these whole sentences a PERSON; names in them are found
    # by the script's own recognizers instead.
    for text in ("数学老师很好", "أريد أن أدفع الفاتورة", "私の名前はたなかです",
                 "我的邮箱是wang.li@example.cn谢谢"):
        found = analyzer.analyze(text, language="en", entities=["PERSON"])
        assert all(r.recognition_metadata["recognizer_name"] != "SpacyRecognizer"
                   for r in found), text
    found = analyzer.analyze("I spoke to John Smith", language="en", entities=["PERSON"])
    assert [r.recognition_metadata["recognizer_name"] for r in found] == ["SpacyRecognizer"]


def test_presidios_email_pattern_takes_no_chinese_words_along(analyzer):
    text = "我的邮箱是wang.li@example.cn谢谢"
    found = analyzer.analyze(text, language="en", entities=["EMAIL_ADDRESS"])
    assert {text[r.start:r.end] for r in found} == {"wang.li@example.cn"}
