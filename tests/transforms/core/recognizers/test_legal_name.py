"""LegalNameRecognizer: names in court text by title, initials, role, "v." and "@"."""
import pytest

from transforms.core.recognizers import recognizers_for
from transforms.core.recognizers.legal_name import LegalNameRecognizer


def _found(text):
    return [text[s:e] for s, e in LegalNameRecognizer.find(text)]


@pytest.mark.parametrize("text, names", [
    ("The applicant, Mr Hüseyin Yıldırım, is a Turkish national.", ["Hüseyin Yıldırım"]),
    ("He was represented by Mr M. Gündoğdu, a lawyer practising in Ankara.",
     ["M. Gündoğdu"]),
    ("by a Turkish national, Mr A.B. (the applicant), on 3 May 2006", ["A.B."]),
    ("              Smt.A.C.Vidhya, Govt.Pleader", ["A.C.Vidhya"]),
    ("(By Sri: Manohar N, Advocate)", ["Manohar"]),
    ("Coram:\nHon'Ble Mr. Justice Najmi Waziri", ["Najmi Waziri"]),
])
def test_a_name_after_a_title_is_found_without_the_title(text, names):
    assert _found(text) == names


@pytest.mark.parametrize("text, names", [
    ("   G.Balasubramanian", ["G.Balasubramanian"]),
    ("Coram : A.S.Oka And  A.K.Menon, Jj.", ["A.S.Oka", "A.K.Menon"]),
    ("                C.P.Ashok Kumar", ["C.P.Ashok Kumar"]),
])
def test_initials_before_a_capitalised_name_word_are_a_name(text, names):
    assert _found(text) == names


def test_a_judges_name_before_the_j_suffix_is_found():
    assert _found("U. DURGA PRASAD RAO, J Date: 03.07.2018") == ["U. DURGA PRASAD RAO"]


@pytest.mark.parametrize("text, names", [
    ("In the case of Wójcik v. Poland, the Court", ["Wójcik"]),
    ("Smt. Meera and others Vs. Har Prasad and others", ["Meera", "Har Prasad"]),
    ("The State of Gujarat vs. Killu @ Kailash & Ors.", ["Killu", "Kailash"]),
])
def test_parties_beside_versus_and_an_alias_are_names_but_not_a_state_or_country(
        text, names):
    assert _found(text) == names


@pytest.mark.parametrize("text, names", [
    ("After that, accused Laxmi was arrested", ["Laxmi"]),
    ("P.W.2 Kubendroji Rao has deposed that", ["Kubendroji Rao"]),
    ("The witness J.K. stated that he had seen the applicant.", ["J.K."]),
    ("Jaajid Ali S/o. Kalu, Aged Adult", ["Kalu"]),
])
def test_a_name_after_a_role_is_found(text, names):
    assert names[-1] in _found(text)


@pytest.mark.parametrize("text, names", [
    ("     Manga Singh                                            Respondent(s)",
     ["Manga Singh"]),
    ("  1. Harsh Kumar Agarwal                           ..... Petitioner",
     ["Harsh Kumar Agarwal"]),
    ("     S.Ganesh & Anr.                                        Appellant(s)", ["S.Ganesh"]),
])
def test_a_preamble_line_of_name_words_before_its_party_role_is_a_name(text, names):
    assert _found(text) == names


@pytest.mark.parametrize("text, names", [
    ("hon'ble shri justice g s ahluwalia", ["g s ahluwalia"]),
    ("petitioner s hemant katare versus respondent", ["s hemant katare"]),
    ("mr s manikumar and dr v sridevi", ["s manikumar", "v sridevi"]),
    ("he was represented by mr m gündoğdu a lawyer practising in izmir", ["m gündoğdu"]),
    ("represented by ms anna kowalska a lawyer practising in warsaw", ["anna kowalska"]),
])
def test_lowercase_text_keeps_the_title_and_role_cues(text, names):
    assert _found(text) == names


@pytest.mark.parametrize("text", [
    "The Court held that Article 6 of the Convention applied; the Government and the "
    "Applicant agreed. The Chamber and the Registrar.",
    "S.B. Civil First Appeal No.86/1979 before the U.S. Army",
    "The State of Gujarat       Respondent",
    "the judge said justice and fairness matter and the accused persons were present",
    "the petitioner  was heard",
    "In The Supreme Court Of India\nCriminal Appellate Jurisdiction",
])
def test_legal_vocabulary_and_institutions_are_no_names(text):
    assert _found(text) == []


