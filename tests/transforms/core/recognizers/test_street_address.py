"""StreetAddressRecognizer: streets in many national orders, with their locality."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted


def _found(analyzer, policy, text, language="en"):
    return found_by("StreetAddressRecognizer", analyzer, policy, text, "STREET_ADDRESS",
                    language=language)


@pytest.mark.parametrize("text,gone", [
    ("i live at 28400 Karen Pike Apt. 524 since may", "28400 Karen Pike"),
    ("ship it to 12 rue de la paix please", "12 rue de la"),
])
def test_addresses_are_removed(redactor, text, gone):
    assert gone not in redacted(redactor, text)


def test_a_street_in_french_text_is_found(analyzer, policy):
    assert _found(analyzer, policy, "j'habite au 12 rue de la paix depuis mai",
                  language="fr") == ["12 rue de la paix"]


@pytest.mark.parametrize("address", [
    "14 Delan Road, MOLANGUL, QLD 4671",
    "3585 Galts Ave, Red Deer, AB T4N 2A6",
    "2 Lamphey Road, THE LAURELS,  NR14 4DR",
    "ul. Robotnicza 144, Wrocław,  53-608",
    "Rua Forno 44, Granja do Tedo, VI 5120-176",
    "Oldesloer Strasse 79, Breitenhain, TH 7806",
    "Willem Pijperstraat 79, Amsterdam, NH 1077 XM",
    "Síp utca 16., Aszód, PE 2170",
    "Μεγάλη Άμμος 107, ΠΑΦΟΣ, PA 8061",
    "Tylova 1036, Jevícko, PA 569 43",
    "P.O. Box 255, Kangerlussuaq, QE 3910",
])
def test_an_address_is_found_with_its_locality(analyzer, policy, address):
    assert _found(analyzer, policy, f"Please send it to {address}. Thanks") == [address]


def test_an_address_block_is_found_line_by_line(analyzer, policy):
    text = "Tanja Gersten\n\n6321 Edward Shoals\n Apt. 079\n Gossau\n\n Switzerland 8625\n" \
           "Mobile: 25 876397"
    assert _found(analyzer, policy, text) == [
        "6321 Edward Shoals\n Apt. 079\n Gossau\n\n Switzerland 8625"]


@pytest.mark.parametrize("text,street", [
    ("Agnès lives on Friedman Lakes street.", "Friedman Lakes street"),
    ("The bus drops you off at Hunt Circles St. at noon", "Hunt Circles St."),
    ("Pedestrians must enter on Stacy Ridges St. the first months", "Stacy Ridges St."),
])
def test_a_named_street_without_a_number_is_found(analyzer, policy, text, street):
    assert _found(analyzer, policy, text) == [street]


@pytest.mark.parametrize("text", [
    "We got 104 points in 2019 and walked 5 miles down the road",
    "Windows 10, Office 365 and Chapter 3 of the book",
    "the Treaty on European Union was invoked",
    "Arsenal 38 26 9 3 73 26 87",
])
def test_numbers_and_words_near_street_words_are_not_addresses(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text", [
    "DEC 1,245.50 1,243.00 +2.50 12,345",
    "Volume 3,456,789 shares , open interest 123,456",
    "Hampshire 260 and 177-4 ( R. Smith 82 , V. Hardy 52 not out )",
    "Al Gore 2000 campaign",
])
def test_market_and_scorecard_figures_are_not_addresses(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_street_after_an_initial_like_street_word_needs_a_cue(analyzer, policy):
    assert _found(analyzer, policy, "my address is al. Jerozolimskie 44") == \
        ["al. Jerozolimskie 44"]
    assert _found(analyzer, policy, "see al. Jerozolimskie 44 pages") == []


@pytest.mark.parametrize("text", [
    "bring 4 chairs and a table", "the crossing took 20 minutes to pass",
    "June 15 2017 was a Monday", "I drive to work", "a 3 minute walk from here",
])
def test_everyday_phrases_are_not_addresses(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_number_then_a_street_word_alone_is_not_an_address(redactor):
    text = "Arsenal finished with 104 points, 3 ways ahead of the rest."
    assert "104 points" in redacted(redactor, text)


@pytest.mark.parametrize("text,address", [
    ("1234 north main street apartment 5 springfield il 62704",
     "1234 north main street apartment 5 springfield il 62704"),
    ("i'll meet you at 67 farmer street kensington 112 after the concert",
     "67 farmer street kensington 112"),
    ("flat 3 12 baker street london nw1 6xe", "flat 3 12 baker street london nw1 6xe"),
    ("nail works at 2129 york st london on n5w 2s9", "2129 york st london on n5w 2s9"),
    ("the restaurant is at 7876 marie island", "7876 marie island"),
    ("i once lived in ul karpacka 69 bydgoszcz 85 164 now elsewhere",
     "ul karpacka 69 bydgoszcz 85 164"),
    ("what is your address it is östanlid 36 varberg 432 38", "östanlid 36 varberg 432 38"),
    ("address 138 rue de libya el louza 61 3016", "138 rue de libya el louza 61 3016"),
])
def test_a_caseless_address_is_found_up_to_its_postal_code(analyzer, policy, text, address):
    assert _found(analyzer, policy, text) == [address]


@pytest.mark.parametrize("text,street", [
    ("he lives on the north side of boyer way", "boyer way"),
    ("the bus station is on fry branch", "fry branch"),
    ("early shows on camacho manors street were important", "camacho manors street"),
])
def test_a_caseless_named_street_is_found(analyzer, policy, text, street):
    assert _found(analyzer, policy, text) == [street]


@pytest.mark.parametrize("text", [
    "it was 5 miles down the road", "a 15 minutes walk to the park",
    "they scored 104 points in 38 games", "the final will take place on second place",
    "we watched it from jurassic park", "pos team pld w d l pts 1 arsenal 38 26 7 5 85",
    "i have 2 kids aged 5 and 7 years", "we are 4 people at the table near 22 oak",
    "approved 1 august 1961", "f 86 sabre 1957 1960 f 100 super sabre 1958 1961",
    "the line had 6 northbound spurs", "what 1982 horror film centers around a man",
])
def test_caseless_counts_and_phrases_are_not_addresses(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_a_caseless_street_takes_no_locality_without_a_postal_code(analyzer, policy):
    text = "send it to 12 baker street tomorrow morning please"
    assert _found(analyzer, policy, text) == ["12 baker street"]


def test_a_written_address_closes_at_its_postal_code_mid_sentence(analyzer, policy):
    text = "The letter arrived at Hafnarbraut 21, Hólmavík,  510 last night."
    assert _found(analyzer, policy, text) == ["Hafnarbraut 21, Hólmavík,  510"]


def test_a_written_street_takes_no_short_count_after_its_town(analyzer, policy):
    assert _found(analyzer, policy, "I live at 12 Main St, Boston, 15 minutes away.") == [
        "12 Main St, Boston"]


def test_a_cued_caseless_street_of_any_words_is_found(analyzer, policy):
    text = "customer: i live at 1139 case cliff suite 050, south colleenport"
    assert _found(analyzer, policy, text) == ["1139 case cliff suite 050"]


@pytest.mark.parametrize("text,address", [
    ("i'll meet you at tompa u 2 bakonszeg hb 4164 after the concert",
     "tompa u 2 bakonszeg hb 4164"),
    ("what is your address it is plaza de españa 44 cambre c 15660",
     "plaza de españa 44 cambre c 15660"),
    ("i lived in roellstraat 164 amsterdam nh 1064 bj i now live there",
     "roellstraat 164 amsterdam nh 1064 bj"),
])
def test_caseless_abbreviated_streets_and_one_letter_regions_are_found(analyzer, policy, text,
                                                                       address):
    assert _found(analyzer, policy, text) == [address]


@pytest.mark.parametrize("text,address", [
    ("The letter arrived at USCGC Branch\nFPO AP 10760 last night.", "USCGC Branch\nFPO AP 10760"),
    ("I now live in PSC 3420, Box 6593\nAPO AE 09123", "PSC 3420, Box 6593\nAPO AE 09123"),
    ("send it to unit 5529 box 2024 dpo ap 04852 please", "unit 5529 box 2024 dpo ap 04852"),
    ("the letter arrived at usnv hatfield fpo ap 20637 last night",
     "usnv hatfield fpo ap 20637"),
])
def test_a_us_military_address_is_found(analyzer, policy, text, address):
    assert _found(analyzer, policy, text) == [address]


def test_an_aircraft_carrier_named_without_its_fpo_line_in_lowercase_is_not_an_address(
        analyzer, policy):
    assert _found(analyzer, policy, "we toured the uss enterprise in 1999") == []


@pytest.mark.parametrize("address,after", [
    ("409 Hernandez Hill Apt. 317\nAngelaton, WY 85764", " after the concert."),
    ("02397 Barrett Forges\nSouth Jessica\n, WY\n 89388", " for post mail?"),
    ("58048 Oconnell Cove\nNorth Elizabethmouth\n, WV\n United States Minor Outlying Islands "
     "41395", "."),
])
def test_an_address_block_takes_its_state_code_and_a_line_starting_with_a_comma(
        analyzer, policy, address, after):
    assert _found(analyzer, policy, f"Send it to:\n{address}{after}") == [address]


@pytest.mark.parametrize("text,address", [
    ("Oskar lives at 4791 P.O. Box 286, Ikerasassuaq", "4791 P.O. Box 286, Ikerasassuaq"),
    ("Eira lives at 9680 C/ Rosa de los Vientos 30, Conil de la Frontera",
     "9680 C/ Rosa de los Vientos 30, Conil de la Frontera"),
    ("Mr. Webb lives at 952 Martin Rue, North Debraport", "952 Martin Rue, North Debraport"),
    ("The bus station is on Aðalstræti 49", "Aðalstræti 49"),
    ("Write to 604 Munkácsy Mihály út 65.", "604 Munkácsy Mihály út 65"),
])
def test_a_number_before_a_street_and_more_street_words_are_taken(analyzer, policy, text,
                                                                   address):
    assert _found(analyzer, policy, text) == [address]


@pytest.mark.parametrize("text,address", [
    ("in 2019 12 Main St was sold", "12 Main St"),
    ("We met at 12 Rue Lafayette in Paris", "12 Rue Lafayette"),
])
def test_a_year_before_a_street_and_a_preposition_after_it_stay(analyzer, policy, text,
                                                                address):
    assert _found(analyzer, policy, text) == [address]


@pytest.mark.parametrize("text", ["ranked #22 12 Main Street", "in stores nov 2 12 Main Street"])
def test_a_ranking_or_a_one_digit_day_before_a_street_stays(analyzer, policy, text):
    assert _found(analyzer, policy, text) == ["12 Main Street"]


@pytest.mark.parametrize("text", [
    "germany 3rd reich cpl wehrmacht 1 set 831 842 mlh ww2",
    "call for paper vol 3 issue 6 2015 edition last date june 20 2015",
    "rt bpptkg 11 45 via tngm penutupan jalur pendakian merapi",
    "suspended tomorrow july 10 2015 via govramil",
    "canon smith zaemcgee 17 r u guys going to the meet tuesday",
    "2x white 6000k led t10 921 168 upper center high mount",
    "our dominion live periscope is on monday at 4 45 pm not today\nanother fort",
])
def test_tweet_numbers_sources_and_common_words_are_not_streets(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,street", [
    ("i live at östanlid 36 varberg 432 38", "östanlid 36 varberg 432 38"),
    ("send it to via roma 12 milano 20121", "via roma 12 milano 20121"),
    ("I live at 4 Via Corio, Roma", "4 Via Corio, Roma"),
])
def test_a_caseless_street_closed_by_a_town_and_a_code_or_a_cued_via_stays(analyzer, policy,
                                                                            text, street):
    assert _found(analyzer, policy, text) == [street]


def test_every_text_a_compound_street_matches_passes_its_pre_check():
    import random

    from tests.synthetic import make_corpus
    from transforms.core.recognizers import street_address as sa

    words = ["Rynkebyvej", "Hauptstraße", "Linzer Str.", "kirkegade", "Willem Pijperstraat",
             "Storgatan", "Mannerheimintie", "Síp utca", "Hafnarbraut", "am Ufer", "Parkweg"]
    rng = random.Random(3)
    texts = [str(v) for r in make_corpus(n=40, n_customers=10).records for v in r.values()]
    starts = ['', 'at ', 'x-', '12 ', 'Ab ', '12', 'vej 1 ', '\n', 'a_']
    texts += [f"{rng.choice(starts)}{w}{rng.choice(['', '.'])}"
              f"{rng.choice([' ', '  ', '\t', '\n', ',', ''])}{rng.choice(['21', '7b', '3/4', 'x'])}"
              f"{rng.choice(['', ', 2100 KBH', ' today'])}" for w in words for _ in range(30)]
    matched = [t for t in texts if sa._COMPOUND_THEN_NUMBER.search(t)]
    assert len(matched) > 100
    assert all(sa._may_hold_compound_street(t) for t in matched)
    assert not sa._may_hold_compound_street("call me at 212 555 0199, order 12345 on May 3")


@pytest.mark.parametrize("text", [
    "versus state of haryana and others respondents 2 civil writ petition no 7420 of 2020",
    "the appellants 3 criminal appeal no 1426 of 2005 are before the court",
])
def test_a_case_number_in_court_text_is_no_street(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text", [
    "I live at 900 Convention Center Drive, Miami Beach, FL 33139.",
    "Ship it to 201 Convention Center Dr, Las Vegas, NV 89109.",
])
def test_a_street_named_after_a_convention_centre_is_a_street(analyzer, policy, text):
    assert any(s.split()[0].isdigit() and "Convention" in s for s in _found(analyzer, policy, text))


@pytest.mark.parametrize("text", [
    "I'd like to buy some movie tickets for the AMC Mountain 16 please.",
    "Is the movie 1917 still playing at AMC Chicago Ridge 6?",
    "We could try the Regal Union Square 14 tonight.",
])
def test_an_english_street_word_before_a_number_is_a_venue_without_a_cue(analyzer, policy,
                                                                          text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,street", [
    ("I live at Park Avenue 5, second floor.", "Park Avenue 5"),
    ("Please send it to Linzer Strasse 69 by Monday.", "Linzer Strasse 69"),
    ("the office is Síp utca 16.", "Síp utca 16"),
    # four digits or more after a place word: a postal code, kept with its address
    ("My address is 12 Brandon Terrace\n Port Jennifer\n Christmas Island 59957 now.",
     "Christmas Island 59957"),
])
def test_a_street_word_before_a_number_is_found_when_cued_or_not_english(analyzer, policy,
                                                                         text, street):
    assert any(street in found for found in _found(analyzer, policy, text))


@pytest.mark.parametrize("text,date,name", [
    ("Dominic Allen was last seen on April 23, 2015.", "April 23, 2015", "Allen"),
    ("Call Karen Whitfield about the festival on July 24, 25, 26.", "July 24, 25, 26", "Whitfield"),
    ("Roberto Mancini spoke on September 7, 2015 16.56 WIB", "September 7, 2015", "Mancini"),
])
def test_a_month_day_and_year_are_a_date_not_a_street(redactor, text, date, name):
    out = redacted(redactor, text)
    assert date in out and name not in out


def test_a_month_before_a_number_is_no_street_but_a_cued_street_still_is(analyzer, policy):
    assert _found(analyzer, policy, "The voting is extended until November 03, 2015.") == []
    assert _found(analyzer, policy, "my address is May Street 12, Springfield 62704") == [
        "May Street 12, Springfield 62704"]


@pytest.mark.parametrize("text,street", [
    ("We're at Maple Court 7 now.", "Maple Court 7"),
    ("I'm staying at Rose Close 4 until Friday.", "Rose Close 4"),
    ("bring it round to Station Road 6 please", "Station Road 6"),
    ("Name: Anna Kowalski, Willow Way 9", "Willow Way 9"),
    ("From: Park Road 9", "Park Road 9"),
    ("John Smith, Maple Court 7, Springfield", "Maple Court 7"),
    ("OAK LANE 12", "OAK LANE 12"),
])
def test_an_english_street_word_before_a_number_is_a_street_without_a_chain_or_the(
        analyzer, policy, text, street):
    assert any(street in found for found in _found(analyzer, policy, text))


@pytest.mark.parametrize("text", [
    "Criminal Petition Nos.152, 153, 155 & 162 Of 2020 And 3498, 3500, 3509, 3514 Of 2020",
    "                G.A. No. 804 Of 2019\n                Rvwo 11 of 2019\n"
    "                Cs 23 of 2015\n",
])
def test_case_numbers_of_a_year_are_not_an_address(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text", [
    "the respondent paid another amount of Rs. 1,20,000/- within eight weeks",
    "Hence I pass an award for Rs. 49,96,719/- with pendente lite interest.",
])
def test_an_amount_in_rupees_is_not_an_address(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


@pytest.mark.parametrize("text,street", [
    ("amundi i sol s p usd 26330 diaz walks phillipsbury tn 11204", "26330 diaz walks"),
    ("lyxor ind fd lyftse eur 4331 christina inlet lake annaland ar 86977", "4331 christina inlet"),
    ("the fund in USD 1200 Market Street, Suite 4 is ours", "1200 Market Street"),
])
def test_an_address_after_a_currency_word_is_still_an_address(analyzer, policy, text, street):
    found = _found(analyzer, policy, text)
    assert any(f.startswith(street) for f in found), found
