"""PostalCodeRecognizer: codes after a cue, a US state or a country, UK and Canadian shapes."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


def _found(analyzer, policy, text):
    return found_by("PostalCodeRecognizer", analyzer, policy, text, "POSTAL_CODE")


@pytest.mark.parametrize("text,code", [
    ("ZIP: 3100", "3100"),
    ("my zip code is 94105 thanks", "94105"),
    ("Springfield, IL 62704-1234", "62704-1234"),
    ("Gossau\n\n Switzerland 8625", "8625"),
    ("Windsor\n\n Canada N9A 7A2", "N9A 7A2"),
    ("United Kingdom SK11 1JH", "SK11 1JH"),
    ("the office is near SW1A 1AA", "SW1A 1AA"),
    ("Sweden 502 21", "502 21"),
])
def test_postal_codes_are_found(analyzer, policy, text, code):
    assert _found(analyzer, policy, text) == [code]


@pytest.mark.parametrize("text", [
    "We played in France 2019 and won 3 games",
    "order 62704 shipped on Monday",
    "they scored 104 points",
])
def test_years_orders_and_scores_are_not_postal_codes(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_postal_code_is_replaced_in_text(redactor):
    assert redacted(redactor, "my zip code is 94105") == "my zip code is <POSTAL_CODE>"


@pytest.mark.parametrize("text,code", [
    ("Vila Real, VR 5000-047", "5000-047"),
    ("Essoumrane, 32 8173", "8173"),
    ("Pärnu 80098 Estonia", "80098"),
    ("the postcode is 10-672", "10-672"),
])
def test_postal_codes_around_places_and_countries_are_found(analyzer, policy, text, code):
    assert _found(analyzer, policy, text) == [code]


def test_a_code_after_a_place_and_its_region_ends_a_line(analyzer, policy):
    assert _found(analyzer, policy, "Kilbirnie WN 6022\nNew Zealand") == ["6022"]


def test_a_version_and_a_year_are_not_postal_codes(analyzer, policy):
    assert _found(analyzer, policy, "We still run Windows XP 2003.") == []


@pytest.mark.parametrize("text,found", [
    ("we support shops in Miami 33179 and beyond", ["33179"]),
    ("an office in Bystré u Policky 569 92 opened", ["569 92"]),
    ("the meeting is in Room 101 at noon", []),
    ("we moved in March 2019 to a new flat", []),
    ("they played in Paris 2024 and won", []),
])
def test_a_code_after_a_place_after_a_preposition(analyzer, policy, text, found):
    assert _found(analyzer, policy, text) == found


def test_the_written_out_country_names_are_those_phonenumbers_knows():
    import phonenumbers
    from phonenumbers.geocoder import country_name_for_number

    from transforms.core.recognizers.country_names import COUNTRY_NAMES

    names = {country_name_for_number(phonenumbers.example_number(region), "en")
             for region in phonenumbers.SUPPORTED_REGIONS
             if phonenumbers.example_number(region) is not None}
    assert set(COUNTRY_NAMES) == names - {""}


def test_names_grouped_by_first_letter_match_where_and_as_the_plain_alternation_does():
    import random
    import re

    from transforms.core.recognizers.country_names import COUNTRY_NAMES
    from transforms.core.recognizers.postal_code import by_first_letter

    names = sorted(set(COUNTRY_NAMES) | {"USA", "UK", "Holland"}, key=len, reverse=True)
    plain = re.compile(r"(?i:\b(?:" + "|".join(map(re.escape, names)) + r"))\b,?[ \t]+(\d+)")
    grouped = re.compile(r"(?i:\b(?:" + by_first_letter(names) + r"))\b,?[ \t]+(\d+)")
    rnd = random.Random(7)
    texts = [f"{prefix}{form} {tail}" for name in names
             for form in (name, name.upper(), name.lower(), name[:-1], name + "ia")
             for prefix, tail in (("in ", "12345"), ("x", "1234"), ("", ", 502 21"))]
    texts += ["".join(rnd.choice("aAcCsSkKiIuUå Å,0123456789\n") for _ in range(60))
              for _ in range(2000)]
    found = 0
    for text in texts:
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in grouped.finditer(text)] == expected, text
        found += len(expected)
    assert found > len(names)  # the texts do hold country names followed by numbers


@pytest.mark.parametrize("text,code", [
    ("i live in springfield il 62704 now", "62704"),
    ("i live in springfield illinois 62704 1234", "62704 1234"),
    ("the office in pituffik 3970 is closed", "3970"),
    ("they are in emmer compascuum 7881 pt this week", "7881 pt"),
    ("it is in cape dorset x0a 0c0", "x0a 0c0"),
])
def test_caseless_postal_codes_are_found(analyzer, policy, text, code):
    assert _found(analyzer, policy, text) == [code]


@pytest.mark.parametrize("text", [
    "we met in paris 2019 we won", "call me 55512 times", "in room 1010 on the left",
    "meet me on the 2nd floor at 4 3rd avenue", "the score in march 2019 was 3 0",
])
def test_caseless_years_rooms_and_ordinals_are_not_postal_codes(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_lowercase_uk_code_is_removed_and_an_ordinal_stays(redactor):
    out = redacted(redactor, "the office is near sw1a 1aa on the 2nd floor")
    assert "1aa" not in out and "2nd floor" in out


def test_a_lowercase_state_needs_a_caseless_line(analyzer, policy):
    assert _found(analyzer, policy, "Tell me in 10 days, or 12345 Euros") == []


@pytest.mark.parametrize("text,code", [
    ("083 samantha tunnel apt. 298\nport jeremyport, ia 43484", "43484"),
    ("send it to 1500 angel courts\njonesport\n, ca\n 55353 for post mail?", "55353"),
])
def test_a_caseless_zip_after_a_place_a_comma_and_a_state_even_across_lines_is_found(
        analyzer, policy, text, code):
    assert code in found_by("PostalCodeRecognizer", analyzer, policy, text, "POSTAL_CODE")


def test_a_caseless_zip_across_lines_needs_every_line_caseless(analyzer, policy):
    text = "Send it to the Jonesport office\n, ca\n 55353 for post mail?"
    assert found_by("PostalCodeRecognizer", analyzer, policy, text, "POSTAL_CODE") == []