def test_the_recognizer_serves_english():
    assert any(isinstance(r, LegalNameRecognizer) for r in recognizers_for("en"))
    assert not any(isinstance(r, LegalNameRecognizer) for r in recognizers_for("fr"))


@pytest.mark.parametrize("text, names", [
    ("(2) Bing Yu (“ Borrower ”), a citizen of China", ["Bing Yu"]),
    ('by a Polish national, Zbigniew Wójcik ("the applicant"), on 12 March 2004',
     ["Zbigniew Wójcik"]),
    ("Beijing, P. R. China Attn: Bing Yu Tel: + 86", ["Bing Yu"]),
])
def test_a_party_before_its_defined_role_or_after_attn_is_a_name(text, names):
    assert _found(text) == names


def test_a_company_before_its_defined_role_is_no_name():
    assert _found('Silicon Valley Bank ("Bank") and Acme Widgets Inc. ("Borrower")') == []


@pytest.mark.parametrize("text, names", [
    ("the witness a b stated that he had seen the applicant", ["a b"]),
    ("respondent s versus the state", []),
    ("the accused a lot later", []),
])
def test_lowercase_initials_after_a_role_are_a_name_when_two_or_more(text, names):
    assert _found(text) == names


@pytest.mark.parametrize("text, names", [
    ("accepted by the Apex Court in Jagdish Prasad (supra).", ["Jagdish Prasad"]),
    ("d) Jaajid Ali S/o. Kalu, Aged Adult", ["Jaajid Ali", "Kalu"]),
    ("as held in State of Gujarat (supra)", []),
])
def test_a_name_before_supra_or_a_parent_is_found(text, names):
    assert _found(text) == names


@pytest.mark.parametrize("text, names", [
    ("Søren Nielsen, Registrar. Christos Rozakis, President.",
     ["Søren Nielsen", "Christos Rozakis"]),
    ("søren nielsen registrar christos rozakis president", ["søren nielsen",
                                                              "christos rozakis"]),
    ("composed of Lech Garlicki, Ljiljana Mijović, judges,", ["Ljiljana Mijović"]),
    ("the court president and the deputy registrar agreed", []),
])
def test_a_name_before_its_office_on_the_bench_is_found(text, names):
    assert _found(text) == names


@pytest.mark.parametrize("text, names", [
    ("dempl was represented by shri arvind p datar learned senior counsel",
     ["arvind p datar"]),
    ("caught hold by accused manoj nai rohit amit anil pankaj and raja on the roof",
     ["manoj nai rohit", "amit anil pankaj", "raja"]),
    ("the petitioner examined two witnesses namely c s aggarwal the petitioner as pw 1 and "
     "anil sharma as pw 2", ["c s aggarwal", "anil sharma"]),
    ("an earlier decision of this court in ramanlal gulab chand shah supra this court",
     ["gulab chand shah"]),
])
def test_lowercase_lists_middle_initials_witness_numbers_and_supra(text, names):
    assert _found(text) == names


def test_after_attn_a_lowercase_name_of_common_words_is_a_name():
    assert _found("beijing p r china attn bing yu tel 86 10") == ["bing yu"]


@pytest.mark.parametrize("text", [
    "inaiku enakkum enga amma kum sanda vara poguthu sun vs ktv purinja retweet pannu",
    "setlist dareka no tame ni v bebyjkt48 nabilahjkt48",
    "visits olu of warri amp pastor ayo oritsejafor president goodluck jonathan",
])
def test_tweets_with_vs_or_an_office_word_lose_no_ordinary_words(text):
    found = _found(text)
    assert not {"sun", "ktv", "retweet", "bebyjkt", "amp", "pastor"} & {
        w for f in found for w in f.split()}


def test_lowercase_vs_counts_beside_a_party_role():
    text = "wa no 119 2018 smt anjana vs bank of india appellant mohd mustafa vs rukhsana"
    assert "rukhsana" in _found(text)


def test_lowercase_versus_needs_a_name_on_one_side_only():
    text = "2 cra d 592 db of 2011 pardeep soni mintu and another appellants versus state of"
    assert _found(text) == ["pardeep soni mintu"]


def test_son_of_said_as_letters_is_no_initials_and_the_name_after_it_is_found():
    assert _found("the accused s o kundappa was present") == ["kundappa"]
    assert _found("the accused w o rakesh was present") == ["rakesh"]
