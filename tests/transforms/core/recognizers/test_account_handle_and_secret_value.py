"""Account handles (USERNAME, pseudonymized) and secrets (CREDENTIAL, always redacted) said
in customer dialogues: what is found, what every word of stays, and how the policy and
the leak guard treat them. The lines are written for these tests."""
import re

import pytest

from tests.transforms.core.recognizers.support import redacted
from transforms.core.leak_finder import LeakFinder
from transforms.core.recognizers.account_handle import find_handles, handles_of_names
from transforms.core.recognizers.secret_value import find_secrets

# (line, the value that must go) — secrets.
SECRETS = [
    ("my pin is 4321", "4321"),
    # codes that open a door: a delivery's gate, a building, an alarm
    ("the gate code is 4455", "4455"),
    ("door code is 1 2 3 4", "1 2 3 4"),
    ("the alarm code is four four five five", "four four five five"),
    ("the keypad code for the garage: 908172", "908172"),
    # a few words between the cue and "is"
    ("the access code for the gate is 4455", "4455"),
    ("my security pin for online banking is 7788", "7788"),
    ("my pin is four three two one", "four three two one"),
    ("PIN: 0917", "0917"),
    ("the pin number is um 5566", "5566"),
    ("the password is Sunshine99!", "Sunshine99!"),
    ("my password is tr0ub4dor", "tr0ub4dor"),
    ("password: xkcd_horse", "xkcd_horse"),
    ("the password for my account is Zebrafish#7", "Zebrafish#7"),
    ("the verification code we sent is 583920", "583920"),
    ("the one time passcode is nine eight two one four five", "nine eight two one four five"),
    ("my otp is 771204", "771204"),
    ("the passcode is 2468", "2468"),
    ("the access code is 90210", "90210"),
    ("cvv is 123 and expiry is 04/27", "123"),
    ("cvv is 123 and expiry is 04/27", "04/27"),
    ("The CVC is 9876.", "9876"),
    ("the security code on the back is seven one two", "seven one two"),
    ("the three digit code is 404", "404"),
    ("the answer to my security question is fluffy", "fluffy"),
    ("My memorable word is Kestrel.", "Kestrel"),
    ("Card ending in 4412, expires 09/26.", "4412"),
    ("Card ending in 4412, expires 09/26.", "09/26"),
    ("the last four of my card are four four one two", "four four one two"),
    ("the last four digits are 7781", "7781"),
    ("my visa ending with 3301 was declined", "3301"),
    ("the debit card expiry date is 11/2027", "11/2027"),
    ("the security pin is 8080", "8080"),
    ("the sms code I got is 123456", "123456"),
    ("the code you texted me, the verification code is 665544", "665544"),
    ("my pin is double four one two", "double four one two"),
]
# (line, the handle that must go) — account handles.
HANDLES = [
    ("customer: Username: cminh730", "cminh730"),
    ("my username is aphoenix939", "aphoenix939"),
    ("user name is jsmith_84", "jsmith_84"),
    ("login: rosa.lopez", "rosa.lopez"),
    ("my user id is dk-5521", "dk-5521"),
    ("my screen name is @skater_girl", "@skater_girl"),
    ("the account name is hbarnes1977", "hbarnes1977"),
    ("User: my username is tgreen12", "tgreen12"),
    ("my login name is wzhou", "wzhou"),
    ("what is your username? it's pjohnson412", "pjohnson412"),
    ("my handle is qwertyuiop42", "qwertyuiop42"),
    ("Username = m.okafor", "m.okafor"),
    ("customer username cminh730", "cminh730"),  # speech style: the colon dropped
    ]
