"""Legal words and titles come off the ends of a name; a span of them alone is no name."""
import pytest

from transforms.core.legal_words import is_heading, is_legal, trim_person


def _trimmed(text):
    bounds = trim_person(text, 0, len(text))
    return None if bounds is None else text[bounds[0]:bounds[1]]


@pytest.mark.parametrize("text, name", [
    ("Mr. Justice Najmi Waziri", "Najmi Waziri"),
    ("Hon'ble Shri Justice G.S. Ahluwalia", "G.S. Ahluwalia"),
    ("Najmi Waziri, J.", "Najmi Waziri"),
    ("Rabindra Mishra                      Petitioner(s", "Rabindra Mishra"),
    ("mr justice s manikumar", "s manikumar"),
    ("Lawrence Early", "Lawrence Early"),
    ("Mr.Sanjay Singhavi", "Sanjay Singhavi"),
    ("Mr.Justice Harinder Singh", "Harinder Singh"),
    ("Ms.Justice V.M.Velumani", "V.M.Velumani"),
    ("p s patwalia sr", "p s patwalia"),
    ("Sourabh Goel, Senior Advocate", "Sourabh Goel"),
    ("Ramjan S/o", "Ramjan"),
    ("ayşe yıldırım lodged", "ayşe yıldırım"),
    ("anna kowalska practising", "anna kowalska"),
    ("Mohammed Ahmed", "Mohammed Ahmed"),
    ("john manning", "john manning"),
    ("ahmed khaled", "ahmed khaled"),  # an -ed word whose stem is no English word
    ("Amr Khaled", "Amr Khaled"),
])
def test_titles_and_legal_words_at_the_ends_of_a_name_come_off(text, name):
    assert _trimmed(text) == name


@pytest.mark.parametrize("text", [
    "Versus", "Coram", "Hon'Ble", "Nos.15304", "Section Registrar", "The Court", "Applicant",
    "Respondent/s", "Mr. Justice", "1948 Act", "Ia No.50939/2022", "W.P.(C", "O.T.(C)",
])
def test_a_span_of_legal_words_only_is_no_name(text):
    assert _trimmed(text) is None


def test_a_legal_word_inside_a_name_stays():
    assert _trimmed("Mary Court Smith") == "Mary Court Smith"


@pytest.mark.parametrize("text, span, name", [
    ("c) Kubran Ali S/o. Kalu, Aged Adult", "Kubran Ali S", "Kubran Ali"),
    ("c) Kubran Ali S/o. Kalu, Aged Adult", "o. Kalu", "Kalu"),
    ("Filing O.T. and Ia No.53417/2022-PERMISSION", "Ia", None),
    ("respondents\n\n    J U D G M E N T\n", "J U D", None),
    ("the said Leela Nair (supra)", "Leela Nair", "Leela Nair"),
    ("done in english and notified in writing", "english", None),
    ("Mr Phil English said", "Phil English", "Phil English"),
    ("I. THE CIRCUMSTANCES OF THE CASE", "I.", None),
    ("II. RELEVANT DOMESTIC LAW", "II.", None),
    ("I. Ivanov stated", "I.", "I."),
    ("谢谢王先生", "王", "王"),  # no case: no heading in capitals
    ("Please call Anna Kowalska no. 3 is her room.", "Anna Kowalska", "Anna Kowalska"),
    ("this is john smith no 5 on the list", "john smith", "john smith"),
    ("Anna Kowalska No.3 called", "Anna Kowalska No.3", "Anna Kowalska"),
    ("Crl.A. No. 470 of 2005", "Crl.A.", None),
])
def test_a_name_cut_from_its_context_loses_what_the_context_shows_is_no_name(text, span, name):
    start = text.index(span)
    bounds = trim_person(text, start, start + len(span))
    assert (None if bounds is None else text[bounds[0]:bounds[1]]) == name


@pytest.mark.parametrize("word, legal", [
    ("Petitioner(s)", True), ("No.4", True), ("J.", True), ("Mr.Sanjay", False),
    ("S.P.", False), ("Kumar", False), ("Sub-Registrar", True), ("Vice-President", True),
    ("Jean-Pierre", False), ("Ali-J", False),
])
def test_a_legal_word_may_carry_a_plural_mark_or_a_number(word, legal):
    assert is_legal(word) is legal


def test_a_legal_heading_spaced_out_letter_by_letter_is_no_name():
    assert _trimmed("O R D E R") is None
    assert _trimmed("J U D G M E N T") is None
    assert _trimmed("r o s e m a r y") == "r o s e m a r y"


@pytest.mark.parametrize("text, heading", [
    ("A. Admissibility", True), ("B. Merits", True), ("C. Just satisfaction", True),
    ("  K. Dhananjay", False), ("A. Thomeena", False),
])
def test_a_lettered_heading_line_is_no_name(text, heading):
    assert (_trimmed(text) is None) is heading


@pytest.mark.parametrize("text", [
    "H. P. Lovecraft stated that the story was his best.",  # a second initial: a name's
    "E. Smith said on Tuesday that the talks had failed.",  # a sentence, not a heading
])
def test_a_line_opening_with_an_initial_is_no_heading_when_a_name_or_sentence_follows(text):
    assert not is_heading(text, 0, 12)


def test_a_long_lettered_heading_without_a_stop_is_still_a_heading():
    assert is_heading("B. Alleged violation of Article 6 of the Convention", 0, 10)


@pytest.mark.parametrize("text", ["j o h n", "s m i t h j", "r o s e m a r y v",
                                  "M AR TI n Bo y l e"])
def test_a_spelled_name_keeps_its_first_and_last_letters(text):
    assert trim_person(text, 0, len(text)) == (0, len(text))


def test_names_on_one_long_line_are_trimmed_in_time_linear_in_the_names():
    import time

    unit = "and then John Smith said hello to the agent. "
    text = unit * 6000  # 270,000 characters, one line (a transcript without breaks)
    starts = [i * len(unit) + 9 for i in range(6000)]
    begin = time.process_time()
    trimmed = [trim_person(text, s, s + 10) for s in starts]
    assert trimmed == [(s, s + 10) for s in starts]
    assert time.process_time() - begin < 2.0  # the line split for each name: ~10 s


def test_a_surname_in_ing_whose_stem_is_no_common_word_stays_in_the_name():
    text = "my name is alan turing and my account is locked"
    assert trim_person(text, 11, 22) == (11, 22)  # "tur" is no verb


def test_a_verb_in_ing_after_a_name_still_comes_off():
    text = "kumar seeing the doctor"
    assert trim_person(text, 0, 12) == (0, 5)
