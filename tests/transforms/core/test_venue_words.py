"""Venue, team, band and title names and closing words in task-oriented dialogues stay;
the person beside them still goes. Hand-written lines (issue 9): {name} must go, every
other word stays."""
import pytest

from tests.transforms.core.recognizers.support import assert_names_go_and_words_stay, redacted
from transforms.core.venue_words import after_the, plural_noun

LINES = [
    # a plural English noun is a team, not a party to a case (LegalNameRecognizer "vs")
    "Are there tickets for the Giants vs Dodgers game for {Veronica Benitez}?",
    # a plural English noun ends no person (spaCy read "Dragons" as one)
    "I like songs by Imagine Dragons and my friend {Svetlana} does too.",
    # a number inside what the NER read as a person: a title
    "I want to see Toy Story 4 with {Jeffrey Fong}.",
    "i want to see toy story 4 with {jeffrey fong}",
    # right after "the", or in a place span "the" opens: a venue
    "I want to book a room at the Delta Regency for {Mahmoud Rashid}.",
    "Is the Golden Gate Bridge open today? Ask {Mary-Anne Smith-Jones}.",
    "i'd like to visit the golden gate bridge with {kasturi bhatt}",
    "find me a show at the marvel theater for {oksana}",
    "this is {oksana} i want to stay at the crowne plaza near the airport",
    "my name is {marguerite} and i want a room at the grand regency",
    # a kind of place or thing before "named" / "called": a venue, but a person noun
    # before it, or "called" as a past tense, still names a person
    "I'd like to find a restaurant named Bones, my friend named {Kevin} says.",
    "Please look up a restaurant for me called Kilis Kitchen for {Anna Lopez}.",
    "i would like to go to a restaurant named faanoos with {svetlana}",
    "The hotel called {Anna Lopez} yesterday to confirm.",
    "a guy called {derek} sold me the car",
    # a dialogue's closing words are no name after "thanks"
    "That's what I needed. Thanks, goodbye. {Priya} will call back.",
    "thanks guys see you later {marguerite}",
    # a surname "the" opens before a party noun is a booking under a name
    "please cancel the dinner booking for the {okafor} party on friday",
    "is the {quansah} family coming too",
    # a given name and surname after "the" stay a person, and so do a person's name
    # inside an institution's span and a family
    "in 1967 she was named the {thomas a scott} chair of mathematics",
    "they were considered nearly the equals of the {mozarts} as child prodigies",
    "what is the {denzel washington} post apocalyptic movie",
    "Are there seats left for the {Ed Sheeran} show on Friday?",
    # a surname after "the" before a noun is a name used as a modifier, and a plural
    # noun with "'s" owns something: persons
    "Unlike the {Barros} novel, it's not about necrophilia.",
    "It was a done thing between him and {Mats}'s kid.",
]


@pytest.mark.parametrize("line", LINES)
def test_venue_words_stay_and_the_person_beside_them_goes(redactor, line):
    assert_names_go_and_words_stay(redactor, line)


@pytest.mark.parametrize("text,name", [
    ("The Best Marigold Hotel - Judi Dench, Tom Wilkinson Movie (2012)", "Wilkinson"),
    ("The Agatha Christie Book Collection - read the famous crime novels", "Christie")])
def test_a_person_before_a_work_is_no_venue_and_still_goes(redactor, text, name):
    assert name not in redacted(redactor, text)


@pytest.mark.parametrize("word", ["Dragons", "Dodgers", "giants", "Monkeys"])
def test_a_plural_english_noun_is_a_plural_noun(word):
    assert plural_noun(word)


@pytest.mark.parametrize("word", ["Brooks", "Rivers", "Jones", "Edwards", "Glass", "Ross",
                                  "Obamas", "Mozarts", "Stoners", "Kennedys", "Texas", "Beatles", "https",
                                  "Tobias"])
def test_a_surname_a_family_or_a_place_that_looks_plural_is_no_plural_noun(word):
    assert not plural_noun(word)


@pytest.mark.parametrize("text,names", [
    ("We had lunch at Giovanni Rana Cafe with Jennifer Park.", ["Giovanni", "Rana", "Park"]),
    ("I want to book a room at the Hyatt Regency for Mahmoud Rashid.", ["Hyatt", "Rashid"]),
    ("The Alana J Palfreyman version became the first celebrity recording.",
     ["Alana", "Palfreyman"])])
def test_a_venue_or_work_named_after_a_person_loses_the_name(redactor, text, names):
    out = redacted(redactor, text)
    assert not [n for n in names if n in out], out


@pytest.mark.parametrize("text,gone", [
    ("ask the driver to stop at the corner of wesley walks st and freeman mountains st",
     ["freeman", "mountains"]),
    ("thomas kruger 455 enxertos 30 apt 534 navarredonda de la rinconada spain 57724",
     ["thomas", "kruger", "455", "enxertos"])])
def test_a_plural_street_name_and_a_name_before_a_house_number_still_go(redactor, text, gone):
    out = redacted(redactor, text).split()
    assert not [w for w in gone if w in out], out


def test_a_long_capitalised_run_is_read_in_time_linear_in_its_words(analyzer):
    import time

    doc = analyzer.nlp_engine.nlp["en"](" ".join(["Oak"] * 6000))  # one 6,000-word ORG
    start = time.process_time()
    assert not any(after_the(t) for t in doc)
    assert time.process_time() - start < 1.0  # each word walking back to its span's start: ~4 s
