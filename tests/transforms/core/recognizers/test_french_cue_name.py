"""Names after French cues in caseless speech (hand-written lines, issue 9)."""
import pytest

from tests.transforms.core.recognizers.support import (assert_names_go_and_words_stay,
                                                       redacted)


@pytest.mark.parametrize("line", [
    "bonjour je suis {pierre lefebvre}",
    "ici {sophie martin} du service client",
    "bonsoir ici {julien roux}",
    "mon prénom c'est {océane}",
    "la réservation est au nom de {durand}",
    "au nom de monsieur {patrick leroy}",
    "mon fils {lucas} est malade",
    "ma femme {isabelle} est titulaire du compte",
    "c'est {marie} qui a appelé",
    "merci {patrick} bonne journée",
    "mon nom est {d'alembert}",
    "je m'appelle {jean d'arcy}",
    "j'ai parlé à votre collègue {karim} hier",
    "son mari {mehdi} a appelé",
])
def test_a_name_after_a_french_cue_is_redacted_and_the_cue_stays(redactor, line):
    assert_names_go_and_words_stay(redactor, line, language="fr")


@pytest.mark.parametrize("line", [
    "je suis très mécontent du service", "je suis désolé pour le retard",
    "je suis client depuis dix ans", "je suis sûr de moi", "je suis grand client chez vous",
    "ici il fait beau", "c'est moi qui ai appelé hier", "c'est parfait merci beaucoup",
    "mon mari travaille demain", "ma fille veut un abonnement", "au nom de la société",
    "c'est clair pour moi", "je suis marin depuis vingt ans", "ma fille aide sa grand-mère",
    "c'est rose le forfait", "ben oui c'est ça",
    "mon nom est d'origine italienne", "votre collègue m'a dit", "c'est d'accord",
    "de la part de d'autres clients",
])
def test_french_words_after_a_cue_stay(redactor, line):
    assert redacted(redactor, line, language="fr") == line
