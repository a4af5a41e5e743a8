"""A user name or e-mail address spelled letter by letter (issue 9, voice transcripts):
read whole, with the pseudonym of the value written."""
import pytest

from tests.transforms.core.recognizers.support import redacted


def test_a_username_spelled_after_its_cue_is_a_username_with_the_written_ones_pseudonym(
        redactor, pseudonymizer):
    out = redacted(redactor, "my username is c m i n h seven three zero")
    token = pseudonymizer.pseudonymize("USERNAME", "id_casefold", "cminh730")
    assert out == f"my username is {token}"
    assert redacted(redactor, "my username is cminh730") == out


def test_a_username_spelled_with_letters_alone_is_read_whole(redactor):
    out = redacted(redactor, "my user name is j s m i t h eight four")
    assert out.startswith("my user name is USERNAME#k1:") and "POSTAL_CODE" not in out


def test_a_cue_followed_by_ordinary_words_finds_no_spelled_username(redactor):
    assert "USERNAME" not in redacted(redactor, "my username is a bit long to say")


def test_an_email_spelled_letter_by_letter_gets_the_pseudonym_of_the_written_address(
        redactor, pseudonymizer):
    token = pseudonymizer.pseudonymize("EMAIL", "email", "john.smith@yahoo.com")
    out = redacted(redactor, "you can reach me at j o h n dot s m i t h at yahoo dot com")
    assert out == f"you can reach me at {token}"


def test_an_email_spelled_without_a_dot_reads_its_whole_name(redactor, pseudonymizer):
    token = pseudonymizer.pseudonymize("EMAIL", "email", "johnsmith@gmail.com")
    assert redacted(redactor, "my email is j o h n s m i t h at gmail dot com") == \
        f"my email is {token}"


def test_a_username_said_as_initial_word_and_digits_is_read_whole(redactor, pseudonymizer):
    token = pseudonymizer.pseudonymize("USERNAME", "id_casefold", "jsmith84")
    assert redacted(redactor, "my username is j smith eighty four") == \
        f"my username is {token}"


def test_common_words_and_digits_after_a_username_cue_are_no_handle(redactor):
    for text in ("my username is the same as before", "my username is also two years old",
                 "my username is not working since two days"):
        assert "USERNAME" not in redacted(redactor, text), text


def test_an_ordinary_word_and_a_number_after_handle_or_login_is_no_handle(redactor):
    """Review rev25: "the handle is loose five" (a door handle) lost "loose five" to a
    USERNAME: without initials, the word said before the digits must be a name or rare."""
    for text in ("the handle is loose five millimetres",
                 "the door handle is stuck three times a day",
                 "my login is morning seven days a week"):
        assert redacted(redactor, text) == text, text


def test_a_name_and_digits_after_a_username_cue_are_still_a_handle(redactor, pseudonymizer):
    token = pseudonymizer.pseudonymize("USERNAME", "id_casefold", "dave99")
    assert redacted(redactor, "my handle is dave ninety nine") == f"my handle is {token}"


@pytest.mark.parametrize("said, handle", [("my username is dragon ninety nine", "dragon99"),
                                          ("my gamer tag is shadow seven", "shadow7")])
def test_a_word_and_digits_after_a_username_cue_are_a_handle_though_the_word_is_no_name(
        redactor, pseudonymizer, said, handle):
    """A user name is often a plain noun and a number ("dragon99"); "username" names
    nothing else, unlike "handle" or "login"."""
    token = pseudonymizer.pseudonymize("USERNAME", "id_casefold", handle)
    assert token in redacted(redactor, said)


@pytest.mark.parametrize("text", ["my username is basically two words",
                                  "my username is usually four letters long",
                                  "my username is currently two words"])
def test_a_common_adverb_and_a_number_after_a_username_cue_are_no_handle(redactor, text):
    assert redacted(redactor, text) == text
