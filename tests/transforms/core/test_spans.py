"""Span logic: overlaps, the record's own identifiers, names across a record's fields."""
from transforms.core.spans import (KnownIdentifier, Span, extend_name, find_known,
                                   propagate_names, resolve_overlaps)


def test_overlapping_detections_resolve_by_policy_priority():
    spans = [Span(10, 22, "UK_NHS", 1.0), Span(8, 22, "PHONE_NUMBER", 0.4),
             Span(30, 35, "PERSON", 0.85)]
    resolved = resolve_overlaps(spans, ["PHONE_NUMBER", "PERSON"])
    assert [(s, e, w.entity) for s, e, w in resolved] == [(8, 22, "PHONE_NUMBER"),
                                                          (30, 35, "PERSON")]


def test_record_identifier_wins_any_overlap():
    spans = [Span(0, 10, "US_BANK_NUMBER", 0.9),
             Span(0, 10, "PHONE", 1.0, canonical="+14155552671", pseudonym_type="PHONE")]
    (_, _, winner), = resolve_overlaps(spans, ["US_BANK_NUMBER", "PHONE"])
    assert winner.canonical == "+14155552671"


def test_record_phone_is_found_in_any_formatting_and_other_ids_as_written():
    known = [KnownIdentifier("PHONE", "phone", "+14155552671"),
             KnownIdentifier("CUSTOMER_ID", "id_casefold", "cust_1")]
    text = "call (415) 555-2671 re CUST_1, not cust_12 or 555 2672"
    assert [(text[s.start:s.end], s.entity) for s in find_known(text, known, "US")] == [
        ("(415) 555-2671", "PHONE"), ("CUST_1", "CUSTOMER_ID")]


def test_a_first_name_is_extended_to_the_capitalised_words_after_it():
    text = "this is Urmi Nanda Roy calling"
    span = extend_name(text, Span(8, 12, "PERSON", 0.8))
    assert text[span.start:span.end] == "Urmi Nanda Roy"
    assert extend_name("ask Jane The agent", Span(4, 8, "PERSON", 0.8)).end == 8


def test_a_name_found_in_one_field_marks_the_other_fields_of_its_record_only():
    texts = ["Customer Jane Doe called", "this is jane", "jane from another record"]
    found = [[Span(9, 17, "PERSON", 0.9)], [], []]
    extra = propagate_names(texts, found, groups=[0, 0, 1])
    assert [(s.start, s.end) for s in extra[1]] == [(8, 12)]
    assert extra[2] == []


def test_a_name_extends_to_a_surname_that_is_a_common_word_but_not_to_shouting():
    from transforms.core.spans import Span, extend_name

    text = "Customer Shannon Day called. Ask Shannon COMING soon"
    day = extend_name(text, Span(9, 16, "PERSON", 0.8))
    assert text[day.start:day.end] == "Shannon Day"
    shout = extend_name(text, Span(33, 40, "PERSON", 0.8))
    assert text[shout.start:shout.end] == "Shannon"


def test_a_name_does_not_extend_into_a_legal_word_and_a_legal_word_is_not_propagated():
    text = "the Gdańsk Regional Court convicted him. The Court of Appeal agreed."
    gdansk = extend_name(text, Span(4, 10, "PERSON", 0.55))
    assert text[gdansk.start:gdansk.end] == "Gdańsk Regional"
    wide = Span(4, 25, "PERSON", 0.55)  # "Gdańsk Regional Court", as a model might read it
    extra = propagate_names([text], [[wide]], groups=[0])
    assert "Court" not in {text[s.start:s.end] for s in extra[0]}


def test_a_name_is_extended_over_a_hyphen_but_not_a_possessive():
    text = "Ask Urmi Nanda-Rao, then Albert Einstein's assistant"
    assert text[slice(*_ends(extend_name(text, Span(4, 8, "PERSON", 0.8))))] == \
        "Urmi Nanda-Rao"
    assert text[slice(*_ends(extend_name(text, Span(25, 31, "PERSON", 0.8))))] == \
        "Albert Einstein"


def _ends(span):
    return span.start, span.end


def test_a_name_is_extended_over_a_nickname_in_quotes():
    text = 'William Mailes " Cowboy " Cowley was a hockey player'
    assert text[slice(*_ends(extend_name(text, Span(0, 14, "PERSON", 0.8))))] == \
        'William Mailes " Cowboy " Cowley'


def test_a_name_does_not_extend_into_a_day_of_the_week():
    text = "Mr.Justice Murali Purushothaman Thursday, The 7Th Day Of April 2022"
    span = extend_name(text, Span(11, 31, "PERSON", 0.85))
    assert text[span.start:span.end] == "Murali Purushothaman"


def test_a_name_does_not_extend_into_a_kinship_before_a_parent():
    text = "Sunil Heeralal Dhadda Son Of Shri Heeralal Dhadda, Aged About 61 Years"
    span = extend_name(text, Span(0, 21, "PERSON", 0.85))
    assert text[span.start:span.end] == "Sunil Heeralal Dhadda"


def test_a_common_word_of_a_name_is_not_looked_for_again_alone():
    text = "Kevin Love scored. you gotta love it. Mark Young called, mark said hi"
    found = [Span(0, 10, "PERSON", 0.9), Span(38, 48, "PERSON", 0.9)]
    again = {text[s.start:s.end] for s in propagate_names([text], [found], groups=[0])[0]}
    assert "love" not in again  # wordness 2.3: mostly a word, looked for only as written
    assert "mark" in again  # a common word, but as often a name


def test_a_capitalised_common_word_of_a_name_is_looked_for_again_as_written():
    text = "Player won. Later Player returned, a player said"
    again = [text[s.start:s.end] for s in
             propagate_names([text], [[Span(0, 6, "PERSON", 0.9)]], groups=[0])[0]]
    assert again == ["Player", "Player"]


def test_a_common_word_of_the_notes_name_is_found_again_in_the_transcript_not_its_own():
    texts = ["Customer Shannon Day called", "my name is shannon day and the day is fine"]
    extra = propagate_names(texts, [[Span(9, 20, "PERSON", 0.9)], []], groups=[0, 0])
    again = [texts[1][s.start:s.end] for s in extra[1]]
    assert "shannon day" in again and "day" in again  # the notes' name: every "day"
    own = propagate_names([texts[1]], [[Span(11, 22, "PERSON", 0.9)]], groups=[0])[0]
    assert [texts[1][s.start:s.end] for s in own if s.start > 22] == []  # "the day" stays
