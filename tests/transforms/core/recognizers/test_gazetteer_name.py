"""GazetteerNameRecognizer: census names weighed by word frequency and context, in written
and speech-style text, with the real analyzer."""
import pytest

from tests.transforms.core.recognizers.support import found_by, redacted
from transforms.core.recognizers import recognizers_for
from transforms.core.recognizers.gazetteer_name import GazetteerNameRecognizer


def test_a_name_spacy_tags_as_an_organisation_is_redacted(redactor):
    out = redacted(redactor, "Maybe it's under Miklós Hajdu.")
    assert "Miklós" not in out and "Hajdu" not in out
    assert out.startswith("Maybe it's under ")


def test_a_non_english_name_tagged_as_an_organisation_is_found(analyzer, policy):
    text = "We spoke with Elínborg Guðmundsdóttir and Zeljko Petrovic on Monday."
    assert found_by("GazetteerNameRecognizer", analyzer, policy, text, "PERSON") == [
        "Elínborg Guðmundsdóttir"]


def test_will_grant_and_brown_as_ordinary_words_are_kept(redactor):
    text = "I will grant you access to the account and send the brown envelope tomorrow."
    assert redacted(redactor, text) == text


def test_a_lowercase_given_name_and_surname_in_speech_text_are_redacted(redactor):
    out = redacted(redactor, "yeah i talked to veronica brenner yesterday about the claim")
    assert "veronica" not in out and "brenner" not in out
    assert out.startswith("yeah i talked to ") and out.endswith(" yesterday about the claim")


def test_a_lowercase_name_without_a_cue_is_redacted(redactor):
    out = redacted(redactor, "does bob live in france")
    assert "bob" not in out and out.startswith("does ")


def test_my_email_changed_keeps_the_word_email(redactor):
    text = "hi my email changed to the new one last week"
    assert redacted(redactor, text) == text


def test_single_names_after_cues_are_redacted(redactor):
    for text, name in [("my kid Lukas lost his card", "Lukas"),
                       ("can you send $50 to Mahmoud please", "Mahmoud"),
                       ("What's your last name? Boyle", "Boyle"),
                       ("show the latest email from mark", "mark")]:
        assert name not in redacted(redactor, text), text


def test_a_name_after_owe_is_a_person_and_owing_the_bank_is_kept(analyzer):
    assert _gazetteer(analyzer, "I owe Yusuf 75 dollars, can you send it?") == ["Yusuf"]
    assert _gazetteer(analyzer, "i still owe mark for lunch") == ["mark"]
    assert _gazetteer(analyzer, "I owe the bank a lot of money and owe nothing else.") == []


def test_names_in_a_list_are_all_redacted(redactor):
    out = redacted(redactor, "The founders: Eklund, Michael and Hodge.")
    assert not {"Eklund", "Michael", "Hodge"} & set(out.replace(",", " ").split())
    assert out.startswith("The founders: ")


def test_a_verb_after_a_weak_cue_is_not_a_name(redactor):
    text = "please mark the ticket as resolved and bill me later"
    assert redacted(redactor, text) == text


def test_capitalised_words_of_a_title_are_not_names(analyzer, policy):
    text = "We watched the Golden Globe awards with my sister."
    assert found_by("GazetteerNameRecognizer", analyzer, policy, text, "PERSON") == []


def test_a_given_name_and_rare_surname_tagged_as_an_organisation_are_found(analyzer, policy):
    text = "Tomomi Nishiyama lives at 12 Oak Street."
    assert found_by("GazetteerNameRecognizer", analyzer, policy, text, "PERSON") == [
        "Tomomi Nishiyama"]


def test_the_recognizer_serves_english_only():
    assert GazetteerNameRecognizer in {type(r) for r in recognizers_for("en")}
    assert GazetteerNameRecognizer not in {type(r) for r in recognizers_for("fr")}


def test_a_name_spacy_misses_as_the_subject_of_a_sentence_is_found(analyzer):
    # Asked directly: NewsNameRecognizer finds the same span, and the analyzer keeps one of
    # two equal results, either.
    text = "Macy was so rude to the agent on the phone."
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    assert [text[r.start:r.end] for r in GazetteerNameRecognizer("en").analyze(
        text, ["PERSON"], artifacts)] == ["Macy"]


def test_a_title_or_seasons_and_months_are_not_names(redactor):
    text = "Summer is coming and the Golden Globe is in March."
    assert redacted(redactor, text) == text


