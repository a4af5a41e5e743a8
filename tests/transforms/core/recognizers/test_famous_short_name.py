"""FamousShortNameRecognizer: the short form of a very notable person in caseless text, with
the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_alone
from transforms.core.recognizers.famous_short_name import FamousShortNameRecognizer


def _found(analyzer, text):
    """What the recognizer finds on its own (spaCy may find the same name first)."""
    return found_alone(FamousShortNameRecognizer, analyzer, text)


@pytest.mark.parametrize("text, name", [
    ("his attitude towards churchill changed after the war", "churchill"),
    ("in 1938 he met hitler in munich", "hitler"),
    ("the writings of herzl inspired the movement", "herzl"),
    ("de gaulle had instructed the army to hold", "de gaulle"),
])
def test_a_famous_form_english_seldom_writes_is_a_person_alone(analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("they can't handle the nuclear codes obama mocked", "obama"),
    ("she understood why people might vote for trump", "trump"),
    ("disney also found out about the deal", "disney"),
    ("president obama said the plan would work", "obama"),
    ("trump's wall was never built", "trump"),
])
def test_a_common_famous_form_or_a_towns_name_is_a_person_beside_a_cue(
        analyzer, text, name):
    assert _found(analyzer, text) == [name]


def test_the_number_of_a_date_before_a_famous_form_is_no_determiner(analyzer):
    assert _found(analyzer, "on november 18 lincoln was accompanied by his aides") == [
        "lincoln"]


@pytest.mark.parametrize("text", [
    "the trump card was played",
    "he wrote a swift reply",
    "she is going to disney world",
    "obama is a city in japan",
    "the arc of history is long",
    "he bought a pound of apples",
])
def test_a_common_word_or_a_town_without_a_cue_stays(analyzer, text):
    assert _found(analyzer, text) == []


@pytest.mark.parametrize("text, name", [
    ("lincoln was accompanied by three members of his cabinet", "lincoln"),
    ("einstein developed the theory", "einstein"),
])
def test_a_subject_of_a_passive_or_a_past_verb_is_a_person(analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "his explosives laden vehicle exploded",  # an adjective to the tagger
    "exposure to mercury is dangerous",  # a census word written far more than borne
    "pine trees grow here",
])
def test_an_ordinary_word_among_the_famous_forms_needs_a_cue(analyzer, text):
    assert _found(analyzer, text) == []


@pytest.mark.parametrize("text", [
    "she was taken to the imperial hotel nehru park and left there",
    "they laid flowers at the lincoln memorial yesterday",
    "president obama library opens next year",
])
def test_a_form_before_a_noun_for_a_place_named_after_a_person_stays(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_rare_form_after_a_locative_preposition_is_a_place(analyzer):
    assert _found(analyzer, "a new church was built in assisi") == []


def test_a_country_or_region_is_a_person_only_after_a_title(analyzer):
    assert _found(analyzer, "queen victoria ruled for decades") == ["victoria"]
    assert _found(analyzer, "we visited victoria and then went home") == []


@pytest.mark.parametrize("text, name", [
    ("Historians still argue about Churchill and his cabinet.", "Churchill"),
    ("Nietzsche's account of morality is famous.", "Nietzsche"),
    ("I asked her afterwards why people might vote for Trump.", "Trump"),
])
def test_in_written_text_a_capitalised_famous_form_standing_alone_is_a_person(
        analyzer, text, name):
    assert _found(analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "We went to Walt Disney World last year.",
    "She won the Nobel Prize in 2010.",
    "They met at Lake Victoria.",
    "Historians in London still argue about churchill and his cabinet.",
])
def test_in_written_text_a_form_inside_a_longer_name_or_in_lower_case_stays(analyzer, text):
    assert _found(analyzer, text) == []


def test_a_line_in_another_language_is_left_alone(analyzer):
    assert _found(analyzer, "il a dit que churchill est arrivé avec les autres ce matin") == []
