"""The pre-scan skips a Presidio recognizer only on texts it cannot match."""
import phonenumbers
import pytest
from phonenumbers import PhoneMetadata
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from tests.synthetic import make_corpus
from transforms.core.prescan import GATES, PHONE_MIN_DIGITS, prescan

_TYPES = ("premium_rate", "toll_free", "mobile", "fixed_line", "shared_cost", "voip",
          "personal_number", "pager", "uan", "voicemail")

# Texts at the edge of each gate (the fewest digits a match can have) and beside it.
EDGES = [
    "write to a@b.co", "mail: x.y+z@mail.example.org thanks", "no at sign here",
    "ssn 078-05-1120", "ssn 078 05 1120", "ssn 07805 1120", "zip 12345-6789",
    "itin 912-70-1234", "itin 912701234", "passport A12345678", "passport 912345678",
    "account 12345678", "account 1234567", "card 4222222222222", "card 4111 1111 1111 1111",
    "card 4111-111-111-111", "nhs 943 476 5919", "ip 1.2.3.4", "ip ::1", "ip fe80::1",
    "ip ::ffff:10.0.0.1", "ip 2001:db8::8a2e:370:7334", "version 1.2", "time 10:30",
    "iban DE89 3704 0044 0532 0130 00", "iban gb82west12345698765432",
    "wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "call +49 30 1234567", "ruf an 030 12345", "+44 20 7946 0958", "(212) 555-0147",
    "+1 212 555 0147 ext 12", "+683 4002", "+290 22158", "٠١٢٣٤٥٦٧٨٩ ٠٥٥٥", "１２３-４５６-７８９０",
]


def _texts():
    corpus = make_corpus(n=40, n_customers=10)
    texts = [value for record in corpus.records for value in record.values()
             if isinstance(value, str)]
    return texts + EDGES + [t.upper() for t in EDGES]


def _min_digits(metadata) -> int:
    lengths = [length for name in _TYPES if getattr(metadata, name) is not None
               and getattr(metadata, name).national_number_pattern is not None
               for length in (getattr(metadata, name).possible_length
                              or metadata.general_desc.possible_length) if length > 0]
    return min(lengths, default=99)


def test_phone_gate_asks_no_more_digits_than_the_shortest_valid_number():
    national = min(_min_digits(PhoneMetadata.metadata_for_region(region))
                   for region in PhoneRecognizer.DEFAULT_SUPPORTED_REGIONS)
    international = min(
        [_min_digits(PhoneMetadata.metadata_for_region(region))
         + len(str(PhoneMetadata.metadata_for_region(region).country_code))
         for region in phonenumbers.SUPPORTED_REGIONS]
        + [_min_digits(PhoneMetadata.metadata_for_nongeo_region(code)) + len(str(code))
           for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS])
    assert PHONE_MIN_DIGITS <= min(national, international)


def test_the_scan_counts_digits_of_any_script_and_ascii_ones_apart():
    scan = prescan("call ٠١٢ or 345, mail a@b.c")
    assert (scan.digits, scan.ascii_digits, scan.at) == (6, 3, True)


@pytest.mark.parametrize("kind", sorted(GATES))
def test_a_gated_recognizer_finds_what_the_ungated_one_finds(analyzer, kind):
    gated = [r for r in analyzer.registry.recognizers
             if type(r).__name__ == kind and r.supported_language == "en"]
    if not gated:
        pytest.skip(f"{kind} is not loaded for English")
    recognizer = gated[0]
    ungated = recognizer.analyze.__wrapped__
    entities = recognizer.supported_entities
    found = 0
    for text in _texts():
        expected = sorted((r.start, r.end, r.entity_type, r.score)
                          for r in ungated(text, entities, None))
        got = sorted((r.start, r.end, r.entity_type, r.score)
                     for r in recognizer.analyze(text, entities, None))
        assert got == expected, (kind, text)
        found += bool(expected)
    assert found, f"no text has a {kind} match: the comparison proves nothing"


def test_a_phone_number_is_still_found_when_its_digits_are_there(analyzer):
    found = analyzer.analyze("call me on +44 20 7946 0958 please", language="en",
                             entities=["PHONE_NUMBER"])
    assert [(r.start, r.end) for r in found] == [(11, 27)]
