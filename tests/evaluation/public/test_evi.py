"""EVI: caller turns labelled from the caller's profile, a dialogue per record, bare or
after our agent prompt."""
from tests.evaluation.public.evaluate import build_records
from tests.evaluation.public.evi import PROMPTS, Evi, date_span, label, postcode_spans
from tests.evaluation.public.split import hash_half

PROFILE = {"scenario_id": "en.GB.9", "postcode": "W20A 1AB", "name": "Katie Marshall",
           "dob": "1933-08-13", "name_first": "Katie", "name_last": "Marshall"}
TURNS = [("postcode", "whiskey 2 0 alpha one alpha bravo"), ("postcode", "w20 a 1 a b"),
         ("name", "Katie Marshall"), ("name", "k a t i e"),
         ("dob", "the 13th of August 1933"), ("dob", "")]


def _found(text, item, other=False):
    return [(text[e.start:e.end], e.type) for e in label(text, item, PROFILE)
            if other or e.type != "OTHER"]


def test_a_postcode_is_the_run_of_tokens_spelling_it_in_order():
    assert _found("whiskey 2 0 alpha", "postcode") == [("whiskey 2 0 alpha", "ZIP")]
    assert _found("it's w20 a one a b", "postcode") == [("w20 a one a b", "ZIP")]
    assert _found("sorry 2 0 x w 2", "postcode") == []  # "20" then a break: too short
    assert postcode_spans("a b", "W20A 1AB") == []
    assert _found("zed 9 x", "postcode") == []
    assert postcode_spans("m 3 zed", "M3Z 1AB") == [(0, 7)]  # "zed": the letter Z


def test_names_are_tokens_equal_to_the_first_or_last_name_joined_when_adjacent():
    assert _found("katie MARSHALL thanks", "name") == [("katie MARSHALL", "PERSON")]
    assert _found("Kat Marshall", "name") == [("Marshall", "PERSON")]
    assert _found("Katy Marshal", "name") == [("Marshal", "PERSON")]  # spelled alike
    assert _found("Karen Marsh", "name") == []


def test_a_name_spelled_out_is_person_spelled_and_stray_pieces_are_other():
    assert _found("k a t i e", "name") == [("k a t i e", "PERSON_SPELLED")]
    assert _found("it's M AR s h", "name", other=True) == [("M AR s h", "PERSON_SPELLED")]
    assert _found("sorry x q 7 Marshall", "name", other=True) == [
        ("x", "OTHER"), ("q", "OTHER"), ("7", "OTHER"), ("Marshall", "PERSON")]


def test_in_a_name_turn_a_name_the_profile_lacks_is_other_and_the_words_around_stay():
    found = _found("yes it's Derrick Barry speaking", "name", other=True)
    assert found == [("Derrick", "OTHER"), ("Barry", "OTHER")]
    assert _found("Derrick Barry", "postcode", other=True) == []  # only name turns
    assert _found("Jo s e p page smi-ith", "name", other=True)[-1] == ("smi-ith", "OTHER")


def test_a_nato_word_the_asr_garbled_is_a_piece_of_the_spelling():
    found = _found("Alima Alpha 4 Bravo", "postcode", other=True)
    assert ("Alima", "OTHER") in found
    assert ("Alpine", "OTHER") not in _found("Alpine road", "postcode", other=True)



def test_letters_said_by_their_names_are_pieces_of_the_spelling():
    assert _found("w Zed 2 0", "postcode", other=True)[0] == ("w", "OTHER")
    assert ("Zed", "OTHER") in _found("n 6 v p Zed", "postcode", other=True)
    assert ("Jay", "OTHER") in _found("B 5 9 Q Jay", "postcode", other=True)
    assert ("ER", "OTHER") in _found("c h RI s ER", "name", other=True)
    assert postcode_spans("w 2 0 a 1 a bee", "W20A 1AB") == [(0, 15)]
    assert ("er", "OTHER") not in _found("er it's Katie", "name", other=True)


