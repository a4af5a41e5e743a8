"""RegionalPhoneRecognizer: phones valid in the regions of the text's script."""
from tests.transforms.core.recognizers.support import found_by, redacted
from transforms.core.recognizers.regional_phone import regional_phones


def test_a_chinese_mobile_written_against_chinese_text_is_found(analyzer, policy):
    assert found_by("RegionalPhoneRecognizer", analyzer, policy, "我的手机13812345678谢谢",
                    "PHONE_NUMBER") == ["13812345678"]


def test_it_is_read_as_a_chinese_number_and_its_neighbours_stay(redactor):
    assert regional_phones("我的手机13812345678谢谢") == [(4, 15, "+8613812345678")]
    out = redacted(redactor, "我的手机13812345678谢谢")
    assert out.startswith("我的手机PHONE#") and out.endswith("谢谢")


def test_latin_text_is_not_read_with_other_regions():
    assert regional_phones("order 13812345678 shipped") == []