# Lines in which every word stays: the cues used as ordinary words.
MUST_KEEP = [
    "the error code is 404",
    "the area code is 415",
    "the discount code is SAVE20",
    "the pin for the map is 3 miles away",
    "the access code for the portal is expired",
    "I changed the door code last week",
    "I need to pin this message to the top.",
    "can you pin the tweet for me",
    "I forgot my password and need to reset it.",
    "my password is not working",
    "the password is wrong",
    "the password is case sensitive",
    "the password is case-sensitive",
    "my password is case-insensitive?",
    "Can you reset the code for me?",
    "the verification code never arrived",
    "I did not get the one time passcode",
    "the security team will call you back",
    "over the last four years I have been a customer",
    "the last four of them were late",
    "the user name field is empty",
    "my username is not working",
    "my username is the same as before",
    "the login is broken again",
    "login failed three times",
    "the user said it was fine",
    "my pin is 12",
    "the pin code has 4 digits",
    "the cvv is on the back of the card",
    "what is the security code?",
    "the answer to my security question is something I forgot about long ago",
    "a season ending in 2021 with a cup",
    "the code is 50 characters long",
    "the event expires 09/26 unless renewed",
    "the screen name is what people see",
    "please enter your username and password",
    "my password expired yesterday",
    "the security code is printed on the card",
    "handle with care",
    "we handle 1000 calls a day",
    "login 2 times a day",
    "my user id 48213",  # digits alone need "is" or ":"
    "the memorable word is",
    "User: bilbo",  # a speaker's label, not a handle's cue
    "User: Sure, a table for two at 7",
    "House 12, Arangottukara P.O., Pin 680001",  # an Indian postal code
    "Thrissur District, pin 680 001",
    "the CID 421 report was filed",  # a Criminal Investigation Department, not Amex's code
]


@pytest.mark.parametrize("line,value", SECRETS)
def test_a_secret_after_its_cue_is_found(line, value):
    assert value in [line[s:e] for s, e in find_secrets(line)]


@pytest.mark.parametrize("line,value", [h for h in HANDLES if h[1]])
def test_a_handle_after_its_cue_is_found(line, value):
    assert value in [line[s:e] for s, e in find_handles(line)]


@pytest.mark.parametrize("line", MUST_KEEP)
def test_cue_words_used_as_words_find_nothing(line):
    assert find_secrets(line) == [] and find_handles(line) == []


def test_the_probe_is_half_positive_half_must_keep():
    assert len(SECRETS) + len(HANDLES) >= 30 and len(MUST_KEEP) >= 30


def test_the_guard_looks_only_for_digit_secrets():
    assert find_secrets("the password is Sunshine99!", digits_only=True) == []
    assert find_secrets("my pin is 4321", digits_only=True) != []


@pytest.mark.parametrize("line,value", [SECRETS[0], SECRETS[4], SECRETS[9], SECRETS[13],
                                        SECRETS[16], SECRETS[18], SECRETS[20], SECRETS[22]])
def test_the_redactor_replaces_a_secret_with_a_fixed_placeholder(redactor, line, value):
    out = redacted(redactor, line)
    assert value not in out and "<CREDENTIAL>" in out, out


def test_a_secret_is_never_a_vault_row(redactor):
    result = redactor.redact(["my pin is 4321 and the cvv is 123"], [[]])[0]
    assert result.tokens == [] and result.text == "my pin is <CREDENTIAL> and the cvv is <CREDENTIAL>"


def test_a_nine_digit_code_is_a_credential_not_a_phone_pseudonym(redactor):
    result = redactor.redact(["the verification code is 415555012"], [[]])[0]
    assert result.text == "the verification code is <CREDENTIAL>" and result.tokens == []


def test_a_handle_gets_the_same_pseudonym_each_time(redactor):
    first, second = redactor.redact(["my username is aphoenix939", "Username: APhoenix939"],
                                    [[], []])
    pseudonyms = [re.search(r"USERNAME#k1:\w+", r.text).group(0) for r in (first, second)]
    assert pseudonyms[0] == pseudonyms[1] and "aphoenix939" not in first.text.lower()
    assert first.tokens  # a vault row, as for an e-mail address


