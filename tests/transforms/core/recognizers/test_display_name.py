"""DisplayNameRecognizer: the name written before an email address in angle brackets."""
import pytest

from tests.transforms.core.recognizers.support import found_alone, redacted
from transforms.core.recognizers import recognizers_for
from transforms.core.recognizers.display_name import DisplayNameRecognizer


def _found(analyzer, policy, text):
    return found_alone(DisplayNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ('"Les Spahnn" <spahnn@hnks.com>\n02/13/2001 08:02 PM', "Les Spahnn"),
    ('"Hollis, Visit" <visit.hollis@example.com>', "Hollis, Visit"),
    ('Email: "Andre"<webmas...@example.com>', "Andre"),
    ("From the desk of:\nKay Mann <kay.mann@example.com>", "Kay Mann"),
    ('"Will May" <wmay@example.com>', "Will May"),  # names that are function words too
    ('"anna i. kowalczyk"<kowalczyk@example.com>', "anna i. kowalczyk"),  # "i." an initial
    ('"Piotr A. Nowak" <pan@example.com>', "Piotr A. Nowak"),  # "a" an initial, no article
])
def test_the_name_before_an_address_in_angle_brackets_is_a_person(analyzer, policy, text,
                                                                    name):
    assert _found(analyzer, policy, text) == [name]


@pytest.mark.parametrize("text", [
    "please write to <help@example.com> today",
    'the "Les Miserables" tickets arrived',
    '"12345" <order@example.com>',
    "Please email Bob <bob@example.com>",  # not at a line start, not quoted: others decide
    'Email: "The Cat Album"<thecatal...@example.com>',
    '"Acme Support" <help@example.com>',
])
def test_no_address_after_it_or_no_name_shape_finds_nothing(analyzer, policy, text):
    assert _found(analyzer, policy, text) == []


def test_an_ordinary_word_as_display_name_goes_with_the_address(redactor):
    out = redacted(redactor, '"Les Visit" <lvisit@example.com>\nThanks for your message.')
    assert "Les" not in out and "Visit" not in out and "lvisit" not in out
    assert out.endswith("Thanks for your message.")


def test_the_recognizer_serves_english():
    assert any(isinstance(r, DisplayNameRecognizer) for r in recognizers_for("en"))


@pytest.mark.parametrize("text", [
    'I forwarded it: "Urgent" <help@example.com>',
    'From: "Order Confirmation" <orders@example.com>',
    '"Your Order Has Shipped" <noreply@example.com>',
    '"Customer Care" <care@example.com>',
    'Reply to "Welcome Back" <hello@example.com>',
])
def test_a_mailbox_title_of_ordinary_words_is_no_person(analyzer, policy, text):
    """A customer forwards shop and bank mail: a title with no name-like word, or with a
    function word ("Your", "Has", "Back"), is the mailbox's, not a person's."""
    assert _found(analyzer, policy, text) == []
