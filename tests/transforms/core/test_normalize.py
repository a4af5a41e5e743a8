import pytest

from transforms.core.normalize import (NormalizationError, normalize, normalize_email,
                                       normalize_id_casefold, normalize_id_exact,
                                       normalize_phone)


@pytest.mark.parametrize("written", [
    "(415) 555-2671", "415-555-2671", "415.555.2671", "+1 415 555 2671", "4155552671",
    "+14155552671", "1-415-555-2671", " +1 (415) 555 2671 ", "４１５ ５５５ ２６７１",
])
def test_us_phone_formats_normalize_to_one_e164(written):
    assert normalize_phone(written, "US") == "+14155552671"


@pytest.mark.parametrize("written,region", [
    ("020 7946 0958", "GB"), ("+44 20 7946 0958", "US"), ("+44 (0)20 7946 0958", "US"),
])
def test_international_phone_uses_country_code_or_policy_region(written, region):
    assert normalize_phone(written, region) == "+442079460958"


def test_unparseable_phone_falls_back_to_marked_digits():
    assert normalize_phone("ext 12-34-56-78-90-12-34-56", "US") == "+?1234567890123456"


def test_phone_with_too_few_digits_is_refused_without_echoing_it():
    with pytest.raises(NormalizationError) as err:
        normalize_phone("12-34", "US")
    assert "12-34" not in str(err.value)


@pytest.mark.parametrize("written", [
    " John.Smith@Example.com ", "JOHN.SMITH@EXAMPLE.COM", "mailto:john.smith@example.com",
])
def test_email_forms_normalize_to_trimmed_lowercase(written):
    assert normalize_email(written) == "john.smith@example.com"


@pytest.mark.parametrize("bad", ["not an email", "@example.com", "a@b@c", "user@"])
def test_non_email_is_refused(bad):
    with pytest.raises(NormalizationError):
        normalize_email(bad)


def test_ids_are_trimmed_and_optionally_case_folded():
    assert normalize_id_exact("  CUST_998877 ") == "CUST_998877"
    assert normalize_id_casefold("CUST_998877") == normalize_id_casefold("cust_998877")
    with pytest.raises(NormalizationError):
        normalize_id_exact("   ")


@pytest.mark.parametrize("disguised", [
    "jane\u200b.doe@example.com", "jane.doe\u00ad@example.com", "\ufeffjane.doe@example.com",
    "jane.doe@exa\u200dmple.com", "jane\x00.doe@example.com",
    "ｊａｎｅ．ｄｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"])
def test_invisible_and_full_width_characters_do_not_split_an_email(disguised):
    assert normalize("email", disguised) == "jane.doe@example.com"


@pytest.mark.parametrize("disguised", ["415\u200b555\u20602671", "４１５-５５５-２６７１",
                                       "(415) 555\u00ad-2671", "415_555_2671", "415~555~2671",
                                       "415*555*2671", "415|555|2671", "415\u00b7555\u00b72671",
                                       "415\u2013555\u20142671",
                                       "\u0664\u0661\u0665-\u0665\u0665\u0665-"
                                       "\u0662\u0666\u0667\u0661"])
def test_invisible_and_full_width_characters_do_not_split_a_phone(disguised):
    assert normalize("phone", disguised) == "+14155552671"


def test_invisible_characters_do_not_split_an_id():
    assert normalize("id_casefold", "CUST_99\u200b8877") == normalize("id_casefold", "cust_998877")


def test_an_underscore_in_an_email_or_an_id_is_kept():
    assert normalize("email", "user1_2@example.com") == "user1_2@example.com"
    assert normalize("id_exact", "12_34") == "12_34"