@pytest.mark.parametrize("line,value", [HANDLES[0], HANDLES[2], HANDLES[3]])
def test_the_redactor_pseudonymizes_a_whole_handle(redactor, line, value):
    out = redacted(redactor, line)
    assert value not in out and re.search(r"USERNAME#k1:\w+$", out), out


@pytest.mark.parametrize("line", ["cvv is 123 and expiry is 04/27", "otp is 583920",
                                  "the cvc is 9876"])
def test_a_secret_cue_is_not_a_person(redactor, line):
    assert "<PERSON>" not in redacted(redactor, line)


@pytest.mark.parametrize("line,out", [
    ("routing number 021000021", "routing number <ROUTING_NUMBER>"),
    ("the sort code is 12-34-56", "the sort code is <ROUTING_NUMBER>"),
    ("national insurance number is QQ 12 34 56 C", "national insurance number is <NATIONAL_ID>"),
    ("my NI number is QQ123456C", "my NI number is <NATIONAL_ID>"),
    ("vehicle registration AB12 CDE", "vehicle registration <VEHICLE_ID>"),
])
def test_bank_codes_ni_numbers_and_registrations_are_typed_whole(redactor, line, out):
    assert redacted(redactor, line) == out


@pytest.mark.parametrize("line", MUST_KEEP[:12])
def test_the_redactor_keeps_every_word_of_a_cue_used_as_a_word(redactor, line):
    assert redacted(redactor, line) == line


def test_the_guard_holds_back_a_cued_digit_secret(policy):
    finder = LeakFinder(policy)
    assert "credential" in finder.find(["my pin is 4321"], [], [])
    assert "credential" in finder.find(["the last four of my card are four four one two"], [], [])
    assert "credential" not in finder.find(["my pin is <CREDENTIAL>"], [], [])
    assert finder.find(["I forgot my pin, the last four years were hard"], [], []) == []


def _person(text, name):
    from transforms.core.spans import Span
    start = text.index(name)
    return Span(start, start + len(name), "PERSON", 0.8)


@pytest.mark.parametrize("name,line,handle", [
    ("Crystal Minh", "cminh730", "cminh730"),
    ("Alessandro Phoenix", "customer: it's aphoenix939", "aphoenix939"),
    ("Rosa Lopez", "sure, rosa.lopez", "rosa.lopez"),
    ("Joanna Smith", "I think it is jsmith_84 or so", "jsmith_84"),
])
def test_a_handle_built_of_a_name_the_record_names_is_found_without_its_cue(name, line, handle):
    texts = [name, line]
    found = handles_of_names(texts, [[_person(name, name)], []], [0, 0])
    assert [line[s:e] for s, e, _ in found[1]] == [handle]


@pytest.mark.parametrize("line", [
    "Minh called twice",  # the name itself
    "the minh family",  # no digit, no joiner
    "order 3348917502",  # digits alone
    "see minh@example.com",  # an e-mail: the e-mail rules'
    "the F-16 and the A380",  # no name inside
    "Mrs.Minh for the petitioner",  # a title glued to the name, as court text writes it
    "Crystal.Minh",  # capitalised and dotted: a name written so, not a handle
    "visit www.minhshop.com or http://minh2.net",  # web addresses
])
def test_a_token_without_the_records_name_built_in_is_no_handle(line):
    texts = ["Crystal Minh", line]
    assert handles_of_names(texts, [[_person(texts[0], "Crystal Minh")], []], [0, 0])[1] == []


def test_a_name_found_already_is_not_retyped_as_a_handle():
    texts = ["Crystal Minh", "c.minh for the petitioner", "see cminh730 here"]
    spans = [[_person(texts[0], "Crystal Minh")], [_person(texts[1], "c.minh")],
             [_person(texts[2], "cminh")]]
    found = handles_of_names(texts, spans, [0, 0, 0])
    assert found[1] == []  # the whole token is the name already
    assert [texts[2][s:e] for s, e, _ in found[2]] == ["cminh730"]  # a name inside a handle


