"""Given names of other countries in caseless French speech, weighed against French word
frequency, and lists of names read one name at a time (hand-written lines, issue 9,
branch fr26)."""
import pytest

from tests.transforms.core.recognizers.support import (assert_names_go_and_words_stay,
                                                       redacted)
from transforms.core.french_given_names import world_given


@pytest.mark.parametrize("line", [
    "le dossier de {friedrich kowalczyk} est en attente",
    "j'ai rappelé {hermann brandstätter} pour sa facture",
    "{pavel novotny} attend toujours le remboursement",
    "le colis de {ludwig hoffmeister} est arrivé abîmé",
    "le client {stefano bellucci} a rappelé le service",
    "{philippe montanel} a signé le bon de livraison",
    "la réclamation de {bernhard eiselmayer} est close",
])
def test_a_given_name_of_another_country_and_a_surname_go_in_french_speech(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "il arrive en mars prochain",
    "un ange gardien veille sur lui",
    "son papa bricole dans le garage",
    "la rose trémière fleurit en juin",
    "le baron rouge vole encore",
])
def test_french_words_that_notable_people_bear_as_given_names_stay(redactor, line):
    assert redacted(redactor, line, language="fr") == line


def test_a_given_name_is_weighed_against_its_french_frequency():
    assert world_given("friedrich") and world_given("hermann") and world_given("pavel")
    assert not world_given("mars") and not world_given("ange") and not world_given("papa")
    assert not world_given("table")  # no given name at all


@pytest.mark.parametrize("line", [
    "le service a rappelé {pete sampras} {gustavo kuerten} et {marat safin} hier",
    "avec {queen latifah} {alicia silverstone} et {julia roberts}",
    "les dossiers de {sebastian vettel} {romain grosjean} et {adrian sutil} sont prêts",
])
def test_a_list_of_names_is_read_one_name_at_a_time(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "la cliente {oyelaran adeyemi} a rappelé hier",
    "le dossier de {thandeka nkosi} est en attente",
    "j'ai transmis la facture à {tuulikki heinonen} ce matin",
])
def test_two_words_of_no_language_here_the_second_a_surname_go_in_french_speech(redactor,
                                                                                 line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "une sauce teriyaki maison",
    "le chêne quercus robur du parc",
    "ils chantent mi libertad en concert",
    "un mojito cubano bien frais",
    "les sushis tempura du restaurant",
])
def test_foreign_words_that_are_no_name_stay_in_french_speech(redactor, line):
    assert redacted(redactor, line, language="fr") == line
