"""SpokenEmailRecognizer: an address read out becomes the written address."""
from tests.transforms.core.recognizers.support import redacted
from transforms.core.recognizers import SpokenEmailRecognizer, spoken_email


def test_spoken_email_becomes_the_written_address():
    rec = SpokenEmailRecognizer()
    text = "my email is marie dash therese dot mülichen65 at yahoo dot com thanks"
    (result,) = rec.analyze(text, ["EMAIL_ADDRESS"])
    assert text[result.start:result.end].startswith("marie")
    assert spoken_email("marie dash therese dot mülichen65", "yahoo dot com") == \
        "marie-therese.mülichen65@yahoo.com"


def test_an_address_spelled_out_in_english_in_a_french_record_is_removed(redactor):
    out = redacted(redactor, "client : mon courriel c'est jean dot dupont at gmail dot com merci",
                   language="fr")
    assert "dupont" not in out and "gmail" not in out