def test_a_two_letter_word_between_spelled_pieces_is_a_piece_and_not_elsewhere():
    assert ("he", "OTHER") in _found("t e o he h u", "name", other=True)
    assert ("at", "OTHER") in _found("L at 3 2 p j", "postcode", other=True)
    assert ("is", "OTHER") not in _found("my postcode is w 2 0", "postcode", other=True)
    assert ("to", "OTHER") not in _found("y to be a", "postcode", other=True)
    assert ("e.l.f", "OTHER") in _found("h a dead e.l.f smi-ith", "name", other=True)

def test_another_date_in_a_birth_date_turn_and_for_in_a_spelling_are_other():
    assert _found("the 20th of November 1952", "dob", other=True) == [
        ("the", "OTHER"), ("20th", "OTHER"), ("of", "OTHER"), ("November", "OTHER"),
        ("1952", "OTHER")]
    assert _found("yes the 20th please", "dob") == []
    assert ("for", "OTHER") in _found("w for whiskey 2", "postcode", other=True)
    assert ("for", "OTHER") not in _found("for the booking", "name", other=True)


def test_a_date_of_birth_spans_the_tokens_saying_its_parts():
    assert _found("the 13th of August 1933", "dob") == [("13th of August 1933",
                                                          "DATE_OF_BIRTH")]
    assert _found("1308 1933", "dob") == [("1308 1933", "DATE_OF_BIRTH")]
    assert date_span("12th of May 1950", "1933-08-13") is None
    assert _found("Katie Marshall", "dob") == []


def _write(tmp_path, dialogue="CA01"):
    folder = tmp_path / "evi"
    folder.mkdir()
    rows = ["dialogue_id\tspeaker_id\tscenario_id\tturn_num\titem\tattempt_num\t"
            "prime_letter\tprime_month\ttranscription\tnbest"]
    rows += [f"{dialogue}\ts\ten.GB.9\t{i}\t{item}\t0\tnato\tdigit\t{text}\t[]"
             for i, (item, text) in enumerate(TURNS)]
    (folder / "dialogues.en.tsv").write_text("\n".join(rows) + "\n")
    (folder / "records.en.csv").write_text(
        "scenario_id,postcode,name,dob,name_first,name_last,sex,email\n"
        "en.GB.9,W20A 1AB,Katie Marshall,1933-08-13,Katie,Marshall,F,k@example.com\n")
    return hash_half("evi", dialogue, 0)


def test_a_dialogue_is_one_record_of_its_non_empty_turns(tmp_path):
    half = _write(tmp_path)
    other = "tune" if half == "heldout" else "heldout"
    assert Evi(False).missing(tmp_path) is None and Evi(False).load(tmp_path, other) == []
    records, _ = build_records(tmp_path, ["evi"], [half], ["written", "speech"], None)
    assert len(records) == 1 and records[0].variant == "speech"
    assert records[0].text.split("\n") == [t for _, t in TURNS if t]
    found = [(records[0].text[e.start:e.end], e.type) for e in records[0].entities]
    assert found == [("whiskey 2 0 alpha one alpha bravo", "ZIP"), ("w20 a 1 a b", "ZIP"),
                     ("Katie Marshall", "PERSON"), ("k a t i e", "PERSON_SPELLED"),
                     ("the", "OTHER"), ("13th of August 1933", "DATE_OF_BIRTH")]


def test_the_prompted_rendering_puts_our_question_for_the_item_before_each_turn(tmp_path):
    half = _write(tmp_path)
    records, _ = build_records(tmp_path, ["evi_prompted"], [half], ["speech"], None)
    lines = records[0].text.split("\n")
    assert len(lines) == 10
    for (item, text), agent, customer in zip(TURNS, lines[::2], lines[1::2]):
        assert agent[len("agent: "):] in PROMPTS[item] and customer == f"customer: {text}"
    found = [(records[0].text[e.start:e.end], e.type) for e in records[0].entities]
    assert found[2] == ("Katie Marshall", "PERSON")


def test_turns_without_a_profile_are_left_out(tmp_path):
    half = _write(tmp_path)
    path = tmp_path / "evi" / "dialogues.en.tsv"
    path.write_text(path.read_text().replace("en.GB.9", "1"))
    assert Evi(True).load(tmp_path, half) == []
