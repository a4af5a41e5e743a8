"""The scorer on hand-made before/after pairs: left whole, left partly, caught, kept."""
from tests.evaluation.public.records import group
from tests.evaluation.public.sentence import Entity, Sentence
from tests.evaluation.public.survival import Tally, survivors

TEXT = "Please call Anna Maria Lopez at home, said Bob."
ANNA = Entity(12, 28, "PERSON")
BOB = Entity(43, 46, "PERSON")


def _tally(output):
    t = Tally()
    t.add(TEXT, [ANNA, BOB], output)
    return t


def test_a_name_left_untouched_is_left_whole():
    t = _tally(TEXT)
    assert t.entities["PERSON"] == 2 and t.whole["PERSON"] == 2 and t.partly["PERSON"] == 0
    assert t.ordinary == t.ordinary_kept == 5  # Please call at home said


def test_a_name_with_one_word_left_is_left_partly_and_a_replaced_one_is_caught():
    t = _tally("Please call <PERSON> Lopez at home, said <PERSON>.")
    assert (t.whole["PERSON"], t.partly["PERSON"]) == (0, 1)
    assert t.ordinary_kept == 5


def test_pseudonyms_and_placeholders_count_as_lost_and_misaligned_words_do_not_survive():
    pseudonym = "PERSON#k1:" + "a" * 26
    t = _tally(f"Please <PERSON> {pseudonym} at <LOCATION>, said {pseudonym}.")
    assert t.whole["PERSON"] == t.partly["PERSON"] == 0
    assert (t.ordinary, t.ordinary_kept) == (5, 3)  # "call" and "home" lost


def test_words_survive_only_in_a_consistent_order():
    assert survivors("one two three", "One two THREE") == [True, True, True]
    # "one" and "three" swapped: only one of them can be aligned.
    assert sum(survivors("one two three", "three x one")) == 1


def test_initials_do_not_decide_and_url_words_are_not_ordinary():
    t = Tally()
    t.add("J. Smith at http://x.co/abc ok", [Entity(0, 8, "PERSON")],
          "J. <PERSON> at http://x.co/<URL_PATH> ok")
    assert t.whole["PERSON"] == t.partly["PERSON"] == 0
    assert (t.ordinary, t.ordinary_kept) == (2, 2)


def test_a_record_not_written_counts_against_records_written_only():
    t = _tally(None)
    assert (t.records, t.written, t.entities["PERSON"]) == (1, 0, 0)
    f = t.figures()
    assert f["records_written"] == 0.0 and f["types"] == {}


def test_sentences_group_by_file_and_offsets_shift():
    a = Sentence("c", "f1", 0, "hi Ann", (Entity(3, 6, "PERSON"),))
    b = Sentence("c", "f1", 1, "yo Bo", (Entity(3, 5, "PERSON"),))
    c = Sentence("c", "f2", 0, "Cy", (Entity(0, 2, "PERSON"),))
    first, second = group([a, b, c], "heldout", "written")
    assert first.text == "hi Ann\nyo Bo" and second.text == "Cy"
    assert [first.text[e.start:e.end] for e in first.entities] == ["Ann", "Bo"]
    assert first.id == "c-heldout-written-00000" and first.as_export()["channel"] == "chat"


def test_an_address_with_half_its_words_left_counts_as_half_kept():
    text = "Ship to 12 Oak Street Springfield today"
    address = Entity(8, 33, "ADDRESS")
    t = Tally()
    t.add(text, [address], "Ship to 12 Oak <ADDRESS> today")
    t.add(text, [address], "Ship to 12 <ADDRESS> today")
    f = t.figures()["types"]["ADDRESS"]
    assert (f["left_partly"], f["half_kept"]) == (1.0, 0.5)


def test_a_value_spelled_out_in_single_characters_counts_its_characters():
    text = "j e 0 x 5 s b thanks"
    spelled, initials = Entity(0, 13, "ZIP"), Entity(0, 3, "PERSON")  # "j e" alone: initials
    t = Tally()
    t.add(text, [spelled, initials], "j e 0 <POSTAL_CODE> thanks")
    assert t.entities["ZIP"] == 1 and t.partly["ZIP"] == 1 and t.half["ZIP"] == 0
    assert t.entities["PERSON"] == 0
    t = Tally()
    t.add(text, [spelled], "<POSTAL_CODE> thanks")
    assert t.entities["ZIP"] == 1 and t.whole["ZIP"] == t.partly["ZIP"] == 0
