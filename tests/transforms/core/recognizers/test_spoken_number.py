"""SpokenNumberRecognizer: digits read out, classified by length, checksum and cue."""
from tests.transforms.core.recognizers.support import redacted
from transforms.core.recognizers import SpokenNumberRecognizer


def test_spoken_numbers_are_classified_by_length_checksum_and_cue():
    rec = SpokenNumberRecognizer()
    found = lambda t: [(r.entity_type, t[r.start:r.end]) for r in rec.analyze(
        t, rec.ENTITIES)]
    assert found("my ssn is two one nine oh nine nine nine nine nine") == [
        ("US_SSN", "two one nine oh nine nine nine nine nine")]
    assert found("card four one one one one one one one one one one one one one one one")[0][0] \
        == "CREDIT_CARD"
    assert found("call me on four one five five five five two six seven one")[0][0] \
        == "PHONE_NUMBER"
    assert found("i have one question and two requests") == []


def test_digits_read_out_in_english_in_a_french_record_are_removed(redactor):
    out = redacted(redactor, "client : oui c'est le five five five two six seven one merci",
                   language="fr")
    assert "five five five two" not in out and "merci" in out


def test_a_french_number_read_with_six_six_is_removed(redactor):
    out = redacted(redactor, "client : c'est le zéro six six six 12 34 56 78", language="fr")
    assert "12 34 56 78" not in out