def _gazetteer(analyzer, text):
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    return [text[r.start:r.end]
            for r in GazetteerNameRecognizer("en").analyze(text, ["PERSON"], artifacts)]


def test_a_lowercase_name_in_a_turn_typed_without_capitals_is_found_beside_cased_turns(
        analyzer):
    # The first turn has capitals; the second is judged on its own (its "I" says nothing).
    text = ("Can you move the reservation for Rolande Brill to the terrace for the two of "
            "us at the usual time?\nIndeed, I did pay waddell.")
    assert "waddell" in _gazetteer(analyzer, text)


def test_a_lowercase_mostly_name_word_in_a_cased_line_is_still_not_enough(analyzer):
    assert "waddell" not in _gazetteer(analyzer, "Indeed, Mr Smith and I paid waddell.")


def test_a_listed_name_after_under_is_a_person_and_under_the_table_is_not(analyzer):
    assert _gazetteer(analyzer, "i think the booking is under sterling") == ["sterling"]
    assert _gazetteer(analyzer, "the bag is under the table by the door") == []


def test_a_listed_surname_after_a_clear_given_name_joins_it_in_lowercase_text(analyzer):
    found = _gazetteer(analyzer, "i think it is under elmo challenger for tonight")
    assert found == ["elmo challenger"]
    assert not any("money" in f for f in _gazetteer(analyzer, "send latrice money today"))


def test_listed_surnames_in_a_tagalog_tweet_are_kept(redactor):
    text = "May mga babaeng hindi naman kagandahan. Nadadaan lang talaga sa sobrang kalandian."
    out = redacted(redactor, text)
    assert "hindi naman kagandahan" in out


@pytest.mark.parametrize("text", [
    "Hope this helps\nHope all is well with you",
    "ok great\nhope to see you soon",
    "Hope you enjoy the posts and feel free to jump in anywhere.",
])
def test_hope_opening_a_line_before_a_pronoun_or_to_is_the_verb_and_stays(redactor, text):
    assert redacted(redactor, text) == text


def test_hope_as_the_subject_or_after_a_cue_is_still_a_name(redactor):
    assert "hope" not in redacted(redactor, "i talked to hope yesterday")
    assert "Hope" not in redacted(redactor, "Hope called me yesterday about the bill.")


def test_a_tagalog_word_listed_as_a_surname_is_no_name_on_a_foreign_line(redactor):
    out = redacted(redactor, "Grabe ang saya namin kanina sa mall ng mga kaibigan ko talaga")
    assert out.startswith("Grabe ang saya")


def test_a_lowercase_word_is_no_name_on_a_cased_foreign_line(redactor):
    out = redacted(redactor, "Grabe talaga, nakita ko kanina si Ramon Bautista sa mall")
    assert "nakita ko kanina" in out and "Bautista" not in out


# Court text: a listed surname in lower case after a weak cue, in text where capitals
# carry meaning, heading an "of" phrase or the verb after "to", is the ordinary word.
@pytest.mark.parametrize("text, word", [
    ("The Board applied for grant of a licence under the new Rules.", "grant"),
    ("The Tribunal has the power to grant bail in such cases.", "grant"),
    ("Signed under my hand and seal of this Office on Monday.", "seal"),
    ("The Registrar filed it.\nGiven under my hand and seal of this office on this day.",
     "seal"),
])
def test_a_lowercase_noun_or_verb_after_a_weak_cue_stays_in_written_text(redactor, text, word):
    assert f" {word} " in redacted(redactor, text)


def test_a_lowercase_name_after_a_weak_cue_still_goes(redactor):
    out = redacted(redactor, "Then Mary said she heard from grant about the Tuesday meeting.")
    assert "grant" not in out


def test_initials_and_application_numbers_do_not_make_a_transcript_line_tagalog(analyzer):
    # "o", "ia" are Tagalog and Indonesian function words too; in a caseless court
    # transcript they are letters and "I.A." numbers: the line asks no more evidence of a
    # name than an English one
    from transforms.core.recognizers.gazetteer_name import GazetteerNameRecognizer
    from tests.transforms.core.recognizers.support import found_alone

    text = "in ia no 3 and o a no 12 we spoke with prasad about it"
    assert found_alone(GazetteerNameRecognizer, analyzer, text) == ["prasad"]
