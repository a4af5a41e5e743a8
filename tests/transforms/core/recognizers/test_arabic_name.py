"""ArabicNameRecognizer: one or two words after a cue such as اسمي or السيد."""
import pytest

from tests.transforms.core.recognizers.support import redacted


@pytest.mark.parametrize("text,expected", [
    ("اسمي أحمد علي", "اسمي <PERSON>"),
    ("مرحبا، اسمي أحمد علي وأريد تغيير عنواني", "مرحبا، اسمي <PERSON> وأريد تغيير عنواني"),
    ("السيد محمد حسن سيتصل بك", "السيد <PERSON> سيتصل بك"),
    ("معك سارة من خدمة العملاء", "معك <PERSON> من خدمة العملاء"),
])
def test_an_arabic_name_after_a_cue_is_found_in_a_record_labelled_en(redactor, text, expected):
    assert redacted(redactor, text, language="en") == expected


@pytest.mark.parametrize("text", ["أريد أن أدفع الفاتورة", "شكرا جزيلا على المساعدة"])
def test_ordinary_arabic_sentences_stay(redactor, text):
    assert redacted(redactor, text) == text
