"""truecase: the truecased copy the NER reads in speech-style text, and which of the
persons found in it stand, with the real spaCy model of the session analyzer."""
from transforms.core.run_together import run_together
from transforms.core.truecase import (label_of, shouted_lines, trimmed, truecased_words,
                                      trusted)


def _doc(nlp, text):
    return nlp(text, disable=["ner"])


def test_only_letter_case_changes_token_for_token(nlp):
    doc = _doc(nlp, "yeah i told zoë müller-lüdenscheidt about it\nok thanks")
    words = truecased_words(doc)
    assert len(words) == len(doc)
    for token, word in zip(doc, words):
        assert word.lower() == token.text.lower() and len(word) == len(token.text)


def test_names_places_and_rare_words_are_capitalised_common_words_are_not(nlp):
    words = truecased_words(_doc(nlp, "veronica brenner of canada won the womens aerials"))
    assert words[:4] == ["Veronica", "Brenner", "of", "Canada"]
    assert words[4:6] == ["won", "the"]


def test_a_given_name_and_surname_are_capitalised_together(nlp):
    words = truecased_words(_doc(nlp, "the film stars brad pitt and emma stone"))
    assert words[3:5] == ["Brad", "Pitt"] and words[6:8] == ["Emma", "Stone"]
    assert words[:3] == ["the", "film", "stars"] and words[5] == "and"


def test_an_ordinary_request_stays_lowercase_but_i(nlp):
    text = "can i pay the bill with my credit card and change my delivery address"
    words = truecased_words(_doc(nlp, text))
    assert " ".join(words) == text.replace(" i ", " I ")


def test_a_lone_common_word_read_as_a_person_does_not_stand(nlp):
    doc = _doc(nlp, "we spent the honeymoon there")
    assert not trusted(doc, 3, 4, "PERSON")
    assert trusted(doc, 3, 4, "GPE")  # places stand: they were asked for as such


def test_a_word_after_a_cue_or_a_listed_name_stands_as_a_person(nlp):
    doc = _doc(nlp, "my kid lukas and veronica")
    assert trusted(doc, 2, 3, "PERSON") and trusted(doc, 4, 5, "PERSON")


def test_an_organisation_of_a_given_name_and_a_rare_word_is_a_person(nlp):
    doc = _doc(nlp, "kylian mbappe scored twice for the golden state warriors")
    assert label_of(doc, 0, 2, "ORG") == "PERSON"
    assert label_of(doc, 6, 9, "ORG") == "ORG"
    assert label_of(doc, 0, 2, "GPE") == "GPE"


def test_a_run_together_hashtag_stays_lowercase_and_is_no_evidence(nlp):
    assert run_together("leadersdebate") and run_together("southernhospitality")
    assert not run_together("oluwaseun") and not run_together("gradsky")
    words = truecased_words(_doc(nlp, "watching the leadersdebate tonight with uotila"))
    assert words[2] == "leadersdebate" and words[5] == "Uotila"


def test_rare_words_of_a_line_that_is_not_english_stay_lowercase(nlp):
    text = "naniniwala akong patutunguhan kilig natin aldubme\nwe met uotila at the station"
    words = truecased_words(_doc(nlp, text))
    assert words[:6] == text.split("\n")[0].split()  # Tagalog: rarity says nothing
    assert "Uotila" in words  # the English line beside it is truecased as before


def test_a_line_listing_names_is_english(nlp):
    words = truecased_words(_doc(nlp, "jared leto shannon leto tomo milicevic"))
    assert words[-1] == "Milicevic"


def test_chat_words_and_numbers_at_the_edges_of_a_person_are_trimmed(nlp):
    doc = _doc(nlp, "rt kenzhana my baby turns 1 today")
    assert trimmed(doc, 0, 2) == (1, 2)
    assert trimmed(doc, 5, 6) is None


def test_a_long_person_stands_only_as_a_list_of_names(nlp):
    names = _doc(nlp, "britney spears jamie foxx paris hilton")
    assert trusted(names, 0, 6, "PERSON")
    junk = _doc(nlp, "kayo makakatulog buong magdamag sinasabi sainyo")
    assert not trusted(junk, 0, 6, "PERSON")


def test_a_name_with_an_apostrophe_keeps_its_edge(nlp):
    doc = _doc(nlp, "shaquille o'neal scored")
    end = next(t.i for t in doc if t.text == "scored")
    assert trimmed(doc, 0, end) == (0, end)


def test_only_a_line_of_three_or_more_words_all_in_capitals_is_shouted(nlp):
    doc = _doc(nlp, "SOCCER - JAPAN GET LUCKY WIN .\nThe NBA and the USDA met.\nOK GO")
    lines = shouted_lines(doc)
    first_break = [t.i for t in doc if "\n" in t.text][0]
    assert all(lines[:first_break])
    assert not any(lines[first_break:])


def test_only_the_tokens_asked_for_are_recased(nlp):
    doc = _doc(nlp, "golf woosnam leads\nAnd so it goes")
    only = [t.i < 3 for t in doc]
    words = truecased_words(doc, only)
    assert words[3:] == [t.text for t in doc][3:]
    assert words[:3] == truecased_words(doc)[:3]


def test_sports_words_stay_lowercase_beside_names(nlp):
    words = truecased_words(_doc(nlp, "cricket pakistan v england scorecard"))
    assert words[0] == "cricket" and words[-1] == "scorecard"
    words = truecased_words(_doc(nlp, "saeed anwar and khaled mahmoud played golf"))
    assert words[:2] == ["Saeed", "Anwar"] and words[3] == "Khaled" and words[-1] == "golf"


def test_a_rare_form_of_a_common_word_stays_lowercase_for_the_ner(nlp):
    words = truecased_words(_doc(nlp, "without the prior consent of the assignees and sublicensees"))
    assert words[-3] == "assignees" and words[-1] == "sublicensees"


def test_a_common_word_with_a_prefix_is_still_read_as_written_english_would(nlp):
    words = truecased_words(_doc(nlp, "send it to kyrgyz republic please"))
    assert words[3:5] == ["Kyrgyz", "Republic"]
