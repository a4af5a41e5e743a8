from transforms.core.formats.canonical import (channel, dialogue, from_dialogue, role,
                                               turns_problem)

TURNS = [{"role": "agent", "begin_ms": 0, "text": "Hello, how can I help?"},
         {"role": "customer", "begin_ms": 1500, "text": "two lines\nof text"},
         {"role": None, "begin_ms": None, "text": ""}]


def test_vendor_roles_and_channels_map_to_a_fixed_vocabulary_never_copied():
    assert [role(r) for r in ("AGENT", "external", "CUSTOM_BOT", "ivr", "Jane Doe", None)] == [
        "agent", "customer", "bot", "bot", "other", "other"]
    assert [channel(c) for c in ("VOICE", "call", "chat", "email", "fax", "")] == [
        "voice", "voice", "chat", "email", "other", None]


def test_turns_must_be_a_list_of_role_begin_ms_text():
    assert not turns_problem(TURNS)
    assert turns_problem({"role": "agent"})
    assert turns_problem([{"role": "agent", "begin_ms": "10", "text": "x"}])
    assert turns_problem([{"role": "agent", "begin_ms": True, "text": "x"}])
    assert turns_problem([{"role": "agent", "text": "x", "name": "Jane"}])


def test_a_dialogue_is_one_role_prefixed_line_per_turn_and_splits_back_into_the_turns():
    text = dialogue(TURNS)
    assert text == "agent: Hello, how can I help?\ncustomer: two lines\nof text\nother: "
    redacted = text.replace("help", "<X>")
    assert from_dialogue(TURNS, redacted) == [dict(TURNS[0], text="Hello, how can I <X>?"),
                                              TURNS[1], TURNS[2]]


def test_a_redaction_that_crosses_two_turns_does_not_split_back():
    text = dialogue(TURNS).replace("help?\ncustomer: two", "<NUMBER>")
    assert from_dialogue(TURNS, text) is None
    assert from_dialogue(TURNS, dialogue(TURNS).replace("customer:", "<PERSON>:")) is None
