"""WrittenNameRecognizer: foreign names, names after a title, names in a list and in
capitals headlines, in edited English text, with the real analyzer."""
from tests.transforms.core.recognizers.support import found_by, redacted
from transforms.core.recognizers import recognizers_for
from transforms.core.recognizers.written_name import WrittenNameRecognizer


def found(analyzer, policy, text):
    return found_by("WrittenNameRecognizer", analyzer, policy, text, "PERSON")


# Names that en_core_web_sm misses and en_core_web_md finds itself: the recognizer leaves
# words spaCy tagged PERSON alone, so these check the redaction, whoever finds the name.
def test_a_name_english_never_uses_is_redacted_mid_sentence(redactor):
    out = redacted(redactor, "This song by ex-Zombie Lončar is a perfect example.")
    assert "Lončar" not in out and out.endswith(" is a perfect example.")


def test_two_such_words_together_are_a_name_even_alone_on_a_line(redactor):
    out = redacted(redactor, "Maarit Pohjonen")
    assert "Maarit" not in out and "Pohjonen" not in out


def test_a_rare_subject_at_the_start_of_a_sentence_is_redacted(redactor):
    out = redacted(redactor, "Saidmagomed is from Garden Master")
    assert "Saidmagomed" not in out and " is from " in out


def test_a_name_after_a_title_is_redacted_and_the_title_kept(redactor):
    out = redacted(redactor, "Prime Minister and President Hollande spoke at the summit.")
    assert "Hollande" not in out
    assert out.startswith("Prime Minister and President ")


def test_a_list_item_beside_names_is_a_name(redactor):
    out = redacted(redactor, "The band featured Jared Leto, Shannon Leto, Tomo Milicevic.")
    assert "Tomo" not in out and "Milicevic" not in out
    assert out.startswith("The band featured ")


def test_a_rare_word_in_an_english_capitals_headline_is_a_name(redactor):
    out = redacted(redactor, "RUGBY UNION - BERTOLOTTI BACK FOR ITALY AFTER A YEAR")
    assert "BERTOLOTTI" not in out and out.startswith("RUGBY UNION - ")


def test_words_of_a_malay_line_are_not_names(analyzer, policy):
    text = "Hari ini hari Sabtu, Tanggal 05 Bulan September Tahun 2015 Jam 03:52"
    assert found(analyzer, policy, text) == []


def test_hashtag_words_and_common_brands_are_not_names(analyzer, policy):
    for text in ("Spotify says it will raise prices.", "Join the ClimateChange march today.",
                 "Apple is releasing a new phone."):
        assert found(analyzer, policy, text) == [], text


def test_an_ordinary_capitalised_word_beside_names_in_a_list_stays(redactor):
    out = redacted(redactor, "Guests included Justice, Grace Mbeki and Lwazi Dlamini.")
    assert "Justice" in out and "Mbeki" not in out


def test_two_rare_proper_nouns_together_are_a_name(redactor):
    out = redacted(redactor, "The prize went to Wisdom and Ivanka Petrovna.")
    assert "Ivanka" not in out and "Petrovna" not in out
    assert out.startswith("The prize went to ")  # md also reads "Wisdom" as a name here


def test_the_recognizer_serves_english_only():
    assert WrittenNameRecognizer in {type(r) for r in recognizers_for("en")}
    assert WrittenNameRecognizer not in {type(r) for r in recognizers_for("fr")}
