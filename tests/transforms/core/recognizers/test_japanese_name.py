"""JapaneseNameRecognizer: names after a cue, before と申します or an honorific."""
import pytest

from tests.transforms.core.recognizers.support import redacted


@pytest.mark.parametrize("text,expected", [
    ("私の名前は山田太郎です", "私の名前は<PERSON>です"),
    ("山田太郎と申します", "<PERSON>と申します"),
    ("たなかさん、こんにちは", "<PERSON>さん、こんにちは"),
    ("田中様にお電話しました", "<PERSON>様にお電話しました"),
    ("私の名前はたなかです", "私の名前は<PERSON>です"),
])
def test_a_japanese_name_is_found_in_a_record_labelled_en(redactor, text, expected):
    assert redacted(redactor, text, language="en") == expected


@pytest.mark.parametrize("text", ["お客様のお名前をお願いします", "皆さん、おはようございます",
                                  "お疲れ様でした", "たくさんあります", "同様に処理します",
                                  "今日は雨が降っています"])
def test_ordinary_japanese_sentences_stay(redactor, text):
    assert redacted(redactor, text) == text
