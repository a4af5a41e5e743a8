"""A particle between two parts of a name found apart joins them into one name."""
from transforms.core.name_particles import join_particles
from transforms.core.spans import Span, resolve_overlaps


def _person(text, words):
    start = text.index(words)
    return Span(start, start + len(words), "PERSON", 0.6)


def test_a_particle_between_two_persons_makes_one_person():
    text = "the mayor bill de blasio spoke"
    joined = join_particles(text, [_person(text, "bill"), _person(text, "blasio")])
    assert [text[s.start:s.end] for s in joined] == ["bill de blasio"]
    (start, end, _), = resolve_overlaps(
        [_person(text, "bill"), _person(text, "blasio")] + joined, ["PERSON"])
    assert text[start:end] == "bill de blasio"


def test_other_words_and_other_types_between_persons_join_nothing():
    text = "Anna and Boris met Carla in Rome, then Dora de Rome"
    rome = text.index("Rome")
    spans = [_person(text, "Anna"), _person(text, "Boris"), _person(text, "Carla"),
             Span(rome, rome + 4, "LOCATION", 0.8), _person(text, "Dora")]
    # "and", "met" are no particles; "de" before a place is not between two persons.
    assert join_particles(text, spans) == []


def test_a_particle_across_a_line_break_joins_nothing():
    text = "it was Bill\nde Blasio"
    assert join_particles(text, [_person(text, "Bill"), _person(text, "Blasio")]) == []



def test_a_person_ending_with_a_particle_goes_on_over_the_next_word():
    text = "we asked ruth de blasio, then Ann van"
    spans = [Span(9, 16, "PERSON", 0.85), Span(30, 37, "PERSON", 0.85)]  # "ruth de", "Ann van"
    assert [text[s.start:s.end] for s in join_particles(text, spans)] == ["ruth de blasio"]
    # A common word after the particle is no part of the name.
    text = "see maria la after the show"
    assert join_particles(text, [Span(4, 12, "PERSON", 0.85)]) == []


def test_a_particle_left_between_a_given_name_and_a_surname_is_redacted_with_them(
        policy, pseudonymizer, analyzer):
    from transforms.core.text_redactor import TextRedactor

    redactor = TextRedactor(policy, pseudonymizer, analyzer)
    out = redactor.redact(["the editor martin sprague de camp replied in march"],
                          [[]])[0].text
    assert " de " not in out and "camp" not in out and "replied in march" in out
