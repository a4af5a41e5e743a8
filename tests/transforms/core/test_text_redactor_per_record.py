"""NUMBERED and SURROGATE through TextRedactor, with the real Presidio engine and spaCy
model: one record's fields share numbers and surrogates; speaker roles stay."""
import re

import pytest

from transforms.core.policy import parse_policy
from transforms.core.pseudonym import Pseudonymizer
from transforms.core.text_redactor import TextRedactor

CALL = ("Agent: Good morning, you are speaking with Priya.\n"
        "Customer: Hi Priya, I am Tom Baker, my email is tom.baker@mail.org.\n"
        "Agent: Thank you Tom.")
NOTES = "Customer Tom Baker called. Priya Raman handled it."
REAL = ("Priya", "Tom", "Baker", "Raman", "tom.baker")


def _redactor(operator, analyzer, pseudonymizer):
    policy = parse_policy({"extends": "default", "entities": {
        "PERSON": {"operator": operator}, "EMAIL_ADDRESS": {"operator": operator}}})
    return TextRedactor(policy, pseudonymizer, analyzer)


@pytest.fixture(scope="module")
def numbered(analyzer, pseudonymizer):
    return _redactor("NUMBERED", analyzer, pseudonymizer)


@pytest.fixture(scope="module")
def surrogate(analyzer, pseudonymizer):
    return _redactor("SURROGATE", analyzer, pseudonymizer)


def _texts(redactor, texts, groups, languages=None):
    results = redactor.redact(texts, [[]] * len(texts), groups, languages)
    return [r.text for r in results]


def test_numbered_keeps_one_number_per_person_across_the_fields_of_a_record(numbered):
    call, notes = _texts(numbered, [CALL, NOTES], [0, 0])
    assert call == ("Agent: Good morning, you are speaking with <PERSON_1>.\n"
                    "Customer: Hi <PERSON_1>, I am <PERSON_2>, my email is "
                    "<EMAIL_ADDRESS_1>.\nAgent: Thank you <PERSON_2>.")
    assert notes == "Customer <PERSON_2> called. <PERSON_1> handled it."


def test_numbers_restart_in_each_record_of_a_batch(numbered):
    notes, other = _texts(numbered, [NOTES, "Customer Jane Roe called."], [0, 1])
    assert other == "Customer <PERSON_1> called."


def test_speaker_labels_that_are_names_are_numbered_like_any_name(numbered):
    # "Acme Insurance": en_core_web_md reads a bare "Acme" as a place (docs/detection.md).
    text = ("John: hello, this is John from Acme Insurance billing\n"
            "Maria: hi John, it's Maria Lopez")
    assert _texts(numbered, [text], [0]) == [
        "<PERSON_1>: hello, this is <PERSON_1> from Acme Insurance billing\n"
        "<PERSON_2>: hi <PERSON_1>, it's <PERSON_2>"]


def test_numbered_output_redacted_again_is_unchanged(numbered):
    once = _texts(numbered, [CALL, NOTES], [0, 0])
    assert _texts(numbered, once, [0, 0]) == once


def test_a_second_call_with_the_records_scopes_keeps_their_numbers(numbered):
    scopes = {}
    numbered.redact([NOTES], [[]], [3], None, scopes)
    again = numbered.redact(["Priya Raman called back."], [[]], [3], None, scopes)
    assert again[0].text == "<PERSON_2> called back."


def test_surrogates_replace_every_real_name_and_stay_coherent_in_a_record(surrogate):
    call, notes = _texts(surrogate, [CALL, NOTES], [0, 0])
    for real in REAL:  # as a word: a surrogate may be "Tommy"
        assert not re.search(rf"\b{re.escape(real)}\b", call + "\n" + notes)
    agent = re.search(r"speaking with (\w+)\.", call).group(1)
    customer = re.search(r"I am (\w+) (\w+),", call)
    assert call.endswith(f"Thank you {customer.group(1)}.")
    assert notes.startswith(f"Customer {customer.group(1)} {customer.group(2)} called. {agent} ")
    assert agent != customer.group(1)
    assert re.search(r"my email is [a-z]+\.[a-z]+@example\.com\.", call)


def test_the_same_person_gets_the_same_surrogate_in_another_conversation(surrogate):
    notes, other = _texts(surrogate, [NOTES, "The caller, Tom Baker, asked for a refund."],
                          [0, 1])
    full = re.match(r"Customer (\w+ \w+) called", notes).group(1)
    assert other == f"The caller, {full}, asked for a refund."


def test_a_french_record_gets_french_surrogates(surrogate):
    from transforms.core.operators.surrogate_names import FR_FIRST, FR_LAST

    out, = _texts(surrogate, ["Bonjour, je suis Jean Dupont, votre conseiller."], [0], ["fr"])
    first, last = re.match(r"Bonjour, je suis (\S+) (\S+),", out).groups()
    assert first in FR_FIRST and last in FR_LAST


_CALL_SHAPE = re.compile(r"Agent: Good morning, you are speaking with (\w+)\.\n"
                         r"Customer: Hi (\w+), I am (\w+) (\w+), my email is \S+\.\n"
                         r"Agent: Thank you (\w+)\.")


def test_surrogates_redacted_again_become_other_fake_names(surrogate):
    """A second pass cannot know the first pass's real names: it replaces each fake name
    of its input with another fake one (a fake name may match a name of the original
    text by chance, with some keys: docs/pseudonyms.md says to keep the first output)."""
    from transforms.core.operators.surrogate_names import FIRST, LAST

    once = _texts(surrogate, [CALL, NOTES], [0, 0])
    twice = _texts(surrogate, once, [0, 0])
    before = _CALL_SHAPE.fullmatch(once[0]).groups()
    after = _CALL_SHAPE.fullmatch(twice[0]).groups()
    assert all(a != b for a, b in zip(before, after)), (before, after)
    assert {after[0], after[1], after[2], after[4]} <= set(FIRST["en"])
    assert after[3] in set(LAST["en"])


def test_a_shorter_pseudonym_length_shortens_hash_and_token_pseudonyms(analyzer, keyset):
    from transforms.keys.keyset import unwrap_data_key

    policy = parse_policy({"extends": "default", "pseudonyms": {"length": 16}})
    short = Pseudonymizer(unwrap_data_key(keyset), keyset.version, "US", policy.pseudonym_length)
    out = TextRedactor(policy, short, analyzer).redact(["mail tom.baker@mail.org"], [[]])[0]
    assert re.fullmatch(r"mail EMAIL#k1:[a-z2-7]{16}", out.text)
