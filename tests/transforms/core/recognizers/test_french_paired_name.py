"""A given name and a surname side by side in caseless French speech, with no cue before
them (hand-written lines, issue 9, branch fr24)."""
import pytest

from tests.transforms.core.recognizers.support import (assert_names_go_and_words_stay,
                                                       redacted)


@pytest.mark.parametrize("line", [
    "le dossier a été transmis à {caroline wozniacki} la semaine dernière",
    "vous devez rappeler {kevin bacon} avant vendredi",
    "le colis pour {frank sinatra} est arrivé abîmé",
    "le technicien {nico rosberg} passera demain matin",
    "j'ai eu {alicia silverstone} au téléphone pour la facture",
    "le contrat de {francis ford coppola} est résilié",
    "{bill gates} a signé le bon de livraison",
    "{natalie wozniak} affirme que le colis est vide",
    "hier {kevin kowalczyk} déclara que la facture était fausse",
    "le remboursement de {josé garcía} est en attente",
    "j'ai reçu la lettre d'{hélène kowalski} ce matin",
    "c'est à lui qu'{esteban gutiérrez} a envoyé le colis",
])
def test_a_given_name_and_surname_without_a_cue_go_in_french_speech(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "la pierre tombale a été livrée",
    "une pierre précieuse dans la bague",
    "un pantalon en jean délavé",
    "le marin pêcheur attend son colis",
    "la rose trémière du jardin",
    "pierre qui roule n'amasse pas mousse",
    "je voudrais parler à un conseiller",
    "le lion rugit dans le documentaire",
    "avec cette victoire rey garde le titre",
    "pour noël traditions et cadeaux compris",
    "la rose tremiere du voisin",
])
def test_french_words_that_are_also_given_names_stay(redactor, line):
    assert redacted(redactor, line, language="fr") == line


@pytest.mark.parametrize("line", [
    "J'ai transmis le dossier à {Shawn Michaels} hier soir.",
    "Le colis de {Paige Hurd} est arrivé, merci.",
    "Bonjour, la facture de {Lennie Niehaus} est en retard.",
])
def test_a_capitalised_given_name_and_surname_go_in_written_french(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "Le colis est parti hier, en jean bleu délavé, avec la pierre tombale.",
    "Marie a reçu le colis mardi.",
])
def test_lowercase_words_of_written_french_stay(redactor, line):
    out = redacted(redactor, line, language="fr")
    assert "délavé" in out or "colis mardi" in out
