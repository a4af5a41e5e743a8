"""ChineseNameRecognizer: names after a cue or before a title; ordinary Chinese stays."""
import pytest

from tests.transforms.core.recognizers.support import redacted


@pytest.mark.parametrize("text,expected", [
    ("我叫王小明，谢谢", "我叫<PERSON>，谢谢"),
    ("你好，我是李伟", "你好，我是<PERSON>"),
    ("谢谢王先生", "谢谢<PERSON>先生"),
    ("请问李伟先生在吗", "请问<PERSON>先生在吗"),
    ("联系人：欧阳娜娜", "联系人：<PERSON>"),
])
def test_a_chinese_name_is_found_by_cue_or_title_in_a_record_labelled_en(
        redactor, text, expected):
    assert redacted(redactor, text, language="en") == expected


@pytest.mark.parametrize("text", ["我是学生", "我想查询一下我的账单", "今天天气很好，我们去公园吧",
                                  "这是高兴的一天", "请付款", "数学老师很好"])
def test_ordinary_chinese_sentences_stay(redactor, text):
    assert redacted(redactor, text) == text
