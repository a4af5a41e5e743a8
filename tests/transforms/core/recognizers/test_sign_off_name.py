"""SignOffNameRecognizer: the name after a closing line, or alone with a comma on the first
line of a message."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers import recognizers_for
from transforms.core.recognizers.sign_off_name import SignOffNameRecognizer


def _found(analyzer, text):
    return found_alone(SignOffNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("Could you advise me on this matter?\nKindest regards,\nVisit", "Visit"),
    ("All the best,\nVisit Phunnarungsi", "Visit Phunnarungsi"),
    ("It smelled awful.\nTalk to you later\nGT", "GT"),
    ("please call me back\nthanks\nvince", "vince"),
    ("Thanks again,\nWinston", "Winston"),
    ("Deco,\nthe parcel came today.", "Deco"),
    ("Do you intend 10MM for ENA as well?\nThx\ndp", "dp"),
    ("we are fine\ni can take a look at it\nvince", "vince"),
])
def test_the_line_after_a_closing_or_a_first_line_name_comma_is_a_person(analyzer, text,
                                                                        name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "Kind regards,\nSupport Team",
    "Regards,\nAcme Corp",
    "thanks\nsure",
    "Update,\nthe order shipped",
    "Hello,\nI need help",
    "Thanks,\nI will call back tomorrow.",
    "Kindest regards, Visit",  # one line: left to the other recognizers
    "we are fine\ni can take a look\nwill",
    "we are fine\nsee you later\nbye",
    "ok\ndp",  # initials only after a closing
])
def test_teams_ordinary_words_and_sentences_after_a_closing_are_not_names(analyzer, text):
    assert _found(analyzer, text) == []


@pytest.mark.parametrize("text", [
    "Cheers,\nMom",
    "See you soon\nGrandma",
    "thanks for everything\nlove\ndad",
    "Mum,\nthe parcel came today.",
])
def test_a_kinship_word_signing_or_opening_a_message_is_no_name(analyzer, text):
    """"Love, Mom" names the writer by a family role, not by a name."""
    assert _found(analyzer, text) == []


def test_a_signature_that_is_an_ordinary_word_is_redacted_and_the_closing_stays(redactor):
    out = redacted(redactor, "Can you send me the data?\nKindest regards,\nVisit")
    assert out.startswith("Can you send me the data?\nKindest regards,\n")
    assert "Visit" not in out


def test_the_recognizer_serves_english():
    assert any(isinstance(r, SignOffNameRecognizer) for r in recognizers_for("en"))
