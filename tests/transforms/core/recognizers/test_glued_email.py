"""GluedEmailRecognizer: an ASCII email written straight against CJK text."""
from tests.transforms.core.recognizers.support import found_by, redacted


def test_an_email_touching_japanese_text_is_found_alone(analyzer, policy):
    assert found_by("GluedEmailRecognizer", analyzer, policy, "メールはtaro@example.jpです",
                    "EMAIL_ADDRESS") == ["taro@example.jp"]


def test_the_japanese_words_around_it_stay(redactor):
    out = redacted(redactor, "メールはtaro@example.jpです")
    assert out.startswith("メールはEMAIL#") and out.endswith("です") and "taro" not in out


def test_an_email_inside_a_chinese_sentence_takes_none_of_its_words(redactor):
    out = redacted(redactor, "我的邮箱是wang.li@example.cn谢谢")
    assert out.startswith("我的邮箱是EMAIL#") and out.endswith("谢谢") and "wang" not in out


def test_it_gets_the_pseudonym_of_the_address_alone(redactor):
    assert redacted(redactor, "邮箱wang.li@example.cn谢谢")[2:-2] == \
        redacted(redactor, "mail wang.li@example.cn")[5:]
