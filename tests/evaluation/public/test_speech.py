"""The speech-style variant: lowercase, no punctuation, entity offsets still right."""
from tests.evaluation.public.sentence import Entity, Sentence, build
from tests.evaluation.public.speech import speech


def _sentence(tokens, spans):
    text, entities = build(tokens, spans)
    return Sentence("c", "d", 0, text, entities)


def test_speech_variant_lowercases_drops_punctuation_and_keeps_spans():
    s = _sentence(["Hey", "@Anna_B", ",", "did", "Mr", ".", "O'Neil", "pay", "$50", "?!",
                   "#sad", "http://t.co/x1", "Bye", "Zoë", "."],
                  [(1, 2, "PERSON"), (4, 7, "PERSON"), (13, 14, "PERSON")])
    v = speech(s)
    assert v.text == "hey anna b did mr o'neil pay 50 sad bye zoë"
    assert [v.text[e.start:e.end] for e in v.entities] == ["anna b", "mr o'neil", "zoë"]


def test_emails_are_spoken_out_and_digit_groups_stay_apart():
    s = _sentence(["Mail", "jane.doe-x@mail.example.com", ",", "or", "call", "(415)",
                   "555-0147", "."], [(1, 2, "EMAIL"), (5, 7, "PHONE")])
    v = speech(s)
    assert v.text == ("mail jane dot doe dash x at mail dot example dot com or call "
                      "415 555 0147")
    assert [v.text[e.start:e.end] for e in v.entities] == [
        "jane dot doe dash x at mail dot example dot com", "415 555 0147"]


def test_an_entity_made_only_of_punctuation_disappears():
    s = Sentence("c", "d", 0, "see : you", (Entity(4, 5, "OTHER"),))
    assert speech(s).text == "see you" and speech(s).entities == ()


def test_every_entity_span_matches_its_words_after_the_variant():
    s = _sentence(["I", "met", "Anna", "-", "Lena", "Smith", "in", "St", ".", "Louis", "."],
                  [(2, 6, "PERSON"), (7, 10, "LOCATION")])
    v = speech(s)
    assert v.text == "i met anna lena smith in st louis"
    assert [(v.text[e.start:e.end], e.type) for e in v.entities] == [
        ("anna lena smith", "PERSON"), ("st louis", "LOCATION")]


def test_a_run_of_marks_between_two_words_becomes_one_space_and_between_digits_nothing():
    s = Sentence("c", "d", 0, 'Lauren:"I\'m her daughter" see %20\\|1.2.3.4|%20',
                 (Entity(0, 6, "PERSON"),))
    v = speech(s)
    assert v.text == "lauren i'm her daughter see 201 2 3 420"
    assert v.text[v.entities[0].start:v.entities[0].end].startswith("lauren")


def test_a_span_inside_a_written_word_keeps_to_its_part_of_the_spoken_word():
    text = "For Mr.Sanjay Singhavi,Advocate and Smt.A.C.Vidhya."
    names = ("Sanjay Singhavi", "A.C.Vidhya")
    entities = tuple(Entity(text.index(n), text.index(n) + len(n), "PERSON") for n in names)
    said = speech(Sentence("c", "d", 0, text, entities))
    assert said.text == "for mr sanjay singhavi advocate and smt a c vidhya"
    assert [said.text[e.start:e.end] for e in said.entities] == ["sanjay singhavi",
                                                                 "a c vidhya"]


def test_french_speech_keeps_accents_and_elisions_and_drops_guillemets():
    text, entities = build(["L'", "équipe", "d'", "Arnaud", "Dupré", ",", "«", "Très",
                            "bien", "»", ";", "aujourd’hui", "à", "Évry", "!"],
                           [(3, 5, "PERSON"), (13, 14, "LOCATION")], elision=True)
    v = speech(Sentence("c", "d", 0, text, entities))
    assert v.text == "l'équipe d'arnaud dupré très bien aujourd'hui à évry"
    assert [v.text[e.start:e.end] for e in v.entities] == ["d'arnaud dupré", "évry"]
