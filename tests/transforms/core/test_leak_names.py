"""The leak guard's own name check: names after cues, placeholders and ordinary talk pass."""
import pytest

from transforms.core.leak_names import names_left


@pytest.mark.parametrize("text", [
    "hi, my name is Urmi Nanda", "customer: my name is urmi", "this is Dave speaking",
    "this is dave smith speaking", "thanks Mr. Okafor", "please ask mrs okafor",
    "Dr. Hwang will call", "Hon'ble Mr. Justice Waziri", "Dr. Justice Chandrachud",
    "bonjour, je m'appelle Élodie", "我叫王小明，谢谢", "我是李伟",
    "谢谢王先生", "私の名前は山田太郎です", "たなかさん、こんにちは", "اسمي أحمد علي",
])
def test_a_name_after_a_cue_is_found(text):
    assert names_left(text)


@pytest.mark.parametrize("text", [
    "hi, my name is <PERSON>", "this is <PERSON> speaking", "thanks Mr. <PERSON>",
    "Hon'ble Mr. Justice <PERSON>", "the hon'ble mr justice <PERSON> said",
    "Dr. Justice <PERSON>", "mr mr <PERSON> senior advocate",
    "my name is on the account", "my name is spelled wrong on the bill",
    "this is it, speaking of which", "the delay was 200 ms overall", "i miss my flight",
    "dr. who knows", "hello, I need help with my bill", "我是学生", "今天天气很好，我们去公园吧",
    "お客様のお名前をお願いします", "皆さん、おはようございます", "たくさんあります",
    "أريد أن أدفع الفاتورة", "شكرا جزيلا على المساعدة",
])
def test_placeholders_and_ordinary_talk_pass(text):
    assert not names_left(text)