def test_a_handle_is_looked_for_only_in_the_record_that_names_the_person():
    texts = ["Crystal Minh", "cminh730"]
    assert handles_of_names(texts, [[_person(texts[0], "Crystal Minh")], []], [0, 1])[1] == []


def test_the_redactor_pseudonymizes_a_lone_handle_of_the_named_customer(redactor):
    texts = ["Crystal Minh", "cminh730", "Username: cminh730"]
    out = redactor.redact(texts, [[], [], []], groups=[0, 0, 0])
    assert "minh" not in out[1].text.lower() and out[1].text.startswith("USERNAME#k1:")
    assert out[1].text == out[2].text.split(": ")[1]  # the same pseudonym, cue or not


@pytest.mark.parametrize("line", [
    "the account year ending in 2021 showed a loss",
    "our credit facility ending in 2023 was renewed",
    "a tax credit ending in 2025",
])
def test_ending_in_after_a_period_word_is_no_last_four(line):
    assert find_secrets(line) == []


@pytest.mark.parametrize("text,handle", [
    ("agent: ok, may I have your username, email address and order ID please?\n"
     "customer: cminh730\ncustomer: cminh730@email.com", "cminh730"),
    ("agent: what's the login on the account?\ncustomer: it's r.lopez", "r.lopez"),
    ("Agent: Can I get your user name?\nCustomer: hold on\nCustomer: jsmith_84", "jsmith_84"),
])
def test_a_handle_alone_on_the_line_after_the_agent_asked_is_found(text, handle):
    assert handle in [text[s:e] for s, e in find_handles(text)]


@pytest.mark.parametrize("text", [
    "agent: may I have your username?\ncustomer: sure",
    "agent: may I have your username and order ID?\ncustomer: 3348917502",
    "agent: what is your username?\ncustomer: I don't remember it at all",
])
def test_an_answer_that_is_no_handle_stays(text):
    assert find_handles(text) == []


@pytest.mark.parametrize("line", [
    "my social security number is 536221234",
    "social security number five three six two two one two three four",
    "Social Security number: 536 22 1234",
])
def test_a_social_security_number_is_no_security_number_credential(line):
    # "security number" cues a bank's telephone security number; "social security
    # number" cues an SSN, whose type (US_SSN) a policy may treat otherwise.
    assert find_secrets(line) == []


def test_the_redactor_types_a_spoken_ssn_after_its_cue_as_an_ssn(redactor):
    out = redacted(redactor, "social security number five three six two two one two three four")
    assert out == "social security number <US_SSN>", out


# A password that is a common word ("sunshine", "dragon": most leaked passwords are common
# words) is told from a state of the password ("simple", "saved", "here": an adjective, a
# participle or an adverb, in place and alone), which stays.
@pytest.mark.parametrize("line,value", [
    ("my password is sunshine", "sunshine"),
    ("the password is dragon.", "dragon"),
    ("ok my password is football and my username is the same", "football"),
    ("Password: monkey", "monkey"),
    ("my password is princess", "princess"),  # read as an adjective in place, a verb alone
    ("the password is admin", "admin"),
])
def test_a_common_noun_after_a_password_cue_is_a_credential(redactor, line, value):
    out = redacted(redactor, line)
    assert value not in out and "<CREDENTIAL>" in out, out


@pytest.mark.parametrize("line", [
    "my password is simple",
    "the password is long enough",
    "your password is saved",
    "the new password is here",
    "my password is really weak",
    "my password is too short",
])
def test_a_state_of_the_password_is_kept(redactor, line):
    assert redacted(redactor, line) == line


def test_the_vault_copy_masks_a_common_word_password_without_asking_its_part_of_speech():
    from transforms.core.recognizers.secret_value import mask_secrets
    assert mask_secrets("my password is sunshine") == "my password is <CREDENTIAL>"
    assert mask_secrets("the password is wrong") == "the password is wrong"
